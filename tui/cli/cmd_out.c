/*
 * What the store commands share: opening the database, finding an
 * assessment, and writing text from the database safely in each output
 * format. Nothing read from the database reaches stdout raw: text for
 * people goes through text_sanitize (an ESC in a title must never reach
 * the terminal), TSV and JSON escape every control character.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli/commands.h"
#include "io/settings.h"
#include "ops/ops.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/path.h"
#include "util/text.h"
#include "util/xalloc.h"
#include "util/i18n.h"

int cli_parse_format(const char *arg, enum cli_format *out)
{
    static const char *const names[] = { "text", "tsv", "json" };
    for (int i = 0; i < 3; i++) {
        if (strcmp(arg, names[i]) == 0) {
            *out = (enum cli_format)i;
            return 0;
        }
    }
    msg_error(_("unknown format '%s' (text, tsv or json)"), arg);
    return -1;
}

int cli_open(const struct cli_global *g, bool write, struct store **out)
{
    *out = NULL;
    char *path = path_database(g->db_path);
    if (!path) {
        msg_error(_("no database: set HOME, XDG_DATA_HOME or DPIA_DB, or use -d FILE"));
        return EXIT_WORK;
    }
    struct stat sb;
    bool server = store_names_server(path);
    if (!write && !server && stat(path, &sb) != 0 && errno == ENOENT) {
        /* Reading a database that does not exist yet: nothing to show,
         * and nothing is created for it. */
        free(path);
        return 0;
    }
    /* A database made now is made for a group with --shared, or when
     * the settings say so. */
    bool shared = g->shared;
    if (!shared && !g->read_only && !server && stat(path, &sb) != 0 && errno == ENOENT) {
        struct io_settings cfg;
        io_settings_load(&cfg, NULL);
        for (size_t i = 0; i < cfg.nwarnings; i++)
            msg_warn("%s", cfg.warnings[i]);
        shared = cfg.shared == 1;
        io_settings_free(&cfg);
    }
    struct err e;
    /* Opened for writing even to read, so an older file is brought up to
     * date; a file the user may not write opens read-only by itself. */
    *out = store_open_shared(path, g->read_only, shared, NULL, &e);
    free(path);
    if (!*out) {
        msg_error("%s", e.text);
        return EXIT_WORK;
    }
    return 0;
}

struct assessment *cli_load(struct store *s, const char *ref, int *status)
{
    struct err e;
    if (!s) {
        msg_error(_("there is no assessment '%s' (the database is empty)"), ref);
        *status = EXIT_WORK;
        return NULL;
    }
    int64_t id = store_resolve(s, ref, &e);
    /* Without the change history: only `history` shows it. */
    struct assessment *a = id >= 0 ? store_load_flags(s, id, STORE_LOAD_NO_HISTORY, &e) : NULL;
    if (!a) {
        msg_error("%s", e.text);
        *status = EXIT_WORK;
    }
    return a;
}

int cli_id_and_format(const char *cmd, int argc, char **argv, enum cli_format *fmt,
                      int *revision)
{
    static const struct option lo[] = {
        { "format", required_argument, NULL, 'f' },
        { "revision", required_argument, NULL, 'r' },
        { NULL, 0, NULL, 0 },
    };
    *fmt = CLI_TEXT;
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:", lo, NULL)) != -1) {
        if (c == 'r' && revision) {
            if (!cli_parse_int(optarg, 1, 1000000, revision)) {
                msg_error(_("--revision takes a revision number (1, 2, ...), not '%s'"), optarg);
                return EXIT_USAGE;
            }
            continue;
        }
        if (c != 'f')
            return cli_bad_option(cmd, c, argv);
        if (cli_parse_format(optarg, fmt) < 0)
            return EXIT_USAGE;
    }
    if (optind != argc - 1) {
        msg_error(_("usage: dpia %s ID%s [--format text|tsv|json]"), cmd,
                  revision ? " [--revision N]" : "");
        return EXIT_USAGE;
    }
    return 0;
}

struct assessment *cli_open_load_revision(const struct cli_global *g, const char *ref,
                                          int revision, struct store **s, int *rc)
{
    struct assessment *a = cli_open_load(g, false, ref, s, rc);
    if (!a || revision <= 0 || revision == a->revision)
        return a;
    struct err e;
    int64_t id = a->id;
    assess_free(a);
    a = ops_load(*s, id, revision, STORE_LOAD_NO_HISTORY, NULL, NULL, &e);
    if (!a) {
        msg_error("%s", e.text);
        *rc = EXIT_WORK;
    }
    return a;
}

struct assessment *cli_open_load(const struct cli_global *g, bool write, const char *ref,
                                 struct store **s, int *rc)
{
    *rc = cli_open(g, write, s);
    if (*rc)
        return NULL;
    struct assessment *a = cli_load(*s, ref, rc);
    if (!a) {
        store_close(*s);
        *s = NULL;
    }
    return a;
}

/* One line for people: line breaks become "; " before the rest of the
 * control characters are made visible. */
