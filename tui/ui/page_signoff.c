/* The screening outcome and the sign-off: the coverage check (each gap a
 * jump to its question), the DPO's advice and whether it was followed,
 * the controller's decision, the review date, and Art. 36 prior
 * consultation when the residual risk stays high. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/date.h"
#include "core/fields.h"
#include "core/logic.h"
#include "core/workflow.h"
#include "ops/ops.h"
#include "store/store.h"
#include "ui/assess_view.h"
#include "ui/dialog.h"
#include "ui/draft.h"
#include "ui/form.h"
#include "ui/reader.h"
#include "ui/record_text.h"
#include "ui/term.h"
#include "util/buf.h"
#include "util/text.h"
#include "util/xalloc.h"
#include "util/i18n.h"

/* --- screening ---------------------------------------------------------------- */

void page_screening_draw(struct view *v, struct app *a, int y, int x, int h, int w)
{
    int maxy = y + h;
    struct screening s;
    logic_screening(v->a, &s);
    term_put(stdscr, y++, x, w, A_BOLD, _("Screening outcome"));
    y++;
    enum term_role role = s.outcome == SCREEN_REQUIRED ? ROLE_RISK_HIGH
                        : s.outcome == SCREEN_RECOMMENDED ? ROLE_RISK_MED
                        : s.outcome == SCREEN_NOT_REQUIRED ? ROLE_OK : ROLE_DIM;
    term_put(stdscr, y++, x, w, term_attr(role), _(logic_outcome_label(s.outcome)));
    y += dialog_wrap(y, x, maxy - y, w, A_NORMAL, s.rule);
    y++;
    if (s.ncriteria) {
        term_put(stdscr, y++, x, w, term_attr(ROLE_HEADING), _("WP248 criteria met:"));
        char *lines[16] = { 0 };
        int n = s.ncriteria < 16 ? s.ncriteria : 16, wrapped = 0;
        for (int i = 0; i < n; i++) {
            const struct tmpl_question *q = NULL;
            for (size_t k = 0; k < v->a->tmpl->nquestions; k++)
                if (v->a->tmpl->questions[k].criterion == s.criteria[i])
                    q = &v->a->tmpl->questions[k];
            lines[i] = xasprintf("%d. %s", s.criteria[i], q ? q->prompt : "");
            wrapped += dialog_text_rows(lines[i], w - 5);
        }
        /* Whole where the page has room for every one wrapped (and what
         * follows), else a row each, cut with an ellipsis. */
        int after = (s.ngrounds ? s.ngrounds + 1 : 0) + (s.declined ? 3 : 0);
        bool whole = wrapped <= maxy - y - after;
        for (int i = 0; i < n; i++) {
            const char *text = strchr(lines[i], ' ') + 1;
            int nw = (int)(text - lines[i]);
            if (y < maxy && whole && w > 8) {
                /* The number, then the question wrapped beside it. */
                char *num = xstrndup(lines[i], (size_t)nw);
                term_put(stdscr, y, x + 2, nw, A_NORMAL, num);
                free(num);
                y += dialog_wrap(y, x + 2 + nw, maxy - y, w - 2 - nw, A_NORMAL, text);
            } else if (y < maxy) {
                term_put(stdscr, y++, x + 2, w - 2, A_NORMAL, lines[i]);
            }
            free(lines[i]);
        }
    }
    if (s.ngrounds) {
        term_put(stdscr, y++, x, w, term_attr(ROLE_HEADING), _("Mandatory cases:"));
        for (int i = 0; i < s.ngrounds && y < maxy; i++)
            term_put(stdscr, y++, x + 2, w - 2, A_NORMAL, s.grounds[i]);
    }
    if (s.declined) {
        y++;
        y += dialog_wrap(y, x, maxy - y, w, term_attr(s.declined_reasons_missing ? ROLE_ERROR : ROLE_RISK_MED),
                         s.declined_reasons_missing
                             ? _("No DPIA will be carried out despite the criteria: record the "
                                 "reasons and the DPO's view in the questions above (WP248).")
                             : _("No DPIA will be carried out despite the criteria; the reasons "
                                 "and the DPO's view are recorded."));
    }
}

