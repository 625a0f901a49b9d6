/* The field tables of risks, measures and sign-offs, and access to a
 * field through them. */
#include "config.h"
#include "core/fields.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#define AT(type, member) .off = offsetof(struct type, member)

/* The CSV headers and form labels are for people: marked here, each
 * translated where it is shown (the names, columns, XML places and
 * options stay as they are). */

const struct field risk_fields[] = {
    { "title", FLD_TEXT, AT(risk, title), .required = true, .column = "title", .xml = "title",
      .csv = N_("Title"), .csv_pos = 2, .label = N_("Title"), .form_pos = 1, .opt = "title" },
    { "description", FLD_TEXT, AT(risk, description), .lines = true, .column = "description",
      .xml = "description", .csv = N_("Description"), .csv_pos = 3, .label = N_("Description"),
      .form_pos = 3, .opt = "description" },
    { "source", FLD_TEXT, AT(risk, source), .column = "source", .xml = "source",
      .csv = N_("Risk sources"), .csv_pos = 4, .label = N_("Risk sources"), .form_pos = 4,
      .opt = "source" },
    { "impacts", FLD_TEXT, AT(risk, impacts), .lines = true, .column = "impacts",
      .xml = "impacts", .csv = N_("Impacts on people"), .csv_pos = 6,
      .label = N_("Impacts on people"), .form_pos = 6, .opt = "impacts" },
    { "threats", FLD_TEXT, AT(risk, threats), .column = "threats", .xml = "threats",
      .csv = N_("Threats"), .csv_pos = 5, .label = N_("Threats"), .form_pos = 5, .opt = "threats" },
    { "likelihood", FLD_INT, AT(risk, likelihood), .role = FR_LIKELIHOOD,
      .column = "likelihood", .xml = "before/@likelihood", .csv = N_("Likelihood before"),
      .csv_pos = 7, .label = N_("Likelihood before"), .form_pos = 7, .opt = "likelihood" },
    { "likelihood why", FLD_TEXT, AT(risk, likelihood_why), .column = "likelihood_why",
      .xml = "before/likelihood-why", .csv = N_("Why (likelihood before)"), .csv_pos = 8,
      /* TRANSLATORS: a form label under the score it explains; keep the
         two leading spaces. */
      .label = N_("  why"), .form_pos = 8, .opt = "likelihood-why" },
    { "severity", FLD_INT, AT(risk, severity), .role = FR_SEVERITY, .column = "severity",
      .xml = "before/@severity", .csv = N_("Severity before"), .csv_pos = 9,
      .label = N_("Severity before"), .form_pos = 9, .opt = "severity" },
    { "severity why", FLD_TEXT, AT(risk, severity_why), .column = "severity_why",
      .xml = "before/severity-why", .csv = N_("Why (severity before)"), .csv_pos = 10,
      .label = N_("  why"), .form_pos = 10, .opt = "severity-why" },
    { "likelihood after", FLD_INT, AT(risk, likelihood_after), .role = FR_LIKELIHOOD,
      .column = "likelihood_after", .xml = "after/@likelihood", .csv = N_("Likelihood after"),
      .csv_pos = 12, .label = N_("Likelihood after"), .form_pos = 11, .opt = "likelihood-after" },
    { "likelihood after why", FLD_TEXT, AT(risk, likelihood_after_why),
      .column = "likelihood_after_why", .xml = "after/likelihood-why",
      .csv = N_("Why (likelihood after)"), .csv_pos = 13, .label = N_("  why"), .form_pos = 12,
      .opt = "likelihood-after-why" },
    { "severity after", FLD_INT, AT(risk, severity_after), .role = FR_SEVERITY,
      .column = "severity_after", .xml = "after/@severity", .csv = N_("Severity after"),
      .csv_pos = 14, .label = N_("Severity after"), .form_pos = 13, .opt = "severity-after" },
    { "severity after why", FLD_TEXT, AT(risk, severity_after_why),
      .column = "severity_after_why", .xml = "after/severity-why",
      .csv = N_("Why (severity after)"), .csv_pos = 15, .label = N_("  why"), .form_pos = 14,
      .opt = "severity-after-why" },
    { "type", FLD_RTYPE, AT(risk, type), .column = "type", .xml = "@type", .csv = N_("Type"),
      .csv_pos = 18, .label = N_("Type"), .form_pos = 2, .opt = "type" },
    { "concerns", FLD_TEXT, AT(risk, concerns), .role = FR_CONCERNS, .column = "concerns",
      .xml = "concerns", .xml_opt = true, .csv = N_("Table rows concerned"),
      .label = N_("Table rows concerned"), .opt = "concerns" },
    { "kind", FLD_TEXT, AT(risk, kind), .role = FR_RISK_KIND, .column = "kind",
      .xml = "kind", .xml_opt = true, .csv = N_("Declared type"), .label = N_("Declared type"),
      .form_pos = 2, .opt = "kind" },
};
const size_t nrisk_fields = sizeof risk_fields / sizeof risk_fields[0];

