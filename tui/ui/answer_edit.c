/* Answering a question on the assessment screen: the answer widgets
 * (text editor, yes/no, single and multiple choice, list of entries,
 * date; a table's rows in table_edit.c), drawing them, and saving. A choice saves at once; typed text at
 * least once a second, on leaving the field and when the program must
 * leave; a conflict with another session is put to the user. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/date.h"
#include "core/answer.h"
#include "core/logic.h"
#include "ops/ops.h"
#include "store/store.h"
#include "ui/assess_view.h"
#include "ui/dialog.h"
#include "ui/draft.h"
#include "ui/term.h"
#include "ui/textedit.h"
#include "util/text.h"
#include "util/xalloc.h"
#include "util/i18n.h"

/* --- saving -------------------------------------------------------------- */

/* s on one line of cols display columns at most, with an ellipsis when
 * cut; the caller frees. */
static char *short_text(const char *s, int cols)
{
    return text_line_cut(s, cols, term_ellipsis());
}

/* A value as the status bar names it: option labels, first line. */
static char *shown_value(const struct tmpl_question *q, const char *value, int cols)
{
    if (!value || !*value)
        return xstrdup(_("(not answered)"));
    char *d = answer_display(q, value);
    char *r = short_text(d, cols);
    free(d);
    return r;
}

/* Says in the status bar what a change did: the question, the old and
 * the new value (of the answer, the note or the follow-up mark). */
static void tell_change(struct app *a, const struct tmpl_question *q, const char *old_value,
                        const char *new_value, const char *old_note, const char *new_note,
                        bool old_flag, bool new_flag)
{
    char *prompt = short_text(q->prompt, 40);
    if (strcmp(old_value, new_value) != 0) {
        char *was = shown_value(q, old_value, 24), *now = shown_value(q, new_value, 24);
        app_message(a, false, _("\xE2\x80\x9C%s\xE2\x80\x9D is now %s (was %s)."), prompt, now,
                    was);
        free(was);
        free(now);
    } else if (strcmp(old_note, new_note) != 0) {
        char *was = *old_note ? short_text(old_note, 24) : xstrdup(_("(none)"));
        char *now = *new_note ? short_text(new_note, 24) : xstrdup(_("(none)"));
        app_message(a, false, _("The note on \xE2\x80\x9C%s\xE2\x80\x9D is now %s (was %s)."),
                    prompt, now, was);
        free(was);
        free(now);
    } else if (old_flag != new_flag) {
        app_message(a, false, new_flag ? _("\xE2\x80\x9C%s\xE2\x80\x9D is marked for follow-up.")
                                       : _("\xE2\x80\x9C%s\xE2\x80\x9D is no longer marked "
                                           "for follow-up."), prompt);
    }
    free(prompt);
}

void view_tell_text_change(struct view *v, struct app *a, const struct tmpl_question *q,
                           const char *before)
{
    const struct answer *an = assess_answer(v->a, q->id);
    const char *now = an ? an->value : "";
    if (strcmp(before, now) != 0)
        tell_change(a, q, before, now, "", "", false, false);
}

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
    bool typing = v->editing == ED_TEXT && v->q == q;
    int64_t session = typing ? v->session : 0;
    const struct answer *old = assess_answer(v->a, qid);
    /* What it was, for the message that says what changed. */
    char *was_value = xstrdup(old ? old->value : "");
    char *was_note = xstrdup(old ? old->note : "");
    bool was_flag = old && old->flagged;
    bool kept_theirs = false;
    int rc = ops_answer(a->store, v->a, qid, raw, keep_note, flagged, old ? old->revision : 0,
                        session, &e);
    if (rc == STORE_CONFLICT) {
        char msg[ERR_MAX + 128];
        snprintf(msg, sizeof msg, _("This answer was changed in another session meanwhile (%s). "
                   "Replace it with yours?"), e.text);
        bool mine = !a->quitting && dialog_confirm(a, _("Changed elsewhere"), msg);
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
            app_message(a, false, _("Kept the other session's answer."));
            kept_theirs = true;
            rc = 0;
        }
    }
    if (rc < 0) {
        app_message(a, true, "%s", e.text);
        snprintf(a->saved, sizeof a->saved, "%s", _("NOT SAVED"));
    } else {
        app_mark_saved(a);
        /* Text being typed says what changed when its field closes. */
        const struct answer *now = assess_answer(v->a, qid);
        const struct tmpl_question *nq = tmpl_find_question(v->a->tmpl, qid);
        if (!kept_theirs && !typing && now && nq)
            tell_change(a, nq, was_value, now->value, was_note, now->note, was_flag,
                        now->flagged);
    }
    free(qid);
    free(was_value);
    free(was_note);
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
            app_message(a, true, _("%s  Not saved: the field stays open (Esc to try again)."), why);
            return;
        }
        te_free(&v->te);
        if (v->q && v->before)
            view_tell_text_change(v, a, v->q, v->before);
    }
    free(v->before);
    v->before = NULL;
    if (v->editing != ED_NONE)
        ops_live_editing(a->store, &v->live, v->q ? v->q->id : NULL, false);
    v->editing = ED_NONE;
    v->q = NULL;
}

