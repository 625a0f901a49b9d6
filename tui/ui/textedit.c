#include "config.h"
#include "ui/textedit.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ui/keys.h"
#include "ui/term.h"
#include "util/text.h"
#include "util/xalloc.h"

/* A visual row: bytes [start, end) of the text. */
struct te_row {
    size_t start, end;
};

static void invalidate(struct textedit *t, size_t from)
{
    if (from < t->dirty)
        t->dirty = from;
}

void te_init(struct textedit *t, const char *text, bool multiline)
{
    memset(t, 0, sizeof *t);
    t->multiline = multiline;
    t->goal_col = -1;
    te_set(t, text);
    t->changed = false;
}

void te_free(struct textedit *t)
{
    buf_free(&t->text);
    free(t->rows);
    t->rows = NULL;
    t->nrows = t->rows_cap = 0;
}

void te_set(struct textedit *t, const char *text)
{
    buf_clear(&t->text);
    buf_adds(&t->text, text ? text : "");
    t->cursor = t->text.len;
    t->top = 0;
    t->changed = true;
    t->dirty = 0;
}

const char *te_text(const struct textedit *t)
{
    return buf_str(&t->text);
}

void te_mark_saved(struct textedit *t)
{
    t->changed = false;
}

static const char *S(const struct textedit *t)
{
    return buf_str(&t->text);
}

static int cp_width(unsigned cp)
{
    /* Printable ASCII first: most text is, and the layout measures
     * every character of the answer on every key. */
    if (cp >= 0x20 && cp < 0x7f)
        return 1;
    if (text_is_control(cp) || text_is_bidi(cp))
        return 1; /* drawn as a symbol (term_put) */
    int w = wcwidth((wchar_t)cp);
    return w < 0 ? 1 : w;
}

static size_t next_char(const struct textedit *t, size_t i)
{
    if (i >= t->text.len)
        return t->text.len;
    unsigned cp;
    return i + text_decode(S(t) + i, t->text.len - i, &cp);
}

static size_t prev_char(const struct textedit *t, size_t i)
{
    if (i == 0)
        return 0;
    i--;
    while (i > 0 && ((unsigned char)S(t)[i] & 0xC0) == 0x80)
        i--;
    return i;
}

/* Lays the text out in rows of at most w columns, breaking after spaces
 * where it can. The rows belong to the editor (valid until the next
 * edit). Only what changed is laid out again: row k's start depends on
 * rows before it alone, and an edit in row k can at most pull a word up
 * into row k - 1, so rows before k - 1 are kept. */
static struct te_row *layout(struct textedit *t, int w, size_t *nrows)
{
    const char *s = S(t);
    size_t len = t->text.len, i = 0, n = 0;
    if (w < 1)
        w = 1;
    if (t->rows && t->rows_w == w && t->dirty == SIZE_MAX) {
        *nrows = t->nrows;
        return t->rows;
    }
    if (t->rows && t->rows_w == w && t->nrows > 0) {
        size_t k = 0;
        while (k + 1 < t->nrows && t->rows[k].end < t->dirty)
            k++;
        n = k > 0 ? k - 1 : 0;
        i = t->rows[n].start;
    }
    for (;;) {
        size_t start = i, last_space = 0;
        int col = 0;
        bool hard = false;
        while (i < len) {
            if (s[i] == '\n' && t->multiline) {
                hard = true;
                break;
            }
            unsigned cp = (unsigned char)s[i];
            size_t k = cp < 0x80 ? 1 : text_decode(s + i, len - i, &cp);
            int cw = cp_width(cp);
            /* A row holds at least one character, even one wider than
             * the field (a CJK character at width 1): else no row would
             * ever take it and the layout would never end. */
            if (col + cw > w && i > start) {
                if (last_space > start)
                    i = last_space;
                break;
            }
            col += cw;
            i += k;
            if (cp == ' ')
                last_space = i;
        }
        t->rows = xgrow(t->rows, &t->rows_cap, n + 1, sizeof *t->rows);
        t->rows[n].start = start;
        t->rows[n].end = i;
        n++;
        if (hard) {
            i++; /* the newline belongs to no row */
            continue;
        }
        if (i >= len)
            break;
    }
    t->nrows = n;
    t->rows_w = w;
    t->dirty = SIZE_MAX;
    *nrows = n;
    return t->rows;
}

/* The row holding the cursor (at a wrap point the cursor belongs to the
 * next row) and its column. */
static void locate(const struct textedit *t, const struct te_row *rows, size_t n, size_t *row,
                   int *col)
{
    size_t r = 0;
    for (size_t i = 0; i < n; i++) {
        if (t->cursor >= rows[i].start &&
            (t->cursor < rows[i].end || (t->cursor == rows[i].end &&
                                         (i + 1 == n || rows[i + 1].start > rows[i].end)))) {
            r = i;
            break;
        }
        if (t->cursor >= rows[i].start)
            r = i;
    }
    int c = 0;
    for (size_t i = rows[r].start; i < t->cursor && i < rows[r].end;) {
        unsigned cp;
        size_t k = text_decode(S(t) + i, t->text.len - i, &cp);
        c += cp_width(cp);
        i += k;
    }
    *row = r;
    *col = c;
}

