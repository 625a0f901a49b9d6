#include "config.h"
#include "core/logic.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/answer.h"
#include "core/table.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* --- what is worked out once and kept ---------------------------------- *
 *
 * Which questions are shown and how far each section has come are kept
 * in the assessment (a->logic) and brought up to date by the answer that
 * changed (assess_set_answer tells logic_note_answer), so that drawing a
 * screen or saving an answer costs what changed, not the size of the
 * assessment. From the template alone: the questions whose visibility
 * depends on another's answer or visibility (a condition on it, or a
 * criterion for the questions asked "despite the criteria"), and the
 * questions whose visibility follows the risks (a feared event, and
 * whatever depends on one): those are "live", worked out at each call,
 * since risks may change in place without the core being told. From the
 * answers: for every other question, whether it is shown and answered,
 * and per section how many are. A change to an answer that nothing
 * depends on moves its section's count; one that others depend on marks
 * their sections to be worked out again when next asked. When the array
 * of answers was changed other than through assess_set_answer (a load
 * appends to it), everything is worked out again. */

struct logic_cache {
    const struct tmpl *tmpl;     /* what it was worked out for */
    const struct answer *base;   /* the answers it knows */
    size_t n;
    /* From the template. */
    unsigned char *live;         /* per question */
    size_t *dep_first, *deps;    /* dependents of question i:
                                    deps[dep_first[i] .. dep_first[i + 1]) */
    size_t *live_first, *lives;  /* live questions of section s, likewise */
    size_t *criteria, ncriteria; /* criterion questions */
    size_t *screening, nscreening; /* criterion or mandatory ones */
    long role[ROLE_Q_COUNT];     /* the question of each role, -1 none */
    /* From the answers. */
    unsigned char *shown, *answered; /* per question that is not live */
    struct progress *counts;     /* per section, its questions not live */
    unsigned char *dirty;        /* per section: to be worked out again */
    uint32_t *mark, epoch;       /* per question, for walking dependents */
};

void logic_cache_free(struct logic_cache *c)
{
    if (!c)
        return;
    free(c->live);
    free(c->dep_first);
    free(c->deps);
    free(c->live_first);
    free(c->lives);
    free(c->criteria);
    free(c->screening);
    free(c->shown);
    free(c->answered);
    free(c->counts);
    free(c->dirty);
    free(c->mark);
    free(c);
}

void logic_forget(struct assessment *a)
{
    logic_cache_free(a->logic);
    a->logic = NULL;
}

