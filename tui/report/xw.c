/* The record writer: canonical XML as it streams out (see xw.h). */
#include "config.h"
#include "report/xw.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_int.h"
#include "util/xalloc.h"

static const char declaration[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

/* --- bytes ---------------------------------------------------------------- */

/* Hashes the pending bytes and gives them to the sink. */
static void flush(struct xw *w)
{
    if (!w->used)
        return;
    sha256_update(&w->hash, w->chunk, w->used);
    if (w->out && !w->error && sink_write(w->out, w->chunk, w->used) < 0)
        w->error = errno ? errno : EIO;
    w->used = 0;
}

static void put(struct xw *w, const char *p, size_t n)
{
    while (n > 0) {
        if (w->used == XW_CHUNK)
            flush(w);
        size_t k = XW_CHUNK - w->used;
        if (k > n)
            k = n;
        memcpy(w->chunk + w->used, p, k);
        w->used += k;
        p += k;
        n -= k;
    }
}

static void puts_(struct xw *w, const char *s)
{
    put(w, s, strlen(s));
}

/* Bytes that go out as they are: printable ASCII other than the ones
 * Canonical XML escapes (in text: & < >; in attributes: & < "), and
 * newline and tab in text. Everything else is looked at one by one. */
static bool plain[2][256];

static void init_plain(void)
{
    for (int c = 0x20; c < 0x7f; c++)
        plain[0][c] = plain[1][c] = c != '&' && c != '<';
    plain[0]['>'] = false;
    plain[1]['"'] = false;
    plain[0]['\n'] = plain[0]['\t'] = true;
}

/* Writes s escaped as Canonical XML does (in an attribute value when
 * attr). Returns s when XML can hold all of it, else the cleaned text
 * (unescaped, in *clean). */
static const char *escaped(struct xw *w, const char *s, bool attr, struct buf *clean)
{
    const bool *ok = plain[attr];
    size_t run = 0, i = 0;
    bool cleaned = false;
    /* One pass: the end of the string (not plain) is found on the way. */
    for (;;) {
        while (ok[(unsigned char)s[i]])
            i++;
        if (!s[i])
            break;
        unsigned char c = (unsigned char)s[i];
        const char *esc = NULL;
        size_t n = 1;
        if (c == '&')
            esc = "&amp;";
        else if (c == '<')
            esc = "&lt;";
        else if (c == '>')
            esc = "&gt;";
        else if (c == '"')
            esc = "&quot;";
        else if (c == '\r')
            esc = "&#xD;";
        else if (c == '\t')
            esc = "&#x9;";
        else if (c == '\n')
            esc = "&#xA;";
        else if (report_xml_char(s, i + strnlen(s + i, 4), i, &n)) {
            i += n;
            continue;
        }
        /* The run of plain characters before this one, then this one. */
        put(w, s + run, i - run);
        if (cleaned)
            buf_add(clean, s + run, i - run);
        if (esc) {
            puts_(w, esc);
            if (cleaned)
                buf_addc(clean, (char)c);
        } else {
            /* Not a character XML can hold: U+FFFD, skipping the bytes
             * of one broken sequence. */
            put(w, "\xef\xbf\xbd", 3);
            if (!cleaned) {
                buf_clear(clean);
                buf_add(clean, s, i);
                cleaned = true;
            }
            buf_adds(clean, "\xef\xbf\xbd");
        }
        i += n ? n : 1;
        run = i;
    }
    put(w, s + run, i - run);
    if (!cleaned)
        return s;
    buf_add(clean, s + run, i - run);
    return buf_str(clean);
}

/* --- the tree ------------------------------------------------------------- */

static void tree_text(struct xw *w, const char *s, size_t n)
{
    if (w->doc && n)
        xmlNodeAddContentLen(w->node[w->depth - 1], (const xmlChar *)s, (int)n);
}

/* White space between elements: one text node whose content is shared
 * through the document's dictionary, as the parser does, instead of a
 * copy each (there are as many of them as elements). */
static void tree_space(struct xw *w, const char *s, size_t n)
{
    if (!w->doc)
        return;
    xmlNodePtr t = xmlNewDocText(w->doc, NULL);
    if (!t)
        return;
    t->content = (xmlChar *)xmlDictLookup(w->doc->dict, (const xmlChar *)s, (int)n);
    xmlAddChild(w->node[w->depth - 1], t);
}

/* --- elements ------------------------------------------------------------- */

static void indent(struct xw *w, int level)
{
    static const char spaces[] = "\n                                ";
    size_t n = 1 + 2 * (size_t)level;
    if (n > sizeof spaces - 1)
        n = sizeof spaces - 1;
    put(w, spaces, n);
    tree_space(w, spaces, n);
}

static int attr_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Finishes the start tag: the attributes in canonical order (by name:
 * they have no namespace), then '>'. */
static void close_tag(struct xw *w)
{
    if (!w->open)
        return;
    w->open = false;
    const char *list[XW_MAX_ATTRS];
    size_t n = 0;
    if (w->nattrs > XW_MAX_ATTRS)
        abort(); /* the record's elements have a handful each */
    for (size_t off = 0; n < w->nattrs; n++) {
        list[n] = w->attrs.data + off;
        off += strlen(list[n]) + 1;
        off += strlen(w->attrs.data + off) + 1;
    }
    /* A handful: sorted in place, without qsort's overhead. */
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && attr_cmp(&list[j - 1], &list[j]) > 0; j--) {
            const char *t = list[j];
            list[j] = list[j - 1];
            list[j - 1] = t;
        }
    for (size_t i = 0; i < n; i++) {
        const char *value = list[i] + strlen(list[i]) + 1;
        put(w, " ", 1);
        puts_(w, list[i]);
        put(w, "=\"", 2);
        const char *clean = escaped(w, value, true, &w->scratch);
        put(w, "\"", 1);
        if (w->doc)
            xmlNewProp(w->node[w->depth - 1], (const xmlChar *)list[i],
                       (const xmlChar *)clean);
    }
    put(w, ">", 1);
    buf_clear(&w->attrs);
    w->nattrs = 0;
}