/* --- sign-off --------------------------------------------------------------------- */

enum row_kind { ROW_ITEM, ROW_DPO, ROW_ASSESSOR, ROW_DECISION, ROW_REVIEW, ROW_CONTACTS };

struct row {
    enum row_kind kind;
    const struct wf_item *item;
    char text[512];
};

/* The rows: what the workflow says is missing or to acknowledge (one
 * list, so the count above it is the count of its rows), then the
 * contact details, the sign-offs and the review date. rows has room for
 * why->n + 5. */
static int rows_of(struct view *v, const struct wf_list *why, struct row *rows)
{
    int n = 0;
    for (size_t i = 0; i < why->n; i++) {
        const struct wf_item *it = &why->items[i];
        rows[n].kind = ROW_ITEM;
        rows[n].item = it;
        snprintf(rows[n].text, sizeof rows[n].text, "%s%s", it->level == WF_WARNING ? "! " : "",
                 it->text);
        n++;
    }
    /* The first line of each: the name of the controller, the DPO's
     * e-mail as it is usually written first. */
    const char *unset = _("(not set)");
    const char *c1 = *v->a->controller ? v->a->controller : unset;
    const char *d1 = *v->a->dpo_contact ? v->a->dpo_contact : unset;
    rows[n] = (struct row){ .kind = ROW_CONTACTS };
    snprintf(rows[n].text, sizeof rows[n].text, _("Contacts: controller %.*s; DPO %.*s"),
             (int)strcspn(c1, "\n"), c1, (int)strcspn(d1, "\n"), d1);
    n++;
    const struct signoff *d = &v->a->signoffs[SR_DPO];
    rows[n] = (struct row){ .kind = ROW_DPO };
    snprintf(rows[n].text, sizeof rows[n].text,
             d->advice_followed == 1   ? _("DPO's advice: %s  [followed]")
             : d->advice_followed == 0 ? _("DPO's advice: %s  [not followed]")
                                       : _("DPO's advice: %s"),
             d->advice[0] ? d->advice : _("(not recorded)"));
    n++;
    const struct signoff *as = &v->a->signoffs[SR_ASSESSOR];
    rows[n] = (struct row){ .kind = ROW_ASSESSOR };
    snprintf(rows[n].text, sizeof rows[n].text, _("Assessor: %s%s%s"), as->name[0] ? as->name : _("(not recorded)"),
             as->position[0] ? ", " : "", as->position);
    n++;
    const struct signoff *c = &v->a->signoffs[SR_CONTROLLER];
    struct screening sc;
    logic_screening(v->a, &sc);
    rows[n] = (struct row){ .kind = ROW_DECISION };
    char shown[DATE_DISPLAY_SIZE];
    const char *cdate = date_display(c->date, i18n_ui_lang(), shown);
    if (v->a->status == ST_NOT_REQUIRED)
        snprintf(rows[n].text, sizeof rows[n].text, "%s",
                 _("Closed: DPIA not required (screening, with the DPO's sign-off)"));
    else if (sc.not_carried_out && c->decision == DEC_NONE)
        snprintf(rows[n].text, sizeof rows[n].text, "%s",
                 _("Decision: close as \"DPIA not required\""));
    else {
        /* What was decided, as the status it gave ("Approved with
         * conditions"), rather than the choice offered ("Approve..."). */
        const char *what = c->decision == DEC_NONE
                               ? decision_label(c->decision)
                               : assess_status_label(wf_decision_status(c->decision));
        if (c->name[0])
            snprintf(rows[n].text, sizeof rows[n].text, _("Decision: %s by %s%s%s"), what,
                     c->name, c->date[0] ? ", " : "", cdate);
        else
            snprintf(rows[n].text, sizeof rows[n].text, _("Decision: %s%s%s"), what,
                     c->date[0] ? ", " : "", cdate);
    }
    n++;
    rows[n] = (struct row){ .kind = ROW_REVIEW };
    snprintf(rows[n].text, sizeof rows[n].text, _("Review date: %s"),
             v->a->review_date[0] ? date_display(v->a->review_date, i18n_ui_lang(), shown)
                                  : _("(not set)"));
    n++;
    return n;
}

