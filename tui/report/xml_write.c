/* The XML record of an assessment, built with libxml2's tree API (so
 * every text is escaped by the serialiser), then serialised, parsed back
 * and given its digest (see report.h for what the digest covers). */
#include "config.h"
#include "report/report.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "core/answer.h"
#include "core/logic.h"
#include "core/xmlsafe.h"
#include "report/report_int.h"
#include "util/sha256.h"
#include "util/xalloc.h"

struct w {
    xmlDocPtr doc;
    xmlNsPtr ns;
    const struct assessment *a;
    const struct tmpl_method *m;
};

/* A child element, with text when text is not NULL. */
static xmlNodePtr el(struct w *w, xmlNodePtr parent, const char *name, const char *text)
{
    xmlNodePtr n;
    if (text) {
        char *clean = report_xml_text(text);
        n = xmlNewTextChild(parent, w->ns, (const xmlChar *)name, (const xmlChar *)clean);
        free(clean);
    } else {
        n = xmlNewChild(parent, w->ns, (const xmlChar *)name, NULL);
    }
    return n;
}

static void at(xmlNodePtr n, const char *name, const char *value)
{
    char *clean = report_xml_text(value ? value : "");
    xmlNewProp(n, (const xmlChar *)name, (const xmlChar *)clean);
    free(clean);
}

static void at_int(xmlNodePtr n, const char *name, long long v)
{
    char s[32];
    snprintf(s, sizeof s, "%lld", v);
    at(n, name, s);
}

static void at_time(xmlNodePtr n, const char *name, int64_t t)
{
    char s[32];
    report_time_iso(t, s);
    at(n, name, s);
}

static void at_yes(xmlNodePtr n, const char *name, bool v)
{
    at(n, name, v ? "yes" : "no");
}

/* --- header: generator, assessment, template, method ------------------- */

static void write_head(struct w *w, xmlNodePtr root)
{
    const struct assessment *a = w->a;
    xmlNodePtr g = el(w, root, "generator", NULL);
    at(g, "name", PACKAGE_NAME);
    at(g, "version", PACKAGE_VERSION);
    at_time(g, "exported", report_now());

    xmlNodePtr as = el(w, root, "assessment", NULL);
    at(as, "uuid", a->uuid);
    at(as, "status", assess_status_key(a->status));
    at(as, "status-label", assess_status_label(a->status));
    at_time(as, "created", a->created);
    at_time(as, "updated", a->updated);
    if (a->review_date && *a->review_date)
        at(as, "review-date", a->review_date);
    el(w, as, "title", a->title);

    const struct tmpl *t = a->tmpl;
    xmlNodePtr te = el(w, root, "template", NULL);
    at(te, "id", t->id);
    at(te, "version", t->version);
    at(te, "lang", t->lang ? t->lang : "");
    at(te, "digest", t->digest);
    el(w, te, "title", t->title);

    const struct tmpl_method *m = w->m;
    xmlNodePtr me = el(w, root, "method", NULL);
    at(me, "id", m->id);
    el(w, me, "name", m->name);
    el(w, me, "description", m->description ? m->description : "");
    const char *axes[2] = { "likelihood", "severity" };
    for (int k = 0; k < 2; k++) {
        xmlNodePtr ax = el(w, me, axes[k], NULL);
        const struct tmpl_scale_level *lv = k ? m->severity : m->likelihood;
        int n = k ? m->nseverity : m->nlikelihood;
        for (int i = 0; i < n; i++) {
            xmlNodePtr l = el(w, ax, "level", lv[i].definition ? lv[i].definition : "");
            at_int(l, "value", lv[i].value);
            at(l, "name", lv[i].name);
        }
    }
    xmlNodePtr levels = el(w, me, "levels", NULL);
    for (int i = 0; i < m->nlevels; i++) {
        xmlNodePtr l = el(w, levels, "level", NULL);
        at(l, "id", m->levels[i].id);
        at(l, "name", m->levels[i].name);
        at_int(l, "rank", i + 1);
        at_yes(l, "high", m->levels[i].high);
    }
    xmlNodePtr mx = el(w, me, "matrix", NULL);
    for (int l = 1; l <= m->nlikelihood; l++)
        for (int s = 1; s <= m->nseverity; s++) {
            int li = logic_risk_level(m, l, s);
            xmlNodePtr c = el(w, mx, "cell", NULL);
            at_int(c, "likelihood", l);
            at_int(c, "severity", s);
            at(c, "level", li >= 0 ? m->levels[li].id : "");
        }
}

