/* The risk register (with the heat maps) and the action plan, the
 * special pages of the assessment screen. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/date.h"
#include "core/fields.h"
#include "core/logic.h"
#include "core/workflow.h"
#include "ops/ops.h"
#include "store/store.h"
#include "ui/assess_view.h"
#include "ui/dialog.h"
#include "ui/draft.h"
#include "ui/form.h"
#include "ui/reader.h"
#include "ui/record_text.h"
#include "ui/term.h"
#include "util/text.h"
#include "util/xalloc.h"
#include "util/i18n.h"


/* A field's value as the status bar names it: its first line, cut to
 * fit, _("(none)") when empty. The caller frees. */
static char *field_shown(const struct field *f, const void *obj)
{
    char *t = field_text(f, obj);
    char *r = *t ? text_line_cut(t, 24, term_ellipsis()) : xstrdup(_("(none)"));
    free(t);
    return r;
}

/* Says in the status bar what the edit of a risk or measure changed:
 * the first field that changed, its new and old value, and how many
 * more changed. */
static void tell_fields(struct app *a, const char *what, const struct field *fields, size_t n,
                        const void *before, const void *after)
{
    const struct field *first = NULL;
    size_t changed = 0;
    for (size_t i = 0; i < n; i++) {
        if (field_same(&fields[i], before, after))
            continue;
        if (!first)
            first = &fields[i];
        changed++;
    }
    if (!first) {
        app_message(a, false, _("%s: nothing was changed."), what);
        return;
    }
    char *was = field_shown(first, before), *now = field_shown(first, after);
    if (changed == 1)
        app_message(a, false, _("%s: %s is now %s (was %s)."), what, first->name, now, was);
    else
        app_message(a, false,
                    P_("%s: %s is now %s (was %s); %zu more field changed.",
                       "%s: %s is now %s (was %s); %zu more fields changed.", changed - 1),
                    what, first->name, now, was, changed - 1);
    free(was);
    free(now);
}

static enum term_role level_role(const struct tmpl_method *m, int level)
{
    if (level < 0)
        return ROLE_DIM;
    if (m->levels[level].high)
        return ROLE_RISK_HIGH;
    return level == 0 ? ROLE_RISK_LOW : ROLE_RISK_MED;
}

static const char *level_name(const struct tmpl_method *m, int level)
{
    return level >= 0 ? m->levels[level].name : "-";
}

/* --- heat map ----------------------------------------------------------------- */

#define CELL_W 9

int heatmap_width(struct view *v)
{
    return 4 + assess_method(v->a)->nseverity * CELL_W;
}

int heatmap_height(struct view *v)
{
    return 3 + assess_method(v->a)->nlikelihood;
}

void heatmap_draw(struct view *v, int y, int x, int h, int w, bool after)
{
    const struct tmpl_method *m = assess_method(v->a);
    term_put(stdscr, y, x, w, term_attr(ROLE_HEADING),
             after ? _("After measures (residual)") : _("Before measures (inherent)"));
    /* Likelihood rows from the highest down, severity columns rising. */
    for (int l = m->nlikelihood; l >= 1; l--) {
        int row = y + 1 + (m->nlikelihood - l);
        if (row >= y + h - 1)
            break;
        char lab[8];
        /* TRANSLATORS: a row of the heat map: L and a level of likelihood;
           at most 3 columns. */
        snprintf(lab, sizeof lab, _("L%d"), l);
        term_put(stdscr, row, x, 3, term_attr(ROLE_DIM), lab);
        for (int s = 1; s <= m->nseverity; s++) {
            int level = m->matrix[l - 1][s - 1];
            struct buf ids = {0};
            for (size_t i = 0; i < v->a->nrisks; i++) {
                const struct risk *r = &v->a->risks[i];
                int rl = after ? r->likelihood_after : r->likelihood;
                int rs = after ? r->severity_after : r->severity;
                if (rl == l && rs == s)
                    buf_printf(&ids, "%sR%d", ids.len ? "," : "", r->number);
            }
            int cx = x + 4 + (s - 1) * CELL_W;
            attr_t at = term_has_color() ? term_attr(level_role(m, level)) | A_REVERSE
                                         : (m->levels[level].high ? A_REVERSE : A_NORMAL);
            term_fill(stdscr, row, cx, CELL_W - 1, at);
            const char *txt = ids.len ? buf_str(&ids) : (term_has_color() ? "" : "."),
                       *shown = txt;
            term_put(stdscr, row, cx, CELL_W - 1, at, shown);
            buf_free(&ids);
        }
    }
    int by = y + 1 + m->nlikelihood;
    if (by < y + h) {
        for (int s = 1; s <= m->nseverity; s++) {
            char lab[8];
            /* TRANSLATORS: a column of the heat map: S and a level of severity;
               at most 8 columns. */
            snprintf(lab, sizeof lab, _("S%d"), s);
            term_put(stdscr, by, x + 4 + (s - 1) * CELL_W, CELL_W - 1, term_attr(ROLE_DIM), lab);
        }
    }
}

