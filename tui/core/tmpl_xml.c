/* The template loader's small readers of elements and attributes, and
 * its first failure said with its line (core/tmpl_load.h). */
#include "config.h"
#include "core/tmpl_load.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

int tl_fail_at(struct load *L, const xmlNode *node, const char *fmt, ...)
{
    if (L->failed)
        return -1;
    char msg[ERR_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    long line = node ? xmlGetLineNo(node) : 1;
    err_set(L->e, _("%s:%ld: %s"), L->name, line > 0 ? line : 1, msg);
    L->failed = true;
    return -1;
}

bool tl_is_el(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns &&
           strcmp((const char *)n->ns->href, TMPL_NS) == 0 &&
           strcmp((const char *)n->name, name) == 0;
}

char *tl_attr(const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
    if (!v)
        return NULL;
    char *s = xstrdup((const char *)v);
    xmlFree(v);
    return s;
}

/* A required attribute: NULL (and the load failed) when missing or empty. */
char *tl_need_attr(struct load *L, const xmlNode *n, const char *name)
{
    char *v = tl_attr(n, name);
    if (!v || !*v) {
        free(v);
        tl_fail_at(L, n, _("<%s> needs the attribute %s"), (const char *)n->name, name);
        return NULL;
    }
    return v;
}

bool tl_attr_is(const xmlNode *n, const char *name, const char *value)
{
    char *v = tl_attr(n, name);
    bool r = v && strcmp(v, value) == 0;
    free(v);
    return r;
}

/* The element's text, white space squeezed (paragraphs kept). */
char *tl_text_of(const xmlNode *n, bool paragraphs)
{
    xmlChar *v = xmlNodeGetContent(n);
    char *s = text_squeeze(v ? (const char *)v : "", paragraphs);
    xmlFree(v);
    return s;
}

const xmlNode *tl_first_el(const xmlNode *parent, const char *name)
{
    for (const xmlNode *c = parent->children; c; c = c->next)
        if (tl_is_el(c, name))
            return c;
    return NULL;
}

char **tl_split_words(const char *s, size_t *n)
{
    char **v = NULL;
    size_t cap = 0;
    *n = 0;
    while (s && *s) {
        while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
            s++;
        const char *w = s;
        while (*s && *s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            s++;
        if (s > w) {
            v = xgrow(v, &cap, *n + 1, sizeof *v);
            v[(*n)++] = xstrndup(w, (size_t)(s - w));
        }
    }
    return v;
}

/* --- the parts ---------------------------------------------------------- */