/* What the workflow says is missing or to acknowledge; nothing for a
 * decided revision, which is frozen as it was signed. */
static void readiness(struct view *v, struct wf_list *why)
{
    if (!wf_editable(v->a))
        return;
    char today[16];
    ops_today(today);
    wf_readiness(v->a, today, why);
}

void page_signoff_draw(struct view *v, struct app *a, int y, int x, int h, int w)
{
    (void)a;
    int maxy = y + h;
    char head[128];
    snprintf(head, sizeof head, _("Sign-off of revision %d"), v->a->revision);
    term_put(stdscr, y++, x, w, A_BOLD, head);
    if (logic_art36_required(v->a)) {
        y += dialog_wrap(y, x, 3, w, term_attr(ROLE_ERROR),
                         _("The highest residual risk is high: prior consultation of the "
                           "supervisory authority (Art. 36) is required before the processing "
                           "starts. \"Approve\" is not offered."));
    } else {
        int hl = logic_highest_residual(v->a);
        const struct tmpl_method *m = assess_method(v->a);
        /* Judged on the whole register: while a risk is not scored, its
         * level may still call for the consultation. */
        bool scored = v->a->nrisks > 0;
        for (size_t i = 0; i < v->a->nrisks; i++)
            if (!logic_risk_scored(v->a, &v->a->risks[i]))
                scored = false;
        char l36[256];
        if (v->a->status == ST_NOT_REQUIRED && !v->a->nrisks)
            snprintf(l36, sizeof l36, "%s",
                     _("Prior consultation (Art. 36): not required (the screening "
                       "concluded that no DPIA is needed)."));
        else if (hl >= 0 && scored)
            snprintf(l36, sizeof l36, _("Prior consultation (Art. 36): not required (highest "
                       "residual risk: %s)."), m->levels[hl].name);
        else
            snprintf(l36, sizeof l36, "%s",
                     _("Prior consultation (Art. 36): to be judged once the risks "
                       "are scored."));
        y += dialog_wrap(y, x, 2, w, A_NORMAL, l36);
    }
    struct wf_list why = { 0 };
    readiness(v, &why);
    char line[160];
    if (!wf_editable(v->a))
        snprintf(line, sizeof line, _("Revision %d is decided: %s."), v->a->revision,
                 _(assess_status_label(v->a->status)));
    else if (why.nblockers)
        snprintf(line, sizeof line,
                 why.nwarnings ? P_("%zu item is missing for sign-off, ! to acknowledge (Enter "
                                    "goes to it):",
                                    "%zu items are missing for sign-off, ! to acknowledge (Enter "
                                    "goes to it):", why.nblockers)
                               : P_("%zu item is missing for sign-off (Enter goes to it):",
                                    "%zu items are missing for sign-off (Enter goes to it):",
                                    why.nblockers),
                 why.nblockers);
    else if (why.nwarnings)
        snprintf(line, sizeof line,
                 P_("Nothing is missing for sign-off; %zu warning to acknowledge (!):",
                    "Nothing is missing for sign-off; %zu warnings to acknowledge (!):",
                    why.nwarnings),
                 why.nwarnings);
    else
        snprintf(line, sizeof line, "%s", _("Nothing is missing for sign-off."));
    y += dialog_wrap(y, x, 2, w, term_attr(why.nblockers ? ROLE_RISK_MED : ROLE_OK), line);
    struct row *rows = xcalloc(why.n + 5, sizeof *rows);
    int n = rows_of(v, &why, rows);
    if (v->row >= n)
        v->row = n - 1;
    int nitems = (int)why.n;
    int avail = maxy - y - 7;
    int first = 0;
    /* The selected item is shown whole: the list scrolls so that all
     * its rows are on screen. */
    int sel_rows = 1;
    if (v->row < nitems && text_width(rows[v->row].text) > w - 2)
        sel_rows = dialog_text_rows(rows[v->row].text, w - 2);
    if (sel_rows > avail)
        sel_rows = avail > 0 ? avail : 1;
    if (v->row < nitems && v->row + sel_rows > avail)
        first = v->row + sel_rows - avail;
    for (int i = first; i < nitems && y < maxy - 7; i++, y++) {
        bool sel = i == v->row;
        attr_t at = sel ? term_attr(ROLE_SELECTED)
                  : rows[i].item->level == WF_WARNING ? term_attr(ROLE_RISK_MED) : A_NORMAL;
        /* The selected item is shown whole. */
        if (sel && text_width(rows[i].text) > w - 2)
            y += dialog_wrap(y, x + 2, maxy - 7 - y, w - 2, at, rows[i].text) - 1;
        else
            term_put(stdscr, y, x + 2, w - 2, at, rows[i].text);
    }
    y = maxy - 6;
    term_rule(stdscr, y++, x, w);
    for (int i = nitems; i < n && y < maxy; i++, y++) {
        bool sel = i == v->row;
        term_fill(stdscr, y, x, w, sel ? term_attr(ROLE_SELECTED) : A_NORMAL);
        term_put(stdscr, y, x, w, sel ? term_attr(ROLE_SELECTED) : A_NORMAL, rows[i].text);
    }
    free(rows);
    wf_list_free(&why);
}

