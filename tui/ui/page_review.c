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
