/*
 * report: what outlives the program. The XML record of an assessment
 * (complete, schema-valid, re-importable), the HTML report made from it
 * by an XSLT stylesheet, the same report as ODT and DOCX documents
 * (stylesheets again, zipped with libzip) and as a PDF/A-3b carrying the
 * record (printed by WeasyPrint, when it is installed), the CSV tables of risks and measures, and the
 * import of a record into a new in-memory assessment.
 *
 * May use the core, util and libxml2/libxslt; knows nothing of the store
 * or the screen, and opens no files: the exports stream to a sink the
 * caller gives (a file being written through io_out, standard output, a
 * buffer). Errors read "NAME:LINE: message" for input, plain sentences
 * otherwise.
 *
 * The record (format dpia-record, schema templates/dpia-record.rng):
 *
 *   <record xmlns="urn:dpia:record:1" version="1">
 *     generator, assessment, template, method, summary, sections, risks,
 *     measures, signoffs, coverage, history, [changes,]
 *     template-snapshot, digest
 *
 * The template snapshot is the exact XML the assessment was started
 * with, base64-encoded, so an import restores it byte for byte (and so
 * its SHA-256 digest). The summary (with the blockers and the warnings
 * of the workflow rules on the export date), labels, display texts,
 * level names, coverage, progress and applicable="no" are derived: an
 * import ignores them and the next export computes them again.
 *
 * What came with revisions is written only when it is not the default,
 * so that the record of an assessment that uses none of it is the same
 * as before: assessment/@revision when above 1 and @replaces (the date
 * of the decision on the revision replaced) when set; a risk's @type
 * (with its label) when said; a sign-off's <acknowledged> (the warnings
 * acknowledged with the decision, one a line) when there were any; a
 * risk's <concerns> (the rows of the template's tables it cites, "D1
 * P2") and a measure's <group name="NAME">ID</group> when they are set
 * (the elements the field tables of core/fields.h mark xml_opt); the
 * summary's <warnings> when there are any; and <changes> (what changed
 * since the revision replaced, from a->since) only for a revision above
 * the first whose differences are known. An import reads all of them
 * back (a->revision, a->replaces_date, risk->type, acknowledged,
 * concerns, group, a->since) and refuses a risk type it does not know,
 * table rows not written as the program writes them and a group the
 * template snapshot does not declare.
 *
 * The record digest (<digest algorithm="sha256">) is the SHA-256, in
 * lowercase hex, of the Canonical XML 1.0 form (with comments, as
 * `xmllint --c14n` writes it) of the record in which the digest
 * element's content is empty. dpia writes the record in that form (the
 * XML declaration and the last newline aside), so the digest is taken
 * as the record streams out. To check a record by hand:
 *
 *   sed 's|<digest algorithm="sha256">[0-9a-f]*</digest>|<digest algorithm="sha256"></digest>|' \
 *       record.xml | xmllint --c14n - | sha256sum
 *
 * Export, import, export gives the same bytes except: the export time
 * (generator/@exported) unless SOURCE_DATE_EPOCH is set; the history
 * entry the import adds (and so assessment/@updated when the store moves
 * it); the uuid when the original is already in the database; and the
 * record digest, which follows from those. The local database id is not
 * part of the record. Every question shown is in it, and every question
 * hidden by its conditions under the current answers that still has an
 * answer (marked applicable="no"), so that an answer given before the
 * answer it depends on changed survives export and import.
 */
#ifndef DPIA_REPORT_H
#define DPIA_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/assess.h"
#include "core/register.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/sink.h"

#define REPORT_NS "urn:dpia:record:1"
/* Marks the reports' stylesheets find on the record's change log (never
 * in a record file): view:first="day" on the first change of each
 * person on each day, view:first-of-item="yes" on the first change of
 * each item ("risk R2", "answer scr.project", "status") by that person
 * that day. */
#define REPORT_VIEW_NS "urn:dpia:report-view:1"
#define REPORT_VERSION "1"
/* A record dpia writes must be one it can read back: 1 GiB holds about
 * 700,000 answers, or a million changes in the change log. */
#define REPORT_MAX_BYTES (1024u * 1024u * 1024u)
#define REPORT_MAX_DEPTH 32