/* The part of the cache that follows from the template alone. */
static struct logic_cache *cache_new(const struct tmpl *t)
{
    size_t nq = t->nquestions, ns = t->nsections;
    struct logic_cache *c = xcalloc(1, sizeof *c);
    c->tmpl = t;
    c->live = xcalloc(nq + 1, 1);
    c->shown = xcalloc(nq + 1, 1);
    c->answered = xcalloc(nq + 1, 1);
    c->mark = xcalloc(nq + 1, sizeof *c->mark);
    c->counts = xcalloc(ns + 1, sizeof *c->counts);
    c->dirty = xmalloc(ns + 1);
    memset(c->dirty, 1, ns + 1);
    for (int r = 0; r < ROLE_Q_COUNT; r++)
        c->role[r] = -1;
    c->criteria = xcalloc(nq + 1, sizeof *c->criteria);
    c->screening = xcalloc(nq + 1, sizeof *c->screening);
    size_t nroles = 0;
    for (size_t i = 0; i < nq; i++) {
        const struct tmpl_question *q = &t->questions[i];
        if (q->role != ROLE_Q_NONE && c->role[q->role] < 0)
            c->role[q->role] = (long)i;
        if (q->criterion)
            c->criteria[c->ncriteria++] = i;
        if (q->criterion || q->mandatory)
            c->screening[c->nscreening++] = i;
        if (q->role == ROLE_Q_SCREENING_REASONS || q->role == ROLE_Q_SCREENING_DPO_VIEW)
            nroles++;
        if (q->feared_event)
            c->live[i] = 1;
    }
    /* Live: a feared event, or a condition on a live question, or the
     * questions asked despite the criteria when a criterion is live. */
    for (bool more = true; more;) {
        more = false;
        bool criterion_live = false;
        for (size_t k = 0; k < c->ncriteria; k++)
            criterion_live |= c->live[c->criteria[k]];
        for (size_t i = 0; i < nq; i++) {
            const struct tmpl_question *q = &t->questions[i];
            bool l = c->live[i];
            for (size_t k = 0; !l && k < q->nconditions; k++)
                l = c->live[q->conditions[k].qindex];
            if (!l && criterion_live && (q->role == ROLE_Q_SCREENING_REASONS ||
                                         q->role == ROLE_Q_SCREENING_DPO_VIEW))
                l = true;
            if (l && !c->live[i]) {
                c->live[i] = 1;
                more = true;
            }
        }
    }
    /* Dependents: the target of each condition, and each criterion for
     * the questions asked despite the criteria. */
    c->dep_first = xcalloc(nq + 2, sizeof *c->dep_first);
    for (size_t i = 0; i < nq; i++) {
        const struct tmpl_question *q = &t->questions[i];
        for (size_t k = 0; k < q->nconditions; k++)
            c->dep_first[q->conditions[k].qindex + 1]++;
        if (q->criterion)
            c->dep_first[i + 1] += nroles;
    }
    for (size_t i = 0; i < nq; i++)
        c->dep_first[i + 1] += c->dep_first[i];
    c->deps = xcalloc(c->dep_first[nq] + 1, sizeof *c->deps);
    size_t *fill = xcalloc(nq + 1, sizeof *fill);
    for (size_t i = 0; i < nq; i++) {
        const struct tmpl_question *q = &t->questions[i];
        for (size_t k = 0; k < q->nconditions; k++) {
            size_t from = q->conditions[k].qindex;
            c->deps[c->dep_first[from] + fill[from]++] = i;
        }
        if (q->role == ROLE_Q_SCREENING_REASONS || q->role == ROLE_Q_SCREENING_DPO_VIEW)
            for (size_t k = 0; k < c->ncriteria; k++) {
                size_t from = c->criteria[k];
                c->deps[c->dep_first[from] + fill[from]++] = i;
            }
    }
    free(fill);
    /* The live questions of each section. */
    c->live_first = xcalloc(ns + 2, sizeof *c->live_first);
    for (size_t i = 0; i < nq; i++)
        if (c->live[i])
            c->live_first[t->questions[i].section + 1]++;
    for (size_t s = 0; s < ns; s++)
        c->live_first[s + 1] += c->live_first[s];
    c->lives = xcalloc(c->live_first[ns] + 1, sizeof *c->lives);
    fill = xcalloc(ns + 1, sizeof *fill);
    for (size_t i = 0; i < nq; i++)
        if (c->live[i]) {
            size_t sec = t->questions[i].section;
            c->lives[c->live_first[sec] + fill[sec]++] = i;
        }
    free(fill);
    return c;
}

/* The cache of a, made or started again when it no longer fits. */
static struct logic_cache *cache_of(const struct assessment *a)
{
    struct assessment *m = (struct assessment *)a; /* the cache only */
    struct logic_cache *c = m->logic;
    if (c && c->tmpl != a->tmpl) {
        logic_cache_free(c);
        c = m->logic = NULL;
    }
    if (!c)
        c = m->logic = cache_new(a->tmpl);
    if (c->base != a->answers || c->n != a->nanswers) {
        memset(c->dirty, 1, a->tmpl->nsections);
        c->base = a->answers;
        c->n = a->nanswers;
    }
    return c;
}

