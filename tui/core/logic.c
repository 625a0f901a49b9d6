#include "config.h"
#include "core/logic.h"

#include <stdio.h>
#include <string.h>

#include "core/answer.h"

/* Whether any WP248 criterion is answered yes: the reasons for not
 * carrying out a DPIA "despite the criteria" are asked only then. */
static bool any_criterion(const struct assessment *a)
{
    const struct tmpl *t = a->tmpl;
    for (size_t i = 0; i < t->nquestions; i++) {
        const struct tmpl_question *q = &t->questions[i];
        const char *v;
        if (q->criterion && (v = assess_value(a, q->id)) && strcmp(v, "yes") == 0 &&
            logic_shown(a, q))
            return true;
    }
    return false;
}

bool logic_has_risk_type(const struct assessment *a, enum risk_type type)
{
    for (size_t i = 0; i < a->nrisks; i++)
        if (a->risks[i].type == type)
            return true;
    return false;
}

static bool shown_at(const struct assessment *a, size_t qi, int depth)
{
    const struct tmpl_question *q = &a->tmpl->questions[qi];
    if (depth > 64)
        return false;
    if (q->feared_event && logic_has_risk_type(a, (enum risk_type)risk_type_parse(q->feared_event)))
        return false;
    if ((q->role == ROLE_Q_SCREENING_REASONS || q->role == ROLE_Q_SCREENING_DPO_VIEW) &&
        !any_criterion(a))
        return false;
    for (size_t i = 0; i < q->nconditions; i++) {
        const struct tmpl_condition *c = &q->conditions[i];
        /* A condition on a hidden question does not hold. */
        if (!shown_at(a, c->qindex, depth + 1))
            return false;
        const struct tmpl_question *target = &a->tmpl->questions[c->qindex];
        const char *v = assess_value(a, target->id);
        if (!v)
            return false;
        if (target->type == QT_MULTI) {
            if (!answer_has_item(v, c->value))
                return false;
        } else if (strcmp(v, c->value) != 0) {
            return false;
        }
    }
    return true;
}

bool logic_shown(const struct assessment *a, const struct tmpl_question *q)
{
    return shown_at(a, (size_t)(q - a->tmpl->questions), 0);
}

/* --- screening ---------------------------------------------------------- */

static const char *const outcome_keys[] = { "incomplete", "not-required", "recommended",
                                            "required" };
static const char *const outcome_labels[] = { "Screening incomplete", "DPIA not required",
                                              "DPIA recommended", "DPIA required" };

const char *logic_outcome_key(enum screening_outcome o)
{
    return outcome_keys[o];
}

const char *logic_outcome_label(enum screening_outcome o)
{
    return outcome_labels[o];
}

void logic_screening(const struct assessment *a, struct screening *s)
{
    memset(s, 0, sizeof *s);
    const struct tmpl *t = a->tmpl;
    for (size_t i = 0; i < t->nquestions; i++) {
        const struct tmpl_question *q = &t->questions[i];
        if ((!q->criterion && !q->mandatory) || !logic_shown(a, q))
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
        snprintf(s->rule, sizeof s->rule, "%s applies: a DPIA is mandatory%s", s->grounds[0],
                 s->ngrounds > 1 ? " (and further mandatory cases)" : "");
    } else if (s->ncriteria >= 2) {
        s->outcome = SCREEN_REQUIRED;
        snprintf(s->rule, sizeof s->rule,
                 "%d WP248 criteria are met (%s): with two or more, a DPIA is required in most cases",
                 s->ncriteria, list);
    } else if (s->unanswered > 0) {
        s->outcome = SCREEN_INCOMPLETE;
        snprintf(s->rule, sizeof s->rule, "%d screening question%s still unanswered",
                 s->unanswered, s->unanswered == 1 ? " is" : "s are");
    } else if (s->ncriteria == 1) {
        s->outcome = SCREEN_RECOMMENDED;
        snprintf(s->rule, sizeof s->rule,
                 "One WP248 criterion is met (%s): one can be enough, and when in doubt a DPIA "
                 "should be carried out", list);
    } else {
        s->outcome = SCREEN_NOT_REQUIRED;
        snprintf(s->rule, sizeof s->rule,
                 "No WP248 criterion and no mandatory case applies; record this screening");
    }

    const struct tmpl_question *dec = tmpl_find_role(t, ROLE_Q_SCREENING_DECISION);
    const char *dv = dec ? assess_value(a, dec->id) : NULL;
    s->decided = dv != NULL;
    s->not_carried_out = dv && strcmp(dv, "not-carry-out") == 0;
    if (s->not_carried_out &&
        (s->outcome == SCREEN_REQUIRED || s->outcome == SCREEN_RECOMMENDED)) {
        s->declined = true;
        s->declined_forbidden = s->ngrounds > 0;
        const struct tmpl_question *why = tmpl_find_role(t, ROLE_Q_SCREENING_REASONS);
        const struct tmpl_question *dpo = tmpl_find_role(t, ROLE_Q_SCREENING_DPO_VIEW);
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

int logic_highest_residual(const struct assessment *a)
{
    int best = -1;
    for (size_t i = 0; i < a->nrisks; i++) {
        int l = logic_risk_residual(a, &a->risks[i]);
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
    for (size_t i = 0; i < a->nrisks; i++)
        if (!logic_risk_scored(a, &a->risks[i]))
            return false;
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

/* Each risk above the lowest level has a measure that is not dropped. */
static bool measures_done(const struct assessment *a)
{
    if (a->nmeasures == 0)
        return false;
    for (size_t i = 0; i < a->nrisks; i++)
        if (logic_risk_inherent(a, &a->risks[i]) > 0 && !logic_risk_addressed(a, a->risks[i].number))
            return false;
    return true;
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

void logic_section_progress(const struct assessment *a, size_t section, struct progress *p)
{
    const struct tmpl_section *s = &a->tmpl->sections[section];
    p->answered = p->total = 0;
    for (size_t i = s->first; i < s->first + s->count; i++) {
        const struct tmpl_question *q = &a->tmpl->questions[i];
        if (!logic_shown(a, q))
            continue;
        p->total++;
        if (assess_value(a, q->id))
            p->answered++;
    }
    int done;
    p->total += special_parts(a, s->kind, &done, false);
    p->answered += done;
}

void logic_progress(const struct assessment *a, struct progress *p)
{
    p->answered = p->total = 0;
    for (size_t i = 0; i < a->tmpl->nsections; i++) {
        struct progress sp;
        logic_section_progress(a, i, &sp);
        p->answered += sp.answered;
        p->total += sp.total;
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

int logic_check_scores(const struct tmpl_method *m, const struct risk *r, struct err *e)
{
    const struct {
        int value, max;
        const char *what;
    } scores[] = {
        { r->likelihood, m ? m->nlikelihood : 0, "likelihood" },
        { r->severity, m ? m->nseverity : 0, "severity" },
        { r->likelihood_after, m ? m->nlikelihood : 0, "likelihood after measures" },
        { r->severity_after, m ? m->nseverity : 0, "severity after measures" },
    };
    for (size_t i = 0; i < sizeof scores / sizeof scores[0]; i++)
        if (scores[i].value < 0 || scores[i].value > scores[i].max)
            return err_set(e, "the %s of risk R%d must be from 1 to %d (0: not scored), not %d",
                           scores[i].what, r->number, scores[i].max, scores[i].value);
    if ((int)r->type < 0 || r->type >= RT_COUNT)
        return err_set(e, "risk R%d has an unknown type", r->number);
    return 0;
}
