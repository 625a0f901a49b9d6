/*
 * The register of every assessment as the DPO's accountability report:
 * one HTML page made here (a table is all it is: no record, no
 * stylesheet to run) and two CSV tables (report/report.h).
 */
#include "config.h"
#include "report/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_int.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Text into HTML: cleaned as the record's text is (report_xml_text:
 * what XML cannot hold becomes U+FFFD), then the five characters that
 * mean something in HTML escaped, in content and in attributes alike. */
static void esc(struct buf *out, const char *s)
{
    char *clean = report_xml_text(s ? s : "");
    for (const char *p = clean; *p; p++) {
        switch (*p) {
        case '&': buf_adds(out, "&amp;"); break;
        case '<': buf_adds(out, "&lt;"); break;
        case '>': buf_adds(out, "&gt;"); break;
        case '"': buf_adds(out, "&quot;"); break;
        case '\'': buf_adds(out, "&#39;"); break;
        default: buf_addc(out, *p);
        }
    }
    free(clean);
}

static void cell(struct buf *out, const char *cls, const char *s)
{
    buf_adds(out, cls ? "<td class=\"" : "<td>");
    if (cls) {
        buf_adds(out, cls);
        buf_adds(out, "\">");
    }
    esc(out, s);
    buf_adds(out, "</td>");
}

static void head(struct buf *out, const char *s)
{
    buf_adds(out, "<th scope=\"col\">");
    esc(out, s);
    buf_adds(out, "</th>");
}

static const char *responsible_as(enum reg_responsible r)
{
    switch (r) {
    /* TRANSLATORS: who the person responsible for an assessment is, in
     * the register. */
    case RESP_DPO: return _("DPO");
    case RESP_ASSESSOR: return _("assessor");
    case RESP_CONTROLLER: return _("controller");
    default: return "";
    }
}

static const char *style =
    "body{font-family:sans-serif;margin:2em;color:#111}"
    "table{border-collapse:collapse;width:100%;margin-bottom:2em}"
    "th,td{border:1px solid #999;padding:.3em .5em;text-align:left;vertical-align:top}"
    "th{background:#eee}td.num{text-align:right}"
    ".overdue{color:#a00;font-weight:bold}"
    "@media print{body{margin:0}}";

void report_register_html(const struct reg *r, const char *date, struct buf *out)
{
    const char *lang = i18n_current();
    buf_adds(out, "<!DOCTYPE html>\n<html lang=\"");
    esc(out, lang && *lang ? lang : "en");
    buf_adds(out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
             "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
             "style-src 'unsafe-inline'\">\n<title>");
    const char *title = _("Register of data protection impact assessments");
    esc(out, title);
    buf_adds(out, "</title>\n<style>");
    buf_adds(out, style);
    buf_adds(out, "</style>\n</head>\n<body>\n<h1>");
    esc(out, title);
    buf_adds(out, "</h1>\n<p>");
    char *line = xasprintf(_("The DPO's accountability report, as of %s."), date);
    esc(out, line);
    free(line);
    buf_adds(out, " ");
    size_t nreviews = 0;
    for (size_t i = 0; i < r->nrows; i++)
        nreviews += r->rows[i].review_overdue;
    line = xasprintf(P_("%zu assessment", "%zu assessments", r->nrows), r->nrows);
    esc(out, line);
    free(line);
    buf_adds(out, "; ");
    line = xasprintf(P_("%zu review overdue", "%zu reviews overdue", nreviews), nreviews);
    esc(out, line);
    free(line);
    buf_adds(out, "; ");
    line = xasprintf(P_("%zu measure overdue", "%zu measures overdue", r->noverdue), r->noverdue);
    esc(out, line);
    free(line);
    buf_adds(out, ".</p>\n<table id=\"register\">\n<thead><tr>");
    /* TRANSLATORS: the columns of the register (HTML and CSV). */
    const char *heads[] = {
        _("ID"), _("Assessment"), _("Status"), _("Decision"), _("Highest residual risk"),
        _("Review date"), _("Open measures"), _("Overdue measures"), _("Owners"),
        _("Responsible"),
    };
    for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++)
        head(out, heads[i]);
    buf_adds(out, "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < r->nrows; i++) {
        const struct reg_row *w = &r->rows[i];
        char num[24];
        snprintf(num, sizeof num, "%lld", (long long)w->id);
        buf_adds(out, "<tr>");
        cell(out, "num", num);
        cell(out, NULL, w->title);
        cell(out, NULL, assess_status_label(w->status));
        cell(out, NULL, w->decision == DEC_NONE ? "" : decision_label(w->decision));
        cell(out, w->highest_is_high ? "overdue" : NULL, w->highest_name);
        if (w->review_overdue) {
            char *t = xasprintf(_("%s (overdue)"), w->review_date);
            cell(out, "overdue", t);
            free(t);
        } else {
            cell(out, NULL, w->review_date);
        }
        snprintf(num, sizeof num, "%zu", w->nopen);
        cell(out, "num", num);
        snprintf(num, sizeof num, "%d", w->noverdue);
        cell(out, w->noverdue ? "num overdue" : "num", num);
        cell(out, NULL, w->owners);
        if (*w->responsible) {
            char *t = xasprintf("%s (%s)", w->responsible, responsible_as(w->responsible_from));
            cell(out, NULL, t);
            free(t);
        } else {
            cell(out, NULL, "");
        }
        buf_adds(out, "</tr>\n");
    }
    buf_adds(out, "</tbody>\n</table>\n<h2>");
    esc(out, _("Overdue measures"));
    buf_adds(out, "</h2>\n");
    if (r->noverdue == 0) {
        buf_adds(out, "<p>");
        esc(out, _("No measure is overdue."));
        buf_adds(out, "</p>\n");
    } else {
        buf_adds(out, "<table id=\"overdue\">\n<thead><tr>");
        const char *oheads[] = {
            _("ID"), _("Assessment"), _("Measure"), _("Owner"), _("Due"), _("Status"),
        };
        for (size_t i = 0; i < sizeof oheads / sizeof oheads[0]; i++)
            head(out, oheads[i]);
        buf_adds(out, "</tr></thead>\n<tbody>\n");
        for (size_t i = 0; i < r->noverdue; i++) {
            const struct reg_measure *m = &r->measures[r->overdue[i]];
            char num[24];
            snprintf(num, sizeof num, "%lld", (long long)m->assessment);
            buf_adds(out, "<tr>");
            cell(out, "num", num);
            cell(out, NULL, m->atitle);
            char *t = xasprintf("M%d %s", m->number, m->title);
            cell(out, NULL, t);
            free(t);
            cell(out, NULL, m->owner);
            cell(out, "overdue", m->due);
            cell(out, NULL, measure_status_label(m->status));
            buf_adds(out, "</tr>\n");
        }
        buf_adds(out, "</tbody>\n</table>\n");
    }
    buf_adds(out, "</body>\n</html>\n");
}

