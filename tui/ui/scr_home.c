/* The home screen: every assessment with its status, progress, highest
 * residual risk, review date and last change; create, open, duplicate,
 * archive, delete, export, search and sort; the register (scr_register.c). */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "io/io.h"
#include "core/date.h"
#include "ops/ops.h"
#include "store/store.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/export.h"
#include "ui/term.h"
#include "util/text.h"
#include "util/xalloc.h"
#include "util/i18n.h"

/* The sort orders, in the order s goes through them (that of enum
 * store_sort): what the line under the list says, and the message when
 * s chooses it. */
static const struct {
    const char *shown;
    const char *chosen;
} sorts[] = {
    { N_("sorted by last change"), N_("Sorted by last change, the latest first.") },
    { N_("sorted by title"), N_("Sorted by title.") },
    { N_("sorted by status"), N_("Sorted by status.") },
    { N_("sorted by risk"), N_("Sorted by risk, the highest first.") },
    { N_("sorted by review date"),
      N_("Sorted by review date, the nearest first; those without one last.") },
};
#define SORT_COUNT (sizeof sorts / sizeof sorts[0])
_Static_assert(SORT_COUNT == STORE_SORT_REVIEW + 1, "a sort order without its words");

/* The legend of the mark after a review date that has passed. */
/* TRANSLATORS: the legend of the mark "!" after a review date; the "!" stays. */
static const char overdue_legend[] = N_("! review overdue");

/* Only the rows on screen (and a margin) are read from the store: a
 * database of ten thousand assessments costs no more memory than one of
 * twenty. cur and top are positions in the whole filtered, sorted list;
 * page holds rows [page_from, page_from + page.count). */
struct home {
    struct store_list page;
    size_t page_from;
    size_t total;        /* rows matching the filter */
    size_t all;          /* rows without a filter (for "empty database") */
    size_t cur;
    size_t top;
    enum store_sort sort;
    bool show_archived;
    char filter[128];
    struct ops_live live;  /* the database, changed by other sessions */
    /* What waits for the person using dpia (core/roles.h): marked in
     * the list, counted in the title bar, listed by w. */
    struct waiting_row *wait;
    size_t nwait;
};

static struct home *H(struct screen *s)
{
    return s->data;
}

/* The visible rows: LINES - 4 of them. */
static size_t visible_rows(void)
{
    return LINES > 4 ? (size_t)(LINES - 4) : 1;
}

/* Reads the page that holds rows [top, top + rows). */
static void fetch(struct app *a, struct home *h, size_t rows)
{
    struct err e;
    store_list_free(&h->page);
    struct store_query q = { h->show_archived, h->sort, h->filter, h->top, rows };
    if (store_list_page(a->store, &q, &h->page, &h->total, &e) < 0) {
        app_message(a, true, "%s", e.text);
        h->total = 0;
    }
    h->page_from = h->top;
    if (!h->filter[0])
        h->all = h->total;
}

static const struct store_summary *current(struct home *h)
{
    if (h->cur < h->page_from || h->cur >= h->page_from + h->page.count)
        return NULL;
    return &h->page.items[h->cur - h->page_from];
}

/* After a change the selected assessment may have moved (sorted by last
 * change, it goes to the top): look for it on the current page, then
 * on the first. */
static void reselect(struct app *a, struct home *h, int64_t id)
{
    for (int pass = 0; pass < 2 && id >= 0; pass++) {
        if (pass == 1) {
            h->top = 0;
            fetch(a, h, visible_rows());
        }
        for (size_t i = 0; i < h->page.count; i++)
            if (h->page.items[i].id == id) {
                h->cur = h->page_from + i;
                return;
            }
    }
}

/* What waits for the person, read again with the list. */
static void read_waiting(struct app *a, struct home *h)
{
    struct err e;
    waiting_free(h->wait, h->nwait);
    h->wait = NULL;
    h->nwait = 0;
    if (ops_waiting(a->store, &h->wait, &h->nwait, &e) < 0)
        app_message(a, true, "%s", e.text);
}

static bool waits(const struct home *h, int64_t id)
{
    for (size_t i = 0; i < h->nwait; i++)
        if (h->wait[i].id == id)
            return true;
    return false;
}

