/* The home screen: the first thing a DPO sees. */
#include "config.h"

#include <stdio.h>

#include "ui/app.h"
#include "ui/term.h"
#include "util/xalloc.h"

static void home_draw(struct screen *s, struct app *a)
{
    char line[256];
    int y = 3;
    snprintf(line, sizeof line, "%s %s", PACKAGE_NAME, PACKAGE_VERSION);
    term_put(stdscr, y++, 4, COLS - 8, term_attr(ROLE_HEADING), line);
    term_put(stdscr, y++, 4, COLS - 8, A_NORMAL,
             "A workbench for GDPR Data Protection Impact Assessments (Art. 35)");
    y++;
    snprintf(line, sizeof line, "Database: %s", a->opt->db_path ? a->opt->db_path : "(none)");
    term_put(stdscr, y++, 4, COLS - 8, term_attr(ROLE_DIM), line);
    y++;
    term_put(stdscr, y++, 4, COLS - 8, A_NORMAL, "Press q to quit, ? for the list of keys.");
}

static int home_key(struct screen *s, struct app *a, wint_t ch, bool is_key,
                    enum key_action act)
{
    return 0;
}

struct screen *home_screen_new(struct app *a)
{
    struct screen *s = xcalloc(1, sizeof *s);
    s->title = "Assessments";
    s->draw = home_draw;
    s->handle_key = home_key;
    return s;
}
