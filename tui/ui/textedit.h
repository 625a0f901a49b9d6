/*
 * A text editor widget: UTF-8 text, word wrap by display columns,
 * vertical scrolling, movement by character, word and line, deletion by
 * character and word, pasted text inserted as it is. Single-line mode
 * turns newlines into spaces and reports Enter to the caller.
 */
#ifndef DPIA_TEXTEDIT_H
#define DPIA_TEXTEDIT_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

struct textedit {
    struct buf text;
    size_t cursor;    /* byte offset, always on a character boundary */
    int top;          /* first visible row */
    bool multiline;
    bool changed;     /* changed since te_mark_saved */
    int width;        /* columns of the last layout (for Up/Down) */
    int height;
    int goal_col;     /* column kept while moving up and down, -1 none */
    /* The layout of the last draw, kept between keys: an edit re-lays
     * out only from the row before the one it touched. */
    struct te_row *rows;
    size_t nrows, rows_cap;
    int rows_w;       /* the width it was made for, 0 none */
    size_t dirty;     /* bytes from here on are not laid out; SIZE_MAX all are */
};

enum te_result {
    TE_UNHANDLED = 0,
    TE_HANDLED,
    TE_DONE,  /* Esc or F10: leave the field */
    TE_ENTER, /* Enter in single-line mode */
};

void te_init(struct textedit *t, const char *text, bool multiline);
void te_free(struct textedit *t);
void te_set(struct textedit *t, const char *text);
const char *te_text(const struct textedit *t);
void te_mark_saved(struct textedit *t);

/* Handles one key as the key table's KC_EDIT actions say (ui/keys.h),
 * and Ctrl-Left/Ctrl-Right where the terminal has codes for them. */
enum te_result te_key(struct textedit *t, wint_t ch, bool is_key);
/* Inserts text at the cursor (pasted text: newlines kept in multi-line
 * mode, spaces otherwise). */
void te_insert(struct textedit *t, const char *s);

/* Draws into w at (y, x) within h rows and w columns; with focus the
 * cursor is shown at its place. */
void te_draw(struct textedit *t, WINDOW *win, int y, int x, int h, int w, bool focus);
/* Draws the text for reading (no cursor) in attr, from its start; a cut
 * is marked with an ellipsis. */
void te_draw_text(struct textedit *t, WINDOW *win, int y, int x, int h, int w, attr_t attr);
/* The same from wrapped row top on (the rows above are scrolled out). */
void te_draw_text_at(struct textedit *t, WINDOW *win, int y, int x, int h, int w, attr_t attr,
                     int top);
/* Row i of the layout at width w: bytes [*start, *end) of the text.
 * False past the last row. */
bool te_row_span(struct textedit *t, int w, size_t i, size_t *start, size_t *end);
/* How many rows the text takes at this width. */
int te_rows(struct textedit *t, int w);

#endif
