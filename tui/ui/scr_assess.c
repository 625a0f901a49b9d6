/* The assessment screen: sections with completion on the left, the
 * current question on the right with its reference, guidance, answer,
 * note and follow-up flag. Answers save themselves: a choice at once,
 * typed text at least once a second, on leaving the field, and when the
 * program must leave (q, SIGHUP, SIGTERM, end of input). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/answer.h"
#include "core/logic.h"
#include "core/workflow.h"
#include "ops/ops.h"
#include "store/store.h"
#include "ui/assess_view.h"
#include "ui/dialog.h"
#include "ui/draft.h"
#include "ui/export.h"
#include "ui/term.h"
#include "util/text.h"
#include "util/xalloc.h"

#define LEFT_W 30

static struct view *V(struct screen *s)
{
    return s->data;
}

int view_items(struct view *v, size_t section, const struct tmpl_question **qs, int max)
{
    const struct tmpl_section *s = &v->a->tmpl->sections[section];
    int n = 0;
    for (size_t i = s->first; i < s->first + s->count; i++) {
        const struct tmpl_question *q = &v->a->tmpl->questions[i];
        if (!logic_shown(v->a, q))
            continue;
        if (qs && n < max)
            qs[n] = q;
        n++;
    }
    if (s->kind != SK_QUESTIONS) {
        if (qs && n < max)
            qs[n] = NULL;
        n++;
    }
    return n;
}

const struct tmpl_question *view_question(struct view *v)
{
    int n = view_items(v, v->section, NULL, 0);
    if (n == 0)
        return NULL;
    if (v->item >= n)
        v->item = n - 1;
    if (v->item < 0)
        v->item = 0;
    const struct tmpl_question **qs = xcalloc((size_t)n, sizeof *qs);
    view_items(v, v->section, qs, n);
    const struct tmpl_question *q = qs[v->item];
    free(qs);
    return q;
}

void view_goto_question(struct view *v, const struct tmpl_question *q)
{
    v->section = q->section;
    int n = view_items(v, v->section, NULL, 0);
    const struct tmpl_question **qs = xcalloc((size_t)n + 1, sizeof *qs);
    view_items(v, v->section, qs, n);
    for (int i = 0; i < n; i++)
        if (qs[i] == q)
            v->item = i;
    free(qs);
    v->row = 0;
}

void view_reload(struct view *v, struct app *a)
{
    struct err e;
    /* The screen shows no change history: it is not read. */
    struct assessment *na = store_load_flags(a->store, v->id, STORE_LOAD_NO_HISTORY, &e);
    if (!na) {
        app_message(a, true, "%s", e.text);
        return;
    }
    /* The question being edited belongs to the old template snapshot:
     * find it again in the new one. */
    char *qid = v->q ? xstrdup(v->q->id) : NULL;
    assess_free(v->a);
    v->a = na;
    v->q = qid ? tmpl_find_question(na->tmpl, qid) : NULL;
    if (qid && !v->q) {
        if (v->editing == ED_TEXT)
            te_free(&v->te);
        v->editing = ED_NONE;
    }
    free(qid);
    snprintf(v->title, sizeof v->title, "%s", na->title);
}

bool view_conflict(struct view *v, struct app *a, int rc, const struct err *e)
{
    if (rc != STORE_CONFLICT)
        return false;
    char msg[ERR_MAX + 64];
    snprintf(msg, sizeof msg, "%s. Replace it with yours?", e->text);
    bool mine = a->quitting || dialog_confirm(a, "Changed elsewhere", msg);
    view_reload(v, a);
    if (!mine)
        app_message(a, false, "Kept the other session's version.");
    return mine;
}

int view_move_row(struct view *v, enum key_action act, int n)
{
    if (act == ACT_UP && v->row > 0) {
        v->row--;
        return UI_HANDLED;
    }
    if (act == ACT_DOWN && v->row + 1 < n) {
        v->row++;
        return UI_HANDLED;
    }
    return 0;
}