bool logic_has_risk_type(const struct assessment *a, enum risk_type type)
{
    for (size_t i = 0; i < a->nrisks; i++)
        if (a->risks[i].type == type)
            return true;
    return false;
}

static bool shown_at(const struct assessment *a, const struct logic_cache *c, size_t qi,
                     int depth);

/* Whether any WP248 criterion is answered yes: the reasons for not
 * carrying out a DPIA "despite the criteria" are asked only then. */
static bool any_criterion(const struct assessment *a, const struct logic_cache *c, int depth)
{
    for (size_t k = 0; k < c->ncriteria; k++) {
        const struct tmpl_question *q = &a->tmpl->questions[c->criteria[k]];
        const char *v = assess_value(a, q->id);
        if (v && strcmp(v, "yes") == 0 && shown_at(a, c, c->criteria[k], depth + 1))
            return true;
    }
    return false;
}

/* Whether question qi is shown, worked out from the answers and risks
 * (nothing kept is used). */
static bool shown_at(const struct assessment *a, const struct logic_cache *c, size_t qi,
                     int depth)
{
    const struct tmpl_question *q = &a->tmpl->questions[qi];
    if (depth > 64)
        return false;
    if (q->feared_event && logic_has_risk_type(a, (enum risk_type)risk_type_parse(q->feared_event)))
        return false;
    if ((q->role == ROLE_Q_SCREENING_REASONS || q->role == ROLE_Q_SCREENING_DPO_VIEW) &&
        !any_criterion(a, c, depth))
        return false;
    for (size_t i = 0; i < q->nconditions; i++) {
        const struct tmpl_condition *cd = &q->conditions[i];
        /* A condition on a hidden question does not hold. */
        if (!shown_at(a, c, cd->qindex, depth + 1))
            return false;
        const struct tmpl_question *target = &a->tmpl->questions[cd->qindex];
        const char *v = assess_value(a, target->id);
        if (!v)
            return false;
        if (cd->column) {
            if (!table_has_cell(target, v, cd->cindex, cd->value))
                return false;
        } else if (target->type == QT_MULTI) {
            if (!answer_has_item(v, cd->value))
                return false;
        } else if (strcmp(v, cd->value) != 0) {
            return false;
        }
    }
    return true;
}

/* Section s worked out again, when it must be. */
static void section_ready(const struct assessment *a, struct logic_cache *c, size_t s)
{
    if (!c->dirty[s])
        return;
    const struct tmpl_section *sec = &a->tmpl->sections[s];
    struct progress p = { 0, 0 };
    for (size_t i = sec->first; i < sec->first + sec->count; i++) {
        if (c->live[i])
            continue;
        c->shown[i] = shown_at(a, c, i, 0);
        c->answered[i] = assess_value(a, a->tmpl->questions[i].id) != NULL;
        p.total += c->shown[i];
        p.answered += c->shown[i] && c->answered[i];
    }
    c->counts[s] = p;
    c->dirty[s] = 0;
}

void logic_note_answer(struct assessment *a, const char *qid, const struct answer *old_base,
                       size_t old_n)
{
    struct logic_cache *c = a->logic;
    if (!c)
        return;
    if (c->tmpl != a->tmpl || c->base != old_base || c->n != old_n) {
        /* It did not know the answers as they were: start again. */
        c->base = NULL;
        return;
    }
    c->base = a->answers;
    c->n = a->nanswers;
    long qi = tmpl_question_index(a->tmpl, qid);
    if (qi < 0)
        return; /* not a question of the template: nothing follows */
    const struct tmpl_question *q = &a->tmpl->questions[qi];
    bool now = assess_value(a, qid) != NULL;
    if (!c->live[qi] && !c->dirty[q->section]) {
        if (c->shown[qi] && now != c->answered[qi])
            c->counts[q->section].answered += now ? 1 : -1;
        c->answered[qi] = now;
    }
    if (c->dep_first[qi] == c->dep_first[qi + 1])
        return;
    /* Those whose visibility may follow, and theirs in turn. */
    if (++c->epoch == 0) {
        memset(c->mark, 0, a->tmpl->nquestions * sizeof *c->mark);
        c->epoch = 1;
    }
    size_t *stack = xmalloc((a->tmpl->nquestions + 1) * sizeof *stack), top = 0;
    stack[top++] = (size_t)qi;
    while (top) {
        size_t i = stack[--top];
        for (size_t k = c->dep_first[i]; k < c->dep_first[i + 1]; k++) {
            size_t d = c->deps[k];
            if (c->mark[d] == c->epoch)
                continue;
            c->mark[d] = c->epoch;
            c->dirty[a->tmpl->questions[d].section] = 1;
            stack[top++] = d;
        }
    }
    free(stack);
}

