/* Table rows across an assessment: which references point nowhere,
 * who cites a row, and the checks ops/ makes before a table answer or a
 * risk's cited rows are saved (core/table.h). */
#include "config.h"
#include "core/table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Every table of an assessment parsed, by question index (t[i].q NULL
 * for other questions and values that do not parse), with one value
 * replaced (over_q, over_value) and one risk's concerns (over_risk,
 * over_concerns) when given. */
struct world {
    const struct assessment *a;
    struct table *t;
    size_t n;
    int over_risk;
    const char *over_concerns;
};

static void world_open(struct world *w, const struct assessment *a,
                       const struct tmpl_question *over_q, const char *over_value, int over_risk,
                       const char *over_concerns)
{
    const struct tmpl *tm = a->tmpl;
    w->a = a;
    w->n = tm ? tm->nquestions : 0;
    w->t = xcalloc(w->n ? w->n : 1, sizeof *w->t);
    w->over_risk = over_risk;
    w->over_concerns = over_concerns;
    for (size_t i = 0; i < w->n; i++) {
        const struct tmpl_question *q = &tm->questions[i];
        if (q->type != QT_TABLE)
            continue;
        const char *v = q == over_q ? over_value : assess_value(a, q->id);
        if (v && *v && table_parse(q, v, &w->t[i], NULL) < 0)
            w->t[i].q = NULL;
        else if (!v || !*v) {
            w->t[i].q = q;
            w->t[i].ncols = q->ncolumns;
        }
    }
}

static void world_close(struct world *w)
{
    for (size_t i = 0; i < w->n; i++)
        table_free(&w->t[i]);
    free(w->t);
}

static bool world_has(const struct world *w, const char *ref)
{
    const struct tmpl_question *q;
    int n;
    if (!w->a->tmpl || !table_parse_ref(w->a->tmpl, ref, &q, &n))
        return false;
    const struct table *t = &w->t[q - w->a->tmpl->questions];
    return t->q && table_find_row(t, n);
}

static const char *risk_concerns(const struct world *w, const struct risk *r)
{
    if (w->over_risk && r->number == w->over_risk)
        return w->over_concerns ? w->over_concerns : "";
    return r->concerns ? r->concerns : "";
}

/* Calls fn for each reference the assessment holds: who ("P2", "R1")
 * and the reference cited. */
typedef void (*cite_fn)(const char *who, const char *ref, void *ctx);

static void each_word(const char *s, const char *who, cite_fn fn, void *ctx)
{
    while (s && *s) {
        while (*s == ' ' || *s == ',')
            s++;
        const char *w = s;
        while (*s && *s != ' ' && *s != ',')
            s++;
        if (s > w) {
            char *ref = xstrndup(w, (size_t)(s - w));
            fn(who, ref, ctx);
            free(ref);
        }
    }
}

static void each_citation(const struct world *w, cite_fn fn, void *ctx, bool with_extra_risk)
{
    for (size_t i = 0; i < w->n; i++) {
        const struct table *t = &w->t[i];
        if (!t->q)
            continue;
        for (size_t r = 0; r < t->nrows; r++) {
            char who[TABLE_PREFIX_MAX + 12];
            table_ref(t->q, t->rows[r].number, who, sizeof who);
            for (size_t c = 0; c < t->ncols; c++) {
                enum tmpl_ctype ct = t->q->columns[c].type;
                if (ct == CT_REF || ct == CT_REFS)
                    each_word(t->rows[r].cells[c], who, fn, ctx);
            }
        }
    }
    bool seen_over = false;
    for (size_t i = 0; i < w->a->nrisks; i++) {
        const struct risk *r = &w->a->risks[i];
        char who[24];
        snprintf(who, sizeof who, "R%d", r->number);
        each_word(risk_concerns(w, r), who, fn, ctx);
        seen_over |= w->over_risk && r->number == w->over_risk;
    }
    /* A risk being added is not in the assessment yet. */
    if (with_extra_risk && w->over_risk && !seen_over) {
        char who[24];
        snprintf(who, sizeof who, "R%d", w->over_risk);
        each_word(w->over_concerns, who, fn, ctx);
    }
}

struct dangling_ctx {
    const struct world *w;
    struct buf out;
};

static void add_dangling(const char *who, const char *ref, void *ctx)
{
    struct dangling_ctx *d = ctx;
    if (!world_has(d->w, ref))
        /* TRANSLATORS: "D3 cites R7"; the citing row or risk comes first,
           followed by a space: the import finds it there. */
        buf_printf(&d->out, _("%s cites %s\n"), who, ref);
}

static char *dangling_of(const struct world *w)
{
    struct dangling_ctx d = { w, {0} };
    each_citation(w, add_dangling, &d, true);
    return d.out.len ? buf_take(&d.out) : (buf_free(&d.out), xstrdup(""));
}

char *table_dangling(const struct assessment *a)
{
    struct world w;
    world_open(&w, a, NULL, NULL, 0, NULL);
    char *s = dangling_of(&w);
    world_close(&w);
    return s;
}

struct cites_ctx {
    const char *ref;
    struct buf out;
};