const struct field measure_fields[] = {
    { "title", FLD_TEXT, AT(measure, title), .required = true, .column = "title",
      .xml = "title", .csv = N_("Title"), .csv_pos = 2, .label = N_("Title"), .form_pos = 1,
      .opt = "title" },
    { "description", FLD_TEXT, AT(measure, description), .lines = true,
      .column = "description", .xml = "description", .csv = N_("Description"), .csv_pos = 3,
      .label = N_("Description"), .form_pos = 2, .opt = "description" },
    { "type", FLD_MTYPE, AT(measure, type), .column = "type", .xml = "@type", .csv = N_("Type"),
      .csv_pos = 4, .label = N_("Type"), .form_pos = 3, .opt = "type" },
    { "owner", FLD_TEXT, AT(measure, owner), .column = "owner", .xml = "owner", .csv = N_("Owner"),
      .csv_pos = 5, .label = N_("Owner"), .form_pos = 4, .opt = "owner" },
    { "due", FLD_TEXT, AT(measure, due), .role = FR_DATE, .column = "due", .xml = "@due",
      .csv = N_("Due"), .csv_pos = 6, .label = N_("Due date"), .form_pos = 5, .opt = "due" },
    { "status", FLD_MSTATUS, AT(measure, status), .column = "status", .xml = "@status",
      .csv = N_("Status"), .csv_pos = 7, .label = N_("Status"), .form_pos = 6, .opt = "status" },
    { "group", FLD_TEXT, AT(measure, group), .role = FR_GROUP, .column = "group_id",
      .xml = "group", .xml_opt = true, .csv = N_("Group"), .label = N_("Group"), .opt = "group" },
};
const size_t nmeasure_fields = sizeof measure_fields / sizeof measure_fields[0];

