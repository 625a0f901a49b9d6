/* Table answers: parsing, checking and writing the canonical form,
 * references between rows, and who cites what (see table.h). */
#include "config.h"
#include "core/table.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/answer.h"
#include "core/textrule.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* --- references ------------------------------------------------------- */

/* Splits "D3" (letters then a number without leading zero); the prefix
 * is copied upper-cased into pfx. False when it is not a reference. */
static bool split_ref(const char *s, size_t len, char *pfx, int *number)
{
    size_t i = 0;
    while (i < len && isalpha((unsigned char)s[i]) && i < TABLE_PREFIX_MAX) {
        pfx[i] = (char)toupper((unsigned char)s[i]);
        i++;
    }
    pfx[i] = '\0';
    if (i == 0 || i >= len || !isdigit((unsigned char)s[i]) || s[i] == '0')
        return false;
    long n = 0;
    for (; i < len; i++) {
        if (!isdigit((unsigned char)s[i]))
            return false;
        n = n * 10 + (s[i] - '0');
        if (n > TABLE_MAX_NUMBER)
            return false;
    }
    *number = (int)n;
    return true;
}

void table_ref(const struct tmpl_question *q, int number, char *buf, size_t size)
{
    snprintf(buf, size, "%s%d", q->prefix ? q->prefix : "", number);
}

static const struct tmpl_question *table_by_prefix(const struct tmpl *t, const char *pfx)
{
    for (size_t i = 0; i < t->nquestions; i++)
        if (t->questions[i].type == QT_TABLE && t->questions[i].prefix &&
            strcmp(t->questions[i].prefix, pfx) == 0)
            return &t->questions[i];
    return NULL;
}

bool table_parse_ref(const struct tmpl *t, const char *ref, const struct tmpl_question **q,
                     int *number)
{
    char pfx[TABLE_PREFIX_MAX + 1];
    int n;
    size_t len = strlen(ref);
    if (!split_ref(ref, len, pfx, &n) || strncmp(ref, pfx, strlen(pfx)) != 0)
        return false;
    const struct tmpl_question *tq = table_by_prefix(t, pfx);
    if (!tq)
        return false;
    if (q)
        *q = tq;
    if (number)
        *number = n;
    return true;
}

/* --- cells ------------------------------------------------------------ */

static void trim(const char **s, size_t *len)
{
    while (*len && isspace((unsigned char)**s))
        (*s)++, (*len)--;
    while (*len && isspace((unsigned char)(*s)[*len - 1]))
        (*len)--;
}

/* One reference of a ref or refs column, in loose form, to canonical. */
static int one_ref(const struct tmpl_column *c, const char *s, size_t len, struct buf *out,
                   struct err *e)
{
    char pfx[TABLE_PREFIX_MAX + 1];
    int n;
    if (!split_ref(s, len, pfx, &n))
        return err_set(e, _("'%.*s' is not a row reference (such as %s3)"), (int)len, s,
                       c->tprefix ? c->tprefix : "D");
    if (!c->tprefix || strcmp(pfx, c->tprefix) != 0)
        return err_set(e, _("'%.*s' is not a row of table '%s' (its rows are %s1, %s2...)"),
                       (int)len, s, c->table ? c->table : "", c->tprefix ? c->tprefix : "",
                       c->tprefix ? c->tprefix : "");
    buf_printf(out, "%s%d", pfx, n);
    return 0;
}

/* The canonical form of a cell given in its loose form (the caller
 * frees), or NULL with the reason in e. */