static bool in_list(const char *list, const char *item)
{
    size_t n = strlen(item);
    for (const char *p = list; *p;) {
        const char *e = strstr(p, ", ");
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (l == n && strncmp(p, item, n) == 0)
            return true;
        p = e ? e + 2 : p + l;
    }
    return false;
}

static void add_citer(const char *who, const char *ref, void *ctx)
{
    struct cites_ctx *c = ctx;
    if (strcmp(ref, c->ref) == 0 && !in_list(buf_str(&c->out), who))
        buf_printf(&c->out, "%s%s", c->out.len ? ", " : "", who);
}

static char *citations_of(const struct world *w, const char *ref)
{
    struct cites_ctx c = { ref, {0} };
    each_citation(w, add_citer, &c, true);
    return c.out.len ? buf_take(&c.out) : (buf_free(&c.out), xstrdup(""));
}

char *table_citations(const struct assessment *a, const char *ref)
{
    struct world w;
    world_open(&w, a, NULL, NULL, 0, NULL);
    char *s = citations_of(&w, ref);
    world_close(&w);
    return s;
}

/* The lines of after that are not lines of before. */
static char *new_lines(const char *before, const char *after)
{
    struct buf b = {0};
    for (const char *p = after; *p;) {
        const char *e = strchr(p, '\n');
        size_t l = e ? (size_t)(e - p) + 1 : strlen(p);
        bool old = false;
        for (const char *q = before; *q && !old;) {
            const char *qe = strchr(q, '\n');
            size_t ql = qe ? (size_t)(qe - q) + 1 : strlen(q);
            old = ql == l && strncmp(p, q, l) == 0;
            q += ql;
        }
        if (!old)
            buf_add(&b, p, l);
        p += l;
    }
    return b.len ? buf_take(&b) : (buf_free(&b), xstrdup(""));
}

/* "P2 cites D7, which is not a row" for the first new dangling line. */
static int refuse_dangling(const char *lines, struct err *e)
{
    const char *nl = strchr(lines, '\n');
    int n = 0;
    for (const char *p = lines; *p; p++)
        n += *p == '\n';
    return err_set(e, n > 1 ? _("%.*s, which is not a row of the assessment (and more)")
                            : _("%.*s, which is not a row of the assessment"),
                   (int)(nl - lines), lines);
}

int table_check_answer(const struct assessment *a, const struct tmpl_question *q,
                       const char *value, struct err *e)
{
    if (q->type != QT_TABLE)
        return 0;
    struct world before, after;
    world_open(&before, a, NULL, NULL, 0, NULL);
    world_open(&after, a, q, value, 0, NULL);
    size_t qi = (size_t)(q - a->tmpl->questions);
    int rc = 0;
    /* Rows removed and still cited. */
    const struct table *old = qi < before.n ? &before.t[qi] : NULL;
    const struct table *now = qi < after.n ? &after.t[qi] : NULL;
    for (size_t r = 0; old && old->q && rc == 0 && r < old->nrows; r++) {
        if (now && now->q && table_find_row(now, old->rows[r].number))
            continue;
        char ref[TABLE_PREFIX_MAX + 12];
        table_ref(q, old->rows[r].number, ref, sizeof ref);
        char *who = citations_of(&after, ref);
        if (*who)
            rc = err_set(e, _("%s is cited by %s; remove those citations first"), ref, who);
        free(who);
    }
    if (rc == 0) {
        char *b = dangling_of(&before), *f = dangling_of(&after);
        char *added = new_lines(b, f);
        if (*added)
            rc = refuse_dangling(added, e);
        free(b);
        free(f);
        free(added);
    }
    world_close(&before);
    world_close(&after);
    return rc;
}

int table_check_risk(const struct assessment *a, const struct risk *r, struct err *e)
{
    const char *concerns = r->concerns ? r->concerns : "";
    if (!*concerns)
        return 0;
    char who[64];
    if (r->number > 0)
        snprintf(who, sizeof who, "R%d", r->number);
    else
        /* TRANSLATORS: the subject of "%s cites rows, and the assessment has
           no template" and "%s cites %s, which is not a row of the
           assessment", for a risk not yet numbered. */
        snprintf(who, sizeof who, "%s", _("the risk"));
    if (!a->tmpl)
        return err_set(e, _("%s cites rows, and the assessment has no template"), who);
    struct world w;
    world_open(&w, a, NULL, NULL, r->number, concerns);
    int rc = 0;
    struct buf missing = {0};
    for (const char *s = concerns; *s;) {
        while (*s == ' ')
            s++;
        const char *x = s;
        while (*s && *s != ' ')
            s++;
        if (s == x)
            continue;
        char *ref = xstrndup(x, (size_t)(s - x));
        if (!world_has(&w, ref))
            buf_printf(&missing, "%s%s", missing.len ? ", " : "", ref);
        free(ref);
    }
    if (missing.len)
        rc = err_set(e, P_("%s cites %s, which is not a row of the assessment",
                           "%s cites %s, which are not a row of the assessment",
                           strchr(buf_str(&missing), ',') ? 2UL : 1UL),
                     who, buf_str(&missing));
    buf_free(&missing);
    world_close(&w);
    return rc;
}
