/* Drafts of forms and dialogs: kept a second at a time while typed,
 * offered back when the form opens again (see draft.h). */
#include "config.h"
#include "ui/draft.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ops/ops.h"
#include "store/store.h"
#include "ui/dialog.h"
#include "ui/term.h"
#include "util/buf.h"
#include "util/xalloc.h"
#include "util/i18n.h"

/* At most one save a second while the content changes. */
#define DRAFT_EVERY_MS 1000

static bool writable(const struct app *a, const struct draft *d)
{
    return d && !d->held && a->store && !store_is_read_only(a->store);
}

void draft_init(struct draft *d, int64_t assessment, const char *fmt, ...)
{
    memset(d, 0, sizeof *d);
    d->assessment = assessment;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->key, sizeof d->key, fmt, ap);
    va_end(ap);
}

void draft_free(struct draft *d)
{
    if (!d)
        return;
    XFREE(d->saved);
    XFREE(d->base);
}

/* Drops the draft of d's key from the database. */
static void drop(struct app *a, struct draft *d)
{
    if (!writable(a, d) || !d->stored)
        return;
    struct err e;
    if (ops_draft_drop(a->store, d->assessment, d->key, &e) < 0) {
        app_message(a, true, _("The draft could not be dropped: %s"), e.text);
        return;
    }
    d->stored = false;
}

char *draft_restore(struct app *a, struct draft *d, const char *title,
                    bool (*fits)(const char *content, const void *ctx), const void *ctx)
{
    if (!writable(a, d) || d->offered || a->quitting)
        return NULL;
    d->offered = true;
    struct err e;
    char *content = ops_draft_load(a->store, d->assessment, d->key, &e);
    if (!content) {
        if (e.text[0])
            app_message(a, true, "%s", e.text);
        return NULL;
    }
    d->stored = true;
    if (fits && !fits(content, ctx)) {
        /* Not a draft of this form (another version's?): of no use. */
        free(content);
        drop(a, d);
        return NULL;
    }
    bool yes = dialog_confirm(a, title, _("Restore what was typed before dpia stopped?"));
    if (a->quitting) {
        /* Leaving before the answer: the draft stays for next time. */
        d->held = true;
        free(content);
        return NULL;
    }
    if (!yes) {
        free(content);
        drop(a, d);
        return NULL;
    }
    return content;
}

void draft_begin(struct draft *d, const char *content)
{
    if (!d)
        return;
    free(d->saved);
    d->saved = xstrdup(content);
    d->changed = false;
}

void draft_touch(struct draft *d)
{
    if (d)
        d->changed = true;
}

bool draft_due(const struct app *a, const struct draft *d)
{
    return writable(a, d) && d->changed && (a->quitting || term_now_ms() >= d->due);
}

int draft_wait(const struct app *a, const struct draft *d)
{
    if (!writable(a, d) || !d->changed)
        return DRAFT_EVERY_MS;
    long long left = d->due - term_now_ms();
    return left <= 0 ? 0 : left < DRAFT_EVERY_MS ? (int)left : DRAFT_EVERY_MS;
}

void draft_keep(struct app *a, struct draft *d, const char *content)
{
    if (!writable(a, d))
        return;
    d->changed = false;
    if (d->saved && strcmp(d->saved, content) == 0)
        return;
    /* Counted from the attempt, so that a locked database is not tried
     * again on every key. */
    d->due = term_now_ms() + DRAFT_EVERY_MS;
    struct err e;
    if (ops_draft_save(a->store, d->assessment, d->key, content, &e) < 0) {
        app_message(a, true, _("What is typed could not be kept as a draft: %s"), e.text);
        d->changed = true; /* try again in a second */
        return;
    }
    d->stored = true;
    free(d->saved);
    d->saved = xstrdup(content);
}

void draft_close(struct app *a, struct draft *d, const char *content, bool discarded)
{
    if (!d)
        return;
    if (discarded && !a->quitting)
        drop(a, d);
    else
        draft_keep(a, d, content);
}

void draft_finish(struct app *a, struct draft *d, bool saved)
{
    if (d && (saved || !a->quitting))
        drop(a, d);
}

/* --- the content of a form ------------------------------------------------- */

char *draft_encode(const char *const *fields, int n)
{
    struct buf b = {0};
    for (int i = 0; i < n; i++) {
        if (!fields[i])
            buf_adds(&b, "\\=");
        for (const char *p = fields[i] ? fields[i] : ""; *p; p++) {
            if (*p == '\\')
                buf_adds(&b, "\\\\");
            else if (*p == '\n')
                buf_adds(&b, "\\n");
            else if (*p == '\r')
                buf_adds(&b, "\\r");
            else
                buf_addc(&b, *p);
        }
        buf_addc(&b, '\n');
    }
    return buf_take(&b);
}

char **draft_decode(const char *content, int *n)
{
    size_t cap = 8, count = 0;
    char **out = xcalloc(cap, sizeof *out);
    const char *p = content ? content : "";
    while (*p) {
        char *field = NULL;
        if (p[0] == '\\' && p[1] == '=' && (p[2] == '\n' || !p[2])) {
            p += 2; /* left as it was */
        } else {
            struct buf f = {0};
            for (; *p && *p != '\n'; p++) {
                if (*p == '\\' && (p[1] == '\\' || p[1] == 'n' || p[1] == 'r')) {
                    p++;
                    buf_addc(&f, *p == 'n' ? '\n' : *p == 'r' ? '\r' : '\\');
                } else {
                    buf_addc(&f, *p);
                }
            }
            field = buf_take(&f);
        }
        if (*p == '\n')
            p++;
        out = xgrow(out, &cap, count + 1, sizeof *out);
        out[count++] = field;
    }
    *n = (int)count;
    return out;
}

void draft_fields_free(char **fields, int n)
{
    for (int i = 0; fields && i < n; i++)
        free(fields[i]);
    free(fields);
}
