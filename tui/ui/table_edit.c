/* The answer to a table question (core/table.h) on the assessment
 * screen: its rows drawn with their references and cells in columns
 * fitted to the width, and the editor of its rows, a box over the screen
 * where a adds a row, Enter edits the selected one and D deletes it.
 * Each row goes through a form with a field per column; every change is
 * saved at once as the rest of the answers are (view_save_answer: the
 * same conflict question), and a save that fails opens the form again
 * with what was typed. A row that other rows or risks cite cannot be
 * deleted; the refusal names them. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/table.h"
#include "ui/assess_view.h"
#include "ui/dialog.h"
#include "ui/draft.h"
#include "ui/form.h"
#include "ui/term.h"
#include "util/buf.h"
#include "util/text.h"
#include "util/xalloc.h"
#include "util/i18n.h"

/* A cell as people read it: a choice by its option's label, yes or no
 * as "Yes" or "No" (as table_cell_display says, without the copy). */
static const char *cell_shown(const struct tmpl_column *c, const char *cell)
{
    if (c->type == CT_YESNO && *cell)
        return strcmp(cell, "yes") == 0 ? _("Yes") : _("No");
    if (c->type == CT_CHOICE)
        for (size_t i = 0; i < c->noptions; i++)
            if (strcmp(c->options[i].value, cell) == 0)
                return c->options[i].label;
    return cell;
}

/* A row's first non-empty cell as shown, or "". */
static const char *first_cell(const struct table *t, const struct table_row *r)
{
    for (size_t c = 0; c < t->ncols; c++)
        if (*r->cells[c])
            return cell_shown(&t->q->columns[c], r->cells[c]);
    return "";
}

/* The widths of the columns in avail display columns: each as wide as
 * its label and cells need when all fit; otherwise the narrow ones keep
 * their width and the others share what is left evenly. */
static void fit_widths(const struct table *t, int avail, int *wd)
{
    size_t n = t->ncols;
    int *need = xcalloc(n + 1, sizeof *need);
    bool *fixed = xcalloc(n + 1, sizeof *fixed);
    int total = 0;
    for (size_t c = 0; c < n; c++) {
        const struct tmpl_column *col = &t->q->columns[c];
        need[c] = text_width(col->label);
        for (size_t r = 0; r < t->nrows; r++) {
            int cw = text_width(cell_shown(col, t->rows[r].cells[c]));
            if (cw > need[c])
                need[c] = cw;
        }
        if (need[c] < 1)
            need[c] = 1;
        total += need[c];
    }
    if (avail < 0)
        avail = 0;
    if (total <= avail) {
        memcpy(wd, need, n * sizeof *wd);
    } else {
        int left = avail;
        size_t open = n;
        for (bool again = true; again && open > 0;) {
            again = false;
            int share = left / (int)open;
            for (size_t c = 0; c < n; c++) {
                if (!fixed[c] && need[c] <= share) {
                    wd[c] = need[c];
                    left -= need[c];
                    fixed[c] = true;
                    open--;
                    again = true;
                }
            }
        }
        int share = open ? left / (int)open : 0, extra = open ? left % (int)open : 0;
        for (size_t c = 0; c < n; c++)
            if (!fixed[c])
                wd[c] = share + (extra-- > 0 ? 1 : 0);
    }
    free(need);
    free(fixed);
}

/* Draws table t from row y to maxy (not included), w columns from x: a
 * heading, then a row to a line, its reference, then its cells cut to
 * their columns. Row sel (-1: none) is highlighted and kept on screen
 * from *top on; without a selection, rows that do not fit are counted
 * on the last line. Returns the row after the table. */
