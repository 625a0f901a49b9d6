#include "config.h"
#include "core/xmlsafe.h"
#include "util/i18n.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

struct state {
    const char *name;
    struct err *e;
    bool failed;
    bool saw_doctype;
    int doctype_line;
    internalSubsetSAXFunc orig_internal;
};

static xmlParserInputPtr refuse_entity(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    return NULL;
}

static void on_error(void *ctx, xmlErrorPtr err)
{
    xmlParserCtxtPtr ctxt = ctx;
    struct state *st = ctxt->_private;
    if (!st || st->failed || !err || err->level < XML_ERR_ERROR)
        return;
    char msg[ERR_MAX];
    snprintf(msg, sizeof msg, "%s", err->message ? err->message : _("malformed XML"));
    size_t n = strlen(msg);
    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    err_set(st->e, "%s:%d: %s", st->name, err->line > 0 ? err->line : 1, msg);
    st->failed = true;
}

static void on_doctype(void *ctx, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
    xmlParserCtxtPtr ctxt = ctx;
    struct state *st = ctxt->_private;
    if (!st->saw_doctype) {
        st->saw_doctype = true;
        st->doctype_line = ctxt->input ? ctxt->input->line : 1;
    }
    xmlStopParser(ctxt);
}

static int depth_of(const xmlNode *n, int depth, int max, const xmlNode **deep)
{
    for (const xmlNode *c = n; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (depth > max) {
            *deep = c;
            return -1;
        }
        if (depth_of(c->children, depth + 1, max, deep) < 0)
            return -1;
    }
    return 0;
}

xmlDocPtr xmlsafe_parse(const char *buf, size_t len, const char *name, int max_depth,
                        struct err *e)
{
    static bool loader_set;
    if (!loader_set) {
        xmlSetExternalEntityLoader(refuse_entity);
        loader_set = true;
    }
    if (len > (size_t)0x7fffffff) {
        err_set(e, _("%s:1: file too large"), name);
        return NULL;
    }
    struct state st = { name, e, false, false, 0, NULL };
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        err_set(e, _("%s: cannot create an XML parser"), name);
        return NULL;
    }
    ctxt->_private = &st;
    ctxt->sax->internalSubset = on_doctype;
    ctxt->sax->serror = on_error;
    ctxt->vctxt.error = NULL;
    ctxt->vctxt.warning = NULL;
    int opts = XML_PARSE_NONET | XML_PARSE_NOWARNING;
#if LIBXML_VERSION >= 21300
    opts |= XML_PARSE_NO_XXE;
#endif
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, buf, (int)len, name, NULL, opts);
    if (st.saw_doctype) {
        err_set(e, _("%s:%d: a DOCTYPE is not allowed (no DTDs, no entities)"), name,
                st.doctype_line);
        st.failed = true;
    }
    bool wf = ctxt->wellFormed;
    xmlFreeParserCtxt(ctxt);
    if (!doc || st.failed || !wf) {
        if (!st.failed)
            err_set(e, _("%s:1: malformed XML"), name);
        if (doc)
            xmlFreeDoc(doc);
        return NULL;
    }
    const xmlNode *deep = NULL;
    if (depth_of(xmlDocGetRootElement(doc), 1, max_depth, &deep) < 0) {
        err_set(e, _("%s:%ld: elements nested deeper than %d levels"), name, xmlGetLineNo(deep),
                max_depth);
        xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}

static void quiet(void *ctx, const char *msg, ...)
{
}

xmlRelaxNGPtr xmlsafe_schema(const char *rng, size_t len)
{
    xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewMemParserCtxt(rng, (int)len);
    if (!pc)
        return NULL;
    xmlRelaxNGSetParserErrors(pc, quiet, quiet, NULL);
    xmlRelaxNGPtr schema = xmlRelaxNGParse(pc);
    xmlRelaxNGFreeParserCtxt(pc);
    return schema;
}

struct rng_state {
    const char *name;
    struct err *e;
    bool failed;
};

static void rng_error(void *ctx, xmlErrorPtr err)
{
    struct rng_state *st = ctx;
    if (st->failed || !err)
        return;
    char msg[ERR_MAX];
    snprintf(msg, sizeof msg, "%s", err->message ? err->message : _("invalid"));
    size_t n = strlen(msg);
    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    int line = err->line;
    if (line <= 0 && err->node)
        line = (int)xmlGetLineNo((xmlNodePtr)err->node);
    err_set(st->e, "%s:%d: %s", st->name, line > 0 ? line : 1, msg);
    st->failed = true;
}

int xmlsafe_validate(xmlDocPtr doc, xmlRelaxNGPtr schema, const char *name, const char *what,
                     struct err *e)
{
    xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(schema);
    if (!vc)
        return err_set(e, _("%s: out of memory validating"), name);
    struct rng_state st = { name, e, false };
    xmlRelaxNGSetValidStructuredErrors(vc, rng_error, &st);
    int rc = xmlRelaxNGValidateDoc(vc, doc);
    xmlRelaxNGFreeValidCtxt(vc);
    if (rc != 0) {
        if (!st.failed)
            err_set(e, _("%s:1: does not follow the %s schema"), name, what);
        return -1;
    }
    return 0;
}
