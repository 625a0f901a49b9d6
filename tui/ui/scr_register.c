/* The register screen: every assessment as the DPO answers for it
 * (status, decision, highest residual risk, review date, open and
 * overdue measures, the person responsible), or the measures overdue
 * across them; sorted and filtered as core/register.h does for dpia
 * register, opened, and exported as HTML or CSV. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/register.h"
#include "ops/ops.h"
#include "ui/app.h"
#include "ui/export.h"
#include "ui/term.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

/* The orders, in the order of enum reg_sort: what the line under the
 * list says, and the message when s chooses it. */
static const struct {
    const char *shown;
    const char *chosen;
} sorts[] = {
    { N_("sorted by next date due"),
      N_("Sorted by the next date due (a review or a measure), the earliest first.") },
    { N_("sorted by title"), N_("Sorted by title.") },
    { N_("sorted by status"), N_("Sorted by status.") },
    { N_("sorted by risk"), N_("Sorted by risk, the highest first.") },
    { N_("sorted by review date"),
      N_("Sorted by review date, the nearest first; those without one last.") },
};
#define SORT_COUNT (sizeof sorts / sizeof sorts[0])
_Static_assert(SORT_COUNT == REG_SORT_REVIEW + 1, "an order without its words");

struct regview {
    struct reg r;
    enum reg_sort sort;
    int status;   /* -1: every status but archived */
    bool overdue; /* the overdue measures rather than the assessments */
    size_t cur, top;
};

static struct regview *V(struct screen *s)
{
    return s->data;
}

static size_t count(const struct regview *v)
{
    return v->overdue ? v->r.noverdue : v->r.nrows;
}

/* The assessment the selected line is about, or -1. */
static int64_t selected_id(const struct regview *v)
{
    if (v->cur >= count(v))
        return -1;
    if (v->overdue)
        return v->r.measures[v->r.overdue[v->cur]].assessment;
    return v->r.rows[v->cur].id;
}

/* Reads the register again, keeping the selection on the assessment it
 * was on when it is still there. */
static void reload(struct app *a, struct regview *v)
{
    int64_t keep = selected_id(v);
    reg_free(&v->r);
    memset(&v->r, 0, sizeof v->r);
    char today[16];
    ops_today(today);
    struct err e;
    if (ops_register(a->store, v->status == ST_ARCHIVED, v->status, v->sort, today, &v->r, &e) < 0) {
        app_message(a, true, "%s", e.text);
        reg_free(&v->r);
        memset(&v->r, 0, sizeof v->r);
    }
    v->cur = 0;
    for (size_t i = 0; keep >= 0 && i < count(v); i++) {
        v->cur = i;
        if (selected_id(v) == keep)
            break;
        v->cur = 0;
    }
}

/* The rows between the headers and the two lines at the foot. */
static size_t visible_rows(void)
{
    return LINES > 6 ? (size_t)(LINES - 5) : 1;
}

static void follow(struct regview *v)
{
    size_t rows = visible_rows();
    if (v->cur < v->top)
        v->top = v->cur;
    if (v->cur >= v->top + rows)
        v->top = v->cur - rows + 1;
}

/* "31/12/2026!" in the interface's language. */
static void date_cell(char *out, size_t outsz, const char *iso, bool overdue)
{
    char shown[DATE_DISPLAY_SIZE];
    snprintf(out, outsz, "%s%s", *iso ? date_display(iso, i18n_ui_lang(), shown) : "-",
             overdue ? "!" : "");
}

/* The line above the foot: a detail of the selected line, dim. */
static void detail(const char *text)
{
    term_put(stdscr, LINES - 3, 1, COLS - 2, term_attr(ROLE_DIM), text);
}