static int draw_rows(const struct table *t, int y, int x, int maxy, int w, int sel, int *top)
{
    if (y >= maxy || w <= 0)
        return y;
    char ref[TABLE_PREFIX_MAX + 16];
    /* TRANSLATORS: the header of a table's column of row references (D1, D2). */
    const char *ref_head = _("Ref");
    int refw = text_width(ref_head) > 3 ? text_width(ref_head) : 3;
    for (size_t r = 0; r < t->nrows; r++) {
        table_ref(t->q, t->rows[r].number, ref, sizeof ref);
        if (text_width(ref) > refw)
            refw = text_width(ref);
    }
    int *wd = xcalloc(t->ncols + 1, sizeof *wd);
    fit_widths(t, w - refw - 2 * (int)t->ncols, wd);
    attr_t hd = term_attr(ROLE_HEADING);
    term_fill(stdscr, y, x, w, A_NORMAL);
    term_put(stdscr, y, x, w, hd, ref_head);
    for (int c = 0, cx = refw + 2; c < (int)t->ncols && cx < w; cx += wd[c] + 2, c++)
        term_put(stdscr, y, x + cx, wd[c] < w - cx ? wd[c] : w - cx, hd,
                 t->q->columns[c].label);
    y++;
    int room = maxy - y, n = (int)t->nrows;
    if (sel >= 0) {
        if (*top > sel)
            *top = sel;
        if (sel - *top >= room)
            *top = sel - room + 1;
        if (*top > n - room)
            *top = n - room;
    } else {
        *top = 0;
    }
    if (*top < 0)
        *top = 0;
    for (int i = *top; i < n && y < maxy; i++, y++) {
        if (sel < 0 && y == maxy - 1 && i < n - 1) {
            char more[160];
            snprintf(more, sizeof more,
                     P_("... and %d more row (Enter to see them all)",
                        "... and %d more rows (Enter to see them all)", n - i),
                     n - i);
            term_put(stdscr, y, x, w, term_attr(ROLE_DIM), more);
            y++;
            break;
        }
        const struct table_row *row = &t->rows[i];
        attr_t at = i == sel ? term_attr(ROLE_SELECTED) : A_NORMAL;
        term_fill(stdscr, y, x, w, at);
        table_ref(t->q, row->number, ref, sizeof ref);
        term_put(stdscr, y, x, refw, at | A_BOLD, ref);
        int cx = refw + 2;
        for (size_t c = 0; c < t->ncols && cx < w; cx += wd[c] + 2, c++) {
            int cw = wd[c] < w - cx ? wd[c] : w - cx;
            term_put(stdscr, y, x + cx, cw, at, cell_shown(&t->q->columns[c], row->cells[c]));
        }
    }
    free(wd);
    return y;
}

void view_draw_table(struct view *v, const struct tmpl_question *q, int y, int x, int maxy,
                     int w)
{
    const char *val = assess_value(v->a, q->id);
    struct table t;
    struct err e;
    if (table_parse(q, val ? val : "", &t, &e) < 0) {
        /* Shown as it is kept, with what is wrong with it. */
        y = dialog_wrap_to(y, x, maxy, w, term_attr(ROLE_ERROR), e.text);
        dialog_wrap_to(y, x, maxy, w, A_NORMAL, val);
        return;
    }
    if (t.nrows == 0) {
        term_put(stdscr, y, x, w, term_attr(ROLE_DIM), _("(no rows: Enter to edit the table)"));
    } else {
        int top = 0;
        draw_rows(&t, y, x, maxy, w, -1, &top);
    }
    table_free(&t);
}

/* --- the row form ------------------------------------------------------------ */

/* What one column's field needs beyond the form's own: the choices
 * shown, the value each stands for, the rows that may be ticked. */
struct col_field {
    char **choices;   /* shown; choices[0] is "(empty)" */
    char **values;    /* the cell each choice gives ("" for the first) */
    int nchoices;
    int *ids;         /* refs: the row numbers that may be ticked */
    bool *flags;
    char **details;   /* refs: each row's first cell */
    int nids;
};

static void col_add_choice(struct col_field *cf, const char *shown, const char *value)
{
    cf->choices = xrealloc(cf->choices, ((size_t)cf->nchoices + 1) * sizeof *cf->choices);
    cf->values = xrealloc(cf->values, ((size_t)cf->nchoices + 1) * sizeof *cf->values);
    cf->choices[cf->nchoices] = xstrdup(shown);
    cf->values[cf->nchoices] = xstrdup(value);
    cf->nchoices++;
}

