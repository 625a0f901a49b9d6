/*
 * The terminal layer: starts and restores curses, owns the colour theme,
 * reads input (with end-of-input and signal detection) and draws text
 * with control characters neutralised and cut by display columns.
 *
 * While curses owns the screen, stderr is redirected to a temporary file;
 * term_stop() restores it and prints what was written meanwhile.
 */
#ifndef DPIA_TERM_H
#define DPIA_TERM_H

#include <curses.h>
#include <stdbool.h>

#include "util/err.h"

/* Colour roles: name, foreground, background, monochrome attribute. */
#define TERM_ROLES(X) \
    X(NORMAL,   -1,            -1,          A_NORMAL) \
    X(TITLE,    COLOR_WHITE,   COLOR_BLUE,  A_REVERSE | A_BOLD) \
    X(STATUS,   COLOR_BLACK,   COLOR_CYAN,  A_REVERSE) \
    X(KEY,      COLOR_YELLOW,  -1,          A_BOLD) \
    X(DIM,      COLOR_BLUE,    -1,          A_DIM) \
    X(SELECTED, COLOR_BLACK,   COLOR_WHITE, A_REVERSE) \
    X(HEADING,  COLOR_CYAN,    -1,          A_BOLD) \
    X(ERROR,    COLOR_WHITE,   COLOR_RED,   A_REVERSE | A_BOLD) \
    X(OK,       COLOR_GREEN,   -1,          A_BOLD) \
    X(RISK_LOW, COLOR_GREEN,   -1,          A_NORMAL) \
    X(RISK_MED, COLOR_YELLOW,  -1,          A_BOLD) \
    X(RISK_HIGH, COLOR_RED,    -1,          A_BOLD | A_UNDERLINE) \
    X(PRESENT,  COLOR_WHITE,   COLOR_BLACK, A_BOLD)

enum term_role {
#define X(name, fg, bg, mono) ROLE_##name,
    TERM_ROLES(X)
#undef X
    ROLE_COUNT
};

/* The smallest usable terminal. */
#define TERM_MIN_COLS 80
#define TERM_MIN_ROWS 24

enum term_input {
    TERM_CHAR,   /* *ch holds a character */
    TERM_KEY,    /* *ch holds a KEY_* code (KEY_RESIZE included) */
    TERM_TICK,   /* no input within the timeout */
    TERM_EOF,    /* the input is closed: leave */
    TERM_SIGNAL, /* SIGHUP, SIGTERM or SIGINT arrived: save and leave */
    TERM_PASTE,  /* a bracketed paste: the text is in term_paste_text() */
};

/* Starts curses on the controlling terminal. Fails (with a message) when
 * stdin or stdout is not a terminal or TERM is unusable. */
int term_start(bool no_color, struct err *e);
/* Restores the terminal; safe to call more than once and from atexit. */
void term_stop(void);

bool term_has_utf8(void);
/* The sign that ends a cut text: the one-column ellipsis where the
 * terminal shows UTF-8, "..." elsewhere. */
const char *term_ellipsis(void);
/* Reads from the locale whether text is UTF-8. term_start does it; for
 * programs that drive curses themselves (the typing benchmark). */
void term_read_locale(void);
bool term_has_color(void);
/* The attribute to draw a role with (colour pair or monochrome). */
attr_t term_attr(enum term_role role);

/* Waits up to timeout_ms (negative: forever) for input. */
enum term_input term_read(wint_t *ch, int timeout_ms);
/* The text of the last TERM_PASTE (UTF-8, newlines as '\n'), valid until
 * the next term_read. */
const char *term_paste_text(void);
/* True when the last paste was longer than 1 MiB: it was thrown away
 * whole (term_paste_text is empty), never cut. */
bool term_paste_too_long(void);
/* Key codes of Ctrl-Left and Ctrl-Right where the terminal has them, else
 * -1. */
int term_key_ctrl_left(void);
int term_key_ctrl_right(void);

/* The signal that ended the wait, 0 if none. */
int term_signal(void);
/* Milliseconds of a monotonic clock, for intervals. */
long long term_now_ms(void);
/* True when a printable character arrives within ms (it is kept for
 * the next term_read): the key before it was part of typing. */
bool term_text_follows(int ms);

/* Draws s at (y, x) within at most cols columns, neutralised; a text too
 * wide ends in an ellipsis (term_ellipsis) at the last column it may use.
 * Returns the columns used. */
int term_put(WINDOW *w, int y, int x, int cols, attr_t attr, const char *s);
/* Fills cols columns at (y, x) with spaces in attr. */
void term_fill(WINDOW *w, int y, int x, int cols, attr_t attr);
/* Lines and corners (0 top left, 1 top right, 2 bottom left, 3 bottom
 * right): box-drawing characters in a UTF-8 locale, ASCII elsewhere. */
void term_rule(WINDOW *w, int y, int x, int cols);
void term_vline(WINDOW *w, int y, int x, int rows);
void term_corner(WINDOW *w, int y, int x, int which);
/* Asks for the text cursor at (y, x) of stdscr in this frame; without a
 * call the cursor is hidden. term_cursor_apply places it, last thing
 * before doupdate. */
void term_cursor(int y, int x);
void term_cursor_apply(void);


#endif
