/* The HTML report: the XML record transformed by an XSLT stylesheet
 * (templates/report.xsl compiled in, or the organisation's own). The
 * stylesheet is parsed like any untrusted XML (no DOCTYPE, no entities,
 * no network); it may not load other documents (xsl:import,
 * xsl:include, document() all go through a loader that refuses), and
 * the transformation runs under security preferences that forbid
 * reading and writing files, creating folders and the network.
 *
 * An organisation's own stylesheet may also loop for ever or build a
 * result of gigabytes: it is run in a child process with limits on its
 * CPU time and memory (XSL_CPU_SECONDS, DPIA_XSLT_CPU_SECONDS to change
 * it; XSL_MEMORY) and on the size of what it writes, and the report is
 * written only when the child succeeded. The built-in stylesheet runs in
 * the process itself. */
#include "config.h"
#include "report/report.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <signal.h>
#include <sys/resource.h>
#ifdef HAVE_SYS_PRCTL_H
#include <sys/prctl.h>
#endif
#include <sys/wait.h>
#include <unistd.h>

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
#include "util/buf.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#define XSL_MAX_DEPTH 256
#define XSL_CPU_SECONDS 60
#define XSL_MEMORY (1024UL * 1024 * 1024)
#define XSL_OUTPUT_MAX (512UL * 1024 * 1024)

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
    __attribute__((format(printf, 2, 3)));

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

