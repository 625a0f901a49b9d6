/* Drawing the assessment screen, laid out from the room the terminal
 * gives: the sections on the left (as wide as their names need, up to a
 * third of the screen), then the questions of the current section as a
 * list, with the selected question in full beside the list on a wide
 * screen or below it on a narrow one. Presentation mode shows the
 * current question alone, large and in high contrast, for a room. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/answer.h"
#include "core/logic.h"
#include "ui/assess_view.h"
#include "ui/dialog.h"
#include "ui/term.h"
#include "util/text.h"
#include "util/xalloc.h"
#include "util/i18n.h"

/* The narrowest the section list gets, and the room a question needs
 * beside the question list before the list goes beside it. */
#define SECTIONS_MIN_W 30
#define SIDE_BY_SIDE_W 110
#define LIST_MIN_W 36

int view_sections_width(const struct view *v)
{
    const struct tmpl *t = v->a->tmpl;
    int want = SECTIONS_MIN_W;
    for (size_t i = 0; i < t->nsections; i++) {
        char line[300];
        snprintf(line, sizeof line, "%zu %s", i + 1, t->sections[i].title);
        /* the name, a space, the DPO's judgement, the mark (up to 4
         * columns) and the margins */
        int w = text_width(line) + 10;
        if (w > want)
            want = w;
    }
    int most = COLS / 3 > SECTIONS_MIN_W ? COLS / 3 : SECTIONS_MIN_W;
    return want < most ? want : most;
}

static void draw_sections(struct view *v, int h, int lw)
{
    const struct tmpl *t = v->a->tmpl;
    int y = 1;
    for (size_t i = 0; i < t->nsections && y < h - 5; i++, y++) {
        struct progress p;
        logic_section_progress(v->a, i, &p);
        int pct = logic_percent(&p);
        bool sel = i == v->section;
        attr_t at = sel ? term_attr(ROLE_SELECTED) : A_NORMAL;
        term_fill(stdscr, y, 0, lw, at);
        char mark[16];
        if (pct == 100)
            snprintf(mark, sizeof mark, "%s", term_has_utf8() ? "\xE2\x9C\x93" : "ok");
        else
            snprintf(mark, sizeof mark, "%d%%", pct);
        char line[300];
        snprintf(line, sizeof line, "%zu %s", i + 1, t->sections[i].title);
        term_put(stdscr, y, 1, lw - 9, at, line);
        /* The DPO's judgement: A acceptable, I to be improved. */
        const struct judgement *j = assess_judgement(v->a, t->sections[i].id);
        if (j)
            term_put(stdscr, y, lw - 7, 1,
                     sel ? at : term_attr(j->verdict == VD_IMPROVE ? ROLE_RISK_MED : ROLE_OK),
                     j->verdict == VD_IMPROVE ? "I" : "A");
        term_put(stdscr, y, lw - 5, 5, pct == 100 && !sel ? term_attr(ROLE_OK) : at, mark);
    }
    y++;
    struct progress all;
    logic_progress(v->a, &all);
    char line[256];
    snprintf(line, sizeof line, _("Done: %d%% (%d of %d)"), logic_percent(&all), all.answered,
             all.total);
    term_put(stdscr, y++, 1, lw - 2, A_NORMAL, line);
    struct screening sc;
    logic_screening(v->a, &sc);
    term_put(stdscr, y++, 1, lw - 2, sc.outcome == SCREEN_REQUIRED ? term_attr(ROLE_RISK_MED) : A_NORMAL,
            _(logic_outcome_label(sc.outcome)));
    int hl = logic_highest_residual(v->a);
    const struct tmpl_method *m = assess_method(v->a);
    snprintf(line, sizeof line, _("Residual risk: %s"), hl >= 0 ? m->levels[hl].name : "-");
    term_put(stdscr, y++, 1, lw - 2, hl >= 0 && m->levels[hl].high ? term_attr(ROLE_RISK_HIGH) : A_NORMAL,
            line);
    term_put(stdscr, y++, 1, lw - 2, term_attr(ROLE_DIM),
             _(assess_status_label(v->a->status)));
    /* What the marks of the question list mean, for whoever reads the
     * screen from across the room. */
    if (y + 2 < h) {
        y++;
        term_put(stdscr, y++, 1, lw - 2, term_attr(ROLE_DIM),
                /* TRANSLATORS: the legend of the marks of the question list;
                   the marks (a tick or +, a dot, a star) stay. */
                term_has_utf8() ? _("\xE2\x9C\x93 done  \xC2\xB7 to do  * required")
                                : _("+ done  . to do  * required"));
        term_put(stdscr, y++, 1, lw - 2, term_attr(ROLE_DIM),
                 /* TRANSLATORS: the letters F and N are marks shown in the
                    question list; they stay. */
                 _("F follow-up  N note"));
        if (v->live.nothers && y + 2 < h)
            term_put(stdscr, y++, 1, lw - 2, term_attr(ROLE_DIM),
                     /* TRANSLATORS: the mark @ of the question list: another
                        session is on that question; the @ stays. */
                     _("@ open elsewhere"));
        bool editing = false;
        for (size_t i = 0; i < v->live.nothers; i++)
            editing = editing || (v->live.others[i].editing && v->live.others[i].question[0]);
        if (editing && y + 2 < h)
            term_put(stdscr, y++, 1, lw - 2, term_attr(ROLE_DIM),
                     /* TRANSLATORS: the mark of the question list for a
                        question another session is editing (a pencil, or E
                        without UTF-8); the mark stays. */
                     term_has_utf8() ? _("\xE2\x9C\x8E being edited elsewhere")
                                     : _("E being edited elsewhere"));
    }
    if (comment_open_threads(v->a, NULL) && y + 2 < h)
        term_put(stdscr, y++, 1, lw - 2, term_attr(ROLE_DIM),
                 /* TRANSLATORS: the mark C of the question list: open
                    comment threads on that question; the C stays. */
                 _("C open comments"));
    /* ...and those of the section list, once the DPO has judged one. */
    if (v->a->njudgements && y + 1 < h)
        term_put(stdscr, y++, 1, lw - 2, term_attr(ROLE_DIM),
                 /* TRANSLATORS: the letters A and I are marks shown in the
                    section list; they stay. */
                 _("DPO: A acceptable  I improve"));
    term_vline(stdscr, 1, lw, h - 1);
}