static void col_add_id(struct col_field *cf, int id, bool on, const char *detail)
{
    cf->ids = xrealloc(cf->ids, ((size_t)cf->nids + 1) * sizeof *cf->ids);
    cf->flags = xrealloc(cf->flags, ((size_t)cf->nids + 1) * sizeof *cf->flags);
    cf->details = xrealloc(cf->details, ((size_t)cf->nids + 1) * sizeof *cf->details);
    cf->ids[cf->nids] = id;
    cf->flags[cf->nids] = on;
    cf->details[cf->nids] = xstrdup(detail);
    cf->nids++;
}

static void col_field_free(struct col_field *cf)
{
    for (int i = 0; i < cf->nchoices; i++) {
        free(cf->choices[i]);
        free(cf->values[i]);
    }
    for (int i = 0; i < cf->nids; i++)
        free(cf->details[i]);
    free(cf->choices);
    free(cf->values);
    free(cf->ids);
    free(cf->flags);
    free(cf->details);
}

/* Whether the references of a refs cell ("D1 D3") hold "D<number>". */
static bool refs_have(const char *cell, const char *ref)
{
    size_t n = strlen(ref);
    for (const char *p = cell; *p;) {
        const char *end = strchr(p, ' ');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && strncmp(p, ref, n) == 0)
            return true;
        p += len;
        while (*p == ' ')
            p++;
    }
    return false;
}

/* The rows a ref or refs column may cite: those of the table it names
 * (this one, t, as it stands; another, as the assessment holds it). */
static void cited_table(const struct view *v, const struct table *t,
                        const struct tmpl_column *col, struct table *out, bool *own)
{
    const struct tmpl *tm = v->a->tmpl;
    const struct tmpl_question *rq = col->tindex < tm->nquestions ? &tm->questions[col->tindex]
                                                                  : NULL;
    *own = false;
    memset(out, 0, sizeof *out);
    if (!rq || rq->type != QT_TABLE)
        return;
    if (strcmp(rq->id, t->q->id) == 0) {
        *out = *t;
        *own = true;
        return;
    }
    const char *val = assess_value(v->a, rq->id);
    if (table_parse(rq, val ? val : "", out, NULL) < 0)
        memset(out, 0, sizeof *out);
}

