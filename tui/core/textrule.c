/* The text rule of every field a person fills in (core/textrule.h). */
#include "config.h"
#include "core/textrule.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "util/i18n.h"
#include "util/text.h"

/* NUL bytes every other byte among ASCII letters: UTF-16 without a byte
 * order mark. */
static bool looks_utf16(const char *s, size_t len)
{
    if (len < 2)
        return false;
    size_t pairs = len / 2 < 8 ? len / 2 : 8, lo = 0, hi = 0;
    for (size_t i = 0; i < pairs; i++) {
        lo += s[2 * i] == '\0' && s[2 * i + 1] != '\0';
        hi += s[2 * i + 1] == '\0' && s[2 * i] != '\0';
    }
    return lo == pairs || hi == pairs;
}

int textrule_encoding(const char *what, const char *s, size_t len, struct err *e)
{
    const unsigned char *u = (const unsigned char *)s;
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
        return err_set(e, _("%s: UTF-16 text (it starts with a UTF-16 byte order mark); dpia "
                       "takes UTF-8 (iconv -f UTF-16 -t UTF-8 converts it)"), what);
    const char *nul = memchr(s, '\0', len);
    if (nul) {
        if (looks_utf16(s, len))
            return err_set(e, _("%s: UTF-16 text (NUL bytes between the letters, the first at "
                           "byte offset %zu); dpia takes UTF-8 (iconv -f UTF-16 -t UTF-8 "
                           "converts it)"), what, (size_t)(nul - s));
        return err_set(e, _("%s: a NUL byte at byte offset %zu; text may not hold NUL bytes"),
                       what, (size_t)(nul - s));
    }
    for (size_t i = 0; i < len;) {
        unsigned cp;
        size_t n = text_decode(s + i, len - i, &cp);
        if (cp == 0xFFFD && n == 1)
            return err_set(e, _("%s: not valid UTF-8 (byte 0x%02X at byte offset %zu)"), what,
                           u[i], i);
        i += n;
    }
    return 0;
}

int textrule_check(const char *what, const char *s, size_t len, enum text_kind kind,
                   struct err *e)
{
    if (textrule_encoding(what, s, len, e) < 0)
        return -1;
    for (size_t i = 0; i < len;) {
        unsigned cp = (unsigned char)s[i];
        size_t n = cp < 0x80 ? 1 : text_decode(s + i, len - i, &cp);
        if (cp == '\n' || cp == '\t') {
            if (kind == TK_LINE)
                return err_set(e, cp == '\n' ? _("%s: a line break at byte offset %zu; it is "
                                                 "one line, without line breaks or tabs")
                                             : _("%s: a tab at byte offset %zu; it is one line, "
                                                 "without line breaks or tabs"), what, i);
        } else if (cp == '\r') {
            return err_set(e, _("%s: a carriage return (U+000D) at byte offset %zu; lines end "
                           "with a line feed alone"), what, i);
        } else if (text_is_control(cp)) {
            if (kind == TK_LINES)
                return err_set(e, cp == 0x1B ? _("%s: a control character (U+%04X, escape) at "
                                                 "byte offset %zu; text may not hold control "
                                                 "characters other than line breaks and tabs")
                                             : _("%s: a control character (U+%04X) at byte "
                                                 "offset %zu; text may not hold control "
                                                 "characters other than line breaks and tabs"),
                               what, cp, i);
            return err_set(e, cp == 0x1B ? _("%s: a control character (U+%04X, escape) at byte "
                                             "offset %zu; text may not hold control characters")
                                         : _("%s: a control character (U+%04X) at byte offset "
                                             "%zu; text may not hold control characters"),
                           what, cp, i);
        } else if (text_is_bidi(cp)) {
            return err_set(e, _("%s: a bidirectional control character (U+%04X) at byte offset "
                           "%zu; it would make the text read differently from what it holds"),
                           what, cp, i);
        }
        i += n;
    }
    return 0;
}

int textrule_check_str(const char *what, const char *s, enum text_kind kind, struct err *e)
{
    return textrule_check(what, s ? s : "", s ? strlen(s) : 0, kind, e);
}

/* Fields of several lines; the others are one line. */
static enum text_kind field_kind(const struct field *f)
{
    return f->lines ? TK_LINES : TK_LINE;
}

int textrule_fields(const char *owner, const struct field *fields, size_t n, const void *obj,
                    const void *old, struct err *e)
{
    for (size_t i = 0; i < n; i++) {
        const struct field *f = &fields[i];
        if (f->kind != FLD_TEXT)
            continue;
        const char *v = field_str(f, obj);
        if (old && strcmp(v, field_str(f, old)) == 0)
            continue;
        char what[128];
        snprintf(what, sizeof what, "%s %s", owner, f->name);
        if (textrule_check_str(what, v, field_kind(f), e) < 0)
            return -1;
    }
    return 0;
}