/* --- summary (derived) -------------------------------------------------- */

static const char *criterion_prompt(const struct tmpl *t, int n)
{
    for (size_t i = 0; i < t->nquestions; i++)
        if (t->questions[i].criterion == n)
            return t->questions[i].prompt;
    return "";
}

static void level_attrs(struct w *w, xmlNodePtr n, int li)
{
    if (li < 0)
        return;
    at(n, "level", w->m->levels[li].id);
    at(n, "level-name", w->m->levels[li].name);
    at_yes(n, "high", w->m->levels[li].high);
}

static void write_summary(struct w *w, xmlNodePtr root)
{
    const struct assessment *a = w->a;
    xmlNodePtr su = el(w, root, "summary", NULL);

    struct screening s;
    logic_screening(a, &s);
    xmlNodePtr sc = el(w, su, "screening", NULL);
    at(sc, "outcome", logic_outcome_key(s.outcome));
    at(sc, "label", logic_outcome_label(s.outcome));
    at_yes(sc, "declined", s.declined);
    for (int i = 0; i < s.ncriteria; i++) {
        xmlNodePtr c = el(w, sc, "criterion", criterion_prompt(a->tmpl, s.criteria[i]));
        at_int(c, "number", s.criteria[i]);
    }
    for (int i = 0; i < s.ngrounds; i++)
        el(w, sc, "ground", s.grounds[i]);
    el(w, sc, "rule", s.rule);

    xmlNodePtr hr = el(w, su, "highest-residual", NULL);
    level_attrs(w, hr, logic_highest_residual(a));
    xmlNodePtr a36 = el(w, su, "art36", NULL);
    at_yes(a36, "required", logic_art36_required(a));

    struct progress p;
    logic_progress(a, &p);
    xmlNodePtr pr = el(w, su, "progress", NULL);
    at_int(pr, "answered", p.answered);
    at_int(pr, "total", p.total);
    at_int(pr, "percent", logic_percent(&p));

    size_t open = 0;
    for (size_t i = 0; i < a->nmeasures; i++)
        if (a->measures[i].status == MS_PLANNED || a->measures[i].status == MS_PROGRESS)
            open++;
    xmlNodePtr ms = el(w, su, "measures", NULL);
    at_int(ms, "total", (long long)a->nmeasures);
    at_int(ms, "open", (long long)open);

    struct buf b = {0};
    logic_signoff_blockers(a, &b);
    xmlNodePtr bl = el(w, su, "blockers", NULL);
    for (const char *l = buf_str(&b); *l;) {
        const char *end = strchr(l, '\n');
        size_t n = end ? (size_t)(end - l) : strlen(l);
        if (n) {
            char *line = xstrndup(l, n);
            el(w, bl, "blocker", line);
            free(line);
        }
        l += n + (end ? 1 : 0);
    }
    buf_free(&b);
}

/* --- sections and answers ------------------------------------------------ */

static void write_items(struct w *w, xmlNodePtr an, const struct tmpl_question *q,
                        const char *value)
{
    for (const char *p = value; *p;) {
        const char *end = strchr(p, '\n');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        char *item = xstrndup(p, n);
        const struct tmpl_option *o = q->type == QT_MULTI ? tmpl_find_option(q, item) : NULL;
        xmlNodePtr it = el(w, an, "item", o ? o->label : item);
        if (o)
            at(it, "value", o->value);
        free(item);
        p += n + (end ? 1 : 0);
    }
}

