/*
 * The main loop and the screen stack. Each screen has draw and
 * handle_key; handlers return flags; the loop calls doupdate once per
 * frame. Below TERM_MIN_COLS x TERM_MIN_ROWS the loop draws a "terminal
 * too small" message instead of the screen.
 */
#ifndef DPIA_APP_H
#define DPIA_APP_H

#include <curses.h>
#include <stdbool.h>

#include "ui/keys.h"
#include "ui/ui.h"

enum {
    UI_HANDLED = 1 << 0,
    UI_REDRAW = 1 << 1,
    UI_POP = 1 << 2,  /* close this screen */
    UI_QUIT = 1 << 3, /* leave the program */
};

struct app;

struct screen {
    const char *title;
    /* Draws into stdscr's rows 1..LINES-2 (row 0 is the title bar, the
     * last row the status bar, both drawn by the loop). */
    void (*draw)(struct screen *s, struct app *a);
    /* ch is a character (is_key false) or a KEY_* code; act is the key
     * table's action for it (ACT_NONE when unbound). */
    int (*handle_key)(struct screen *s, struct app *a, wint_t ch, bool is_key,
                      enum key_action act);
    /* The status bar's hint for this screen (NULL: the global keys). */
    const char *(*status)(struct screen *s, struct app *a);
    void (*destroy)(struct screen *s);
    struct screen *below;
    void *data;
};

struct app {
    const struct ui_options *opt;
    struct screen *top;
    char message[256]; /* shown in the status bar until the next key */
    bool message_is_error;
};

void app_push(struct app *a, struct screen *s);
/* Shows a one-line message in the status bar until the next key. */
void app_message(struct app *a, bool is_error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The screens. */
struct screen *home_screen_new(struct app *a);
struct screen *help_screen_new(struct app *a);

#endif