/* The sign-off form of a role, into *so (a copy of the current one,
 * with decision set when one is being taken; with again, *so already
 * holds what was typed, whose save failed, and the form starts from
 * it). Returns true when the form was closed with something to record.
 * d: its draft ("signoff:dpo", "signoff:assessor", "decision"). */
static bool signoff_form(struct app *a, struct view *v, enum signoff_role role,
                         const enum decision *decision, struct signoff *so, struct draft *d,
                         bool again)
{
    if (!again)
        assess_signoff_copy(so, &v->a->signoffs[role]);
    if (decision)
        so->decision = *decision;
    /* The sign-off table's fields in the form's order: the decision is
     * chosen before, the acknowledged warnings with it; whether the
     * advice was followed, and why not, are the DPO's alone. */
    const struct field *followed = fields_find(signoff_fields, nsignoff_fields, "advice followed");
    const struct field *why = fields_find(signoff_fields, nsignoff_fields, "why not");
    struct field mine[16];
    size_t nmine = 0;
    for (size_t i = 0; i < nsignoff_fields && nmine < 16; i++) {
        const struct field *t = &signoff_fields[i];
        if (t->kind == FLD_DECISION || !t->form_pos ||
            (role != SR_DPO && (t == followed || t == why)))
            continue;
        mine[nmine++] = *t;
    }
    struct form_field f[16];
    const struct field *src[16];
    int n = form_from_table(v->a, mine, nmine, so, f, src);
    bool conditions = decision && *decision == DEC_CONDITIONS;
    int iname = -1, iadvice = -1, ifollowed = -1, iwhy = -1;
    for (int i = 0; i < n; i++) {
        if (strcmp(src[i]->name, "name") == 0)
            iname = i;
        else if (strcmp(src[i]->name, "advice") == 0)
            iadvice = i;
        else if (src[i]->kind == FLD_FOLLOWED)
            ifollowed = i;
        else if (strcmp(src[i]->name, why->name) == 0)
            iwhy = i;
    }
    /* The advice is the DPO's; for the others, a comment, or the
     * conditions of an approval with conditions (then required). */
    f[iadvice].label = role == SR_DPO ? _("Advice") : conditions ? _("Conditions") : _("Comment");
    f[iadvice].required = role == SR_DPO || conditions;
    f[iname].required = true;
    bool ok;
    for (;;) {
        bool untouched;
        ok = form_run_ex(a, signoff_role_label(role), f, n, &untouched, d);
        /* With a decision to record, a form left as it was (the
         * decision-maker already named) is a confirmation; so is one
         * opened again after a failed save (what was typed, to save). */
        if (!ok && untouched && (decision || again) && *f[iname].value &&
            (!conditions || *f[iadvice].value))
            ok = true;
        /* Leaving: what was typed is kept if it is enough to save. */
        if (!ok && a->quitting && *f[iname].value && (role != SR_DPO || *f[iadvice].value))
            ok = true;
        if (!ok || a->quitting || role != SR_DPO || f[ifollowed].number != 2 || *f[iwhy].value)
            break;
        /* Overruled without reasons: back to the form, nothing lost. */
        char text[160];
        snprintf(text, sizeof text, _("The DPO's advice was overruled: record the reasons in "
                   "\"%s\" (WP248, Art. 35(2))."), _(why->label));
        dialog_message(a, _("Reasons needed"), text);
    }
    if (ok)
        form_to_table(f, src, n, v->a, so);
    form_free(f, n);
    return ok;
}

