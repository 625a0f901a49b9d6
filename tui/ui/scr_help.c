/* The help screen: the keys of the screen it was opened from, then the
 * global ones, straight from the key table. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ui/app.h"
#include "ui/term.h"
#include "util/xalloc.h"

static void help_draw(struct screen *s, struct app *a)
{
    unsigned ctx = (unsigned)(uintptr_t)s->data;
    int y = 2;
    term_put(stdscr, y++, 2, COLS - 4, term_attr(ROLE_HEADING), "Keys on this screen");
    y++;
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < keys_count && y < LINES - 2; i++) {
            const struct key_binding *b = &keys_table[i];
            bool global = (b->contexts & KC_GLOBAL) != 0;
            if ((pass == 0) == global || !(b->contexts & (ctx | KC_GLOBAL)))
                continue;
            char k1[16], k2[16], both[40];
            keys_name(b->key1, k1, sizeof k1);
            if (b->key2 && strcmp(keys_name(b->key2, k2, sizeof k2), k1) != 0) {
                snprintf(both, sizeof both, "%s, %s", k1, k2);
            } else {
                snprintf(both, sizeof both, "%s", k1);
            }
            term_put(stdscr, y, 4, 16, term_attr(ROLE_KEY), both);
            term_put(stdscr, y, 22, COLS - 24, A_NORMAL, b->help);
            y++;
        }
        if (pass == 0 && y < LINES - 3) {
            y++;
            term_put(stdscr, y++, 2, COLS - 4, term_attr(ROLE_HEADING), "Everywhere");
        }
    }
}

static int help_key(struct screen *s, struct app *a, wint_t ch, bool is_key,
                    enum key_action act)
{
    return UI_POP; /* any key closes help; q closes help, not the program */
}

struct screen *help_screen_new(struct app *a, unsigned context)
{
    struct screen *s = xcalloc(1, sizeof *s);
    s->title = "Help";
    s->context = 0;
    s->draw = help_draw;
    s->handle_key = help_key;
    s->data = (void *)(uintptr_t)context;
    return s;
}
