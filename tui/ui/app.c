#include "config.h"
#include "ui/app.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/term.h"
#include "util/err.h"
#include "util/xalloc.h"

void app_push(struct app *a, struct screen *s)
{
    s->below = a->top;
    a->top = s;
}

static void app_pop(struct app *a)
{
    struct screen *s = a->top;
    if (!s)
        return;
    a->top = s->below;
    if (s->destroy)
        s->destroy(s);
    free(s);
}

void app_message(struct app *a, bool is_error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->message, sizeof a->message, fmt, ap);
    va_end(ap);
    a->message_is_error = is_error;
}

static void draw_too_small(void)
{
    erase();
    char line[128];
    snprintf(line, sizeof line, "Terminal too small: %dx%d", COLS, LINES);
    term_put(stdscr, 0, 0, COLS, term_attr(ROLE_ERROR), line);
    snprintf(line, sizeof line, "dpia needs at least %dx%d.", TERM_MIN_COLS, TERM_MIN_ROWS);
    term_put(stdscr, 1, 0, COLS, A_NORMAL, line);
    term_put(stdscr, 2, 0, COLS, A_NORMAL, "Enlarge the window, or press q to quit.");
    wnoutrefresh(stdscr);
}

static void draw_bars(struct app *a)
{
    char title[256];
    snprintf(title, sizeof title, " %s %s  %s %s", PACKAGE_NAME, PACKAGE_VERSION,
             term_has_utf8() ? "\xE2\x80\x94" : "-", a->top->title);
    term_fill(stdscr, 0, 0, COLS, term_attr(ROLE_TITLE));
    term_put(stdscr, 0, 0, COLS, term_attr(ROLE_TITLE), title);

    int y = LINES - 1;
    term_fill(stdscr, y, 0, COLS, term_attr(ROLE_STATUS));
    if (a->message[0]) {
        term_put(stdscr, y, 1, COLS - 1,
                 term_attr(a->message_is_error ? ROLE_ERROR : ROLE_STATUS), a->message);
        return;
    }
    const char *hint = a->top->status ? a->top->status(a->top, a) : NULL;
    if (hint) {
        term_put(stdscr, y, 1, COLS - 1, term_attr(ROLE_STATUS), hint);
        return;
    }
    /* The global keys, straight from the key table. */
    int x = 1;
    for (int i = 0; i < keys_count && x < COLS - 1; i++) {
        char name[16], item[64];
        keys_name(keys_table[i].key1, name, sizeof name);
        snprintf(item, sizeof item, "%s %s  ", name, keys_table[i].label);
        x += term_put(stdscr, y, x, COLS - 1 - x, term_attr(ROLE_STATUS), item);
    }
}

static void draw(struct app *a)
{
    if (COLS < TERM_MIN_COLS || LINES < TERM_MIN_ROWS) {
        draw_too_small();
        doupdate();
        return;
    }
    erase();
    a->top->draw(a->top, a);
    draw_bars(a);
    wnoutrefresh(stdscr);
    doupdate();
}

static int dispatch(struct app *a, wint_t ch, bool is_key)
{
    int key = is_key ? (int)ch : (ch < 128 ? (int)ch : 0);
    enum key_action act = keys_lookup(key);
    bool too_small = COLS < TERM_MIN_COLS || LINES < TERM_MIN_ROWS;
    if (too_small)
        return act == ACT_QUIT ? UI_QUIT : 0;
    int r = a->top->handle_key(a->top, a, ch, is_key, act);
    if (r & (UI_HANDLED | UI_POP | UI_QUIT))
        return r;
    switch (act) {
    case ACT_QUIT:
        return UI_QUIT;
    case ACT_HELP:
        app_push(a, help_screen_new(a));
        return UI_REDRAW;
    case ACT_REDRAW:
        clearok(curscr, TRUE);
        return UI_REDRAW;
    default:
        return 0;
    }
}

int ui_run(const struct ui_options *opt)
{
    struct err e;
    struct app a;
    memset(&a, 0, sizeof a);
    a.opt = opt;
    if (term_start(opt->no_color, &e) < 0) {
        msg_error("%s", e.text);
        return 1;
    }
    app_push(&a, home_screen_new(&a));
    int status = 0;
    draw(&a);
    if (opt->first_frame_only)
        goto done;
    for (;;) {
        wint_t ch;
        enum term_input in = term_read(&ch, 1000);
        if (in == TERM_EOF || in == TERM_SIGNAL)
            break;
        if (in == TERM_TICK)
            continue;
        if (in == TERM_KEY && ch == KEY_RESIZE) {
            draw(&a);
            continue;
        }
        a.message[0] = '\0';
        int r = dispatch(&a, ch, in == TERM_KEY);
        if (r & UI_QUIT)
            break;
        if (r & UI_POP)
            app_pop(&a);
        if (!a.top)
            break;
        draw(&a);
    }
done:
    while (a.top)
        app_pop(&a);
    term_stop();
    return status;
}