static void draw_rows(struct regview *v)
{
    /* The title gets what the other columns leave: 14 columns at 80
     * (the selected one is shown whole under the list), the labels cut
     * with an ellipsis. */
    bool wide = COLS >= 140, medium = COLS >= 100;
    int w_status = wide ? 26 : medium ? 16 : 11, w_dec = wide ? 24 : medium ? 14 : 9;
    int w_risk = wide ? 10 : 7, w_review = 11, w_meas = 8, w_resp = wide ? 20 : medium ? 16 : 12;
    int w_title = COLS - 2 - w_status - w_dec - w_risk - w_review - w_meas - w_resp - 6;
    int x_status = 1 + w_title + 1, x_dec = x_status + w_status + 1, x_risk = x_dec + w_dec + 1;
    int x_review = x_risk + w_risk + 1, x_meas = x_review + w_review + 1;
    int x_resp = x_meas + w_meas + 1;
    attr_t hd = term_attr(ROLE_HEADING);
    /* TRANSLATORS: the column headers of the register screen; Measures
     * shows the open and the overdue ones ("3/1!") in 8 columns, Review
     * has 11, Risk 7, Decision 9, Status 11, Responsible 12 at 80
     * columns (cut when longer). */
    term_put(stdscr, 1, 1, w_title, hd, _("Title"));
    term_put(stdscr, 1, x_status, w_status, hd, _("Status"));
    term_put(stdscr, 1, x_dec, w_dec, hd, _("Decision"));
    term_put(stdscr, 1, x_risk, w_risk, hd, _("Risk"));
    term_put(stdscr, 1, x_review, w_review, hd, _("Review"));
    term_put(stdscr, 1, x_meas, w_meas, hd, _("Measures"));
    term_put(stdscr, 1, x_resp, w_resp, hd, _("Responsible"));
    if (v->r.nrows == 0) {
        term_put(stdscr, 3, 1, COLS - 2, A_NORMAL,
                 v->status < 0 ? _("No assessments.") : _("No assessment has this status."));
        return;
    }
    size_t rows = visible_rows();
    for (size_t i = 0; i < rows && v->top + i < v->r.nrows; i++) {
        const struct reg_row *w = &v->r.rows[v->top + i];
        int y = 2 + (int)i;
        bool sel = v->top + i == v->cur;
        attr_t base = sel ? term_attr(ROLE_SELECTED) : A_NORMAL;
        term_fill(stdscr, y, 0, COLS, base);
        term_put(stdscr, y, 1, w_title, base, w->title);
        term_put(stdscr, y, x_status, w_status, base, _(assess_status_label(w->status)));
        term_put(stdscr, y, x_dec, w_dec, base,
                 w->decision == DEC_NONE ? "-" : _(decision_label(w->decision)));
        enum term_role rr = !w->highest_name[0] ? ROLE_DIM
                          : w->highest_is_high ? ROLE_RISK_HIGH
                          : w->highest_level == 0 ? ROLE_RISK_LOW : ROLE_RISK_MED;
        term_put(stdscr, y, x_risk, w_risk, sel ? base : term_attr(rr),
                 w->highest_name[0] ? w->highest_name : "-");
        char cell[64];
        date_cell(cell, sizeof cell, w->review_date, w->review_overdue);
        term_put(stdscr, y, x_review, w_review,
                 w->review_overdue && !sel ? term_attr(ROLE_RISK_HIGH) : base, cell);
        snprintf(cell, sizeof cell, "%zu/%d%s", w->nopen, w->noverdue, w->noverdue ? "!" : "");
        term_put(stdscr, y, x_meas, w_meas, w->noverdue && !sel ? term_attr(ROLE_RISK_HIGH) : base,
                 cell);
        term_put(stdscr, y, x_resp, w_resp, base, *w->responsible ? w->responsible : "-");
    }
    /* The selected assessment in full: its title, who is responsible,
     * the owners of its open measures. */
    const struct reg_row *w = &v->r.rows[v->cur];
    const char *dot = term_has_utf8() ? "\xC2\xB7" : "-";
    struct buf b = {0};
    buf_adds(&b, w->title);
    if (*w->responsible) {
        buf_printf(&b, " %s ", dot);
        /* TRANSLATORS: under the register, after the selected assessment's
         * title: the person responsible for it. */
        buf_printf(&b, _("responsible: %s"), w->responsible);
    }
    if (*w->owners) {
        buf_printf(&b, " %s ", dot);
        /* TRANSLATORS: under the register: who owns the selected
         * assessment's open measures. */
        buf_printf(&b, _("owners of open measures: %s"), w->owners);
    }
    char *line = buf_take(&b);
    detail(line);
    free(line);
}

static void draw_overdue(struct regview *v)
{
    int w_ref = 5, w_owner = COLS >= 140 ? 24 : 14, w_due = 11;
    int rest = COLS - 2 - w_ref - w_owner - w_due - 4;
    int w_assess = rest * 2 / 5, w_meas = rest - w_assess;
    int x_ref = 1 + w_assess + 1, x_meas = x_ref + w_ref + 1, x_owner = x_meas + w_meas + 1;
    int x_due = x_owner + w_owner + 1;
    attr_t hd = term_attr(ROLE_HEADING);
    /* TRANSLATORS: the column headers of the overdue measures on the
     * register screen; Due has 11 columns, Owner 14 at 80 (cut when
     * longer). */
    term_put(stdscr, 1, 1, w_assess, hd, _("Assessment"));
    term_put(stdscr, 1, x_ref, w_ref, hd, _("No."));
    term_put(stdscr, 1, x_meas, w_meas, hd, _("Measure"));
    term_put(stdscr, 1, x_owner, w_owner, hd, _("Owner"));
    term_put(stdscr, 1, x_due, w_due, hd, _("Due"));
    if (v->r.noverdue == 0) {
        term_put(stdscr, 3, 1, COLS - 2, A_NORMAL, _("No measure is overdue."));
        return;
    }
    size_t rows = visible_rows();
    for (size_t i = 0; i < rows && v->top + i < v->r.noverdue; i++) {
        const struct reg_measure *m = &v->r.measures[v->r.overdue[v->top + i]];
        int y = 2 + (int)i;
        bool sel = v->top + i == v->cur;
        attr_t base = sel ? term_attr(ROLE_SELECTED) : A_NORMAL;
        term_fill(stdscr, y, 0, COLS, base);
        term_put(stdscr, y, 1, w_assess, base, m->atitle);
        char cell[64];
        snprintf(cell, sizeof cell, "M%d", m->number);
        term_put(stdscr, y, x_ref, w_ref, base, cell);
        term_put(stdscr, y, x_meas, w_meas, base, m->title);
        term_put(stdscr, y, x_owner, w_owner, base, *m->owner ? m->owner : "-");
        date_cell(cell, sizeof cell, m->due, m->overdue);
        term_put(stdscr, y, x_due, w_due, sel ? base : term_attr(ROLE_RISK_HIGH), cell);
    }
    const struct reg_measure *m = &v->r.measures[v->r.overdue[v->cur]];
    /* TRANSLATORS: under the overdue measures: the selected measure in
     * full, then its assessment. */
    char *line = xasprintf(_("M%d %s (%s)"), m->number, m->title, m->atitle);
    detail(line);
    free(line);
}

