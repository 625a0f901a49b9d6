/* Comparing two revisions: see diff.h. */
#include "config.h"
#include "core/diff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fields.h"
#include "core/logic.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/xalloc.h"

void diff_free(struct diff *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->items[i].what);
        free(d->items[i].label);
        free(d->items[i].old_value);
        free(d->items[i].new_value);
    }
    free(d->items);
    memset(d, 0, sizeof *d);
}

static void add(struct diff *d, char *what, const char *label, const char *ov, const char *nv)
{
    d->items = xgrow(d->items, &d->cap, d->n + 1, sizeof *d->items);
    struct diff_item *it = &d->items[d->n++];
    it->what = what;
    it->label = xstrdup(label ? label : "");
    it->old_value = xstrdup(ov ? ov : "");
    it->new_value = xstrdup(nv ? nv : "");
}

static void text(struct diff *d, const char *what, const char *label, const char *ov,
                 const char *nv)
{
    ov = ov ? ov : "";
    nv = nv ? nv : "";
    if (strcmp(ov, nv) != 0)
        add(d, xstrdup(what), label, ov, nv);
}

/* --- answers --------------------------------------------------------------- */

static const char *prompt_of(const struct assessment *a, const char *qid)
{
    const struct tmpl_question *q = tmpl_find_question(a->tmpl, qid);
    return q ? q->prompt : qid;
}

static void answer(struct diff *d, const struct assessment *from, const struct assessment *to,
                   const char *qid)
{
    const struct answer *o = assess_answer(from, qid), *n = assess_answer(to, qid);
    const char *label = prompt_of(n ? to : from, qid);
    char *what = xasprintf("answer %s", qid);
    text(d, what, label, o ? o->value : "", n ? n->value : "");
    free(what);
    what = xasprintf("note %s", qid);
    text(d, what, label, o ? o->note : "", n ? n->note : "");
    free(what);
}

static void answers(struct diff *d, const struct assessment *from, const struct assessment *to)
{
    /* In the order of the newer template, then what only the older had. */
    for (size_t i = 0; i < to->tmpl->nquestions; i++)
        answer(d, from, to, to->tmpl->questions[i].id);
    for (size_t i = 0; i < from->tmpl->nquestions; i++)
        if (!tmpl_find_question(to->tmpl, from->tmpl->questions[i].id))
            answer(d, from, to, from->tmpl->questions[i].id);
}

/* --- records ----------------------------------------------------------------- */

static void fields(struct diff *d, const char *prefix, const char *label,
                   const struct field *f, size_t n, const void *o, const void *nw)
{
    for (size_t i = 0; i < n; i++) {
        if (field_same(&f[i], o, nw))
            continue;
        char *ov = field_text(&f[i], o), *nv = field_text(&f[i], nw);
        add(d, xasprintf("%s %s", prefix, f[i].name), label, ov, nv);
        free(ov);
        free(nv);
    }
}

static const char *level_name(const struct assessment *a, int level)
{
    const struct tmpl_method *m = assess_method(a);
    return m && level >= 0 && level < m->nlevels ? m->levels[level].name : "";
}

static const struct risk *risk_no(const struct assessment *a, int number)
{
    for (size_t i = 0; i < a->nrisks; i++)
        if (a->risks[i].number == number)
            return &a->risks[i];
    return NULL;
}

static const struct measure *measure_no(const struct assessment *a, int number)
{
    for (size_t i = 0; i < a->nmeasures; i++)
        if (a->measures[i].number == number)
            return &a->measures[i];
    return NULL;
}

static int max_number(const struct assessment *a, bool risks)
{
    int m = 0;
    size_t n = risks ? a->nrisks : a->nmeasures;
    for (size_t i = 0; i < n; i++) {
        int k = risks ? a->risks[i].number : a->measures[i].number;
        if (k > m)
            m = k;
    }
    return m;
}

