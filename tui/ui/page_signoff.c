/* The screening outcome and the sign-off: the coverage check (each gap a
 * jump to its question), the DPO's advice and whether it was followed,
 * the controller's decision, the review date, and Art. 36 prior
 * consultation when the residual risk stays high. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/answer.h"
#include "core/logic.h"
#include "store/store.h"
#include "ui/assess_view.h"
#include "ui/dialog.h"
#include "ui/form.h"
#include "ui/term.h"
#include "util/xalloc.h"

/* --- screening ---------------------------------------------------------------- */

void page_screening_draw(struct view *v, struct app *a, int y, int x, int h, int w)
{
    int maxy = y + h;
    struct screening s;
    logic_screening(v->a, &s);
    term_put(stdscr, y++, x, w, A_BOLD, "Screening outcome");
    y++;
    enum term_role role = s.outcome == SCREEN_REQUIRED ? ROLE_RISK_HIGH
                        : s.outcome == SCREEN_RECOMMENDED ? ROLE_RISK_MED
                        : s.outcome == SCREEN_NOT_REQUIRED ? ROLE_OK : ROLE_DIM;
    term_put(stdscr, y++, x, w, term_attr(role), logic_outcome_label(s.outcome));
    y += dialog_wrap(y, x, maxy - y, w, A_NORMAL, s.rule);
    y++;
    if (s.ncriteria) {
        term_put(stdscr, y++, x, w, term_attr(ROLE_HEADING), "WP248 criteria met:");
        for (int i = 0; i < s.ncriteria && y < maxy; i++) {
            const struct tmpl_question *q = NULL;
            for (size_t k = 0; k < v->a->tmpl->nquestions; k++)
                if (v->a->tmpl->questions[k].criterion == s.criteria[i])
                    q = &v->a->tmpl->questions[k];
            char line[1024];
            snprintf(line, sizeof line, "%d. %s", s.criteria[i], q ? q->prompt : "");
            term_put(stdscr, y++, x + 2, w - 2, A_NORMAL, line);
        }
    }
    if (s.ngrounds) {
        term_put(stdscr, y++, x, w, term_attr(ROLE_HEADING), "Mandatory cases:");
        for (int i = 0; i < s.ngrounds && y < maxy; i++)
            term_put(stdscr, y++, x + 2, w - 2, A_NORMAL, s.grounds[i]);
    }
    if (s.declined) {
        y++;
        y += dialog_wrap(y, x, maxy - y, w, term_attr(s.declined_reasons_missing ? ROLE_ERROR : ROLE_RISK_MED),
                         s.declined_reasons_missing
                             ? "No DPIA will be carried out despite the criteria: record the reasons "
                               "and the DPO's view in the questions above (WP248)."
                             : "No DPIA will be carried out despite the criteria; the reasons and the "
                               "DPO's view are recorded.");
    }
}

/* --- sign-off --------------------------------------------------------------------- */

enum row_kind { ROW_GAP, ROW_DPO, ROW_ASSESSOR, ROW_DECISION, ROW_REVIEW };

struct row {
    enum row_kind kind;
    const struct tmpl_question *q;
    const struct tmpl_section *section;
    char text[512];
};

static int rows_of(struct view *v, struct row *rows, int max)
{
    int n = 0;
    struct coverage_gap gaps[64];
    size_t ng = logic_coverage(v->a, gaps, 64);
    for (size_t i = 0; i < ng && i < 64 && n < max - 4; i++) {
        rows[n].kind = ROW_GAP;
        rows[n].q = gaps[i].question;
        rows[n].section = gaps[i].section;
        snprintf(rows[n].text, sizeof rows[n].text, "%s: %s%s%s",
                 gaps[i].item->ref[0] ? gaps[i].item->ref : gaps[i].item->id, gaps[i].item->text,
                 gaps[i].question ? " -> " : "", gaps[i].question ? gaps[i].question->id : "");
        n++;
    }
    const struct signoff *d = &v->a->signoffs[SR_DPO];
    rows[n].kind = ROW_DPO;
    snprintf(rows[n].text, sizeof rows[n].text, "DPO's advice: %s%s", d->advice[0] ? d->advice : "(not recorded)",
             d->advice_followed == 1 ? "  [followed]" : d->advice_followed == 0 ? "  [not followed]" : "");
    n++;
    const struct signoff *as = &v->a->signoffs[SR_ASSESSOR];
    rows[n].kind = ROW_ASSESSOR;
    snprintf(rows[n].text, sizeof rows[n].text, "Assessor: %s%s%s", as->name[0] ? as->name : "(not recorded)",
             as->position[0] ? ", " : "", as->position);
    n++;
    const struct signoff *c = &v->a->signoffs[SR_CONTROLLER];
    rows[n].kind = ROW_DECISION;
    snprintf(rows[n].text, sizeof rows[n].text, "Decision: %s%s%s%s%s", decision_label(c->decision),
             c->name[0] ? " by " : "", c->name, c->date[0] ? ", " : "", c->date);
    n++;
    rows[n].kind = ROW_REVIEW;
    snprintf(rows[n].text, sizeof rows[n].text, "Review date: %s",
             v->a->review_date[0] ? v->a->review_date : "(not set)");
    n++;
    return n;
}

