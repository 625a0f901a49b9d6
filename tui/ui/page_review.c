/* The review from the assessment screen (r): the steps the rules of
 * core/roles.h allow the person now, chosen from a list with a comment
 * to go with it; and the check the other pages make before a change,
 * saying in the status bar why it is not theirs to make. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ops/ops.h"
#include "ui/assess_view.h"
#include "ui/dialog.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

bool view_may(struct view *v, struct app *a, enum role_act act)
{
    struct err e;
    if (roles_check(v->a, store_who(a->store), act, &e) == 0)
        return true;
    app_message(a, true, "%s", e.text);
    return false;
}

int view_behalf(struct view *v, struct app *a, enum role_act act, struct view_behalf *b)
{
    b->person = b->reason = NULL;
    const char *me = store_who(a->store);
    struct err e;
    if (store_is_read_only(a->store) || !wf_editable(v->a) ||
        roles_check(v->a, me, act, &e) == 0 || !roles_may(v->a, me, RA_EDIT))
        return 0;
    /* Whoever may: the role's holders, else (nobody holding it) the
     * owners. */
    enum member_role r = act == RA_DPO ? MR_DPO : MR_DECIDER;
    if (!roles_held(v->a, r))
        r = MR_OWNER;
    const char **names = xcalloc(v->a->nmembers + 1, sizeof *names);
    int n = 0;
    for (size_t i = 0; i < v->a->nmembers; i++)
        if (v->a->members[i].role == r)
            names[n++] = v->a->members[i].person;
    char *held = roles_holders(v->a, r);
    /* TRANSLATORS: the refusal, then the offer: "carl (contributor)
     * cannot record the DPO's advice ... (held by dana)\n\nRecord it on
     * behalf of dana, saying why (a signed paper copy, an e-mail)?" */
    char *q = xasprintf(_("%s\n\nRecord it on behalf of %s, saying why (a signed paper copy, "
                          "an e-mail)?"), e.text, held);
    int pick = n > 0 && dialog_confirm(a, _("On someone's behalf"), q) ? 0 : -1;
    free(q);
    free(held);
    if (pick == 0 && n > 1)
        pick = dialog_pick(a, _("On whose behalf?"), names, NULL, n, 0);
    char *reason = NULL;
    if (pick >= 0) {
        char *prompt = xasprintf(_("Why you record it for %s:"), names[pick]);
        reason = dialog_line(a, _("On someone's behalf"), prompt, "");
        free(prompt);
    }
    if (reason && *reason) {
        b->person = xstrdup(names[pick]);
        b->reason = reason;
    } else {
        if (reason)
            app_message(a, true, _("Nothing recorded on %s's behalf: the reason is needed."),
                        names[pick]);
        free(reason);
    }
    free(names);
    return b->person ? 1 : pick >= 0 ? -1 : 0;
}

void view_behalf_free(struct view_behalf *b)
{
    free(b->person);
    free(b->reason);
    b->person = b->reason = NULL;
}

const struct ops_behalf *view_behalf_ops(const struct view_behalf *b, struct ops_behalf *out)
{
    if (!b || !b->person)
        return NULL;
    out->person = b->person;
    out->reason = b->reason;
    return out;
}

/* What each step is called in the list. */
static const char *step_name(enum review_kind k)
{
    switch (k) {
    case RV_REQUEST:
        return _("Ask the DPO to review it");
    case RV_RETURN:
        return _("Return it with comments");
    default:
        return _("Pass it to the decision-maker");
    }
}

/* The step that matters in a state, whose refusal says why none is
 * offered. */
static enum review_kind main_step(enum review_state st)
{
    return st == RS_DPO ? RV_PASS : st == RS_DECIDER ? RV_RETURN : RV_REQUEST;
}

void view_review(struct view *v, struct app *a)
{
    if (store_is_read_only(a->store)) {
        view_read_only(v, a);
        return;
    }
    const char *who = store_who(a->store);
    enum review_state st = review_state(v->a);
    enum review_kind offered[RV_COUNT];
    int n = 0;
    struct err e, why = { 0 };
    for (int k = 0; k < RV_COUNT; k++) {
        if (review_check(v->a, who, (enum review_kind)k, &e) == 0)
            offered[n++] = (enum review_kind)k;
        else if ((enum review_kind)k == main_step(st))
            why = e;
    }
    if (n == 0) {
        app_message(a, true, "%s", why.text);
        return;
    }
    /* Under the list: where the review stands, and why the step that
     * matters is not offered when it is not. */
    struct buf d = { 0 };
    const char *now = review_state_label(st);
    buf_printf(&d, _("Now: %s."), *now ? now : _("a draft, no review asked for"));
    if (why.text[0])
        buf_printf(&d, "\n%s", why.text);
    const char *items[RV_COUNT], *details[RV_COUNT];
    for (int i = 0; i < n; i++) {
        items[i] = step_name(offered[i]);
        details[i] = buf_str(&d);
    }
    int pick = dialog_pick(a, _("The review"), items, details, n, 0);
    if (pick < 0) {
        buf_free(&d);
        return;
    }
    enum review_kind k = offered[pick];
    char *comment = dialog_text(a, step_name(k),
                                _("A comment to go with it (it may stay empty):"), "", NULL);
    if (!a->quitting) {
        char *sq = text_squeeze(comment ? comment : "", true);
        if (ops_review(a->store, v->a, k, sq, &e) < 0) {
            app_message(a, true, "%s", e.text);
        } else {
            view_reload(v, a);
            app_message(a, false, _("%s: %s."), _(assess_status_label(v->a->status)),
                        review_state_label(review_state(v->a)));
        }
        free(sq);
    }
    free(comment);
    buf_free(&d);
}