bool view_read_only(struct view *v, struct app *a)
{
    if (store_is_read_only(a->store)) {
        app_message(a, true, "The database is read-only: nothing can be changed.");
        return true;
    }
    struct err e;
    if (wf_check_editable(v->a, &e) < 0) {
        if (v->a->status == ST_ARCHIVED)
            app_message(a, true, "Archived: read-only. Bring it back from the list (a).");
        else
            app_message(a, true, "%s: read-only as signed. Press R to open a new revision.",
                        assess_status_label(v->a->status));
        return true;
    }
    return false;
}

/* --- drawing --------------------------------------------------------------- */

static void draw_sections(struct view *v, int h)
{
    const struct tmpl *t = v->a->tmpl;
    int y = 1;
    for (size_t i = 0; i < t->nsections && y < h - 5; i++, y++) {
        struct progress p;
        logic_section_progress(v->a, i, &p);
        int pct = logic_percent(&p);
        bool sel = i == v->section;
        attr_t at = sel ? term_attr(ROLE_SELECTED) : A_NORMAL;
        term_fill(stdscr, y, 0, LEFT_W, at);
        char mark[16];
        if (pct == 100)
            snprintf(mark, sizeof mark, "%s", term_has_utf8() ? "\xE2\x9C\x93" : "ok");
        else
            snprintf(mark, sizeof mark, "%d%%", pct);
        char line[256];
        snprintf(line, sizeof line, "%zu %s", i + 1, t->sections[i].title);
        term_put(stdscr, y, 1, LEFT_W - 7, at, line);
        term_put(stdscr, y, LEFT_W - 5, 5, pct == 100 && !sel ? term_attr(ROLE_OK) : at, mark);
    }
    y++;
    struct progress all;
    logic_progress(v->a, &all);
    char line[256];
    snprintf(line, sizeof line, "Done: %d%% (%d of %d)", logic_percent(&all), all.answered,
             all.total);
    term_put(stdscr, y++, 1, LEFT_W - 2, A_NORMAL, line);
    struct screening sc;
    logic_screening(v->a, &sc);
    term_put(stdscr, y++, 1, LEFT_W - 2,
             sc.outcome == SCREEN_REQUIRED ? term_attr(ROLE_RISK_MED) : A_NORMAL,
             logic_outcome_label(sc.outcome));
    int hl = logic_highest_residual(v->a);
    const struct tmpl_method *m = assess_method(v->a);
    snprintf(line, sizeof line, "Residual risk: %s", hl >= 0 ? m->levels[hl].name : "-");
    term_put(stdscr, y++, 1, LEFT_W - 2,
             hl >= 0 && m->levels[hl].high ? term_attr(ROLE_RISK_HIGH) : A_NORMAL, line);
    term_put(stdscr, y++, 1, LEFT_W - 2, term_attr(ROLE_DIM), assess_status_label(v->a->status));
    term_vline(stdscr, 1, LEFT_W, h - 1);
}