/* True when the records cannot be changed (a decided revision, an
 * archived assessment, a read-only database): Enter then opens them to
 * read. */
static bool frozen(struct view *v, struct app *a)
{
    return store_is_read_only(a->store) || !wf_editable(v->a) ||
           !roles_may(v->a, store_who(a->store), RA_EDIT);
}

/* Home and End in a table: its first and last row (Home on the first
 * row is left to the screen: the first item of the section). */
static int table_end(struct view *v, enum key_action act, int n)
{
    if (n == 0 || (act == ACT_FIRST && v->row == 0))
        return 0;
    v->row = act == ACT_FIRST ? 0 : n - 1;
    return UI_HANDLED;
}

/* The whole title of the selected row of a table, when the table cuts
 * it, wrapped under the table from row y (at most three rows, before
 * maxy). Returns the row after it. */
static int selected_title(int y, int x, int maxy, int w, char letter, int number,
                          const char *title)
{
    if (maxy - y < 1)
        return y;
    char *line = xasprintf("%c%d  %s", letter, number, title);
    int rows = dialog_wrap(y, x, maxy - y < 3 ? maxy - y : 3, w, term_attr(ROLE_DIM), line);
    free(line);
    return y + rows;
}
/* "3/2 High", a score not yet given as "-" ("-/- -" for a risk not yet
 * scored after its measures). */
static void scores(char *out, size_t size, int likelihood, int severity, const char *level)
{
    char l[12] = "-", sv[12] = "-";
    if (likelihood > 0)
        snprintf(l, sizeof l, "%d", likelihood);
    if (severity > 0)
        snprintf(sv, sizeof sv, "%d", severity);
    snprintf(out, size, "%s/%s %s", l, sv, level);
}


/* --- risks ------------------------------------------------------------------------ */

void page_risks_draw(struct view *v, struct app *a, int y, int x, int h, int w)
{
    const struct tmpl_method *m = assess_method(v->a);
    int maxy = y + h;
    char line[512];
    snprintf(line, sizeof line, _("Risk register  (%s)"), m->name);
    term_put(stdscr, y++, x, w, A_BOLD, line);
    term_put(stdscr, y++, x, w, term_attr(ROLE_DIM),
             _("Each risk to the people concerned, scored before and after measures."));
    if (v->map) {
        y++;
        int hw = heatmap_width(v), hh = heatmap_height(v);
        heatmap_draw(v, y, x, hh, w, false);
        if (w >= 2 * hw + 4)
            heatmap_draw(v, y, x + hw + 4, hh, w - hw - 4, true);
        else
            heatmap_draw(v, y + hh, x, hh, w, true);
        return;
    }
    y++;
    attr_t hd = term_attr(ROLE_HEADING);
    int tw = w - 36;
    /* TRANSLATORS: column headers of the risk register; Id has 4 columns,
       Before L/S and After L/S 14 (L likelihood, S severity). */
    term_put(stdscr, y, x, 5, hd, _("Id"));
    term_put(stdscr, y, x + 5, tw, hd, _("Risk"));
    term_put(stdscr, y, x + 5 + tw + 1, 14, hd, _("Before L/S"));
    term_put(stdscr, y, x + 5 + tw + 16, 14, hd, _("After L/S"));
    y++;
    if (v->a->nrisks == 0)
        term_put(stdscr, y++, x, w, term_attr(ROLE_DIM), _("No risks yet: press a to add one."));
    if (v->row >= (int)v->a->nrisks)
        v->row = v->a->nrisks ? (int)v->a->nrisks - 1 : 0;
    for (size_t i = 0; i < v->a->nrisks && y < maxy - 1; i++, y++) {
        const struct risk *r = &v->a->risks[i];
        bool sel = (int)i == v->row;
        attr_t base = sel ? term_attr(ROLE_SELECTED) : A_NORMAL;
        term_fill(stdscr, y, x, w, base);
        snprintf(line, sizeof line, "R%d", r->number);
        term_put(stdscr, y, x, 5, base, line);
        term_put(stdscr, y, x + 5, tw, base, r->title);
        int before = logic_risk_inherent(v->a, r);
        int after = logic_risk_level(m, r->likelihood_after, r->severity_after);
        scores(line, sizeof line, r->likelihood, r->severity, level_name(m, before));
        term_put(stdscr, y, x + 5 + tw + 1, 14, sel ? base : term_attr(level_role(m, before)), line);
        scores(line, sizeof line, r->likelihood_after, r->severity_after, level_name(m, after));
        term_put(stdscr, y, x + 5 + tw + 16, 14, sel ? base : term_attr(level_role(m, after)), line);
    }
    if (v->a->nrisks && text_width(v->a->risks[v->row].title) > tw)
        y = selected_title(y + 1, x, maxy - 1, w, 'R', v->a->risks[v->row].number,
                           v->a->risks[v->row].title);
    /* The heat maps below the table when there is room. */
    int hh = heatmap_height(v), hw = heatmap_width(v);
    if (maxy - y >= hh + 1 && w >= 2 * hw + 4) {
        heatmap_draw(v, maxy - hh, x, hh, hw, false);
        heatmap_draw(v, maxy - hh, x + hw + 4, hh, hw, true);
    } else {
        term_put(stdscr, maxy - 1, x, w, term_attr(ROLE_DIM), _("m shows the heat maps"));
    }
}