/* Fills field f (and its helper cf) for column col holding cell. */
static void make_field(const struct view *v, const struct table *t,
                       const struct tmpl_column *col, const char *cell, struct form_field *f,
                       struct col_field *cf)
{
    f->label = col->label;
    f->required = col->required;
    switch (col->type) {
    case CT_TEXT:
        f->kind = FK_LINE;
        f->value = xstrdup(cell);
        return;
    case CT_DATE:
        f->kind = FK_DATE;
        f->value = xstrdup(cell);
        return;
    case CT_CHOICE:
    case CT_YESNO:
    case CT_REF:
        f->kind = FK_CHOICE;
        col_add_choice(cf, _("(empty)"), "");
        if (col->type == CT_CHOICE) {
            for (size_t i = 0; i < col->noptions; i++)
                col_add_choice(cf, col->options[i].label, col->options[i].value);
        } else if (col->type == CT_YESNO) {
            col_add_choice(cf, _("Yes"), "yes");
            col_add_choice(cf, _("No"), "no");
        } else {
            struct table rt;
            bool own;
            cited_table(v, t, col, &rt, &own);
            char ref[TABLE_PREFIX_MAX + 16];
            for (size_t r = 0; r < rt.nrows; r++) {
                table_ref(rt.q, rt.rows[r].number, ref, sizeof ref);
                char *shown = xasprintf("%s %s", ref, first_cell(&rt, &rt.rows[r]));
                col_add_choice(cf, shown, ref);
                free(shown);
            }
            if (!own)
                table_free(&rt);
        }
        /* A value that is no longer among them (a row deleted since) is
         * kept as it is rather than silently dropped. */
        f->number = -1;
        for (int i = 0; i < cf->nchoices; i++)
            if (strcmp(cf->values[i], cell) == 0)
                f->number = i;
        if (f->number < 0) {
            char *shown = xasprintf(_("%s (not found)"), cell);
            col_add_choice(cf, shown, cell);
            free(shown);
            f->number = cf->nchoices - 1;
        }
        f->choices = (const char *const *)cf->choices;
        f->nchoices = cf->nchoices;
        return;
    case CT_REFS: {
        f->kind = FK_FLAGS;
        struct table rt;
        bool own;
        cited_table(v, t, col, &rt, &own);
        char ref[TABLE_PREFIX_MAX + 16];
        const char *prefix = rt.q ? rt.q->prefix : "";
        for (size_t r = 0; r < rt.nrows; r++) {
            table_ref(rt.q, rt.rows[r].number, ref, sizeof ref);
            col_add_id(cf, rt.rows[r].number, refs_have(cell, ref),
                       first_cell(&rt, &rt.rows[r]));
        }
        /* Numbers cited that are no longer rows stay ticked. */
        size_t plen = strlen(prefix);
        for (const char *p = cell; *p;) {
            const char *end = strchr(p, ' ');
            size_t len = end ? (size_t)(end - p) : strlen(p);
            int num = strncmp(p, prefix, plen) == 0 ? atoi(p + plen) : 0;
            bool known = false;
            for (int i = 0; i < cf->nids; i++)
                known = known || cf->ids[i] == num;
            if (num > 0 && !known)
                col_add_id(cf, num, true, _("(not found)"));
            p += len;
            while (*p == ' ')
                p++;
        }
        if (!own)
            table_free(&rt);
        f->flag_ids = cf->ids;
        f->nflag_ids = cf->nids;
        f->flags = cf->flags;
        f->flag_details = (const char *const *)cf->details;
        /* The template's, which outlives the cited table's copy. */
        f->flag_prefix = *prefix ? prefix : "?";
        return;
    }
    default:
        f->kind = FK_LINE;
        f->value = xstrdup(cell);
        return;
    }
}

/* A field's value as its cell. The caller frees. */
static char *field_cell(const struct form_field *f, const struct col_field *cf)
{
    switch (f->kind) {
    case FK_CHOICE:
        return xstrdup(f->number >= 0 && f->number < cf->nchoices ? cf->values[f->number] : "");
    case FK_FLAGS: {
        struct buf b = { 0 };
        for (int i = 0; i < f->nflag_ids; i++)
            if (f->flags[i])
                buf_printf(&b, "%s%s%d", b.len ? " " : "", f->flag_prefix, f->flag_ids[i]);
        return buf_take(&b);
    }
    default:
        return xstrdup(f->value ? f->value : "");
    }
}

/* The form of a row of t: cells (t->ncols, owned) are its fields as it
 * opens and, when it closes to be saved (or the program must leave with
 * something typed), what it holds. retry: the form opens again after a
 * failed save (Esc on it saves what it holds). */
static bool row_form(struct app *a, struct view *v, const struct table *t, char **cells,
                     const char *title, bool retry, struct draft *d)
{
    int n = (int)t->ncols;
    struct form_field *f = xcalloc((size_t)n + 1, sizeof *f);
    struct col_field *cf = xcalloc((size_t)n + 1, sizeof *cf);
    for (int i = 0; i < n; i++)
        make_field(v, t, &t->q->columns[i], cells[i], &f[i], &cf[i]);
    bool untouched;
    bool ok = form_run_ex(a, title, f, n, &untouched, d) || (retry && untouched);
    /* Leaving (a signal, the end of input): keep what was typed. */
    for (int i = 0; !ok && a->quitting && i < n; i++)
        ok = (f[i].kind == FK_LINE || f[i].kind == FK_DATE) && f[i].value && *f[i].value;
    if (ok) {
        for (int i = 0; i < n; i++) {
            free(cells[i]);
            cells[i] = field_cell(&f[i], &cf[i]);
        }
    }
    form_free(f, n);
    for (int i = 0; i < n; i++)
        col_field_free(&cf[i]);
    free(f);
    free(cf);
    return ok;
}