bool logic_shown(const struct assessment *a, const struct tmpl_question *q)
{
    struct logic_cache *c = cache_of(a);
    size_t qi = (size_t)(q - a->tmpl->questions);
    if (c->live[qi])
        return shown_at(a, c, qi, 0);
    section_ready(a, c, q->section);
    return c->shown[qi];
}

/* --- screening ---------------------------------------------------------- */

static const struct tmpl_question *role_question(const struct assessment *a,
                                                 const struct logic_cache *c, enum tmpl_role r)
{
    return c->role[r] < 0 ? NULL : &a->tmpl->questions[c->role[r]];
}

static const char *const outcome_keys[] = { "incomplete", "not-required", "recommended",
                                            "required" };
static const char *const outcome_labels[] = { N_("Screening incomplete"),
                                              N_("DPIA not required"), N_("DPIA recommended"),
                                              N_("DPIA required") };

const char *logic_outcome_key(enum screening_outcome o)
{
    return outcome_keys[o];
}

const char *logic_outcome_label(enum screening_outcome o)
{
    return _(outcome_labels[o]);
}

void logic_screening(const struct assessment *a, struct screening *s)
{
    memset(s, 0, sizeof *s);
    const struct tmpl *t = a->tmpl;
    const struct logic_cache *c = cache_of(a);
    for (size_t k = 0; k < c->nscreening; k++) {
        const struct tmpl_question *q = &t->questions[c->screening[k]];
        if (!logic_shown(a, q))
            continue;
        const char *v = assess_value(a, q->id);
        if (!v) {
            s->unanswered++;
            continue;
        }
        if (strcmp(v, "yes") != 0)
            continue;
        if (q->criterion && s->ncriteria < 9)
            s->criteria[s->ncriteria++] = q->criterion;
        if (q->mandatory && s->ngrounds < 8)
            s->grounds[s->ngrounds++] = q->mandatory;
    }
    /* Criteria ascending, for a stable sentence. */
    for (int i = 1; i < s->ncriteria; i++)
        for (int j = i; j > 0 && s->criteria[j - 1] > s->criteria[j]; j--) {
            int tmp = s->criteria[j];
            s->criteria[j] = s->criteria[j - 1];
            s->criteria[j - 1] = tmp;
        }
    char list[64] = "";
    for (int i = 0; i < s->ncriteria; i++)
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s%d", i ? ", " : "",
                 s->criteria[i]);

    if (s->ngrounds > 0) {
        s->outcome = SCREEN_REQUIRED;
        snprintf(s->rule, sizeof s->rule,
                 s->ngrounds > 1 ? _("%s applies: a DPIA is mandatory (and further mandatory "
                                     "cases)")
                                 : _("%s applies: a DPIA is mandatory"),
                 s->grounds[0]);
    } else if (s->ncriteria >= 2) {
        s->outcome = SCREEN_REQUIRED;
        snprintf(s->rule, sizeof s->rule,
                 _("%d WP248 criteria are met (%s): with two or more, a DPIA is required in "
                   "most cases"),
                 s->ncriteria, list);
    } else if (s->unanswered > 0) {
        s->outcome = SCREEN_INCOMPLETE;
        snprintf(s->rule, sizeof s->rule,
                 P_("%d screening question is still unanswered",
                    "%d screening questions are still unanswered", (unsigned long)s->unanswered),
                 s->unanswered);
    } else if (s->ncriteria == 1) {
        s->outcome = SCREEN_RECOMMENDED;
        snprintf(s->rule, sizeof s->rule,
                 _("One WP248 criterion is met (%s): one can be enough, and when in doubt a "
                   "DPIA should be carried out"), list);
    } else {
        s->outcome = SCREEN_NOT_REQUIRED;
        snprintf(s->rule, sizeof s->rule, "%s",
                 _("No WP248 criterion and no mandatory case applies; record this screening"));
    }

    const struct tmpl_question *dec = role_question(a, c, ROLE_Q_SCREENING_DECISION);
    const char *dv = dec ? assess_value(a, dec->id) : NULL;
    s->decided = dv != NULL;
    s->not_carried_out = dv && strcmp(dv, "not-carry-out") == 0;
    if (s->not_carried_out &&
        (s->outcome == SCREEN_REQUIRED || s->outcome == SCREEN_RECOMMENDED)) {
        s->declined = true;
        s->declined_forbidden = s->ngrounds > 0;
        const struct tmpl_question *why = role_question(a, c, ROLE_Q_SCREENING_REASONS);
        const struct tmpl_question *dpo = role_question(a, c, ROLE_Q_SCREENING_DPO_VIEW);
        s->declined_reasons_missing = (why && !assess_value(a, why->id)) ||
                                      (dpo && !assess_value(a, dpo->id)) || !why || !dpo;
    }
}

