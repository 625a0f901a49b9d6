/* The HTML report: the XML record transformed by an XSLT stylesheet
 * (templates/report.xsl compiled in, or the organisation's own). The
 * stylesheet is parsed like any untrusted XML (no DOCTYPE, no entities,
 * no network); it may not load other documents (xsl:import,
 * xsl:include, document() all go through a loader that refuses), and
 * the transformation runs under security preferences that forbid
 * reading and writing files, creating folders and the network. */
#include "config.h"
#include "report/report.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>
#include <libxml/encoding.h>
#include <libxml/xmlIO.h>
#include <libxslt/documents.h>
#include <libxslt/imports.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "core/xmlsafe.h"
#include "report/report_int.h"
#include "util/xalloc.h"

#define XSL_MAX_DEPTH 256

static xmlDocPtr refuse_load(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt,
                             xsltLoadType type)
{
    return NULL;
}

/* The first message libxslt reports while a report is made. */
struct xsl_errors {
    char first[ERR_MAX];
    bool seen;
};

static struct xsl_errors *current;

static void on_xslt_error(void *ctx, const char *fmt, ...)
{
    if (!current || current->seen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(current->first, sizeof current->first, fmt, ap);
    va_end(ap);
    size_t n = strlen(current->first);
    while (n > 0 && (current->first[n - 1] == '\n' || current->first[n - 1] == ' '))
        current->first[--n] = '\0';
    current->seen = true;
}

static xsltSecurityPrefsPtr locked_prefs(void)
{
    xsltSecurityPrefsPtr p = xsltNewSecurityPrefs();
    if (!p)
        return NULL;
    xsltSetSecurityPrefs(p, XSLT_SECPREF_READ_FILE, xsltSecurityForbid);
    xsltSetSecurityPrefs(p, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
    xsltSetSecurityPrefs(p, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
    xsltSetSecurityPrefs(p, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
    xsltSetSecurityPrefs(p, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
    return p;
}

/* libxml2 tells a failed write on stderr too; the caller says it. */
static void quiet(void *ctx, xmlErrorPtr err)
{
}

static int to_sink(void *ctx, const char *p, int n)
{
    return sink_write(ctx, p, (size_t)n) < 0 ? -1 : n;
}

static int transform(xmlDocPtr record, const char *xsl, size_t xsl_len, const char *xsl_name,
                     const struct sink *out, struct err *e)
{
    xmlDocPtr sdoc = xmlsafe_parse(xsl, xsl_len, xsl_name, XSL_MAX_DEPTH, e);
    if (!sdoc)
        return -1;
    struct xsl_errors errs = { "", false };
    current = &errs;
    xsltSetGenericErrorFunc(NULL, on_xslt_error);
    xsltSetLoaderFunc(refuse_load);
    xsltSecurityPrefsPtr prefs = locked_prefs();
    xsltSecurityPrefsPtr old_default = xsltGetDefaultSecurityPrefs();
    xsltSetDefaultSecurityPrefs(prefs);

    int rc = -1;
    xsltTransformContextPtr ctxt = NULL;
    xmlDocPtr res = NULL;
    xsltStylesheetPtr style = xsltParseStylesheetDoc(sdoc);
    if (!style || style->errors) {
        err_set(e, "%s: not a usable XSLT stylesheet%s%s", xsl_name, errs.seen ? ": " : "",
                errs.first);
        if (!style)
            xmlFreeDoc(sdoc);
        goto cleanup;
    }
    ctxt = xsltNewTransformContext(style, record);
    if (!ctxt || !prefs || xsltSetCtxtSecurityPrefs(prefs, ctxt) != 0) {
        err_set(e, "%s: cannot set up the transformation", xsl_name);
        goto cleanup;
    }
    xsltSetTransformErrorFunc(ctxt, NULL, on_xslt_error);
    res = xsltApplyStylesheetUser(style, record, NULL, NULL, NULL, ctxt);
    if (!res || ctxt->state == XSLT_STATE_ERROR || ctxt->state == XSLT_STATE_STOPPED) {
        err_set(e, "%s: the transformation failed%s%s", xsl_name, errs.seen ? ": " : "",
                errs.first);
        goto cleanup;
    }
    /* In the output encoding the stylesheet asks for, as libxslt's own
     * serialisers do (UTF-8 for the built-in one). */
    const xmlChar *encoding;
    XSLT_GET_IMPORT_PTR(encoding, style, encoding)
    xmlCharEncodingHandlerPtr enc =
        encoding ? xmlFindCharEncodingHandler((const char *)encoding) : NULL;
    if (enc && xmlStrcasecmp((const xmlChar *)enc->name, (const xmlChar *)"UTF-8") == 0)
        enc = NULL;
    xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(to_sink, NULL, (void *)out, enc);
    if (!ob && enc)
        xmlCharEncCloseFunc(enc);
    errno = 0;
    xmlSetStructuredErrorFunc(NULL, quiet);
    int saved = ob ? xsltSaveResultTo(ob, res, style) : -1;
    int err = errno ? errno : EIO;
    int closed = ob ? xmlOutputBufferClose(ob) : -1;
    xmlSetStructuredErrorFunc(NULL, NULL);
    if (saved < 0 || closed < 0) {
        err_set(e, "cannot write the report: %s", strerror(err));
        goto cleanup;
    }
    rc = 0;
    /* Written: a program about to end leaves the trees to the exit. */
    if (xalloc_leave_to_exit())
        res = NULL, ctxt = NULL, style = NULL;
cleanup:
    if (res)
        xmlFreeDoc(res);
    if (ctxt)
        xsltFreeTransformContext(ctxt);
    if (style)
        xsltFreeStylesheet(style);
    xsltSetDefaultSecurityPrefs(old_default);
    if (prefs)
        xsltFreeSecurityPrefs(prefs);
    xsltSetLoaderFunc(NULL);
    xsltSetGenericErrorFunc(NULL, NULL);
    current = NULL;
    return rc;
}

int report_html(const struct assessment *a, const char *tmpl_xml, size_t tmpl_len,
                const char *xsl, size_t xsl_len, const char *xsl_name,
                const struct sink *out, struct err *e)
{
    if (!xsl) {
        xsl = report_builtin_xsl(&xsl_len);
        xsl_name = "built-in report.xsl";
    }
    xmlDocPtr record = report_record_doc(a, tmpl_xml, tmpl_len, e);
    if (!record)
        return -1;
    int rc = transform(record, xsl, xsl_len, xsl_name ? xsl_name : "stylesheet", out, e);
    if (rc < 0 || !xalloc_leave_to_exit())
        xmlFreeDoc(record);
    return rc;
}
