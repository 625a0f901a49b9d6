/*
 * Parsing XML that may be hostile (templates, imported records): from
 * memory, without network access, refusing any DOCTYPE (so no entity can
 * be declared, let alone expanded), with an external entity loader that
 * refuses everything, and a limit on element nesting. Errors read
 * "NAME:LINE: message".
 */
#ifndef DPIA_XMLSAFE_H
#define DPIA_XMLSAFE_H

#include <stddef.h>

#include <libxml/tree.h>

#include "util/err.h"

/* Returns the document (the caller frees it with xmlFreeDoc) or NULL
 * with e filled. */
xmlDocPtr xmlsafe_parse(const char *buf, size_t len, const char *name, int max_depth,
                        struct err *e);

#endif
