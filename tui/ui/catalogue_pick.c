/* Starting a risk or a measure from the catalogue of threats and
 * measures (assess_view.h): the entry chosen is copied into the new
 * risk or measure, which the person then completes in its form; the
 * record keeps the copy, not a link to the catalogue. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "io/io.h"
#include "ui/assess_view.h"
#include "ui/dialog.h"
#include "util/buf.h"
#include "util/xalloc.h"
#include "util/i18n.h"

/* The catalogue, with its user file's problem said once. */
static bool load(struct app *a, struct catalogue *c)
{
    struct err w;
    if (io_catalogue_load(c, &w) < 0)
        app_message(a, true, "%s", w.text);
    return c->count > 0;
}

static char *details_of(const struct cat_entry *x)
{
    struct buf b = { 0 };
    buf_adds(&b, x->description);
    buf_adds(&b, "\n");
    struct buf types = { 0 };
    for (int t = RT_ACCESS; t < RT_COUNT; t++)
        if (x->risk_types & (1u << t))
            buf_printf(&types, "%s%s", types.len ? I18N_LIST_SEP : "",
                       _(risk_type_label((enum risk_type)t)));
    buf_printf(&b, I18N_LABELLED, _("Risk types"), buf_str(&types));
    buf_free(&types);
    for (size_t i = 0; i < x->nrefs; i++)
        buf_printf(&b, "%s%s", i ? I18N_LIST_SEP : _("\nReferences: "), x->refs[i]);
    return buf_take(&b);
}

/* One entry of kind, among those of the risk type (RT_NONE: any); NULL
 * when the person leaves the list or there is none. */
static const struct cat_entry *pick(struct app *a, const struct catalogue *c,
                                    enum cat_kind kind, enum risk_type type, const char *title)
{
    const struct cat_entry **shown = xcalloc(c->count + 1, sizeof *shown);
    char **items = xcalloc(c->count + 1, sizeof *items);
    char **details = xcalloc(c->count + 1, sizeof *details);
    int n = 0;
    for (size_t i = 0; i < c->count; i++) {
        const struct cat_entry *x = &c->entries[i];
        if (x->kind != kind || (type != RT_NONE && !(x->risk_types & (1u << type))))
            continue;
        shown[n] = x;
        items[n] = xasprintf("%s", x->title);
        details[n] = details_of(x);
        n++;
    }
    int got = -1;
    if (n == 0)
        app_message(a, true, "%s",
                    kind == CAT_THREAT ? _("The catalogue has no threat for that risk type.")
                                       : _("The catalogue has no measure for that risk type."));
    else
        got = dialog_pick(a, title, (const char *const *)items, (const char *const *)details, n,
                          0);
    const struct cat_entry *x = got >= 0 ? shown[got] : NULL;
    for (int i = 0; i < n; i++) {
        free(items[i]);
        free(details[i]);
    }
    free(items);
    free(details);
    free(shown);
    return x;
}

static void set(char **field, const char *value)
{
    free(*field);
    *field = xstrdup(value);
}

bool ui_catalogue_risk(struct app *a, struct risk *r)
{
    struct catalogue c = { 0 };
    bool ok = false;
    const struct cat_entry *x =
        load(a, &c) ? pick(a, &c, CAT_THREAT, RT_NONE, _("A risk from the catalogue's threats"))
                    : NULL;
    if (x) {
        set(&r->title, x->title);
        set(&r->threats, x->title);
        set(&r->description, x->description);
        struct buf b = { 0 };
        for (int s = 0; s < CS_COUNT; s++)
            if (x->sources & (1u << s))
                buf_printf(&b, "%s%s", b.len ? ", " : "", cat_source_label((enum cat_source)s));
        set(&r->source, buf_str(&b));
        buf_free(&b);
        r->type = RT_NONE;
        for (int t = RT_ACCESS; t < RT_COUNT && r->type == RT_NONE; t++)
            if (x->risk_types & (1u << t))
                r->type = (enum risk_type)t;
        ok = true;
    }
    catalogue_free(&c);
    return ok;
}

bool ui_catalogue_measure(struct app *a, const struct assessment *as, struct measure *m)
{
    struct catalogue c = { 0 };
    if (!load(a, &c)) {
        catalogue_free(&c);
        return false;
    }
    /* For one risk: the measures for its type, the measure linked to it. */
    int nr = (int)as->nrisks, chosen = nr;
    if (nr > 0) {
        char **items = xcalloc((size_t)nr + 1, sizeof *items);
        for (int i = 0; i < nr; i++)
            items[i] = xasprintf("R%d %s (%s)", as->risks[i].number, as->risks[i].title,
                                 _(risk_type_label(as->risks[i].type)));
        items[nr] = xstrdup(_("Any risk: the whole catalogue"));
        chosen = dialog_pick(a, _("A measure from the catalogue: for which risk?"),
                             (const char *const *)items, NULL, nr + 1, 0);
        for (int i = 0; i <= nr; i++)
            free(items[i]);
        free(items);
    }
    const struct risk *r = chosen >= 0 && chosen < nr ? &as->risks[chosen] : NULL;
    const struct cat_entry *x =
        chosen < 0 ? NULL
                   : pick(a, &c, CAT_MEASURE, r ? r->type : RT_NONE,
                          _("A measure from the catalogue"));
    if (x) {
        set(&m->title, x->title);
        struct buf b = { 0 };
        buf_adds(&b, x->description);
        for (size_t i = 0; i < x->nrefs; i++)
            buf_printf(&b, "%s%s", i ? I18N_LIST_SEP : _("\nReference: "), x->refs[i]);
        set(&m->description, buf_str(&b));
        buf_free(&b);
        m->type = x->type;
        if (r) {
            free(m->risks);
            m->risks = xcalloc(1, sizeof *m->risks);
            m->risks[0] = r->number;
            m->nrisks = 1;
        }
    }
    catalogue_free(&c);
    return x != NULL;
}