void report_register_csv(const struct reg *r, struct buf *out)
{
    const char *heads[] = {
        _("ID"), "UUID", _("Assessment"), _("Status"), _("Decision"),
        _("Highest residual risk"), _("Review date"), _("Review overdue"), _("Open measures"),
        _("Overdue measures"), _("Owners"), _("Responsible"), _("Responsible as"),
    };
    for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++)
        report_csv_field(out, i == 0, heads[i]);
    report_csv_end_row(out);
    for (size_t i = 0; i < r->nrows; i++) {
        const struct reg_row *w = &r->rows[i];
        char num[24], open[24], late[24];
        snprintf(num, sizeof num, "%lld", (long long)w->id);
        snprintf(open, sizeof open, "%zu", w->nopen);
        snprintf(late, sizeof late, "%d", w->noverdue);
        report_csv_field(out, true, num);
        report_csv_field(out, false, w->uuid);
        report_csv_field(out, false, w->title);
        report_csv_field(out, false, assess_status_label(w->status));
        report_csv_field(out, false, w->decision == DEC_NONE ? "" : decision_label(w->decision));
        report_csv_field(out, false, w->highest_name);
        report_csv_field(out, false, w->review_date);
        report_csv_field(out, false, w->review_overdue ? _("yes") : _("no"));
        report_csv_field(out, false, open);
        report_csv_field(out, false, late);
        report_csv_field(out, false, w->owners);
        report_csv_field(out, false, w->responsible);
        report_csv_field(out, false, responsible_as(w->responsible_from));
        report_csv_end_row(out);
    }
}

void report_register_overdue_csv(const struct reg *r, struct buf *out)
{
    const char *heads[] = {
        _("ID"), _("Assessment"), _("Measure"), _("Title"), _("Owner"), _("Due"), _("Status"),
    };
    for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++)
        report_csv_field(out, i == 0, heads[i]);
    report_csv_end_row(out);
    for (size_t i = 0; i < r->noverdue; i++) {
        const struct reg_measure *m = &r->measures[r->overdue[i]];
        char num[24], ref[24];
        snprintf(num, sizeof num, "%lld", (long long)m->assessment);
        snprintf(ref, sizeof ref, "M%d", m->number);
        report_csv_field(out, true, num);
        report_csv_field(out, false, m->atitle);
        report_csv_field(out, false, ref);
        report_csv_field(out, false, m->title);
        report_csv_field(out, false, m->owner);
        report_csv_field(out, false, m->due);
        report_csv_field(out, false, measure_status_label(m->status));
        report_csv_end_row(out);
    }
}