/* The name of a special page in the question list. */
static const char *page_name(enum tmpl_kind kind)
{
    switch (kind) {
    case SK_SCREENING:
        return _("Outcome of the screening");
    case SK_RISKS:
        return _("The risk register");
    case SK_MEASURES:
        return _("The action plan");
    case SK_SIGNOFF:
        return _("Sign-off and decision");
    default:
        return "";
    }
}

/* One row of the question list: marks, the prompt and, when there is
 * room, the answer's first line. */
static void draw_list_row(struct view *v, const struct tmpl_question *q, int y, int x, int w,
                          bool sel)
{
    attr_t at = sel ? term_attr(ROLE_SELECTED) : A_NORMAL;
    term_fill(stdscr, y, x, w, at);
    if (!q) {
        char line[128];
        snprintf(line, sizeof line, "     %s", page_name(v->a->tmpl->sections[v->section].kind));
        term_put(stdscr, y, x, w, at | A_BOLD, line);
        return;
    }
    const struct answer *an = assess_answer(v->a, q->id);
    const char *val = assess_value(v->a, q->id);
    const char *done = term_has_utf8() ? "\xE2\x9C\x93" : "+";
    const char *todo = q->required ? "*" : (term_has_utf8() ? "\xC2\xB7" : ".");
    attr_t mark_at = sel ? at : val ? term_attr(ROLE_OK) : term_attr(ROLE_RISK_MED);
    term_put(stdscr, y, x, 1, mark_at, val ? done : todo);
    char fn[4];
    snprintf(fn, sizeof fn, "%c%c", an && an->flagged ? 'F' : ' ', an && an->note[0] ? 'N' : ' ');
    term_put(stdscr, y, x + 1, 2, at, fn);
    /* Another session is editing this question, or only on it; else
     * open comment threads on it. */
    if (ops_live_editing_on(&v->live, q->id))
        term_put(stdscr, y, x + 3, 1, sel ? at : term_attr(ROLE_RISK_HIGH),
                 term_has_utf8() ? "\xE2\x9C\x8E" : "E");
    else if (ops_live_others_on(&v->live, q->id))
        term_put(stdscr, y, x + 3, 1, sel ? at : term_attr(ROLE_RISK_MED), "@");
    else if (comment_open_threads(v->a, q->id))
        term_put(stdscr, y, x + 3, 1, sel ? at : term_attr(ROLE_KEY), "C");
    /* The answer's first line takes up to two fifths of a wide row. */
    char *shown = NULL;
    if (val && w >= 60) {
        char *disp = answer_display(q, val);
        char *nl = strchr(disp, '\n');
        if (nl)
            *nl = '\0';
        shown = disp;
    }
    int aw = shown ? (w - 5) * 2 / 5 : 0;
    if (shown && text_width(shown) + 2 < aw)
        aw = text_width(shown) + 2;
    int pw = w - 5 - aw;
    term_put(stdscr, y, x + 4, pw, at, q->prompt);
    if (shown) {
        term_put(stdscr, y, x + 4 + pw + 1, aw - 1, sel ? at : term_attr(ROLE_DIM), shown);
        free(shown);
    }
}

/* The question list of the current section in rows y..y+h-1, scrolled
 * so that the selected item shows. */
