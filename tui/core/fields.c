/* The field tables of risks, measures and sign-offs, and access to a
 * field through them. */
#include "config.h"
#include "core/fields.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

#define FT(type, member, kind, name) { name, kind, offsetof(struct type, member), false }
/* A text of several lines. */
#define FTL(type, member, name) { name, FLD_TEXT, offsetof(struct type, member), true }

const struct field risk_fields[] = {
    FT(risk, title, FLD_TEXT, "title"),
    FTL(risk, description, "description"),
    FT(risk, source, FLD_TEXT, "source"),
    FTL(risk, impacts, "impacts"),
    FT(risk, threats, FLD_TEXT, "threats"),
    FT(risk, likelihood, FLD_INT, "likelihood"),
    FT(risk, likelihood_why, FLD_TEXT, "likelihood why"),
    FT(risk, severity, FLD_INT, "severity"),
    FT(risk, severity_why, FLD_TEXT, "severity why"),
    FT(risk, likelihood_after, FLD_INT, "likelihood after"),
    FT(risk, likelihood_after_why, FLD_TEXT, "likelihood after why"),
    FT(risk, severity_after, FLD_INT, "severity after"),
    FT(risk, severity_after_why, FLD_TEXT, "severity after why"),
    FT(risk, type, FLD_RTYPE, "type"),
};
const size_t nrisk_fields = sizeof risk_fields / sizeof risk_fields[0];

const struct field measure_fields[] = {
    FT(measure, title, FLD_TEXT, "title"),
    FTL(measure, description, "description"),
    FT(measure, type, FLD_MTYPE, "type"),
    FT(measure, owner, FLD_TEXT, "owner"),
    FT(measure, due, FLD_TEXT, "due"),
    FT(measure, status, FLD_MSTATUS, "status"),
};
const size_t nmeasure_fields = sizeof measure_fields / sizeof measure_fields[0];

const struct field signoff_fields[] = {
    FT(signoff, name, FLD_TEXT, "name"),
    FT(signoff, position, FLD_TEXT, "position"),
    FT(signoff, date, FLD_TEXT, "date"),
    FT(signoff, decision, FLD_DECISION, "decision"),
    FTL(signoff, advice, "advice"),
    FT(signoff, advice_followed, FLD_FOLLOWED, "advice followed"),
    FTL(signoff, why_not, "why not"),
    FTL(signoff, acknowledged, "warnings acknowledged"),
};
const size_t nsignoff_fields = sizeof signoff_fields / sizeof signoff_fields[0];

static char **text_at(const struct field *f, const void *obj)
{
    return (char **)((char *)(uintptr_t)obj + f->off);
}

const char *field_str(const struct field *f, const void *obj)
{
    const char *v = *text_at(f, obj);
    return v ? v : "";
}

void field_set_str(const struct field *f, void *obj, const char *v)
{
    char *copy = xstrdup(v ? v : "");
    free(*text_at(f, obj));
    *text_at(f, obj) = copy;
}

/* Enumerations are read through their own type: their size is the
 * compiler's business. */
int field_int(const struct field *f, const void *obj)
{
    const char *p = (const char *)obj + f->off;
    switch (f->kind) {
    case FLD_MTYPE:
        return (int)*(const enum measure_type *)(const void *)p;
    case FLD_MSTATUS:
        return (int)*(const enum measure_status *)(const void *)p;
    case FLD_DECISION:
        return (int)*(const enum decision *)(const void *)p;
    case FLD_RTYPE:
        return (int)*(const enum risk_type *)(const void *)p;
    default:
        return *(const int *)(const void *)p;
    }
}

void field_set_int(const struct field *f, void *obj, int v)
{
    char *p = (char *)obj + f->off;
    switch (f->kind) {
    case FLD_MTYPE:
        *(enum measure_type *)(void *)p = (enum measure_type)v;
        break;
    case FLD_MSTATUS:
        *(enum measure_status *)(void *)p = (enum measure_status)v;
        break;
    case FLD_DECISION:
        *(enum decision *)(void *)p = (enum decision)v;
        break;
    case FLD_RTYPE:
        *(enum risk_type *)(void *)p = (enum risk_type)v;
        break;
    default:
        *(int *)(void *)p = v;
    }
}

const char *field_key(const struct field *f, int v)
{
    switch (f->kind) {
    case FLD_MTYPE:
        return v >= 0 && v < MT_COUNT ? measure_type_key((enum measure_type)v) : "";
    case FLD_MSTATUS:
        return v >= 0 && v < MS_COUNT ? measure_status_key((enum measure_status)v) : "";
    case FLD_DECISION:
        return v >= 0 && v < DEC_COUNT ? decision_key((enum decision)v) : "";
    case FLD_RTYPE:
        return v >= 0 && v < RT_COUNT ? risk_type_key((enum risk_type)v) : "";
    default:
        return "";
    }
}

int field_parse(const struct field *f, const char *key)
{
    switch (f->kind) {
    case FLD_MTYPE:
        return measure_type_parse(key);
    case FLD_MSTATUS:
        return measure_status_parse(key);
    case FLD_DECISION:
        return decision_parse(key);
    case FLD_RTYPE:
        return risk_type_parse(key);
    default:
        return -1;
    }
}

bool field_same(const struct field *f, const void *a, const void *b)
{
    if (f->kind == FLD_TEXT)
        return strcmp(field_str(f, a), field_str(f, b)) == 0;
    return field_int(f, a) == field_int(f, b);
}

char *field_text(const struct field *f, const void *obj)
{
    int v;
    switch (f->kind) {
    case FLD_TEXT:
        return xstrdup(field_str(f, obj));
    case FLD_INT:
        v = field_int(f, obj);
        return v ? xasprintf("%d", v) : xstrdup("");
    case FLD_FOLLOWED:
        v = field_int(f, obj);
        return xstrdup(v > 0 ? "yes" : v == 0 ? "no" : "");
    default:
        return xstrdup(field_key(f, field_int(f, obj)));
    }
}