/* The table question qid as the assessment holds it now (a reload
 * replaces the template); NULL, with the reason in the status bar, when
 * it is not a table or its value cannot be read. */
static const struct tmpl_question *current(struct view *v, struct app *a, const char *qid,
                                           struct table *t)
{
    const struct tmpl_question *q = v->a ? tmpl_find_question(v->a->tmpl, qid) : NULL;
    struct err e;
    if (!q || q->type != QT_TABLE) {
        app_message(a, true, _("The question is no longer a table of this assessment."));
        return NULL;
    }
    const char *val = assess_value(v->a, qid);
    if (table_parse(q, val ? val : "", t, &e) < 0) {
        app_message(a, true, "%s", e.text);
        return NULL;
    }
    return q;
}

/* Whether the answer to qid is now value: false after a conflict where
 * the person kept the other session's answer. */
static bool holds(const struct view *v, const char *qid, const char *value)
{
    const char *now = assess_value(v->a, qid);
    return strcmp(now ? now : "", value) == 0;
}

/* Adds a row (number 0) or changes row number; returns the number of
 * the row saved, 0 when nothing was. */
static int row_change(struct view *v, struct app *a, const char *qid, int number)
{
    struct table t;
    const struct tmpl_question *q = current(v, a, qid, &t);
    if (!q)
        return 0;
    size_t ncols = t.ncols;
    char **cells = xcalloc(ncols + 1, sizeof *cells);
    const struct table_row *old = number ? table_find_row(&t, number) : NULL;
    for (size_t c = 0; c < ncols; c++)
        cells[c] = xstrdup(old ? old->cells[c] : "");
    int next = table_next_number(&t);
    char ref[TABLE_PREFIX_MAX + 16], title[128];
    table_ref(q, number ? number : next, ref, sizeof ref);
    snprintf(title, sizeof title, number ? _("Row %s") : _("New row %s"), ref);
    struct draft d;
    if (number)
        draft_init(&d, v->id, "row:%s:%d", qid, number);
    else
        draft_init(&d, v->id, "row:%s:new", qid);
    int saved = 0;
    bool retry = false, have = true, theirs = false;
    while (!saved && !theirs && have && row_form(a, v, &t, cells, title, retry, &d)) {
        /* Applied to the table as it is now (another session may have
         * changed it; a conflict is put to the person on saving). */
        table_free(&t);
        char why[ERR_MAX + 64] = "";
        struct err e;
        q = current(v, a, qid, &t);
        if (!q) {
            have = false;
            break;
        }
        size_t at = t.nrows;
        if (number) {
            for (size_t r = 0; r < t.nrows; r++)
                if (t.rows[r].number == number)
                    at = r;
            if (at == t.nrows)
                snprintf(why, sizeof why, _("Row %s is no longer in the table: it was deleted in "
                           "another session."), ref);
        } else {
            at = table_add_row(&t);
        }
        for (size_t c = 0; !*why && c < ncols && c < t.ncols; c++)
            if (table_set_cell(&t, at, c, cells[c], &e) < 0)
                snprintf(why, sizeof why, I18N_LABELLED, q->columns[c].label, e.text);
        if (!*why) {
            int got = t.rows[at].number;
            char *value = table_format(&t);
            if (view_save_answer(v, a, q, value, NULL, -1) < 0)
                snprintf(why, sizeof why, "%s", a->message);
            else if (holds(v, qid, value))
                saved = got;
            else
                theirs = true; /* as the person chose; the status bar says so */
            free(value);
        }
        if (!saved && !theirs) {
            app_message(a, true, "%s", why);
            if (!dialog_save_failed(a, why))
                break;
            retry = true;
            /* The form again on the table as it is now (a conflict
             * reloads the assessment and its template). */
            table_free(&t);
            if (!current(v, a, qid, &t))
                have = false;
        }
    }
    draft_finish(a, &d, saved != 0);
    draft_free(&d);
    if (have)
        table_free(&t);
    for (size_t c = 0; c < ncols; c++)
        free(cells[c]);
    free(cells);
    if (saved) {
        const struct tmpl_question *nq = tmpl_find_question(v->a->tmpl, qid);
        if (nq)
            table_ref(nq, saved, ref, sizeof ref);
        app_message(a, false, number ? _("Row %s saved.") : _("Row %s added."), ref);
    }
    return saved;
}