static char *cell_canonical(const struct tmpl_column *c, const char *value, struct err *e)
{
    if (textrule_check_str(c->id, value, TK_LINE, e) < 0)
        return NULL;
    const char *s = value;
    size_t len = strlen(s);
    trim(&s, &len);
    if (len == 0)
        return xstrdup("");
    switch (c->type) {
    case CT_TEXT:
        return xstrndup(s, len);
    case CT_YESNO:
        if (answer_yes_no(s, len) >= 0)
            return xstrdup(answer_yes_no(s, len) ? "yes" : "no");
        err_set(e, _("'%.*s' is not yes or no"), (int)len, s);
        return NULL;
    case CT_CHOICE: {
        for (size_t i = 0; i < c->noptions; i++)
            if (strlen(c->options[i].value) == len && strncmp(c->options[i].value, s, len) == 0)
                return xstrdup(c->options[i].value);
        for (size_t i = 0; i < c->noptions; i++)
            if (strlen(c->options[i].value) == len &&
                strncasecmp(c->options[i].value, s, len) == 0)
                return xstrdup(c->options[i].value);
        struct buf b = {0};
        for (size_t i = 0; i < c->noptions; i++)
            buf_printf(&b, "%s%s", i ? ", " : "", c->options[i].value);
        err_set(e, _("'%.*s' is not one of the options (allowed: %s)"), (int)len, s, buf_str(&b));
        buf_free(&b);
        return NULL;
    }
    case CT_DATE: {
        char *d = xstrndup(s, len);
        if (answer_valid_date(d))
            return d;
        err_set(e, _("'%s' is not a date (YYYY-MM-DD, a real calendar day)"), d);
        free(d);
        return NULL;
    }
    case CT_REF: {
        struct buf b = {0};
        if (one_ref(c, s, len, &b, e) < 0) {
            buf_free(&b);
            return NULL;
        }
        return buf_take(&b);
    }
    case CT_REFS: {
        struct buf b = {0};
        const char *p = s, *end = s + len;
        while (p < end) {
            while (p < end && (*p == ' ' || *p == ','))
                p++;
            const char *w = p;
            while (p < end && *p != ' ' && *p != ',')
                p++;
            if (p == w)
                continue;
            struct buf r = {0};
            if (one_ref(c, w, (size_t)(p - w), &r, e) < 0) {
                buf_free(&r);
                buf_free(&b);
                return NULL;
            }
            /* No repeats: a reference given twice is kept once. */
            bool seen = false;
            size_t rl = r.len;
            for (const char *q = buf_str(&b); *q && !seen;) {
                const char *qe = strchr(q, ' ');
                size_t ql = qe ? (size_t)(qe - q) : strlen(q);
                seen = ql == rl && strncmp(q, buf_str(&r), rl) == 0;
                q = qe ? qe + 1 : q + ql;
            }
            if (!seen)
                buf_printf(&b, "%s%s", b.len ? " " : "", buf_str(&r));
            buf_free(&r);
        }
        return buf_take(&b);
    }
    case CT_COUNT:
        break;
    }
    err_set(e, _("unknown column type"));
    return NULL;
}

/* --- the table -------------------------------------------------------- */

void table_free(struct table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->nrows; i++) {
        for (size_t c = 0; c < t->ncols; c++)
            free(t->rows[i].cells[c]);
        free(t->rows[i].cells);
    }
    free(t->rows);
    t->rows = NULL;
    t->nrows = 0;
}

static size_t push_row(struct table *t, int number)
{
    t->rows = xrealloc(t->rows, (t->nrows + 1) * sizeof *t->rows);
    struct table_row *r = &t->rows[t->nrows];
    r->number = number;
    r->cells = xcalloc(t->ncols ? t->ncols : 1, sizeof *r->cells);
    for (size_t c = 0; c < t->ncols; c++)
        r->cells[c] = xstrdup("");
    return t->nrows++;
}

static int highest(const struct table *t)
{
    int max = 0;
    for (size_t i = 0; i < t->nrows; i++)
        if (t->rows[i].number > max)
            max = t->rows[i].number;
    return max;
}

int table_next_number(const struct table *t)
{
    int max = highest(t);
    if (max < TABLE_MAX_NUMBER)
        return max + 1;
    /* At most TABLE_MAX_ROWS rows: a lower number is free. */
    for (int n = 1;; n++)
        if (!table_find_row(t, n))
            return n;
}

size_t table_add_row(struct table *t)
{
    return push_row(t, table_next_number(t));
}

void table_remove_row(struct table *t, size_t i)
{
    if (i >= t->nrows)
        return;
    for (size_t c = 0; c < t->ncols; c++)
        free(t->rows[i].cells[c]);
    free(t->rows[i].cells);
    memmove(&t->rows[i], &t->rows[i + 1], (t->nrows - i - 1) * sizeof *t->rows);
    t->nrows--;
}

const struct table_row *table_find_row(const struct table *t, int number)
{
    for (size_t i = 0; i < t->nrows; i++)
        if (t->rows[i].number == number)
            return &t->rows[i];
    return NULL;
}

int table_set_cell(struct table *t, size_t row, size_t col, const char *value, struct err *e)
{
    if (row >= t->nrows || col >= t->ncols)
        return err_set(e, _("no such cell"));
    struct err ce;
    char *v = cell_canonical(&t->q->columns[col], value, &ce);
    if (!v) {
        char ref[TABLE_PREFIX_MAX + 12];
        table_ref(t->q, t->rows[row].number, ref, sizeof ref);
        return err_set(e, _("%s column '%s': %s"), ref, t->q->columns[col].id, ce.text);
    }
    free(t->rows[row].cells[col]);
    t->rows[row].cells[col] = v;
    return 0;
}

