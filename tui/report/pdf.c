/* The PDF/A-3b report and the record it carries. The HTML report (the
 * built-in stylesheet) is printed by WeasyPrint, a program found on PATH
 * when the export is asked for ($DPIA_WEASYPRINT names another), with
 * the record attached as dpia-record.xml; a PDF is read back by taking
 * that file out with poppler's pdfdetach ($DPIA_PDFDETACH). Neither is
 * needed to build dpia, nor to run it for anything else.
 *
 * Both run as the custom stylesheet's child does: ended with dpia
 * (PR_SET_PDEATHSIG where there is one), under limits on CPU time,
 * memory and the size of the files they write, with no input and no
 * other file of dpia's open; their files are in a private temporary
 * folder (io_tmp) removed on every way out that can be caught. The
 * environment is passed on, SOURCE_DATE_EPOCH with it (WeasyPrint then
 * writes the same bytes from one export to the next). */
#include "config.h"
#include "report/report.h"
#include "report/report_int.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "io/io.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/signals.h"
#include "util/text.h"
#include "util/xalloc.h"

#define PDF_CPU_SECONDS 600
#define PDF_MEMORY ((rlim_t)4 << 30)
#define PDF_MAX_BYTES ((size_t)2 << 30)
#define PDF_MESSAGES_MAX (64u * 1024u)

/* The program to run: $env when set (a path, or a name looked up on
 * PATH), else name on PATH. NULL with e naming the package. The caller
 * frees. */
static char *find_program(const char *env, const char *name, const char *what,
                          const char *package, struct err *e)
{
    const char *given = getenv(env);
    const char *want = given && *given ? given : name;
    if (strchr(want, '/')) {
        struct stat sb;
        if (stat(want, &sb) == 0 && S_ISREG(sb.st_mode) && access(want, X_OK) == 0)
            return xstrdup(want);
    } else {
        const char *path = getenv("PATH");
        if (!path || !*path)
            path = "/usr/bin:/bin";
        while (*path) {
            size_t n = strcspn(path, ":");
            char *p = xasprintf("%.*s%s%s", (int)n, n ? path : ".", "/", want);
            struct stat sb;
            if (stat(p, &sb) == 0 && S_ISREG(sb.st_mode) && access(p, X_OK) == 0)
                return p;
            free(p);
            path += n + (path[n] == ':');
        }
    }
    if (given && *given)
        err_set(e, _("%s needs %s, and %s names '%s', which is not a program that can be run; "
                "install the package %s (apt install %s) or set %s to the program"),
                what, name, env, given, package, package, env);
    else
        err_set(e, _("%s needs %s, which is not installed (not found on PATH); install the "
                "package %s (apt install %s)"), what, name, package, package);
    return NULL;
}

/* The last line of what the program said that is not a warning, made
 * safe for a terminal. The caller frees. */
static char *last_message(struct io_tmp *t)
{
    size_t len = 0;
    char *text = io_read_file(io_tmp_path(t, "messages"), 64u * 1024u * 1024u, &len, NULL);
    if (!text)
        return xstrdup("");
    const char *start = len > PDF_MESSAGES_MAX ? text + len - PDF_MESSAGES_MAX : text;
    char *best = NULL;
    for (char *line = (char *)start, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        if (*line && strncmp(line, "WARNING:", 8) != 0) {
            free(best);
            best = text_sanitize(line, false);
        }
    }
    free(text);
    return best ? best : xstrdup("");
}

/* Runs argv (argv[0] a path) with its output and messages going into
 * the temporary file "messages". Returns the wait status, or -1 with e. */
