/*
 * libFuzzer target: the import of an XML record (report_import), the
 * one path by which a file from outside becomes an assessment.
 *
 * A mutated record almost always fails the digest check, which would
 * keep the fuzzer out of everything behind it. So each input is tried
 * twice: as it is (the parser, the limits, the schema, the digest), and
 * with its digest recomputed the way an export writes it (the checks of
 * values, scores, measures and the template snapshot behind it).
 *
 * Whatever imports must export and import again: the record writer
 * must never write a record (its text cleaned and escaped, its digest
 * taken as it streams) that dpia itself refuses. A failure aborts, so
 * the fuzzer keeps the input.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "core/xmlsafe.h"
#include "fuzz.h"
#include "report/report.h"
#include "report/report_int.h"

static void again(const struct assessment *a, const char *snap, size_t snap_len)
{
    struct buf b = {0};
    struct sink s = sink_buf(&b);
    struct err e;
    if (report_xml(a, snap, snap_len, &s, &e) < 0) {
        fprintf(stderr, "export of an imported record failed: %s\n", e.text);
        abort();
    }
    char *snap2 = NULL;
    size_t snap2_len = 0;
    struct assessment *a2 = report_import(b.data, b.len, "export", &snap2, &snap2_len, &e);
    if (!a2) {
        fprintf(stderr, "dpia refuses its own export: %s\n", e.text);
        abort();
    }
    assess_free(a2);
    free(snap2);
    buf_free(&b);
}

static void import(const char *buf, size_t len)
{
    struct err e;
    char *snap = NULL;
    size_t snap_len = 0;
    struct assessment *a = report_import(buf, len, "fuzz", &snap, &snap_len, &e);
    if (a)
        again(a, snap, snap_len);
    assess_free(a);
    free(snap);
}

/* The input with a digest that matches its content; NULL when it is not
 * XML or has no element to hold the digest. */
static xmlChar *redigest(const char *buf, size_t len, int *out_len)
{
    struct err e;
    xmlDocPtr doc = xmlsafe_parse(buf, len, "fuzz", REPORT_MAX_DEPTH, &e);
    if (!doc)
        return NULL;
    xmlNodePtr root = xmlDocGetRootElement(doc), dg = NULL;
    for (xmlNodePtr c = root ? root->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            dg = c;
    xmlChar *out = NULL;
    char hex[65];
    if (dg && report_doc_digest(doc, dg, hex, &e) == 0) {
        xmlNodeSetContent(dg, (const xmlChar *)hex);
        xmlDocDumpMemory(doc, &out, out_len);
    }
    xmlFreeDoc(doc);
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > REPORT_MAX_BYTES + 1)
        return 0;
    import((const char *)data, size);
    int n = 0;
    xmlChar *fixed = redigest((const char *)data, size, &n);
    if (fixed) {
        import((const char *)fixed, (size_t)n);
        xmlFree(fixed);
    }
    return 0;
}
