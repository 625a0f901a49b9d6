/* The documents for the compliance file that a word processor opens:
 * ODT (OpenDocument text) and DOCX (Office Open XML). Each part of the
 * package is made from the XML record by the format's built-in
 * stylesheet (templates/odt.xsl, templates/docx.xsl), one run per part
 * with the parameter "part", and the parts are zipped in a fixed order
 * with the export time (report_now: SOURCE_DATE_EPOCH when set), so
 * that the same assessment gives the same bytes. An ODT's mimetype
 * entry comes first and is stored uncompressed, as OpenDocument asks,
 * so that a file's type can be read at a fixed offset. */
#include "config.h"
#include "report/report.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <libxml/tree.h>

#include "report/report_int.h"
#include "report/zipw.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* A part of a package: its name in the zip, and either the stylesheet's
 * part that makes it or fixed bytes. */
struct part {
    const char *name;
    const char *xsl_part;
    const char *fixed;
};

static const struct part odt_parts[] = {
    { "mimetype", NULL, "application/vnd.oasis.opendocument.text" },
    { "META-INF/manifest.xml", "manifest", NULL },
    { "content.xml", "content", NULL },
    { "styles.xml", "styles", NULL },
    { "meta.xml", "meta", NULL },
};

static const struct part docx_parts[] = {
    { "[Content_Types].xml", "content-types", NULL },
    { "_rels/.rels", "rels", NULL },
    { "docProps/core.xml", "core", NULL },
    { "word/document.xml", "document", NULL },
    { "word/styles.xml", "styles", NULL },
    { "word/_rels/document.xml.rels", "document-rels", NULL },
    { "word/footer1.xml", "footer", NULL },
};

static int package(const struct assessment *a, const char *tmpl_xml, size_t tmpl_len,
                   const char *xsl, size_t xsl_len, const char *xsl_name,
                   const struct report_opts *o, const struct part *parts, size_t nparts,
                   const struct sink *out, struct err *e)
{
    xmlDocPtr record = report_record_doc(a, tmpl_xml, tmpl_len, e);
    if (!record)
        return -1;
    report_mark_changes(record);
    int rc = -1;
    struct zipw *z = zipw_new(report_now(), e);
    struct buf b = { 0 };
    for (size_t i = 0; z && i < nparts; i++) {
        buf_clear(&b);
        if (parts[i].fixed) {
            buf_adds(&b, parts[i].fixed);
        } else {
            /* The part's name goes in as an XPath string literal. */
            char quoted[64];
            snprintf(quoted, sizeof quoted, "'%s'", parts[i].xsl_part);
            const char *params[7];
            report_params(o, quoted, params);
            struct sink to_buf = sink_buf(&b);
            if (report_transform(record, xsl, xsl_len, xsl_name, params, &to_buf, e) < 0)
                goto cleanup;
        }
        if (zipw_add(z, parts[i].name, &b, i == 0 && parts == odt_parts, e) < 0)
            goto cleanup;
    }
    if (z) {
        rc = zipw_finish(z, out, e);
        z = NULL;
    }
cleanup:
    zipw_discard(z);
    buf_free(&b);
    xmlFreeDoc(record);
    return rc;
}

/* The record's labels in the report's language. */
static int package_in(enum report_sheet sheet, const struct assessment *a, const char *tmpl_xml,
                      size_t tmpl_len, const struct report_opts *o, const struct part *parts,
                      size_t nparts, const struct sink *out, struct err *e)
{
    size_t len;
    const char *name;
    const char *xsl = report_builtin_sheet(sheet, o ? o->lang : NULL, &len, &name);
    i18n_push(o ? o->lang : NULL);
    int rc = package(a, tmpl_xml, tmpl_len, xsl, len, name, o, parts, nparts, out, e);
    i18n_pop();
    return rc;
}

int report_odt(const struct assessment *a, const char *tmpl_xml, size_t tmpl_len,
               const struct report_opts *o, const struct sink *out, struct err *e)
{
    return package_in(RS_ODT, a, tmpl_xml, tmpl_len, o, odt_parts,
                      sizeof odt_parts / sizeof odt_parts[0], out, e);
}

int report_docx(const struct assessment *a, const char *tmpl_xml, size_t tmpl_len,
                const struct report_opts *o, const struct sink *out, struct err *e)
{
    return package_in(RS_DOCX, a, tmpl_xml, tmpl_len, o, docx_parts,
                      sizeof docx_parts / sizeof docx_parts[0], out, e);
}