static int run(struct io_tmp *t, const char *const argv[], rlim_t max_file, const char *what,
               struct err *e)
{
    const char *msgs = io_tmp_path(t, "messages");
    if (!msgs)
        return err_set(e, _("%s: too many temporary files"), what);
    pid_t parent = getpid();
    /* Between fork and exec the child runs none of dpia's handlers: the
     * stop signals are blocked across the fork and set back to their
     * defaults in the child before they are let through. */
    sigset_t stop, before;
    sigemptyset(&stop);
    for (size_t i = 0; i < SIG_END_COUNT; i++)
        sigaddset(&stop, sig_end[i]);
    sigprocmask(SIG_BLOCK, &stop, &before);
    pid_t pid = fork();
    if (pid == 0) {
        for (size_t i = 0; i < SIG_END_COUNT; i++)
            signal(sig_end[i], SIG_DFL);
        /* The program outlives no export: if dpia ends, so does it. */
        if (!report_child_tied(parent))
            _exit(126);
        int in = open("/dev/null", O_RDONLY);
        int out = open(msgs, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (in < 0 || out < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(out, 2) < 0)
            _exit(126);
        /* Nothing of dpia's stays open in it: the database, a file being
         * written. */
        long maxfd = sysconf(_SC_OPEN_MAX);
        if (maxfd < 0 || maxfd > 65536)
            maxfd = 65536;
        for (int fd = 3; fd < maxfd; fd++)
            close(fd);
        struct rlimit cpu = { PDF_CPU_SECONDS, PDF_CPU_SECONDS + 1 }, none = { 0, 0 };
        struct rlimit mem = { PDF_MEMORY, PDF_MEMORY }, file = { max_file, max_file };
        setrlimit(RLIMIT_CPU, &cpu);
        setrlimit(RLIMIT_CORE, &none);
        setrlimit(RLIMIT_DATA, &mem);
        setrlimit(RLIMIT_FSIZE, &file);
        /* Signals the parent blocks or ignores (and the stop signals
         * blocked for the fork) are the program's own again. */
        sigset_t all;
        sigemptyset(&all);
        sigprocmask(SIG_SETMASK, &all, NULL);
        signal(SIGXFSZ, SIG_DFL);
        signal(SIGPIPE, SIG_DFL);
        /* execv's argument is not const for history's sake; it changes
         * nothing. */
        char *args[16];
        size_t n = 0;
        for (; argv[n] && n < 15; n++)
            memcpy(&args[n], &argv[n], sizeof args[n]);
        args[n] = NULL;
        execv(args[0], args);
        _exit(127);
    }
    int fork_errno = errno;
    sigprocmask(SIG_SETMASK, &before, NULL);
    if (pid < 0)
        return err_set(e, _("%s: cannot start %s: %s"), what, argv[0], strerror(fork_errno));
    int status = 0;
    bool ended = false;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            return err_set(e, "%s: %s: %s", what, argv[0], strerror(errno));
        /* dpia was asked to stop (its folder is gone): the program ends
         * too, instead of running on to its limits. */
        if (!ended && io_tmp_stopped(t)) {
            kill(pid, SIGTERM);
            ended = true;
        }
    }
    return status;
}

/* Why a program that did not succeed failed, in e. */
static int failed(struct io_tmp *t, int status, const char *prog, const char *what,
                  const char *too_large, struct err *e)
{
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU)
        return err_set(e, _("%s: %s used more than %d s of CPU and was stopped"), what, prog,
                       PDF_CPU_SECONDS);
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGXFSZ)
        return err_set(e, "%s: %s", what, too_large);
    if (WIFSIGNALED(status))
        return err_set(e, _("%s: %s was ended by signal %d"), what, prog, WTERMSIG(status));
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
        return err_set(e, _("%s: %s could not be run"), what, prog);
    char *why = last_message(t);
    if (*why)
        err_set(e, _("%s: %s failed: %s"), what, prog, why);
    else
        err_set(e, _("%s: %s failed"), what, prog);
    free(why);
    return -1;
}

/* The record's digest (hex), the PDF's identifier; "" when not found. */
static void record_digest(const char *xml, size_t len, char out[65])
{
    static const char tag[] = "<digest algorithm=\"sha256\">";
    out[0] = '\0';
    const char *p = len ? memmem(xml, len, tag, sizeof tag - 1) : NULL;
    if (!p)
        return;
    p += sizeof tag - 1;
    size_t n = 0;
    while (n < 64 && p + n < xml + len && strchr("0123456789abcdef", p[n]) && p[n])
        n++;
    if (n == 64) {
        memcpy(out, p, 64);
        out[64] = '\0';
    }
}

static int pdf_of(const struct assessment *a, const char *tmpl_xml, size_t tmpl_len,
                  const char *record, size_t record_len, const struct report_opts *o,
                  const struct sink *out, struct err *e);

/* The record's labels in the report's language, in the record attached
 * too (an import ignores them). */
int report_pdf(const struct assessment *a, const char *tmpl_xml, size_t tmpl_len,
               const char *record, size_t record_len, const struct report_opts *o,
               const struct sink *out, struct err *e)
{
    i18n_push(o ? o->lang : NULL);
    int rc = pdf_of(a, tmpl_xml, tmpl_len, record, record_len, o, out, e);
    i18n_pop();
    return rc;
}

