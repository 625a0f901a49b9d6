#include "config.h"
#include "ui/export.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "io/settings.h"
#include "io/io.h"
#include "ops/ops.h"
#include "report/report.h"
#include "store/store.h"
#include "ui/dialog.h"
#include "ui/term.h"
#include "util/buf.h"
#include "util/path.h"
#include "util/sink.h"
#include "util/text.h"
#include "util/xalloc.h"
#include "util/i18n.h"

#define EXAMPLE "streaming-factoids.xml"

/* The folder exports go to: export-dir of the settings, else the
 * current folder. The caller frees. */
static char *export_folder(struct app *a, const struct io_settings *cfg)
{
    if (*cfg->export_dir)
        return xstrdup(cfg->export_dir);
    char *cwd = getcwd(NULL, 0);
    if (!cwd) {
        app_message(a, true, _("The current folder cannot be found (%s): give the full path."),
                    strerror(errno));
        return xstrdup("/");
    }
    char *dir = xstrdup(cwd);
    free(cwd);
    return dir;
}

/* The settings' warnings, all at once: the lines they name are
 * ignored until they are put right. */
static void show_warnings(struct app *a, const struct io_settings *cfg)
{
    if (!cfg->nwarnings)
        return;
    struct buf b = {0};
    buf_adds(&b, _("Some lines of the settings file are ignored:\n"));
    for (size_t i = 0; i < cfg->nwarnings; i++)
        buf_printf(&b, "\n%s", cfg->warnings[i]);
    dialog_message(a, _("Settings"), buf_str(&b));
    buf_free(&b);
}

static void today(char out[11])
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}

/* Asks where to write name: by default in the export folder of the
 * settings, offered as a full path; a name typed alone goes into that
 * folder, which is made when it is not there. Confirms before replacing
 * a regular file (IO_OUT_FORCE in *flags then). The full path, or NULL
 * when nothing is to be written; the caller frees. */
static char *ask_path(struct app *a, const struct io_settings *cfg, const char *name,
                      unsigned *flags)
{
    char *folder = export_folder(a, cfg);
    char *def = path_absolute(name, folder);
    /* One line of prompt leaves two for the path, so that it shows
     * whole. */
    char *typed = dialog_line(a, _("Export to"),
                              _("File to write (a name without a folder goes into the one shown):"),
                              def);
    free(def);
    /* What is written is said in full: a name alone goes into the
     * export folder, "~/" is the home folder. */
    char *path = typed && *typed ? path_absolute(typed, folder) : NULL;
    if (typed && *typed && !path)
        app_message(a, true, _("'%s' cannot be expanded: only ~ and ~/ are, with HOME set."),
                    typed);
    free(typed);
    /* The export folder of the settings is made when it is not there. */
    if (path && *cfg->export_dir) {
        char *parent = path_dirname(path);
        struct stat pb;
        if (strcmp(parent, cfg->export_dir) == 0 && stat(parent, &pb) < 0 && errno == ENOENT &&
            path_mkdirs(parent, 0777) < 0)
            app_message(a, true, _("The export folder %s cannot be made: %s."), parent,
                        strerror(errno));
        free(parent);
    }
    free(folder);
    /* A regular file is replaced when the person says so; anything
     * else there (a folder, a device, a link) is refused with the
     * reason when it is written. */
    struct stat sb;
    *flags = 0;
    if (path && lstat(path, &sb) == 0 && S_ISREG(sb.st_mode)) {
        char q[1024];
        snprintf(q, sizeof q, _("%s exists. Replace it?"), path);
        if (!dialog_confirm(a, _("Replace"), q)) {
            free(path);
            return NULL;
        }
        *flags = IO_OUT_FORCE;
    }
    return path;
}