static void reload(struct screen *s, struct app *a)
{
    struct home *h = H(s);
    read_waiting(a, h);
    const struct store_summary *it = current(h);
    int64_t keep = it ? it->id : -1;
    /* Read once: the draw that follows uses this page. */
    fetch(a, h, visible_rows());
    reselect(a, h, keep);
    if (h->filter[0]) {
        /* Whether the database is empty, whatever the filter says. */
        struct store_list none;
        struct store_query q = { true, STORE_SORT_CHANGED, "", 0, 0 };
        struct err e;
        if (store_list_page(a->store, &q, &none, &h->all, &e) == 0)
            store_list_free(&none);
    }
}

static void ensure_page(struct app *a, struct home *h)
{
    size_t rows = visible_rows();
    if (h->total && h->cur >= h->total)
        h->cur = h->total - 1;
    if (h->cur < h->top)
        h->top = h->cur;
    if (h->cur >= h->top + rows)
        h->top = h->cur - rows + 1;
    size_t want = h->total < h->top + rows ? h->total : h->top + rows;
    if (h->top < h->page_from || want > h->page_from + h->page.count)
        fetch(a, h, rows);
    if (h->total && h->cur >= h->total) {
        h->cur = h->total - 1;
        if (h->cur < h->top)
            h->top = h->cur;
        fetch(a, h, rows);
    }
}

static void today(char out[11])
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}

static void draw_empty(struct app *a)
{
    int y = 3;
    term_put(stdscr, y++, 4, COLS - 8, term_attr(ROLE_HEADING), _("No assessments yet."));
    y++;
    /* Wrapped, whatever the language makes of its length. */
    char *what = xasprintf("%s %s", _("Press n to start a new assessment on a template you choose,"),
                           _("or x to load the worked example (a streaming service's \"viewing factoids\" campaign)."));
    y = dialog_wrap_to(y, 4, LINES - 2, COLS - 8, A_NORMAL, what) + 1;
    free(what);
    char *line = xasprintf(_("Database: %s"), a->opt->db_path);
    y = dialog_wrap_to(y, 4, LINES - 2, COLS - 8, term_attr(ROLE_DIM), line);
    free(line);
    y = dialog_wrap_to(y, 4, LINES - 2, COLS - 8, term_attr(ROLE_DIM),
                       _("Press ? for every key, q to quit."));
}

/* The whole title of the selected assessment when its column cuts it:
 * on the line below the list, after what info (drawn there) says and
 * before the room kept at the right end (the legend's). */
static void selected_title(const char *info, const char *title, int keep)
{
    int x = 1 + text_width(info) + 2;
    char *line = xasprintf("%s %s", term_has_utf8() ? "\xC2\xB7" : "-", title);
    term_put(stdscr, LINES - 2, x, COLS - 1 - x - keep, term_attr(ROLE_DIM), line);
    free(line);
}