/* Entry i of a list answer. The caller frees. */
static char *list_item(const char *val, int i)
{
    size_t len = strlen(val) + 1;
    char *item = xmalloc(len);
    if (!answer_item(val, i, item, (int)len))
        item[0] = '\0';
    return item;
}

/* The rows an item takes: its mark (4 columns), then its text on one
 * row, or wrapped under itself when whole. */
static int item_rows(const char *text, int w, bool whole)
{
    if (!whole || !text || w <= 4)
        return 1;
    struct textedit t;
    te_init(&t, text, true);
    int rows = te_rows(&t, w - 4);
    te_free(&t);
    return rows > 1 ? rows : 1;
}

/* The first of n items to show in room rows so that item cur (-1: none),
 * shown whole (its text cur_text), is on screen, as far down as it
 * needs. */
static int first_shown(int n, int cur, int room, const char *cur_text, int w)
{
    if (cur < 0 || cur >= n)
        return 0;
    int first = 0;
    while (first < cur && cur - first + item_rows(cur_text, w, true) > room)
        first++;
    return first;
}

/* Draws one item of a choice or a list from row y: its mark, then its
 * text cut to the row or, when whole, wrapped below itself. Returns the
 * row after it. */
static int draw_item(int y, int x, int maxy, int w, attr_t at, const char *mark,
                     const char *text, bool whole)
{
    int mw = text_width(mark);
    term_fill(stdscr, y, x, w, at);
    term_put(stdscr, y, x, w, at, mark);
    if (!whole || w - mw < 8) {
        term_put(stdscr, y, x + mw, w - mw, at, text);
        return y + 1;
    }
    int rows = dialog_wrap(y, x + mw, maxy - y, w - mw, at, text);
    for (int k = 1; k < rows; k++)
        term_fill(stdscr, y + k, x, mw, at);
    return y + (rows > 1 ? rows : 1);
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
            /* Where the text goes, for the keys that change it alone. */
            v->typed_y = y;
            v->typed_x = x;
            v->typed_h = h > 3 ? h : 3;
            v->typed_w = w;
            v->typed_drawn = v->editing == ED_TEXT;
            te_draw(&v->te, stdscr, y, x, v->typed_h, w, true);
        } else {
            dialog_wrap_to(y, x, maxy, w, A_NORMAL, val ? val : _("(not answered: Enter to write)"));
        }
        break;
    case QT_DATE:
    case QT_YESNO:
        if (q->type == QT_YESNO) {
            char line[64];
            snprintf(line, sizeof line, _("(%c) Yes    (%c) No"), val && !strcmp(val, "yes") ? '*' : ' ',
                     val && !strcmp(val, "no") ? '*' : ' ');
            term_put(stdscr, y, x, w, A_NORMAL, line);
            term_put(stdscr, y + 1, x, w, term_attr(ROLE_DIM),
                     /* TRANSLATORS: the keys y and n stay. */
                     _("y yes  n no"));
        } else {
            char shown[DATE_DISPLAY_SIZE];
            term_put(stdscr, y, x, w, A_NORMAL,
                     val ? date_display(val, i18n_ui_lang(), shown) : _("(no date: Enter to set one)"));
        }
        break;
    case QT_CHOICE:
    case QT_MULTI: {
        /* The option under the cursor (or, outside an edit, the one
         * chosen) is shown whole, wrapped; the others are cut to a line. */
        int n = (int)q->noptions, cur = editing ? v->opt : -1;
        if (!editing && q->type == QT_CHOICE)
            for (int i = 0; val && i < n; i++)
                if (!strcmp(val, q->options[i].value))
                    cur = i;
        const char *cur_label = cur >= 0 && cur < n ? q->options[cur].label : NULL;
        for (int i = first_shown(n, cur, maxy - y, cur_label, w);
             i < n && y < maxy; i++) {
            bool on = val && (q->type == QT_MULTI ? answer_has_item(val, q->options[i].value)
                                                  : !strcmp(val, q->options[i].value));
            char mark[16];
            /* Open, the list points at the option under the cursor. */
            snprintf(mark, sizeof mark, q->type == QT_MULTI ? "%s[%c] " : "%s(%c) ",
                     editing ? (i == cur ? "> " : "  ") : "",
                     on ? (q->type == QT_MULTI ? 'x' : '*') : ' ');
            attr_t at = editing && i == cur ? term_attr(ROLE_SELECTED) : A_NORMAL;
            y = draw_item(y, x, maxy, w, at, mark, q->options[i].label, i == cur);
        }
        break;
    }
    case QT_LIST: {
        int n = answer_count_items(val);
        if (n == 0)
            term_put(stdscr, y, x, w, term_attr(ROLE_DIM),
                     editing ? _("(empty: a to add an entry)") : _("(no entries: Enter to edit the list)"));
        /* The entry under the cursor is shown whole, wrapped. */
        int cur = editing ? v->opt : -1;
        char *cur_text = cur >= 0 && cur < n ? list_item(val, cur) : NULL;
        int i = first_shown(n, cur, maxy - y, cur_text, w);
        free(cur_text);
        for (; i < n && y < maxy; i++) {
            char *item = list_item(val, i);
            char num[16];
            snprintf(num, sizeof num, "%2d. ", i + 1);
            attr_t at = i == cur ? term_attr(ROLE_SELECTED) : A_NORMAL;
            y = draw_item(y, x, maxy, w, at, num, item, i == cur);
            free(item);
        }
        break;
    }
    case QT_TABLE:
        view_draw_table(v, q, y, x, maxy, w);
        break;
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
        } else {
            /* Nothing but the text moved: the rest of the screen stays. */
            return UI_HANDLED | UI_TYPED;
        }
        return UI_HANDLED;
    }
    enum key_action choose = keys_lookup(keys_code(ch, is_key), KC_CHOOSE);
    bool enter = choose == ACT_PICK, space = choose == ACT_TOGGLE;
    if (v->editing == ED_CHOICE || v->editing == ED_MULTI) {
        int n = (int)q->noptions;
        bool up = choose == ACT_UP, down = choose == ACT_DOWN;
        if (choose == ACT_LIST_TOP || choose == ACT_LIST_BOTTOM) {
            v->opt = choose == ACT_LIST_TOP ? 0 : n - 1;
        } else if (choose == ACT_CANCEL) {
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
            char *e = dialog_entry(a, _("Add an entry"), q->prompt, "", &d);
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
                char *e = dialog_entry(a, _("Edit the entry"), q->prompt, items[v->opt], &d);
                if (e) {
                    free(items[v->opt]);
                    items[v->opt] = e;
                    changed = true;
                }
            }
            break;
        case ACT_DELETE:
            if (n && dialog_confirm(a, _("Delete entry"), items[v->opt])) {
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
    if (view_read_only(v, a) || !view_may(v, a, RA_EDIT))
        return;
    const char *val = assess_value(v->a, q->id);
    v->q = q;
    v->opt = 0;
    /* The others see at once that this question is being edited; a box
     * over the screen (yes/no, a table, a date) ends it when it closes. */
    ops_live_editing(a->store, &v->live, q->id, true);
    switch (q->type) {
    case QT_TEXT:
        v->editing = ED_TEXT;
        v->session = ops_edit_session();
        free(v->before);
        v->before = xstrdup(val ? val : "");
        te_init(&v->te, val ? val : "", true);
        v->last_save = time(NULL);
        if (initial_insert) {
            te_insert(&v->te, initial_insert);
            view_save_text(v, a);
        }
        break;
    case QT_YESNO: {
        const char *const yn[] = { _("Yes"), _("No") };
        int pick = dialog_pick(a, _("Answer"), yn, NULL, 2, val && !strcmp(val, "no") ? 1 : 0);
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
    case QT_TABLE:
        /* A box of its own over the screen, until Esc. */
        view_edit_table(v, a, q);
        v->q = NULL;
        break;
    case QT_DATE: {
        char shown[DATE_DISPLAY_SIZE];
        char *d = val ? xstrdup(date_display(val, i18n_ui_lang(), shown)) : NULL;
        char iso[DATE_ISO_SIZE];
        for (;;) {
            char *nd = dialog_line(a, _("Date"), _("As 2027-03-31, 31/03/2027, 31.03.2027, or from "
                                   "today as +30d, +2w, +6m or +1y (empty clears it):"),
                                   d ? d : "");
            free(d);
            d = nd;
            struct err e;
            if (!d || ops_date(d, iso, &e) == 0)
                break;
            dialog_message(a, _("Not a date"), e.text);
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
    if (v->editing == ED_NONE)
        ops_live_editing(a->store, &v->live, q->id, false);
}