/* Deletes row number after asking; a refusal (the row is cited) is
 * shown in a dialog, and the row stays. */
static void row_delete(struct view *v, struct app *a, const char *qid, int number)
{
    struct table t;
    const struct tmpl_question *q = current(v, a, qid, &t);
    if (!q)
        return;
    char ref[TABLE_PREFIX_MAX + 16];
    table_ref(q, number, ref, sizeof ref);
    const struct table_row *row = table_find_row(&t, number);
    char *ask = xasprintf(_("Delete row %s \xE2\x80\x9C%s\xE2\x80\x9D?"), ref,
                          row ? first_cell(&t, row) : "");
    bool yes = row && dialog_confirm(a, _("Delete row"), ask);
    free(ask);
    table_free(&t);
    /* The table again: the dialog may have seen a reload. */
    if (!yes || !(q = current(v, a, qid, &t)))
        return;
    for (size_t r = 0; r < t.nrows; r++) {
        if (t.rows[r].number == number) {
            table_remove_row(&t, r);
            break;
        }
    }
    char *value = table_format(&t);
    char saved_before[sizeof a->saved];
    snprintf(saved_before, sizeof saved_before, "%s", a->saved);
    if (view_save_answer(v, a, q, value, NULL, -1) == 0) {
        /* Unless the other session's answer was kept, on a conflict. */
        if (holds(v, qid, value))
            app_message(a, false, _("Row %s deleted."), ref);
    } else {
        char why[sizeof a->message];
        snprintf(why, sizeof why, "%s", a->message);
        dialog_message(a, _("Not deleted"), why);
        app_message(a, true, "%s", why);
        /* Refused, nothing changed: nothing is left unsaved either. */
        snprintf(a->saved, sizeof a->saved, "%s", saved_before);
    }
    free(value);
    table_free(&t);
}

/* --- the editor ---------------------------------------------------------------- */

/* A cell of the selected row as the editor spells it out: references
 * each with the first cell of the row they cite ("D1 Viewing history,
 * D2 E-mail address"); other cells as the rows show them. Into b. */
static void cell_spelt(const struct view *v, const struct table *t,
                       const struct tmpl_column *col, const char *cell, struct buf *b)
{
    if ((col->type != CT_REF && col->type != CT_REFS) || !*cell) {
        buf_adds(b, cell_shown(col, cell));
        return;
    }
    struct table rt;
    bool own;
    cited_table(v, t, col, &rt, &own);
    size_t plen = rt.q && rt.q->prefix ? strlen(rt.q->prefix) : 0;
    bool first = true;
    for (const char *p = cell; *p;) {
        const char *end = strchr(p, ' ');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        const struct table_row *row = rt.q && len > plen && strncmp(p, rt.q->prefix, plen) == 0
                                          ? table_find_row(&rt, atoi(p + plen)) : NULL;
        buf_printf(b, "%s%.*s %s", first ? "" : ", ", (int)len, p,
                   row ? first_cell(&rt, row) : _("(not found)"));
        first = false;
        p += len;
        while (*p == ' ')
            p++;
    }
    if (!own)
        table_free(&rt);
}

/* The editor while it runs: a screen over the assessment screen, so
 * that the forms and dialogs it opens are drawn over it. */
struct editor {
    struct view *v;
    const char *qid;
    int sel, top;
};