/* --- risks ---------------------------------------------------------------- */

int logic_risk_level(const struct tmpl_method *m, int l, int s)
{
    if (!m || l < 1 || s < 1 || l > m->nlikelihood || s > m->nseverity)
        return -1;
    return m->matrix[l - 1][s - 1];
}

int logic_risk_inherent(const struct assessment *a, const struct risk *r)
{
    return logic_risk_level(assess_method(a), r->likelihood, r->severity);
}

int logic_risk_residual(const struct assessment *a, const struct risk *r)
{
    int after = logic_risk_level(assess_method(a), r->likelihood_after, r->severity_after);
    return after >= 0 ? after : logic_risk_inherent(a, r);
}

/* The residual level of r under method m. */
static int residual(const struct tmpl_method *m, const struct risk *r)
{
    int after = logic_risk_level(m, r->likelihood_after, r->severity_after);
    return after >= 0 ? after : logic_risk_level(m, r->likelihood, r->severity);
}

int logic_highest_residual(const struct assessment *a)
{
    const struct tmpl_method *m = a->nrisks ? assess_method(a) : NULL;
    int best = -1;
    for (size_t i = 0; i < a->nrisks; i++) {
        int l = residual(m, &a->risks[i]);
        if (l > best)
            best = l;
    }
    return best;
}

bool logic_art36_required(const struct assessment *a)
{
    int h = logic_highest_residual(a);
    const struct tmpl_method *m = assess_method(a);
    return h >= 0 && m && m->levels[h].high;
}

/* --- completeness --------------------------------------------------------- */

bool logic_risk_scored(const struct assessment *a, const struct risk *r)
{
    const struct tmpl_method *m = assess_method(a);
    return logic_risk_level(m, r->likelihood, r->severity) >= 0 &&
           logic_risk_level(m, r->likelihood_after, r->severity_after) >= 0;
}

static bool risks_done(const struct assessment *a)
{
    if (a->nrisks == 0)
        return false;
    const struct tmpl_method *m = assess_method(a);
    for (size_t i = 0; i < a->nrisks; i++) {
        const struct risk *r = &a->risks[i];
        if (logic_risk_level(m, r->likelihood, r->severity) < 0 ||
            logic_risk_level(m, r->likelihood_after, r->severity_after) < 0)
            return false;
    }
    return true;
}

