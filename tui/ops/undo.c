/* ops: undo, the latest change of an assessment still standing in its
 * change log (store_undo, core/undo.h), with the workflow rules first
 * and a line for people saying what came back. */
#include "config.h"
#include "ops/ops.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/answer.h"
#include "core/roles.h"
#include "core/table.h"
#include "core/textrule.h"
#include "core/undo.h"
#include "util/buf.h"
#include "util/text.h"
#include "util/xalloc.h"
#include "util/i18n.h"

/* How much of a value and of a question a message shows: the value
 * first, so that a status bar of 80 columns shows what came back. */
#define VALUE_COLUMNS 30
#define PROMPT_COLUMNS 40

void ops_undo_free(struct ops_undo *u)
{
    free(u->who);
    free(u->what);
    free(u->old_value);
    free(u->new_value);
    free(u->message);
    memset(u, 0, sizeof *u);
}

/* A value as a message shows it: its first line, cut to cols columns
 * with an ellipsis; "(empty)" for nothing. The caller frees. */
static char *shown(const char *v, int cols)
{
    if (!*v)
        return xstrdup(_("(empty)"));
    size_t len = strcspn(v, "\n");
    char *line = xstrdup(v);
    line[len] = '\0';
    size_t fit = text_fit(line, cols);
    if (fit < len || v[len]) {
        line[fit] = '\0';
        char *cut = xasprintf("%s\xe2\x80\xa6", line);
        free(line);
        return cut;
    }
    return line;
}

static char *answer_message(const struct assessment *a, const struct undo_subject *sub,
                            const struct change *c)
{
    const struct tmpl_question *q = a->tmpl ? tmpl_find_question(a->tmpl, sub->thing) : NULL;
    const char *name = q && q->prompt && *q->prompt ? q->prompt : sub->thing;
    char *qname = shown(name, PROMPT_COLUMNS), *msg;
    if (strcmp(sub->part, "follow-up") == 0) {
        msg = strcmp(c->old_value, "yes") == 0
            ? xasprintf(_("Undone: \xe2\x80\x9c%s\xe2\x80\x9d is flagged for follow-up again."), qname)
            : xasprintf(_("Undone: \xe2\x80\x9c%s\xe2\x80\x9d is no longer flagged for follow-up."),
                        qname);
    } else {
        char *display = q && strcmp(sub->part, "answer") == 0 && *c->old_value
                      ? answer_display(q, c->old_value) : xstrdup(c->old_value);
        char *value = shown(display, VALUE_COLUMNS);
        msg = strcmp(sub->part, "answer") == 0
            ? xasprintf(_("Undone: the answer is back to \xe2\x80\x9c%s\xe2\x80\x9d for "
                        "\xe2\x80\x9c%s\xe2\x80\x9d."), value, qname)
            : xasprintf(_("Undone: the note is back to \xe2\x80\x9c%s\xe2\x80\x9d for "
                        "\xe2\x80\x9c%s\xe2\x80\x9d."), value, qname);
        free(display);
        free(value);
    }
    free(qname);
    return msg;
}

/* The line that says what the undo brought back. */
static char *message(const struct assessment *a, const struct store_undone *u)
{
    const struct change *top = &u->entries[u->n - 1];
    struct undo_subject sub;
    undo_parse(top->what, &sub);
    if (sub.kind == UNDO_ANSWER) {
        /* An answer saved with its note: the answer is what people see. */
        for (size_t i = 0; i < u->n; i++) {
            struct undo_subject p;
            undo_parse(u->entries[i].what, &p);
            if (strcmp(p.part, "answer") == 0)
                return answer_message(a, &p, &u->entries[i]);
        }
        return answer_message(a, &sub, top);
    }
    /* Added with its links, deleted with its details: the entry of the
     * addition or the deletion names the change. */
    for (size_t i = 0; i < u->n; i++) {
        struct undo_subject p;
        undo_parse(u->entries[i].what, &p);
        if (strcmp(p.part, "added") == 0 || strcmp(p.part, "deleted") == 0) {
            top = &u->entries[i];
            sub = p;
        }
    }
    char *title = shown(top->old_value[0] ? top->old_value : top->new_value, VALUE_COLUMNS),
         *msg;
    bool risk = sub.kind == UNDO_RISK;
    if (sub.kind == UNDO_SIGNOFF) {
        const char *role = signoff_role_label((enum signoff_role)sub.role);
        msg = u->n == 1
            /* TRANSLATORS: the first %s is the field's key (name, date...), the
             * second the role (the DPO...), the third the value. */
            ? xasprintf(_("Undone: the %s of the sign-off of the %s is back to "
                        "\xe2\x80\x9c%s\xe2\x80\x9d."), sub.part, role, title)
            : xasprintf(P_("Undone: %zu field of the sign-off of the %s is back to its "
                         "earlier value.",
                         "Undone: %zu fields of the sign-off of the %s are back to their "
                         "earlier values.", u->n), u->n, role);
    } else if (strcmp(sub.part, "added") == 0) {
        msg = risk ? xasprintf(_("Undone: risk R%d, \xe2\x80\x9c%s\xe2\x80\x9d, is removed again."),
                               sub.number, title)
                   : xasprintf(_("Undone: measure M%d, \xe2\x80\x9c%s\xe2\x80\x9d, is removed "
                               "again."), sub.number, title);
    } else if (strcmp(sub.part, "deleted") == 0) {
        msg = risk ? xasprintf(_("Undone: risk R%d, \xe2\x80\x9c%s\xe2\x80\x9d, is back."),
                               sub.number, title)
                   : xasprintf(_("Undone: measure M%d, \xe2\x80\x9c%s\xe2\x80\x9d, is back."),
                               sub.number, title);
    } else if (u->n == 1 && !risk && strcmp(sub.part, "risks") == 0) {
        free(title);
        title = shown(top->old_value, VALUE_COLUMNS);
        msg = *top->old_value
            ? xasprintf(_("Undone: measure M%d addresses %s again."), sub.number, title)
            : xasprintf(_("Undone: measure M%d addresses no risk again."), sub.number);
    } else if (u->n == 1) {
        free(title);
        title = shown(top->old_value, VALUE_COLUMNS);
        /* TRANSLATORS: %s before "of risk" is the field's key (title, likelihood...). */
        msg = risk ? xasprintf(_("Undone: the %s of risk R%d is back to \xe2\x80\x9c%s\xe2\x80\x9d."),
                               sub.part, sub.number, title)
                   : xasprintf(_("Undone: the %s of measure M%d is back to "
                               "\xe2\x80\x9c%s\xe2\x80\x9d."), sub.part, sub.number, title);
    } else {
        msg = risk ? xasprintf(P_("Undone: %zu field of risk R%d is back to its earlier value.",
                                  "Undone: %zu fields of risk R%d are back to their earlier "
                                  "values.", u->n), u->n, sub.number)
                   : xasprintf(P_("Undone: %zu field of measure M%d is back to its earlier value.",
                                  "Undone: %zu fields of measure M%d are back to their earlier "
                                  "values.", u->n), u->n, sub.number);
    }
    free(title);
    return msg;
}

