/* A text to read in full: wrapped to a frame that takes most of the
 * screen, scrolled by line and by page, with the lines shown and the
 * total at the bottom. Used wherever something cannot be edited (a
 * signed revision, a read-only database) but must still be read. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "ui/dialog.h"
#include "ui/reader.h"
#include "ui/term.h"
#include "ui/textedit.h"
#include "util/text.h"
#include "util/xalloc.h"

static void draw_lines(struct textedit *t, int top, int y, int x, int h, int w)
{
    for (int r = 0; r < h; r++) {
        size_t start, end;
        if (!te_row_span(t, w, (size_t)(top + r), &start, &end))
            break;
        char *line = xstrndup(te_text(t) + start, end - start);
        /* a row ends before its newline; the newline itself is no text */
        size_t n = 0;
        while (line[n] && line[n] != '\n')
            n++;
        line[n] = '\0';
        term_put(stdscr, y + r, x, w, A_NORMAL, line);
        free(line);
    }
}

void ui_read(struct app *a, const char *title, const char *text)
{
    struct textedit t;
    te_init(&t, text, true);
    int top = 0;
    for (;;) {
        app_draw_base(a);
        int w = 0, h = 0, rows = 0;
        if (app_fits()) {
            w = COLS - 4;
            h = LINES - 4;
            dialog_frame(1, 2, h + 2, w, title);
            rows = te_rows(&t, w - 4);
            int page = h - 2;
            if (top > rows - page)
                top = rows - page > 0 ? rows - page : 0;
            draw_lines(&t, top, 2, 4, page, w - 4);
            char where[128];
            int last = top + page < rows ? top + page : rows;
            snprintf(where, sizeof where, "lines %d-%d of %d  %s  Esc close", rows ? top + 1 : 0,
                     last, rows, last < rows ? "Down/PgDn more" : "(end)");
            term_put(stdscr, h + 1, 4, w - 4, term_attr(ROLE_KEY), where);
        }
        term_cursor_apply();
        doupdate();
        wint_t ch;
        enum term_input in = term_read(&ch, -1);
        if (in == TERM_EOF || in == TERM_SIGNAL) {
            a->quitting = true;
            break;
        }
        if (in == TERM_TICK || in == TERM_PASTE)
            continue;
        int page = h - 2 > 1 ? h - 2 : 1;
        int key = in == TERM_KEY ? (int)ch : (ch < 128 ? (int)ch : 0);
        if (key == KEY_RESIZE)
            continue;
        if (key == KEY_UP || key == 'k')
            top = top > 0 ? top - 1 : 0;
        else if (key == KEY_DOWN || key == 'j')
            top = top + page < rows ? top + 1 : top;
        else if (key == KEY_PPAGE)
            top = top > page ? top - page : 0;
        else if (key == KEY_NPAGE || key == ' ')
            top = top + page < rows ? top + page : top;
        else if (key == KEY_HOME)
            top = 0;
        else if (key == KEY_END)
            top = rows > page ? rows - page : 0;
        else if (key == KEY_ESC || key == 'q' || key == '\r' || key == '\n' || key == KEY_ENTER)
            break;
    }
    te_free(&t);
}
