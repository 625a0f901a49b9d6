#include "config.h"
#include "ui/record_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/answer.h"
#include "core/fields.h"
#include "core/logic.h"
#include "core/table.h"
#include "util/buf.h"
#include "util/xalloc.h"
#include "util/i18n.h"

/* "Label: value" on one line; _("(none)") for an empty value. */
static void line(struct buf *b, const char *label, const char *value)
{
    buf_printf(b, "%s: %s\n", label, value && *value ? value : _("(none)"));
}

/* A field of several lines: its label, then its text as a paragraph. */
static void block(struct buf *b, const char *label, const char *value)
{
    buf_printf(b, "\n%s:\n%s\n", label, value && *value ? value : _("(none)"));
}

/* A score on a scale: "3 (Significant)", "not scored". */
static void score(struct buf *b, const char *label, const struct tmpl_scale_level *scale,
                  int n, int value, const char *why)
{
    if (value >= 1 && value <= n)
        buf_printf(b, "\n%s: %d (%s)\n", label, value, scale[value - 1].name);
    else
        buf_printf(b, _("\n%s: not scored\n"), label);
    line(b, _("Why"), why);
}

char *record_text_risk(const struct assessment *a, const struct risk *r)
{
    const struct tmpl_method *m = assess_method(a);
    struct buf b = {0};
    line(&b, _("Title"), r->title);
    line(&b, _("Type"), _(fields_risk_type_name(a, r)));
    block(&b, _("Description"), r->description);
    block(&b, _("Risk sources"), r->source);
    block(&b, _("Threats"), r->threats);
    block(&b, _("Impacts on people"), r->impacts);
    score(&b, _("Likelihood before"), m->likelihood, m->nlikelihood, r->likelihood, r->likelihood_why);
    score(&b, _("Severity before"), m->severity, m->nseverity, r->severity, r->severity_why);
    int before = logic_risk_inherent(a, r);
    buf_printf(&b, _("Level before measures: %s\n"), before >= 0 ? m->levels[before].name : "-");
    score(&b, _("Likelihood after"), m->likelihood, m->nlikelihood, r->likelihood_after,
          r->likelihood_after_why);
    score(&b, _("Severity after"), m->severity, m->nseverity, r->severity_after,
          r->severity_after_why);
    int after = logic_risk_level(m, r->likelihood_after, r->severity_after);
    buf_printf(&b, _("Level after measures: %s\n"), after >= 0 ? m->levels[after].name : "-");
    const struct field *f = fields_find(risk_fields, nrisk_fields, "concerns");
    if (*field_str(f, r))
        line(&b, _(f->label), field_str(f, r));
    return buf_take(&b);
}

char *record_text_measure(const struct assessment *a, const struct measure *m)
{
    struct buf b = {0};
    line(&b, _("Title"), m->title);
    line(&b, _("Type"), _(measure_type_label(m->type)));
    line(&b, _("Owner"), m->owner);
    line(&b, _("Due date"), m->due);
    line(&b, _("Status"), _(measure_status_label(m->status)));
    const struct field *f = fields_find(measure_fields, nmeasure_fields, "group");
    if (*field_str(f, m)) {
        char *g = field_show(f, m, a);
        line(&b, _(f->label), g);
        free(g);
    }
    struct buf rs = {0};
    for (size_t k = 0; k < m->nrisks; k++)
        buf_printf(&rs, "%sR%d", k ? ", " : "", m->risks[k]);
    line(&b, _("Risks addressed"), buf_str(&rs));
    buf_free(&rs);
    block(&b, _("Description"), m->description);
    return buf_take(&b);
}

char *record_text_signoff(const struct signoff *so)
{
    struct buf b = {0};
    line(&b, _("Name"), so->name);
    line(&b, _("Position"), so->position);
    char shown[DATE_DISPLAY_SIZE];
    line(&b, _("Date"), date_display(so->date, i18n_ui_lang(), shown));
    if (so->role == SR_CONTROLLER)
        line(&b, _("Decision"), _(decision_label(so->decision)));
    block(&b, so->role == SR_DPO ? _("Advice") : _("Comment"), so->advice);
    if (so->role == SR_DPO) {
        buf_adds(&b, "\n");
        line(&b, _("Advice followed"), so->advice_followed == 1 ? _("Yes, followed")
                                       : so->advice_followed == 0 ? _("No, overruled")
                                                                  : _("Not said"));
        block(&b, _("Why not followed"), so->why_not);
    }
    if (so->acknowledged && *so->acknowledged)
        block(&b, _("Warnings acknowledged"), so->acknowledged);
    return buf_take(&b);
}

/* A table answer, a row to a line: its reference, then each column's
 * label and cell ("D1: Item: e-mail; Special: no"); the value as it is
 * kept when it cannot be read. The caller frees. */
static char *table_text(const struct tmpl_question *q, const char *val)
{
    struct table t;
    if (table_parse(q, val, &t, NULL) < 0)
        return xstrdup(val);
    struct buf b = { 0 };
    for (size_t r = 0; r < t.nrows; r++) {
        char ref[TABLE_PREFIX_MAX + 16];
        table_ref(q, t.rows[r].number, ref, sizeof ref);
        buf_printf(&b, "\n%s:", ref);
        for (size_t c = 0; c < t.ncols; c++) {
            const struct tmpl_column *col = &q->columns[c];
            const char *cell = t.rows[r].cells[c];
            for (size_t o = 0; col->type == CT_CHOICE && o < col->noptions; o++)
                if (strcmp(col->options[o].value, cell) == 0)
                    cell = col->options[o].label;
            buf_printf(&b, "%s %s: %s", c ? ";" : "", col->label, *cell ? cell : "-");
        }
    }
    table_free(&t);
    return buf_take(&b);
}

char *record_text_question(const struct assessment *a, const struct tmpl_question *q)
{
    struct buf b = { 0 };
    char *refs = tmpl_refs_text(q);
    buf_printf(&b, "%s\n%s%s", q->prompt, refs, *refs ? "\n" : "");
    free(refs);
    if (q->help)
        buf_printf(&b, _("\nGuidance: %s\n"), q->help);
    const char *val = assess_value(a, q->id);
    char *shown = !val ? NULL : q->type == QT_TABLE ? table_text(q, val) : answer_display(q, val);
    buf_printf(&b, _("\nAnswer: %s\n"), shown ? shown : _("(not answered)"));
    free(shown);
    const struct answer *an = assess_answer(a, q->id);
    if (an && an->note[0])
        buf_printf(&b, _("\nNote: %s\n"), an->note);
    if (an && an->flagged)
        buf_adds(&b, _("\nMarked for follow-up.\n"));
    char *r = xstrdup(buf_str(&b));
    buf_free(&b);
    return r;
}