/* Export formats: enum name, name on the command line, summary. */
#define REPORT_FORMATS(X) \
    X(XML, "xml", "the complete record (XML, re-importable)") \
    X(HTML, "html", "the report for the compliance file (one HTML file)") \
    X(CSV_RISKS, "csv-risks", "the risk register (CSV, RFC 4180)") \
    X(CSV_MEASURES, "csv-measures", "the action plan (CSV, RFC 4180)") \
    X(CSV_TABLES, "csv-tables", "the table answers, a line a cell (CSV, RFC 4180)") \
    X(ODT, "odt", "the report as an OpenDocument text (LibreOffice, Word)") \
    X(DOCX, "docx", "the report as a Word document (DOCX)") \
    X(PDF, "pdf", "the report as an archival PDF/A-3b carrying the record (WeasyPrint)")

enum report_format {
#define X(name, key, summary) RF_##name,
    REPORT_FORMATS(X)
#undef X
    RF_COUNT
};

const char *report_format_name(enum report_format f);
/* Whether f is a report for people (HTML, ODT, DOCX, PDF), which the report
 * options shape, rather than a record or a table. */
bool report_format_is_report(enum report_format f);
/* -1 when unknown. */
int report_format_parse(const char *name);

/* The export time: $SOURCE_DATE_EPOCH when set to a number, else now. */
int64_t report_now(void);
/* Its date, YYYY-MM-DD in UTC (what "today" means for overdue measures
 * in a report). */
void report_today(char out[16]);

/* The XML record of a, written to out as it is made. tmpl_xml[0..tmpl_len)
 * is the template snapshot the assessment was started with (its SHA-256
 * must equal a->tmpl->digest). Returns 0, or -1 with e (nothing written
 * when the snapshot does not match; a failed write stops it). */
int report_xml(const struct assessment *a, const char *tmpl_xml, size_t tmpl_len,
               const struct sink *out, struct err *e);

/* How a report is made. xsl[0..xsl_len): the HTML report's stylesheet
 * (NULL: the built-in one), xsl_name naming it in messages. The options
 * reach every stylesheet as the parameters with-guidance and
 * full-history ('yes' or 'no'). lang: the language of the report, "en",
 * "fr" or "de" (NULL or "": English); it picks the built-in stylesheet
 * of that language (report.LL.xsl, odt.LL.xsl, docx.LL.xsl, made from
 * the English ones and po/reports/LL.po), and the labels the record
 * carries (a status's, a decision's...) are written in it too
 * (i18n_push while the record is made and transformed). */
struct report_opts {
    const char *xsl;
    size_t xsl_len;
    const char *xsl_name;
    bool with_guidance;   /* each section's introduction from the template */
    bool full_history;    /* the change log whole, not condensed */
    const char *lang;     /* "en", "fr", "de"; NULL or "": English */
};

/* The HTML report of a, through o's stylesheet (o may be NULL: the
 * built-in one, the default options), written to out. Nothing is
 * written when the transformation fails. The stylesheet may not read
 * or write files nor use the network. */
int report_html(const struct assessment *a, const char *tmpl_xml, size_t tmpl_len,
                const struct report_opts *o, const struct sink *out, struct err *e);

/* The report as a document a word processor opens and a legal team can
 * edit: headings, the answers by section, the risk register, the action
 * plan and the sign-offs as tables, the decision, named styles and the
 * page number in the footer. An ODT (OpenDocument text: its mimetype
 * entry first and stored, META-INF/manifest.xml, content.xml,
 * styles.xml, meta.xml) or a DOCX ([Content_Types].xml, _rels/.rels,
 * docProps/core.xml, word/document.xml, word/styles.xml,
 * word/_rels/document.xml.rels, word/footer1.xml), made from the record
 * by the built-in stylesheets templates/odt.xsl and templates/docx.xsl
 * and zipped (libzip). The zip entries carry the export time
 * (report_now), so that with SOURCE_DATE_EPOCH the bytes are the same
 * from one export to the next. Nothing is written when it fails. */
int report_odt(const struct assessment *a, const char *tmpl_xml, size_t tmpl_len,
               const struct report_opts *o, const struct sink *out, struct err *e);
int report_docx(const struct assessment *a, const char *tmpl_xml, size_t tmpl_len,
                const struct report_opts *o, const struct sink *out, struct err *e);

/* The report as an archival PDF (PDF/A-3b): the HTML report (the
 * built-in stylesheet) printed by WeasyPrint, with the record attached
 * as REPORT_PDF_RECORD (record[0..record_len), the bytes report_xml
 * writes when record is NULL) and its digest as the PDF's identifier.
 * WeasyPrint is a program found when this is called ($DPIA_WEASYPRINT,
 * else weasyprint on PATH); without it, -1 with e naming the package to
 * install. It runs in a child with limits (CPU time, memory, file
 * size), on files in a private temporary folder removed on every way
 * out that can be caught. Nothing is written when it fails. */