void ui_export(struct app *a, int64_t id)
{
    static const char *const labels[] = {
        N_("HTML report (for the compliance file)"), N_("XML record (complete, re-importable)"),
        N_("ODT document (LibreOffice, Word)"), N_("DOCX document (Word, LibreOffice)"),
        N_("PDF/A document (archival, the record inside; needs WeasyPrint)"),
        N_("CSV: the risk register"), N_("CSV: the action plan"), N_("CSV: the table answers"),
    };
    static const enum report_format formats[] = { RF_HTML, RF_XML, RF_ODT, RF_DOCX, RF_PDF,
                                                  RF_CSV_RISKS, RF_CSV_MEASURES, RF_CSV_TABLES };
    static const char *const ext[] = { "html", "xml", "odt", "docx", "pdf", "risks.csv",
                                       "measures.csv", "tables.csv" };
    static const char *const options[] = {
        N_("Condensed change log, without the template's guidance"),
        N_("Condensed change log, with the template's guidance"),
        N_("Whole change log, without the template's guidance"),
        N_("Whole change log, with the template's guidance"),
    };
    static const char *const option_details[] = {
        N_("One row per person and day in the change log; each section without its "
           "introduction from the template."),
        N_("One row per person and day in the change log; each section opens with its "
           "introduction from the template."),
        N_("Every change with its values before and after; each section without its "
           "introduction from the template."),
        N_("Every change with its values before and after; each section opens with its "
           "introduction from the template."),
    };
    /* The settings are read at each export, so that a change to the
     * file counts at once; they choose what is offered first. */
    struct io_settings cfg;
    io_settings_load(&cfg, NULL);
    struct ops_export x = { .format = RF_HTML };
    ops_export_defaults(&cfg, &x);
    show_warnings(a, &cfg);
    int first = 0, n = (int)(sizeof labels / sizeof labels[0]);
    for (int i = 0; i < n; i++)
        if (formats[i] == x.format)
            first = i;
    const char *shown[sizeof labels / sizeof labels[0]];
    for (int i = 0; i < n; i++)
        shown[i] = _(labels[i]);
    const char *opt_shown[4], *opt_details[4];
    for (int i = 0; i < 4; i++) {
        opt_shown[i] = _(options[i]);
        opt_details[i] = _(option_details[i]);
    }
    int pick = dialog_pick(a, _("Export"), shown, NULL, n, first);
    if (pick >= 0 && report_format_is_report(formats[pick])) {
        int o = dialog_pick(a, _("Report options"), opt_shown, opt_details, 4,
                            (x.full_history ? 2 : 0) + (x.with_guidance ? 1 : 0));
        if (o < 0)
            pick = -1;
        x.with_guidance = o & 1;
        x.full_history = o >= 2;
    }
    if (pick < 0) {
        io_settings_free(&cfg);
        return;
    }
    x.format = formats[pick];
    struct err e;
    struct assessment *as = store_load_flags(a->store, id, STORE_LOAD_NO_HISTORY, &e);
    if (!as) {
        app_message(a, true, "%s", e.text);
        io_settings_free(&cfg);
        return;
    }
    char date[11];
    today(date);
    char *sl = text_slug(as->title, 48, "assessment");
    char *name = xasprintf("dpia-%s-%s.%s", sl, date, ext[pick]);
    free(sl);
    assess_free(as);
    unsigned flags = 0;
    char *path = ask_path(a, &cfg, name, &flags);
    free(name);
    io_settings_free(&cfg);
    if (path && formats[pick] == RF_PDF) {
        /* Printing takes seconds: the status bar says what is going on. */
        app_message(a, false, _("Printing the PDF with WeasyPrint..."));
        app_draw_base(a);
        term_cursor_apply();
        doupdate();
    }
    if (path) {
        if (ops_export_file(a->store, id, &x, path, flags, false, &e) < 0)
            app_message(a, true, "%s", e.text);
        else
            app_message(a, false, _("Written: %s"), path);
    }
    free(path);
}

struct bytes {
    const char *p;
    size_t n;
};

static int put_bytes(void *ctx, const struct sink *out, struct err *e)
{
    const struct bytes *b = ctx;
    if (sink_write(out, b->p, b->n) < 0)
        return err_set(e, "%s", strerror(errno));
    return 0;
}

void ui_export_register(struct app *a, const struct reg *r)
{
    static const char *const labels[] = {
        N_("HTML: the register (for the DPO's accountability file)"),
        N_("CSV: the register, one row per assessment"),
        N_("CSV: the measures overdue across assessments"),
    };
    static const char *const ext[] = { "html", "csv", "overdue.csv" };
    struct io_settings cfg;
    io_settings_load(&cfg, NULL);
    show_warnings(a, &cfg);
    const char *shown[3];
    for (int i = 0; i < 3; i++)
        shown[i] = _(labels[i]);
    int pick = dialog_pick(a, _("Export the register"), shown, NULL, 3, 0);
    if (pick < 0) {
        io_settings_free(&cfg);
        return;
    }
    char date[11];
    today(date);
    char *name = xasprintf("dpia-register-%s.%s", date, ext[pick]);
    unsigned flags = 0;
    char *path = ask_path(a, &cfg, name, &flags);
    free(name);
    io_settings_free(&cfg);
    if (!path)
        return;
    struct buf b = {0};
    if (pick == 0)
        report_register_html(r, r->today, &b);
    else if (pick == 1)
        report_register_csv(r, &b);
    else
        report_register_overdue_csv(r, &b);
    struct bytes bytes = { b.data ? b.data : "", b.len };
    struct err e;
    if (ops_write_file(a->store, path, flags, false, put_bytes, &bytes, &e) < 0)
        app_message(a, true, "%s", e.text);
    else
        app_message(a, false, _("Written: %s"), path);
    buf_free(&b);
    free(path);
}

int64_t ui_load_example(struct app *a)
{
    struct err e;
    /* In the interface's language where it ships in it
     * (streaming-factoids.fr.xml), else in English. */
    char name[64];
    snprintf(name, sizeof name, "streaming-factoids.%s.xml", i18n_ui_lang());
    char *path = strcmp(i18n_ui_lang(), "en") != 0 ? io_find_example(name) : NULL;
    if (!path)
        path = io_find_example(EXAMPLE);
    if (!path) {
        app_message(a, true, _("The worked example (%s) is not installed."), EXAMPLE);
        return -1;
    }
    int64_t id = -1;
    if (ops_import_file(a->store, path, &id, &e) < 0)
        app_message(a, true, "%s", e.text);
    else
        app_message(a, false, _("Loaded the worked example."));
    free(path);
    return id;
}