static int pdf_of(const struct assessment *a, const char *tmpl_xml, size_t tmpl_len,
                  const char *record, size_t record_len, const struct report_opts *o,
                  const struct sink *out, struct err *e)
{
    char *engine = find_program("DPIA_WEASYPRINT", "weasyprint", _("PDF export"), "weasyprint", e);
    if (!engine)
        return -1;
    int rc = -1;
    struct buf xml = { 0 }, html = { 0 };
    struct io_tmp *t = NULL;
    char *pdf = NULL;
    if (!record) {
        struct sink to = sink_buf(&xml);
        if (report_xml(a, tmpl_xml, tmpl_len, &to, e) < 0)
            goto done;
        record = xml.data ? xml.data : "";
        record_len = xml.len;
    }
    struct sink to = sink_buf(&html);
    /* Printed from the very record attached, so that the export time and
     * the digest the report shows are those of dpia-record.xml; with the
     * built-in stylesheet: one of the user's could make WeasyPrint fetch
     * files or addresses. */
    if (report_html_of_record(record, record_len, o, &to, e) < 0)
        goto done;
    t = io_tmp_make(e);
    if (!t || io_tmp_write(t, REPORT_PDF_RECORD, record, record_len, e) < 0 ||
        io_tmp_write(t, "report.html", html.data ? html.data : "", html.len, e) < 0)
        goto done;
    buf_free(&html);
    char digest[65];
    record_digest(record, record_len, digest);
    const char *pdf_path = io_tmp_path(t, "report.pdf");
    if (!pdf_path) {
        err_set(e, _("PDF export: too many temporary files"));
        goto done;
    }
    const char *argv[16];
    int n = 0;
    argv[n++] = engine;
    argv[n++] = "--pdf-variant";
    argv[n++] = "pdf/a-3b";
    if (*digest) {
        argv[n++] = "--pdf-identifier";
        argv[n++] = digest;
    }
    argv[n++] = "--encoding";
    argv[n++] = "utf-8";
    argv[n++] = "--attachment";
    argv[n++] = io_tmp_path(t, REPORT_PDF_RECORD);
    argv[n++] = io_tmp_path(t, "report.html");
    argv[n++] = pdf_path;
    argv[n] = NULL;
    int status = run(t, argv, PDF_MAX_BYTES + 1, _("PDF export"), e);
    if (status < 0)
        goto done;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        failed(t, status, "WeasyPrint", _("PDF export"),
               _("the PDF grew larger than the limit and WeasyPrint was stopped"), e);
        goto done;
    }
    size_t len = 0;
    pdf = io_read_file(pdf_path, PDF_MAX_BYTES, &len, e);
    if (!pdf)
        goto done;
    if (len < 5 || memcmp(pdf, "%PDF-", 5) != 0) {
        err_set(e, _("PDF export: WeasyPrint wrote no PDF"));
        goto done;
    }
    struct buf assoc = { 0 };
    if (report_pdf_associate(pdf, len, REPORT_PDF_RECORD, "text/xml", report_now(), &assoc,
                             e) < 0) {
        buf_free(&assoc);
        goto done;
    }
    free(pdf);
    pdf = NULL;
    if (sink_write(out, assoc.data, assoc.len) < 0) {
        err_set(e, _("cannot write the PDF: %s"), strerror(errno ? errno : EIO));
        buf_free(&assoc);
        goto done;
    }
    buf_free(&assoc);
    rc = 0;
done:
    io_tmp_remove(t);
    free(pdf);
    free(engine);
    buf_free(&xml);
    buf_free(&html);
    return rc;
}

bool report_is_pdf(const char *data, size_t len)
{
    return len >= 5 && memcmp(data, "%PDF-", 5) == 0;
}

char *report_pdf_record(const char *pdf, size_t pdf_len, const char *name, size_t *len,
                        struct err *e)
{
    char *reader = find_program("DPIA_PDFDETACH", "pdfdetach", _("Importing a PDF"),
                                "poppler-utils", e);
    if (!reader)
        return NULL;
    char *record = NULL;
    struct io_tmp *t = io_tmp_make(e);
    if (!t || io_tmp_write(t, "in.pdf", pdf, pdf_len, e) < 0)
        goto done;
    const char *in = io_tmp_path(t, "in.pdf");
    /* The list first: a PDF without the record is told as such. */
    const char *list_argv[] = { reader, "-list", in, NULL };
    int status = run(t, list_argv, 16u * 1024u * 1024u, name, e);
    if (status < 0)
        goto done;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        failed(t, status, "pdfdetach", name, _("pdfdetach listed too much and was stopped"), e);
        goto done;
    }
    size_t llen = 0;
    char *list = io_read_file(io_tmp_path(t, "messages"), 16u * 1024u * 1024u, &llen, e);
    if (!list)
        goto done;
    bool found = false;
    for (char *line = list, *next; line && *line && !found; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        char *colon = strstr(line, ": ");
        found = colon && strcmp(colon + 2, REPORT_PDF_RECORD) == 0;
    }
    free(list);
    if (!found) {
        err_set(e, _("%s: a PDF without a dpia record (no embedded file named %s); only a PDF "
                "made by dpia export --format pdf can be imported"), name, REPORT_PDF_RECORD);
        goto done;
    }
    const char *saved = io_tmp_path(t, "record.xml");
    if (!saved) {
        err_set(e, _("%s: too many temporary files"), name);
        goto done;
    }
    const char *save_argv[] = { reader, "-savefile", REPORT_PDF_RECORD, "-o", saved, in,
                          NULL };
    status = run(t, save_argv, (rlim_t)REPORT_MAX_BYTES + 1, name, e);
    if (status < 0)
        goto done;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        char *why = xasprintf(_("the embedded %s is larger than the limit of %zu bytes"),
                              REPORT_PDF_RECORD, (size_t)REPORT_MAX_BYTES);
        failed(t, status, "pdfdetach", name, why, e);
        free(why);
        goto done;
    }
    struct err re;
    record = io_read_file(saved, REPORT_MAX_BYTES, len, &re);
    if (!record)
        err_set(e, _("%s: the embedded %s cannot be read: %s"), name, REPORT_PDF_RECORD, re.text);
done:
    io_tmp_remove(t);
    free(reader);
    return record;
}
