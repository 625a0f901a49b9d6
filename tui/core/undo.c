/* Undo: finding the latest change still standing in the change log, and
 * reading values back from the log's text. */
#include "config.h"
#include "core/undo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/xalloc.h"

bool undo_is_undo(const char *what)
{
    return strncmp(what, UNDO_PREFIX, strlen(UNDO_PREFIX)) == 0;
}

/* "R12 rest" after "risk ": the number and the rest. */
static bool numbered(const char *s, char letter, int *number, const char **rest)
{
    if (*s != letter || s[1] < '1' || s[1] > '9')
        return false;
    char *end;
    long v = strtol(s + 1, &end, 10);
    if (*end != ' ' || v > 1000000)
        return false;
    *number = (int)v;
    *rest = end + 1;
    return true;
}

static void copy(char *dst, size_t cap, const char *src)
{
    snprintf(dst, cap, "%s", src);
}

void undo_parse(const char *what, struct undo_subject *out)
{
    memset(out, 0, sizeof *out);
    static const char *const answer_parts[] = { "answer", "note", "follow-up" };
    for (size_t i = 0; i < 3; i++) {
        size_t len = strlen(answer_parts[i]);
        if (strncmp(what, answer_parts[i], len) == 0 && what[len] == ' ' && what[len + 1] &&
            strlen(what + len + 1) < sizeof out->thing) {
            out->kind = UNDO_ANSWER;
            copy(out->part, sizeof out->part, answer_parts[i]);
            copy(out->thing, sizeof out->thing, what + len + 1);
            return;
        }
    }
    const char *rest;
    if (strncmp(what, "risk ", 5) == 0 && numbered(what + 5, 'R', &out->number, &rest)) {
        out->kind = UNDO_RISK;
    } else if (strncmp(what, "measure ", 8) == 0 &&
               numbered(what + 8, 'M', &out->number, &rest)) {
        out->kind = UNDO_MEASURE;
    } else if (strncmp(what, "sign-off ", 9) == 0) {
        const char *role = what + 9, *sp = strchr(role, ' ');
        if (!sp || (size_t)(sp - role) >= sizeof out->thing)
            return;
        memcpy(out->thing, role, (size_t)(sp - role));
        out->thing[sp - role] = '\0';
        out->role = signoff_role_parse(out->thing);
        if (out->role < 0)
            return;
        out->kind = UNDO_SIGNOFF;
        copy(out->part, sizeof out->part, sp + 1);
        return;
    } else {
        return;
    }
    snprintf(out->thing, sizeof out->thing, "%c%d", out->kind == UNDO_RISK ? 'R' : 'M',
             out->number);
    copy(out->part, sizeof out->part, rest);
}

bool undo_find(const struct change *h, const int *parts, size_t n, size_t *first,
               size_t *last)
{
    /* The texts of the undo entries met so far, each waiting for the
     * entry it cancels. */
    const char **pending = xcalloc(n + 1, sizeof *pending);
    size_t npending = 0;
    bool found = false;
    for (size_t i = n; i-- > 0;) {
        const char *what = h[i].what;
        if (undo_is_undo(what)) {
            pending[npending++] = what + strlen(UNDO_PREFIX);
            continue;
        }
        size_t k = 0;
        while (k < npending && strcmp(pending[k], what) != 0)
            k++;
        if (k < npending) {
            pending[k] = pending[--npending];
            continue;
        }
        /* The latest entry standing, and those its change wrote before. */
        *first = *last = i;
        while (parts && *first > 0 && parts[*first] == UNDO_PART_MORE)
            --*first;
        found = true;
        break;
    }
    free(pending);
    return found;
}

const struct field *undo_field(const struct field *fields, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(fields[i].name, name) == 0)
            return &fields[i];
    return NULL;
}

int undo_field_set(const struct field *f, void *obj, const char *text, struct err *e)
{
    char *end;
    long v;
    switch (f->kind) {
    case FLD_TEXT:
        field_set_str(f, obj, text);
        return 0;
    case FLD_INT:
        if (!*text) {
            field_set_int(f, obj, 0);
            return 0;
        }
        v = strtol(text, &end, 10);
        if (*end || v < 0 || v > TMPL_MAX_LEVELS)
            break;
        field_set_int(f, obj, (int)v);
        return 0;
    case FLD_FOLLOWED:
        if (strcmp(text, "yes") == 0)
            field_set_int(f, obj, 1);
        else if (strcmp(text, "no") == 0)
            field_set_int(f, obj, 0);
        else if (!*text)
            field_set_int(f, obj, -1);
        else
            break;
        return 0;
    default:
        v = field_parse(f, text);
        if (v < 0)
            break;
        field_set_int(f, obj, (int)v);
        return 0;
    }
    return err_set(e, _("the change log records '%s' for %s, which is not one of its values"),
                   text, f->name);
}

int undo_numbers(const char *text, char letter, int **out, size_t *n, struct err *e)
{
    *out = NULL;
    *n = 0;
    size_t cap = 0;
    const char *p = text;
    while (*p) {
        char *end;
        long v = p[0] == letter ? strtol(p + 1, &end, 10) : 0;
        if (v < 1 || v > 1000000 || (*end && strncmp(end, ", ", 2) != 0)) {
            XFREE(*out);
            *n = 0;
            return err_set(e, _("the change log records '%s', which is not a list of numbers"),
                           text);
        }
        *out = xgrow(*out, &cap, *n + 1, sizeof **out);
        (*out)[(*n)++] = (int)v;
        p = *end ? end + 2 : end;
    }
    return 0;
}
