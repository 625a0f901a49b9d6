/* The workflow rules: see workflow.h. */
#include "config.h"
#include "core/workflow.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/logic.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/xalloc.h"

void wf_list_free(struct wf_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i].text);
    free(l->items);
    memset(l, 0, sizeof *l);
}

void wf_list_text(const struct wf_list *l, enum wf_level level, const char *prefix,
                  struct buf *out)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->items[i].level == level)
            buf_printf(out, "%s%s\n", prefix, l->items[i].text);
}


/* A date in a message, written as the messages' language writes dates
 * (31/03/2027 in French; the record's ISO form in English). */
static const char *shown_date(const char *iso, char out[DATE_DISPLAY_SIZE])
{
    return date_display(iso, i18n_current(), out);
}

static void add(struct wf_list *l, enum wf_level level, const struct tmpl_question *q,
                const struct tmpl_section *s, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void add(struct wf_list *l, enum wf_level level, const struct tmpl_question *q,
                const struct tmpl_section *s, const char *fmt, ...)
{
    l->items = xgrow(l->items, &l->cap, l->n + 1, sizeof *l->items);
    struct wf_item *it = &l->items[l->n++];
    va_list ap;
    va_start(ap, fmt);
    it->text = xvasprintf(fmt, ap);
    va_end(ap);
    it->level = level;
    it->question = q;
    it->section = s;
    if (level == WF_BLOCKER)
        l->nblockers++;
    else
        l->nwarnings++;
}

bool wf_decided(enum assess_status st)
{
    return st == ST_APPROVED || st == ST_CONDITIONS || st == ST_REJECTED || st == ST_REFERRED ||
           st == ST_NOT_REQUIRED;
}

bool wf_editable(const struct assessment *a)
{
    return a->status == ST_DRAFT || a->status == ST_REVIEW;
}

int wf_check_editable(const struct assessment *a, struct err *e)
{
    if (a->status == ST_ARCHIVED)
        return err_set(e, _("assessment %lld is archived: bring it back (dpia restore) before "
                       "changing it"), (long long)a->id);
    if (!wf_editable(a))
        return err_set(e, _("revision %d of assessment %lld is decided (%s) and stays as it was "
                       "signed: open a new revision (dpia revise) to change it"), a->revision,
                       (long long)a->id, assess_status_label(a->status));
    return 0;
}

/* --- readiness ----------------------------------------------------------- */

static const struct tmpl_question *first_unanswered_screening(const struct assessment *a)
{
    for (size_t i = 0; i < a->tmpl->nquestions; i++) {
        const struct tmpl_question *q = &a->tmpl->questions[i];
        if ((q->criterion || q->mandatory) && logic_shown(a, q) && !assess_value(a, q->id))
            return q;
    }
    return NULL;
}

/* The screening's part: what stops an approval. */
static void screening_items(const struct assessment *a, const struct screening *s,
                            struct wf_list *l)
{
    const struct tmpl *t = a->tmpl;
    const struct tmpl_question *dec = tmpl_find_role(t, ROLE_Q_SCREENING_DECISION);
    if (s->outcome == SCREEN_INCOMPLETE)
        add(l, WF_BLOCKER, first_unanswered_screening(a), NULL, _("Screening: %s."), s->rule);
    if (s->declined_forbidden)
        add(l, WF_BLOCKER, dec, NULL, _("Screening: a DPIA is mandatory (%s applies), so "
                                        "\"no DPIA\" cannot be chosen."), s->grounds[0]);
    else if (s->declined && s->declined_reasons_missing) {
        const struct tmpl_question *why = tmpl_find_role(t, ROLE_Q_SCREENING_REASONS);
        const struct tmpl_question *dpo = tmpl_find_role(t, ROLE_Q_SCREENING_DPO_VIEW);
        add(l, WF_BLOCKER, why && !assess_value(a, why->id) ? why : dpo, NULL,
            _("Screening: no DPIA despite the criteria met, but the reasons or the DPO's view are "
            "not recorded."));
    }
}

/* The DPO's advice: recorded (any decision), and for an approval also
 * whether it was followed and why not (full). */
static void dpo_items(const struct assessment *a, struct wf_list *l, bool full)
{
    const struct tmpl_section *so = tmpl_find_kind(a->tmpl, SK_SIGNOFF);
    const struct signoff *d = &a->signoffs[SR_DPO];
    if (!*d->advice)
        add(l, WF_BLOCKER, NULL, so, _("The DPO's advice is not recorded (Art. 35(2))."));
    else if (!full)
        return;
    else if (d->advice_followed < 0)
        add(l, WF_BLOCKER, NULL, so,
            _("It is not recorded whether the DPO's advice was followed."));
    else if (d->advice_followed == 0 && !*d->why_not)
        add(l, WF_BLOCKER, NULL, so,
            _("The DPO's advice was not followed and the reasons are not recorded."));
}

static void blockers(const struct assessment *a, const char *today, struct wf_list *l)
{
    const struct tmpl *t = a->tmpl;
    char d1[DATE_DISPLAY_SIZE];
    struct screening s;
    logic_screening(a, &s);
    screening_items(a, &s, l);
    if (s.not_carried_out && !s.declined_forbidden)
        add(l, WF_BLOCKER, tmpl_find_role(t, ROLE_Q_SCREENING_DECISION), NULL,
            _("The screening concluded that no DPIA is carried out: close the assessment as "
            "\"DPIA not required\" instead of deciding on the processing."));

    int open = 0;
    const struct tmpl_question *first = NULL;
    for (size_t i = 0; i < t->nquestions; i++) {
        const struct tmpl_question *q = &t->questions[i];
        if (q->required && logic_shown(a, q) && !assess_value(a, q->id)) {
            if (!first)
                first = q;
            open++;
        }
    }
    if (open)
        add(l, WF_BLOCKER, first, NULL,
            P_("%d required question is unanswered (first: %s).",
               "%d required questions are unanswered (first: %s).", (unsigned long)open),
            open, first->id);

    size_t ng = logic_coverage(a, NULL, 0);
    struct coverage_gap *gaps = xcalloc(ng + 1, sizeof *gaps);
    logic_coverage(a, gaps, ng);
    for (size_t i = 0; i < ng; i++)
        add(l, WF_BLOCKER, gaps[i].question, gaps[i].section, _("%s not covered: %s."),
            gaps[i].item->ref[0] ? gaps[i].item->ref : gaps[i].item->id, gaps[i].item->text);
    free(gaps);

    const struct tmpl_section *rs = tmpl_find_kind(t, SK_RISKS);
    const struct tmpl_section *ms = tmpl_find_kind(t, SK_MEASURES);
    if (a->nrisks == 0)
        add(l, WF_BLOCKER, NULL, rs, _("The risk register is empty."));
    for (size_t i = 0; i < a->nrisks; i++)
        if (!logic_risk_scored(a, &a->risks[i]))
            add(l, WF_BLOCKER, NULL, rs, _("Risk R%d is not scored before and after measures."),
                a->risks[i].number);
    for (size_t i = 0; i < a->nrisks; i++)
        if (logic_risk_inherent(a, &a->risks[i]) > 0 &&
            !logic_risk_addressed(a, a->risks[i].number))
            add(l, WF_BLOCKER, NULL, ms, _("Risk R%d has no measure addressing it."),
                a->risks[i].number);
    dpo_items(a, l, true);
    if (!*a->review_date)
        add(l, WF_BLOCKER, NULL, tmpl_find_kind(t, SK_SIGNOFF),
            _("No review date is set: one follows every approval (Art. 35(11))."));
    else if (today && strcmp(a->review_date, today) <= 0)
        add(l, WF_BLOCKER, NULL, tmpl_find_kind(t, SK_SIGNOFF),
            _("The review date %s is not after today: an approval needs one still to come "
            "(Art. 35(11))."), shown_date(a->review_date, d1));
    if (logic_art36_required(a))
        add(l, WF_BLOCKER, NULL, rs,
            _("The highest residual risk is high: the supervisory authority must be consulted "
            "before the processing starts (Art. 36), so it cannot be approved; refer it to the "
            "authority or reject it."));
}

static bool open_measure(const struct measure *m)
{
    return m->status != MS_DONE && m->status != MS_DROPPED && m->due && *m->due;
}

static void warnings(const struct assessment *a, const char *today, struct wf_list *l)
{
    const struct tmpl *t = a->tmpl;
    char d1[DATE_DISPLAY_SIZE], d2[DATE_DISPLAY_SIZE];
    for (size_t i = 0; i < t->nquestions; i++) {
        const struct tmpl_question *q = &t->questions[i];
        const struct answer *an = assess_answer(a, q->id);
        if (an && an->flagged && logic_shown(a, q))
            add(l, WF_WARNING, q, NULL, _("%s is marked for follow-up."), q->id);
    }
    const struct tmpl_section *ms = tmpl_find_kind(t, SK_MEASURES);
    const struct tmpl_question *sq = tmpl_find_role(t, ROLE_Q_PROCESSING_START);
    const char *start = sq ? assess_value(a, sq->id) : NULL;
    for (size_t i = 0; i < a->nmeasures; i++) {
        const struct measure *m = &a->measures[i];
        if (!open_measure(m))
            continue;
        if (today && strcmp(m->due, today) < 0)
            add(l, WF_WARNING, NULL, ms,
                m->status == MS_PLANNED ? _("Measure M%d was due on %s and is only planned.")
                                        : _("Measure M%d was due on %s and is not done."),
                m->number, shown_date(m->due, d1));
        else if (start && strcmp(m->due, start) > 0)
            add(l, WF_WARNING, NULL, ms, _("Measure M%d is due on %s, after the processing starts "
                "(%s)."), m->number, shown_date(m->due, d1), shown_date(start, d2));
    }
    for (size_t i = 0; i < t->nquestions; i++) {
        const struct tmpl_question *q = &t->questions[i];
        if (!q->implies)
            continue;
        const struct tmpl_question *to = tmpl_find_question(t, q->implies);
        const char *v = assess_value(a, q->id), *w = to ? assess_value(a, to->id) : NULL;
        if (v && w && strcmp(v, "yes") == 0 && strcmp(w, "no") == 0 && logic_shown(a, q) &&
            logic_shown(a, to))
            add(l, WF_WARNING, to, NULL, _("%s is answered yes but %s no: the answers contradict "
                "each other."), q->id, to->id);
    }
}

void wf_readiness(const struct assessment *a, const char *today, struct wf_list *out)
{
    blockers(a, today, out);
    warnings(a, today, out);
}

/* --- decisions ------------------------------------------------------------- */

enum assess_status wf_decision_status(enum decision d)
{
    switch (d) {
    case DEC_APPROVE:
        return ST_APPROVED;
    case DEC_CONDITIONS:
        return ST_CONDITIONS;
    case DEC_REJECT:
        return ST_REJECTED;
    case DEC_REFER:
        return ST_REFERRED;
    default:
        return ST_DRAFT;
    }
}

/* A workshop still open is ended, with its minutes, before the
 * assessment is decided or closed: the signed record would otherwise
 * say it is still going on, and it would run on into the next revision. */
static void open_workshop(const struct assessment *a, struct wf_list *out)
{
    const struct workshop *w = assess_open_workshop(a);
    if (w)
        add(out, WF_BLOCKER, NULL, NULL,
            _("Workshop %d is still open: end it, with its minutes, first."), w->number);
}

int wf_check_decision(const struct assessment *a, enum decision d, const struct signoff *by,
                      const char *today, bool acknowledged, struct wf_list *out)
{
    const struct tmpl_section *so = tmpl_find_kind(a->tmpl, SK_SIGNOFF);
    struct err e;
    if (wf_check_editable(a, &e) < 0) {
        add(out, WF_BLOCKER, NULL, NULL, "%s.", e.text);
        return -1;
    }
    open_workshop(a, out);
    if ((int)d <= DEC_NONE || d >= DEC_COUNT)
        add(out, WF_BLOCKER, NULL, so, _("Choose a decision."));
    if (!by || !by->name || !*by->name)
        add(out, WF_BLOCKER, NULL, so, _("Name the controller's decision-maker."));
    if (d == DEC_APPROVE || d == DEC_CONDITIONS) {
        blockers(a, today, out);
        if (d == DEC_CONDITIONS && (!by || !by->advice || !*by->advice))
            add(out, WF_BLOCKER, NULL, so, _("Write down the conditions of the approval."));
    } else {
        struct screening s;
        logic_screening(a, &s);
        if (s.not_carried_out)
            add(out, WF_BLOCKER, tmpl_find_role(a->tmpl, ROLE_Q_SCREENING_DECISION), NULL,
                _("The screening concluded that no DPIA is carried out: close the assessment as "
                "\"DPIA not required\" instead of deciding on the processing."));
        dpo_items(a, out, false);
    }
    warnings(a, today, out);
    if (out->nblockers)
        return -1;
    return out->nwarnings && !acknowledged ? 1 : 0;
}

int wf_check_close(const struct assessment *a, struct wf_list *out)
{
    struct err e;
    if (wf_check_editable(a, &e) < 0) {
        add(out, WF_BLOCKER, NULL, NULL, "%s.", e.text);
        return -1;
    }
    open_workshop(a, out);
    struct screening s;
    logic_screening(a, &s);
    const struct tmpl_question *dec = tmpl_find_role(a->tmpl, ROLE_Q_SCREENING_DECISION);
    screening_items(a, &s, out);
    if (!s.not_carried_out && s.outcome != SCREEN_INCOMPLETE)
        add(out, WF_BLOCKER, dec, NULL, _("The screening does not conclude that no DPIA is carried "
            "out: only such a screening closes an assessment as \"DPIA not required\"."));
    const struct signoff *d = &a->signoffs[SR_DPO];
    if (!*d->name || !*d->advice)
        add(out, WF_BLOCKER, NULL, tmpl_find_kind(a->tmpl, SK_SIGNOFF),
            _("The DPO's sign-off (name and advice) is not recorded."));
    return out->nblockers ? -1 : 0;
}

/* --- status, revisions, archive -------------------------------------------- */

int wf_check_status(const struct assessment *a, enum assess_status to, struct err *e)
{
    if (to == a->status)
        return 0;
    if (to == ST_ARCHIVED)
        return err_set(e, _("archiving has its own command: dpia archive"));
    if (wf_decided(to))
        return err_set(e, _("\"%s\" is the outcome of a decision: record it with dpia decide "
                       "(or dpia close when the screening concludes no DPIA is needed)"),
                       assess_status_label(to));
    return wf_check_editable(a, e);
}

int wf_check_revise(const struct assessment *a, struct err *e)
{
    if (a->status == ST_ARCHIVED)
        return err_set(e, _("assessment %lld is archived: bring it back (dpia restore) first"),
                       (long long)a->id);
    if (!wf_decided(a->status))
        return err_set(e, _("revision %d of assessment %lld is not decided yet (%s): a new "
                       "revision follows a decision"), a->revision, (long long)a->id,
                       assess_status_label(a->status));
    return 0;
}

int wf_check_archive(const struct assessment *a, bool archive, struct err *e)
{
    if (archive && a->status == ST_ARCHIVED)
        return err_set(e, _("assessment %lld is already archived"), (long long)a->id);
    if (!archive && a->status != ST_ARCHIVED)
        return err_set(e, _("assessment %lld is not archived"), (long long)a->id);
    return 0;
}

enum assess_status wf_restored_status(const struct assessment *a)
{
    return a->archived_from == ST_ARCHIVED ? ST_DRAFT : a->archived_from;
}

/* --- changes ----------------------------------------------------------------- */

int wf_check_answer(const struct assessment *a, const struct tmpl_question *q,
                    const char *value, struct err *e)
{
    if (wf_check_editable(a, e) < 0)
        return -1;
    if (q->role == ROLE_Q_SCREENING_DECISION && value && strcmp(value, "not-carry-out") == 0) {
        struct screening s;
        logic_screening(a, &s);
        if (s.ngrounds > 0)
            return err_set(e, _("a DPIA is mandatory here (%s applies): \"no DPIA\" cannot be "
                           "chosen"), s.grounds[0]);
    }
    return 0;
}

int wf_check_signoff(const struct assessment *a, const struct signoff *so, struct err *e)
{
    if (wf_check_editable(a, e) < 0)
        return -1;
    if (so->role == SR_CONTROLLER)
        return err_set(e, _("the controller's sign-off is the decision: record it with dpia "
                       "decide"));
    if (!so->name || !*so->name)
        return err_set(e, _("a sign-off needs a name"));
    if (so->role == SR_DPO) {
        if (!so->advice || !*so->advice)
            return err_set(e, _("the DPO's sign-off needs the DPO's advice"));
        if (so->advice_followed == 0 && (!so->why_not || !*so->why_not))
            return err_set(e, _("the DPO's advice was not followed: record the reasons (Art. "
                           "35(2))"));
    }
    return 0;
}

int wf_check_workshop(const struct assessment *a, bool start, const char *agenda,
                      struct err *e)
{
    if (wf_check_editable(a, e) < 0)
        return -1;
    const struct workshop *open = assess_open_workshop(a);
    if (!start) {
        if (!open)
            return err_set(e, _("no workshop of assessment %lld is open"), (long long)a->id);
        return 0;
    }
    if (open)
        return err_set(e, _("workshop %lld of assessment %lld is still open; end it first"),
                       (long long)open->number, (long long)a->id);
    const char *p = agenda ? agenda : "";
    while (*p) {
        size_t n = strcspn(p, ",");
        char *id = xstrndup(p, n);
        bool known = tmpl_find_section(a->tmpl, id) != NULL;
        if (!known) {
            struct buf ids = { 0 };
            for (size_t i = 0; i < a->tmpl->nsections; i++)
                buf_printf(&ids, "%s%s", i ? ", " : "", a->tmpl->sections[i].id);
            err_set(e, _("there is no section '%s' in the template of assessment %lld (its "
                    "sections: %s)"), id, (long long)a->id, buf_str(&ids));
            buf_free(&ids);
        }
        free(id);
        if (!known)
            return -1;
        p += n;
        if (*p == ',')
            p++;
    }
    return 0;
}

int wf_check_judgement(const struct assessment *a, const struct judgement *j, struct err *e)
{
    if (wf_check_editable(a, e) < 0)
        return -1;
    if (!j->section || !tmpl_find_section(a->tmpl, j->section)) {
        struct buf ids = { 0 };
        for (size_t i = 0; i < a->tmpl->nsections; i++)
            buf_printf(&ids, "%s%s", i ? ", " : "", a->tmpl->sections[i].id);
        err_set(e, _("there is no section '%s' in the template of assessment %lld (its sections: "
                "%s)"), j->section ? j->section : "", (long long)a->id, buf_str(&ids));
        buf_free(&ids);
        return -1;
    }
    if ((int)j->verdict < 0 || j->verdict >= VD_COUNT)
        return err_set(e, _("unknown verdict (acceptable or improve)"));
    if (j->verdict != VD_NONE && (!j->name || !*j->name))
        return err_set(e, _("a judgement needs the name of who gives it"));
    return 0;
}

int wf_check_register(const struct assessment *a, struct err *e)
{
    return wf_check_editable(a, e);
}
