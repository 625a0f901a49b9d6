#include "config.h"
#include "ui/dialog.h"

#include <stdlib.h>
#include <string.h>

#include "ui/draft.h"
#include "ui/term.h"
#include "ui/textedit.h"
#include "util/buf.h"
#include "util/text.h"
#include "util/xalloc.h"
#include "util/i18n.h"

void dialog_frame(int y, int x, int h, int w, const char *title)
{
    for (int i = 0; i < h; i++)
        term_fill(stdscr, y + i, x, w, A_NORMAL);
    attr_t at = term_attr(ROLE_HEADING);
    wattrset(stdscr, at);
    term_rule(stdscr, y, x + 1, w - 2);
    term_rule(stdscr, y + h - 1, x + 1, w - 2);
    term_vline(stdscr, y + 1, x, h - 2);
    term_vline(stdscr, y + 1, x + w - 1, h - 2);
    term_corner(stdscr, y, x, 0);
    term_corner(stdscr, y, x + w - 1, 1);
    term_corner(stdscr, y + h - 1, x, 2);
    term_corner(stdscr, y + h - 1, x + w - 1, 3);
    wattrset(stdscr, A_NORMAL);
    if (title && *title) {
        char t[256];
        snprintf(t, sizeof t, " %s ", title);
        term_put(stdscr, y, x + 2, w - 4, at, t);
    }
}

int dialog_wrap(int y, int x, int h, int w, attr_t attr, const char *text)
{
    struct textedit t;
    te_init(&t, text, true);
    int rows = te_rows(&t, w);
    if (rows > h)
        rows = h;
    /* textedit wraps exactly as editing would. */
    te_draw_text(&t, stdscr, y, x, rows, w, attr);
    te_free(&t);
    return rows;
}

int dialog_wrap_at(int y, int x, int h, int w, attr_t attr, const char *text, int *top)
{
    struct textedit t;
    te_init(&t, text, true);
    int rows = te_rows(&t, w);
    if (*top > rows - h)
        *top = rows - h;
    if (*top < 0)
        *top = 0;
    te_draw_text_at(&t, stdscr, y, x, h, w, attr, *top);
    te_free(&t);
    return rows;
}

int dialog_wrap_to(int y, int x, int maxy, int w, attr_t attr, const char *text)
{
    if (y >= maxy || !text || !*text)
        return y;
    return y + dialog_wrap(y, x, maxy - y, w, attr, text);
}

/* One frame: the screen below, then the dialog, then doupdate. */
static void frame_begin(struct app *a)
{
    app_draw_base(a);
}

static void frame_end(void)
{
    term_cursor_apply();
    doupdate();
}

/* Reads one input for a dialog, waiting at most wait ms (TERM_TICK
 * then). Returns false when the program must leave. */
static bool dialog_read_wait(struct app *a, int wait, wint_t *ch, enum term_input *in)
{
    *in = term_read(ch, wait);
    if (*in == TERM_EOF || *in == TERM_SIGNAL) {
        a->quitting = true;
        return false;
    }
    return true;
}

/* Reads one input for a dialog. Returns false when the program must leave. */
static bool dialog_read(struct app *a, wint_t *ch, enum term_input *in)
{
    for (;;) {
        if (!dialog_read_wait(a, 1000, ch, in))
            return false;
        if (*in != TERM_TICK)
            return true;
    }
}

/* The rows text takes when wrapped to w columns. */
static int text_rows(const char *text, int w)
{
    struct textedit t;
    te_init(&t, text, true);
    int rows = te_rows(&t, w);
    te_free(&t);
    return rows;
}

int dialog_text_rows(const char *text, int w)
{
    return text_rows(text, w);
}

bool dialog_confirm(struct app *a, const char *title, const char *question)
{
    static const enum key_action shown[] = { ACT_CONFIRM_YES, ACT_CONFIRM_NO, ACT_CANCEL };
    char keys[256];
    keys_line(shown, 3, keys, sizeof keys);
    struct app_keys prev = app_context_begin(a, KC_DIALOG);
    bool yes = false;
    for (;;) {
        frame_begin(a);
        if (app_fits()) {
            /* Three rows of text at least; a longer question (a list of
             * warnings) gets a wider and taller box, up to the screen. */
            int w = COLS > 70 ? 64 : COLS - 4;
            int rows = text_rows(question, w - 4);
            if (rows > 3 && COLS > 84) {
                w = 78;
                rows = text_rows(question, w - 4);
            }
            if (rows < 3)
                rows = 3;
            if (rows > LINES - 6)
                rows = LINES - 6;
            int h = rows + 4;
            int y = (LINES - h) / 2, x = (COLS - w) / 2;
            dialog_frame(y, x, h, w, title);
            dialog_wrap(y + 1, x + 2, rows, w - 4, A_NORMAL, question);
            term_put(stdscr, y + h - 2, x + 1, w - 2, term_attr(ROLE_KEY), keys);
        }
        frame_end();
        wint_t ch;
        enum term_input in;
        if (!dialog_read(a, &ch, &in))
            break;
        if (in == TERM_KEY && ch == KEY_RESIZE)
            continue;
        if (in != TERM_KEY && in != TERM_CHAR)
            continue;
        enum key_action act = keys_lookup(keys_code(ch, in == TERM_KEY), KC_DIALOG);
        if (act == ACT_CONFIRM_YES || act == ACT_CONFIRM_NO || act == ACT_CANCEL) {
            yes = act == ACT_CONFIRM_YES;
            break;
        }
    }
    app_context_end(a, prev);
    return yes;
}

