/* Answering a question on the assessment screen: the answer widgets
 * (text editor, yes/no, single and multiple choice, list of entries,
 * date), drawing them, and saving. A choice saves at once; typed text at
 * least once a second, on leaving the field and when the program must
 * leave; a conflict with another session is put to the user. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/answer.h"
#include "core/logic.h"
#include "ops/ops.h"
#include "store/store.h"
#include "ui/assess_view.h"
#include "ui/dialog.h"
#include "ui/draft.h"
#include "ui/term.h"
#include "util/text.h"
#include "util/xalloc.h"

static void mark_saved(struct app *a)
{
    char hms[16];
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(hms, sizeof hms, "%H:%M:%S", &tm);
    snprintf(a->saved, sizeof a->saved, "saved %s", hms);
}

/* --- saving -------------------------------------------------------------- */

/* Saves value (raw) for q, keeping note and flag; reports problems in
 * the status bar. Returns 0 when saved. */
int view_save_answer(struct view *v, struct app *a, const struct tmpl_question *q,
                       const char *value, const char *note, int flagged)
{
    struct err e;
    /* q points into the template snapshot, which a reload replaces. */
    char *qid = xstrdup(q->id);
    char *raw = xstrdup(value);
    char *keep_note = note ? xstrdup(note) : NULL;
    /* The saves of one text being typed are one entry of the change log. */
    int64_t session = v->editing == ED_TEXT && v->q == q ? v->session : 0;
    const struct answer *old = assess_answer(v->a, qid);
    int rc = ops_answer(a->store, v->a, qid, raw, keep_note, flagged, old ? old->revision : 0,
                        session, &e);
    if (rc == STORE_CONFLICT) {
        char msg[ERR_MAX + 128];
        snprintf(msg, sizeof msg, "This answer was changed in another session meanwhile (%s). "
                 "Replace it with yours?", e.text);
        bool mine = !a->quitting && dialog_confirm(a, "Changed elsewhere", msg);
        view_reload(v, a);
        old = assess_answer(v->a, qid);
        if (mine || a->quitting) {
            /* Leaving: what the user typed wins, rather than being lost. */
            rc = ops_answer(a->store, v->a, qid, raw, keep_note, flagged,
                            old ? old->revision : 0, 0, &e);
        } else {
            if (v->editing == ED_TEXT && v->q && strcmp(v->q->id, qid) == 0) {
                te_set(&v->te, old ? old->value : "");
                te_mark_saved(&v->te);
            }
            app_message(a, false, "Kept the other session's answer.");
            rc = 0;
        }
    }
    free(qid);
    if (rc < 0) {
        app_message(a, true, "%s", e.text);
        snprintf(a->saved, sizeof a->saved, "NOT SAVED");
    } else {
        mark_saved(a);
    }
    free(keep_note);
    free(raw);
    return rc < 0 ? -1 : 0;
}

/* Saves the text being typed when it changed; false when that failed
 * (the text stays in the editor). */
bool view_save_text(struct view *v, struct app *a)
{
    if (v->editing != ED_TEXT || !v->te.changed || !v->q)
        return true;
    /* Counted from the attempt, so that a locked database is not tried
     * again on every key. */
    v->last_save = time(NULL);
    if (view_save_answer(v, a, v->q, te_text(&v->te), NULL, -1) < 0)
        return false;
    te_mark_saved(&v->te);
    return true;
}

/* Leaves the field; a text that could not be saved keeps it open, so
 * that nothing typed is thrown away. */
void view_stop_editing(struct view *v, struct app *a)
{
    if (v->editing == ED_TEXT) {
        if (!view_save_text(v, a)) {
            char why[sizeof a->message];
            snprintf(why, sizeof why, "%s", a->message);
            app_message(a, true, "%s  Not saved: the field stays open (Esc to try again).", why);
            return;
        }
        te_free(&v->te);
    }
    v->editing = ED_NONE;
    v->q = NULL;
}