int report_transform(xmlDocPtr record, const char *xsl, size_t xsl_len, const char *xsl_name,
                     const char **params, const struct sink *out, struct err *e)
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
        if (errs.seen)
            err_set(e, _("%s: not a usable XSLT stylesheet: %s"), xsl_name, errs.first);
        else
            err_set(e, _("%s: not a usable XSLT stylesheet"), xsl_name);
        if (!style)
            xmlFreeDoc(sdoc);
        goto cleanup;
    }
    ctxt = xsltNewTransformContext(style, record);
    if (!ctxt || !prefs || xsltSetCtxtSecurityPrefs(prefs, ctxt) != 0) {
        err_set(e, _("%s: cannot set up the transformation"), xsl_name);
        goto cleanup;
    }
    xsltSetTransformErrorFunc(ctxt, NULL, on_xslt_error);
    res = xsltApplyStylesheetUser(style, record, params, NULL, NULL, ctxt);
    if (!res || ctxt->state == XSLT_STATE_ERROR || ctxt->state == XSLT_STATE_STOPPED) {
        if (errs.seen)
            err_set(e, _("%s: the transformation failed: %s"), xsl_name, errs.first);
        else
            err_set(e, _("%s: the transformation failed"), xsl_name);
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
        err_set(e, _("cannot write the report: %s"), strerror(err));
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

/* --- a stylesheet of one's own, in a child with limits --------------------- */

bool report_child_tied(pid_t parent)
{
#ifdef HAVE_SYS_PRCTL_H
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    return getppid() == parent;
#else
    (void)parent;
    return true;
#endif
}

static int fd_write(void *ctx, const char *p, size_t n)
{
    int fd = *(const int *)ctx;
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* In the child: libxml2's own messages (an allocation refused at the
 * memory limit) are kept, not printed on the parent's stderr. */
static bool out_of_memory;

static void child_generic_error(void *ctx, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void child_generic_error(void *ctx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char line[256];
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (strstr(line, "Memory allocation failed"))
        out_of_memory = true;
}

static unsigned cpu_seconds(void)
{
    const char *v = getenv("DPIA_XSLT_CPU_SECONDS");
    char *end;
    unsigned long n = v && *v ? strtoul(v, &end, 10) : 0;
    return v && *v && !*end && n >= 1 && n <= 3600 ? (unsigned)n : XSL_CPU_SECONDS;
}

/* Reads fd to its end into b (at most max bytes: false beyond). */
static bool read_all(int fd, struct buf *b, size_t max)
{
    char chunk[65536];
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return n == 0;
        if (b->len + (size_t)n > max)
            return false;
        buf_add(b, chunk, (size_t)n);
    }
}

static int transform_limited(xmlDocPtr record, const char *xsl, size_t xsl_len,
                             const char *xsl_name, const char **params, const struct sink *out,
                             struct err *e)
{
    unsigned cpu = cpu_seconds();
    int data[2], msg[2];
    if (pipe(data) < 0)
        return err_set(e, _("%s: cannot start the transformation: %s"), xsl_name, strerror(errno));
    if (pipe(msg) < 0) {
        close(data[0]);
        close(data[1]);
        return err_set(e, _("%s: cannot start the transformation: %s"), xsl_name, strerror(errno));
    }
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) {
        /* A transformation outlives no export: if dpia ends (a signal, a
         * kill), so does the child, instead of running on for its CPU
         * limit. */
        if (!report_child_tied(parent))
            _exit(1);
        close(data[0]);
        close(msg[0]);
        struct rlimit lim = { cpu, cpu + 1 }, none = { 0, 0 };
        setrlimit(RLIMIT_CPU, &lim);
        setrlimit(RLIMIT_CORE, &none);
#if !defined(__SANITIZE_ADDRESS__)
        /* The sanitizers reserve their shadow memory as data. */
        struct rlimit mem = { XSL_MEMORY, XSL_MEMORY };
        setrlimit(RLIMIT_DATA, &mem);
#endif
        xmlSetGenericErrorFunc(NULL, child_generic_error);
        struct sink to_parent = { fd_write, &data[1] };
        struct err ce = { "" };
        int rc = report_transform(record, xsl, xsl_len, xsl_name, params, &to_parent, &ce);
        if (rc < 0 && out_of_memory)
            err_set(&ce, _("%s: the transformation needed more than the %lu MB of memory it "
                    "may use and was stopped"), xsl_name, XSL_MEMORY >> 20);
        if (rc < 0)
            fd_write(&msg[1], ce.text, strlen(ce.text));
        _exit(rc < 0 ? 1 : 0);
    }
    close(data[1]);
    close(msg[1]);
    if (pid < 0) {
        close(data[0]);
        close(msg[0]);
        return err_set(e, _("%s: cannot start the transformation: %s"), xsl_name, strerror(errno));
    }
    struct buf result = { 0 }, why = { 0 };
    bool whole = read_all(data[0], &result, XSL_OUTPUT_MAX);
    if (!whole)
        kill(pid, SIGKILL);
    read_all(msg[0], &why, ERR_MAX);
    close(data[0]);
    close(msg[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    int rc = -1;
    if (!whole)
        err_set(e, _("%s: the transformation wrote more than %lu MB and was stopped"), xsl_name,
                XSL_OUTPUT_MAX >> 20);
    else if (WIFSIGNALED(status) && (WTERMSIG(status) == SIGXCPU || WTERMSIG(status) == SIGKILL))
        err_set(e, _("%s: the transformation used more than %u s of CPU and was stopped"), xsl_name,
                cpu);
    else if (WIFSIGNALED(status))
        err_set(e, _("%s: the transformation failed (signal %d), probably out of the %lu MB of "
                "memory it may use"), xsl_name, WTERMSIG(status), XSL_MEMORY >> 20);
    else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        err_set(e, "%s", why.len ? buf_str(&why) : _("the transformation failed"));
    else if (sink_write(out, result.data ? result.data : "", result.len) < 0)
        err_set(e, _("cannot write the report: %s"), strerror(errno ? errno : EIO));
    else
        rc = 0;
    buf_free(&result);
    buf_free(&why);
    return rc;
}

int report_html_of_record(const char *record, size_t len, const struct report_opts *o,
                          const struct sink *out, struct err *e)
{
    xmlDocPtr doc = xmlsafe_parse(record, len, "record", REPORT_MAX_DEPTH, e);
    if (!doc)
        return -1;
    report_mark_changes(doc);
    const char *params[7];
    report_params(o, NULL, params);
    size_t xl;
    const char *name;
    const char *xsl = report_builtin_sheet(RS_HTML, o ? o->lang : NULL, &xl, &name);
    int rc = report_transform(doc, xsl, xl, name, params, out, e);
    xmlFreeDoc(doc);
    return rc;
}

void report_params(const struct report_opts *o, const char *part, const char *p[7])
{
    size_t n = 0;
    p[n++] = "with-guidance";
    p[n++] = o && o->with_guidance ? "'yes'" : "'no'";
    p[n++] = "full-history";
    p[n++] = o && o->full_history ? "'yes'" : "'no'";
    if (part) {
        p[n++] = "part";
        p[n++] = part;
    }
    p[n] = NULL;
}

static int html_of(const struct assessment *a, const char *tmpl_xml, size_t tmpl_len,
                   const struct report_opts *o, const char *xsl, size_t xsl_len,
                   const char *xsl_name, bool own, const struct sink *out, struct err *e);

int report_html(const struct assessment *a, const char *tmpl_xml, size_t tmpl_len,
                const struct report_opts *o, const struct sink *out, struct err *e)
{
    const char *xsl = o ? o->xsl : NULL, *xsl_name = o ? o->xsl_name : NULL;
    size_t xsl_len = o ? o->xsl_len : 0;
    bool own = xsl != NULL;
    if (!xsl)
        xsl = report_builtin_sheet(RS_HTML, o ? o->lang : NULL, &xsl_len, &xsl_name);
    /* The record's labels in the report's language. */
    i18n_push(o ? o->lang : NULL);
    int rc = html_of(a, tmpl_xml, tmpl_len, o, xsl, xsl_len, xsl_name, own, out, e);
    i18n_pop();
    return rc;
}

static int html_of(const struct assessment *a, const char *tmpl_xml, size_t tmpl_len,
                   const struct report_opts *o, const char *xsl, size_t xsl_len,
                   const char *xsl_name, bool own, const struct sink *out, struct err *e)
{
    xmlDocPtr record = report_record_doc(a, tmpl_xml, tmpl_len, e);
    if (!record)
        return -1;
    xsl_name = xsl_name ? xsl_name : "stylesheet";
    report_mark_changes(record);
    const char *params[7];
    report_params(o, NULL, params);
    int rc = own ? transform_limited(record, xsl, xsl_len, xsl_name, params, out, e)
                 : report_transform(record, xsl, xsl_len, xsl_name, params, out, e);
    if (rc < 0 || !xalloc_leave_to_exit())
        xmlFreeDoc(record);
    return rc;
}
