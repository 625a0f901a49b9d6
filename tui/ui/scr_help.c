/* The help screen: the keys of the screen it was opened from, the global
 * ones, then those of what opens over a screen (the text editor, lists,
 * forms, dialogs) and of the help itself, straight from the key table.
 * A long help text wraps onto more rows rather than being cut. It
 * scrolls, with a sign where there is more above or below; any key it
 * does not scroll with closes it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/app.h"
#include "ui/term.h"
#include "ui/textedit.h"
#include "util/i18n.h"
#include "util/xalloc.h"

struct help {
    unsigned ctx; /* the contexts of the screen below */
    int top;      /* first line shown */
    int rows;     /* lines shown at the last draw */
    int nlines;   /* lines in all at the last draw */
};

/* One row of the help: a heading (b NULL), a row of a key's help (the
 * first one with the key), or a blank row (neither). */
struct help_line {
    const char *heading;
    const struct key_binding *b;
    int part;           /* the row of b's help text */
    size_t start, end;  /* its bytes */
};

#define HELP_KEY_X 4
#define HELP_TEXT_X 22

/* The order of the sections: the screen's own keys, the global ones,
 * what opens over a screen, the help's own. */
static bool section_before(unsigned ctx, unsigned screen, int pass)
{
    switch (pass) {
    case 0:
        return (ctx & screen) && ctx != KC_GLOBAL && ctx != KC_HELP;
    case 1:
        return ctx == KC_GLOBAL;
    case 2:
        return (ctx & KC_MODAL) && !(ctx & screen);
    default:
        return ctx == KC_HELP;
    }
}

/* Fills lines (may be NULL) and returns how many there are; a help text
 * wider than w columns takes several rows, wrapped at spaces. */
static int help_lines(unsigned screen, int w, struct help_line *lines)
{
    int n = 0;
    for (int pass = 0; pass < 4; pass++) {
        for (int c = 0; c < keys_ncontexts; c++) {
            unsigned ctx = keys_contexts[c].context;
            if (!section_before(ctx, screen, pass))
                continue;
            if (n > 0) {
                if (lines)
                    lines[n] = (struct help_line){ NULL, NULL, 0, 0, 0 };
                n++;
            }
            if (lines)
                lines[n] = (struct help_line){ n == 0 ? _("Keys on this screen")
                                                      : _(keys_contexts[c].heading), NULL, 0, 0, 0 };
            n++;
            for (int i = 0; i < keys_count; i++) {
                if (!(keys_table[i].contexts & ctx))
                    continue;
                struct textedit t;
                te_init(&t, _(keys_table[i].help), true);
                size_t start, end;
                for (int part = 0; te_row_span(&t, w, (size_t)part, &start, &end); part++) {
                    if (lines)
                        lines[n] = (struct help_line){ NULL, &keys_table[i], part, start, end };
                    n++;
                }
                te_free(&t);
            }
        }
    }
    return n;
}

static void help_draw(struct screen *s, struct app *a)
{
    struct help *h = s->data;
    int tw = COLS - HELP_TEXT_X - 2;
    int n = help_lines(h->ctx, tw, NULL);
    struct help_line *lines = xcalloc((size_t)n, sizeof *lines);
    help_lines(h->ctx, tw, lines);
    h->nlines = n;
    /* Row 1 and row LINES - 2 hold the signs; the lines go between. */
    int y0 = 2, rows = LINES - 4;
    h->rows = rows;
    if (h->top > n - rows)
        h->top = n - rows;
    if (h->top < 0)
        h->top = 0;
    term_put(stdscr, 1, 2, COLS - 16, term_attr(ROLE_DIM),
             _("Any other key closes the help."));
    if (h->top > 0)
        term_put(stdscr, 1, COLS - 12, 10, term_attr(ROLE_DIM),
                 /* TRANSLATORS: a sign that more lines are above; at most 10 columns. */
                 _(" more ^ "));
    if (h->top + rows < n)
        term_put(stdscr, LINES - 2, COLS - 12, 10, term_attr(ROLE_DIM),
                 /* TRANSLATORS: a sign that more lines are below; at most 10 columns. */
                 _(" more v "));
    for (int r = 0; r < rows && h->top + r < n; r++) {
        const struct help_line *l = &lines[h->top + r];
        int y = y0 + r;
        if (l->heading) {
            term_put(stdscr, y, 2, COLS - 4, term_attr(ROLE_HEADING), l->heading);
        } else if (l->b) {
            if (l->part == 0) {
                char k1[16], k2[16], both[40];
                keys_name(l->b->key1, k1, sizeof k1);
                if (l->b->key2 && strcmp(keys_name(l->b->key2, k2, sizeof k2), k1) != 0)
                    snprintf(both, sizeof both, "%s, %s", k1, k2);
                else
                    snprintf(both, sizeof both, "%s", k1);
                term_put(stdscr, y, HELP_KEY_X, HELP_TEXT_X - HELP_KEY_X - 2,
                         term_attr(ROLE_KEY), both);
            }
            char *row = xstrndup(_(l->b->help) + l->start, l->end - l->start);
            term_put(stdscr, y, HELP_TEXT_X, tw, A_NORMAL, row);
            free(row);
        }
    }
    free(lines);
}

static int help_key(struct screen *s, struct app *a, wint_t ch, bool is_key,
                    enum key_action act)
{
    struct help *h = s->data;
    int page = h->rows > 1 ? h->rows - 1 : 1;
    switch (act) {
    case ACT_ROW_UP:
        h->top--;
        return UI_HANDLED;
    case ACT_ROW_DOWN:
        h->top++;
        return UI_HANDLED;
    case ACT_PAGE_UP:
        h->top -= page;
        return UI_HANDLED;
    case ACT_PAGE_DOWN:
        h->top += page;
        return UI_HANDLED;
    case ACT_LIST_TOP:
        h->top = 0;
        return UI_HANDLED;
    case ACT_LIST_BOTTOM:
        h->top = h->nlines;
        return UI_HANDLED;
    default:
        return UI_POP; /* q closes help, not the program */
    }
}

static void help_destroy(struct screen *s)
{
    free(s->data);
}

struct screen *help_screen_new(struct app *a, unsigned context)
{
    struct screen *s = xcalloc(1, sizeof *s);
    struct help *h = xcalloc(1, sizeof *h);
    h->ctx = context;
    s->title = _("Help");
    s->context = KC_HELP;
    s->draw = help_draw;
    s->handle_key = help_key;
    s->destroy = help_destroy;
    s->data = h;
    return s;
}