static void open_element(struct xw *w, const char *name)
{
    if (w->depth >= XW_MAX_DEPTH)
        abort(); /* the record's shape is fixed and shallow */
    put(w, "<", 1);
    puts_(w, name);
    w->name[w->depth] = name;
    w->parent[w->depth] = false;
    w->depth++;
    w->open = true;
}

void xw_init(struct xw *w, const struct sink *out, bool tree)
{
    if (!plain[0]['a'])
        init_plain();
    memset(w, 0, sizeof *w);
    w->out = out;
    sha256_init(&w->hash);
    if (out && sink_write(out, declaration, sizeof declaration - 1) < 0)
        w->error = errno ? errno : EIO;
    if (tree) {
        /* Names and white space shared through a dictionary, as in a
         * parsed document: fewer allocations to make and to free. */
        w->doc = xmlNewDoc((const xmlChar *)"1.0");
        w->doc->dict = xmlDictCreate();
    }
}

void xw_root(struct xw *w, const char *name, const char *ns)
{
    open_element(w, name);
    put(w, " xmlns=\"", 8);
    puts_(w, ns);
    put(w, "\"", 1);
    if (w->doc) {
        xmlNodePtr root = xmlNewDocNode(w->doc, NULL, (const xmlChar *)name, NULL);
        xmlDocSetRootElement(w->doc, root);
        w->ns = xmlNewNs(root, (const xmlChar *)ns, NULL);
        xmlSetNs(root, w->ns);
        w->node[0] = root;
    }
}

void xw_start(struct xw *w, const char *name)
{
    close_tag(w);
    w->parent[w->depth - 1] = true;
    indent(w, w->depth);
    if (w->doc)
        w->node[w->depth] =
            xmlNewChild(w->node[w->depth - 1], w->ns, (const xmlChar *)name, NULL);
    open_element(w, name);
}

void xw_attr(struct xw *w, const char *name, const char *value)
{
    buf_add(&w->attrs, name, strlen(name) + 1);
    value = value ? value : "";
    buf_add(&w->attrs, value, strlen(value) + 1);
    w->nattrs++;
}

void xw_attr_int(struct xw *w, const char *name, long long v)
{
    char s[32];
    snprintf(s, sizeof s, "%lld", v);
    xw_attr(w, name, s);
}

void xw_text(struct xw *w, const char *s)
{
    close_tag(w);
    if (!s || !*s)
        return;
    const char *clean = escaped(w, s, false, &w->scratch);
    tree_text(w, clean, strlen(clean));
}

void xw_end(struct xw *w)
{
    close_tag(w);
    if (w->parent[w->depth - 1])
        indent(w, w->depth - 1);
    w->depth--;
    put(w, "</", 2);
    puts_(w, w->name[w->depth]);
    put(w, ">", 1);
}

void xw_el(struct xw *w, const char *name, const char *text)
{
    xw_start(w, name);
    xw_text(w, text);
    xw_end(w);
}

int xw_finish(struct xw *w, const char *name, char hex[65], xmlDocPtr *doc)
{
    xw_start(w, name);
    xw_attr(w, "algorithm", "sha256");
    close_tag(w);
    xmlNodePtr dg = w->doc ? w->node[w->depth - 1] : NULL;
    /* The canonical record with the digest element empty: what follows
     * the digest is only the end tags, so they are hashed now and
     * written after it. */
    char tail[128];
    int n = snprintf(tail, sizeof tail, "</%s>\n</%s>", name, w->name[0]);
    flush(w);
    sha256_update(&w->hash, tail, (size_t)n);
    sha256_hex(&w->hash, hex);
    if (w->out && !w->error &&
        (sink_write(w->out, hex, 64) < 0 || sink_write(w->out, tail, (size_t)n) < 0 ||
         sink_write(w->out, "\n", 1) < 0))
        w->error = errno ? errno : EIO;
    if (dg) {
        xmlNodeAddContentLen(dg, (const xmlChar *)hex, 64);
        xmlNodeAddContentLen(w->node[0], (const xmlChar *)"\n", 1);
    }
    w->depth = 0;
    if (doc) {
        *doc = w->doc;
        w->doc = NULL;
    }
    errno = w->error;
    return w->error ? -1 : 0;
}

void xw_free(struct xw *w)
{
    if (w->doc)
        xmlFreeDoc(w->doc);
    w->doc = NULL;
    buf_free(&w->attrs);
    buf_free(&w->scratch);
}
