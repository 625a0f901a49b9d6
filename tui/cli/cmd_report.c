/* dpia export ID --format xml|html|csv-risks|csv-measures [-o FILE]
 *             [--force] [--stylesheet FILE]
 * dpia import FILE
 * The glue between the store and the reports: load, write out; read,
 * store. Exports stream to standard output or to a file written through
 * io_out (temporary name, then rename; an existing file is kept unless
 * --force). */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/commands.h"
#include "io/io.h"
#include "report/report.h"
#include "util/err.h"
#include "util/path.h"
#include "util/xalloc.h"

#define XSL_MAX_BYTES (4u * 1024u * 1024u)

static int export_usage(void)
{
    msg_error("usage: dpia export ID [--format xml|html|csv-risks|csv-measures] [-o FILE] "
              "[--force] [--stylesheet FILE]");
    return EXIT_USAGE;
}

/* The stylesheet to use: --stylesheet, else <user data dir>/report.xsl
 * when it exists, else NULL (the built-in one). */
static int load_stylesheet(const char *given, char **xsl, size_t *len, char **name)
{
    *xsl = NULL;
    *name = NULL;
    char *path = given ? xstrdup(given) : NULL;
    if (!path) {
        char *dir = path_user_data_dir();
        if (dir) {
            char *p = xasprintf("%s/report.xsl", dir);
            struct stat sb;
            if (stat(p, &sb) == 0)
                path = p;
            else
                free(p);
            free(dir);
        }
    }
    if (!path)
        return 0;
    struct err e;
    *xsl = io_read_file(path, XSL_MAX_BYTES, len, &e);
    if (!*xsl) {
        msg_error("%s", e.text);
        free(path);
        return EXIT_WORK;
    }
    *name = path;
    return 0;
}

/* Writes the export to out; 0, or an exit status after a message. */
static int make(enum report_format f, const struct assessment *a, const char *tmpl_xml,
                size_t tmpl_len, const char *xsl_path, const struct sink *out,
                const struct io_out *file)
{
    char *xsl = NULL, *name = NULL;
    size_t len = 0;
    if (f == RF_HTML) {
        int rc = load_stylesheet(xsl_path, &xsl, &len, &name);
        if (rc)
            return rc;
    }
    struct err e = { "" };
    int rc = report_export(f, a, tmpl_xml, tmpl_len, xsl, len, name, out, &e);
    free(xsl);
    free(name);
    if (rc == 0)
        return 0;
    /* A failed write is told with the file's name. */
    if (file)
        io_out_failed(file, &e);
    msg_error("%s", e.text);
    return EXIT_WORK;
}

int cmd_export(const struct cli_global *g, int argc, char **argv)
{
    static const struct option lo[] = {
        { "format", required_argument, NULL, 'f' },
        { "output", required_argument, NULL, 'o' },
        { "force", no_argument, NULL, 'F' },
        { "stylesheet", required_argument, NULL, 's' },
        { NULL, 0, NULL, 0 },
    };
    const char *output = NULL, *xsl = NULL;
    bool force = false;
    int format = RF_XML, c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:o:s:", lo, NULL)) != -1) {
        switch (c) {
        case 'f':
            format = report_format_parse(optarg);
            if (format < 0) {
                msg_error("export: unknown format '%s' (xml, html, csv-risks or csv-measures)",
                          optarg);
                return EXIT_USAGE;
            }
            break;
        case 'o':
            output = optarg;
            break;
        case 'F':
            force = true;
            break;
        case 's':
            xsl = optarg;
            break;
        default:
            return cli_bad_option("export", c, argv);
        }
    }
    if (optind != argc - 1)
        return export_usage();
    if (xsl && format != RF_HTML) {
        msg_error("export: --stylesheet goes with --format html");
        return EXIT_USAGE;
    }
    struct store *s;
    int rc;
    struct assessment *a = cli_open_load(g, false, argv[optind], &s, &rc);
    if (!a)
        return rc;
    struct err e;
    size_t tmpl_len = 0;
    char *tmpl_xml = store_template_xml(s, a->id, &tmpl_len, &e);
    store_close(s);
    if (!tmpl_xml) {
        msg_error("%s", e.text);
        assess_free(a);
        return EXIT_WORK;
    }
    /* Written as it is made: to a temporary file renamed into place when
     * complete, or to standard output. */
    struct io_out *file = NULL;
    struct sink out = sink_stdio(stdout);
    if (output) {
        file = io_out_open(output, force, &e);
        if (!file) {
            msg_error("%s", e.text);
            free(tmpl_xml);
            assess_free(a);
            return EXIT_WORK;
        }
        io_out_guard(file);
        out = io_out_sink(file);
    }
    rc = make((enum report_format)format, a, tmpl_xml, tmpl_len, xsl, &out, file);
    if (file && rc == 0 && io_out_commit(file, &e) < 0) {
        msg_error("%s", e.text);
        rc = EXIT_WORK;
    } else if (file && rc != 0) {
        io_out_abort(file);
    } else if (!file && rc == 0 && fflush(stdout) != 0) {
        msg_error("export: cannot write to standard output: %s", strerror(errno));
        rc = EXIT_WORK;
    }
    free(tmpl_xml);
    assess_free(a);
    return rc;
}

int cmd_import(const struct cli_global *g, int argc, char **argv)
{
    if (argc != 2 || argv[1][0] == '-') {
        msg_error("usage: dpia import FILE");
        return EXIT_USAGE;
    }
    const char *path = argv[1];
    struct err e;
    size_t len = 0;
    char *data = io_read_file(path, REPORT_MAX_BYTES, &len, &e);
    if (!data) {
        msg_error("%s", e.text);
        return EXIT_WORK;
    }
    char *tmpl_xml = NULL;
    size_t tmpl_len = 0;
    struct assessment *a = report_import(data, len, path, &tmpl_xml, &tmpl_len, &e);
    free(data);
    if (!a) {
        msg_error("%s", e.text);
        return EXIT_WORK;
    }
    struct store *s;
    int rc = cli_open(g, true, &s);
    if (rc == 0) {
        int64_t id = store_insert(s, a, tmpl_xml, tmpl_len, &e);
        if (id < 0) {
            msg_error("%s", e.text);
            rc = EXIT_WORK;
        } else {
            printf("%lld\n", (long long)id);
        }
        store_close(s);
    }
    free(tmpl_xml);
    assess_free(a);
    return rc;
}