static void draw_list(struct view *v, int y, int x, int h, int w)
{
    int n = view_items(v, v->section, NULL, 0);
    const struct tmpl_question **qs = xcalloc((size_t)n + 1, sizeof *qs);
    view_items(v, v->section, qs, n);
    int first = 0;
    if (v->item >= h)
        first = v->item - h + 1;
    if (first > 0 && n - first < h)
        first = n - h > 0 ? n - h : 0;
    for (int i = first, row = 0; i < n && row < h; i++, row++)
        draw_list_row(v, qs[i], y + row, x, w, i == v->item);
    if (first > 0)
        term_put(stdscr, y, x + w - 1, 1, term_attr(ROLE_DIM), term_has_utf8() ? "\xE2\x86\x91" : "^");
    if (first + h < n)
        term_put(stdscr, y + h - 1, x + w - 1, 1, term_attr(ROLE_DIM),
                 term_has_utf8() ? "\xE2\x86\x93" : "v");
    free(qs);
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
    snprintf(count, sizeof count,
             q->required ? _("  %s  question %d of %d  (required)") : _("  %s  question %d of %d"),
             term_has_utf8() ? "\xC2\xB7" : "-", v->item + 1, n);
    const char *title = v->a->tmpl->sections[v->section].title;
    int fit = w - text_width(count);
    char *shown = text_cut(title, fit > 2 ? fit : w, term_ellipsis());
    snprintf(line, sizeof line, "%s%s", shown, count);
    free(shown);
    term_put(stdscr, y++, x, w, term_attr(ROLE_DIM), line);
    y++;
    y = dialog_wrap_to(y, x, maxy, w, A_BOLD, q->prompt);
    char *refs = tmpl_refs_text(q);
    y = dialog_wrap_to(y, x, maxy, w, term_attr(ROLE_HEADING), refs);
    free(refs);
    if (an && an->flagged)
        term_put(stdscr, y++, x, w, term_attr(ROLE_RISK_MED), _("Marked for follow-up (f to clear)"));
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
            snprintf(line, sizeof line, _("Note: %s"), an->note);
            dialog_wrap_to(maxy - note_rows, x, maxy, w, term_attr(ROLE_DIM), line);
        }
    }
}

static void draw_page(struct view *v, struct app *a, int y, int x, int h, int w)
{
    switch (v->a->tmpl->sections[v->section].kind) {
    case SK_SCREENING:
        page_screening_draw(v, a, y, x, h, w);
        break;
    case SK_RISKS:
        page_risks_draw(v, a, y, x, h, w);
        break;
    case SK_MEASURES:
        page_measures_draw(v, a, y, x, h, w);
        break;
    case SK_SIGNOFF:
        page_signoff_draw(v, a, y, x, h, w);
        break;
    default:
        break;
    }
}

/* Presentation: the question alone, its prompt in bold and high
 * contrast with room around it, then its answer in full. */
static void draw_present(struct view *v, struct app *a, const struct tmpl_question *q)
{
    int margin = COLS >= 100 ? COLS / 8 : 2;
    int x = margin, w = COLS - 2 * margin, y = 2, maxy = LINES - 2;
    if (!q) {
        draw_page(v, a, 1, 1, LINES - 3, COLS - 2);
        return;
    }
    y = dialog_wrap_to(y, x, maxy, w, term_attr(ROLE_PRESENT), q->prompt);
    y++;
    char *refs = tmpl_refs_text(q);
    y = dialog_wrap_to(y, x, maxy, w, term_attr(ROLE_HEADING), refs);
    free(refs);
    y++;
    if (y < maxy - 1) {
        term_rule(stdscr, y++, x, w);
        y++;
        view_draw_answer(v, q, y, x, maxy, w);
    }
}

void view_draw(struct view *v, struct app *a)
{
    const struct tmpl_question *q = view_question(v);
    if (v->present) {
        draw_present(v, a, q);
        return;
    }
    int h = LINES - 1;
    int lw = view_sections_width(v);
    draw_sections(v, h, lw);
    int x = lw + 2, w = COLS - x - 1, y = 1, ph = LINES - 3;
    int n = view_items(v, v->section, NULL, 0);
    bool special = v->a->tmpl->sections[v->section].kind != SK_QUESTIONS;
    /* A section that is one page has no list to show. */
    if (n <= (special ? 1 : 0)) {
        if (q)
            draw_question(v, q, y, x, ph, w);
        else
            draw_page(v, a, y, x, ph, w);
        return;
    }
    if (w >= SIDE_BY_SIDE_W) {
        int lsw = w * 2 / 5 > LIST_MIN_W ? w * 2 / 5 : LIST_MIN_W;
        draw_list(v, y, x, ph, lsw);
        term_vline(stdscr, 1, x + lsw + 1, h - 1);
        int dx = x + lsw + 3, dw = COLS - dx - 1;
        if (q)
            draw_question(v, q, y, dx, ph, dw);
        else
            draw_page(v, a, y, dx, ph, dw);
        return;
    }
    /* Narrow: the list above, as many rows as leave the question room,
     * none when a field is open and the page is short. */
    int rows = ph >= 30 ? ph / 4 : 3;
    if (rows > n)
        rows = n;
    if (rows < 3 || (v->editing != ED_NONE && ph < 30))
        rows = 0;
    if (rows) {
        draw_list(v, y, x, rows, w);
        term_rule(stdscr, y + rows, x, w);
        y += rows + 1;
        ph -= rows + 1;
    }
    if (q)
        draw_question(v, q, y, x, ph, w);
    else
        draw_page(v, a, y, x, ph, w);
}