static void record_signoff(struct view *v, struct app *a, enum signoff_role role,
                           const struct view_behalf *vb)
{
    struct ops_behalf ob;
    const struct ops_behalf *b = view_behalf_ops(vb, &ob);
    struct signoff so;
    struct draft d;
    draft_init(&d, v->id, "signoff:%s", role == SR_DPO ? "dpo" : "assessor");
    int rc = -1;
    bool again = false;
    /* A failed save opens the form again with what was typed. */
    while (rc == -1 && signoff_form(a, v, role, NULL, &so, &d, again)) {
        struct err e;
        rc = ops_signoff_for(a->store, v->a, &so, b, &e);
        if (view_conflict(v, a, rc, &e))
            rc = ops_signoff_for(a->store, v->a, &so, b, &e);
        if (rc == 0 && b) {
            app_message(a, false, _("%s recorded on behalf of %s."),
                        _(signoff_role_label(role)), b->person);
        } else if (rc == 0) {
            app_message(a, false, _("%s recorded."), _(signoff_role_label(role)));
        } else if (rc != STORE_CONFLICT) {
            app_message(a, true, "%s", e.text);
            if (!dialog_save_failed(a, e.text))
                break;
            rc = -1;
            again = true;
        }
    }
    draft_finish(a, &d, rc == 0);
    draft_free(&d);
    assess_signoff_clear(&so);
}

static void set_review(struct view *v, struct app *a)
{
    /* A date that has passed is no help as a start: the field opens empty. */
    char today[16];
    ops_today(today);
    char *d = xstrdup(strcmp(v->a->review_date, today) > 0 ? v->a->review_date : "");
    char iso[DATE_ISO_SIZE];
    struct err e;
    for (;;) {
        char *nd = dialog_line(a, _("Review date"), _("When the DPIA will be reviewed (Art. 35(11); sooner "
                               "if the risk changes), as 31/03/2027, 2027-03-31 or +1y:"), d);
        free(d);
        d = nd;
        if (!d || ops_date(d, iso, &e) == 0)
            break;
        dialog_message(a, _("Not a date"), e.text);
    }
    if (d && ops_set_review_date(a->store, v->a, iso, &e) < 0)
        app_message(a, true, "%s", e.text);
    free(d);
}

/* Every reason of one level, as a dialog's text. */
static char *reasons(const struct wf_list *why, enum wf_level level, const char *lead)
{
    struct buf b = { 0 };
    buf_adds(&b, lead);
    wf_list_text(why, level, "- ", &b);
    return buf_take(&b);
}

