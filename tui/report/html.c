/* The HTML report: the XML record transformed by an XSLT stylesheet
 * (templates/report.xsl compiled in, or the organisation's own). The
 * stylesheet is parsed like any untrusted XML (no DOCTYPE, no entities,
 * no network); it may not load other documents (xsl:import,
 * xsl:include, document() all go through a loader that refuses), and
 * the transformation runs under security preferences that forbid
 * reading and writing files, creating folders and the network. */
#include "config.h"
#include "report/report.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>
#include <libxslt/documents.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "core/xmlsafe.h"
#include "report/report_int.h"

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

static int transform(xmlDocPtr record, const char *xsl, size_t xsl_len, const char *xsl_name,
                     struct buf *out, struct err *e)
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
    xmlChar *mem = NULL;
    int len = 0;
    if (xsltSaveResultToString(&mem, &len, res, style) != 0) {
        err_set(e, "%s: cannot serialise the report", xsl_name);
        goto cleanup;
    }
    if (mem)
        buf_add(out, (const char *)mem, (size_t)len);
    xmlFree(mem);
    rc = 0;
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
                const char *xsl, size_t xsl_len, const char *xsl_name, struct buf *out,
                struct err *e)
{
    if (!xsl) {
        xsl = report_builtin_xsl(&xsl_len);
        xsl_name = "built-in report.xsl";
    }
    xmlDocPtr record = report_record_doc(a, tmpl_xml, tmpl_len, e);
    if (!record)
        return -1;
    int rc = transform(record, xsl, xsl_len, xsl_name ? xsl_name : "stylesheet", out, e);
    xmlFreeDoc(record);
    return rc;
}