#define REPORT_PDF_RECORD "dpia-record.xml"
int report_pdf(const struct assessment *a, const char *tmpl_xml, size_t tmpl_len,
               const char *record, size_t record_len, const struct report_opts *o,
               const struct sink *out, struct err *e);
/* True when data starts as a PDF does ("%PDF-"). */
bool report_is_pdf(const char *data, size_t len);
/* The record a PDF carries (REPORT_PDF_RECORD, at most REPORT_MAX_BYTES),
 * taken out by poppler's pdfdetach ($DPIA_PDFDETACH, else pdfdetach on
 * PATH; without it, NULL with e naming the package poppler-utils), run
 * as report_pdf runs WeasyPrint. NULL with e "NAME: ..." when the PDF
 * carries none. The caller frees; its length in *len. */
char *report_pdf_record(const char *pdf, size_t pdf_len, const char *name, size_t *len,
                        struct err *e);

/* Any format to out: the record and the report as report_xml and
 * report_html write them, the CSV tables through a buffer. o as for
 * report_html (its stylesheet used for HTML only). Returns 0, or -1
 * with e. */
int report_export(enum report_format f, const struct assessment *a, const char *tmpl_xml,
                  size_t tmpl_len, const struct report_opts *o, const struct sink *out,
                  struct err *e);

/* The built-in stylesheet and record schema (NUL-terminated). */
const char *report_builtin_xsl(size_t *len);
/* The built-in stylesheets, each in the languages reports are written in. */
enum report_sheet { RS_HTML, RS_ODT, RS_DOCX };
/* The built-in stylesheet s in language lang ("fr", "de"; English for
 * NULL, "" or a language it is not translated into), its name for
 * messages in *name ("built-in report.fr.xsl"). */
const char *report_builtin_sheet(enum report_sheet s, const char *lang, size_t *len,
                                 const char **name);
/* Whether the reports can be written in language lang (NULL or "" is
 * English). */
bool report_lang_known(const char *lang);
const char *report_record_schema(size_t *len);

/* CSV tables, RFC 4180: UTF-8, CRLF line ends, a header row, fields
 * with a comma, quote, CR or LF quoted (quotes doubled). A field that a
 * spreadsheet would take for a formula (starting with =, +, -, @, tab
 * or CR) is prefixed with a single quote. The risk register ends with
 * each risk's type, by its label ("Not said" when none). */
void report_csv_risks(const struct assessment *a, struct buf *out);
void report_csv_measures(const struct assessment *a, struct buf *out);
void report_csv_tables(const struct assessment *a, struct buf *out);

/* Reads a record from buf[0..len) (`name` in messages). Returns a new
 * assessment (id 0, the record's uuid, its template snapshot parsed in
 * a->tmpl, its history) and the snapshot XML in *tmpl_xml (the caller
 * frees both), or NULL with e "NAME:LINE: message". Refused: more than
 * REPORT_MAX_BYTES, a DOCTYPE (so any entity), nesting deeper than
 * REPORT_MAX_DEPTH, another namespace or version, anything the schema
 * does not allow, a digest that does not match, a snapshot that does
 * not match its digest, unknown question ids, values that do not fit
 * their question (shown or not), scores outside the method's scales,
 * unknown risk types, measures that address unknown risks, changes
 * since an earlier revision in a record of the first. */
struct assessment *report_import(const char *buf, size_t len, const char *name,
                                 char **tmpl_xml, size_t *tmpl_len, struct err *e);

/* Frees the parsed schema and stylesheet kept between calls. */
void report_cleanup(void);

/* The register of every assessment (core/register.h), settled, as the
 * DPO's accountability report: one self-contained HTML page (no script,
 * no file or address it loads; every text escaped), titled and dated
 * `date` (YYYY-MM-DD), the assessments then the measures overdue across
 * them. And as CSV tables (RFC 4180, formulas neutralised, as the other
 * CSV exports): the assessments, or the overdue measures. */
void report_register_html(const struct reg *r, const char *date, struct buf *out);
void report_register_csv(const struct reg *r, struct buf *out);
void report_register_overdue_csv(const struct reg *r, struct buf *out);

#endif