void view_draw_answer(struct view *v, const struct tmpl_question *q, int y, int x, int maxy,
                        int w)
{
    const char *val = assess_value(v->a, q->id);
    bool editing = v->editing != ED_NONE && v->q == q;
    switch (q->type) {
    case QT_TEXT:
        if (editing) {
            int h = maxy - y - 2;
            te_draw(&v->te, stdscr, y, x, h > 3 ? h : 3, w, true);
        } else {
            dialog_wrap_to(y, x, maxy, w, A_NORMAL, val ? val : "(not answered: Enter to write)");
        }
        break;
    case QT_DATE:
    case QT_YESNO:
        if (q->type == QT_YESNO) {
            char line[64];
            snprintf(line, sizeof line, "(%c) Yes    (%c) No", val && !strcmp(val, "yes") ? '*' : ' ',
                     val && !strcmp(val, "no") ? '*' : ' ');
            term_put(stdscr, y, x, w, A_NORMAL, line);
            term_put(stdscr, y + 1, x, w, term_attr(ROLE_DIM), "y yes  n no");
        } else {
            term_put(stdscr, y, x, w, A_NORMAL, val ? val : "(no date: Enter to set one)");
        }
        break;
    case QT_CHOICE:
    case QT_MULTI: {
        /* Options scroll so that the one under the cursor is shown. */
        int room = maxy - y > 1 ? maxy - y : 1;
        size_t i = editing && v->opt >= room ? (size_t)(v->opt - room + 1) : 0;
        for (; i < q->noptions && y < maxy; i++, y++) {
            bool on = val && (q->type == QT_MULTI ? answer_has_item(val, q->options[i].value)
                                                  : !strcmp(val, q->options[i].value));
            char line[512];
            snprintf(line, sizeof line, q->type == QT_MULTI ? "[%c] %s" : "(%c) %s",
                     on ? (q->type == QT_MULTI ? 'x' : '*') : ' ', q->options[i].label);
            bool cur = editing && (int)i == v->opt;
            term_put(stdscr, y, x, w, cur ? term_attr(ROLE_SELECTED) : A_NORMAL, line);
        }
        break;
    }
    case QT_LIST: {
        int n = answer_count_items(val);
        if (n == 0)
            term_put(stdscr, y, x, w, term_attr(ROLE_DIM),
                     editing ? "(empty: a to add an entry)" : "(no entries: Enter to edit the list)");
        int room = maxy - y > 1 ? maxy - y : 1;
        int i = editing && v->opt >= room ? v->opt - room + 1 : 0;
        for (; i < n && y < maxy; i++, y++) {
            char item[1024], line[1100];
            answer_item(val, i, item, sizeof item);
            snprintf(line, sizeof line, "%2d. %s", i + 1, item);
            bool cur = editing && i == v->opt;
            term_put(stdscr, y, x, w, cur ? term_attr(ROLE_SELECTED) : A_NORMAL, line);
        }
        break;
    }
    default:
        break;
    }
}

