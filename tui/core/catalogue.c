/* The catalogue of measures and threats (core/catalogue.h): parsed
 * from memory as any file from outside is (xmlsafe: no DOCTYPE, no
 * network), checked against its schema, then read into entries. */
#include "config.h"
#include "core/catalogue.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/relaxng.h>

#include "core/xmlsafe.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

extern const char res_catalogue_xml[];
extern const unsigned long res_catalogue_xml_len;
extern const char res_catalogue_rng[];
extern const unsigned long res_catalogue_rng_len;

#define CATALOGUE_MAX_DEPTH 16

static xmlRelaxNGPtr schema;

static const char *const source_keys[] = {
#define X(name, key, label) key,
    CAT_SOURCES(X)
#undef X
};
static const char *const source_labels[] = {
#define X(name, key, label) label,
    CAT_SOURCES(X)
#undef X
};

const char *cat_source_key(enum cat_source s)
{
    return (unsigned)s < CS_COUNT ? source_keys[s] : "";
}

const char *cat_source_label(enum cat_source s)
{
    return (unsigned)s < CS_COUNT ? source_labels[s] : "";
}

const char *catalogue_builtin(size_t *len)
{
    *len = (size_t)res_catalogue_xml_len;
    return res_catalogue_xml;
}

void catalogue_cleanup(void)
{
    if (schema) {
        xmlRelaxNGFree(schema);
        schema = NULL;
    }
}

static bool is_el(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns &&
           strcmp((const char *)n->ns->href, CATALOGUE_NS) == 0 &&
           strcmp((const char *)n->name, name) == 0;
}

static char *attr(const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
    char *s = xstrdup(v ? (const char *)v : "");
    xmlFree(v);
    return s;
}

/* The text of an element, white space folded: the file is indented. */
static char *text_of(const xmlNode *n)
{
    xmlChar *v = xmlNodeGetContent(n);
    const char *p = v ? (const char *)v : "";
    size_t len = strlen(p);
    char *out = xmalloc(len + 1), *o = out;
    bool space = false;
    for (; *p; p++) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
            space = o > out;
            continue;
        }
        if (space)
            *o++ = ' ';
        space = false;
        *o++ = *p;
    }
    *o = '\0';
    xmlFree(v);
    return out;
}

/* The words of a list attribute as bits, each word found in keys[0..n). */
static unsigned bits_of(const char *list, const char *const *keys, size_t n)
{
    unsigned bits = 0;
    char *copy = xstrdup(list), *save = NULL;
    for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save))
        for (size_t i = 0; i < n; i++)
            if (strcmp(w, keys[i]) == 0)
                bits |= 1u << i;
    free(copy);
    return bits;
}

static void words_of(const char *list, char ***out, size_t *n)
{
    char *copy = xstrdup(list), *save = NULL;
    size_t cap = 0;
    for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
        *out = xgrow(*out, &cap, *n + 1, sizeof **out);
        (*out)[(*n)++] = xstrdup(w);
    }
    free(copy);
}

static void entry_free(struct cat_entry *x)
{
    free(x->id);
    free(x->title);
    free(x->description);
    for (size_t i = 0; i < x->nrefs; i++)
        free(x->refs[i]);
    free(x->refs);
    free(x->category);
    for (size_t i = 0; i < x->nthreats; i++)
        free(x->threats[i]);
    free(x->threats);
    free(x->origin);
}

static void read_entry(const xmlNode *n, const char *origin, struct cat_entry *x)
{
    memset(x, 0, sizeof *x);
    x->kind = is_el(n, "measure") ? CAT_MEASURE : CAT_THREAT;
    x->id = attr(n, "id");
    x->origin = xstrdup(origin);
    const char *risk_keys[RT_COUNT];
    for (int t = 0; t < RT_COUNT; t++)
        risk_keys[t] = t == RT_NONE ? "\x01" : risk_type_key((enum risk_type)t);
    char *v = attr(n, "risk-types");
    x->risk_types = bits_of(v, risk_keys, RT_COUNT);
    free(v);
    v = attr(n, "sources");
    x->sources = bits_of(v, source_keys, CS_COUNT);
    free(v);
    x->category = attr(n, "category");
    v = attr(n, "type");
    int type = measure_type_parse(v);
    x->type = type < 0 ? MT_ORGANISATIONAL : (enum measure_type)type;
    free(v);
    v = attr(n, "threats");
    words_of(v, &x->threats, &x->nthreats);
    free(v);
    size_t cap = 0;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (is_el(c, "title")) {
            free(x->title);
            x->title = text_of(c);
        } else if (is_el(c, "description")) {
            free(x->description);
            x->description = text_of(c);
        } else if (is_el(c, "ref")) {
            x->refs = xgrow(x->refs, &cap, x->nrefs + 1, sizeof *x->refs);
            x->refs[x->nrefs++] = text_of(c);
        }
    }
    if (!x->title)
        x->title = xstrdup("");
    if (!x->description)
        x->description = xstrdup("");
}