const struct field signoff_fields[] = {
    { "name", FLD_TEXT, AT(signoff, name), .column = "name", .xml = "name", .label = N_("Name"),
      .form_pos = 1, .opt = "name", .required = true },
    { "position", FLD_TEXT, AT(signoff, position), .column = "position", .xml = "position",
      .label = N_("Position"), .form_pos = 2, .opt = "position" },
    { "date", FLD_TEXT, AT(signoff, date), .role = FR_DATE, .column = "date", .xml = "@date",
      .label = N_("Date"), .form_pos = 3, .opt = "date" },
    { "decision", FLD_DECISION, AT(signoff, decision), .column = "decision",
      .xml = "@decision", .label = N_("Decision"), .form_pos = 4, .opt = "decision" },
    { "advice", FLD_TEXT, AT(signoff, advice), .lines = true, .column = "advice",
      .xml = "advice", .label = N_("Advice"), .form_pos = 5, .opt = "advice" },
    { "advice followed", FLD_FOLLOWED, AT(signoff, advice_followed),
      .column = "advice_followed", .xml = "@advice-followed", .label = N_("Advice followed"),
      .form_pos = 6, .opt = "followed" },
    { "why not", FLD_TEXT, AT(signoff, why_not), .lines = true, .column = "why_not",
      .xml = "why-not", .label = N_("Why not followed"), .form_pos = 7, .opt = "why-not" },
    { "warnings acknowledged", FLD_TEXT, AT(signoff, acknowledged), .lines = true,
      .column = "acknowledged", .xml = "acknowledged", .xml_opt = true,
      .label = N_("Warnings acknowledged") },
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

const char *field_choice_label(const struct field *f, int v)
{
    switch (f->kind) {
    case FLD_MTYPE:
        return v >= 0 && v < MT_COUNT ? measure_type_label((enum measure_type)v) : "";
    case FLD_MSTATUS:
        return v >= 0 && v < MS_COUNT ? measure_status_label((enum measure_status)v) : "";
    case FLD_DECISION:
        return v >= 0 && v < DEC_COUNT ? decision_label((enum decision)v) : "";
    case FLD_RTYPE:
        return v >= 0 && v < RT_COUNT ? risk_type_label((enum risk_type)v) : "";
    default:
        return "";
    }
}

int field_nchoices(const struct field *f)
{
    switch (f->kind) {
    case FLD_MTYPE:
        return MT_COUNT;
    case FLD_MSTATUS:
        return MS_COUNT;
    case FLD_DECISION:
        return DEC_COUNT;
    case FLD_RTYPE:
        return RT_COUNT;
    default:
        return 0;
    }
}

char *field_show(const struct field *f, const void *obj, const struct assessment *a)
{
    const struct tmpl_method *m = a ? assess_method(a) : NULL;
    int v;
    switch (f->kind) {
    case FLD_TEXT:
        if (f->role == FR_GROUP && a && a->tmpl) {
            const struct tmpl_group *g = fields_group(a->tmpl, field_str(f, obj));
            if (g)
                return xstrdup(g->name);
        }
        if (f->role == FR_RISK_KIND && a && a->tmpl) {
            const struct tmpl_group *k = fields_kind(a->tmpl, field_str(f, obj));
            if (k)
                return xstrdup(k->name);
        }
        return xstrdup(field_str(f, obj));
    case FLD_INT: {
        v = field_int(f, obj);
        int n = !m ? 0 : f->role == FR_SEVERITY ? m->nseverity : m->nlikelihood;
        if (v < 1)
            return xstrdup("");
        if (v > n || (f->role != FR_LIKELIHOOD && f->role != FR_SEVERITY))
            return xasprintf("%d", v);
        const struct tmpl_scale_level *l = f->role == FR_SEVERITY ? m->severity : m->likelihood;
        return xasprintf("%s (%d)", l[v - 1].name, v);
    }
    case FLD_FOLLOWED:
        v = field_int(f, obj);
        /* TRANSLATORS: whether the DPO's advice was followed. */
        return xstrdup(v > 0 ? _("yes") : v == 0 ? _("no") : "");
    case FLD_RTYPE:
        return xstrdup(fields_risk_type_name(a, obj));
    default:
        return xstrdup(field_choice_label(f, field_int(f, obj)));
    }
}

const struct field *fields_find(const struct field *t, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(t[i].name, name) == 0)
            return &t[i];
    return NULL;
}

void fields_copy_texts(const struct field *t, size_t n, void *dst, const void *src)
{
    for (size_t i = 0; i < n; i++)
        if (t[i].kind == FLD_TEXT)
            *text_at(&t[i], dst) = xstrdup(field_str(&t[i], src));
}

void fields_clear_texts(const struct field *t, size_t n, void *obj)
{
    for (size_t i = 0; i < n; i++)
        if (t[i].kind == FLD_TEXT)
            XFREE(*text_at(&t[i], obj));
}

size_t fields_layout(const struct field *t, size_t n, bool form, const struct field **out)
{
    size_t k = 0;
    /* Placed ones by their position (a few dozen: insertion is enough),
     * then the others in the order of the table. */
    for (size_t i = 0; i < n; i++) {
        int pos = form ? t[i].form_pos : t[i].csv_pos;
        if (!(form ? t[i].label : t[i].csv) || pos <= 0)
            continue;
        size_t j = k++;
        while (j > 0 && (form ? out[j - 1]->form_pos : out[j - 1]->csv_pos) > pos) {
            out[j] = out[j - 1];
            j--;
        }
        out[j] = &t[i];
    }
    for (size_t i = 0; i < n; i++)
        if ((form ? t[i].label : t[i].csv) && (form ? t[i].form_pos : t[i].csv_pos) <= 0)
            out[k++] = &t[i];
    return k;
}