int view_edit_key(struct view *v, struct app *a, wint_t ch, bool is_key)
{
    const struct tmpl_question *q = v->q;
    const char *val = assess_value(v->a, q->id);
    if (v->editing == ED_TEXT) {
        enum te_result r = te_key(&v->te, ch, is_key);
        if (r == TE_DONE) {
            view_stop_editing(v, a);
        } else if (v->te.changed && time(NULL) - v->last_save >= 1) {
            view_save_text(v, a);
        }
        return UI_HANDLED;
    }
    bool esc = is_key && ch == KEY_ESC;
    bool up = (is_key && ch == KEY_UP) || (!is_key && ch == 'k');
    bool down = (is_key && ch == KEY_DOWN) || (!is_key && ch == 'j');
    bool enter = (!is_key && (ch == '\r' || ch == '\n')) || (is_key && ch == KEY_ENTER);
    bool space = !is_key && ch == ' ';
    if (v->editing == ED_CHOICE || v->editing == ED_MULTI) {
        int n = (int)q->noptions;
        if (esc) {
            view_stop_editing(v, a);
        } else if (up) {
            v->opt = v->opt > 0 ? v->opt - 1 : 0;
        } else if (down) {
            v->opt = v->opt + 1 < n ? v->opt + 1 : v->opt;
        } else if (v->editing == ED_CHOICE && (enter || space)) {
            view_save_answer(v, a, q, q->options[v->opt].value, NULL, -1);
            view_stop_editing(v, a);
        } else if (v->editing == ED_MULTI && space) {
            struct buf b = {0};
            for (int i = 0; i < n; i++) {
                bool on = val && answer_has_item(val, q->options[i].value);
                if (i == v->opt)
                    on = !on;
                if (on)
                    buf_printf(&b, "%s%s", b.len ? "\n" : "", q->options[i].value);
            }
            view_save_answer(v, a, q, buf_str(&b), NULL, -1);
            buf_free(&b);
        } else if (v->editing == ED_MULTI && enter) {
            view_stop_editing(v, a);
        }
        return UI_HANDLED;
    }
    if (v->editing == ED_LIST) {
        int n = answer_count_items(val);
        enum key_action act = keys_lookup(is_key ? (int)ch : (ch < 128 ? (int)ch : 0), KC_LIST);
        /* The entries, whole (an entry may be long). */
        char **items = xcalloc((size_t)n + 2, sizeof *items);
        const char *p = val;
        for (int i = 0; i < n && p; i++) {
            const char *end = strchr(p, '\n');
            items[i] = end ? xstrndup(p, (size_t)(end - p)) : xstrdup(p);
            p = end ? end + 1 : NULL;
        }
        bool changed = false, saved = false;
        /* The entry being typed, kept as a draft until the list is saved. */
        struct draft d;
        draft_init(&d, v->id, "entry:%s:new", q->id);
        switch (act) {
        case ACT_DONE:
            view_stop_editing(v, a);
            break;
        case ACT_UP:
            v->opt = v->opt > 0 ? v->opt - 1 : 0;
            break;
        case ACT_DOWN:
            v->opt = v->opt + 1 < n ? v->opt + 1 : v->opt;
            break;
        case ACT_ADD: {
            char *e = dialog_entry(a, "Add an entry", q->prompt, "", &d);
            if (e && *e) {
                int at = n ? v->opt + 1 : 0;
                memmove(items + at + 1, items + at, (size_t)(n - at) * sizeof *items);
                items[at] = e;
                e = NULL;
                n++;
                v->opt = at;
                changed = true;
            }
            free(e);
            break;
        }
        case ACT_OPEN:
            if (n) {
                draft_init(&d, v->id, "entry:%s:%d", q->id, v->opt + 1);
                char *e = dialog_entry(a, "Edit the entry", q->prompt, items[v->opt], &d);
                if (e) {
                    free(items[v->opt]);
                    items[v->opt] = e;
                    changed = true;
                }
            }
            break;
        case ACT_DELETE:
            if (n && dialog_confirm(a, "Delete entry", items[v->opt])) {
                free(items[v->opt]);
                memmove(items + v->opt, items + v->opt + 1, (size_t)(n - v->opt - 1) * sizeof *items);
                n--;
                if (v->opt >= n && v->opt > 0)
                    v->opt--;
                changed = true;
            }
            break;
        case ACT_MOVE_UP:
        case ACT_MOVE_DOWN: {
            int to = v->opt + (act == ACT_MOVE_UP ? -1 : 1);
            if (n && to >= 0 && to < n) {
                char *tmp = items[to];
                items[to] = items[v->opt];
                items[v->opt] = tmp;
                v->opt = to;
                changed = true;
            }
            break;
        }
        default:
            break;
        }
        if (changed) {
            struct buf b = {0};
            for (int i = 0; i < n; i++)
                buf_printf(&b, "%s%s", i ? "\n" : "", items[i]);
            saved = view_save_answer(v, a, q, buf_str(&b), NULL, -1) == 0;
            buf_free(&b);
        }
        draft_finish(a, &d, saved);
        draft_free(&d);
        for (int i = 0; i < n; i++)
            free(items[i]);
        free(items);
        return UI_HANDLED;
    }
    return 0;
}

void view_start_editing(struct view *v, struct app *a, const struct tmpl_question *q,
                          const char *initial_insert)
{
    if (view_read_only(v, a))
        return;
    const char *val = assess_value(v->a, q->id);
    v->q = q;
    v->opt = 0;
    switch (q->type) {
    case QT_TEXT:
        v->editing = ED_TEXT;
        v->session = ops_edit_session();
        te_init(&v->te, val ? val : "", true);
        v->last_save = time(NULL);
        if (initial_insert) {
            te_insert(&v->te, initial_insert);
            view_save_text(v, a);
        }
        break;
    case QT_YESNO: {
        static const char *const yn[] = { "Yes", "No" };
        int pick = dialog_pick(a, "Answer", yn, NULL, 2, val && !strcmp(val, "no") ? 1 : 0);
        if (pick >= 0)
            view_save_answer(v, a, q, pick == 0 ? "yes" : "no", NULL, -1);
        v->q = NULL;
        break;
    }
    case QT_CHOICE:
    case QT_MULTI:
        v->editing = q->type == QT_CHOICE ? ED_CHOICE : ED_MULTI;
        for (size_t i = 0; val && q->type == QT_CHOICE && i < q->noptions; i++)
            if (!strcmp(val, q->options[i].value))
                v->opt = (int)i;
        break;
    case QT_LIST:
        v->editing = ED_LIST;
        break;
    case QT_DATE: {
        char *d = val ? xstrdup(val) : NULL;
        char iso[DATE_ISO_SIZE];
        for (;;) {
            char *nd = dialog_line(a, "Date", "As 2027-03-31, 31/03/2027, 31.03.2027, or from "
                                   "today as +30d, +2w, +6m or +1y (empty clears it):",
                                   d ? d : "");
            free(d);
            d = nd;
            struct err e;
            if (!d || ops_date(d, iso, &e) == 0)
                break;
            dialog_message(a, "Not a date", e.text);
        }
        if (d)
            view_save_answer(v, a, q, iso, NULL, -1);
        free(d);
        v->q = NULL;
        break;
    }
    default:
        v->q = NULL;
        break;
    }
}