static void home_draw(struct screen *s, struct app *a)
{
    struct home *h = H(s);
    ensure_page(a, h);
    /* What waits for you, counted in the title bar; each marked (the
     * mark at the left of its row). */
    if (h->nwait)
        snprintf(a->title_extra, sizeof a->title_extra,
                 /* TRANSLATORS: in the title bar of the list; the mark (a
                    guillemet, or > without UTF-8) and the key w stay. */
                 P_("%s %zu waits for you (w)", "%s %zu wait for you (w)", h->nwait),
                 term_has_utf8() ? "\xC2\xBB" : ">", h->nwait);
    else
        a->title_extra[0] = '\0';
    if (h->all == 0 && h->total == 0 && !h->filter[0] && !h->show_archived) {
        draw_empty(a);
        return;
    }
    /* The title gets what the other columns leave; on a narrow terminal
     * the status is cut and the last change is left out. */
    int wide = COLS - 2;
    bool narrow = COLS < 110;
    int w_status = narrow ? 16 : 26, w_prog = 6, w_risk = 8, w_review = 12;
    int w_changed = narrow ? 0 : 11;
    int w_title = wide - w_status - w_prog - w_risk - w_review - w_changed - (narrow ? 4 : 5);
    int x_status = 1 + w_title + 1, x_prog = x_status + w_status + 1;
    int x_risk = x_prog + w_prog + 1, x_review = x_risk + w_risk + 1;
    int x_changed = x_review + w_review + 1;
    attr_t hd = term_attr(ROLE_HEADING);
    /* TRANSLATORS: column headers of the list of assessments; Done has 6
       columns, Risk 8, Review 12, Changed 11. */
    term_put(stdscr, 1, 1, w_title, hd, _("Title"));
    term_put(stdscr, 1, x_status, w_status, hd, _("Status"));
    term_put(stdscr, 1, x_prog, w_prog, hd, _("Done"));
    term_put(stdscr, 1, x_risk, w_risk, hd, _("Risk"));
    term_put(stdscr, 1, x_review, w_review, hd, _("Review"));
    if (w_changed)
        term_put(stdscr, 1, x_changed, w_changed, hd, _("Changed"));
    char info[256];
    int used = snprintf(info, sizeof info,
                        h->show_archived ? _("%zu of %zu (with archived)") : _("%zu of %zu"),
                        h->total ? h->cur + 1 : 0, h->total);
    if (used >= 0 && (size_t)used < sizeof info)
        used += snprintf(info + used, sizeof info - (size_t)used, "  %s",
                         _(sorts[h->sort].shown));
    if (h->filter[0] && used >= 0 && (size_t)used < sizeof info)
        snprintf(info + used, sizeof info - (size_t)used, _("  filter: %s"), h->filter);
    /* The legend of "!" at the right end of the line, when one shows. */
    const char *legend = _(overdue_legend);
    int w_legend = text_width(legend);
    term_put(stdscr, LINES - 2, 1, COLS - 2 - w_legend - 2, term_attr(ROLE_DIM), info);
    bool any_overdue = false;
    const char *cut_title = NULL; /* the selected one, when its column cuts it */

    int rows = (int)visible_rows();
    char now[11];
    today(now);
    for (int i = 0; i < rows && h->top + (size_t)i < h->total; i++) {
        size_t k = h->top + (size_t)i;
        if (k < h->page_from || k >= h->page_from + h->page.count)
            break;
        const struct store_summary *it = &h->page.items[k - h->page_from];
        int y = 2 + i;
        bool sel = k == h->cur;
        attr_t base = sel ? term_attr(ROLE_SELECTED) : A_NORMAL;
        term_fill(stdscr, y, 0, COLS, base);
        if (waits(h, it->id))
            term_put(stdscr, y, 0, 1, sel ? base : term_attr(ROLE_KEY),
                     term_has_utf8() ? "\xC2\xBB" : ">");
        term_put(stdscr, y, 1, w_title, base, it->title);
        if (sel && text_width(it->title) > w_title)
            cut_title = it->title;
        term_put(stdscr, y, x_status, w_status, base, _(assess_status_label(it->status)));
        char pct[16];
        snprintf(pct, sizeof pct, "%3d%%", it->percent);
        term_put(stdscr, y, x_prog, w_prog, base, pct);
        enum term_role rr = !it->highest_name[0] ? ROLE_DIM
                          : it->highest_is_high ? ROLE_RISK_HIGH
                          : it->highest_level == 0 ? ROLE_RISK_LOW : ROLE_RISK_MED;
        term_put(stdscr, y, x_risk, w_risk, sel ? base : term_attr(rr),
                 it->highest_name[0] ? it->highest_name : "-");
        bool overdue = it->review_date[0] && strcmp(it->review_date, now) < 0;
        any_overdue |= overdue;
        char review[32];
        char shown[DATE_DISPLAY_SIZE];
        snprintf(review, sizeof review, "%s%s",
                 it->review_date[0] ? date_display(it->review_date, i18n_ui_lang(), shown) : "-",
                 overdue ? "!" : "");
        term_put(stdscr, y, x_review, w_review, overdue && !sel ? term_attr(ROLE_RISK_HIGH) : base,
                 review);
        char changed[32];
        time_t t = (time_t)it->updated;
        struct tm tm;
        localtime_r(&t, &tm);
        strftime(changed, sizeof changed, "%Y-%m-%d", &tm);
        if (w_changed)
            term_put(stdscr, y, x_changed, w_changed, base,
                     date_display(changed, i18n_ui_lang(), shown));
    }
    if (cut_title)
        selected_title(info, cut_title, any_overdue ? w_legend + 2 : 0);
    if (any_overdue)
        term_put(stdscr, LINES - 2, COLS - 1 - w_legend, w_legend, term_attr(ROLE_RISK_HIGH),
                 legend);
}

