/*
 * xw: the record writer. Writes XML that is already in its canonical
 * form (Canonical XML 1.0: attributes sorted, no empty-element tags,
 * the canonical escapes), indented with white space text, so that the
 * record digest is the SHA-256 of the very bytes written, taken as they
 * stream out: no tree, no canonicalisation pass, nothing held whole.
 *
 * The same calls can also build the record as a libxml2 tree, white
 * space included, as a parser reading the file would (for the HTML
 * transform, which needs a tree and the digest).
 *
 * Text is cleaned as report_xml_text does: characters XML cannot hold
 * and broken UTF-8 become U+FFFD. Inside the report module only.
 */
#ifndef DPIA_XW_H
#define DPIA_XW_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "util/buf.h"
#include "util/sha256.h"
#include "util/sink.h"

#define XW_MAX_DEPTH 16
#define XW_CHUNK 16384
#define XW_MAX_ATTRS 16

struct xw {
    const struct sink *out; /* the file's bytes; NULL for none */
    struct sha256 hash;     /* over the canonical bytes */
    char chunk[XW_CHUNK];   /* bytes not yet hashed nor written */
    size_t used;
    int error;              /* errno of the first failed write */

    xmlDocPtr doc;          /* the tree, when one is built */
    xmlNsPtr ns;
    xmlNodePtr node[XW_MAX_DEPTH];

    int depth;                        /* open elements */
    const char *name[XW_MAX_DEPTH];   /* their names (static strings) */
    bool parent[XW_MAX_DEPTH];        /* whether they hold elements */
    bool open;                        /* start tag not finished yet */
    struct buf attrs;                 /* name NUL value NUL, ... */
    size_t nattrs;
    struct buf scratch;
};

/* Starts a record: writes the XML declaration (not part of the
 * canonical form) to out when out is not NULL; builds a tree too when
 * tree is true. */
void xw_init(struct xw *w, const struct sink *out, bool tree);
/* The root element, in namespace ns (the default namespace). */
void xw_root(struct xw *w, const char *name, const char *ns);
/* A child element of the current one; name must outlive the element. */
void xw_start(struct xw *w, const char *name);
/* Attributes of the element just started, in any order. */
void xw_attr(struct xw *w, const char *name, const char *value);
void xw_attr_int(struct xw *w, const char *name, long long v);
/* Text content of the current element. */
void xw_text(struct xw *w, const char *s);
void xw_end(struct xw *w);
/* An element holding only text (text NULL: an empty element). */
void xw_el(struct xw *w, const char *name, const char *text);

/* Ends the record with <NAME algorithm="sha256">DIGEST</NAME>, the
 * digest of the canonical record in which that element is empty, and
 * closes the root. Writes the digest into hex. Returns 0, or -1 with
 * errno when a write failed. In tree mode, *doc receives the tree (the
 * caller frees it); otherwise pass NULL. */
int xw_finish(struct xw *w, const char *name, char hex[65], xmlDocPtr *doc);
/* Frees what a writer holds (after xw_finish or instead of it). */
void xw_free(struct xw *w);

#endif