static void draw_question(struct view *v, const struct tmpl_question *q, int y, int x, int h,
                          int w)
{
    int maxy = y + h;
    const struct answer *an = assess_answer(v->a, q->id);
    char line[512];
    int n = view_items(v, v->section, NULL, 0);
    /* The counter stays whole; a long section title (also on the left)
     * gives way on a narrow screen. */
    char count[128];
    snprintf(count, sizeof count, "  %s  question %d of %d%s", term_has_utf8() ? "\xC2\xB7" : "-",
             v->item + 1, n, q->required ? "  (required)" : "");
    const char *title = v->a->tmpl->sections[v->section].title;
    int fit = w - text_width(count);
    char *shown = text_cut(title, fit > 2 ? fit : w, term_ellipsis());
    snprintf(line, sizeof line, "%s%s", shown, count);
    free(shown);
    term_put(stdscr, y++, x, w, term_attr(ROLE_DIM), line);
    y++;
    y = dialog_wrap_to(y, x, maxy, w, A_BOLD, q->prompt);
    struct buf refs = {0};
    for (size_t i = 0; i < q->nrefs; i++)
        buf_printf(&refs, "%s%s", i ? "; " : "", q->refs[i]);
    y = dialog_wrap_to(y, x, maxy, w, term_attr(ROLE_HEADING), buf_str(&refs));
    buf_free(&refs);
    if (an && an->flagged)
        term_put(stdscr, y++, x, w, term_attr(ROLE_RISK_MED), "Marked for follow-up (f to clear)");
    if (v->show_help && q->help) {
        /* Guidance yields room to the answer on a small terminal. */
        int room = h / 3 > 4 ? h / 3 : 4;
        y++;
        int end = y + room < maxy - 4 ? y + room : maxy - 4;
        y = dialog_wrap_to(y, x, end, w, term_attr(ROLE_DIM), q->help);
    }
    y++;
    if (y < maxy - 1) {
        term_rule(stdscr, y++, x, w);
        int note_rows = an && an->note[0] ? 3 : 0;
        view_draw_answer(v, q, y, x, maxy - note_rows, w);
        if (note_rows) {
            snprintf(line, sizeof line, "Note: %s", an->note);
            dialog_wrap_to(maxy - note_rows, x, maxy, w, term_attr(ROLE_DIM), line);
        }
    }
}

static void assess_draw(struct screen *s, struct app *a)
{
    struct view *v = V(s);
    v->typed_drawn = false;
    if (!v->a)
        return;
    int h = LINES - 1;
    draw_sections(v, h);
    int x = LEFT_W + 2, w = COLS - x - 1, y = 1, ph = LINES - 3;
    const struct tmpl_question *q = view_question(v);
    enum tmpl_kind kind = v->a->tmpl->sections[v->section].kind;
    /* The keys in force follow what has the focus. */
    s->context = v->editing == ED_TEXT ? KC_EDIT
               : v->editing == ED_LIST ? KC_LIST
               : v->editing == ED_CHOICE || v->editing == ED_MULTI ? KC_CHOOSE
               : q || kind == SK_SCREENING ? KC_ASSESS
               : kind == SK_SIGNOFF ? KC_SIGNOFF : KC_TABLE;
    if (v->editing == ED_TEXT && v->te.changed)
        snprintf(a->saved, sizeof a->saved, "editing");
    if (q) {
        draw_question(v, q, y, x, ph, w);
        return;
    }
    switch (v->a->tmpl->sections[v->section].kind) {
    case SK_SCREENING:
        page_screening_draw(v, a, y, x, ph, w);
        break;
    case SK_RISKS:
        page_risks_draw(v, a, y, x, ph, w);
        break;
    case SK_MEASURES:
        page_measures_draw(v, a, y, x, ph, w);
        break;
    case SK_SIGNOFF:
        page_signoff_draw(v, a, y, x, ph, w);
        break;
    default:
        break;
    }
}

/* After a key that changed the text being typed and nothing else: that
 * text alone, where the last draw put it. */
static bool assess_draw_typing(struct screen *s, struct app *a)
{
    struct view *v = V(s);
    if (!v->a || v->editing != ED_TEXT || !v->typed_drawn)
        return false;
    if (v->te.changed)
        snprintf(a->saved, sizeof a->saved, "editing");
    te_draw(&v->te, stdscr, v->typed_y, v->typed_x, v->typed_h, v->typed_w, true);
    return true;
}

/* --- keys -------------------------------------------------------------------- */

static void move_item(struct view *v, int delta)
{
    int n = view_items(v, v->section, NULL, 0);
    int i = v->item + delta;
    if (i < 0 && v->section > 0) {
        v->section--;
        v->item = view_items(v, v->section, NULL, 0) - 1;
    } else if (i >= n && v->section + 1 < v->a->tmpl->nsections) {
        v->section++;
        v->item = 0;
    } else if (i >= 0 && i < n) {
        v->item = i;
    } else {
        return; /* at either end: stay, on the same row */
    }
    v->row = 0;
}