static void create(struct screen *s, struct app *a)
{
    struct io_catalog cat;
    io_catalog_load(&cat);
    const char **names = xcalloc(cat.count + 1, sizeof *names);
    const char **details = xcalloc(cat.count + 1, sizeof *details);
    size_t *map = xcalloc(cat.count + 1, sizeof *map);
    int n = 0;
    char **owned = xcalloc(cat.count + 1, sizeof *owned);
    for (size_t i = 0; i < cat.count; i++) {
        if (!cat.items[i].tmpl)
            continue;
        owned[n] = xasprintf("%s (%s, %s)", cat.items[i].tmpl->title, cat.items[i].tmpl->id,
                             _(io_source_name(cat.items[i].source)));
        names[n] = owned[n];
        details[n] = cat.items[i].tmpl->description;
        map[n++] = i;
    }
    int pick = n == 1 ? 0 : dialog_pick(a, _("Template"), names, details, n, 0);
    const struct io_template *it = pick >= 0 ? &cat.items[map[pick]] : NULL;
    const char *method = NULL;
    if (it && it->tmpl->nmethods > 1) {
        const struct tmpl *t = it->tmpl;
        const char **mn = xcalloc(t->nmethods, sizeof *mn);
        const char **md = xcalloc(t->nmethods, sizeof *md);
        for (size_t i = 0; i < t->nmethods; i++) {
            mn[i] = t->methods[i].name;
            md[i] = t->methods[i].description;
        }
        int m = dialog_pick(a, _("Risk method"), mn, md, (int)t->nmethods, (int)t->default_method);
        method = m >= 0 ? t->methods[m].id : NULL;
        free(mn);
        free(md);
        if (m < 0)
            it = NULL;
    }
    const char *lang = it ? dialog_pick_lang(a, it->tmpl, i18n_ui_lang()) : NULL;
    if (!lang)
        it = NULL;
    char *title = it ? dialog_line(a, _("New assessment"),
                                   _("Title (the processing being assessed):"), "") : NULL;
    if (title && *title) {
        struct err e;
        int64_t id = ops_create(a->store, title, it->xml, it->xml_len, method, lang, &e);
        if (id < 0) {
            app_message(a, true, "%s", e.text);
        } else {
            reload(s, a);
            app_push(a, assess_screen_new(a, id));
        }
    } else if (title) {
        app_message(a, true, _("An assessment needs a title; nothing was created."));
    }
    free(title);
    for (int i = 0; i < n; i++)
        free(owned[i]);
    free(owned);
    free(names);
    free(details);
    free(map);
    io_catalog_free(&cat);
}