static void risks(struct diff *d, const struct assessment *from, const struct assessment *to)
{
    int top = max_number(from, true) > max_number(to, true) ? max_number(from, true)
                                                            : max_number(to, true);
    for (int k = 1; k <= top; k++) {
        const struct risk *o = risk_no(from, k), *n = risk_no(to, k);
        if (!o && !n)
            continue;
        char prefix[32];
        snprintf(prefix, sizeof prefix, "risk R%d", k);
        if (!o || !n) {
            const struct risk *one = n ? n : o;
            add(d, xstrdup(prefix), one ? one->title : "", o ? o->title : "",
                n ? n->title : "");
            continue;
        }
        fields(d, prefix, n->title, risk_fields, nrisk_fields, o, n);
        char *what = xasprintf("%s level before", prefix);
        text(d, what, n->title, level_name(from, logic_risk_inherent(from, o)),
             level_name(to, logic_risk_inherent(to, n)));
        free(what);
        what = xasprintf("%s residual level", prefix);
        text(d, what, n->title, level_name(from, logic_risk_residual(from, o)),
             level_name(to, logic_risk_residual(to, n)));
        free(what);
    }
}

static char *risk_list(const struct measure *m)
{
    struct buf b = { 0 };
    for (size_t i = 0; i < m->nrisks; i++)
        buf_printf(&b, "%sR%d", i ? ", " : "", m->risks[i]);
    return buf_take(&b);
}

static void measures(struct diff *d, const struct assessment *from, const struct assessment *to)
{
    int top = max_number(from, false) > max_number(to, false) ? max_number(from, false)
                                                              : max_number(to, false);
    for (int k = 1; k <= top; k++) {
        const struct measure *o = measure_no(from, k), *n = measure_no(to, k);
        if (!o && !n)
            continue;
        char prefix[32];
        snprintf(prefix, sizeof prefix, "measure M%d", k);
        if (!o || !n) {
            const struct measure *one = n ? n : o;
            add(d, xstrdup(prefix), one ? one->title : "", o ? o->title : "",
                n ? n->title : "");
            continue;
        }
        fields(d, prefix, n->title, measure_fields, nmeasure_fields, o, n);
        char *ol = risk_list(o), *nl = risk_list(n);
        char *what = xasprintf("%s risks", prefix);
        text(d, what, n->title, ol, nl);
        free(what);
        free(ol);
        free(nl);
    }
}

void diff_assessments(const struct assessment *from, const struct assessment *to,
                      struct diff *out)
{
    text(out, "title", _("Title"), from->title, to->title);
    text(out, "controller", _("Controller"), from->controller, to->controller);
    text(out, "dpo-contact", _("The DPO's contact details"), from->dpo_contact, to->dpo_contact);
    answers(out, from, to);
    risks(out, from, to);
    measures(out, from, to);
    for (int r = 0; r < SR_COUNT; r++) {
        char prefix[48];
        snprintf(prefix, sizeof prefix, "sign-off %s", signoff_role_key((enum signoff_role)r));
        fields(out, prefix, signoff_role_label((enum signoff_role)r), signoff_fields,
               nsignoff_fields, &from->signoffs[r], &to->signoffs[r]);
    }
    /* The DPO's judgements, section by section of the newer template. */
    for (size_t i = 0; i < to->tmpl->nsections; i++) {
        const struct tmpl_section *sec = &to->tmpl->sections[i];
        char *ov = assess_judgement_text(assess_judgement(from, sec->id));
        char *nv = assess_judgement_text(assess_judgement(to, sec->id));
        char what[300];
        snprintf(what, sizeof what, "judgement %s", sec->id);
        text(out, what, sec->title, ov, nv);
        free(ov);
        free(nv);
    }
    text(out, "review date", _("Review date"), from->review_date, to->review_date);
    text(out, "status", _("Status"), assess_status_label(from->status),
         assess_status_label(to->status));
}