bool dialog_save_failed(struct app *a, const char *why)
{
    if (a->quitting)
        return false;
    char *text = xasprintf(_("%s\n\nThe form opens again with what was typed; F8 closes it "
                           "without saving."), why);
    dialog_message(a, _("Not saved"), text);
    free(text);
    return !a->quitting;
}

void dialog_message(struct app *a, const char *title, const char *text)
{
    struct app_keys prev = app_context_begin(a, KC_DIALOG);
    for (;;) {
        frame_begin(a);
        if (app_fits()) {
            int w = COLS > 84 ? 78 : COLS - 4, h = LINES > 20 ? 14 : LINES - 4;
            int y = (LINES - h) / 2, x = (COLS - w) / 2;
            dialog_frame(y, x, h, w, title);
            dialog_wrap(y + 1, x + 2, h - 3, w - 4, A_NORMAL, text);
            term_put(stdscr, y + h - 2, x + 2, w - 4, term_attr(ROLE_KEY), _("any key to close"));
        }
        frame_end();
        wint_t ch;
        enum term_input in;
        if (!dialog_read(a, &ch, &in))
            break;
        if (in == TERM_KEY && ch == KEY_RESIZE)
            continue;
        break;
    }
    app_context_end(a, prev);
}

/* A draft of a dialog is worth offering when it differs from the text
 * the dialog opens with (ctx). */
static bool differs(const char *content, const void *ctx)
{
    return strcmp(content, ctx) != 0;
}

static char *edit_loop(struct app *a, const char *title, const char *prompt,
                       const char *initial, bool multiline, bool keep_on_quit,
                       struct draft *d)
{
    struct textedit t;
    te_init(&t, initial, multiline);
    char *result = NULL;
    /* Several lines: the editor's keys (Esc or F10 saves and closes).
     * One line: Enter accepts, Esc cancels, the rest is the editor's. */
    static const enum key_action line_keys[] = { ACT_ACCEPT, ACT_CANCEL };
    static const enum key_action text_keys[] = { ACT_DONE };
    char keys[256];
    if (multiline)
        keys_line(text_keys, 1, keys, sizeof keys);
    else
        keys_line(line_keys, 2, keys, sizeof keys);
    struct app_keys prev = app_context_begin(a, multiline ? KC_EDIT : KC_LINE);
    if (d) {
        char *kept = draft_restore(a, d, title, differs, initial ? initial : "");
        if (kept) {
            /* Inserted, so that one line stays one line. */
            te_set(&t, "");
            te_insert(&t, kept);
        }
        free(kept);
        draft_begin(d, te_text(&t));
    }
    for (;;) {
        if (draft_due(a, d))
            draft_keep(a, d, te_text(&t));
        frame_begin(a);
        if (app_fits()) {
            int w = COLS > 90 ? 84 : COLS - 4;
            int h = multiline ? (LINES > 30 ? 20 : LINES - 6) : 7;
            int y = (LINES - h) / 2, x = (COLS - w) / 2;
            dialog_frame(y, x, h, w, title);
            int used = dialog_wrap(y + 1, x + 2, 2, w - 4, A_NORMAL, prompt);
            int ey = y + 1 + used + (used ? 1 : 0);
            int eh = y + h - 2 - ey;
            te_draw(&t, stdscr, ey, x + 2, eh > 0 ? eh : 1, w - 4, true);
            term_put(stdscr, y + h - 1, x + 2, w - 4, term_attr(ROLE_KEY), keys);
        }
        frame_end();
        wint_t ch;
        enum term_input in;
        if (!dialog_read_wait(a, d ? draft_wait(a, d) : 1000, &ch, &in)) {
            if (multiline || keep_on_quit)
                result = xstrdup(te_text(&t));
            break;
        }
        if (in == TERM_TICK)
            continue;
        draft_touch(d);
        if (in == TERM_PASTE) {
            if (!app_paste_refused(a))
                te_insert(&t, term_paste_text());
            continue;
        }
        if (in == TERM_KEY && ch == KEY_RESIZE)
            continue;
        enum key_action act = multiline ? ACT_NONE
                                        : keys_lookup(keys_code(ch, in == TERM_KEY), KC_LINE);
        if (act == ACT_CANCEL)
            break;
        enum te_result r = act == ACT_ACCEPT ? TE_ENTER : te_key(&t, ch, in == TERM_KEY);
        if (r == TE_ENTER || r == TE_DONE) {
            result = xstrdup(te_text(&t));
            break;
        }
    }
    app_context_end(a, prev);
    /* Cancelled: dropped; to be saved, or leaving: kept at once. */
    draft_close(a, d, te_text(&t), !result);
    curs_set(0);
    te_free(&t);
    return result;
}