char *fields_concerns(const char *in, struct err *e)
{
    struct buf b = { 0 };
    const char *p = in ? in : "";
    while (*p) {
        if (*p == ' ' || *p == ',' || *p == '\t') {
            p++;
            continue;
        }
        const char *s = p;
        while (*p && *p != ' ' && *p != ',' && *p != '\t')
            p++;
        size_t len = (size_t)(p - s), nl = 0;
        while (nl < len && s[nl] >= 'A' && s[nl] <= 'Z')
            nl++;
        size_t nd = len - nl;
        bool ok = nl >= 1 && nl <= 3 && nd >= 1 && nd <= 6 && s[nl] != '0';
        for (size_t i = nl; ok && i < len; i++)
            ok = s[i] >= '0' && s[i] <= '9';
        if (!ok) {
            err_set(e, _("'%.*s' is not a table row: a reference is one to three capital letters "
                    "and a number, such as D1 or PR12, references separated by spaces"),
                    (int)(len > 40 ? 40 : len), s);
            buf_free(&b);
            return NULL;
        }
        /* A reference given twice is cited once. */
        bool seen = false;
        for (const char *q = buf_str(&b); *q && !seen;) {
            const char *end = strchr(q, ' ');
            size_t ql = end ? (size_t)(end - q) : strlen(q);
            seen = ql == len && memcmp(q, s, len) == 0;
            q += ql + (end ? 1 : 0);
        }
        if (!seen)
            buf_printf(&b, "%s%.*s", b.len ? " " : "", (int)len, s);
    }
    return b.len ? buf_take(&b) : (buf_free(&b), xstrdup(""));
}

const struct tmpl_group *fields_group(const struct tmpl *t, const char *id)
{
    for (size_t i = 0; t && id && i < t->ngroups; i++)
        if (strcmp(t->groups[i].id, id) == 0)
            return &t->groups[i];
    return NULL;
}

int fields_check_group(const struct tmpl *t, const char *id, struct err *e)
{
    if (!id || !*id || fields_group(t, id))
        return 0;
    if (!t || t->ngroups == 0)
        return err_set(e, _("unknown measure group '%s': the template declares no measure groups"),
                       id);
    struct buf b = { 0 };
    for (size_t i = 0; i < t->ngroups; i++)
        buf_printf(&b, "%s%s (%s)", i ? ", " : "", t->groups[i].id, t->groups[i].name);
    err_set(e, _("unknown measure group '%s' (the template declares: %s)"), id, buf_str(&b));
    buf_free(&b);
    return -1;
}

const struct tmpl_group *fields_kind(const struct tmpl *t, const char *id)
{
    for (size_t i = 0; t && id && i < t->nkinds; i++)
        if (strcmp(t->kinds[i].id, id) == 0)
            return &t->kinds[i];
    return NULL;
}

int fields_check_kind(const struct tmpl *t, const char *id, struct err *e)
{
    if (!id || !*id || fields_kind(t, id))
        return 0;
    if (!t || t->nkinds == 0)
        return err_set(e, _("unknown risk type '%s': the template declares no risk types"), id);
    struct buf b = { 0 };
    for (size_t i = 0; i < t->nkinds; i++)
        buf_printf(&b, "%s%s (%s)", i ? ", " : "", t->kinds[i].id, t->kinds[i].name);
    err_set(e, _("unknown risk type '%s' (the template declares: %s)"), id, buf_str(&b));
    buf_free(&b);
    return -1;
}

const char *fields_risk_type_name(const struct assessment *a, const struct risk *r)
{
    if (r->type == RT_OTHER && r->kind && *r->kind) {
        const struct tmpl_group *k = fields_kind(a ? a->tmpl : NULL, r->kind);
        return k ? k->name : r->kind;
    }
    return risk_type_label(r->type);
}
