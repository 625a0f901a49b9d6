/* Changes in people's words: see change_text.h. */
#include "config.h"
#include "core/change_text.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/answer.h"
#include "core/assess.h"
#include "core/date.h"
#include "core/fields.h"
#include "core/roles.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* The keys that name a whole change, and what people call them. */
static const struct {
    const char *key;
    const char *label;
} plain[] = {
    { "created", N_("Assessment started") },
    { "imported", N_("Imported") },
    { "revision", N_("Revision") },
    { "title", N_("Title") },
    { "status", N_("Status") },
    { "close", N_("Closed as \"DPIA not required\"") },
    { "review date", N_("Review date") },
    { "controller", N_("Controller") },
    { "dpo-contact", N_("The DPO's contact details") },
    { "language", N_("Language") },
};

/* The part of what after "word " ("answer scr.project" -> "scr.project"),
 * or NULL. */
static const char *after(const char *what, const char *word)
{
    size_t n = strlen(word);
    return strncmp(what, word, n) == 0 && what[n] == ' ' && what[n + 1] ? what + n + 1 : NULL;
}

/* The field a "risk R2 ...", "measure M1 ..." or "sign-off dpo ..."
 * change is about, with the record ("R2") or role in *who and what
 * follows it in *rest; NULL when the key is none of those. */
static const struct field *field_of(const char *what, char *who, size_t size,
                                    const char **rest)
{
    const struct field *t = NULL;
    size_t n = 0;
    const char *p;
    if ((p = after(what, "risk")))
        t = risk_fields, n = nrisk_fields;
    else if ((p = after(what, "measure")))
        t = measure_fields, n = nmeasure_fields;
    else if ((p = after(what, "sign-off")))
        t = signoff_fields, n = nsignoff_fields;
    else
        return NULL;
    size_t len = strcspn(p, " ");
    snprintf(who, size, "%.*s", (int)len, p);
    *rest = p[len] ? p + len + 1 : "";
    return fields_find(t, n, *rest) ? fields_find(t, n, *rest) : t;
}

static const char *field_words(const struct field *f)
{
    return _(f->csv ? f->csv : f->label ? f->label : f->name);
}

char *change_what_text(const char *what)
{
    const char *p;
    if ((p = after(what, "undone:")) || (p = after(what, "on behalf:"))) {
        char *inner = change_what_text(p);
        char *r = xasprintf(*what == 'u' ? _("Undone: %s") : _("Recorded on someone's behalf: %s"),
                            inner);
        free(inner);
        return r;
    }
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
        if (strcmp(what, plain[i].key) == 0)
            return xstrdup(_(plain[i].label));
    if ((p = after(what, "answer")))
        return xasprintf(_("Answer %s"), p);
    if ((p = after(what, "note")))
        return xasprintf(_("Note %s"), p);
    if ((p = after(what, "follow-up")))
        return xasprintf(_("Follow-up mark %s"), p);
    if ((p = after(what, "judgement")))
        return xasprintf(_("DPO's judgement of %s"), p);
    if ((p = after(what, "member")))
        return xasprintf(_("Member %s"), p);
    if ((p = after(what, "review"))) {
        /* The step's own words, as a sentence: "Review requested of the
         * DPO", "Returned with comments". */
        int k = review_kind_parse(p);
        if (k < 0)
            return xstrdup(what);
        char *r = xstrdup(review_kind_label((enum review_kind)k));
        if (*r >= 'a' && *r <= 'z')
            *r = (char)(*r - 'a' + 'A');
        return r;
    }
    int number, other;
    char word[16], on[200];
    if (sscanf(what, "comment %d reply to %d", &number, &other) == 2)
        return xasprintf(_("Comment %d, in reply to %d"), number, other);
    if (sscanf(what, "comment %d on %199s", &number, on) == 2)
        return xasprintf(_("Comment %d on %s"), number, on);
    if (sscanf(what, "comment %d %15s", &number, word) == 2 && strcmp(word, "resolved") == 0)
        return xasprintf(_("Comment %d resolved"), number);
    if (sscanf(what, "comment %d %15s", &number, word) == 2 && strcmp(word, "reopened") == 0)
        return xasprintf(_("Comment %d reopened"), number);
    if (sscanf(what, "workshop %d %15s", &number, word) == 2)
        return xasprintf(strcmp(word, "started") == 0 ? _("Workshop %d started")
                                                       : _("Workshop %d ended"),
                         number);
    char who[32];
    const char *rest;
    const struct field *f = field_of(what, who, sizeof who, &rest);
    if (!f)
        return xstrdup(what);
    const char *name = who;
    int role = strncmp(what, "sign-off ", 9) == 0 ? signoff_role_parse(who) : -1;
    if (role >= 0)
        name = signoff_role_label((enum signoff_role)role);
    if (!*rest)
        return xstrdup(name);
    bool risk = *what == 'r';
    if (strcmp(rest, "added") == 0)
        return xasprintf(risk ? _("Risk %s added") : _("Measure %s added"), name);
    if (strcmp(rest, "deleted") == 0)
        return xasprintf(risk ? _("Risk %s deleted") : _("Measure %s deleted"), name);
    const char *field = strcmp(rest, "risks") == 0             ? _("Risks addressed")
                        : strcmp(rest, "level before") == 0    ? _("Level before the measures")
                        : strcmp(rest, "residual level") == 0  ? _("Residual level")
                        : strcmp(f->name, rest) == 0           ? field_words(f)
                                                               : rest;
    return xasprintf("%s \xe2\x80\x94 %s", name, field); /* an em dash */
}

