#include "config.h"
#include "ui/reader.h"

#include <stdio.h>
#include <stdlib.h>

#include "ui/dialog.h"
#include "ui/keys.h"
#include "ui/term.h"
#include "util/xalloc.h"
#include "util/i18n.h"

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
             _("Read-only: this can be read here but not changed."));
    int page = h - 4;
    *rows = dialog_wrap_at(y + 3, x + 2, page, w - 4, A_NORMAL, text, top);
    char where[160];
    if (*rows <= page)
        snprintf(where, sizeof where, "%s", _(" Esc close "));
    else if (*top + page >= *rows)
        snprintf(where, sizeof where, "%s", _(" End of the text.  Up/PgUp scroll back  Esc close "));
    else
        snprintf(where, sizeof where, _(" Lines %d to %d of %d.  Down/PgDn read on  Esc close "),
                 *top + 1, *top + page, *rows);
    term_put(stdscr, y + h - 1, x + 2, w - 4, term_attr(ROLE_KEY), where);
    return page > 1 ? page : 1;
}

void reader_show(struct app *a, const char *title, const char *text)
{
    char *head = xasprintf(_("%s (read-only)"), title);
    int top = 0, rows = 0;
    struct app_keys prev = app_context_begin(a, KC_READ);
    app_context_modes(a, UI_MODE_READ_ONLY);
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
        if (in != TERM_KEY && in != TERM_CHAR)
            continue;
        enum key_action act = keys_lookup(keys_code(ch, in == TERM_KEY), KC_READ);
        if (act == ACT_CLOSE)
            break;
        if (act == ACT_ROW_UP)
            top--;
        else if (act == ACT_ROW_DOWN)
            top++;
        else if (act == ACT_PAGE_DOWN)
            top += page > 1 ? page - 1 : 1;
        else if (act == ACT_PAGE_UP)
            top -= page > 1 ? page - 1 : 1;
        else if (act == ACT_LIST_TOP)
            top = 0;
        else if (act == ACT_LIST_BOTTOM)
            top = rows;
    }
    app_context_end(a, prev);
    free(head);
}