static void write_question(struct w *w, xmlNodePtr sec, const struct tmpl_question *q)
{
    xmlNodePtr qe = el(w, sec, "question", NULL);
    at(qe, "id", q->id);
    at(qe, "type", tmpl_qtype_name(q->type));
    at_yes(qe, "required", q->required);
    if (q->criterion > 0)
        at_int(qe, "criterion", q->criterion);
    el(w, qe, "prompt", q->prompt);
    for (size_t i = 0; i < q->nrefs; i++)
        el(w, qe, "ref", q->refs[i]);

    const struct answer *an = assess_answer(w->a, q->id);
    if (!an)
        return;
    const char *value = an->value ? an->value : "";
    const char *note = an->note ? an->note : "";
    if (!*value && !*note && !an->flagged)
        return;
    xmlNodePtr ae = el(w, qe, "answer", NULL);
    at_yes(ae, "flagged", an->flagged);
    if (an->who && *an->who)
        at(ae, "by", an->who);
    if (an->when)
        at_time(ae, "at", an->when);
    el(w, ae, "value", value);
    char *display = answer_display(q, value);
    el(w, ae, "display", display);
    free(display);
    if (q->type == QT_MULTI || q->type == QT_LIST)
        write_items(w, ae, q, value);
    if (*note)
        el(w, ae, "note", note);
}

static void write_sections(struct w *w, xmlNodePtr root)
{
    const struct tmpl *t = w->a->tmpl;
    xmlNodePtr ss = el(w, root, "sections", NULL);
    for (size_t i = 0; i < t->nsections; i++) {
        const struct tmpl_section *sec = &t->sections[i];
        xmlNodePtr se = el(w, ss, "section", NULL);
        at(se, "id", sec->id);
        at(se, "kind", tmpl_kind_name(sec->kind));
        struct progress p;
        logic_section_progress(w->a, i, &p);
        at_int(se, "answered", p.answered);
        at_int(se, "total", p.total);
        el(w, se, "title", sec->title);
        if (sec->intro && *sec->intro)
            el(w, se, "intro", sec->intro);
        for (size_t k = sec->first; k < sec->first + sec->count; k++)
            if (logic_shown(w->a, &t->questions[k]))
                write_question(w, se, &t->questions[k]);
    }
}

/* --- risks, measures, sign-offs ------------------------------------------ */

static void write_scores(struct w *w, xmlNodePtr r, const char *name, int l, int s,
                         const char *lwhy, const char *swhy)
{
    const struct tmpl_method *m = w->m;
    xmlNodePtr sc = el(w, r, name, NULL);
    at_int(sc, "likelihood", l);
    at_int(sc, "severity", s);
    if (l >= 1 && l <= m->nlikelihood)
        at(sc, "likelihood-name", m->likelihood[l - 1].name);
    if (s >= 1 && s <= m->nseverity)
        at(sc, "severity-name", m->severity[s - 1].name);
    level_attrs(w, sc, logic_risk_level(m, l, s));
    el(w, sc, "likelihood-why", lwhy ? lwhy : "");
    el(w, sc, "severity-why", swhy ? swhy : "");
}

static void write_risks(struct w *w, xmlNodePtr root)
{
    xmlNodePtr rs = el(w, root, "risks", NULL);
    for (size_t i = 0; i < w->a->nrisks; i++) {
        const struct risk *r = &w->a->risks[i];
        xmlNodePtr re = el(w, rs, "risk", NULL);
        at_int(re, "number", r->number);
        level_attrs(w, re, logic_risk_residual(w->a, r));
        el(w, re, "title", r->title ? r->title : "");
        el(w, re, "description", r->description ? r->description : "");
        el(w, re, "source", r->source ? r->source : "");
        el(w, re, "threats", r->threats ? r->threats : "");
        el(w, re, "impacts", r->impacts ? r->impacts : "");
        write_scores(w, re, "before", r->likelihood, r->severity, r->likelihood_why,
                     r->severity_why);
        write_scores(w, re, "after", r->likelihood_after, r->severity_after,
                     r->likelihood_after_why, r->severity_after_why);
    }
}