/* The form of a risk, into *r; true when there is something to save
 * (prefilled: what *r holds already, even when the form is closed
 * untouched: an entry of the catalogue, or what was typed before a
 * failed save). d: its draft ("risk:new", "risk:ID"). */
static bool risk_form(struct app *a, struct view *v, struct risk *r, const char *title,
                      bool prefilled, struct draft *d)
{
    /* The fields of the risk table (core/fields.h), the title first. */
    struct form_field f[64];
    const struct field *src[64];
    int n = form_from_table(v->a, risk_fields, nrisk_fields, r, f, src);
    bool untouched;
    bool ok = form_run_ex(a, title, f, n, &untouched, d) || (prefilled && untouched);
    bool keep = ok || (a->quitting && f[0].value && *f[0].value);
    if (keep)
        form_to_table(f, src, n, v->a, r);
    form_table_free(f, src, n);
    return keep;
}

int page_risks_key(struct view *v, struct app *a, wint_t ch, bool is_key, enum key_action act)
{
    struct err e;
    int n = (int)v->a->nrisks;
    switch (act) {
    case ACT_UP:
    case ACT_DOWN:
        return view_move_row(v, act, n);
    case ACT_FIRST:
    case ACT_LAST:
        return table_end(v, act, n);
    case ACT_MAP:
        v->map = !v->map;
        return UI_HANDLED;
    case ACT_ADD:
    case ACT_CATALOGUE: {
        if (view_read_only(v, a) || !view_may(v, a, RA_EDIT))
            return UI_HANDLED;
        struct risk r;
        memset(&r, 0, sizeof r);
        if (act == ACT_CATALOGUE && !ui_catalogue_risk(a, &r)) {
            assess_risk_clear(&r);
            return UI_HANDLED;
        }
        struct draft d;
        draft_init(&d, v->id, "risk:new");
        bool saved = false, retry = false;
        /* A failed save opens the form again with what was typed (Esc
         * there tries again). */
        while (!saved && risk_form(a, v, &r,
                                   act == ACT_CATALOGUE ? _("New risk from the catalogue") : _("New risk"),
                                   act == ACT_CATALOGUE || retry, &d)) {
            if (ops_add_risk(a->store, v->a, &r, &e) < 0) {
                app_message(a, true, "%s", e.text);
                if (!dialog_save_failed(a, e.text))
                    break;
                retry = true;
            } else {
                saved = true;
                app_message(a, false, _("Risk R%d added."), r.number);
                v->row = (int)v->a->nrisks - 1;
            }
        }
        draft_finish(a, &d, saved);
        draft_free(&d);
        assess_risk_clear(&r);
        return UI_HANDLED;
    }
    case ACT_OPEN: {
        if (n > 0 && frozen(v, a)) {
            if (!view_read_only(v, a))
                view_may(v, a, RA_EDIT); /* says why, under the text */
            const struct risk *fr = &v->a->risks[v->row];
            char *text = record_text_risk(v->a, fr);
            char title[64];
            snprintf(title, sizeof title, _("Risk R%d"), fr->number);
            reader_show(a, title, text);
            free(text);
            return UI_HANDLED;
        }
        if (n == 0 || view_read_only(v, a) || !view_may(v, a, RA_EDIT))
            return UI_HANDLED;
        struct risk r, before;
        assess_risk_copy(&r, &v->a->risks[v->row]);
        assess_risk_copy(&before, &r);
        char title[64];
        snprintf(title, sizeof title, _("Risk R%d"), r.number);
        struct draft d;
        draft_init(&d, v->id, "risk:%lld", (long long)r.id);
        int rc = -1;
        bool retry = false;
        while (rc == -1 && risk_form(a, v, &r, title, retry, &d)) {
            rc = ops_update_risk(a->store, v->a, &r, &e);
            if (view_conflict(v, a, rc, &e))
                rc = ops_update_risk(a->store, v->a, &r, &e);
            if (rc < 0 && rc != STORE_CONFLICT) {
                app_message(a, true, "%s", e.text);
                if (!dialog_save_failed(a, e.text))
                    break;
                rc = -1;
                retry = true;
            } else if (rc == 0) {
                tell_fields(a, title, risk_fields, nrisk_fields, &before, &r);
            }
        }
        draft_finish(a, &d, rc == 0);
        draft_free(&d);
        assess_risk_clear(&r);
        assess_risk_clear(&before);
        return UI_HANDLED;
    }
    case ACT_DELETE: {
        if (n == 0 || view_read_only(v, a) || !view_may(v, a, RA_EDIT))
            return UI_HANDLED;
        const struct risk *r = &v->a->risks[v->row];
        char q[512];
        snprintf(q, sizeof q, _("Delete risk R%d \"%s\"?"), r->number, r->title);
        int64_t id = r->id;
        if (dialog_confirm(a, _("Delete risk"), q)) {
            int number = r->number;
            int rc = ops_delete_risk(a->store, v->a, id, &e);
            if (view_conflict(v, a, rc, &e))
                rc = ops_delete_risk(a->store, v->a, id, &e);
            if (rc < 0 && rc != STORE_CONFLICT)
                app_message(a, true, "%s", e.text);
            else if (rc == 0)
                app_message(a, false, _("Risk R%d deleted; U brings it back."), number);
        }
        return UI_HANDLED;
    }
    default:
        return 0;
    }
}

