#include "config.h"
#include "core/answer.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/table.h"
#include "core/textrule.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

int answer_yes_no(const char *s, size_t len)
{
    static const char *const yes[] = { "yes", "y", "oui", "ja" };
    static const char *const no[] = { "no", "n", "non", "nein" };
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (strlen(yes[i]) == len && strncasecmp(s, yes[i], len) == 0)
            return 1;
        if (strlen(no[i]) == len && strncasecmp(s, no[i], len) == 0)
            return 0;
    }
    return -1;
}

#define ANSWER_MAX_BYTES (1u << 20) /* one answer: 1 MiB of text */

bool answer_valid_date(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
            return false;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1)
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int max = days[m - 1] + (m == 2 && leap);
    return d <= max;
}

/* Splits on newlines (and commas when commas is set) into trimmed items. */
static char **split_items(const char *v, bool commas, size_t *n)
{
    char **items = NULL;
    size_t cap = 0;
    *n = 0;
    const char *p = v;
    while (*p) {
        const char *end = p;
        while (*end && *end != '\n' && !(commas && *end == ','))
            end++;
        const char *a = p, *b = end;
        while (a < b && isspace((unsigned char)*a))
            a++;
        while (b > a && isspace((unsigned char)b[-1]))
            b--;
        if (b > a) {
            items = xgrow(items, &cap, *n + 1, sizeof *items);
            items[(*n)++] = xstrndup(a, (size_t)(b - a));
        }
        p = *end ? end + 1 : end;
    }
    return items;
}

static void free_items(char **items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(items[i]);
    free(items);
}

static void allowed_options(const struct tmpl_question *q, struct buf *b)
{
    for (size_t i = 0; i < q->noptions; i++)
        buf_printf(b, "%s%s", i ? ", " : "", q->options[i].value);
}

char *answer_canonical(const struct tmpl_question *q, const char *value, struct err *e)
{
    return answer_canonical_over(q, value, NULL, e);
}

char *answer_canonical_over(const struct tmpl_question *q, const char *value, const char *old,
                            struct err *e)
{
    size_t len = strlen(value);
    if (len > ANSWER_MAX_BYTES) {
        err_set(e, _("%s: the answer is longer than 1 MiB"), q->id);
        return NULL;
    }
    /* Carriage returns from pasted Windows text are dropped; the rest
     * is held to the rule of every text (core/textrule.h). */
    struct buf clean = {0};
    for (size_t i = 0; i < len; i++)
        if (value[i] != '\r')
            buf_addc(&clean, value[i]);
    if (textrule_check(q->id, buf_str(&clean), clean.len, TK_LINES, e) < 0) {
        buf_free(&clean);
        return NULL;
    }
    char *v = buf_take(&clean);

