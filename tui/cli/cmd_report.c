/* dpia export ID --format xml|html|odt|docx|pdf|csv-risks|csv-measures|csv-tables [--revision N]
 *             [-o FILE] [--force] [--follow-symlinks] [--stylesheet FILE]
 *             [--with-guidance|--no-guidance] [--full-history|--condensed-history]
 *             [--lang en|fr|de]
 * (the format and the report options default to the user's settings; the
 * reports' language is the assessment's unless --lang says otherwise)
 * dpia import FILE   (an XML record, or a PDF made by dpia carrying one)
 * Exports stream to standard output or to a file written under a
 * temporary name and renamed into place (only a regular file; an
 * existing one is kept unless --force, a symbolic link is never replaced
 * and followed only with --follow-symlinks); both go through ops/, as
 * the interface's do. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/commands.h"
#include "ops/ops.h"
#include "io/io.h"
#include "io/settings.h"
#include "report/report.h"
#include "util/err.h"
#include "util/path.h"
#include "util/xalloc.h"
#include "util/i18n.h"

static int export_usage(void)
{
    msg_error(_("usage: dpia export ID [--format xml|html|odt|docx|pdf|csv-risks|csv-measures|csv-tables] [--revision N] "
              "[-o FILE|-] [--force] [--follow-symlinks] [--stylesheet FILE] "
              "[--with-guidance|--no-guidance] [--full-history|--condensed-history] [--lang en|fr|de]"));
    return EXIT_USAGE;
}


int cmd_export(const struct cli_global *g, int argc, char **argv)
{
    static const struct option lo[] = {
        { "format", required_argument, NULL, 'f' },
        { "output", required_argument, NULL, 'o' },
        { "force", no_argument, NULL, 'F' },
        { "follow-symlinks", no_argument, NULL, 'L' },
        { "stylesheet", required_argument, NULL, 's' },
        { "revision", required_argument, NULL, 'r' },
        { "with-guidance", no_argument, NULL, 'G' },
        { "no-guidance", no_argument, NULL, 'g' },
        { "full-history", no_argument, NULL, 'H' },
        { "condensed-history", no_argument, NULL, 'h' },
        { "lang", required_argument, NULL, 'l' },
        { NULL, 0, NULL, 0 },
    };
    const char *output = NULL, *xsl = NULL, *lang = NULL;
    unsigned flags = 0;
    int revision = 0, c;
    /* The settings give the defaults; the options override them. */
    struct ops_export x = { .format = RF_XML };
    struct io_settings cfg;
    io_settings_load(&cfg, NULL);
    ops_export_defaults(&cfg, &x);
    for (size_t i = 0; i < cfg.nwarnings; i++)
        msg_warn("%s", cfg.warnings[i]);
    io_settings_free(&cfg);
    int format = (int)x.format;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:o:s:", lo, NULL)) != -1) {
        switch (c) {
        case 'f':
            format = report_format_parse(optarg);
            if (format < 0) {
                msg_error(_("export: unknown format '%s' (xml, html, odt, docx, pdf, csv-risks, csv-measures or csv-tables)"),
                          optarg);
                return EXIT_USAGE;
            }
            break;
        case 'o':
            output = optarg;
            break;
        case 'F':
            flags |= IO_OUT_FORCE;
            break;
        case 'L':
            flags |= IO_OUT_FOLLOW;
            break;
        case 's':
            xsl = optarg;
            break;
        case 'G':
        case 'g':
            x.with_guidance = c == 'G';
            break;
        case 'H':
        case 'h':
            x.full_history = c == 'H';
            break;
        case 'l':
            if (!report_lang_known(optarg) || !*optarg) {
                msg_error(_("export: unknown language '%s' (en, fr or de)"), optarg);
                return EXIT_USAGE;
            }
            lang = optarg;
            break;
        case 'r':
            if (!cli_parse_int(optarg, 1, 1000000, &revision)) {
                msg_error(_("export: --revision takes a revision number, not '%s'"), optarg);
                return EXIT_USAGE;
            }
            break;
        default:
            return cli_bad_option("export", c, argv);
        }
    }
    if (optind != argc - 1)
        return export_usage();
    if (xsl && format != RF_HTML) {
        msg_error(_("export: --stylesheet goes with --format html"));
        return EXIT_USAGE;
    }
    struct store *s;
    int rc = cli_open(g, false, &s);
    if (rc)
        return rc;
    struct err e;
    int64_t id = s ? store_resolve(s, argv[optind], &e) : -1;
    if (id < 0) {
        if (s)
            msg_error("%s", e.text);
        else
            msg_error(_("there is no assessment '%s' (the database is empty)"), argv[optind]);
        store_close(s);
        return EXIT_WORK;
    }
    x.format = (enum report_format)format;
    x.revision = revision;
    x.stylesheet = xsl;
    x.lang = lang; /* NULL: the assessment's own language (ops_export) */
    /* The program ends after the export: the trees it builds need not be
     * taken apart first. */
    xalloc_exiting();
    /* Written as it is made: to a temporary file renamed into place when
     * complete, or to standard output ("-o -" too). */
    if (output && strcmp(output, "-") != 0) {
        rc = ops_export_file(s, id, &x, output, flags, true, &e);
    } else {
        struct sink out = sink_stdio(stdout);
        rc = ops_export(s, id, &x, &out, &e);
        if (rc == 0 && !cli_flush_stdout())
            rc = err_set(&e, _("export: cannot write to standard output: %s"), strerror(errno));
    }
    if (rc < 0)
        msg_error("%s", e.text);
    store_close(s);
    return rc < 0 ? EXIT_WORK : 0;
}

int cmd_import(const struct cli_global *g, int argc, char **argv)
{
    if (argc != 2 || argv[1][0] == '-') {
        msg_error(_("usage: dpia import FILE"));
        return EXIT_USAGE;
    }
    /* The record is read and checked before the database is opened: a
     * refused import creates nothing. The program ends after it. */
    xalloc_exiting();
    struct err e;
    char *txml = NULL;
    size_t tlen = 0;
    struct assessment *a = ops_read_record(argv[1], &txml, &tlen, &e);
    if (!a) {
        msg_error("%s", e.text);
        return EXIT_WORK;
    }
    struct store *s;
    int rc = cli_open(g, true, &s);
    int64_t id;
    if (rc == 0 && ops_import(s, a, txml, tlen, &id, &e) < 0) {
        msg_error("%s", e.text);
        rc = EXIT_WORK;
    } else if (rc == 0) {
        printf("%lld\n", (long long)id);
        if (!cli_flush_stdout()) {
            msg_error(_("the record was imported as assessment %lld, but its id could not be "
                      "written to standard output: %s"), (long long)id, strerror(errno));
            rc = EXIT_WORK;
        }
    }
    store_close(s);
    if (!xalloc_leave_to_exit()) {
        free(txml);
        assess_free(a);
    }
    return rc;
}