bool logic_risk_addressed(const struct assessment *a, int number)
{
    for (size_t i = 0; i < a->nmeasures; i++)
        for (size_t k = 0; k < a->measures[i].nrisks; k++)
            if (a->measures[i].risks[k] == number && a->measures[i].status != MS_DROPPED)
                return true;
    return false;
}

static int by_int(const void *x, const void *y)
{
    int a = *(const int *)x, b = *(const int *)y;
    return (a > b) - (a < b);
}

/* Each risk above the lowest level has a measure that is not dropped
 * (the numbers of the risks addressed are sorted once, not searched for
 * each risk). */
static bool measures_done(const struct assessment *a)
{
    if (a->nmeasures == 0)
        return false;
    const struct tmpl_method *m = assess_method(a);
    size_t n = 0;
    for (size_t i = 0; i < a->nmeasures; i++)
        if (a->measures[i].status != MS_DROPPED)
            n += a->measures[i].nrisks;
    int *addressed = xmalloc((n + 1) * sizeof *addressed);
    n = 0;
    for (size_t i = 0; i < a->nmeasures; i++)
        if (a->measures[i].status != MS_DROPPED)
            for (size_t k = 0; k < a->measures[i].nrisks; k++)
                addressed[n++] = a->measures[i].risks[k];
    qsort(addressed, n, sizeof *addressed, by_int);
    bool done = true;
    for (size_t i = 0; done && i < a->nrisks; i++) {
        const struct risk *r = &a->risks[i];
        if (logic_risk_level(m, r->likelihood, r->severity) > 0 &&
            !bsearch(&r->number, addressed, n, sizeof *addressed, by_int))
            done = false;
    }
    free(addressed);
    return done;
}

bool logic_dpo_advice_done(const struct assessment *a)
{
    const struct signoff *d = &a->signoffs[SR_DPO];
    if (!*d->advice || d->advice_followed < 0)
        return false;
    return d->advice_followed == 1 || *d->why_not;
}

/* The parts of a special section and how many are done. For coverage
 * (for_coverage), the sign-off section counts the DPO's advice alone:
 * the decision is what the coverage check comes before, so it cannot be
 * a condition of it. */
static int special_parts(const struct assessment *a, enum tmpl_kind k, int *done,
                         bool for_coverage)
{
    switch (k) {
    case SK_RISKS:
        *done = risks_done(a);
        return 1;
    case SK_MEASURES:
        *done = measures_done(a);
        return 1;
    case SK_SIGNOFF:
        if (for_coverage) {
            *done = logic_dpo_advice_done(a);
            return 1;
        }
        *done = logic_dpo_advice_done(a) + (a->signoffs[SR_CONTROLLER].decision != DEC_NONE);
        return 2;
    default:
        *done = 0;
        return 0;
    }
}

/* The questions of a section: the counts kept, and the live ones worked
 * out now. */
static void section_questions(const struct assessment *a, struct logic_cache *c, size_t s,
                              struct progress *p)
{
    section_ready(a, c, s);
    *p = c->counts[s];
    for (size_t k = c->live_first[s]; k < c->live_first[s + 1]; k++) {
        size_t qi = c->lives[k];
        if (!shown_at(a, c, qi, 0))
            continue;
        p->total++;
        if (assess_value(a, a->tmpl->questions[qi].id))
            p->answered++;
    }
}

void logic_section_progress(const struct assessment *a, size_t section, struct progress *p)
{
    struct logic_cache *c = cache_of(a);
    section_questions(a, c, section, p);
    int done;
    p->total += special_parts(a, a->tmpl->sections[section].kind, &done, false);
    p->answered += done;
}

