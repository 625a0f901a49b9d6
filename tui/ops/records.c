/* ops: loading a revision (the one in force, or a closed one from the
 * record kept when it was closed), comparing revisions, exports and
 * imports. The interface and the command line export through here, so
 * both write the same files the same way. */
#include "config.h"
#include "ops/ops.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "io/io.h"
#include "io/settings.h"
#include "util/path.h"
#include "util/xalloc.h"
#include "util/i18n.h"

#define XSL_MAX_BYTES (4u * 1024u * 1024u)

/* A closed revision as it was signed: its record, parsed. */
static struct assessment *closed_revision(struct store *s, int64_t id, int number,
                                          char **tmpl_xml, size_t *tmpl_len, struct err *e)
{
    size_t len = 0;
    char *xml = store_revision_record(s, id, number, &len, e);
    if (!xml)
        return NULL;
    char name[64];
    snprintf(name, sizeof name, "revision %d", number);
    char *txml = NULL;
    size_t tlen = 0;
    struct assessment *a = report_import(xml, len, name, &txml, &tlen, e);
    free(xml);
    if (!a)
        return NULL;
    a->id = id;
    a->revision = number;
    if (tmpl_xml) {
        *tmpl_xml = txml;
        *tmpl_len = tlen;
    } else {
        free(txml);
    }
    return a;
}

int ops_fill_since(struct store *s, struct assessment *a, struct err *e)
{
    if (a->since || a->revision <= 1)
        return 0;
    /* An imported revision 2 comes without the record of revision 1:
     * then there is nothing to compare it with. */
    size_t len = 0;
    char *kept = store_revision_record(s, a->id, a->revision - 1, &len, NULL);
    if (!kept)
        return 0;
    free(kept);
    struct assessment *prev = closed_revision(s, a->id, a->revision - 1, NULL, NULL, e);
    if (!prev)
        return -1;
    a->since = xcalloc(1, sizeof *a->since);
    diff_assessments(prev, a, a->since);
    assess_free(prev);
    return 0;
}

struct assessment *ops_load(struct store *s, int64_t id, int revision, unsigned flags,
                            char **tmpl_xml, size_t *tmpl_len, struct err *e)
{
    struct assessment *a = store_load_flags(s, id, flags, e);
    if (!a)
        return NULL;
    if (revision > 0 && revision != a->revision) {
        int current = a->revision;
        assess_free(a);
        if (revision > current) {
            err_set(e, _("assessment %lld has no revision %d (revision %d is in force)"),
                    (long long)id, revision, current);
            return NULL;
        }
        return closed_revision(s, id, revision, tmpl_xml, tmpl_len, e);
    }
    if (ops_fill_since(s, a, e) < 0)
        goto fail;
    if (tmpl_xml && !(*tmpl_xml = store_template_xml(s, id, tmpl_len, e)))
        goto fail;
    return a;
fail:
    assess_free(a);
    return NULL;
}

int ops_diff(struct store *s, int64_t id, int from, int to, struct diff *out, struct err *e)
{
    struct assessment *a = ops_load(s, id, from, STORE_LOAD_NO_HISTORY, NULL, NULL, e);
    struct assessment *b = a ? ops_load(s, id, to, STORE_LOAD_NO_HISTORY, NULL, NULL, e) : NULL;
    if (b)
        diff_assessments(a, b, out);
    assess_free(a);
    assess_free(b);
    return b ? 0 : -1;
}

void ops_export_defaults(struct io_settings *cfg, struct ops_export *x)
{
    if (*cfg->export_format) {
        int f = report_format_parse(cfg->export_format);
        if (f < 0)
            io_settings_warn_at(cfg, cfg->export_format_line,
                                "export-format '%s' is not a format dpia writes (xml, html, "
                                "odt, docx, pdf, csv-risks, csv-measures or csv-tables); the line is "
                                "ignored.",
                                cfg->export_format);
        else
            x->format = (enum report_format)f;
    }
    if (cfg->with_guidance >= 0)
        x->with_guidance = cfg->with_guidance == 1;
    if (cfg->full_history >= 0)
        x->full_history = cfg->full_history == 1;
}

/* The stylesheet: the one given, else <user data dir>/report.xsl when it
 * exists, else NULL (the built-in one). */
static int stylesheet(const char *given, char **xsl, size_t *len, char **name, struct err *e)
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
    /* A file named is read as it is (a pipe too); one found in the data
     * folder only when it is a regular file. */
    *xsl = given ? io_read_file(path, XSL_MAX_BYTES, len, e)
                 : io_read_regular(path, XSL_MAX_BYTES, len, e);
    if (!*xsl) {
        free(path);
        return -1;
    }
    *name = path;
    return 0;
}

