/* The assessment screen's undo (U): ops_undo, asking first when the
 * change to undo was made by someone else, and a line in the status bar
 * saying what came back. */
#include "config.h"

#include <stdio.h>

#include "ops/ops.h"
#include "ui/assess_view.h"
#include "ui/dialog.h"
#include "util/i18n.h"

void view_undo(struct view *v, struct app *a)
{
    struct err e;
    struct ops_undo u;
    int rc = ops_undo(a->store, v->a, false, &u, &e);
    if (rc == OPS_THEIRS) {
        char ask[ERR_MAX + 256];
        snprintf(ask, sizeof ask, _("The latest change (%s) was made by %s, not by you. Undo "
                 "it anyway?"), u.what, u.who);
        bool yes = dialog_confirm(a, _("Someone else's change"), ask);
        ops_undo_free(&u);
        if (!yes) {
            app_message(a, false, _("Nothing was undone."));
            return;
        }
        /* Their change, named and agreed to, is what the copy on the
         * screen may not hold yet: read it first. */
        view_reload(v, a);
        rc = ops_undo(a->store, v->a, true, &u, &e);
    }
    if (rc == 0) {
        app_message(a, false, "%s", u.message);
    } else {
        app_message(a, true, "%s", e.text);
        /* A refusal midway may leave the copy in memory ahead of the
         * database: read it again. */
        if (rc == STORE_CONFLICT || u.who)
            view_reload(v, a);
    }
    ops_undo_free(&u);
}