/* --- measures ------------------------------------------------------------------- */

static void today(char out[11])
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}

void page_measures_draw(struct view *v, struct app *a, int y, int x, int h, int w)
{
    int maxy = y + h;
    char line[512], now[11];
    today(now);
    term_put(stdscr, y++, x, w, A_BOLD, _("Measures and action plan"));
    term_put(stdscr, y++, x, w, term_attr(ROLE_DIM),
             _("What reduces each risk: who does it, by when, and where it stands."));
    y++;
    attr_t hd = term_attr(ROLE_HEADING);
    /* Columns: id 5, measure (the rest, at least 16), owner, due 11,
     * status (its longest label, down to 12 when the measure's title
     * would have less than 16), risks (what is left); the owner narrows
     * first. */
    int sw = 12;
    for (int i = 0; i < MS_COUNT; i++) {
        int lw = (int)text_width(_(measure_status_label((enum measure_status)i)));
        sw = lw > sw ? lw : sw;
    }
    int ow = w - 5 - 16 - 1 - 11 - 1 - 12 - 1 - 8;
    ow = ow > 14 ? 14 : ow < 6 ? 6 : ow;
    int rw = 10;
    if (w - 5 - ow - 1 - 11 - 1 - sw - 1 - rw - 1 < 16)
        sw = 12;
    int tw = w - 5 - ow - 1 - 11 - 1 - sw - 1 - rw - 1;
    if (tw < 8) {
        /* Narrow (80 columns): the owner goes (it is in the form), so
         * that the risks each measure addresses stay readable. */
        tw += ow + 1;
        ow = 0;
    }
    if (tw < 8) {
        rw -= 8 - tw;
        tw = 8;
    }
    int xo = x + 5 + tw + 1, xd = ow ? xo + ow + 1 : xo, xs = xd + 12, xr = xs + sw + 1;
    /* TRANSLATORS: column headers of the measures; Due has 11 columns. */
    term_put(stdscr, y, x, 5, hd, _("Id"));
    term_put(stdscr, y, x + 5, tw, hd, _("Measure"));
    term_put(stdscr, y, xo, ow, hd, _("Owner"));
    term_put(stdscr, y, xd, 11, hd, _("Due"));
    term_put(stdscr, y, xs, sw, hd, _("Status"));
    term_put(stdscr, y, xr, rw, hd, _("Risks"));
    y++;
    if (v->a->nmeasures == 0)
        term_put(stdscr, y++, x, w, term_attr(ROLE_DIM), _("No measures yet: press a to add one."));
    if (v->row >= (int)v->a->nmeasures)
        v->row = v->a->nmeasures ? (int)v->a->nmeasures - 1 : 0;
    for (size_t i = 0; i < v->a->nmeasures && y < maxy; i++, y++) {
        const struct measure *m = &v->a->measures[i];
        bool sel = (int)i == v->row;
        attr_t base = sel ? term_attr(ROLE_SELECTED) : A_NORMAL;
        term_fill(stdscr, y, x, w, base);
        snprintf(line, sizeof line, "M%d", m->number);
        term_put(stdscr, y, x, 5, base, line);
        term_put(stdscr, y, x + 5, tw, base, m->title);
        term_put(stdscr, y, xo, ow, base, m->owner);
        bool overdue = m->due[0] && strcmp(m->due, now) < 0 && m->status != MS_DONE &&
                       m->status != MS_DROPPED;
        char shown[DATE_DISPLAY_SIZE];
        snprintf(line, sizeof line, "%s%s", date_display(m->due, i18n_ui_lang(), shown),
                 overdue ? "!" : "");
        term_put(stdscr, y, xd, 11, overdue && !sel ? term_attr(ROLE_RISK_HIGH) : base, line);
        term_put(stdscr, y, xs, sw, base, _(measure_status_label(m->status)));
        struct buf rs = {0};
        for (size_t k = 0; k < m->nrisks; k++)
            buf_printf(&rs, "%sR%d", k ? "," : "", m->risks[k]);
        term_put(stdscr, y, xr, rw, base, buf_str(&rs));
        buf_free(&rs);
    }
    if (v->a->nmeasures && text_width(v->a->measures[v->row].title) > tw)
        selected_title(y + 1, x, maxy, w, 'M', v->a->measures[v->row].number,
                       v->a->measures[v->row].title);
}

