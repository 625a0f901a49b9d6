/* The user's settings file (io/settings.h): read line by line, each line
 * checked on its own so that one mistake costs only that line. */
#include "config.h"
#include "io/settings.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "io/io.h"
#include "util/path.h"
#include "util/text.h"
#include "util/xalloc.h"
#include "util/i18n.h"

/* A settings file is a few lines; a larger one is a mistake. */
#define CONFIG_MAX_BYTES (64u * 1024u)

struct reader {
    struct io_settings *c;
    const char *file;
    int line;
};

static void warn(struct reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void add_warning(struct io_settings *c, int line, const char *msg)
{
    size_t cap = c->nwarnings;
    c->warnings = xgrow(c->warnings, &cap, c->nwarnings + 1, sizeof *c->warnings);
    if (line > 0)
        c->warnings[c->nwarnings++] = xasprintf("%s:%d: %s", c->file, line, msg);
    else
        c->warnings[c->nwarnings++] = xasprintf("%s", msg);
}

static void warn(struct reader *r, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    add_warning(r->c, r->line, msg);
}

void io_settings_warn_at(struct io_settings *c, int line, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    add_warning(c, line, msg);
}

static void set_export_format(struct reader *r, const char *value)
{
    free(r->c->export_format);
    r->c->export_format = xstrdup(value);
    r->c->export_format_line = r->line;
}

/* yes or no, as people write them. */
static void set_yes_no(struct reader *r, const char *key, int *out, const char *value)
{
    static const char *const yes[] = { "yes", "true", "on", "1" };
    static const char *const no[] = { "no", "false", "off", "0" };
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (strcmp(value, yes[i]) == 0) {
            *out = 1;
            return;
        }
        if (strcmp(value, no[i]) == 0) {
            *out = 0;
            return;
        }
    }
    warn(r, _("%s takes yes or no, not '%s'; the line is ignored."), key, value);
}

static void set_with_guidance(struct reader *r, const char *value)
{
    set_yes_no(r, "with-guidance", &r->c->with_guidance, value);
}

static void set_full_history(struct reader *r, const char *value)
{
    set_yes_no(r, "full-history", &r->c->full_history, value);
}

static void set_shared(struct reader *r, const char *value)
{
    set_yes_no(r, "shared", &r->c->shared, value);
}

static void set_export_dir(struct reader *r, const char *value)
{
    if (!*value) {
        free(r->c->export_dir);
        r->c->export_dir = xstrdup("");
        return;
    }
    if (value[0] != '/' && value[0] != '~') {
        warn(r, _("export-dir must be an absolute folder or start with ~/, not '%s'; "
                "the line is ignored."), value);
        return;
    }
    char *dir = path_expand_home(value);
    if (!dir) {
        warn(r, _("export-dir '%s' cannot be expanded: only ~ and ~/ are (with HOME set); "
                "the line is ignored."), value);
        return;
    }
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        dir[--n] = '\0';
    free(r->c->export_dir);
    r->c->export_dir = dir;
}

static void set_database(struct reader *r, const char *value)
{
    char *db = NULL;
    if (!*value || strncmp(value, "postgresql://", 13) == 0 ||
        strncmp(value, "postgres://", 11) == 0)
        db = xstrdup(value);
    else if (value[0] == '/' || value[0] == '~')
        db = path_expand_home(value);
    if (!db) {
        warn(r, _("database must be an absolute file name, one starting with ~/, or a "
                "postgresql:// URL, not '%s'; the line is ignored."), value);
        return;
    }
    free(r->c->database);
    r->c->database = db;
}

/* The keys, in the order the warnings list them. */
static const struct {
    const char *key;
    void (*set)(struct reader *r, const char *value);
} keys[] = {
    { "export-dir", set_export_dir },
    { "export-format", set_export_format },
    { "with-guidance", set_with_guidance },
    { "full-history", set_full_history },
    { "shared", set_shared },
    { "database", set_database },
};

static bool blank(char c)
{
    return c == ' ' || c == '\t';
}

/* One line (without its line break), NUL-terminated at line[len]. */
static void read_line(struct reader *r, char *line, size_t len)
{
    if (len && line[len - 1] == '\r')
        line[--len] = '\0';
    if (memchr(line, '\0', len) || !text_valid_utf8(line, len)) {
        warn(r, _("the line is not UTF-8 text; it is ignored."));
        return;
    }
    for (size_t i = 0; i < len;) {
        unsigned cp;
        i += text_decode(line + i, len - i, &cp);
        if ((text_is_control(cp) && cp != '\t') || text_is_bidi(cp)) {
            warn(r, _("the line holds a control character; it is ignored."));
            return;
        }
    }
    char *p = line;
    while (blank(*p))
        p++;
    if (!*p || *p == '#')
        return;
    char *eq = strchr(p, '=');
    char *end = eq ? eq : p + strlen(p);
    while (end > p && blank(end[-1]))
        end--;
    if (!eq || end == p) {
        warn(r, _("the line is not of the form \"key = value\"; it is ignored."));
        return;
    }
    *end = '\0';
    char *value = eq + 1;
    while (blank(*value))
        value++;
    char *vend = value + strlen(value);
    while (vend > value && blank(vend[-1]))
        *--vend = '\0';
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
        if (strcmp(p, keys[k].key) == 0) {
            keys[k].set(r, value);
            return;
        }
    warn(r, _("'%s' is not a setting of dpia (known: export-dir, export-format, "
                 "with-guidance, full-history, shared, database); the line is ignored."), p);
}

char *io_settings_path(void)
{
    char *dir = path_user_config_dir();
    if (!dir)
        return NULL;
    char *p = xasprintf("%s/config", dir);
    free(dir);
    return p;
}

void io_settings_load(struct io_settings *c, const char *path)
{
    memset(c, 0, sizeof *c);
    c->export_dir = xstrdup("");
    c->export_format = xstrdup("");
    c->database = xstrdup("");
    c->with_guidance = c->full_history = c->shared = -1;
    char *own = path ? NULL : io_settings_path();
    const char *file = path ? path : own;
    c->file = xstrdup(file ? file : "");
    struct reader r = { c, file, 0 };
    if (!file)
        return;
    /* No file, no settings; any other reason not to read it is said. */
    struct stat sb;
    if (stat(file, &sb) < 0 && errno == ENOENT) {
        free(own);
        return;
    }
    size_t len;
    struct err e;
    char *text = io_read_regular(file, CONFIG_MAX_BYTES, &len, &e);
    if (!text) {
        warn(&r, _("%s; no setting is read from it."), e.text);
        free(own);
        return;
    }
    char *p = text, *end = text + len;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *stop = nl ? nl : end;
        *stop = '\0';
        r.line++;
        read_line(&r, p, (size_t)(stop - p));
        p = stop + 1;
    }
    free(text);
    free(own);
}

void io_settings_free(struct io_settings *c)
{
    for (size_t i = 0; i < c->nwarnings; i++)
        free(c->warnings[i]);
    XFREE(c->warnings);
    c->nwarnings = 0;
    XFREE(c->export_dir);
    XFREE(c->export_format);
    XFREE(c->database);
    XFREE(c->file);
}