void page_signoff_draw(struct view *v, struct app *a, int y, int x, int h, int w)
{
    int maxy = y + h;
    term_put(stdscr, y++, x, w, A_BOLD, "Sign-off");
    if (logic_art36_required(v->a)) {
        y += dialog_wrap(y, x, 3, w, term_attr(ROLE_ERROR),
                         "The highest residual risk is high: prior consultation of the supervisory "
                         "authority (Art. 36) is required before the processing starts. "
                         "\"Approve\" is not offered.");
    } else {
        int hl = logic_highest_residual(v->a);
        const struct tmpl_method *m = assess_method(v->a);
        char l36[256];
        if (hl >= 0)
            snprintf(l36, sizeof l36, "Prior consultation (Art. 36): not required (highest "
                     "residual risk: %s).", m->levels[hl].name);
        else
            snprintf(l36, sizeof l36, "Prior consultation (Art. 36): to be judged once the risks "
                     "are scored.");
        term_put(stdscr, y++, x, w, A_NORMAL, l36);
    }
    struct buf b = {0};
    int blockers = logic_signoff_blockers(v->a, &b);
    buf_free(&b);
    char line[128];
    snprintf(line, sizeof line, blockers ? "%d item%s missing for sign-off (Enter on a gap goes to it):"
                                         : "Nothing is missing for sign-off.",
             blockers, blockers == 1 ? " is" : "s are");
    term_put(stdscr, y++, x, w, term_attr(blockers ? ROLE_RISK_MED : ROLE_OK), line);
    struct row rows[80];
    int n = rows_of(v, rows, 80);
    if (v->row >= n)
        v->row = n - 1;
    int ngaps = 0;
    while (ngaps < n && rows[ngaps].kind == ROW_GAP)
        ngaps++;
    int avail = maxy - y - 6;
    int first = 0;
    if (v->row < ngaps && v->row >= avail)
        first = v->row - avail + 1;
    for (int i = first; i < ngaps && y < maxy - 6; i++, y++) {
        bool sel = i == v->row;
        term_put(stdscr, y, x + 2, w - 2, sel ? term_attr(ROLE_SELECTED) : A_NORMAL, rows[i].text);
    }
    y = maxy - 5;
    term_rule(stdscr, y++, x, w);
    for (int i = ngaps; i < n && y < maxy; i++, y++) {
        bool sel = i == v->row;
        term_fill(stdscr, y, x, w, sel ? term_attr(ROLE_SELECTED) : A_NORMAL);
        term_put(stdscr, y, x, w, sel ? term_attr(ROLE_SELECTED) : A_NORMAL, rows[i].text);
    }
}

/* The sign-off form of a role; decision (may be NULL) is recorded with
 * it. Returns true when the sign-off was saved. */
static bool signoff_form(struct app *a, struct view *v, enum signoff_role role,
                         const enum decision *decision)
{
    struct signoff so;
    assess_signoff_copy(&so, &v->a->signoffs[role]);
    if (decision)
        so.decision = *decision;
    static const char *const followed[] = { "Not said", "Yes, followed", "No, overruled" };
    struct form_field f[6];
    int n = 0;
    memset(f, 0, sizeof f);
    f[n++] = (struct form_field){ .label = "Name", .kind = FK_LINE, .value = xstrdup(so.name), .required = true };
    f[n++] = (struct form_field){ .label = "Position", .kind = FK_LINE, .value = xstrdup(so.position) };
    f[n++] = (struct form_field){ .label = "Date", .kind = FK_DATE, .value = xstrdup(so.date) };
    f[n++] = (struct form_field){ .label = role == SR_DPO ? "Advice" : "Comment", .kind = FK_TEXT,
                                  .value = xstrdup(so.advice), .required = role == SR_DPO };
    if (role == SR_DPO) {
        f[n++] = (struct form_field){ .label = "Advice followed", .kind = FK_CHOICE,
                                      .number = so.advice_followed < 0 ? 0 : so.advice_followed ? 1 : 2,
                                      .choices = followed, .nchoices = 3 };
        f[n++] = (struct form_field){ .label = "If not, why", .kind = FK_TEXT, .value = xstrdup(so.why_not) };
    }
    bool ok;
    for (;;) {
        bool untouched;
        ok = form_run_ex(a, signoff_role_label(role), f, n, &untouched);
        /* With a decision to record, a form left as it was (the
         * decision-maker already named) is a confirmation. */
        if (!ok && untouched && decision && *f[0].value)
            ok = true;
        /* Leaving: what was typed is kept if it is enough to save. */
        if (!ok && a->quitting && *f[0].value && (role != SR_DPO || *f[3].value))
            ok = true;
        if (!ok || a->quitting || role != SR_DPO || f[4].number != 2 || *f[5].value)
            break;
        /* Overruled without reasons: back to the form, nothing lost. */
        dialog_message(a, "Reasons needed", "The DPO's advice was overruled: record the "
                       "reasons in \"If not, why\" (WP248, Art. 35(2)).");
    }
    if (ok) {
        char **dst[] = { &so.name, &so.position, &so.date, &so.advice };
        for (int i = 0; i < 4; i++) {
            free(*dst[i]);
            *dst[i] = xstrdup(f[i].value);
        }
        if (role == SR_DPO) {
            so.advice_followed = f[4].number == 0 ? -1 : f[4].number == 1 ? 1 : 0;
            free(so.why_not);
            so.why_not = xstrdup(f[5].value);
        }
        struct err e;
        if (store_set_signoff(a->store, v->a, &so, &e) < 0) {
            app_message(a, true, "%s", e.text);
            ok = false;
        }
    }
    form_free(f, n);
    assess_signoff_clear(&so);
    return ok;
}

