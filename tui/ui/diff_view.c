/* The changes between two revisions, as a list: one line per change,
 * the question or record it concerns and the values before and after
 * under the highlighted line. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/change_text.h"
#include "ops/ops.h"
#include "ui/assess_view.h"
#include "ui/dialog.h"
#include "util/xalloc.h"
#include "util/i18n.h"

void ui_diff(struct app *a, int64_t id, int revision)
{
    if (revision <= 1) {
        app_message(a, false, _("This is the first revision: there is nothing to compare it with."));
        return;
    }
    struct diff d = { 0 };
    struct err e;
    if (ops_diff(a->store, id, revision - 1, revision, &d, &e) < 0) {
        app_message(a, true, "%s", e.text);
        return;
    }
    if (d.n == 0) {
        app_message(a, false, _("Nothing changed since revision %d."), revision - 1);
        diff_free(&d);
        return;
    }
    char **items = xcalloc(d.n, sizeof *items), **details = xcalloc(d.n, sizeof *details);
    for (size_t i = 0; i < d.n; i++) {
        const struct diff_item *it = &d.items[i];
        char *what = change_what_text(it->what);
        char *o = change_value_text(it->what, it->old_value, NULL);
        char *n = change_value_text(it->what, it->new_value, NULL);
        const char *ov = *o ? o : _("(none)");
        const char *nv = *n ? n : _("(none)");
        char *head = xasprintf(I18N_LABELLED, what, ov);
        items[i] = xasprintf("%s \xe2\x86\x92 %s", head, nv);
        details[i] = xasprintf(_("%s\n%s\nBefore: %s\nAfter: %s"), it->label, what, ov, nv);
        free(head);
        free(what);
        free(o);
        free(n);
    }
    char title[96];
    snprintf(title, sizeof title, _("Changes since revision %d (%zu)"), revision - 1, d.n);
    dialog_pick(a, title, (const char *const *)items, (const char *const *)details, (int)d.n, 0);
    for (size_t i = 0; i < d.n; i++) {
        free(items[i]);
        free(details[i]);
    }
    free(items);
    free(details);
    diff_free(&d);
}
