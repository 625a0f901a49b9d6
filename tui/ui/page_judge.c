/* The DPO's judgement of a section (acceptable or to be improved, with
 * a comment, a name and a date) and the contact details of the
 * controller and the DPO: a form each, kept as a draft while it is
 * typed, saved through ops/. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/workflow.h"
#include "ops/ops.h"
#include "store/store.h"
#include "ui/assess_view.h"
#include "ui/dialog.h"
#include "ui/draft.h"
#include "ui/form.h"
#include "ui/reader.h"
#include "util/buf.h"
#include "util/xalloc.h"
#include "util/i18n.h"

/* A judgement as a text to read (a decided revision, a read-only file). */
static char *judgement_text(const struct judgement *j)
{
    struct buf b = { 0 };
    if (!j) {
        buf_adds(&b, _("The DPO has not judged this section."));
        return buf_take(&b);
    }
    buf_printf(&b, _("Verdict: %s\nBy: %s\nDate: %s\n"), _(verdict_label(j->verdict)), j->name,
               *j->date ? j->date : "-");
    if (*j->comment)
        buf_printf(&b, "\n%s", j->comment);
    return buf_take(&b);
}

void view_judge(struct view *v, struct app *a)
{
    const struct tmpl_section *sec = &v->a->tmpl->sections[v->section];
    char title[320];
    snprintf(title, sizeof title, _("The DPO's judgement: %s"), sec->title);
    /* A copy: a reload after a conflict replaces the assessment. */
    char *section = xstrdup(sec->id);
    const struct judgement *old = assess_judgement(v->a, section);
    /* Not one's own to record, but one may change the assessment: on
     * behalf of whoever may, if one says so. */
    struct view_behalf vb = { NULL, NULL };
    bool mine = roles_may(v->a, store_who(a->store), RA_DPO);
    int behalf = !mine && !view_is_read_only(v, a) ? view_behalf(v, a, RA_DPO, &vb) : 0;
    if (behalf < 0) {
        free(section);
        return;
    }
    mine = mine || behalf > 0;
    struct ops_behalf ob;
    const struct ops_behalf *b = view_behalf_ops(&vb, &ob);
    if (view_is_read_only(v, a) || !mine) {
        if (!view_read_only(v, a)) /* says why, under the text */
            view_may(v, a, RA_DPO);
        char *text = judgement_text(old);
        reader_show(a, title, text);
        free(text);
        free(section);
        return;
    }
    const char *const verdicts[] = { _("Not judged"), _("Acceptable"), _("To be improved") };
    /* The name: the judgement's, else the DPO's of the sign-off, else
     * the user's. */
    const char *name = old ? old->name
                     : *v->a->signoffs[SR_DPO].name ? v->a->signoffs[SR_DPO].name
                                                    : store_who(a->store);
    struct form_field f[4];
    memset(f, 0, sizeof f);
    f[0] = (struct form_field){ .label = _("Verdict"), .kind = FK_CHOICE,
                                .number = old ? (int)old->verdict : VD_ACCEPTABLE,
                                .choices = verdicts, .nchoices = VD_COUNT };
    f[1] = (struct form_field){ .label = _("Comment"), .kind = FK_TEXT,
                                .value = xstrdup(old ? old->comment : "") };
    f[2] = (struct form_field){ .label = _("Name"), .kind = FK_LINE, .value = xstrdup(name),
                                .required = true };
    f[3] = (struct form_field){ .label = _("Date"), .kind = FK_DATE,
                                .value = xstrdup(old ? old->date : "") };
    struct draft d;
    draft_init(&d, v->id, "judgement:%s", section);
    /* What the form opened with: leaving dpia saves only a change. */
    int verdict0 = f[0].number;
    char *comment0 = xstrdup(f[1].value), *name0 = xstrdup(f[2].value),
         *date0 = xstrdup(f[3].value);
    int rc = -1;
    bool retry = false;
    for (;;) {
        bool untouched;
        bool ok = form_run_ex(a, title, f, 4, &untouched, &d) || (retry && untouched);
        if (!ok && a->quitting && *f[2].value &&
            (f[0].number != verdict0 || strcmp(f[1].value, comment0) != 0 ||
             strcmp(f[2].value, name0) != 0 || strcmp(f[3].value, date0) != 0))
            ok = true;
        if (!ok)
            break;
        struct judgement j = { section, (enum verdict)f[0].number, f[1].value, f[2].value,
                               f[3].value };
        struct err e;
        rc = ops_judge_for(a->store, v->a, &j, b, &e);
        if (view_conflict(v, a, rc, &e))
            rc = ops_judge_for(a->store, v->a, &j, b, &e);
        if (rc == 0) {
            app_message(a, false, j.verdict == VD_NONE ? _("Judgement of the section removed.")
                                                       : _("Judgement recorded: %s."),
                        _(verdict_label(j.verdict)));
        } else if (rc != STORE_CONFLICT) {
            app_message(a, true, "%s", e.text);
            /* A failed save opens the form again with what was typed. */
            if (dialog_save_failed(a, e.text)) {
                retry = true;
                continue;
            }
        }
        break;
    }
    free(comment0);
    free(name0);
    free(date0);
    draft_finish(a, &d, rc == 0);
    draft_free(&d);
    form_free(f, 4);
    free(section);
    view_behalf_free(&vb);
}

void view_contacts(struct view *v, struct app *a)
{
    if (view_is_read_only(v, a) || !roles_may(v->a, store_who(a->store), RA_EDIT)) {
        if (!view_read_only(v, a))
            view_may(v, a, RA_EDIT);
        char *text = xasprintf(_("Controller:\n%s\n\nThe DPO's contact details:\n%s"),
                               *v->a->controller ? v->a->controller : "-",
                               *v->a->dpo_contact ? v->a->dpo_contact : "-");
        reader_show(a, _("Contact details"), text);
        free(text);
        return;
    }
    struct form_field f[2];
    memset(f, 0, sizeof f);
    f[0] = (struct form_field){ .label = _("Controller"), .kind = FK_TEXT,
                                .value = xstrdup(v->a->controller) };
    f[1] = (struct form_field){ .label = _("DPO's contact details"), .kind = FK_TEXT,
                                .value = xstrdup(v->a->dpo_contact) };
    struct draft d;
    draft_init(&d, v->id, "contacts");
    int rc = -1;
    bool ok = false, retry = false;
    for (;;) {
        bool untouched;
        ok = form_run_ex(a, _("Contact details (Art. 36(3)(d))"), f, 2, &untouched, &d) ||
             (retry && untouched) || a->quitting;
        if (!ok)
            break;
        rc = 0;
        struct err e;
        int (*const set[2])(struct store *, struct assessment *, const char *,
                            struct err *) = { ops_set_controller, ops_set_dpo_contact };
        for (int i = 0; rc == 0 && i < 2; i++) {
            const char *now = i ? v->a->dpo_contact : v->a->controller;
            if (strcmp(now, f[i].value) == 0)
                continue;
            rc = set[i](a->store, v->a, f[i].value, &e);
            if (view_conflict(v, a, rc, &e))
                rc = set[i](a->store, v->a, f[i].value, &e);
        }
        if (rc == 0) {
            app_message(a, false, _("Contact details saved."));
        } else if (rc != STORE_CONFLICT) {
            app_message(a, true, "%s", e.text);
            /* A failed save opens the form again with what was typed. */
            if (dialog_save_failed(a, e.text)) {
                retry = true;
                continue;
            }
        }
        break;
    }
    draft_finish(a, &d, ok && rc == 0);
    draft_free(&d);
    form_free(f, 2);
}
