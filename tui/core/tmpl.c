/* The template model: names of the enumerations, lookups, freeing, and
 * the built-in default template. The loader is in tmpl_load.c. */
#include "config.h"
#include "core/tmpl.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Generated from templates/ by tools/embed. */
extern const char res_template_xml[];
extern const unsigned long res_template_xml_len;
extern const char res_template_edpb_xml[];
extern const unsigned long res_template_edpb_xml_len;

/* The built-in templates, the default one first. */
static const struct {
    const char *xml;
    const unsigned long *len;
    const char *name;
} builtins[] = {
    { res_template_xml, &res_template_xml_len, "built-in" },
    { res_template_edpb_xml, &res_template_edpb_xml_len, "built-in edpb-2026" },
};

static const char *const qtype_names[] = {
#define X(name, xml, label) xml,
    TMPL_QTYPES(X)
#undef X
};
static const char *const qtype_labels[] = {
#define X(name, xml, label) label,
    TMPL_QTYPES(X)
#undef X
};
static const char *const ctype_names[] = {
#define X(name, xml, label) xml,
    TMPL_CTYPES(X)
#undef X
};
static const char *const ctype_labels[] = {
#define X(name, xml, label) label,
    TMPL_CTYPES(X)
#undef X
};
static const char *const kind_names[] = {
#define X(name, xml) xml,
    TMPL_KINDS(X)
#undef X
};

const char *tmpl_qtype_name(enum tmpl_qtype t)
{
    return (unsigned)t < QT_COUNT ? qtype_names[t] : "?";
}

const char *tmpl_qtype_label(enum tmpl_qtype t)
{
    return (unsigned)t < QT_COUNT ? _(qtype_labels[t]) : "?";
}

const char *tmpl_ctype_name(enum tmpl_ctype t)
{
    return (unsigned)t < CT_COUNT ? ctype_names[t] : "?";
}

const char *tmpl_ctype_label(enum tmpl_ctype t)
{
    return (unsigned)t < CT_COUNT ? _(ctype_labels[t]) : "?";
}

const char *tmpl_kind_name(enum tmpl_kind k)
{
    return (unsigned)k < SK_COUNT ? kind_names[k] : "?";
}