static void draw_editor(struct screen *s, struct app *a)
{
    struct editor *ed = s->data;
    struct table t;
    const struct tmpl_question *q = tmpl_find_question(ed->v->a->tmpl, ed->qid);
    if (!q || table_parse(q, assess_value(ed->v->a, ed->qid) ? assess_value(ed->v->a, ed->qid)
                                                             : "", &t, NULL) < 0)
        return;
    int y0 = 1, x0 = 1, h = LINES - 2, w = COLS - 2;
    char *title = text_line_cut(q->prompt, w - 8, term_ellipsis());
    dialog_frame(y0, x0, h, w, title);
    free(title);
    int x = x0 + 2, iw = w - 4, sel = ed->sel;
    /* The selected row whole under the table, a column to a line. */
    struct buf b = { 0 };
    if (sel >= 0 && sel < (int)t.nrows) {
        char ref[TABLE_PREFIX_MAX + 16];
        table_ref(q, t.rows[sel].number, ref, sizeof ref);
        for (size_t c = 0; c < t.ncols; c++) {
            buf_printf(&b, "%s%s %s: ", c ? "\n" : "", ref, q->columns[c].label);
            cell_spelt(ed->v, &t, &q->columns[c], t.rows[sel].cells[c], &b);
        }
    }
    int detail = b.len ? dialog_text_rows(buf_str(&b), iw) + 1 : 0;
    if (detail > (h - 4) / 2)
        detail = (h - 4) / 2;
    int maxy = y0 + h - 1 - detail;
    if (t.nrows == 0)
        term_put(stdscr, y0 + 1, x, iw, term_attr(ROLE_DIM), _("No rows yet: a adds one."));
    else
        draw_rows(&t, y0 + 1, x, maxy, iw, sel, &ed->top);
    if (detail > 1) {
        term_rule(stdscr, maxy, x0 + 1, w - 2);
        int dtop = 0;
        dialog_wrap_at(maxy + 1, x, detail - 1, iw, A_NORMAL, buf_str(&b), &dtop);
    }
    buf_free(&b);
    enum key_action shown[] = { ACT_ADD, ACT_OPEN, ACT_DELETE, ACT_ROWS_BACK };
    char keys[256];
    keys_line(shown, 4, keys, sizeof keys);
    term_put(stdscr, y0 + h - 1, x, iw, term_attr(ROLE_KEY), keys);
    table_free(&t);
}

void view_edit_table(struct view *v, struct app *a, const struct tmpl_question *q0)
{
    char *qid = xstrdup(q0->id);
    struct editor ed = { v, qid, 0, 0 };
    struct screen layer = { .title = a->top->title, .context = KC_ROWS, .modes = a->top->modes,
                            .draw = draw_editor, .below = a->top, .data = &ed };
    a->top = &layer;
    struct app_keys prev = app_context_begin(a, KC_ROWS);
    int *sel = &ed.sel;
    for (bool done = false; !done && !a->quitting;) {
        struct table t;
        if (!current(v, a, qid, &t))
            break;
        int n = (int)t.nrows;
        if (*sel >= n)
            *sel = n - 1;
        if (*sel < 0)
            *sel = 0;
        layer.title = layer.below->title;
        app_draw_base(a);
        term_cursor_apply();
        doupdate();
        int number = n ? t.rows[*sel].number : 0;
        table_free(&t);
        wint_t ch;
        enum term_input in = term_read(&ch, 1000);
        if (in == TERM_EOF || in == TERM_SIGNAL) {
            a->quitting = true;
            break;
        }
        if (in != TERM_KEY && in != TERM_CHAR)
            continue;
        a->message[0] = '\0';
        switch (keys_lookup(keys_code(ch, in == TERM_KEY), KC_ROWS)) {
        case ACT_UP:
            *sel = *sel > 0 ? *sel - 1 : 0;
            break;
        case ACT_DOWN:
            *sel = *sel + 1 < n ? *sel + 1 : *sel;
            break;
        case ACT_ADD: {
            int got = row_change(v, a, qid, 0);
            struct table nt;
            if (got && current(v, a, qid, &nt)) {
                for (size_t r = 0; r < nt.nrows; r++)
                    if (nt.rows[r].number == got)
                        *sel = (int)r;
                table_free(&nt);
            }
            break;
        }
        case ACT_OPEN:
            if (number)
                row_change(v, a, qid, number);
            break;
        case ACT_DELETE:
            if (number)
                row_delete(v, a, qid, number);
            break;
        case ACT_ROWS_BACK:
            done = true;
            break;
        default:
            break;
        }
    }
    app_context_end(a, prev);
    a->top = layer.below;
    free(qid);
}
