#include "config.h"
#include "ui/reader.h"

#include <stdio.h>
#include <stdlib.h>

#include "ui/dialog.h"
#include "ui/keys.h"
#include "ui/term.h"
#include "util/xalloc.h"

/* Draws the box; returns the rows of the text area (the page). */
static int draw(struct app *a, const char *title, const char *text, int *top, int *rows)
{
    app_draw_base(a);
    if (!app_fits())
        return 1;
    int w = COLS > 104 ? 100 : COLS - 4;
    int h = LINES - 4;
    int y = 2, x = (COLS - w) / 2;
    dialog_frame(y, x, h, w, title);
    term_put(stdscr, y + 1, x + 2, w - 4, term_attr(ROLE_RISK_MED),
             "Read-only: this can be read here but not changed.");
    int page = h - 4;
    *rows = dialog_wrap_at(y + 3, x + 2, page, w - 4, A_NORMAL, text, top);
    char where[160];
    if (*rows <= page)
        snprintf(where, sizeof where, " Esc close ");
    else if (*top + page >= *rows)
        snprintf(where, sizeof where, " End of the text.  Up/PgUp scroll back  Esc close ");
    else
        snprintf(where, sizeof where, " Lines %d to %d of %d.  Down/PgDn read on  Esc close ",
                 *top + 1, *top + page, *rows);
    term_put(stdscr, y + h - 1, x + 2, w - 4, term_attr(ROLE_KEY), where);
    return page > 1 ? page : 1;
}

void reader_show(struct app *a, const char *title, const char *text)
{
    char *head = xasprintf("%s (read-only)", title);
    int top = 0, rows = 0;
    for (;;) {
        int page = draw(a, head, text, &top, &rows);
        term_cursor_apply();
        doupdate();
        wint_t ch;
        enum term_input in = term_read(&ch, 1000);
        if (in == TERM_EOF || in == TERM_SIGNAL) {
            a->quitting = true;
            break;
        }
        bool key = in == TERM_KEY;
        if (in != TERM_KEY && in != TERM_CHAR)
            continue;
        if ((key && (ch == KEY_ESC || ch == KEY_ENTER)) ||
            (!key && (ch == 'q' || ch == '\r' || ch == '\n')))
            break;
        if ((key && ch == KEY_UP) || (!key && ch == 'k'))
            top--;
        else if ((key && ch == KEY_DOWN) || (!key && ch == 'j'))
            top++;
        else if ((key && ch == KEY_NPAGE) || (!key && ch == ' '))
            top += page > 1 ? page - 1 : 1;
        else if (key && ch == KEY_PPAGE)
            top -= page > 1 ? page - 1 : 1;
        else if (key && ch == KEY_HOME)
            top = 0;
        else if (key && ch == KEY_END)
            top = rows;
    }
    free(head);
}
