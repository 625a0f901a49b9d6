/*
 * A template's languages: its text in the language it is written in
 * (the root's lang, English by default), and translations beside it as
 * xml:lang alternatives, the way itstool joins them:
 *
 *   <prompt>Who is the controller?</prompt>
 *   <prompt xml:lang="fr">Qui est le responsable du traitement ?</prompt>
 *
 * Before the template is read, one language is chosen: each translated
 * element takes the place of its source, the other translations are
 * dropped, so that the rest of the loader and the schema see a template
 * in one language.
 */
#include "config.h"

#include <string.h>

#include <libxml/tree.h>

#include "core/tmpl_load.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* The elements whose text is for people (templates/template.its). */
static const char *const translatable[] = {
    "title", "description", "name", "definition", "prompt", "help", "intro", "label",
    "option", "text", "ref", "mandatory", "group", "type",
};

static bool has_child_element(const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            return true;
    return false;
}

static bool is_translatable(const xmlNode *n)
{
    if (n->type != XML_ELEMENT_NODE)
        return false;
    for (size_t i = 0; i < sizeof translatable / sizeof translatable[0]; i++)
        if (tl_is_el(n, translatable[i]))
            return true;
    /* The older forms: a level's definition and a coverage item's text
     * as their content. */
    return (tl_is_el(n, "level") || tl_is_el(n, "item")) && !has_child_element(n);
}

static bool blank(const xmlNode *n)
{
    xmlChar *v = xmlNodeGetContent(n);
    bool b = true;
    for (const xmlChar *p = v; p && *p && b; p++)
        b = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r';
    xmlFree(v);
    return b;
}

/* The xml:lang of n, or NULL (the caller frees). */
static char *lang_of(const xmlNode *n)
{
    return (char *) xmlGetNsProp(n, (const xmlChar *) "lang", XML_XML_NAMESPACE);
}

/* The element n translates: the nearest preceding sibling of the same
 * name without xml:lang, past other translations of it; NULL if none. */
static xmlNode *source_of(xmlNode *n)
{
    for (xmlNode *p = n->prev; p; p = p->prev) {
        if (p->type != XML_ELEMENT_NODE)
            continue;
        if (!xmlStrEqual(p->name, n->name))
            return NULL;
        char *l = lang_of(p);
        if (!l)
            return p;
        xmlFree(l);
    }
    return NULL;
}

struct tr {
    xmlNode *node, *source;
    char *lang;
};

/* Every translation under n, checked: each follows its source, at most
 * one per language and source. */
static int collect(struct load *L, xmlNode *n, struct tr **v, size_t *count, size_t *cap)
{
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        char *l = lang_of(c);
        if (l) {
            xmlNode *src = source_of(c);
            if (!src) {
                xmlFree(l);
                return tl_fail_at(L, c, _("<%s xml:lang> follows no <%s> of the template's own "
                                  "language, which it would translate"), (const char *) c->name,
                                  (const char *) c->name);
            }
            if (!is_translatable(src) || !*l || strlen(l) > 15) {
                xmlFree(l);
                return tl_fail_at(L, c, _("<%s> cannot be translated with xml:lang"), (const char *) c->name);
            }
            for (size_t i = 0; i < *count; i++)
                if ((*v)[i].source == src && strcmp((*v)[i].lang, l) == 0) {
                    xmlFree(l);
                    return tl_fail_at(L, c, _("<%s> has two translations into '%s'"),
                                      (const char *) c->name, (*v)[i].lang);
                }
            *v = xgrow(*v, cap, *count + 1, sizeof **v);
            (*v)[(*count)++] = (struct tr) { c, src, l };
            continue;
        }
        if (collect(L, c, v, count, cap) < 0)
            return -1;
    }
    return 0;
}

static void free_trs(struct tr *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        xmlFree(v[i].lang);
    free(v);
}

/* Adds code to the space-separated list *langs unless it is there. */
static void add_lang(char **langs, const char *code)
{
    size_t n = strlen(code);
    for (const char *p = *langs; p && *p;) {
        size_t w = strcspn(p, " ");
        if (w == n && strncmp(p, code, n) == 0)
            return;
        p += w + (p[w] == ' ');
    }
    char *s = *langs ? xasprintf("%s %s", *langs, code) : xstrdup(code);
    free(*langs);
    *langs = s;
}

int tl_select_lang(struct load *L, xmlNode *root, const char *lang, char **langs, bool *chosen)
{
    struct tr *v = NULL;
    size_t n = 0, cap = 0;
    *chosen = false;
    if (collect(L, root, &v, &n, &cap) < 0) {
        free_trs(v, n);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        add_lang(langs, v[i].lang);
        if (lang && strcmp(v[i].lang, lang) == 0)
            *chosen = true;
    }
    /* The chosen translations take their sources' places; the others go. */
    for (size_t i = 0; i < n; i++) {
        if (lang && strcmp(v[i].lang, lang) == 0) {
            xmlAttr *a = xmlHasNsProp(v[i].node, (const xmlChar *) "lang", XML_XML_NAMESPACE);
            if (a)
                xmlRemoveProp(a);
        } else {
            xmlUnlinkNode(v[i].node);
            xmlFreeNode(v[i].node);
            v[i].node = NULL;
        }
    }
    for (size_t i = 0; i < n; i++)
        if (v[i].node) {
            xmlUnlinkNode(v[i].source);
            xmlFreeNode(v[i].source);
        }
    free_trs(v, n);
    return 0;
}

/* Each translatable element under n with text, and no translation into
 * code among its following siblings, said as a line of out. */
static void missing(const struct load *L, const xmlNode *n, const char *code, struct buf *out,
                    size_t *count)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        char *l = lang_of(c);
        if (l) {
            xmlFree(l);
            continue;
        }
        if (is_translatable(c) && !blank(c)) {
            bool found = false;
            for (const xmlNode *s = c->next; s && !found; s = s->next) {
                if (s->type != XML_ELEMENT_NODE)
                    continue;
                if (!xmlStrEqual(s->name, c->name))
                    break;
                char *sl = lang_of(s);
                if (!sl)
                    break;
                found = strcmp(sl, code) == 0;
                xmlFree(sl);
            }
            if (!found) {
                (*count)++;
                buf_printf(out, _("%s:%ld: <%s> has no translation into %s (%s), or its English "
                                  "changed since it was translated\n"),
                           L->name, xmlGetLineNo(c), (const char *) c->name, i18n_name(code), code);
            }
        }
        if (!is_translatable(c))
            missing(L, c, code, out, count);
    }
}

size_t tl_untranslated(const struct load *L, const xmlNode *root, const char *langs,
                       struct buf *out)
{
    size_t count = 0;
    for (const char *p = langs; p && *p;) {
        size_t w = strcspn(p, " ");
        char code[16];
        snprintf(code, sizeof code, "%.*s", (int) (w < 15 ? w : 15), p);
        missing(L, root, code, out, &count);
        p += w + (p[w] == ' ');
    }
    return count;
}
