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

/* Parses a RELAX NG schema held in memory (compiled into the program);
 * NULL when it does not parse. The caller frees it with xmlRelaxNGFree. */
struct _xmlRelaxNG *xmlsafe_schema(const char *rng, size_t len);

/* Validates doc against schema; the first problem is reported as
 * "NAME:LINE: message", with `what` naming the schema when libxml2 gives
 * no message ("does not follow the WHAT schema"). */
int xmlsafe_validate(xmlDocPtr doc, struct _xmlRelaxNG *schema, const char *name,
                     const char *what, struct err *e);

#endif