/* The form of a measure, into *m; true when there is something to
 * save (prefilled as for risk_form). d: its draft ("measure:new",
 * "measure:ID"). */
static bool measure_form(struct app *a, struct view *v, struct measure *m, const char *title,
                         bool prefilled, struct draft *d)
{
    int nr = (int)v->a->nrisks;
    int *ids = xcalloc((size_t)nr + 1, sizeof *ids);
    bool *flags = xcalloc((size_t)nr + 1, sizeof *flags);
    for (int i = 0; i < nr; i++) {
        ids[i] = v->a->risks[i].number;
        for (size_t k = 0; k < m->nrisks; k++)
            if (m->risks[k] == ids[i])
                flags[i] = true;
    }
    /* The fields of the measure table (core/fields.h), the title first,
     * then the risks it addresses. */
    struct form_field f[64];
    const struct field *src[64];
    int n = form_from_table(v->a, measure_fields, nmeasure_fields, m, f, src);
    int due = -1;
    for (int i = 0; i < n; i++)
        if (src[i]->role == FR_DATE)
            due = i;
    src[n] = NULL;
    f[n++] = (struct form_field){ .label = _("Risks addressed"), .kind = FK_FLAGS, .flag_ids = ids,
                                  .nflag_ids = nr, .flags = flags, .flag_prefix = "R" };
    bool untouched;
    bool ok = form_run_ex(a, title, f, n, &untouched, d) || (prefilled && untouched);
    /* Leaving (a signal, the end of input): keep what can be kept. */
    char iso[DATE_ISO_SIZE];
    if (!ok && a->quitting && f[0].value && *f[0].value &&
        (due < 0 || ops_date(f[due].value, iso, NULL) == 0))
        ok = true;
    if (ok) {
        form_to_table(f, src, n - 1, v->a, m);
        free(m->risks);
        m->risks = xcalloc((size_t)nr + 1, sizeof *m->risks);
        m->nrisks = 0;
        for (int i = 0; i < nr; i++)
            if (flags[i])
                m->risks[m->nrisks++] = ids[i];
    }
    form_table_free(f, src, n);
    free(ids);
    free(flags);
    return ok;
}

