/* The help screen: every action of the key table with its keys. */
#include "config.h"

#include <stdio.h>

#include "ui/app.h"
#include "ui/term.h"
#include "util/xalloc.h"

static void help_draw(struct screen *s, struct app *a)
{
    int y = 2;
    term_put(stdscr, y++, 2, COLS - 4, term_attr(ROLE_HEADING), "Keys");
    y++;
    for (int i = 0; i < keys_count && y < LINES - 2; i++, y++) {
        char k1[16], k2[16], both[40];
        keys_name(keys_table[i].key1, k1, sizeof k1);
        if (keys_table[i].key2) {
            keys_name(keys_table[i].key2, k2, sizeof k2);
            snprintf(both, sizeof both, "%s, %s", k1, k2);
        } else {
            snprintf(both, sizeof both, "%s", k1);
        }
        term_put(stdscr, y, 4, 14, term_attr(ROLE_KEY), both);
        term_put(stdscr, y, 20, COLS - 22, A_NORMAL, keys_table[i].help);
    }
}

static int help_key(struct screen *s, struct app *a, wint_t ch, bool is_key,
                    enum key_action act)
{
    /* Any key closes help; q closes help, not the program. */
    return UI_POP;
}

static const char *help_status(struct screen *s, struct app *a)
{
    return "Press any key to return";
}

struct screen *help_screen_new(struct app *a)
{
    struct screen *s = xcalloc(1, sizeof *s);
    s->title = "Help";
    s->draw = help_draw;
    s->handle_key = help_key;
    s->status = help_status;
    return s;
}