static bool row_empty(const struct table *t, const struct table_row *r)
{
    for (size_t c = 0; c < t->ncols; c++)
        if (*r->cells[c])
            return false;
    return true;
}

/* A line's first field: "", a number, or a reference with the table's
 * prefix. 0 for "", -1 when it is none of those. */
static int row_number(const struct tmpl_question *q, const char *s, size_t len)
{
    trim(&s, &len);
    if (len == 0)
        return 0;
    size_t pl = q->prefix ? strlen(q->prefix) : 0;
    if (pl && len > pl && strncasecmp(s, q->prefix, pl) == 0)
        s += pl, len -= pl;
    if (len == 0 || len > 6 || *s == '0')
        return -1;
    int n = 0;
    for (size_t i = 0; i < len; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        n = n * 10 + (s[i] - '0');
    }
    return n;
}

/* table_parse, rows without a number numbered past every row of old
 * too (NULL: none) and never with one of old's numbers. */
static int parse_over(const struct tmpl_question *q, const char *value, const struct table *old,
                      struct table *t, struct err *e)
{
    memset(t, 0, sizeof *t);
    t->q = q;
    t->ncols = q->ncolumns;
    if (q->type != QT_TABLE || !q->ncolumns)
        return err_set(e, _("%s is not a table question"), q->id);

    /* The lines, their fields split on tabs. */
    struct line {
        int lineno;
        int number;
        char **fields;
        size_t nfields;
    } *lines = NULL;
    size_t nlines = 0, lcap = 0;
    int rc = 0;
    int lineno = 0;
    for (const char *p = value; *p && rc == 0;) {
        const char *end = strchr(p, '\n');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        lineno++;
        const char *a = p;
        size_t an = n;
        trim(&a, &an);
        if (an > 0) {
            lines = xgrow(lines, &lcap, nlines + 1, sizeof *lines);
            struct line *l = &lines[nlines++];
            memset(l, 0, sizeof *l);
            l->lineno = lineno;
            size_t fcap = 0;
            const char *f = p, *lend = p + n;
            for (;;) {
                const char *tab = memchr(f, '\t', (size_t)(lend - f));
                const char *fe = tab ? tab : lend;
                size_t fl = (size_t)(fe - f);
                if (fl && f[fl - 1] == '\r')
                    fl--;
                l->fields = xgrow(l->fields, &fcap, l->nfields + 1, sizeof *l->fields);
                l->fields[l->nfields++] = xstrndup(f, fl);
                if (!tab)
                    break;
                f = tab + 1;
            }
            l->number = row_number(q, l->fields[0], strlen(l->fields[0]));
            if (l->number < 0)
                rc = err_set(e, _("line %d: '%s' is not a row number"), lineno, l->fields[0]);
            else if (l->nfields > q->ncolumns + 1)
                rc = err_set(e, _("line %d: %zu cells, and the table has %zu columns"), lineno,
                             l->nfields - 1, q->ncolumns);
        }
        p = end ? end + 1 : p + n;
    }
    if (rc == 0 && nlines > TABLE_MAX_ROWS)
        rc = err_set(e, _("%zu rows, more than %d"), nlines, TABLE_MAX_ROWS);