static void close_not_required(struct view *v, struct app *a, const struct ops_behalf *b)
{
    if (!dialog_confirm(a, _("DPIA not required"), _("The screening concludes that no DPIA is carried "
                        "out. Close this assessment as \"DPIA not required\" with the DPO's "
                        "sign-off?")))
        return;
    struct wf_list why = { 0 };
    struct err e;
    if (ops_close_for(a->store, v->a, b, &why, &e) < 0) {
        char *text = why.nblockers ? reasons(&why, WF_BLOCKER, _("Not yet:\n")) : xstrdup(e.text);
        dialog_message(a, _("Cannot close yet"), text);
        free(text);
    } else {
        app_message(a, false, _("Closed: DPIA not required."));
    }
    wf_list_free(&why);
}

static void decide(struct view *v, struct app *a, const struct view_behalf *vb)
{
    struct ops_behalf ob;
    const struct ops_behalf *b = view_behalf_ops(vb, &ob);
    struct screening sc;
    logic_screening(v->a, &sc);
    if (sc.not_carried_out) {
        close_not_required(v, a, b);
        return;
    }
    bool art36 = logic_art36_required(v->a);
    const char *names[DEC_COUNT];
    enum decision map[DEC_COUNT];
    int n = 0;
    for (int d = 1; d < DEC_COUNT; d++) {
        if (art36 && (d == DEC_APPROVE || d == DEC_CONDITIONS))
            continue;
        names[n] = _(decision_label((enum decision)d));
        map[n++] = (enum decision)d;
    }
    int pick = dialog_pick(a, art36 ? _("Decision (Art. 36 consultation required)") : _("Decision"),
                           names, NULL, n, 0);
    if (pick < 0)
        return;
    enum decision d = map[pick];
    char today[16];
    ops_today(today);
    /* The gates first, with a signer's name standing in: nothing is asked
     * for that could not be recorded. */
    struct wf_list why = { 0 };
    struct signoff probe = v->a->signoffs[SR_CONTROLLER];
    probe.name = (char *)(uintptr_t)"-";
    probe.advice = (char *)(uintptr_t)"-";
    /* A review date to come follows every approval: asked for here when
     * it is the one thing missing. */
    bool need_review = (d == DEC_APPROVE || d == DEC_CONDITIONS) &&
                       strcmp(v->a->review_date, today) <= 0;
    if (wf_check_decision(v->a, d, &probe, today, true, &why) < 0 &&
        !(need_review && why.nblockers == 1)) {
        char *text = reasons(&why, WF_BLOCKER, _("Not yet:\n"));
        dialog_message(a, d == DEC_APPROVE || d == DEC_CONDITIONS ? _("Cannot approve yet")
                                                                  : _("Cannot decide yet"), text);
        free(text);
        wf_list_free(&why);
        return;
    }
    wf_list_free(&why);
    if (need_review) {
        set_review(v, a);
        if (strcmp(v->a->review_date, today) <= 0) {
            app_message(a, true, _("A review date still to come follows every approval: set one "
                          "to approve."));
            return;
        }
    }
    /* The decision counts once the decision-maker is named. */
    struct signoff so;
    struct draft draft;
    draft_init(&draft, v->id, "decision");
    if (!signoff_form(a, v, SR_CONTROLLER, &d, &so, &draft, false)) {
        draft_finish(a, &draft, false);
        draft_free(&draft);
        assess_signoff_clear(&so);
        app_message(a, false, _("No decision recorded."));
        return;
    }
    struct err e;
    int rc = ops_decide_for(a->store, v->a, d, &so, false, b, &why, &e);
    if (view_conflict(v, a, rc, &e)) {
        wf_list_free(&why);
        rc = ops_decide_for(a->store, v->a, d, &so, false, b, &why, &e);
    }
    if (rc > 0) {
        char *text = reasons(&why, WF_WARNING, _("Before the decision, acknowledge:\n"));
        char *q = xasprintf(_("%s\nRecord the decision with these warnings acknowledged?"), text);
        bool ack = !a->quitting && dialog_confirm(a, _("Warnings"), q);
        free(q);
        free(text);
        wf_list_free(&why);
        rc = ack ? ops_decide_for(a->store, v->a, d, &so, true, b, &why, &e) : 1;
    }
    if (rc < 0 && why.nblockers) {
        char *text = reasons(&why, WF_BLOCKER, _("Not yet:\n"));
        dialog_message(a, _("Cannot decide yet"), text);
        free(text);
    } else if (rc < 0 && rc != STORE_CONFLICT) {
        app_message(a, true, "%s", e.text);
    } else if (rc == 0) {
        app_message(a, false, _("Decision recorded: %s."), _(assess_status_label(v->a->status)));
    } else {
        app_message(a, false, _("No decision recorded."));
    }
    /* Not recorded (refused, failed, warnings not acknowledged): what was
     * typed stays as the form's draft, offered back when it opens again. */
    if (rc == 0)
        draft_finish(a, &draft, true);
    draft_free(&draft);
    wf_list_free(&why);
    assess_signoff_clear(&so);
}