static void register_draw(struct screen *s, struct app *a)
{
    (void)a;
    struct regview *v = V(s);
    if (v->cur >= count(v))
        v->cur = count(v) ? count(v) - 1 : 0;
    follow(v);
    if (v->overdue)
        draw_overdue(v);
    else
        draw_rows(v);
    char info[256];
    if (v->overdue)
        snprintf(info, sizeof info,
                 P_("%zu of %zu measure overdue", "%zu of %zu measures overdue", v->r.noverdue),
                 v->r.noverdue ? v->cur + 1 : 0, v->r.noverdue);
    else
        /* TRANSLATORS: under the register: the position, the order and the
         * status shown ("all statuses" or one). */
        snprintf(info, sizeof info, _("%zu of %zu  %s  status: %s"), v->r.nrows ? v->cur + 1 : 0,
                 v->r.nrows, _(sorts[v->sort].shown),
                 v->status < 0 ? _("all") : _(assess_status_label((enum assess_status)v->status)));
    /* The legend of "!" at the right end of the line. */
    /* TRANSLATORS: the legend of the mark "!" on the register screen; the "!" stays. */
    const char *legend = _("! overdue");
    int w_legend = text_width(legend);
    term_put(stdscr, LINES - 2, 1, COLS - 2 - w_legend - 2, term_attr(ROLE_DIM), info);
    term_put(stdscr, LINES - 2, COLS - 1 - w_legend, w_legend, term_attr(ROLE_RISK_HIGH), legend);
}

static int register_key(struct screen *s, struct app *a, wint_t ch, bool is_key,
                        enum key_action act)
{
    (void)ch;
    (void)is_key;
    struct regview *v = V(s);
    switch (act) {
    case ACT_UP:
        if (v->cur > 0)
            v->cur--;
        return UI_HANDLED;
    case ACT_DOWN:
        if (v->cur + 1 < count(v))
            v->cur++;
        return UI_HANDLED;
    case ACT_OPEN: {
        int64_t id = selected_id(v);
        if (id >= 0)
            app_push(a, assess_screen_new(a, id));
        return UI_HANDLED;
    }
    case ACT_REG_SORT:
        v->sort = (enum reg_sort)((v->sort + 1) % SORT_COUNT);
        reload(a, v);
        app_message(a, false, "%s", _(sorts[v->sort].chosen));
        return UI_HANDLED;
    case ACT_REG_STATUS:
        v->status = v->status + 1 >= ST_COUNT ? -1 : v->status + 1;
        v->cur = v->top = 0;
        reload(a, v);
        if (v->status < 0)
            app_message(a, false, "%s", _("Every status but archived."));
        else
            app_message(a, false, _("Only: %s."),
                        _(assess_status_label((enum assess_status)v->status)));
        return UI_HANDLED;
    case ACT_REG_OVERDUE:
        v->overdue = !v->overdue;
        v->cur = v->top = 0;
        return UI_HANDLED;
    case ACT_REG_EXPORT:
        ui_export_register(a, &v->r);
        return UI_HANDLED;
    case ACT_REG_CLOSE:
    case ACT_BACK:
        return UI_POP;
    default:
        return 0;
    }
}

static void register_resume(struct screen *s, struct app *a)
{
    a->saved[0] = '\0';
    reload(a, V(s));
}

static void register_destroy(struct screen *s)
{
    struct regview *v = V(s);
    reg_free(&v->r);
    free(v);
}

struct screen *register_screen_new(struct app *a)
{
    struct screen *s = xcalloc(1, sizeof *s);
    struct regview *v = xcalloc(1, sizeof *v);
    v->status = -1;
    v->sort = REG_SORT_DUE;
    s->title = _("Register of assessments");
    s->context = KC_REGISTER;
    s->draw = register_draw;
    s->handle_key = register_key;
    s->resume = register_resume;
    s->destroy = register_destroy;
    s->data = v;
    reload(a, v);
    return s;
}