/* The byte offset in a row closest to a column. */
static size_t at_col(const struct textedit *t, const struct te_row *r, int col)
{
    int c = 0;
    size_t i = r->start;
    while (i < r->end) {
        unsigned cp;
        size_t k = text_decode(S(t) + i, t->text.len - i, &cp);
        int cw = cp_width(cp);
        if (c + cw > col)
            break;
        c += cw;
        i += k;
    }
    return i;
}

void te_insert(struct textedit *t, const char *s)
{
    struct buf b = {0};
    for (const char *p = s; *p; p++) {
        char c = *p;
        if (c == '\r')
            continue;
        if (c == '\n' && !t->multiline)
            c = ' ';
        if (c == '\t')
            c = ' ';
        if (((unsigned char)c < 0x20 && c != '\n') || c == 0x7f)
            continue;
        buf_addc(&b, c);
    }
    invalidate(t, t->cursor);
    struct buf out = {0};
    buf_add(&out, S(t), t->cursor);
    buf_add(&out, buf_str(&b), b.len);
    buf_adds(&out, S(t) + t->cursor);
    t->cursor += b.len;
    buf_free(&t->text);
    t->text = out;
    buf_free(&b);
    t->changed = true;
    t->goal_col = -1;
}

static void delete_range(struct textedit *t, size_t from, size_t to)
{
    if (to <= from)
        return;
    invalidate(t, from);
    memmove(t->text.data + from, t->text.data + to, t->text.len - to + 1);
    t->text.len -= to - from;
    t->cursor = from;
    t->changed = true;
    t->goal_col = -1;
}

static bool is_word(unsigned char c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z') || c == '_' || c == '\'';
}