/* Text that may reach a terminal or a record: UTF-8 (the parser sees to
 * it) without control characters (it folds white space) or bidi ones. */
static bool clean(const char *s)
{
    for (size_t i = 0, len = strlen(s); i < len;) {
        unsigned cp;
        i += text_decode(s + i, len - i, &cp);
        if (text_is_control(cp) || text_is_bidi(cp))
            return false;
    }
    return true;
}

int catalogue_add(struct catalogue *c, const char *xml, size_t len, const char *name,
                  const char *origin, struct err *e)
{
    if (!schema)
        schema = xmlsafe_schema(res_catalogue_rng, (size_t)res_catalogue_rng_len);
    if (!schema)
        return err_set(e, _("the built-in catalogue schema does not parse"));
    xmlDocPtr doc = xmlsafe_parse(xml, len, name, CATALOGUE_MAX_DEPTH, e);
    if (!doc)
        return -1;
    if (xmlsafe_validate(doc, schema, name, "catalogue", e) < 0) {
        xmlFreeDoc(doc);
        return -1;
    }
    /* Read whole before anything is added: a file is taken or left. */
    struct cat_entry *got = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    for (const xmlNode *x = xmlDocGetRootElement(doc)->children; x; x = x->next) {
        if (!is_el(x, "threat") && !is_el(x, "measure"))
            continue;
        got = xgrow(got, &cap, n + 1, sizeof *got);
        read_entry(x, origin, &got[n]);
        struct cat_entry *y = &got[n++];
        if (!clean(y->title) || !clean(y->description)) {
            rc = err_set(e, _("%s:%ld: the entry %s holds a control character"), name,
                         xmlGetLineNo(x), y->id);
            break;
        }
        for (size_t i = 0; i + 1 < n; i++)
            if (strcmp(got[i].id, y->id) == 0) {
                rc = err_set(e, _("%s:%ld: the id %s is given twice"), name, xmlGetLineNo(x),
                             y->id);
                break;
            }
        if (rc < 0)
            break;
    }
    xmlFreeDoc(doc);
    if (rc < 0) {
        for (size_t i = 0; i < n; i++)
            entry_free(&got[i]);
        free(got);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        struct cat_entry *old = (struct cat_entry *)catalogue_find(c, got[i].id);
        if (old) {
            entry_free(old);
            *old = got[i];
            continue;
        }
        c->entries = xrealloc(c->entries, (c->count + 1) * sizeof *c->entries);
        c->entries[c->count++] = got[i];
    }
    free(got);
    return 0;
}

int catalogue_check_threats(const struct catalogue *c, struct err *e)
{
    for (size_t i = 0; i < c->count; i++) {
        const struct cat_entry *x = &c->entries[i];
        for (size_t k = 0; k < x->nthreats; k++) {
            const struct cat_entry *t = catalogue_find(c, x->threats[k]);
            if (!t || t->kind != CAT_THREAT)
                return err_set(e, _("%s: %s answers %s, which is not a threat of the catalogue"),
                               x->origin, x->id, x->threats[k]);
        }
    }
    return 0;
}

void catalogue_free(struct catalogue *c)
{
    for (size_t i = 0; i < c->count; i++)
        entry_free(&c->entries[i]);
    free(c->entries);
    c->entries = NULL;
    c->count = 0;
}

const struct cat_entry *catalogue_find(const struct catalogue *c, const char *id)
{
    for (size_t i = 0; i < c->count; i++)
        if (strcmp(c->entries[i].id, id) == 0)
            return &c->entries[i];
    return NULL;
}

bool cat_entry_matches(const struct cat_entry *x, const char *text)
{
    if (!text || !*text)
        return true;
    if (strcasestr(x->id, text) || strcasestr(x->title, text) ||
        strcasestr(x->description, text))
        return true;
    for (size_t i = 0; i < x->nrefs; i++)
        if (strcasestr(x->refs[i], text))
            return true;
    return false;
}
