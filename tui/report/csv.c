/* CSV tables of the risk register, the action plan and the table answers,
 * for following up in a spreadsheet. RFC 4180: UTF-8, CRLF after every record, a header
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

#include "core/fields.h"
#include "core/logic.h"
#include "core/table.h"
#include "report/report_int.h"
#include "util/i18n.h"
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

void report_csv_field(struct buf *out, bool first, const char *s)
{
    field(out, first, s);
}

void report_csv_end_row(struct buf *out)
{
    end_row(out);
}

/* A column computed from more than one field: where it goes among the
 * fields' csv_pos, its header (translated when written, as the fields'
 * are). */
struct computed {
    int pos;
    const char *head;
    int what;
};

enum { C_NUMBER, C_LEVEL_BEFORE, C_RESIDUAL, C_LINKS };

static const struct computed risk_computed[] = {
    /* TRANSLATORS: CSV column headers of the risk register. */
    { 1, N_("Risk"), C_NUMBER },
    { 11, N_("Level before"), C_LEVEL_BEFORE },
    { 16, N_("Residual level"), C_RESIDUAL },
    { 17, N_("Measures"), C_LINKS },
};

static const struct computed measure_computed[] = {
    /* TRANSLATORS: CSV column headers of the action plan. */
    { 1, N_("Measure"), C_NUMBER },
    { 8, N_("Risks addressed"), C_LINKS },
};

/* One column of a table: a field of core/fields.h or a computed one. */
struct column {
    const struct field *f;
    const struct computed *c;
};

#define MAX_COLUMNS 64

/* The columns in their order: the fields by csv_pos, the computed ones
 * at theirs, the fields placed nowhere (new ones) last. */
static size_t columns(const struct field *t, size_t n, const struct computed *cs, size_t nc,
                      struct column *out)
{
    const struct field *fs[MAX_COLUMNS];
    size_t nf = fields_layout(t, n < MAX_COLUMNS ? n : MAX_COLUMNS, false, fs), k = 0, i = 0,
           j = 0;
    while (i < nf || j < nc) {
        bool field_next = i < nf && fs[i]->csv_pos > 0 &&
                          (j == nc || fs[i]->csv_pos < cs[j].pos);
        if (j < nc && !field_next)
            out[k++] = (struct column){ NULL, &cs[j++] };
        else
            out[k++] = (struct column){ fs[i++], NULL };
    }
    return k;
}

static void header(struct buf *out, const struct column *cols, size_t n)
{
    for (size_t i = 0; i < n; i++)
        field(out, i == 0, _(cols[i].f ? cols[i].f->csv : cols[i].c->head));
    end_row(out);
}

static const char *level_name(const struct tmpl_method *m, int li)
{
    return li >= 0 ? m->levels[li].name : "";
}

void report_csv_risks(const struct assessment *a, struct buf *out)
{
    struct column cols[MAX_COLUMNS + 8];
    size_t nc = columns(risk_fields, nrisk_fields, risk_computed,
                        sizeof risk_computed / sizeof risk_computed[0], cols);
    header(out, cols, nc);
    const struct tmpl_method *m = assess_method(a);
    for (size_t i = 0; i < a->nrisks; i++) {
        const struct risk *r = &a->risks[i];
        for (size_t c = 0; c < nc; c++) {
            if (cols[c].f) {
                char *v = field_show(cols[c].f, r, a);
                field(out, c == 0, v);
                free(v);
                continue;
            }
            struct buf ms = { 0 };
            switch (cols[c].c->what) {
            case C_NUMBER:
                buf_printf(&ms, "R%d", r->number);
                break;
            case C_LEVEL_BEFORE:
                buf_adds(&ms, level_name(m, logic_risk_inherent(a, r)));
                break;
            case C_RESIDUAL:
                buf_adds(&ms, level_name(m, logic_risk_residual(a, r)));
                break;
            default:
                for (size_t k = 0; k < a->nmeasures; k++)
                    for (size_t j = 0; j < a->measures[k].nrisks; j++)
                        if (a->measures[k].risks[j] == r->number) {
                            buf_printf(&ms, "%sM%d", ms.len ? "; " : "", a->measures[k].number);
                            break;
                        }
            }
            field(out, c == 0, buf_str(&ms));
            buf_free(&ms);
        }
        end_row(out);
    }
}

void report_csv_measures(const struct assessment *a, struct buf *out)
{
    struct column cols[MAX_COLUMNS + 8];
    size_t nc = columns(measure_fields, nmeasure_fields, measure_computed,
                        sizeof measure_computed / sizeof measure_computed[0], cols);
    header(out, cols, nc);
    for (size_t i = 0; i < a->nmeasures; i++) {
        const struct measure *m = &a->measures[i];
        for (size_t c = 0; c < nc; c++) {
            if (cols[c].f) {
                char *v = field_show(cols[c].f, m, a);
                field(out, c == 0, v);
                free(v);
                continue;
            }
            struct buf rs = { 0 };
            if (cols[c].c->what == C_NUMBER)
                buf_printf(&rs, "M%d", m->number);
            else
                for (size_t k = 0; k < m->nrisks; k++)
                    buf_printf(&rs, "%sR%d", rs.len ? "; " : "", m->risks[k]);
            field(out, c == 0, buf_str(&rs));
            buf_free(&rs);
        }
        end_row(out);
    }
}

/* Every table answer, one line a cell, in the template's order: the
 * question, the row's reference, the column's label and the cell as
 * people read it (an option's label, Yes or No). One shape for tables
 * of any columns, which a spreadsheet can pivot. Rows of questions a
 * later answer hides are left out, as in the reports. */
void report_csv_tables(const struct assessment *a, struct buf *out)
{
    /* TRANSLATORS: CSV column headers of the table answers. */
    field(out, true, _("Question"));
    field(out, false, _("Row"));
    field(out, false, _("Column"));
    field(out, false, _("Value"));
    end_row(out);
    const struct tmpl *t = a->tmpl;
    for (size_t i = 0; i < t->nquestions; i++) {
        const struct tmpl_question *q = &t->questions[i];
        const char *v = q->type == QT_TABLE ? assess_value(a, q->id) : NULL;
        if (!v || !logic_shown(a, q))
            continue;
        struct table tb;
        struct err e;
        if (table_parse(q, v, &tb, &e) < 0)
            continue; /* the store and the import hold only canonical values */
        for (size_t r = 0; r < tb.nrows; r++) {
            char ref[TABLE_PREFIX_MAX + 16];
            table_ref(q, tb.rows[r].number, ref, sizeof ref);
            for (size_t c = 0; c < tb.ncols; c++) {
                char *shown = table_cell_display(&q->columns[c], tb.rows[r].cells[c]);
                field(out, true, q->id);
                field(out, false, ref);
                field(out, false, q->columns[c].label);
                field(out, false, shown);
                end_row(out);
                free(shown);
            }
        }
        table_free(&tb);
    }
}
