#include "config.h"
#include "util/text.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "util/buf.h"
#include "util/xalloc.h"

size_t text_decode(const char *str, size_t len, unsigned *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    if (len == 0) {
        *cp = 0xFFFD;
        return 1;
    }
    unsigned c = s[0];
    size_t n;
    unsigned min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        n = 2; c &= 0x1F; min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3; c &= 0x0F; min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4; c &= 0x07; min = 0x10000;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if (len < n) {
        *cp = 0xFFFD;
        return 1;
    }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = c;
    return n;
}

bool text_valid_utf8(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        /* ASCII, most of what the store reads back, eight bytes at a
         * time; a byte with its high bit set is decoded. */
        uint64_t w;
        while (i + 8 <= len && (memcpy(&w, s + i, 8), (w & 0x8080808080808080u) == 0))
            i += 8;
        while (i < len && (unsigned char)s[i] < 0x80)
            i++;
        if (i == len)
            break;
        unsigned cp;
        size_t n = text_decode(s + i, len - i, &cp);
        if (cp == 0xFFFD && n == 1)
            return false;
        i += n;
    }
    return true;
}

bool text_is_control(unsigned cp)
{
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
}

bool text_is_bidi(unsigned cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
           cp == 0x200F || cp == 0x061C;
}

char *text_sanitize(const char *s, bool keep_newlines)
{
    struct buf b = {0};
    size_t len = strlen(s);
    size_t i = 0;
    while (i < len) {
        /* Printable ASCII goes through in runs. */
        size_t run = i;
        while (run < len && (unsigned char)s[run] >= 0x20 && (unsigned char)s[run] < 0x7f)
            run++;
        if (run > i) {
            buf_add(&b, s + i, run - i);
            i = run;
            continue;
        }
        unsigned cp;
        size_t n = text_decode(s + i, len - i, &cp);
        if (cp == '\n' && keep_newlines)
            buf_addc(&b, '\n');
        else if (cp == '\t')
            buf_addc(&b, ' ');
        else if (cp == 0x1B)
            buf_adds(&b, "\xE2\x90\x9B"); /* U+241B SYMBOL FOR ESCAPE */
        else if (text_is_control(cp) || text_is_bidi(cp) || (cp == 0xFFFD && n == 1))
            buf_adds(&b, "\xEF\xBF\xBD"); /* U+FFFD */
        else
            buf_add(&b, s + i, n);
        i += n;
    }
    return buf_take(&b);
}

static int cp_width(unsigned cp)
{
    if (cp >= 0x20 && cp < 0x7f)
        return 1;
    int w = wcwidth((wchar_t)cp);
    return w < 0 ? 1 : w;
}

int text_width(const char *s)
{
    int w = 0;
    size_t len = strlen(s), i = 0;
    while (i < len) {
        unsigned cp = (unsigned char)s[i];
        i += cp < 0x80 ? 1 : text_decode(s + i, len - i, &cp);
        w += text_is_control(cp) || text_is_bidi(cp) ? 1 : cp_width(cp);
    }
    return w;
}

size_t text_fit(const char *s, int cols)
{
    int w = 0;
    size_t len = strlen(s), i = 0;
    while (i < len) {
        unsigned cp = (unsigned char)s[i];
        size_t n = cp < 0x80 ? 1 : text_decode(s + i, len - i, &cp);
        int cw = text_is_control(cp) || text_is_bidi(cp) ? 1 : cp_width(cp);
        if (w + cw > cols)
            break;
        w += cw;
        i += n;
    }
    return i;
}

char *text_cut(const char *s, int cols, const char *ellipsis)
{
    if (cols <= 0)
        return xstrdup("");
    if (text_width(s) <= cols)
        return xstrdup(s);
    int ew = text_width(ellipsis);
    if (ew > cols)
        return xstrndup(ellipsis, text_fit(ellipsis, cols));
    size_t n = text_fit(s, cols - ew);
    struct buf b = {0};
    buf_add(&b, s, n);
    buf_adds(&b, ellipsis);
    return buf_take(&b);
}

char *text_line_cut(const char *s, int cols, const char *ellipsis)
{
    size_t n = strcspn(s, "\n");
    char *one = xstrndup(s, n);
    char *r;
    if (s[n] && text_width(one) + text_width(ellipsis) <= cols)
        r = xasprintf("%s%s", one, ellipsis);
    else
        r = text_cut(one, cols, ellipsis);
    free(one);
    return r;
}

char *text_squeeze(const char *s, bool keep_paragraphs)
{
    struct buf b = {0};
    const char *p = s;
    while (*p && isspace((unsigned char)*p))
        p++;
    while (*p) {
        if (isspace((unsigned char)*p)) {
            int newlines = 0;
            while (*p && isspace((unsigned char)*p)) {
                if (*p == '\n')
                    newlines++;
                p++;
            }
            if (!*p)
                break;
            buf_adds(&b, keep_paragraphs && newlines >= 2 ? "\n\n" : " ");
        } else {
            buf_addc(&b, *p++);
        }
    }
    return buf_take(&b);
}

bool text_contains_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    if (n == 0)
        return true;
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0)
            return true;
    return false;
}

/* The letters of U+00C0-U+00FF and U+0100-U+017F without their
 * diacritics, lowercase; '-' where there is no letter (the signs x and
 * division), '*' where two letters stand for one (below). */
static const char latin1[] = "aaaaaa*ceeeeiiiidnooooo-ouuuuy**aaaaaa*ceeeeiiiidnooooo-ouuuuy*y";
static const char latin_ext_a[] = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkkll"
                                  "llllllllnnnnnnnnnoooooo**rrrrrrsssssssstttttt"
                                  "uuuuuuuuuuuuwwyyyzzzzzzs";

static const char *plain_letters(unsigned cp, char one[2])
{
    switch (cp) {
    case 0xC6: case 0xE6: return "ae";
    case 0xDE: case 0xFE: return "th";
    case 0xDF: return "ss";
    case 0x132: case 0x133: return "ij";
    case 0x152: case 0x153: return "oe";
    default: break;
    }
    char c = 0;
    if (cp < 0x80)
        c = isalnum((int)cp) ? (char)tolower((int)cp) : 0;
    else if (cp >= 0xC0 && cp <= 0xFF)
        c = latin1[cp - 0xC0];
    else if (cp >= 0x100 && cp <= 0x17F)
        c = latin_ext_a[cp - 0x100];
    if (c == 0 || c == '-')
        return NULL;
    one[0] = c;
    one[1] = '\0';
    return one;
}

char *text_slug(const char *s, size_t max, const char *fallback)
{
    struct buf b = { 0 };
    bool dash = false;
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        unsigned cp;
        i += text_decode(s + i, len - i, &cp);
        char one[2];
        const char *l = plain_letters(cp, one);
        if (!l) {
            dash = b.len > 0;
            continue;
        }
        size_t add = strlen(l) + (dash ? 1 : 0);
        if (b.len + add > max)
            break;
        if (dash)
            buf_addc(&b, '-');
        buf_adds(&b, l);
        dash = false;
    }
    if (!b.len)
        buf_adds(&b, fallback);
    return buf_take(&b);
}