static void write_measures(struct w *w, xmlNodePtr root)
{
    xmlNodePtr ms = el(w, root, "measures", NULL);
    for (size_t i = 0; i < w->a->nmeasures; i++) {
        const struct measure *m = &w->a->measures[i];
        xmlNodePtr me = el(w, ms, "measure", NULL);
        at_int(me, "number", m->number);
        at(me, "type", measure_type_key(m->type));
        at(me, "type-label", measure_type_label(m->type));
        at(me, "status", measure_status_key(m->status));
        at(me, "status-label", measure_status_label(m->status));
        if (m->due && *m->due)
            at(me, "due", m->due);
        el(w, me, "title", m->title ? m->title : "");
        el(w, me, "description", m->description ? m->description : "");
        el(w, me, "owner", m->owner ? m->owner : "");
        for (size_t k = 0; k < m->nrisks; k++)
            at_int(el(w, me, "addresses", NULL), "risk", m->risks[k]);
    }
}

static void write_signoffs(struct w *w, xmlNodePtr root)
{
    xmlNodePtr ss = el(w, root, "signoffs", NULL);
    for (int r = 0; r < SR_COUNT; r++) {
        const struct signoff *so = &w->a->signoffs[r];
        xmlNodePtr se = el(w, ss, "signoff", NULL);
        at(se, "role", signoff_role_key((enum signoff_role)r));
        at(se, "role-label", signoff_role_label((enum signoff_role)r));
        if (so->date && *so->date)
            at(se, "date", so->date);
        if (so->decision != DEC_NONE) {
            at(se, "decision", decision_key(so->decision));
            at(se, "decision-label", decision_label(so->decision));
        }
        at(se, "advice-followed", so->advice_followed > 0    ? "yes"
                                  : so->advice_followed == 0 ? "no"
                                                             : "not-said");
        el(w, se, "name", so->name ? so->name : "");
        el(w, se, "position", so->position ? so->position : "");
        el(w, se, "advice", so->advice ? so->advice : "");
        el(w, se, "why-not", so->why_not ? so->why_not : "");
    }
}

/* --- coverage, history, snapshot ----------------------------------------- */

static void write_coverage(struct w *w, xmlNodePtr root)
{
    const struct tmpl *t = w->a->tmpl;
    size_t max = t->ncoverage ? t->ncoverage : 1;
    struct coverage_gap *gaps = xcalloc(max, sizeof *gaps);
    size_t ngaps = logic_coverage(w->a, gaps, max);
    xmlNodePtr co = el(w, root, "coverage", NULL);
    at_int(co, "met", (long long)(t->ncoverage - ngaps));
    at_int(co, "total", (long long)t->ncoverage);
    for (size_t i = 0; i < t->ncoverage; i++) {
        bool met = true;
        for (size_t k = 0; k < ngaps && k < max; k++)
            if (gaps[k].item == &t->coverage[i])
                met = false;
        xmlNodePtr it = el(w, co, "item", t->coverage[i].text);
        at(it, "id", t->coverage[i].id);
        at(it, "ref", t->coverage[i].ref ? t->coverage[i].ref : "");
        at_yes(it, "met", met);
    }
    free(gaps);
}

static void write_history(struct w *w, xmlNodePtr root)
{
    xmlNodePtr hi = el(w, root, "history", NULL);
    for (size_t i = 0; i < w->a->nhistory; i++) {
        const struct change *c = &w->a->history[i];
        xmlNodePtr ce = el(w, hi, "change", NULL);
        at_time(ce, "at", c->when);
        at(ce, "who", c->who);
        el(w, ce, "what", c->what);
        el(w, ce, "old", c->old_value);
        el(w, ce, "new", c->new_value);
    }
}