static void free_strv(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

void tmpl_free(struct tmpl *t)
{
    if (!t)
        return;
    free(t->by_id);
    free(t->id);
    free(t->version);
    free(t->lang);
    free(t->langs);
    free(t->own_lang);
    free(t->title);
    free(t->description);
    for (size_t i = 0; i < t->nmethods; i++) {
        struct tmpl_method *m = &t->methods[i];
        free(m->id);
        free(m->name);
        free(m->description);
        for (int j = 0; j < m->nlikelihood; j++) {
            free(m->likelihood[j].name);
            free(m->likelihood[j].definition);
        }
        for (int j = 0; j < m->nseverity; j++) {
            free(m->severity[j].name);
            free(m->severity[j].definition);
        }
        for (int j = 0; j < m->nlevels; j++) {
            free(m->levels[j].id);
            free(m->levels[j].name);
        }
    }
    free(t->methods);
    for (size_t i = 0; i < t->ncoverage; i++) {
        free(t->coverage[i].id);
        free(t->coverage[i].ref);
        free(t->coverage[i].text);
    }
    free(t->coverage);
    for (size_t i = 0; i < t->ngroups; i++) {
        free(t->groups[i].id);
        free(t->groups[i].name);
    }
    free(t->groups);
    for (size_t i = 0; i < t->nkinds; i++) {
        free(t->kinds[i].id);
        free(t->kinds[i].name);
    }
    free(t->kinds);
    for (size_t i = 0; i < t->nsections; i++) {
        struct tmpl_section *s = &t->sections[i];
        free(s->id);
        free(s->title);
        free(s->intro);
        free_strv(s->covers, s->ncovers);
    }
    free(t->sections);
    for (size_t i = 0; i < t->nquestions; i++) {
        struct tmpl_question *q = &t->questions[i];
        free(q->id);
        free(q->mandatory);
        free(q->implies);
        free(q->feared_event);
        free(q->prompt);
        free(q->help);
        free_strv(q->refs, q->nrefs);
        for (size_t j = 0; j < q->noptions; j++) {
            free(q->options[j].value);
            free(q->options[j].label);
        }
        free(q->options);
        for (size_t j = 0; j < q->nconditions; j++) {
            free(q->conditions[j].question);
            free(q->conditions[j].value);
            free(q->conditions[j].column);
        }
        free(q->conditions);
        free_strv(q->covers, q->ncovers);
        free(q->prefix);
        for (size_t j = 0; j < q->ncolumns; j++) {
            struct tmpl_column *c = &q->columns[j];
            free(c->id);
            free(c->label);
            for (size_t k = 0; k < c->noptions; k++) {
                free(c->options[k].value);
                free(c->options[k].label);
            }
            free(c->options);
            free(c->table);
            free(c->tprefix);
        }
        free(q->columns);
    }
    free(t->questions);
    free(t);
}

/* FNV-1a. */
static size_t id_hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* The slot of id in the table: where it is, or the empty one where it
 * would go. */
static size_t slot(const struct tmpl *t, const char *id)
{
    size_t mask = t->by_id_cap - 1, k = id_hash(id) & mask;
    while (t->by_id[k] && strcmp(t->questions[t->by_id[k] - 1].id, id) != 0)
        k = (k + 1) & mask;
    return k;
}

long tmpl_index_question(struct tmpl *t, size_t i)
{
    if (2 * (i + 1) > t->by_id_cap) {
        /* At most half full: grow and put back what was there. */
        size_t cap = t->by_id_cap ? 2 * t->by_id_cap : 64;
        size_t *old = t->by_id, oldcap = t->by_id_cap;
        t->by_id = xcalloc(cap, sizeof *t->by_id);
        t->by_id_cap = cap;
        for (size_t k = 0; k < oldcap; k++)
            if (old[k])
                t->by_id[slot(t, t->questions[old[k] - 1].id)] = old[k];
        free(old);
    }
    size_t k = slot(t, t->questions[i].id);
    if (t->by_id[k])
        return (long)t->by_id[k] - 1;
    t->by_id[k] = i + 1;
    return -1;
}

long tmpl_question_index(const struct tmpl *t, const char *id)
{
    if (t->by_id_cap) {
        size_t k = slot(t, id);
        return t->by_id[k] ? (long)t->by_id[k] - 1 : -1;
    }
    for (size_t i = 0; i < t->nquestions; i++)
        if (strcmp(t->questions[i].id, id) == 0)
            return (long)i;
    return -1;
}

const struct tmpl_question *tmpl_find_question(const struct tmpl *t, const char *id)
{
    long i = tmpl_question_index(t, id);
    return i < 0 ? NULL : &t->questions[i];
}

const struct tmpl_method *tmpl_find_method(const struct tmpl *t, const char *id)
{
    for (size_t i = 0; i < t->nmethods; i++)
        if (strcmp(t->methods[i].id, id) == 0)
            return &t->methods[i];
    return NULL;
}

const struct tmpl_method *tmpl_default_method(const struct tmpl *t)
{
    return &t->methods[t->default_method];
}

const struct tmpl_question *tmpl_find_role(const struct tmpl *t, enum tmpl_role r)
{
    for (size_t i = 0; r != ROLE_Q_NONE && i < t->nquestions; i++)
        if (t->questions[i].role == r)
            return &t->questions[i];
    return NULL;
}

const struct tmpl_section *tmpl_find_kind(const struct tmpl *t, enum tmpl_kind k)
{
    for (size_t i = 0; i < t->nsections; i++)
        if (t->sections[i].kind == k)
            return &t->sections[i];
    return NULL;
}

const struct tmpl_section *tmpl_find_section(const struct tmpl *t, const char *id)
{
    for (size_t i = 0; id && i < t->nsections; i++)
        if (strcmp(t->sections[i].id, id) == 0)
            return &t->sections[i];
    return NULL;
}

const struct tmpl_option *tmpl_find_option(const struct tmpl_question *q, const char *value)
{
    for (size_t i = 0; i < q->noptions; i++)
        if (strcmp(q->options[i].value, value) == 0)
            return &q->options[i];
    return NULL;
}

const struct tmpl_coverage_item *tmpl_find_coverage(const struct tmpl *t, const char *id)
{
    for (size_t i = 0; i < t->ncoverage; i++)
        if (strcmp(t->coverage[i].id, id) == 0)
            return &t->coverage[i];
    return NULL;
}

static struct tmpl *builtin;

const char *tmpl_builtin_xml(size_t *len)
{
    if (len)
        *len = (size_t)res_template_xml_len;
    return res_template_xml;
}

size_t tmpl_builtin_count(void)
{
    return sizeof builtins / sizeof builtins[0];
}

const char *tmpl_builtin_xml_at(size_t i, size_t *len, const char **name)
{
    if (i >= tmpl_builtin_count())
        return NULL;
    if (len)
        *len = (size_t)*builtins[i].len;
    if (name)
        *name = builtins[i].name;
    return builtins[i].xml;
}

const struct tmpl *tmpl_builtin(void)
{
    if (!builtin) {
        struct err e;
        builtin = tmpl_parse(res_template_xml, (size_t)res_template_xml_len, "built-in", &e);
    }
    return builtin;
}

void tmpl_cleanup_builtin(void);
void tmpl_cleanup_builtin(void)
{
    tmpl_free(builtin);
    builtin = NULL;
}

char *tmpl_refs_text(const struct tmpl_question *q)
{
    struct buf b = { 0 };
    for (size_t i = 0; i < q->nrefs; i++)
        buf_printf(&b, "%s%s", i ? I18N_LIST_SEP : "", q->refs[i]);
    char *r = xstrdup(buf_str(&b));
    buf_free(&b);
    return r;
}