static int home_key(struct screen *s, struct app *a, wint_t ch, bool is_key,
                    enum key_action act)
{
    struct home *h = H(s);
    ensure_page(a, h);
    /* A copy: dialogs redraw the list, which reads its page again. */
    const struct store_summary *cur = current(h);
    struct store_summary copy;
    char title[256] = "";
    if (cur) {
        copy = *cur;
        snprintf(title, sizeof title, "%s", cur->title);
        copy.title = title;
    }
    const struct store_summary *it = cur ? &copy : NULL;
    struct err e;
    switch (act) {
    case ACT_UP:
        if (h->cur > 0)
            h->cur--;
        return UI_HANDLED;
    case ACT_DOWN:
        if (h->cur + 1 < h->total)
            h->cur++;
        return UI_HANDLED;
    case ACT_OPEN:
        if (it)
            app_push(a, assess_screen_new(a, it->id));
        return UI_HANDLED;
    case ACT_NEW:
        create(s, a);
        return UI_HANDLED;
    case ACT_DUPLICATE:
        if (it) {
            int64_t id = ops_duplicate(a->store, it->id, &e);
            if (id < 0)
                app_message(a, true, "%s", e.text);
            else
                app_message(a, false, _("Duplicated as a new draft."));
            reload(s, a);
        }
        return UI_HANDLED;
    case ACT_ARCHIVE:
        if (it) {
            struct assessment *as = store_load_flags(a->store, it->id, STORE_LOAD_NO_HISTORY, &e);
            bool archive = it->status != ST_ARCHIVED;
            if (!as || (archive ? ops_archive(a->store, as, &e) : ops_restore(a->store, as, &e)) < 0)
                app_message(a, true, "%s", e.text);
            else
                app_message(a, false,
                            archive ? _("Archived (A shows archived).") : _("Back from the archive: %s."),
                            _(assess_status_label(as->status)));
            assess_free(as);
            reload(s, a);
        }
        return UI_HANDLED;
    case ACT_DELETE:
        if (it) {
            char q[512];
            snprintf(q, sizeof q, _("Delete \"%s\" and all its answers, risks, measures and "
                       "history? This cannot be undone."), it->title);
            if (dialog_confirm(a, _("Delete"), q)) {
                if (ops_delete(a->store, it->id, &e) < 0)
                    app_message(a, true, "%s", e.text);
                else
                    app_message(a, false, _("Deleted."));
                reload(s, a);
            }
        }
        return UI_HANDLED;
    case ACT_SEARCH: {
        char *f = dialog_line(a, _("Search"), _("Show assessments whose title contains:"), h->filter);
        if (f) {
            snprintf(h->filter, sizeof h->filter, "%s", f);
            free(f);
            h->cur = h->top = 0;
            reload(s, a);
        }
        return UI_HANDLED;
    }
    case ACT_SORT:
        h->sort = (enum store_sort)((h->sort + 1) % SORT_COUNT);
        h->cur = h->top = 0;
        reload(s, a);
        app_message(a, false, "%s", _(sorts[h->sort].chosen));
        return UI_HANDLED;
    case ACT_ALL:
        h->show_archived = !h->show_archived;
        reload(s, a);
        return UI_HANDLED;
    case ACT_EXPORT:
        if (it)
            ui_export(a, it->id);
        return UI_HANDLED;
    case ACT_REGISTER:
        app_push(a, register_screen_new(a));
        return UI_HANDLED;
    case ACT_WAITING: {
        read_waiting(a, h);
        if (!h->nwait) {
            app_message(a, false, _("Nothing waits for you."));
            return UI_HANDLED;
        }
        const char **items = xcalloc(h->nwait, sizeof *items);
        char **details = xcalloc(h->nwait, sizeof *details);
        for (size_t i = 0; i < h->nwait; i++) {
            items[i] = h->wait[i].title;
            details[i] = waiting_text(waiting_for(&h->wait[i]), h->wait[i].open_threads);
        }
        int pick = dialog_pick(a, _("Waiting for you"), items, (const char *const *)details,
                               (int)h->nwait, 0);
        int64_t id = pick >= 0 ? h->wait[pick].id : -1;
        for (size_t i = 0; i < h->nwait; i++)
            free(details[i]);
        free(details);
        free(items);
        if (id > 0)
            app_push(a, assess_screen_new(a, id));
        return UI_HANDLED;
    }
    case ACT_EXAMPLE: {
        int64_t id = ui_load_example(a);
        if (id > 0) {
            reload(s, a);
            app_push(a, assess_screen_new(a, id));
        }
        return UI_HANDLED;
    }
    default:
        return 0;
    }
}

static void home_resume(struct screen *s, struct app *a)
{
    a->saved[0] = '\0';
    reload(s, a);
    ops_live_start(a->store, &H(s)->live, 0);
}

/* The list follows what other sessions change, without a key. */
static bool home_watch(struct screen *s, struct app *a)
{
    char *msg = NULL;
    int r = ops_live_poll(a->store, &H(s)->live, NULL, false, &msg);
    free(msg);
    if (r != OPS_LIVE_CHANGED)
        return false;
    reload(s, a);
    return true;
}

static void home_destroy(struct screen *s)
{
    struct home *h = H(s);
    store_list_free(&h->page);
    ops_live_end(&h->live);
    waiting_free(h->wait, h->nwait);
    free(h);
}

struct screen *home_screen_new(struct app *a)
{
    struct screen *s = xcalloc(1, sizeof *s);
    struct home *h = xcalloc(1, sizeof *h);
    s->title = _("Assessments");
    s->context = KC_HOME;
    s->draw = home_draw;
    s->handle_key = home_key;
    s->resume = home_resume;
    s->watch = home_watch;
    s->destroy = home_destroy;
    s->data = h;
    reload(s, a);
    ops_live_start(a->store, &h->live, 0);
    return s;
}
