/*
 * Reading the rows of a file that may have been damaged or crafted (a
 * flipped byte, a value written with the sqlite3 shell): every value the
 * store reads passes through here and is checked before use. A text is
 * UTF-8 without a NUL byte and of bounded length; a blob has no NUL byte
 * inside and its own length is used; an integer is a whole number in the
 * range the program uses. The first value that fails marks the row bad
 * and fills e with the file, the table, the row and the column; the rest
 * of the row then reads as "" or the lowest value allowed, so that a
 * caller may read every column and test once (store_row_end).
 */
#include "config.h"
#include "store/store.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

void store_row_start(struct store_row *r, struct store *s, struct db_stmt *st, const char *table,
                     const char *key, int64_t id, struct err *e)
{
    r->s = s;
    r->st = st;
    r->table = table;
    r->key = key;
    r->id = id;
    r->e = e;
    r->bad = false;
}

int store_row_end(const struct store_row *r)
{
    return r->bad ? -1 : 0;
}

/* Marks the row bad (the first failure only says why). */
static void bad(struct store_row *r, int col, const char *why)
{
    if (r->bad)
        return;
    r->bad = true;
    const char *name = db_column_name(r->st, col);
    err_set(r->e, _("%s is damaged: table %s, row %s %lld, column %s: %s"), r->s->path,
            r->table, r->key, (long long)r->id, name ? name : "?", why);
}

const char *store_row_view(struct store_row *r, int col, size_t *len)
{
    *len = 0;
    if (r->bad)
        return "";
    if (db_column_type(r->st, col) == DB_T_NULL)
        return "";
    size_t n;
    const char *t = db_column_text(r->st, col, &n);
    if (!t) {
        bad(r, col, _("it cannot be read"));
        return "";
    }
    if (n > STORE_TEXT_MAX) {
        char why[64];
        snprintf(why, sizeof why, _("longer than %u bytes"), (unsigned)STORE_TEXT_MAX);
        bad(r, col, why);
        return "";
    }
    if (memchr(t, '\0', n)) {
        bad(r, col, _("a NUL byte inside the text"));
        return "";
    }
    if (!text_valid_utf8(t, n)) {
        bad(r, col, _("not UTF-8 text"));
        return "";
    }
    *len = n;
    return t;
}

char *store_row_text(struct store_row *r, int col)
{
    size_t n;
    const char *t = store_row_view(r, col, &n);
    return xstrndup(t, n);
}

void store_row_set(struct store_row *r, int col, char **p)
{
    size_t n;
    const char *t = store_row_view(r, col, &n);
    char *copy = xstrndup(t, n);
    free(*p);
    *p = copy;
}

char *store_row_blob(struct store_row *r, int col, size_t max, size_t *len)
{
    *len = 0;
    if (r->bad)
        return xstrdup("");
    size_t n;
    const void *b = db_column_blob(r->st, col, &n);
    if (!b && n > 0) {
        bad(r, col, _("it cannot be read"));
        return xstrdup("");
    }
    if (n > max) {
        char why[64];
        snprintf(why, sizeof why, _("longer than %zu bytes"), max);
        bad(r, col, why);
        return xstrdup("");
    }
    if (n > 0 && memchr(b, '\0', n)) {
        bad(r, col, _("a NUL byte inside"));
        return xstrdup("");
    }
    /* The blob's own length, and a NUL after it for whoever wants a
     * string: never strlen, never past the end. */
    char *copy = xmalloc(n + 1);
    if (n)
        memcpy(copy, b, n);
    copy[n] = '\0';
    *len = n;
    return copy;
}

int64_t store_row_int(struct store_row *r, int col, int64_t min, int64_t max)
{
    if (r->bad)
        return min;
    if (db_column_type(r->st, col) != DB_T_INT) {
        bad(r, col, _("not a whole number"));
        return min;
    }
    int64_t v = db_column_int64(r->st, col);
    if (v < min || v > max) {
        char why[128];
        snprintf(why, sizeof why, _("%lld is out of range (%lld to %lld)"), (long long)v,
                 (long long)min, (long long)max);
        bad(r, col, why);
        return min;
    }
    return v;
}

int64_t store_row_time(struct store_row *r, int col)
{
    return store_row_int(r, col, 0, STORE_TIME_MAX);
}

bool store_row_flag(struct store_row *r, int col)
{
    return store_row_int(r, col, INT64_MIN, INT64_MAX) != 0;
}

int store_row_key(struct store_row *r, int col, int (*parse)(const char *key), int fallback)
{
    size_t n;
    const char *t = store_row_view(r, col, &n);
    int v = r->bad ? -1 : parse(t);
    return v < 0 ? fallback : v;
}

bool store_uuid_ok(const char *u)
{
    if (strlen(u) != 36)
        return false;
    for (int i = 0; i < 36; i++) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? u[i] != '-' : !isxdigit((unsigned char)u[i]))
            return false;
    }
    return true;
}

void store_row_uuid(struct store_row *r, int col, char out[37])
{
    size_t n;
    const char *t = store_row_view(r, col, &n);
    out[0] = '\0';
    if (r->bad)
        return;
    if (n != 36 || !store_uuid_ok(t)) {
        bad(r, col, _("not a uuid"));
        return;
    }
    memcpy(out, t, 37);
}

void store_row_digest(struct store_row *r, int col, char out[65])
{
    size_t n;
    const char *t = store_row_view(r, col, &n);
    out[0] = '\0';
    if (r->bad)
        return;
    if (n != 64 || strspn(t, "0123456789abcdef") != 64) {
        bad(r, col, _("not a SHA-256 digest"));
        return;
    }
    memcpy(out, t, 65);
}