void cli_put_line(FILE *f, const char *s)
{
    struct buf b = { 0 };
    for (const char *p = s ? s : ""; *p; p++) {
        if (*p == '\n')
            buf_adds(&b, "; ");
        else if (*p != '\r')
            buf_addc(&b, *p);
    }
    char *safe = text_sanitize(buf_str(&b), false);
    fputs(safe, f);
    free(safe);
    buf_free(&b);
}

void cli_put_cut(FILE *f, const char *s, int cols)
{
    struct buf b = { 0 };
    for (const char *p = s ? s : ""; *p; p++) {
        if (*p == '\n')
            buf_adds(&b, "; ");
        else if (*p != '\r')
            buf_addc(&b, *p);
    }
    char *safe = text_sanitize(buf_str(&b), false);
    if (text_width(safe) > cols) {
        size_t n = text_fit(safe, cols - 1);
        fwrite(safe, 1, n, f);
        fputs("\xe2\x80\xa6", f); /* … */
    } else {
        fputs(safe, f);
    }
    free(safe);
    buf_free(&b);
}

void cli_put_padded(FILE *f, const char *s, int cols, bool right)
{
    int pad = cols - text_width(s);
    if (right && pad > 0)
        fprintf(f, "%*s", pad, "");
    fputs(s, f);
    if (!right && pad > 0)
        fprintf(f, "%*s", pad, "");
}

void cli_put_text(FILE *f, const char *s, const char *indent)
{
    char *safe = text_sanitize(s ? s : "", true);
    fputs(indent, f);
    for (const char *p = safe; *p; p++) {
        fputc(*p, f);
        if (*p == '\n' && p[1])
            fputs(indent, f);
    }
    free(safe);
}

/* Decodes s and calls esc for each control character (bidirectional
 * controls included); everything else is copied (invalid UTF-8 as U+FFFD, so the output is always valid). */
static void put_escaped(FILE *f, const char *s, void (*esc)(FILE *, unsigned))
{
    size_t len = strlen(s ? s : "");
    for (size_t i = 0; i < len;) {
        unsigned cp;
        size_t n = text_decode(s + i, len - i, &cp);
        if (text_is_control(cp) || text_is_bidi(cp) || cp == '\\' || cp == '"')
            esc(f, cp);
        else if (cp == 0xfffd && n == 1)
            fputs("\xef\xbf\xbd", f);
        else
            fwrite(s + i, 1, n, f);
        i += n;
    }
}

static void tsv_escape(FILE *f, unsigned cp)
{
    switch (cp) {
    case '\t':
        fputs("\\t", f);
        break;
    case '\n':
        fputs("\\n", f);
        break;
    case '\r':
        fputs("\\r", f);
        break;
    case '\\':
        fputs("\\\\", f);
        break;
    case '"':
        fputc('"', f);
        break;
    default:
        fprintf(f, "\\u%04X", cp);
    }
}

static void json_escape(FILE *f, unsigned cp)
{
    if (cp == '"' || cp == '\\')
        fprintf(f, "\\%c", (char)cp);
    else
        fprintf(f, "\\u%04x", cp);
}

void cli_put_tsv(FILE *f, const char *s)
{
    put_escaped(f, s, tsv_escape);
}

void cli_put_json(FILE *f, const char *s)
{
    fputc('"', f);
    put_escaped(f, s, json_escape);
    fputc('"', f);
}

const char *cli_time(int64_t t, char buf[32])
{
    time_t tt = (time_t)t;
    struct tm tm;
    if (t <= 0 || !localtime_r(&tt, &tm) || strftime(buf, 32, "%Y-%m-%d %H:%M", &tm) == 0)
        snprintf(buf, 32, "-");
    return buf;
}

const char *cli_time_iso(int64_t t, char buf[32])
{
    time_t tt = (time_t)t;
    struct tm tm;
    if (t <= 0 || !gmtime_r(&tt, &tm) || strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
        buf[0] = '\0';
    return buf;
}

bool cli_parse_int(const char *s, int lo, int hi, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return false;
    *out = (int)v;
    return true;
}

int cli_bad_option(const char *cmd, int c, char **argv)
{
    const char *arg = argv[optind - 1];
    if (c == ':')
        msg_error(_("%s: option '%s' needs an argument"), cmd, arg);
    else if (optopt && strncmp(arg, "--", 2) != 0)
        msg_error(_("%s: unknown option '-%c' (see dpia --help)"), cmd, optopt);
    else
        msg_error(_("%s: unknown option '%s' (see dpia --help)"), cmd, arg);
    return EXIT_USAGE;
}

void cli_put_reasons(const char *message, const struct wf_list *why, enum wf_level level)
{
    msg_error("%s", message);
    for (size_t i = 0; i < why->n; i++) {
        if (why->items[i].level != level)
            continue;
        fputs("  - ", stderr);
        cli_put_line(stderr, why->items[i].text);
        fputc('\n', stderr);
    }
}