static size_t word_left(const struct textedit *t, size_t i)
{
    const char *s = S(t);
    while (i > 0 && !is_word((unsigned char)s[i - 1]))
        i--;
    while (i > 0 && is_word((unsigned char)s[i - 1]))
        i--;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

static size_t word_right(const struct textedit *t, size_t i)
{
    const char *s = S(t);
    size_t len = t->text.len;
    while (i < len && !is_word((unsigned char)s[i]))
        i++;
    while (i < len && is_word((unsigned char)s[i]))
        i++;
    return i;
}

static void vertical(struct textedit *t, int delta)
{
    size_t n;
    struct te_row *rows = layout(t, t->width > 0 ? t->width : 60, &n);
    size_t r;
    int col;
    locate(t, rows, n, &r, &col);
    if (t->goal_col < 0)
        t->goal_col = col;
    long target = (long)r + delta;
    if (target < 0)
        t->cursor = 0;
    else if (target >= (long)n)
        t->cursor = t->text.len;
    else
        t->cursor = at_col(t, &rows[target], t->goal_col);
}

enum te_result te_key(struct textedit *t, wint_t ch, bool is_key)
{
    int key = (int)ch;
    int g = t->goal_col;
    t->goal_col = -1;
    if (is_key && key != -1 && key == term_key_ctrl_left()) {
        t->cursor = word_left(t, t->cursor);
        return TE_HANDLED;
    }
    if (is_key && key != -1 && key == term_key_ctrl_right()) {
        t->cursor = word_right(t, t->cursor);
        return TE_HANDLED;
    }
    size_t from, to;
    enum key_action act = keys_lookup(keys_code(ch, is_key), KC_EDIT);
    switch (act) {
    case ACT_DONE:
        return TE_DONE;
    case ACT_NEWLINE:
        if (!t->multiline)
            return TE_ENTER;
        te_insert(t, "\n");
        return TE_HANDLED;
    case ACT_CHAR_LEFT:
        t->cursor = prev_char(t, t->cursor);
        return TE_HANDLED;
    case ACT_CHAR_RIGHT:
        t->cursor = next_char(t, t->cursor);
        return TE_HANDLED;
    case ACT_ROW_UP:
    case ACT_ROW_DOWN:
        if (!t->multiline)
            return TE_UNHANDLED;
        t->goal_col = g;
        vertical(t, act == ACT_ROW_UP ? -1 : 1);
        return TE_HANDLED;
    case ACT_PAGE_UP:
    case ACT_PAGE_DOWN:
        if (!t->multiline)
            return TE_UNHANDLED;
        t->goal_col = g;
        vertical(t, (act == ACT_PAGE_UP ? -1 : 1) * (t->height > 1 ? t->height - 1 : 1));
        return TE_HANDLED;
    case ACT_WORD_LEFT:
        t->cursor = word_left(t, t->cursor);
        return TE_HANDLED;
    case ACT_WORD_RIGHT:
        t->cursor = word_right(t, t->cursor);
        return TE_HANDLED;
    case ACT_LINE_START:
        while (t->cursor > 0 && S(t)[t->cursor - 1] != '\n')
            t->cursor--;
        return TE_HANDLED;
    case ACT_LINE_END:
        while (t->cursor < t->text.len && S(t)[t->cursor] != '\n')
            t->cursor++;
        return TE_HANDLED;
    case ACT_ERASE:
        delete_range(t, prev_char(t, t->cursor), t->cursor);
        return TE_HANDLED;
    case ACT_DEL_CHAR:
        delete_range(t, t->cursor, next_char(t, t->cursor));
        return TE_HANDLED;
    case ACT_DEL_WORD:
        delete_range(t, word_left(t, t->cursor), t->cursor);
        return TE_HANDLED;
    case ACT_DEL_TO_START:
        from = t->cursor;
        while (from > 0 && S(t)[from - 1] != '\n')
            from--;
        delete_range(t, from, t->cursor);
        return TE_HANDLED;
    case ACT_DEL_TO_END:
        to = t->cursor;
        while (to < t->text.len && S(t)[to] != '\n')
            to++;
        delete_range(t, t->cursor, to);
        return TE_HANDLED;
    default:
        break;
    }
    if (is_key)
        return TE_UNHANDLED;
    /* A bidirectional control is taken like any character (drawn as a
     * symbol): saving it is refused with the reason (core/textrule.h). */
    if (ch < 32 || ch == 127 || (ch >= 0x80 && ch < 0xA0))
        return TE_UNHANDLED;
    char mb[MB_LEN_MAX + 1];
    int n = wctomb(mb, (wchar_t)ch);
    if (n <= 0)
        return TE_UNHANDLED;
    mb[n] = '\0';
    te_insert(t, mb);
    return TE_HANDLED;
}

bool te_row_span(struct textedit *t, int w, size_t i, size_t *start, size_t *end)
{
    size_t n;
    struct te_row *rows = layout(t, w, &n);
    if (i >= n)
        return false;
    *start = rows[i].start;
    *end = rows[i].end;
    return true;
}

int te_rows(struct textedit *t, int w)
{
    size_t n;
    layout(t, w, &n);
    return (int)n;
}

/* Draws rows [top, top + h) in attr. Editing (focus) marks hidden rows
 * above and below with ^ and v in the last column and places the cursor;
 * display marks a cut with an ellipsis at the end of the last row. */
static void draw_rows(struct textedit *t, WINDOW *win, int y, int x, int h, int w, attr_t attr,
                      bool focus)
{
    if (h < 1 || w < 1)
        return;
    t->width = w;
    t->height = h;
    size_t n;
    struct te_row *rows = layout(t, w, &n);
    size_t r = 0;
    int col = 0;
    if (focus) {
        locate(t, rows, n, &r, &col);
        if ((int)r < t->top)
            t->top = (int)r;
        if ((int)r >= t->top + h)
            t->top = (int)r - h + 1;
    }
    for (int i = 0; i < h; i++) {
        size_t ri = (size_t)(t->top + i);
        term_fill(win, y + i, x, w, attr);
        if (ri >= n)
            continue;
        char *line = xstrndup(S(t) + rows[ri].start, rows[ri].end - rows[ri].start);
        term_put(win, y + i, x, w, attr, line);
        free(line);
    }
    bool more = t->top + h < (int)n;
    if (focus) {
        if (t->top > 0)
            term_put(win, y, x + w - 1, 1, term_attr(ROLE_DIM), "^");
        if (more)
            term_put(win, y + h - 1, x + w - 1, 1, term_attr(ROLE_DIM), "v");
        term_cursor(y + (int)r - t->top, x + (col < w ? col : w - 1));
    } else if (more && w > 2) {
        /* The last row ends in the ellipsis: more follows. */
        const char *ell = term_ellipsis();
        int ew = text_width(ell);
        if (w > ew)
            term_put(win, y + h - 1, x + w - ew, ew, attr, ell);
    }
}

void te_draw(struct textedit *t, WINDOW *win, int y, int x, int h, int w, bool focus)
{
    draw_rows(t, win, y, x, h, w, A_NORMAL, focus);
}

void te_draw_text(struct textedit *t, WINDOW *win, int y, int x, int h, int w, attr_t attr)
{
    t->top = 0;
    draw_rows(t, win, y, x, h, w, attr, false);
}

void te_draw_text_at(struct textedit *t, WINDOW *win, int y, int x, int h, int w, attr_t attr,
                     int top)
{
    t->top = top > 0 ? top : 0;
    draw_rows(t, win, y, x, h, w, attr, false);
}