int page_signoff_key(struct view *v, struct app *a, wint_t ch, bool is_key, enum key_action act)
{
    (void)ch;
    (void)is_key;
    struct wf_list why = { 0 };
    readiness(v, &why);
    struct row *rows = xcalloc(why.n + 5, sizeof *rows);
    int n = rows_of(v, &why, rows);
    int rc = 0;
    switch (act) {
    case ACT_UP:
    case ACT_DOWN:
        rc = view_move_row(v, act, n);
        break;
    case ACT_OPEN: {
        struct row *r = &rows[v->row < n ? v->row : n - 1];
        rc = UI_HANDLED;
        if (r->kind == ROW_ITEM) {
            if (r->item->question) {
                view_goto_question(v, r->item->question);
            } else if (r->item->section) {
                v->section = (size_t)(r->item->section - v->a->tmpl->sections);
                v->item = view_items(v, v->section, NULL, 0) - 1;
                v->row = 0;
            }
            break;
        }
        if (r->kind == ROW_CONTACTS) {
            view_contacts(v, a);
            break;
        }
        /* The DPO's part is the DPO's, the decision the decision-maker's. */
        enum role_act need = r->kind == ROW_DPO ? RA_DPO
                           : r->kind == ROW_DECISION ? RA_DECIDE : RA_EDIT;
        bool may = roles_may(v->a, store_who(a->store), need);
        /* Not one's own to record, but one may change the assessment:
         * on behalf of whoever may, if one says so. */
        struct view_behalf vb = { NULL, NULL };
        int behalf = !may && need != RA_EDIT ? view_behalf(v, a, need, &vb) : 0;
        if (behalf < 0)
            break;
        if (behalf > 0)
            may = true;
        if (r->kind != ROW_REVIEW && (store_is_read_only(a->store) || !wf_editable(v->a) || !may)) {
            /* Decided, or not one's to record: the sign-off is read in
             * full, not edited (the status bar says why). */
            if (!view_read_only(v, a))
                view_may(v, a, need);
            enum signoff_role role = r->kind == ROW_DPO ? SR_DPO
                                   : r->kind == ROW_ASSESSOR ? SR_ASSESSOR : SR_CONTROLLER;
            char *text = record_text_signoff(&v->a->signoffs[role]);
            reader_show(a, signoff_role_label(role), text);
            free(text);
            break;
        }
        if (view_read_only(v, a) || (!vb.person && !view_may(v, a, need))) {
            view_behalf_free(&vb);
            break;
        }
        if (r->kind == ROW_DPO)
            record_signoff(v, a, SR_DPO, &vb);
        else if (r->kind == ROW_ASSESSOR)
            record_signoff(v, a, SR_ASSESSOR, NULL);
        else if (r->kind == ROW_DECISION)
            decide(v, a, &vb);
        else
            set_review(v, a);
        view_behalf_free(&vb);
        break;
    }
    default:
        break;
    }
    free(rows);
    wf_list_free(&why);
    return rc;
}