/* What the undo would write, against the rules a person's change meets:
 * each value against the text rule (the log is read from a file, as is
 * everything in it), an answer in its question's form and allowed by the
 * workflow. */
/* Who is undoing (the store's who), for the rules of roles: set by
 * ops_undo for the call of store_undo that asks rules(). */
static const char *undoer;

static int rules(const struct assessment *a, const struct change *c, size_t n, struct err *e)
{
    for (size_t i = 0; i < n; i++) {
        const char *v = c[i].old_value;
        if (textrule_check_str(c[i].what, v, TK_LINES, e) < 0)
            return -1;
        struct undo_subject sub;
        undo_parse(c[i].what, &sub);
        /* Undoing is changing: the DPO's sign-off by whoever records
         * it, the controller's by whoever decides, the rest by those
         * who may change the assessment. */
        enum role_act act = sub.kind != UNDO_SIGNOFF ? RA_EDIT
                          : sub.role == SR_DPO ? RA_DPO
                          : sub.role == SR_CONTROLLER ? RA_DECIDE : RA_EDIT;
        if (roles_check(a, undoer, act, e) < 0)
            return -1;
        if (sub.kind != UNDO_ANSWER || strcmp(sub.part, "answer") != 0)
            continue;
        if (!*v) {
            /* Emptying a table removes its rows: none may be cited. */
            const struct tmpl_question *tq = tmpl_find_question(a->tmpl, sub.thing);
            if (tq && table_check_answer(a, tq, v, e) < 0)
                return -1;
            continue;
        }
        const struct tmpl_question *q = tmpl_find_question(a->tmpl, sub.thing);
        if (!q)
            return err_set(e, _("template '%s' has no question '%s'"), a->tmpl->id, sub.thing);
        char *canon = answer_canonical(q, v, e);
        if (!canon) {
            err_prefix(e, _("the change log does not hold what is needed to undo \"%s\""),
                       c[i].what);
            return -1;
        }
        bool same = strcmp(canon, v) == 0;
        free(canon);
        if (!same)
            return err_set(e, _("the change log does not hold what is needed to undo \"%s\": "
                           "'%s' is not an answer as %s stores it"), c[i].what, v, sub.thing);
        if (wf_check_answer(a, q, v, e) < 0 || table_check_answer(a, q, v, e) < 0)
            return -1;
    }
    return 0;
}

int ops_undo(struct store *s, struct assessment *a, bool theirs, struct ops_undo *out,
             struct err *e)
{
    memset(out, 0, sizeof *out);
    const char *who = store_who(s);
    /* Whoever may change nothing at all is told so before anything is
     * looked up; the change found is checked by rules(). */
    if (!roles_may(a, who, RA_DPO) && !roles_may(a, who, RA_DECIDE) &&
        roles_check(a, who, RA_EDIT, e) < 0)
        return -1;
    if (wf_check_editable(a, e) < 0)
        return -1;
    struct store_undone u;
    undoer = store_who(s);
    int rc = store_undo(s, a, theirs, rules, &u, e);
    undoer = NULL;
    if (u.n) {
        const struct change *top = &u.entries[u.n - 1];
        out->who = xstrdup(top->who);
        out->what = xstrdup(top->what);
        out->old_value = xstrdup(top->old_value);
        out->new_value = xstrdup(top->new_value);
        if (rc == 0)
            out->message = message(a, &u);
    }
    store_undone_free(&u);
    return rc;
}