static void set_review(struct view *v, struct app *a)
{
    char *d = xstrdup(v->a->review_date);
    for (;;) {
        char *nd = dialog_line(a, "Review date", "When the DPIA will be reviewed (Art. 35(11)), "
                               "YYYY-MM-DD; at the latest when the risk changes:", d);
        free(d);
        d = nd;
        if (!d || !*d || answer_valid_date(d))
            break;
        dialog_message(a, "Not a date", "Write the review date as YYYY-MM-DD, a real calendar day.");
    }
    struct err e;
    if (d && store_set_review_date(a->store, v->a, d, &e) < 0)
        app_message(a, true, "%s", e.text);
    free(d);
}

static void decide(struct view *v, struct app *a)
{
    bool art36 = logic_art36_required(v->a);
    const char *names[DEC_COUNT];
    enum decision map[DEC_COUNT];
    int n = 0;
    for (int d = 1; d < DEC_COUNT; d++) {
        if (art36 && (d == DEC_APPROVE || d == DEC_CONDITIONS))
            continue;
        names[n] = decision_label((enum decision)d);
        map[n++] = (enum decision)d;
    }
    int pick = dialog_pick(a, art36 ? "Decision (Art. 36 consultation required)" : "Decision",
                           names, NULL, n, 0);
    if (pick < 0)
        return;
    enum decision d = map[pick];
    struct buf b = {0};
    int blockers = logic_signoff_blockers(v->a, &b);
    if ((d == DEC_APPROVE || d == DEC_CONDITIONS) && blockers) {
        char msg[2048];
        snprintf(msg, sizeof msg, "Not yet: %s", buf_str(&b));
        dialog_message(a, "Cannot approve yet", msg);
        buf_free(&b);
        return;
    }
    buf_free(&b);
    if ((d == DEC_APPROVE || d == DEC_CONDITIONS) && !v->a->review_date[0]) {
        set_review(v, a);
        if (!v->a->review_date[0]) {
            app_message(a, true, "A review date follows every approval: set one to approve.");
            return;
        }
    }
    /* The decision counts once the decision-maker is named. */
    if (!signoff_form(a, v, SR_CONTROLLER, &d)) {
        app_message(a, false, "No decision recorded.");
        return;
    }
    if (a->quitting)
        return;
    struct err e;
    enum assess_status st = d == DEC_APPROVE ? ST_APPROVED : d == DEC_CONDITIONS ? ST_CONDITIONS
                          : d == DEC_REJECT ? ST_REJECTED : ST_REFERRED;
    if (store_set_status(a->store, v->a, st, &e) < 0)
        app_message(a, true, "%s", e.text);
}

int page_signoff_key(struct view *v, struct app *a, wint_t ch, bool is_key, enum key_action act)
{
    struct row rows[80];
    int n = rows_of(v, rows, 80);
    switch (act) {
    case ACT_UP:
    case ACT_DOWN:
        return view_move_row(v, act, n);
    case ACT_OPEN: {
        struct row *r = &rows[v->row < n ? v->row : n - 1];
        if (r->kind == ROW_GAP) {
            if (r->q) {
                view_goto_question(v, r->q);
            } else if (r->section) {
                v->section = (size_t)(r->section - v->a->tmpl->sections);
                v->item = view_items(v, v->section, NULL, 0) - 1;
                v->row = 0;
            }
            return UI_HANDLED;
        }
        if (view_read_only(v, a))
            return UI_HANDLED;
        if (r->kind == ROW_DPO)
            signoff_form(a, v, SR_DPO, NULL);
        else if (r->kind == ROW_ASSESSOR)
            signoff_form(a, v, SR_ASSESSOR, NULL);
        else if (r->kind == ROW_DECISION)
            decide(v, a);
        else
            set_review(v, a);
        return UI_HANDLED;
    }
    default:
        return 0;
    }
}