int ops_export(struct store *s, int64_t id, const struct ops_export *x, const struct sink *out,
               struct err *e)
{
    /* A closed revision's record is given as it was kept (and carried so
     * by its PDF). */
    char *kept = NULL;
    size_t kept_len = 0;
    if ((x->format == RF_XML || x->format == RF_PDF) && x->revision > 0)
        kept = store_revision_record(s, id, x->revision, &kept_len, NULL);
    if (kept && x->format == RF_XML) {
        int rc = sink_write(out, kept, kept_len) < 0 ? err_set(e, _("cannot write the record")) : 0;
        free(kept);
        return rc;
    }
    char *txml = NULL;
    size_t tlen = 0;
    /* The record and the reports are made from the whole record, change
     * history included; the tables are not. */
    unsigned flags = x->format == RF_CSV_RISKS || x->format == RF_CSV_MEASURES ||
                             x->format == RF_CSV_TABLES
                         ? STORE_LOAD_NO_HISTORY
                         : 0;
    struct assessment *a = ops_load(s, id, x->revision, flags, &txml, &tlen, e);
    if (!a) {
        free(kept);
        return -1;
    }
    int rc = 0;
    char *xsl = NULL, *name = NULL;
    size_t xl = 0;
    if (x->format == RF_HTML)
        rc = stylesheet(x->stylesheet, &xsl, &xl, &name, e);
    /* In the language asked for, else the assessment's: what changed
     * since the last revision is said again in it. */
    const char *lang = x->lang && *x->lang ? x->lang : a->lang;
    struct report_opts o = { .xsl = xsl, .xsl_len = xl, .xsl_name = name,
                             .with_guidance = x->with_guidance, .full_history = x->full_history,
                             .lang = lang };
    i18n_push(lang);
    if (a->since && strcmp(lang, i18n_ui_lang()) != 0) {
        diff_free(a->since);
        free(a->since);
        a->since = NULL;
        if (ops_fill_since(s, a, e) < 0)
            rc = -1;
    }
    if (rc == 0 && kept)
        rc = report_pdf(a, txml, tlen, kept, kept_len, &o, out, e);
    else if (rc == 0)
        rc = report_export(x->format, a, txml, tlen, &o, out, e);
    i18n_pop();
    free(kept);
    free(xsl);
    free(name);
    /* A program about to end leaves the assessment to the exit. */
    if (rc < 0 || !xalloc_leave_to_exit()) {
        free(txml);
        assess_free(a);
    }
    return rc;
}

/* True when path is the database or one of the files SQLite keeps
 * beside it: an export must not take its place. */
static bool is_database(struct store *s, const char *path)
{
    static const char *const side[] = { "", "-wal", "-shm", "-journal" };
    struct stat target;
    if (stat(path, &target) < 0)
        return false;
    for (size_t i = 0; i < sizeof side / sizeof side[0]; i++) {
        char *p = xasprintf("%s%s", store_path(s), side[i]);
        struct stat sb;
        bool same = stat(p, &sb) == 0 && sb.st_dev == target.st_dev &&
                    sb.st_ino == target.st_ino;
        free(p);
        if (same)
            return true;
    }
    return false;
}

int ops_write_file(struct store *s, const char *path, unsigned flags, bool guard,
                   int (*fill)(void *ctx, const struct sink *out, struct err *e), void *ctx,
                   struct err *e)
{
    if (s && is_database(s, path))
        return err_set(e, _("%s is the database, or a file SQLite keeps beside it; name "
                       "another file"), path);
    struct io_out *file = io_out_open(path, flags, e);
    if (!file)
        return -1;
    if (guard)
        io_out_guard(file);
    struct sink out = io_out_sink(file);
    if (fill(ctx, &out, e) < 0) {
        /* A failed write is told with the file's name. */
        io_out_failed(file, e);
        io_out_abort(file);
        return -1;
    }
    return io_out_commit(file, e);
}

struct export_job {
    struct store *s;
    int64_t id;
    const struct ops_export *x;
};

static int export_fill(void *ctx, const struct sink *out, struct err *e)
{
    const struct export_job *j = ctx;
    return ops_export(j->s, j->id, j->x, out, e);
}

int ops_export_file(struct store *s, int64_t id, const struct ops_export *x, const char *path,
                    unsigned flags, bool guard, struct err *e)
{
    struct export_job j = { s, id, x };
    return ops_write_file(s, path, flags, guard, export_fill, &j, e);
}

struct assessment *ops_read_record(const char *path, char **tmpl_xml, size_t *tmpl_len,
                                   struct err *e)
{
    size_t len = 0;
    char *data = io_read_file(path, REPORT_MAX_BYTES, &len, e);
    if (!data)
        return NULL;
    /* A PDF made by dpia carries its record: that is what is read. */
    char *name = NULL;
    if (report_is_pdf(data, len)) {
        char *record = report_pdf_record(data, len, path, &len, e);
        free(data);
        if (!record)
            return NULL;
        data = record;
        name = xasprintf("%s (%s)", path, REPORT_PDF_RECORD);
    }
    struct assessment *a = report_import(data, len, name ? name : path, tmpl_xml, tmpl_len, e);
    free(name);
    free(data);
    return a;
}

int ops_import(struct store *s, struct assessment *a, const char *tmpl_xml, size_t tmpl_len,
               int64_t *id, struct err *e)
{
    /* The record does not say what an archived assessment was before. */
    if (a->status == ST_ARCHIVED)
        a->archived_from = ST_DRAFT;
    *id = store_insert(s, a, tmpl_xml, tmpl_len, e);
    return *id < 0 ? -1 : 0;
}

int ops_import_file(struct store *s, const char *path, int64_t *id, struct err *e)
{
    char *txml = NULL;
    size_t tlen = 0;
    struct assessment *a = ops_read_record(path, &txml, &tlen, e);
    int rc = a ? ops_import(s, a, txml, tlen, id, e) : -1;
    if (rc < 0 || !xalloc_leave_to_exit()) {
        free(txml);
        assess_free(a);
    }
    return rc;
}
