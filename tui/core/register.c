/*
 * The register across assessments: what is overdue, who is responsible,
 * in what order (core/register.h).
 */
#include "config.h"
#include "core/register.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/xalloc.h"

const char *reg_responsible_key(enum reg_responsible r)
{
    static const char *const keys[] = {
#define X(name, key) key,
        REG_RESPONSIBLE(X)
#undef X
    };
    return (size_t)r < sizeof keys / sizeof keys[0] ? keys[r] : "";
}

int reg_sort_parse(const char *key)
{
    static const char *const keys[] = {
#define X(name, key) key,
        REG_SORTS(X)
#undef X
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (strcmp(key, keys[i]) == 0)
            return (int)i;
    return -1;
}

bool reg_overdue(const char *date, const char *today)
{
    return date && *date && strcmp(date, today) < 0;
}

bool reg_due_by(const char *date, const char *limit)
{
    return date && *date && strcmp(date, limit) <= 0;
}

static void row_free(struct reg_row *w)
{
    free(w->title);
    free(w->highest_name);
    free(w->review_date);
    free(w->controller);
    free(w->dpo);
    free(w->assessor);
    free(w->owners);
}

void reg_filter_status(struct reg *r, int st)
{
    if (st < 0)
        return;
    size_t kept = 0;
    for (size_t i = 0; i < r->nrows; i++) {
        if ((int)r->rows[i].status == st)
            r->rows[kept++] = r->rows[i];
        else
            row_free(&r->rows[i]);
    }
    r->nrows = kept;
}

static int by_id(const void *pa, const void *pb)
{
    const struct reg_row *a = pa, *b = pb;
    return (a->id > b->id) - (a->id < b->id);
}

static const char *earlier(const char *a, const char *b)
{
    if (!*a)
        return b;
    if (!*b)
        return a;
    return strcmp(a, b) <= 0 ? a : b;
}

static const struct reg_measure *overdue_base;

static int by_due(const void *pa, const void *pb)
{
    const struct reg_measure *a = &overdue_base[*(const size_t *)pa],
                             *b = &overdue_base[*(const size_t *)pb];
    int c = strcmp(a->due, b->due);
    if (c == 0)
        c = (a->assessment > b->assessment) - (a->assessment < b->assessment);
    return c ? c : a->number - b->number;
}

void reg_settle(struct reg *r, const char *today)
{
    snprintf(r->today, sizeof r->today, "%s", today);
    /* The rows by id, as the measures are: one walk links them. */
    qsort(r->rows, r->nrows, sizeof *r->rows, by_id);
    free(r->overdue);
    r->overdue = xcalloc(r->nmeasures + 1, sizeof *r->overdue);
    r->noverdue = 0;
    size_t m = 0;
    for (size_t i = 0; i < r->nrows; i++) {
        struct reg_row *w = &r->rows[i];
        while (m < r->nmeasures && r->measures[m].assessment < w->id)
            m++;
        w->first = m;
        w->nopen = 0;
        w->noverdue = 0;
        w->review_overdue = reg_overdue(w->review_date, today);
        w->next_date = w->review_date;
        struct buf owners = { 0 };
        for (; m < r->nmeasures && r->measures[m].assessment == w->id; m++) {
            struct reg_measure *ms = &r->measures[m];
            w->nopen++;
            ms->atitle = w->title;
            ms->overdue = reg_overdue(ms->due, today);
            if (ms->overdue) {
                w->noverdue++;
                r->overdue[r->noverdue++] = m;
            }
            w->next_date = earlier(w->next_date, ms->due);
            if (!*ms->owner)
                continue;
            /* Each owner once, in the order of the measures. */
            bool seen = false;
            for (size_t k = w->first; k < m && !seen; k++)
                seen = strcmp(r->measures[k].owner, ms->owner) == 0;
            if (!seen) {
                if (owners.len)
                    buf_adds(&owners, "; ");
                buf_adds(&owners, ms->owner);
            }
        }
        free(w->owners);
        w->owners = owners.len ? buf_take(&owners) : xstrdup("");
        if (*w->dpo) {
            w->responsible = w->dpo;
            w->responsible_from = RESP_DPO;
        } else if (*w->assessor) {
            w->responsible = w->assessor;
            w->responsible_from = RESP_ASSESSOR;
        } else if (*w->controller) {
            w->responsible = w->controller;
            w->responsible_from = RESP_CONTROLLER;
        } else {
            w->responsible = "";
            w->responsible_from = RESP_NONE;
        }
    }
    overdue_base = r->measures;
    qsort(r->overdue, r->noverdue, sizeof *r->overdue, by_due);
    overdue_base = NULL;
}

/* A date first, none last. */
static int date_cmp(const char *a, const char *b)
{
    if (!*a || !*b)
        return (!*a) - (!*b);
    return strcmp(a, b);
}

static char *lowered(const char *s)
{
    char *l = xstrdup(s);
    for (char *p = l; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return l;
}

static int title_cmp(const char *a, const char *b)
{
    char *la = lowered(a), *lb = lowered(b);
    int c = strcoll(la, lb);
    free(la);
    free(lb);
    return c;
}

static enum reg_sort sort_by;

static int rows_cmp(const void *pa, const void *pb)
{
    const struct reg_row *a = pa, *b = pb;
    int c = 0;
    switch (sort_by) {
    case REG_SORT_DUE:
        c = date_cmp(a->next_date, b->next_date);
        break;
    case REG_SORT_TITLE:
        c = title_cmp(a->title, b->title);
        break;
    case REG_SORT_STATUS:
        c = (int)a->status - (int)b->status;
        break;
    case REG_SORT_RISK:
        c = b->highest_level - a->highest_level;
        break;
    case REG_SORT_REVIEW:
        c = date_cmp(a->review_date, b->review_date);
        break;
    }
    return c ? c : (a->id > b->id) - (a->id < b->id);
}

void reg_sort(struct reg *r, enum reg_sort by)
{
    sort_by = by;
    qsort(r->rows, r->nrows, sizeof *r->rows, rows_cmp);
}

void reg_free(struct reg *r)
{
    for (size_t i = 0; i < r->nrows; i++)
        row_free(&r->rows[i]);
    for (size_t i = 0; i < r->nmeasures; i++) {
        free(r->measures[i].title);
        free(r->measures[i].owner);
        free(r->measures[i].due);
    }
    XFREE(r->rows);
    XFREE(r->measures);
    XFREE(r->overdue);
    r->nrows = r->nmeasures = r->noverdue = 0;
}