int page_measures_key(struct view *v, struct app *a, wint_t ch, bool is_key,
                      enum key_action act)
{
    struct err e;
    int n = (int)v->a->nmeasures;
    switch (act) {
    case ACT_UP:
    case ACT_DOWN:
        return view_move_row(v, act, n);
    case ACT_FIRST:
    case ACT_LAST:
        return table_end(v, act, n);
    case ACT_ADD:
    case ACT_CATALOGUE: {
        if (view_read_only(v, a) || !view_may(v, a, RA_EDIT))
            return UI_HANDLED;
        struct measure m;
        memset(&m, 0, sizeof m);
        if (act == ACT_CATALOGUE && !ui_catalogue_measure(a, v->a, &m)) {
            assess_measure_clear(&m);
            return UI_HANDLED;
        }
        struct draft d;
        draft_init(&d, v->id, "measure:new");
        bool saved = false, retry = false;
        /* A failed save opens the form again with what was typed (Esc
         * there tries again). */
        while (!saved && measure_form(a, v, &m,
                                      act == ACT_CATALOGUE ? _("New measure from the catalogue")
                                                           : _("New measure"),
                                      act == ACT_CATALOGUE || retry, &d)) {
            if (ops_add_measure(a->store, v->a, &m, &e) < 0) {
                app_message(a, true, "%s", e.text);
                if (!dialog_save_failed(a, e.text))
                    break;
                retry = true;
            } else {
                saved = true;
                v->row = (int)v->a->nmeasures - 1;
            }
        }
        draft_finish(a, &d, saved);
        draft_free(&d);
        assess_measure_clear(&m);
        return UI_HANDLED;
    }
    case ACT_OPEN: {
        if (n > 0 && frozen(v, a)) {
            if (!view_read_only(v, a))
                view_may(v, a, RA_EDIT); /* says why, under the text */
            const struct measure *fm = &v->a->measures[v->row];
            char *text = record_text_measure(v->a, fm);
            char title[64];
            snprintf(title, sizeof title, _("Measure M%d"), fm->number);
            reader_show(a, title, text);
            free(text);
            return UI_HANDLED;
        }
        if (n == 0 || view_read_only(v, a) || !view_may(v, a, RA_EDIT))
            return UI_HANDLED;
        struct measure m, before;
        assess_measure_copy(&m, &v->a->measures[v->row]);
        assess_measure_copy(&before, &m);
        char title[64];
        snprintf(title, sizeof title, _("Measure M%d"), m.number);
        struct draft d;
        draft_init(&d, v->id, "measure:%lld", (long long)m.id);
        int rc = -1;
        bool retry = false;
        while (rc == -1 && measure_form(a, v, &m, title, retry, &d)) {
            rc = ops_update_measure(a->store, v->a, &m, &e);
            if (view_conflict(v, a, rc, &e))
                rc = ops_update_measure(a->store, v->a, &m, &e);
            if (rc < 0 && rc != STORE_CONFLICT) {
                app_message(a, true, "%s", e.text);
                if (!dialog_save_failed(a, e.text))
                    break;
                rc = -1;
                retry = true;
            } else if (rc == 0) {
                tell_fields(a, title, measure_fields, nmeasure_fields, &before, &m);
            }
        }
        draft_finish(a, &d, rc == 0);
        draft_free(&d);
        assess_measure_clear(&m);
        assess_measure_clear(&before);
        return UI_HANDLED;
    }
    case ACT_DELETE: {
        if (n == 0 || view_read_only(v, a) || !view_may(v, a, RA_EDIT))
            return UI_HANDLED;
        const struct measure *m = &v->a->measures[v->row];
        char q[512];
        snprintf(q, sizeof q, _("Delete measure M%d \"%s\"?"), m->number, m->title);
        int64_t id = m->id;
        if (dialog_confirm(a, _("Delete measure"), q)) {
            int number = m->number;
            int rc = ops_delete_measure(a->store, v->a, id, &e);
            if (view_conflict(v, a, rc, &e))
                rc = ops_delete_measure(a->store, v->a, id, &e);
            if (rc < 0 && rc != STORE_CONFLICT)
                app_message(a, true, "%s", e.text);
            else if (rc == 0)
                app_message(a, false, _("Measure M%d deleted; U brings it back."), number);
        }
        return UI_HANDLED;
    }
    default:
        return 0;
    }
}
