/* Marks on the change log of the record tree a report is made from
 * (report_int.h, report_mark_changes): each change in people's words
 * and the language of the report (core/change_text.h: view:what,
 * view:old and view:new where they differ from the keys the record
 * keeps, view:item for a sign-off's role), the first change of each
 * person on each day, and the first change of each item among those. A
 * stylesheet then groups the change log by person and day in time
 * proportional to its length, where grouping by keys alone in XSLT 1.0
 * costs the square of a day's changes. The marks are attributes in the
 * namespace REPORT_VIEW_NS, on the tree only: the record written to a
 * file never has them. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/change_text.h"
#include "core/assess.h"
#include "report/report_int.h"
#include "util/buf.h"
#include "util/xalloc.h"

/* A set of strings, open addressing (FNV-1a), grown at half full. */
struct strset {
    char **slot;
    size_t cap, n;
};

static uint64_t fnv(const char *s)
{
    uint64_t h = 1469598103934665603u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

/* Adds s (copied); false when it was there already. */
static bool strset_add(struct strset *t, const char *s)
{
    if (2 * (t->n + 1) > t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 64;
        char **slot = xcalloc(cap, sizeof *slot);
        for (size_t i = 0; i < t->cap; i++) {
            if (!t->slot[i])
                continue;
            size_t j = (size_t)(fnv(t->slot[i]) & (cap - 1));
            while (slot[j])
                j = (j + 1) & (cap - 1);
            slot[j] = t->slot[i];
        }
        free(t->slot);
        t->slot = slot;
        t->cap = cap;
    }
    size_t j = (size_t)(fnv(s) & (t->cap - 1));
    for (; t->slot[j]; j = (j + 1) & (t->cap - 1))
        if (strcmp(t->slot[j], s) == 0)
            return false;
    t->slot[j] = xstrdup(s);
    t->n++;
    return true;
}

static void strset_free(struct strset *t)
{
    for (size_t i = 0; i < t->cap; i++)
        free(t->slot[i]);
    free(t->slot);
}

static xmlNodePtr child(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0)
            return c;
    return NULL;
}

/* The item a change is about: the first two words of what it says
 * ("risk R2 likelihood" is about "risk R2"), or all of it. */
static void item_of(const char *what, struct buf *out)
{
    const char *sp = strchr(what, ' ');
    const char *end = sp ? strchr(sp + 1, ' ') : NULL;
    buf_add(out, what, end ? (size_t)(end - what) : strlen(what));
}

/* Sets view:NAME on c to text when it says something else than key. */
static void say(xmlNodePtr c, xmlNsPtr ns, const char *name, const char *key, char *text)
{
    if (strcmp(key, text) != 0)
        xmlSetNsProp(c, ns, (const xmlChar *)name, (const xmlChar *)text);
    free(text);
}

/* The people's words of change c, whose key is what. */
static void words(xmlNodePtr c, xmlNsPtr ns, const char *what)
{
    say(c, ns, "what", what, change_what_text(what));
    const char *names[] = { "old", "new" };
    for (size_t i = 0; i < 2; i++) {
        xmlChar *v = xmlNodeGetContent(child(c, names[i]));
        const char *raw = v ? (const char *)v : "";
        say(c, ns, names[i], raw, change_value_text(what, raw, NULL));
        xmlFree(v);
    }
    /* A sign-off by its role's name, where the log is condensed. */
    char role[32];
    if (sscanf(what, "sign-off %31s", role) == 1 && signoff_role_parse(role) >= 0)
        say(c, ns, "item", role, xstrdup(signoff_role_label((enum signoff_role)signoff_role_parse(role))));
}

void report_mark_changes(xmlDocPtr doc)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    xmlNsPtr ns = NULL;
    /* What changed since the revision this one replaces. */
    xmlNodePtr since = child(root, "changes");
    for (xmlNodePtr c = since ? since->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "change") != 0)
            continue;
        if (!ns)
            ns = xmlNewNs(root, (const xmlChar *)REPORT_VIEW_NS, (const xmlChar *)"view");
        xmlChar *what = xmlGetProp(c, (const xmlChar *)"what");
        words(c, ns, what ? (const char *)what : "");
        xmlFree(what);
    }
    xmlNodePtr history = child(root, "history");
    if (!history)
        return;
    if (!ns)
        ns = xmlNewNs(root, (const xmlChar *)REPORT_VIEW_NS, (const xmlChar *)"view");
    struct strset days = { 0 }, items = { 0 };
    struct buf key = { 0 };
    for (xmlNodePtr c = history->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "change") != 0)
            continue;
        xmlChar *at = xmlGetProp(c, (const xmlChar *)"at");
        xmlChar *who = xmlGetProp(c, (const xmlChar *)"who");
        xmlChar *what = xmlNodeGetContent(child(c, "what"));
        words(c, ns, what ? (const char *)what : "");
        buf_clear(&key);
        buf_add(&key, at ? (const char *)at : "", at ? strnlen((const char *)at, 10) : 0);
        buf_addc(&key, '\x1f');
        buf_adds(&key, who ? (const char *)who : "");
        if (strset_add(&days, buf_str(&key)))
            xmlSetNsProp(c, ns, (const xmlChar *)"first", (const xmlChar *)"day");
        buf_addc(&key, '\x1f');
        item_of(what ? (const char *)what : "", &key);
        if (strset_add(&items, buf_str(&key)))
            xmlSetNsProp(c, ns, (const xmlChar *)"first-of-item", (const xmlChar *)"yes");
        xmlFree(at);
        xmlFree(who);
        xmlFree(what);
    }
    buf_free(&key);
    strset_free(&days);
    strset_free(&items);
}
