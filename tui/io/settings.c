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

/* A settings file is a few lines; a larger one is a mistake. */
#define CONFIG_MAX_BYTES (64u * 1024u)

struct reader {
    struct io_settings *c;
    const char *file;
    int line;
    size_t cap;
};

static void warn(struct reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void warn(struct reader *r, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    struct io_settings *c = r->c;
    c->warnings = xgrow(c->warnings, &r->cap, c->nwarnings + 1, sizeof *c->warnings);
    if (r->line > 0)
        c->warnings[c->nwarnings++] = xasprintf("%s:%d: %s", r->file, r->line, msg);
    else
        c->warnings[c->nwarnings++] = xasprintf("%s", msg);
}

static void set_export_dir(struct reader *r, const char *value)
{
    if (!*value) {
        free(r->c->export_dir);
        r->c->export_dir = xstrdup("");
        return;
    }
    if (value[0] != '/' && value[0] != '~') {
        warn(r, "export-dir must be an absolute folder or start with ~/, not '%s'; "
                "the line is ignored.", value);
        return;
    }
    char *dir = path_expand_home(value);
    if (!dir) {
        warn(r, "export-dir '%s' cannot be expanded: only ~ and ~/ are (with HOME set); "
                "the line is ignored.", value);
        return;
    }
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        dir[--n] = '\0';
    free(r->c->export_dir);
    r->c->export_dir = dir;
}

/* The keys, in the order the warnings list them. */
static const struct {
    const char *key;
    void (*set)(struct reader *r, const char *value);
} keys[] = {
    { "export-dir", set_export_dir },
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
        warn(r, "the line is not UTF-8 text; it is ignored.");
        return;
    }
    for (size_t i = 0; i < len;) {
        unsigned cp;
        i += text_decode(line + i, len - i, &cp);
        if ((text_is_control(cp) && cp != '\t') || text_is_bidi(cp)) {
            warn(r, "the line holds a control character; it is ignored.");
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
        warn(r, "the line is not of the form \"key = value\"; it is ignored.");
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
    warn(r, "'%s' is not a setting of dpia (known: export-dir); the line is ignored.", p);
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
    char *own = path ? NULL : io_settings_path();
    const char *file = path ? path : own;
    struct reader r = { c, file, 0, 0 };
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
        warn(&r, "%s; no setting is read from it.", e.text);
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
}