void logic_progress(const struct assessment *a, struct progress *p)
{
    struct logic_cache *c = cache_of(a);
    p->answered = p->total = 0;
    for (size_t i = 0; i < a->tmpl->nsections; i++) {
        struct progress sp;
        section_questions(a, c, i, &sp);
        p->answered += sp.answered;
        p->total += sp.total;
    }
    /* And the content of the special sections. */
    for (size_t i = 0; i < a->tmpl->nsections; i++) {
        enum tmpl_kind k = a->tmpl->sections[i].kind;
        int done;
        p->total += special_parts(a, k, &done, false);
        p->answered += done;
    }
}

int logic_percent(const struct progress *p)
{
    if (p->total <= 0)
        return 0;
    if (p->answered >= p->total)
        return 100;
    int pct = (int)((long)p->answered * 100 / p->total);
    return pct > 99 ? 99 : pct;
}

/* --- coverage -------------------------------------------------------------- */

static bool has_word(char **v, size_t n, const char *w)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(v[i], w) == 0)
            return true;
    return false;
}

size_t logic_coverage(const struct assessment *a, struct coverage_gap *gaps, size_t max)
{
    const struct tmpl *t = a->tmpl;
    size_t missing = 0;
    for (size_t k = 0; k < t->ncoverage; k++) {
        const struct tmpl_coverage_item *item = &t->coverage[k];
        const struct tmpl_question *first_open = NULL;
        const struct tmpl_section *open_section = NULL;
        bool content = false, required_open = false, relevant = false;
        for (size_t i = 0; i < t->nquestions; i++) {
            const struct tmpl_question *q = &t->questions[i];
            if (!has_word(q->covers, q->ncovers, item->id) || !logic_shown(a, q))
                continue;
            relevant = true;
            if (assess_value(a, q->id)) {
                content = true;
            } else {
                if (q->required)
                    required_open = true;
                if (!first_open || (q->required && !first_open->required))
                    first_open = q;
            }
        }
        bool special_open = false;
        for (size_t i = 0; i < t->nsections; i++) {
            const struct tmpl_section *s = &t->sections[i];
            if (!has_word(s->covers, s->ncovers, item->id))
                continue;
            relevant = true;
            int done;
            int parts = special_parts(a, s->kind, &done, true);
            if (parts > 0 && done == parts)
                content = true;
            else if (parts > 0) {
                special_open = true;
                if (!open_section)
                    open_section = s;
            }
        }
        bool met = !relevant || (content && !required_open && !special_open);
        if (met)
            continue;
        if (missing < max) {
            gaps[missing].item = item;
            gaps[missing].question = first_open;
            gaps[missing].section = first_open ? &t->sections[first_open->section] : open_section;
        }
        missing++;
    }
    return missing;
}

/* Whether a score is outside 0..max (0: not scored). */
static bool off_scale(int value, int max)
{
    return value < 0 || value > max;
}

int logic_check_scores(const struct tmpl_method *m, const struct risk *r, struct err *e)
{
    int nl = m ? m->nlikelihood : 0, ns = m ? m->nseverity : 0;
    if (off_scale(r->likelihood, nl))
        return err_set(e, _("the likelihood of risk R%d must be from 1 to %d (0: not scored), "
                            "not %d"), r->number, nl, r->likelihood);
    if (off_scale(r->severity, ns))
        return err_set(e, _("the severity of risk R%d must be from 1 to %d (0: not scored), "
                            "not %d"), r->number, ns, r->severity);
    if (off_scale(r->likelihood_after, nl))
        return err_set(e, _("the likelihood after measures of risk R%d must be from 1 to %d "
                            "(0: not scored), not %d"), r->number, nl, r->likelihood_after);
    if (off_scale(r->severity_after, ns))
        return err_set(e, _("the severity after measures of risk R%d must be from 1 to %d "
                            "(0: not scored), not %d"), r->number, ns, r->severity_after);
    if ((int)r->type < 0 || r->type >= RT_COUNT)
        return err_set(e, _("risk R%d has an unknown type"), r->number);
    return 0;
}