/* A date as the messages' language writes it; anything but a date as
 * it is. */
static char *shown_date(const char *value)
{
    char shown[DATE_DISPLAY_SIZE];
    if (strlen(value) != 10)
        return xstrdup(value);
    return xstrdup(date_display(value, i18n_current(), shown));
}

char *change_value_text(const char *what, const char *value, const struct tmpl *t)
{
    const char *p;
    if (!*value)
        return xstrdup(value);
    if ((p = after(what, "undone:")) || (p = after(what, "on behalf:")))
        return change_value_text(p, value, t);
    if (after(what, "member")) {
        int r = member_role_parse(value);
        return xstrdup(r >= 0 ? member_role_label((enum member_role)r) : value);
    }
    const struct tmpl_question *q = t && (p = after(what, "answer")) ? tmpl_find_question(t, p)
                                                                    : NULL;
    if (q)
        return answer_display(q, value);
    if (strcmp(what, "status") == 0) {
        int st = assess_status_parse(value);
        return xstrdup(st >= 0 ? assess_status_label((enum assess_status)st) : value);
    }
    if (strcmp(what, "review date") == 0)
        return shown_date(value);
    if (strcmp(what, "language") == 0)
        return xstrdup(i18n_name(value));
    if (after(what, "follow-up"))
        return xstrdup(strcmp(value, "yes") == 0 ? _("Yes") : strcmp(value, "no") == 0 ? _("No")
                                                                                      : value);
    char who[32];
    const char *rest;
    const struct field *f = field_of(what, who, sizeof who, &rest);
    if (!f || strcmp(f->name, rest) != 0)
        return xstrdup(value);
    switch (f->kind) {
    case FLD_FOLLOWED:
        return xstrdup(strcmp(value, "yes") == 0 ? _("Yes") : strcmp(value, "no") == 0 ? _("No")
                                                                                      : value);
    case FLD_DECISION:
    case FLD_MTYPE:
    case FLD_MSTATUS:
    case FLD_RTYPE: {
        int v = field_parse(f, value);
        return xstrdup(v >= 0 && *field_choice_label(f, v) ? field_choice_label(f, v) : value);
    }
    default:
        if (f->role == FR_DATE)
            return shown_date(value);
        return xstrdup(value);
    }
}