static void move_section(struct view *v, int delta)
{
    long s = (long)v->section + delta;
    if (s >= 0 && s < (long)v->a->tmpl->nsections) {
        v->section = (size_t)s;
        v->item = 0;
        v->row = 0;
    }
}

/* The next shown question after the current one (wrapping) for which
 * pred holds. */
static void jump_next(struct view *v, struct app *a, bool flagged)
{
    const struct tmpl *t = v->a->tmpl;
    const struct tmpl_question *cur = view_question(v);
    size_t start = cur ? (size_t)(cur - t->questions) + 1 : t->sections[v->section].first;
    for (size_t k = 0; k < t->nquestions; k++) {
        const struct tmpl_question *q = &t->questions[(start + k) % t->nquestions];
        if (!logic_shown(v->a, q))
            continue;
        const struct answer *an = assess_answer(v->a, q->id);
        bool hit = flagged ? an && an->flagged : !assess_value(v->a, q->id);
        if (hit) {
            view_goto_question(v, q);
            return;
        }
    }
    app_message(a, false, flagged ? "No question is marked for follow-up."
                                  : "Every shown question is answered.");
}

static int assess_key(struct screen *s, struct app *a, wint_t ch, bool is_key,
                      enum key_action act)
{
    struct view *v = V(s);
    if (!v->a)
        return UI_POP;
    if (v->editing != ED_NONE)
        return view_edit_key(v, a, ch, is_key);
    const struct tmpl_question *q = view_question(v);
    if (!q) {
        int r = 0;
        switch (v->a->tmpl->sections[v->section].kind) {
        case SK_RISKS:
            r = page_risks_key(v, a, ch, is_key, act);
            break;
        case SK_MEASURES:
            r = page_measures_key(v, a, ch, is_key, act);
            break;
        case SK_SIGNOFF:
            r = page_signoff_key(v, a, ch, is_key, act);
            break;
        default:
            break;
        }
        if (r)
            return r;
    }
    struct err e;
    switch (act) {
    case ACT_BACK:
        return UI_POP;
    case ACT_UP:
        move_item(v, -1);
        return UI_HANDLED;
    case ACT_DOWN:
        move_item(v, 1);
        return UI_HANDLED;
    case ACT_NEXT_SECTION:
        move_section(v, 1);
        return UI_HANDLED;
    case ACT_FIRST:
        v->item = 0;
        v->row = 0;
        return UI_HANDLED;
    case ACT_LAST:
        v->item = view_items(v, v->section, NULL, 0) - 1;
        v->row = 0;
        return UI_HANDLED;
    case ACT_PREV_SECTION:
        move_section(v, -1);
        return UI_HANDLED;
    case ACT_JUMP: {
        const struct tmpl *t = v->a->tmpl;
        const char **names = xcalloc(t->nsections, sizeof *names);
        for (size_t i = 0; i < t->nsections; i++)
            names[i] = t->sections[i].title;
        int pick = dialog_pick(a, "Go to section", names, NULL, (int)t->nsections, (int)v->section);
        free(names);
        if (pick >= 0) {
            v->section = (size_t)pick;
            v->item = 0;
        }
        return UI_HANDLED;
    }
    case ACT_UNANSWERED:
        jump_next(v, a, false);
        return UI_HANDLED;
    case ACT_FLAGGED:
        jump_next(v, a, true);
        return UI_HANDLED;
    case ACT_HELPTEXT:
        v->show_help = !v->show_help;
        return UI_HANDLED;
    case ACT_OPEN:
        if (q)
            view_start_editing(v, a, q, NULL);
        return UI_HANDLED;
    case ACT_YES:
    case ACT_NO:
        if (q && q->type == QT_YESNO && !view_read_only(v, a))
            view_save_answer(v, a, q, act == ACT_YES ? "yes" : "no", NULL, -1);
        return q && q->type == QT_YESNO ? UI_HANDLED : 0;
    case ACT_FLAG:
        if (q && !view_read_only(v, a)) {
            const struct answer *an = assess_answer(v->a, q->id);
            view_save_answer(v, a, q, an ? an->value : "", NULL, !(an && an->flagged));
        }
        return UI_HANDLED;
    case ACT_NOTE:
        if (q && !view_read_only(v, a)) {
            const struct answer *an = assess_answer(v->a, q->id);
            struct draft d;
            draft_init(&d, v->id, "note:%s", q->id);
            char *note = dialog_text(a, "Note", q->prompt, an ? an->note : "", &d);
            bool saved = false;
            if (note) {
                char *sq = text_squeeze(note, true);
                saved = view_save_answer(v, a, q, an ? an->value : "", sq, -1) == 0;
                free(sq);
                free(note);
            }
            draft_finish(a, &d, saved);
            draft_free(&d);
        }
        return UI_HANDLED;
    case ACT_EXPORT:
        ui_export(a, v->id);
        return UI_HANDLED;
    case ACT_REVISION:
        if (wf_check_revise(v->a, &e) < 0) {
            app_message(a, false, "%s.", e.text);
        } else {
            char ask[256];
            snprintf(ask, sizeof ask, "Open revision %d? Revision %d stays readable exactly as "
                     "it was signed; the new one starts as a draft with no sign-offs.",
                     v->a->revision + 1, v->a->revision);
            if (dialog_confirm(a, "New revision", ask)) {
                if (ops_revise(a->store, v->a, &e) < 0)
                    app_message(a, true, "%s", e.text);
                else
                    app_message(a, false, "Revision %d opened: a draft, with no sign-offs yet.",
                                v->a->revision);
            }
        }
        return UI_HANDLED;
    case ACT_DIFF:
        ui_diff(a, v->id, v->a->revision);
        return UI_HANDLED;
    case ACT_UNDO:
        view_undo(v, a);
        return UI_HANDLED;
    default:
        return 0;
    }
}