    struct buf out = {0};
    char *trimmed = text_squeeze(v, false);
    bool empty = *trimmed == '\0';
    char *result = NULL;
    if (empty) {
        result = xstrdup("");
        goto done;
    }
    switch (q->type) {
    case QT_TEXT: {
        /* Keep the text as typed, without trailing blank lines. */
        size_t n = strlen(v);
        while (n > 0 && isspace((unsigned char)v[n - 1]))
            n--;
        result = xstrndup(v, n);
        break;
    }
    case QT_TABLE:
        result = table_canonical_over(q, v, old, e);
        if (!result && e)
            err_prefix(e, "%s", q->id);
        break;
    case QT_YESNO:
        if (answer_yes_no(trimmed, strlen(trimmed)) >= 0)
            result = xstrdup(answer_yes_no(trimmed, strlen(trimmed)) ? "yes" : "no");
        else
            err_set(e, _("%s: '%s' is not an answer to a yes/no question (allowed: yes, no)"),
                    q->id, trimmed);
        break;
    case QT_CHOICE:
        if (tmpl_find_option(q, trimmed)) {
            result = xstrdup(trimmed);
        } else {
            allowed_options(q, &out);
            err_set(e, _("%s: '%s' is not one of the options (allowed: %s)"), q->id, trimmed,
                    buf_str(&out));
        }
        break;
    case QT_MULTI: {
        size_t n;
        char **items = split_items(v, true, &n);
        bool *chosen = xcalloc(q->noptions, sizeof *chosen);
        for (size_t i = 0; i < n && !result; i++) {
            const struct tmpl_option *o = tmpl_find_option(q, items[i]);
            if (!o) {
                allowed_options(q, &out);
                err_set(e, _("%s: '%s' is not one of the options (allowed: %s)"), q->id, items[i],
                        buf_str(&out));
                free_items(items, n);
                free(chosen);
                goto done;
            }
            chosen[o - q->options] = true;
        }
        free_items(items, n);
        struct buf r = {0};
        for (size_t i = 0; i < q->noptions; i++)
            if (chosen[i])
                buf_printf(&r, "%s%s", r.len ? "\n" : "", q->options[i].value);
        free(chosen);
        result = buf_take(&r);
        break;
    }
    case QT_LIST: {
        size_t n;
        char **items = split_items(v, false, &n);
        struct buf r = {0};
        for (size_t i = 0; i < n; i++)
            buf_printf(&r, "%s%s", i ? "\n" : "", items[i]);
        free_items(items, n);
        result = buf_take(&r);
        break;
    }
    case QT_DATE:
        if (answer_valid_date(trimmed))
            result = xstrdup(trimmed);
        else
            err_set(e, _("%s: '%s' is not a date (YYYY-MM-DD, a real calendar day)"), q->id,
                    trimmed);
        break;
    case QT_COUNT:
        err_set(e, _("%s: unknown question type"), q->id);
        break;
    }
done:
    buf_free(&out);
    free(trimmed);
    free(v);
    return result;
}

int answer_count_items(const char *value)
{
    if (!value || !*value)
        return 0;
    int n = 1;
    for (const char *p = value; *p; p++)
        n += *p == '\n';
    return n;
}

bool answer_item(const char *value, int i, char *out, int outsz)
{
    const char *p = value;
    for (int k = 0; k < i && p; k++) {
        p = strchr(p, '\n');
        if (p)
            p++;
    }
    if (!p || !*p)
        return false;
    const char *end = strchr(p, '\n');
    size_t n = end ? (size_t)(end - p) : strlen(p);
    snprintf(out, (size_t)outsz, "%.*s", (int)n, p);
    return true;
}

bool answer_has_item(const char *value, const char *item)
{
    size_t n = strlen(item);
    for (const char *p = value; p && *p;) {
        const char *end = strchr(p, '\n');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && strncmp(p, item, n) == 0)
            return true;
        p = end ? end + 1 : NULL;
    }
    return false;
}

char *answer_display(const struct tmpl_question *q, const char *value)
{
    if (!value || !*value)
        return xstrdup("");
    switch (q->type) {
    case QT_YESNO:
        return xstrdup(strcmp(value, "yes") == 0 ? _("Yes") : _("No"));
    case QT_CHOICE: {
        const struct tmpl_option *o = tmpl_find_option(q, value);
        return xstrdup(o ? o->label : value);
    }
    case QT_TABLE:
        return table_display(q, value);
    case QT_MULTI:
    case QT_LIST: {
        struct buf b = {0};
        for (const char *p = value; p && *p;) {
            const char *end = strchr(p, '\n');
            char *item = end ? xstrndup(p, (size_t)(end - p)) : xstrdup(p);
            const struct tmpl_option *o = q->type == QT_MULTI ? tmpl_find_option(q, item) : NULL;
            buf_printf(&b, "%s%s", b.len ? I18N_LIST_SEP : "", o ? o->label : item);
            free(item);
            p = end ? end + 1 : NULL;
        }
        return buf_take(&b);
    }
    default:
        return xstrdup(value);
    }
}
