/* CSV tables of the risk register and the action plan, for following up
 * in a spreadsheet. RFC 4180: UTF-8, CRLF after every record, a header
 * row, fields holding a comma, a double quote, CR or LF enclosed in
 * double quotes with inner quotes doubled (and those holding a semicolon
 * or a tab, which spreadsheets in many locales take as the separator).
 * Fields a spreadsheet would
 * run as a formula (first character =, +, -, @, tab or CR) get a single
 * quote in front, so that they show as text. No comment lines: the
 * integrity data lives in the XML record and the HTML report. */
#include "config.h"
#include "report/report.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/logic.h"
#include "report/report_int.h"
#include "util/xalloc.h"

static void field(struct buf *out, bool first, const char *s)
{
    if (!first)
        buf_addc(out, ',');
    char *clean = report_xml_text(s ? s : "");
    const char *v = clean;
    bool formula = strchr("=+-@\t\r", v[0]) && v[0] != '\0';
    /* The semicolon and the tab too: spreadsheets in many locales split
     * on them, and the piece after one could start a formula. */
    bool quote = formula || strpbrk(v, ",;\t\"\r\n") != NULL;
    if (quote)
        buf_addc(out, '"');
    if (formula)
        buf_addc(out, '\'');
    for (; *v; v++) {
        if (*v == '"')
            buf_addc(out, '"');
        buf_addc(out, *v);
    }
    if (quote)
        buf_addc(out, '"');
    free(clean);
}

static void end_row(struct buf *out)
{
    buf_adds(out, "\r\n");
}

static void row(struct buf *out, const char *const *cols, size_t n)
{
    for (size_t i = 0; i < n; i++)
        field(out, i == 0, cols[i]);
    end_row(out);
}

/* "Significant (3)", or "" when not scored. */
static char *scale_name(const struct tmpl_method *m, bool severity, int v)
{
    int n = severity ? m->nseverity : m->nlikelihood;
    if (v < 1 || v > n)
        return xstrdup("");
    const struct tmpl_scale_level *l = severity ? m->severity : m->likelihood;
    return xasprintf("%s (%d)", l[v - 1].name, v);
}

static const char *level_name(const struct tmpl_method *m, int li)
{
    return li >= 0 ? m->levels[li].name : "";
}

void report_csv_risks(const struct assessment *a, struct buf *out)
{
    static const char *const head[] = {
        "Risk", "Title", "Description", "Risk sources", "Threats", "Impacts on people",
        "Likelihood before", "Why (likelihood before)", "Severity before",
        "Why (severity before)", "Level before", "Likelihood after", "Why (likelihood after)",
        "Severity after", "Why (severity after)", "Residual level", "Measures", "Type",
    };
    row(out, head, sizeof head / sizeof head[0]);
    const struct tmpl_method *m = assess_method(a);
    for (size_t i = 0; i < a->nrisks; i++) {
        const struct risk *r = &a->risks[i];
        char id[16];
        snprintf(id, sizeof id, "R%d", r->number);
        struct buf ms = {0};
        for (size_t k = 0; k < a->nmeasures; k++)
            for (size_t j = 0; j < a->measures[k].nrisks; j++)
                if (a->measures[k].risks[j] == r->number) {
                    buf_printf(&ms, "%sM%d", ms.len ? "; " : "", a->measures[k].number);
                    break;
                }
        char *lb = scale_name(m, false, r->likelihood), *sb = scale_name(m, true, r->severity);
        char *la = scale_name(m, false, r->likelihood_after);
        char *sa = scale_name(m, true, r->severity_after);
        const char *cols[] = {
            id, r->title, r->description, r->source, r->threats, r->impacts,
            lb, r->likelihood_why, sb, r->severity_why,
            level_name(m, logic_risk_inherent(a, r)),
            la, r->likelihood_after_why, sa, r->severity_after_why,
            level_name(m, logic_risk_residual(a, r)), buf_str(&ms), risk_type_label(r->type),
        };
        row(out, cols, sizeof cols / sizeof cols[0]);
        free(lb);
        free(sb);
        free(la);
        free(sa);
        buf_free(&ms);
    }
}

void report_csv_measures(const struct assessment *a, struct buf *out)
{
    static const char *const head[] = {
        "Measure", "Title", "Description", "Type", "Owner", "Due", "Status", "Risks addressed",
    };
    row(out, head, sizeof head / sizeof head[0]);
    for (size_t i = 0; i < a->nmeasures; i++) {
        const struct measure *m = &a->measures[i];
        char id[16];
        snprintf(id, sizeof id, "M%d", m->number);
        struct buf rs = {0};
        for (size_t k = 0; k < m->nrisks; k++)
            buf_printf(&rs, "%sR%d", rs.len ? "; " : "", m->risks[k]);
        const char *cols[] = {
            id, m->title, m->description, measure_type_label(m->type), m->owner, m->due,
            measure_status_label(m->status), buf_str(&rs),
        };
        row(out, cols, sizeof cols / sizeof cols[0]);
        buf_free(&rs);
    }
}