    /* Rows without a number take the next ones after the highest (a
     * free lower one past TABLE_MAX_NUMBER, as table_add_row does). */
    int max = old ? highest(old) : 0;
    for (size_t i = 0; rc == 0 && i < nlines; i++)
        if (lines[i].number > max)
            max = lines[i].number;
    for (size_t i = 0; rc == 0 && i < nlines; i++) {
        struct line *l = &lines[i];
        if (l->number == 0 && max < TABLE_MAX_NUMBER) {
            l->number = ++max;
        } else if (l->number == 0) {
            int n = 1;
            for (bool taken = true; taken; n += taken) {
                taken = table_find_row(t, n) || (old && table_find_row(old, n));
                for (size_t k = 0; !taken && k < nlines; k++)
                    taken = lines[k].number == n;
            }
            l->number = n;
        }
        char ref[TABLE_PREFIX_MAX + 12];
        table_ref(q, l->number, ref, sizeof ref);
        if (table_find_row(t, l->number)) {
            rc = err_set(e, _("row %s is given twice"), ref);
            break;
        }
        size_t ri = push_row(t, l->number);
        for (size_t c = 0; c < q->ncolumns && rc == 0; c++)
            if (c + 1 < l->nfields)
                rc = table_set_cell(t, ri, c, l->fields[c + 1], e);
        if (rc < 0)
            break;
        if (row_empty(t, &t->rows[ri])) {
            table_remove_row(t, ri);
            continue;
        }
        for (size_t c = 0; c < q->ncolumns; c++)
            if (q->columns[c].required && !*t->rows[ri].cells[c]) {
                rc = err_set(e, _("%s column '%s': required, and empty"), ref, q->columns[c].id);
                break;
            }
    }
    for (size_t i = 0; i < nlines; i++) {
        for (size_t f = 0; f < lines[i].nfields; f++)
            free(lines[i].fields[f]);
        free(lines[i].fields);
    }
    free(lines);
    if (rc < 0) {
        table_free(t);
        return -1;
    }
    return 0;
}

int table_parse(const struct tmpl_question *q, const char *value, struct table *t, struct err *e)
{
    return parse_over(q, value, NULL, t, e);
}

char *table_canonical_over(const struct tmpl_question *q, const char *value, const char *old,
                           struct err *e)
{
    struct table o, t;
    if (!old || !*old || table_parse(q, old, &o, NULL) < 0)
        memset(&o, 0, sizeof o);
    char *out = NULL;
    if (parse_over(q, value, &o, &t, e) == 0) {
        out = table_format(&t);
        table_free(&t);
    }
    table_free(&o);
    return out;
}

char *table_format(const struct table *t)
{
    struct buf b = {0};
    for (size_t i = 0; i < t->nrows; i++) {
        const struct table_row *r = &t->rows[i];
        if (row_empty(t, r))
            continue;
        if (b.len)
            buf_addc(&b, '\n');
        buf_printf(&b, "%d", r->number);
        for (size_t c = 0; c < t->ncols; c++) {
            buf_addc(&b, '\t');
            buf_adds(&b, r->cells[c]);
        }
    }
    return b.len ? buf_take(&b) : (buf_free(&b), xstrdup(""));
}

char *table_cell_display(const struct tmpl_column *c, const char *cell)
{
    if (c->type == CT_YESNO && *cell)
        return xstrdup(strcmp(cell, "yes") == 0 ? _("Yes") : _("No"));
    if (c->type == CT_CHOICE)
        for (size_t i = 0; i < c->noptions; i++)
            if (strcmp(c->options[i].value, cell) == 0)
                return xstrdup(c->options[i].label);
    return xstrdup(cell);
}

char *table_display(const struct tmpl_question *q, const char *value)
{
    if (!value || !*value)
        return xstrdup("");
    struct table t;
    if (table_parse(q, value, &t, NULL) < 0)
        return xstrdup(value);
    struct buf b = {0};
    for (size_t i = 0; i < t.nrows; i++) {
        char ref[TABLE_PREFIX_MAX + 12];
        table_ref(q, t.rows[i].number, ref, sizeof ref);
        buf_printf(&b, "%s%s", b.len ? I18N_LIST_SEP : "", ref);
        for (size_t c = 0; c < t.ncols; c++)
            if (*t.rows[i].cells[c]) {
                char *d = table_cell_display(&q->columns[c], t.rows[i].cells[c]);
                buf_printf(&b, " %s", d);
                free(d);
                break;
            }
    }
    table_free(&t);
    return b.len ? buf_take(&b) : (buf_free(&b), xstrdup(""));
}

bool table_has_cell(const struct tmpl_question *q, const char *value, size_t col,
                    const char *cell)
{
    if (!value || col >= q->ncolumns)
        return false;
    size_t want = strlen(cell);
    for (const char *line = value; *line;) {
        const char *end = strchr(line, '\n');
        if (!end)
            end = line + strlen(line);
        /* Skip the row number, then col cells. */
        const char *p = memchr(line, '\t', (size_t)(end - line));
        for (size_t k = 0; p && k < col; k++)
            p = memchr(p + 1, '\t', (size_t)(end - p - 1));
        if (p) {
            const char *c = p + 1;
            const char *stop = memchr(c, '\t', (size_t)(end - c));
            size_t len = (size_t)((stop ? stop : end) - c);
            if (len == want && memcmp(c, cell, len) == 0)
                return true;
        }
        line = *end ? end + 1 : end;
    }
    return false;
}