static void write_snapshot(struct w *w, xmlNodePtr root, const char *xml, size_t len)
{
    struct buf b = {0};
    report_base64_encode((const unsigned char *)xml, len, 2, &b);
    xmlNodePtr sn = el(w, root, "template-snapshot", NULL);
    xmlNodeAddContentLen(sn, (const xmlChar *)buf_str(&b), (int)b.len);
    at(sn, "encoding", "base64");
    at_int(sn, "length", (long long)len);
    at(sn, "digest", w->a->tmpl->digest);
    buf_free(&b);
}

static xmlNodePtr last_element(xmlNodePtr root)
{
    xmlNodePtr last = NULL;
    for (xmlNodePtr c = root->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            last = c;
    return last;
}

xmlDocPtr report_record_doc(const struct assessment *a, const char *tmpl_xml, size_t tmpl_len,
                            struct err *e)
{
    if (!a->tmpl || !tmpl_xml)
        return err_set(e, "the assessment has no template snapshot"), NULL;
    char hex[65];
    sha256_of(tmpl_xml, tmpl_len, hex);
    if (strcmp(hex, a->tmpl->digest) != 0)
        return err_set(e, "the template snapshot does not match the assessment's template"),
               NULL;

    struct w w = { xmlNewDoc((const xmlChar *)"1.0"), NULL, a, assess_method(a) };
    xmlNodePtr root = xmlNewDocNode(w.doc, NULL, (const xmlChar *)"record", NULL);
    xmlDocSetRootElement(w.doc, root);
    w.ns = xmlNewNs(root, (const xmlChar *)REPORT_NS, NULL);
    xmlSetNs(root, w.ns);
    xmlNewProp(root, (const xmlChar *)"version", (const xmlChar *)REPORT_VERSION);

    write_head(&w, root);
    write_summary(&w, root);
    write_sections(&w, root);
    write_risks(&w, root);
    write_measures(&w, root);
    write_signoffs(&w, root);
    write_coverage(&w, root);
    write_history(&w, root);
    write_snapshot(&w, root, tmpl_xml, tmpl_len);
    at(el(&w, root, "digest", NULL), "algorithm", "sha256");

    /* Serialise with indentation, parse back (so the tree holds the
     * white space a file holds), then compute and set the digest. */
    xmlChar *mem = NULL;
    int size = 0;
    xmlDocDumpFormatMemoryEnc(w.doc, &mem, &size, "UTF-8", 1);
    xmlFreeDoc(w.doc);
    if (!mem)
        return err_set(e, "cannot serialise the record"), NULL;
    xmlDocPtr doc = xmlsafe_parse((const char *)mem, (size_t)size, "record", REPORT_MAX_DEPTH, e);
    xmlFree(mem);
    if (!doc)
        return NULL;
    xmlNodePtr dg = last_element(xmlDocGetRootElement(doc));
    if (report_doc_digest(doc, dg, hex, e) < 0) {
        xmlFreeDoc(doc);
        return NULL;
    }
    xmlNodeSetContent(dg, (const xmlChar *)hex);
    /* The record is not validated here against its schema: that costs a
     * fifth of a large export, and the tests validate every kind of
     * export instead (tests/unit/t_report.c, tests/cli/report-*.sh). */
    return doc;
}

int report_xml(const struct assessment *a, const char *tmpl_xml, size_t tmpl_len,
               struct buf *out, struct err *e)
{
    xmlDocPtr doc = report_record_doc(a, tmpl_xml, tmpl_len, e);
    if (!doc)
        return -1;
    report_doc_serialise(doc, out);
    xmlFreeDoc(doc);
    return 0;
}