char *dialog_line(struct app *a, const char *title, const char *prompt, const char *initial)
{
    return edit_loop(a, title, prompt, initial, false, false, NULL);
}

char *dialog_entry(struct app *a, const char *title, const char *prompt, const char *initial,
                   struct draft *d)
{
    return edit_loop(a, title, prompt, initial, false, true, d);
}

char *dialog_text(struct app *a, const char *title, const char *prompt, const char *initial,
                  struct draft *d)
{
    return edit_loop(a, title, prompt, initial, true, true, d);
}

int dialog_pick(struct app *a, const char *title, const char *const *items,
                const char *const *details, int n, int selected)
{
    int cur = selected >= 0 && selected < n ? selected : 0, top = 0;
    /* The details get the rows the longest needs, as far as the screen
     * has them; a longer one scrolls (PgUp, PgDn). */
    int detail_top = 0, detail_page = 1, shown_item = cur;
    bool detail_scrolls = false;
    static const enum key_action shown[] = { ACT_PICK, ACT_CANCEL };
    char keys[256];
    keys_line(shown, 2, keys, sizeof keys);
    struct app_keys prev = app_context_begin(a, KC_CHOOSE);
    int result = -1;
    for (;;) {
        frame_begin(a);
        if (app_fits()) {
            int w = COLS > 90 ? 84 : COLS - 4;
            int detail_rows = 0;
            for (int k = 0; details && k < n; k++) {
                int r = details[k] ? text_rows(details[k], w - 4) : 0;
                detail_rows = r > detail_rows ? r : detail_rows;
            }
            int most = LINES - 10 - (n < 3 ? n : 3);
            if (detail_rows > most)
                detail_rows = most;
            int list_rows = n < LINES - 10 - detail_rows ? n : LINES - 10 - detail_rows;
            int h = list_rows + detail_rows + 4;
            int y = (LINES - h) / 2, x = (COLS - w) / 2;
            dialog_frame(y, x, h, w, title);
            if (cur < top)
                top = cur;
            if (cur >= top + list_rows)
                top = cur - list_rows + 1;
            for (int i = 0; i < list_rows && top + i < n; i++) {
                int k = top + i;
                attr_t at = k == cur ? term_attr(ROLE_SELECTED) : A_NORMAL;
                term_fill(stdscr, y + 1 + i, x + 1, w - 2, at);
                char line[512];
                snprintf(line, sizeof line, "%s %s", k == cur ? ">" : " ", items[k]);
                term_put(stdscr, y + 1 + i, x + 2, w - 4, at, line);
            }
            if (shown_item != cur)
                detail_top = 0;
            shown_item = cur;
            detail_page = detail_rows > 2 ? detail_rows - 1 : 1;
            detail_scrolls = false;
            if (details && details[cur]) {
                int all = dialog_wrap_at(y + 2 + list_rows, x + 2, detail_rows, w - 4,
                                         term_attr(ROLE_DIM), details[cur], &detail_top);
                detail_scrolls = all > detail_rows;
            }
            char foot[320];
            snprintf(foot, sizeof foot, detail_scrolls ? _("%s  PgDn/PgUp read on") : "%s", keys);
            term_put(stdscr, y + h - 1, x + 2, w - 4, term_attr(ROLE_KEY), foot);
        }
        frame_end();
        wint_t ch;
        enum term_input in;
        if (!dialog_read(a, &ch, &in))
            break;
        if (in != TERM_KEY && in != TERM_CHAR)
            continue;
        bool key = in == TERM_KEY;
        enum key_action act = keys_lookup(keys_code(ch, key), KC_CHOOSE);
        if (act == ACT_CANCEL)
            break;
        if (act == ACT_UP)
            cur = cur > 0 ? cur - 1 : 0;
        else if (act == ACT_DOWN)
            cur = cur + 1 < n ? cur + 1 : cur;
        else if (act == ACT_LIST_TOP)
            cur = 0;
        else if (act == ACT_LIST_BOTTOM)
            cur = n - 1;
        else if (key && (ch == KEY_NPAGE || ch == KEY_PPAGE) && detail_scrolls)
            detail_top += ch == KEY_NPAGE ? detail_page : -detail_page;
        else if (act == ACT_PICK || act == ACT_TOGGLE) {
            result = cur;
            break;
        } else if (!key && ch >= '1' && ch <= '9' && ch - '1' < (wint_t)n) {
            /* A digit picks by its place (1 the first). */
            result = (int)(ch - '1');
            break;
        }
    }
    app_context_end(a, prev);
    return result;
}
