#include "config.h"
#include "util/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

int err_set(struct err *e, const char *fmt, ...)
{
    if (e) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(e->text, sizeof e->text, fmt, ap);
        va_end(ap);
    }
    return -1;
}

void err_prefix(struct err *e, const char *fmt, ...)
{
    if (!e)
        return;
    char prefix[ERR_MAX], old[ERR_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(prefix, sizeof prefix, fmt, ap);
    va_end(ap);
    memcpy(old, e->text, sizeof old);
    snprintf(e->text, sizeof e->text, "%s: %s", prefix, old);
}

/* Messages often quote what was given or read (a title, a value, a
 * file's text): they reach the terminal neutralised, as all such text
 * does. */
static void vmsg(const char *kind, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

static void vmsg(const char *kind, const char *fmt, va_list ap)
{
    char *text = xvasprintf(fmt, ap);
    char *safe = text_sanitize(text, true);
    fputs("dpia: ", stderr);
    if (kind)
        fputs(kind, stderr);
    fputs(safe, stderr);
    fputc('\n', stderr);
    free(safe);
    free(text);
}

void msg_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmsg(NULL, fmt, ap);
    va_end(ap);
}

void msg_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    /* TRANSLATORS: begins a warning, after "dpia: ". */
    vmsg(_("warning: "), fmt, ap);
    va_end(ap);
}