static int assess_paste(struct screen *s, struct app *a, const char *text)
{
    struct view *v = V(s);
    if (v->editing == ED_TEXT) {
        te_insert(&v->te, text);
        view_save_text(v, a);
        return UI_HANDLED;
    }
    const struct tmpl_question *q = view_question(v);
    if (v->editing == ED_NONE && q && q->type == QT_TEXT) {
        view_start_editing(v, a, q, text);
        return UI_HANDLED;
    }
    app_message(a, true, "Pasted text goes into a text answer: open one with Enter first.");
    return UI_HANDLED;
}

static void assess_tick(struct screen *s, struct app *a)
{
    struct view *v = V(s);
    if (time(NULL) - v->last_save >= 1)
        view_save_text(v, a);
}

static void assess_leave(struct screen *s, struct app *a)
{
    view_save_text(V(s), a);
}

static void assess_resume(struct screen *s, struct app *a)
{
    view_reload(V(s), a);
}

static void assess_destroy(struct screen *s)
{
    struct view *v = V(s);
    if (v->editing == ED_TEXT)
        te_free(&v->te);
    assess_free(v->a);
    free(v);
}

struct screen *assess_screen_new(struct app *a, int64_t id)
{
    struct screen *s = xcalloc(1, sizeof *s);
    struct view *v = xcalloc(1, sizeof *v);
    v->id = id;
    v->show_help = true;
    s->data = v;
    view_reload(v, a);
    s->title = v->title;
    s->context = KC_ASSESS;
    s->draw = assess_draw;
    s->draw_typing = assess_draw_typing;
    s->handle_key = assess_key;
    s->paste = assess_paste;
    s->tick = assess_tick;
    s->leave = assess_leave;
    s->resume = assess_resume;
    s->destroy = assess_destroy;
    return s;
}
