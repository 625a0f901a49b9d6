/*
 * Inside the report module: helpers shared by the record writer, the
 * reader and the HTML transform. Not for other modules.
 */
#ifndef DPIA_REPORT_INT_H
#define DPIA_REPORT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <libxml/tree.h>

#include "core/assess.h"
#include "report/report.h"
#include "util/buf.h"
#include "util/err.h"

/* "YYYY-MM-DDTHH:MM:SSZ" (UTC) for seconds since the epoch. */
void report_time_iso(int64_t t, char out[32]);
/* Parses that form back; -1 when it is not one. */
int report_time_parse(const char *s, int64_t *t);

/* Base64 (RFC 4648) in lines of 76 characters, each line after a
 * newline, the whole followed by a newline and `indent` spaces. */
void report_base64_encode(const unsigned char *data, size_t len, int indent, struct buf *out);
/* Decodes, ignoring white space; NULL when the text is not base64. The
 * result is NUL-terminated; the caller frees. */
char *report_base64_decode(const char *s, size_t *len);

/* The record digest: SHA-256 of the canonical form of doc with the
 * digest element's content empty (the element is left empty). */
int report_doc_digest(xmlDocPtr doc, xmlNodePtr digest, char hex[65], struct err *e);

/* Validates a record against the compiled-in schema: 0, or -1 with
 * "NAME:LINE: message". */
int report_validate(xmlDocPtr doc, const char *name, struct err *e);

/* The complete record of a as a tree, digest set, white space included
 * as a parser reading the file would give it. The caller frees with
 * xmlFreeDoc; NULL with e. */
xmlDocPtr report_record_doc(const struct assessment *a, const char *tmpl_xml, size_t tmpl_len,
                            struct err *e);

/* Transforms record by the stylesheet xsl[0..xsl_len) (xsl_name in
 * messages), in this process, with the parameters params (NULL, or name
 * and XPath value pairs ending with NULL, values quoted as
 * xsltQuoteUserParams would), under security preferences that forbid
 * files and the network; writes the result to out. 0, or -1 with e. */
int report_transform(xmlDocPtr record, const char *xsl, size_t xsl_len, const char *xsl_name,
                     const char **params, const struct sink *out, struct err *e);

/* In a child just forked from parent: it is killed when the parent
 * ends (where the system can say so: PR_SET_PDEATHSIG); false when the
 * parent has ended already. */
bool report_child_tied(pid_t parent);

/* pdf[0..len) with its embedded file name (of MIME type mime) made an
 * associated file of the document, as PDF/A-3 requires, dated when
 * (seconds since the epoch), into out. -1 with e (without libqpdf,
 * saying which package to install). */
int report_pdf_associate(const char *pdf, size_t len, const char *name, const char *mime,
                         int64_t when, struct buf *out, struct err *e);

/* Marks the change log of doc, a record tree, for the reports (see
 * REPORT_VIEW_NS), in time proportional to its length. */
void report_mark_changes(xmlDocPtr doc);

/* The HTML report (the built-in stylesheet, o's options) of the record
 * record[0..len) as written: what it prints (the export time, the
 * digest) is what those bytes say. */
int report_html_of_record(const char *record, size_t len, const struct report_opts *o,
                          const struct sink *out, struct err *e);

/* The parameters of the options o (NULL: the defaults) in p, then part
 * (an XPath string literal, or NULL) as "part", ending with NULL: room
 * for 7 entries. */
void report_params(const struct report_opts *o, const char *part, const char *p[7]);

/* Whether XML can hold the character at s[i] (of len bytes); its length
 * in bytes, or of the broken sequence there, in *n. Not: control
 * characters other than tab, newline and carriage return, DEL, U+FFFE,
 * U+FFFF and broken UTF-8. */
bool report_xml_char(const char *s, size_t len, size_t i, size_t *n);

/* Text that is safe in XML: invalid UTF-8 and control characters other
 * than tab, newline and carriage return become U+FFFD. The caller frees. */
char *report_xml_text(const char *s);

/* One CSV field as the CSV exports write it (RFC 4180, a formula
 * neutralised with a leading '), after a comma unless first; the CRLF
 * that ends a row. */
void report_csv_field(struct buf *out, bool first, const char *s);
void report_csv_end_row(struct buf *out);

#endif
