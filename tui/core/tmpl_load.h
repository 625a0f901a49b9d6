/*
 * The template loader's own parts, shared by its files and by nothing
 * else: the state of one load, the first failure said with its line,
 * the small readers of elements and attributes, and the reader of a
 * risk method (tmpl_method.c).
 */
#ifndef DPIA_TMPL_LOAD_H
#define DPIA_TMPL_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "core/tmpl.h"

struct load {
    const char *name;
    struct err *e;
    bool failed;
    struct tmpl *t;
};

/* Says "NAME:LINE: message" once (the first failure wins); -1. */
int tl_fail_at(struct load *L, const xmlNode *node, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
bool tl_is_el(const xmlNode *n, const char *name);
/* An attribute's value (the caller frees), or NULL. */
char *tl_attr(const xmlNode *n, const char *name);
/* The same, failing when it is missing. */
char *tl_need_attr(struct load *L, const xmlNode *n, const char *name);
bool tl_attr_is(const xmlNode *n, const char *name, const char *value);
char *tl_text_of(const xmlNode *n, bool paragraphs);
const xmlNode *tl_first_el(const xmlNode *parent, const char *name);
char **tl_split_words(const char *s, size_t *n);

/* Chooses the text in language lang (NULL: the template's own) among
 * the xml:lang translations under root (tmpl_lang.c): each translation
 * into lang replaces its source, the others are removed. Adds every
 * language translated into to *langs (space-separated) and sets
 * *chosen when lang is one of them. 0, or -1 after tl_fail_at. */
int tl_select_lang(struct load *L, xmlNode *root, const char *lang, char **langs, bool *chosen);
/* Each text for people under root without a translation into one of
 * langs, as "NAME:LINE: ..." lines added to out; their number. */
struct buf;
size_t tl_untranslated(const struct load *L, const xmlNode *root, const char *langs,
                       struct buf *out);

/* Reads a <method> element into m; 0, or -1 after tl_fail_at. */
int tl_read_method(struct load *L, const xmlNode *n, struct tmpl_method *m);

#endif
