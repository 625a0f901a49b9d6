/* Unit tests of the reports, on assessments built in memory from the
 * built-in template (no store): the record validates and round-trips,
 * a second revision's with its types, acknowledged warnings, hidden
 * answers and changes too; a record made before revisions imports and
 * is written as it was; the worked example imports and exports to the
 * same bytes, hostile
 * records are refused with the expected message, the HTML shows markup
 * as text and holds no external reference, the CSV quotes and guards
 * against formulas, and the stylesheet cannot read files. */
#include "config.h"

#include <time.h>

#include "unit.h"
#include "core/answer.h"
#include "core/assess.h"
#include "core/diff.h"
#include "core/logic.h"
#include "core/xmlsafe.h"
#include "report/report.h"
#include "report/report_int.h"
#include "util/xalloc.h"

#include <errno.h>
#include <libxml/c14n.h>

#define PAYLOAD "<script>alert(1)</script> \"><img src=x onerror=alert(1)> ]]> &amp; A&B"

static void set(struct assessment *a, const char *qid, const char *value)
{
    const struct tmpl_question *q = tmpl_find_question(a->tmpl, qid);
    if (!q)
        fail_msg("no question %s", qid);
    struct err e;
    char *v = answer_canonical(q, value, &e);
    if (!v)
        fail_msg("%s", e.text);
    struct answer *an = assess_set_answer(a, qid, v);
    free(v);
    an->when = 1767225600;
    free(an->who);
    an->who = xstrdup("tester");
}

static void add_risk(struct assessment *a, int n, const char *text, int l, int s, int la, int sa)
{
    a->risks = xrealloc(a->risks, (a->nrisks + 1) * sizeof *a->risks);
    struct risk *r = &a->risks[a->nrisks++];
    memset(r, 0, sizeof *r);
    r->number = n;
    r->title = xstrdup(text);
    r->description = xstrdup(text);
    r->source = xstrdup(text);
    r->impacts = xstrdup(text);
    r->threats = xstrdup(text);
    r->likelihood = l;
    r->severity = s;
    r->likelihood_after = la;
    r->severity_after = sa;
    r->likelihood_why = xstrdup(text);
    r->severity_why = xstrdup(text);
    r->likelihood_after_why = xstrdup(text);
    r->severity_after_why = xstrdup(text);
}

static void add_measure(struct assessment *a, int n, const char *text, int risk)
{
    a->measures = xrealloc(a->measures, (a->nmeasures + 1) * sizeof *a->measures);
    struct measure *m = &a->measures[a->nmeasures++];
    memset(m, 0, sizeof *m);
    m->number = n;
    m->title = xstrdup(text);
    m->description = xstrdup(text);
    m->owner = xstrdup(text);
    m->due = xstrdup("2026-03-31");
    m->type = MT_ORGANISATIONAL;
    m->status = MS_PROGRESS;
    m->risks = xmalloc(sizeof *m->risks);
    m->risks[0] = risk;
    m->nrisks = 1;
}

/* An assessment whose every text field holds `text`. */
static struct assessment *filled(const char *text)
{
    struct assessment *a = unit_fresh_assessment();
    free(a->title);
    a->title = xstrdup(text);
    a->status = ST_REVIEW;
    free(a->review_date);
    a->review_date = xstrdup("2027-01-31");
    for (size_t i = 0; i < a->tmpl->nquestions; i++) {
        const struct tmpl_question *q = &a->tmpl->questions[i];
        char row[512];
        const char *v = q->type == QT_YESNO                            ? "yes"
                      : q->type == QT_DATE                             ? "2026-04-01"
                      : q->type == QT_CHOICE || q->type == QT_MULTI    ? q->options[0].value
                      : q->type == QT_TABLE ? unit_table_value(q, "Cell", row, sizeof row)
                                                                       : text;
        if (q->role == ROLE_Q_SCREENING_DECISION)
            v = "carry-out";
        set(a, q->id, v);
    }
    struct answer *an = (struct answer *)assess_answer(a, "desc.purposes");
    free(an->note);
    an->note = xstrdup(text);
    an->flagged = true;
    add_risk(a, 1, text, 3, 4, 1, 2);
    add_risk(a, 2, text, 2, 2, 0, 0);
    add_measure(a, 1, text, 1);
    for (int r = 0; r < SR_COUNT; r++) {
        struct signoff *so = &a->signoffs[r];
        free(so->name);
        so->name = xstrdup(text);
        free(so->position);
        so->position = xstrdup(text);
        free(so->advice);
        so->advice = xstrdup(text);
        free(so->date);
        so->date = xstrdup("2026-02-01");
    }
    a->signoffs[SR_DPO].advice_followed = 0;
    free(a->signoffs[SR_DPO].why_not);
    a->signoffs[SR_DPO].why_not = xstrdup(text);
    a->signoffs[SR_CONTROLLER].decision = DEC_CONDITIONS;
    assess_add_change(a, 1767225600, text, text, text, text);
    return a;
}

static char *export_xml(const struct assessment *a, size_t *len)
{
    size_t tl;
    const char *txml = tmpl_builtin_xml(&tl);
    struct buf b = {0};
    struct err e;
    struct sink sb = sink_buf(&b);
    if (report_xml(a, txml, tl, &sb, &e) < 0)
        fail_msg("%s", e.text);
    *len = b.len;
    return buf_take(&b);
}

static void validates(const char *xml, size_t len)
{
    struct err e;
    xmlDocPtr doc = xmlsafe_parse(xml, len, "export", REPORT_MAX_DEPTH, &e);
    assert_non_null(doc);
    if (report_validate(doc, "export", &e) < 0)
        fail_msg("%s", e.text);
    xmlFreeDoc(doc);
}

static void test_round_trip(void **state)
{
    setenv("SOURCE_DATE_EPOCH", "1767225600", 1);
    struct assessment *a = filled(PAYLOAD);
    free(a->controller);
    a->controller = xstrdup(PAYLOAD);
    free(a->dpo_contact);
    a->dpo_contact = xstrdup("dpo@example.org\n+33 1 00 00 00 00");
    struct judgement j = { (char *)"description", VD_IMPROVE, (char *)PAYLOAD,
                           (char *)"Dana", (char *)"2026-01-02" };
    assess_set_judgement(a, &j);
    size_t n1, n2;
    char *x1 = export_xml(a, &n1);
    validates(x1, n1);
    assert_non_null(strstr(x1, "<dpo-contact>dpo@example.org\n+33 1 00 00 00 00</dpo-contact>"));
    assert_non_null(strstr(x1, "<judgement date=\"2026-01-02\" verdict=\"improve\">"));
    assert_non_null(strstr(x1, "exported=\"2026-01-01T00:00:00Z\""));
    assert_non_null(strstr(x1, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert_null(strstr(x1, "<script"));

    struct err e;
    char *txml;
    size_t tlen;
    struct assessment *b = report_import(x1, n1, "x1.xml", &txml, &tlen, &e);
    if (!b)
        fail_msg("%s", e.text);
    assert_string_equal(b->uuid, a->uuid);
    assert_string_equal(b->tmpl->digest, a->tmpl->digest);
    assert_string_equal(b->title, PAYLOAD);
    assert_int_equal(b->nrisks, 2);
    assert_int_equal(b->measures[0].risks[0], 1);
    assert_int_equal(b->signoffs[SR_CONTROLLER].decision, DEC_CONDITIONS);
    assert_string_equal(b->controller, PAYLOAD);
    assert_string_equal(b->dpo_contact, "dpo@example.org\n+33 1 00 00 00 00");
    assert_int_equal(b->njudgements, 1);
    assert_int_equal(b->judgements[0].verdict, VD_IMPROVE);
    assert_string_equal(b->judgements[0].comment, PAYLOAD);
    assert_string_equal(b->judgements[0].name, "Dana");
    assert_string_equal(b->judgements[0].date, "2026-01-02");
    char *x2 = export_xml(b, &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(x1, x2, n1);

    /* Two exports with SOURCE_DATE_EPOCH are byte-identical. */
    size_t n3;
    char *x3 = export_xml(a, &n3);
    assert_int_equal(n1, n3);
    assert_memory_equal(x1, x3, n1);
    free(x1);
    free(x2);
    free(x3);
    free(txml);
    assess_free(a);
    assess_free(b);
}

static void add_diff(struct diff *d, const char *what, const char *label, const char *ov,
                     const char *nv)
{
    d->items = xgrow(d->items, &d->cap, d->n + 1, sizeof *d->items);
    struct diff_item *it = &d->items[d->n++];
    it->what = xstrdup(what);
    it->label = xstrdup(label);
    it->old_value = xstrdup(ov);
    it->new_value = xstrdup(nv);
}

/* A second revision: the date of the decision it replaces, typed risks,
 * warnings acknowledged with the decision, an answer its condition now
 * hides, and what changed since the first revision. */
static struct assessment *revised(const char *text)
{
    struct assessment *a = filled(text);
    a->revision = 2;
    free(a->replaces_date);
    a->replaces_date = xstrdup("2026-02-24");
    a->risks[0].type = RT_ACCESS;
    a->risks[1].type = RT_DISAPPEARANCE;
    struct signoff *c = &a->signoffs[SR_CONTROLLER];
    free(c->acknowledged);
    c->acknowledged = xasprintf("desc.purposes is marked for follow-up.\n%s", text);
    /* nec.li-interest was answered under legitimate interests; the basis
     * is consent now, which hides it. */
    set(a, "desc.purpose-list", "1\tCell\t\tconsent\t");
    assert_false(logic_shown(a, tmpl_find_question(a->tmpl, "nec.li-interest")));
    assert_non_null(assess_value(a, "nec.li-interest"));
    a->since = xcalloc(1, sizeof *a->since);
    add_diff(a->since, "answer desc.purpose-list", "What is the lawful basis?", "legitimate-interests",
             "consent");
    add_diff(a->since, "risk R1 type", text, "", "illegitimate-access");
    add_diff(a->since, "sign-off dpo advice", "Data Protection Officer", text, "");
    return a;
}

static void test_revision_round_trip(void **state)
{
    setenv("SOURCE_DATE_EPOCH", "1767225600", 1);
    struct assessment *a = revised(PAYLOAD);
    size_t n1, n2;
    char *x1 = export_xml(a, &n1);
    validates(x1, n1);
    assert_non_null(strstr(x1, " replaces=\"2026-02-24\" "));
    assert_non_null(strstr(x1, " revision=\"2\" "));
    assert_non_null(strstr(x1, "number=\"1\" type=\"illegitimate-access\" "
                               "type-label=\"Illegitimate access\">"));
    assert_non_null(strstr(x1, "number=\"2\" type=\"disappearance\" type-label=\"Disappearance\">"));
    assert_non_null(strstr(x1, "<acknowledged>desc.purposes is marked for follow-up.\n&lt;script&gt;"));
    assert_non_null(strstr(x1, "<warnings>\n      <warning>desc.purposes is marked for follow-up."
                               "</warning>"));
    assert_non_null(strstr(x1, "<question applicable=\"no\" id=\"nec.li-interest\""));
    assert_null(strstr(x1, "applicable=\"no\" id=\"desc.purpose-list\""));
    /* risk.no-access is hidden by R1's type, risk.no-disappearance by R2's */
    assert_non_null(strstr(x1, "<question applicable=\"no\" id=\"risk.no-access\""));
    assert_non_null(strstr(x1, "<question id=\"risk.no-modification\""));
    assert_non_null(strstr(x1, "</history>\n  <changes since-date=\"2026-02-24\" since-revision=\"1\">\n"
                               "    <change what=\"answer desc.purpose-list\">\n"
                               "      <label>What is the lawful basis?</label>\n"
                               "      <old>legitimate-interests</old>\n      <new>consent</new>\n"));

    struct err e;
    char *txml;
    size_t tlen;
    struct assessment *b = report_import(x1, n1, "x1.xml", &txml, &tlen, &e);
    if (!b)
        fail_msg("%s", e.text);
    assert_int_equal(b->revision, 2);
    assert_string_equal(b->replaces_date, "2026-02-24");
    assert_int_equal(b->risks[0].type, RT_ACCESS);
    assert_int_equal(b->risks[1].type, RT_DISAPPEARANCE);
    assert_string_equal(b->signoffs[SR_CONTROLLER].acknowledged,
                        a->signoffs[SR_CONTROLLER].acknowledged);
    assert_string_equal(b->signoffs[SR_DPO].acknowledged, "");
    assert_string_equal(assess_value(b, "nec.li-interest"), PAYLOAD);
    assert_string_equal(assess_value(b, "desc.purpose-list"), "1\tCell\t\tconsent\t");
    assert_non_null(b->since);
    assert_int_equal(b->since->n, 3);
    assert_string_equal(b->since->items[1].what, "risk R1 type");
    assert_string_equal(b->since->items[1].label, PAYLOAD);
    assert_string_equal(b->since->items[2].old_value, PAYLOAD);
    assert_string_equal(b->since->items[2].new_value, "");
    char *x2 = export_xml(b, &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(x1, x2, n1);
    free(x2);
    free(txml);
    assess_free(b);

    /* Known to have changed nothing: the element, empty. */
    diff_free(a->since);
    free(x1);
    x1 = export_xml(a, &n1);
    validates(x1, n1);
    assert_non_null(strstr(x1, "<changes since-date=\"2026-02-24\" since-revision=\"1\"></changes>"));
    b = report_import(x1, n1, "x1.xml", &txml, &tlen, &e);
    if (!b)
        fail_msg("%s", e.text);
    assert_non_null(b->since);
    assert_int_equal(b->since->n, 0);
    x2 = export_xml(b, &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(x1, x2, n1);
    free(x2);
    free(txml);
    assess_free(b);
    free(x1);
    assess_free(a);
}

/* What the first revision of an assessment does not use is not written:
 * no revision, replaces, type, acknowledged, warnings or changes. */
static void test_defaults_unwritten(void **state)
{
    setenv("SOURCE_DATE_EPOCH", "1767225600", 1);
    struct assessment *a = filled("plain");
    ((struct answer *)assess_answer(a, "desc.purposes"))->flagged = false;
    /* no answer to a question its conditions hide */
    for (size_t i = 0; i < a->tmpl->nquestions; i++)
        if (!logic_shown(a, &a->tmpl->questions[i]))
            assess_set_answer(a, a->tmpl->questions[i].id, "");
    a->since = xcalloc(1, sizeof *a->since); /* a first revision has nothing to compare */
    size_t n;
    char *x = export_xml(a, &n);
    validates(x, n);
    static const char *const absent[] = {
        " revision=", " replaces=", " type=\"illegitimate", "type-label=\"Not said\"",
        "<acknowledged>", "<warnings>", "<changes", "applicable=", "<controller>",
        "<dpo-contact>", "<judgement",
    };
    for (size_t i = 0; i < sizeof absent / sizeof absent[0]; i++)
        if (strstr(x, absent[i]))
            fail_msg("'%s' written for an assessment that does not use it", absent[i]);
    free(x);
    assess_free(a);
}

/* A record made before revisions (the worked example as it was written
 * on template 1.0) imports with its digest checked and, its one
 * follow-up flag cleared, is written again byte for byte as it was (the
 * flag and the digest aside): nothing new appears in it. */
static void test_old_record(void **state)
{
    setenv("SOURCE_DATE_EPOCH", "1771954200", 1);
    size_t len;
    char *src = unit_read_src("tests/fixtures/records/good-example-1.0.xml", &len);
    struct err e;
    char *txml;
    size_t tlen;
    struct assessment *a = report_import(src, len, "good-example-1.0.xml", &txml, &tlen, &e);
    if (!a)
        fail_msg("%s", e.text);
    assert_string_equal(a->tmpl->version, "1.0");
    assert_int_equal(a->revision, 1);
    assert_string_equal(a->replaces_date, "");
    assert_null(a->since);
    for (size_t i = 0; i < a->nrisks; i++)
        assert_int_equal(a->risks[i].type, RT_NONE);
    assert_string_equal(a->signoffs[SR_CONTROLLER].acknowledged, "");

    /* The digest is checked: one byte changed in an answer is refused. */
    char *bad = xmalloc(len + 1);
    memcpy(bad, src, len + 1);
    char *p = strstr(bad, "About 110 million");
    assert_non_null(p);
    p[0] = 'a';
    char *bxml;
    size_t blen;
    assert_null(report_import(bad, len, "bad.xml", &bxml, &blen, &e));
    assert_non_null(strstr(e.text, "the record digest does not match"));
    free(bad);

    struct answer *an = (struct answer *)assess_answer(a, "nec.information");
    assert_true(an->flagged);
    an->flagged = false;
    struct buf b = {0};
    struct sink sb = sink_buf(&b);
    if (report_xml(a, txml, tlen, &sb, &e) < 0)
        fail_msg("%s", e.text);
    /* the expected bytes: the file, that answer unflagged */
    const char *q = strstr(src, "<question id=\"nec.information\"");
    assert_non_null(q);
    q = strstr(q, "flagged=\"yes\"");
    assert_non_null(q);
    struct buf w0 = {0};
    buf_add(&w0, src, (size_t)(q - src));
    buf_adds(&w0, "flagged=\"no\"");
    buf_adds(&w0, q + strlen("flagged=\"yes\""));
    /* The labels are the program's: a measure's status is written with
     * today's label for its key. */
    struct buf want = {0};
    static const char *const relabel[][2] = {
        { "status-label=\"In progress\"", "status-label=\"Partially implemented\"" },
        { "status-label=\"Done\"", "status-label=\"Implemented\"" },
    };
    for (const char *p0 = buf_str(&w0); *p0;) {
        size_t k = 0;
        while (k < 2 && strncmp(p0, relabel[k][0], strlen(relabel[k][0])) != 0)
            k++;
        if (k < 2) {
            buf_adds(&want, relabel[k][1]);
            p0 += strlen(relabel[k][0]);
        } else {
            buf_addc(&want, *p0++);
        }
    }
    buf_free(&w0);
    const char *dg = strstr(buf_str(&want), "<digest algorithm=");
    assert_non_null(dg);
    assert_int_equal(b.len, want.len);
    assert_memory_equal(b.data, want.data, (size_t)(dg - want.data));
    buf_free(&want);
    buf_free(&b);
    free(txml);
    free(src);
    assess_free(a);
}

/* Text that exercises every canonical escape and every cleaning: tab,
 * newline and CR (escaped differently in attributes and in text), both
 * quotes, <, >, &, a C0 control, DEL, broken UTF-8, U+FFFE. */
#define ESCAPES "a\tb\nc\rd \"q\" 'a' <x> & ]]> \x01 \x7f \xff\xfe \xef\xbf\xbe \xc3\xa9 \xe4\xb8\xad"

/* The record as written is its own Canonical XML (after the XML
 * declaration, before the last newline), so its digest is the digest of
 * the written bytes; and the tree made for the HTML transform is the
 * tree a parser makes of those bytes. */
static void test_canonical(void **state)
{
    setenv("SOURCE_DATE_EPOCH", "1767225600", 1);
    struct assessment *a = filled("plain");
    /* Straight into the model: the answer rules would refuse some of it,
     * an older or foreign database might not. */
    free(a->title);
    a->title = xstrdup(ESCAPES);
    free(a->risks[0].description);
    a->risks[0].description = xstrdup(ESCAPES);
    free(a->history[0].who);
    a->history[0].who = xstrdup(ESCAPES); /* in an attribute */
    size_t n;
    char *x = export_xml(a, &n);
    const char *decl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    assert_memory_equal(x, decl, strlen(decl));
    assert_int_equal(x[n - 1], '\n');
    assert_non_null(strstr(x, "who=\"a&#x9;b&#xA;c&#xD;d &quot;q&quot; 'a' &lt;x> &amp; ]]> "
                              "\xef\xbf\xbd \xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd "
                              "\xef\xbf\xbd \xc3\xa9 \xe4\xb8\xad\""));
    assert_non_null(strstr(x, ">a\tb\nc&#xD;d \"q\" 'a' &lt;x&gt; &amp; ]]&gt; \xef\xbf\xbd"));

    struct err e;
    xmlDocPtr doc = xmlsafe_parse(x, n, "export", REPORT_MAX_DEPTH, &e);
    assert_non_null(doc);
    xmlChar *c14n = NULL;
    int cn = xmlC14NDocDumpMemory(doc, NULL, XML_C14N_1_0, NULL, 1, &c14n);
    size_t body = n - strlen(decl) - 1;
    assert_int_equal((size_t)cn, body);
    assert_memory_equal(c14n, x + strlen(decl), body);
    xmlFree(c14n);

    /* A snapshot that does not match is refused before a byte is written. */
    xmlDocPtr tree = report_record_doc(a, "<x/>", 4, &e);
    assert_null(tree);
    struct buf none = {0};
    struct sink ns = sink_buf(&none);
    assert_int_equal(report_xml(a, "<x/>", 4, &ns, &e), -1);
    assert_string_equal(e.text, "the template snapshot does not match the assessment's template");
    assert_int_equal(none.len, 0);
    size_t tl;
    const char *txml = tmpl_builtin_xml(&tl);
    tree = report_record_doc(a, txml, tl, &e);
    assert_non_null(tree);
    c14n = NULL;
    cn = xmlC14NDocDumpMemory(tree, NULL, XML_C14N_1_0, NULL, 1, &c14n);
    assert_int_equal((size_t)cn, body);
    assert_memory_equal(c14n, x + strlen(decl), body);
    xmlFree(c14n);
    xmlFreeDoc(tree);
    xmlFreeDoc(doc);
    free(x);
    assess_free(a);
}

/* A write that fails stops the export with the reason. */
static int full(void *ctx, const char *p, size_t n)
{
    size_t *left = ctx;
    if (n > *left) {
        errno = ENOSPC;
        return -1;
    }
    *left -= n;
    return 0;
}

static void test_write_fails(void **state)
{
    struct assessment *a = filled("plain");
    size_t tl;
    const char *txml = tmpl_builtin_xml(&tl);
    for (size_t room = 0; room < 40000; room += 9999) {
        size_t left = room;
        struct sink s = { full, &left };
        struct err e;
        assert_int_equal(report_xml(a, txml, tl, &s, &e), -1);
        assert_string_equal(e.text, "cannot write the record: No space left on device");
        left = room;
        assert_int_equal(report_html(a, txml, tl, NULL, &s, &e), -1);
        assert_string_equal(e.text, "cannot write the report: No space left on device");
    }
    assess_free(a);
}

static void test_tampered(void **state)
{
    struct assessment *a = filled("plain");
    size_t n;
    char *x = export_xml(a, &n);
    char *p = strstr(x, "<title>plain</title>");
    assert_non_null(p);
    p[7] = 'P';
    struct err e;
    char *txml;
    size_t tlen;
    assert_null(report_import(x, n, "t.xml", &txml, &tlen, &e));
    assert_non_null(strstr(e.text, "the record digest does not match"));
    assert_null(report_import(x, REPORT_MAX_BYTES + 1, "huge.xml", &txml, &tlen, &e));
    assert_string_equal(e.text, "huge.xml:1: larger than the limit of 1073741824 bytes");
    free(x);
    assess_free(a);
}

/* The worked example imports and, exported again at its export time,
 * gives back the same bytes (no store: no import entry is added). */
static void test_example(void **state)
{
    setenv("SOURCE_DATE_EPOCH", "1771954200", 1); /* 2026-02-24T17:30:00Z */
    size_t len;
    char *src = unit_read_src("data/examples/streaming-factoids.xml", &len);
    struct err e;
    char *txml;
    size_t tlen;
    struct assessment *a = report_import(src, len, "streaming-factoids.xml", &txml, &tlen, &e);
    if (!a)
        fail_msg("%s", e.text);
    assert_true(a->nrisks >= 5 && a->nrisks <= 7);
    assert_int_equal(a->signoffs[SR_CONTROLLER].decision, DEC_CONDITIONS);
    /* Made on the default template as it is now, byte for byte. */
    size_t dlen;
    const char *dxml = tmpl_builtin_xml(&dlen);
    assert_int_equal(tlen, dlen);
    assert_memory_equal(txml, dxml, dlen);
    /* Every risk typed; each feared event a risk or the reason for none. */
    for (size_t i = 0; i < a->nrisks; i++)
        assert_int_not_equal(a->risks[i].type, RT_NONE);
    assert_true(logic_has_risk_type(a, RT_ACCESS));
    assert_true(logic_has_risk_type(a, RT_MODIFICATION) ||
                assess_value(a, "risk.no-modification"));
    assert_true(logic_has_risk_type(a, RT_DISAPPEARANCE) ||
                assess_value(a, "risk.no-disappearance"));
    /* The decision acknowledged the warnings standing on its date. */
    assert_string_equal(a->signoffs[SR_CONTROLLER].acknowledged,
                        "nec.information is marked for follow-up.\n"
                        "Measure M7 is due on 2027-03-31, after the processing starts "
                        "(2026-04-01).");
    struct buf b = {0};
    struct sink sb = sink_buf(&b);
    if (report_xml(a, txml, tlen, &sb, &e) < 0)
        fail_msg("%s", e.text);
    assert_int_equal(b.len, len);
    assert_memory_equal(b.data, src, len);
    buf_free(&b);
    free(txml);
    free(src);
    assess_free(a);
}

static void test_hostile(void **state)
{
    size_t len;
    char *tsv = unit_read_src("tests/fixtures/records/expected.tsv", &len);
    int n = 0;
    for (char *line = strtok(tsv, "\n"); line; line = strtok(NULL, "\n")) {
        char *tab = strchr(line, '\t');
        assert_non_null(tab);
        *tab = '\0';
        char rel[256];
        snprintf(rel, sizeof rel, "tests/fixtures/records/%s", line);
        size_t flen;
        char *data = unit_read_src(rel, &flen);
        struct err e;
        char *txml = NULL;
        size_t tlen;
        struct assessment *a = report_import(data, flen, line, &txml, &tlen, &e);
        if (a)
            fail_msg("%s was accepted", line);
        assert_null(txml);
        if (strcmp(e.text, tab + 1) != 0)
            fail_msg("%s: got '%s', expected '%s'", line, e.text, tab + 1);
        free(data);
        n++;
    }
    assert_true(n >= 12);
    free(tsv);

    char *good = unit_read_src("tests/fixtures/records/good-minimal.xml", &len);
    struct err e;
    char *txml;
    size_t tlen;
    struct assessment *a = report_import(good, len, "good-minimal.xml", &txml, &tlen, &e);
    if (!a)
        fail_msg("%s", e.text);
    assert_string_equal(a->tmpl->id, "minimal");
    free(txml);
    free(good);
    assess_free(a);

    /* A second revision, made by hand: what came with revisions is read. */
    good = unit_read_src("tests/fixtures/records/good-revision.xml", &len);
    a = report_import(good, len, "good-revision.xml", &txml, &tlen, &e);
    if (!a)
        fail_msg("%s", e.text);
    assert_int_equal(a->revision, 2);
    assert_string_equal(a->replaces_date, "2026-11-20");
    assert_int_equal(a->risks[0].type, RT_MODIFICATION);
    assert_string_equal(a->signoffs[SR_CONTROLLER].acknowledged, "A first warning.\nA second one.");
    assert_non_null(a->since);
    assert_int_equal(a->since->n, 2);
    assert_string_equal(a->since->items[0].what, "title");
    assert_string_equal(a->since->items[0].old_value, "Minimal record");
    assert_string_equal(a->since->items[1].label, "Small counts");
    assert_string_equal(a->since->items[1].new_value, "unwanted-modification");
    free(txml);
    free(good);
    assess_free(a);
}

static void test_html(void **state)
{
    struct assessment *a = filled(PAYLOAD);
    size_t tl;
    const char *txml = tmpl_builtin_xml(&tl);
    struct buf b = {0};
    struct err e;
    struct sink sb = sink_buf(&b);
    if (report_html(a, txml, tl, NULL, &sb, &e) < 0)
        fail_msg("%s", e.text);
    const char *h = buf_str(&b);
    assert_null(strstr(h, "<script"));
    assert_null(strstr(h, "<img"));
    assert_non_null(strstr(h, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert_non_null(strstr(h, "&lt;img src=x onerror=alert(1)&gt;"));
    assert_non_null(strstr(h, "]]&gt; &amp;amp; A&amp;B"));
    assert_null(strstr(h, "http:"));
    assert_null(strstr(h, "https:"));
    assert_null(strstr(h, "url("));
    assert_null(strstr(h, "@import"));
    assert_null(strstr(h, "//"));
    assert_non_null(strstr(h, "<svg"));
    assert_non_null(strstr(h, a->tmpl->digest));
    /* one charset declaration, from libxslt */
    const char *c = strstr(h, "charset");
    assert_non_null(c);
    assert_null(strstr(c + 1, "charset"));
    buf_free(&b);
    assess_free(a);
}

static char *html_of(const struct assessment *a)
{
    size_t tl;
    const char *txml = tmpl_builtin_xml(&tl);
    struct buf b = {0};
    struct err e;
    struct sink sb = sink_buf(&b);
    if (report_html(a, txml, tl, NULL, &sb, &e) < 0)
        fail_msg("%s", e.text);
    return buf_take(&b);
}

static void has(const char *h, const char *text)
{
    if (!strstr(h, text))
        fail_msg("the report lacks '%s'", text);
}

static void lacks(const char *h, const char *text)
{
    if (strstr(h, text))
        fail_msg("the report has '%s'", text);
}

/* The report of a second revision: its number and the decision it
 * replaces on the cover, the changes since the first opening the change
 * log, the risks' types, the warnings acknowledged with the decision and
 * those standing now; an answer its condition hides is left out. */
static void test_html_revision(void **state)
{
    setenv("SOURCE_DATE_EPOCH", "1767225600", 1);
    struct assessment *a = revised(PAYLOAD);
    char *h = html_of(a);
    has(h, "<th>Revision</th><td>Revision 2, replaces the revision decided on 2026-02-24</td>");
    const char *log = strstr(h, "<h2>Appendix: change log</h2>");
    assert_non_null(log);
    assert_true(strncmp(log + strlen("<h2>Appendix: change log</h2>"),
                        "<h3>Changes since revision 1</h3>", 33) == 0);
    has(log, "<tr><td>What is the lawful basis?<br><span class=\"small\">Answer desc.purpose-list</span></td>"
             "<td class=\"text\">legitimate-interests</td><td class=\"text\">consent</td></tr>");
    has(log, "<td class=\"text\">&lt;script&gt;alert(1)&lt;/script&gt;");
    has(h, "<em>Type:</em> Illegitimate access</p>");
    has(h, "<em>Type:</em> Disappearance</p>");
    has(h, "<p class=\"small\">Warnings acknowledged with the decision:</p>"
           "<div class=\"text small acknowledged\">desc.purposes is marked for follow-up.\n"
           "&lt;script&gt;");
    has(h, "<h3>To acknowledge with the decision</h3><ul><li>desc.purposes is marked for "
           "follow-up.</li>");
    has(h, "id=\"q-desc.purpose-list\"");
    lacks(h, "id=\"q-nec.li-interest\"");
    lacks(h, "id=\"q-risk.no-access\"");
    has(h, "id=\"q-risk.no-modification\"");
    lacks(h, "<script");
    lacks(h, "<img");
    free(h);

    /* Nothing changed since the first revision. */
    diff_free(a->since);
    h = html_of(a);
    has(h, "<p class=\"none\">Nothing changed since revision 1.</p>");
    free(h);

    /* Closed on the screening alone. */
    a->status = ST_NOT_REQUIRED;
    h = html_of(a);
    has(h, "<th>Status</th><td>DPIA not required</td>");
    has(h, "<th>Decision</th><td>No DPIA needed: the screening concluded that no DPIA is required, "
           "closed with the DPO's sign-off</td>");
    has(h, "<strong>DPIA not required.</strong> The screening concluded that no DPIA is needed "
           "for this processing; the assessment was closed on the screening alone, with the Data "
           "Protection Officer's sign-off (");
    lacks(h, "Outstanding before sign-off");
    free(h);
    assess_free(a);

    /* A first revision says so; an untyped risk, that its type is not said. */
    a = filled("plain");
    h = html_of(a);
    has(h, "<th>Revision</th><td>Revision 1</td>");
    has(h, "<em>Type:</em> Not said</p>");
    lacks(h, "Changes since revision");
    lacks(h, "Warnings acknowledged");
    free(h);
    assess_free(a);
}

static void test_stylesheet_locked(void **state)
{
    struct assessment *a = filled("x");
    size_t tl;
    const char *txml = tmpl_builtin_xml(&tl);
    static const char *const bad[] = {
        "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
        "<xsl:template match='/'><x><xsl:copy-of select=\"document('/etc/passwd')\"/></x>"
        "</xsl:template></xsl:stylesheet>",
        "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
        "<xsl:include href='/etc/passwd'/></xsl:stylesheet>",
        "<!DOCTYPE x [<!ENTITY e SYSTEM '/etc/passwd'>]>"
        "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
        "<xsl:template match='/'><x>&e;</x></xsl:template></xsl:stylesheet>",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct buf b = {0};
        struct err e;
        struct sink sb = sink_buf(&b);
        struct report_opts o = { .xsl = bad[i], .xsl_len = strlen(bad[i]), .xsl_name = "evil.xsl" };
        int rc = report_html(a, txml, tl, &o, &sb, &e);
        assert_null(strstr(buf_str(&b), "root:"));
        if (i > 0)
            assert_int_equal(rc, -1);
        buf_free(&b);
    }
    assess_free(a);
}

static void test_csv(void **state)
{
    struct assessment *a = unit_fresh_assessment();
    add_risk(a, 1, "=HYPERLINK(\"x\")", 3, 4, 1, 2);
    free(a->risks[0].description);
    a->risks[0].description = xstrdup("a, \"quoted\"\nsecond line");
    free(a->risks[0].source);
    a->risks[0].source = xstrdup("+1");
    free(a->risks[0].threats);
    a->risks[0].threats = xstrdup("-2");
    free(a->risks[0].impacts);
    a->risks[0].impacts = xstrdup("@SUM(A1)");
    add_measure(a, 1, "plain", 1);
    struct buf b = {0};
    report_csv_risks(a, &b);
    const char *s = buf_str(&b);
    assert_true(strncmp(s, "Risk,Title,Description,", 23) == 0);
    const char *row = strstr(s, "\r\nR1,");
    assert_non_null(row);
    assert_non_null(strstr(row, "R1,\"'=HYPERLINK(\"\"x\"\")\",\"a, \"\"quoted\"\"\nsecond line\","
                                "\"'+1\",\"'-2\",\"'@SUM(A1)\","));
    assert_non_null(strstr(row, "Significant (3)"));
    assert_non_null(strstr(row, ",M1,Not said,,\r\n"));
    assert_non_null(
        strstr(s, ",Residual level,Measures,Type,Table rows concerned,Declared type\r\n"));
    /* every record ends with CRLF, no bare LF outside quotes */
    assert_int_equal(s[b.len - 2], '\r');
    assert_int_equal(s[b.len - 1], '\n');
    buf_free(&b);
    /* The type, by its label, at the end. */
    a->risks[0].type = RT_MODIFICATION;
    report_csv_risks(a, &b);
    assert_non_null(strstr(buf_str(&b), ",M1,Unwanted modification,,\r\n"));
    buf_free(&b);
    /* A declared type its template does not (or no longer) declare: by
     * its id, as the type and in the last column. */
    a->risks[0].type = RT_OTHER;
    a->risks[0].kind = xstrdup("hoarding");
    report_csv_risks(a, &b);
    assert_non_null(strstr(buf_str(&b), ",M1,hoarding,,hoarding\r\n"));
    buf_free(&b);
    report_csv_measures(a, &b);
    assert_string_equal(buf_str(&b),
                        "Measure,Title,Description,Type,Owner,Due,Status,Risks addressed,Group\r\n"
                        "M1,plain,plain,Organisational,plain,2026-03-31,Partially implemented,R1,"
                        "\r\n");
    buf_free(&b);
    assess_free(a);
}

static void test_helpers(void **state)
{
    int64_t t;
    char s[32];
    assert_int_equal(report_time_parse("2026-02-24T17:30:00Z", &t), 0);
    assert_int_equal(t, 1771954200);
    report_time_iso(t, s);
    assert_string_equal(s, "2026-02-24T17:30:00Z");
    /* Worked out without gmtime: the same as gmtime, leap years and the
     * ends of months included. */
    for (int64_t v = 0; v < 253402300800LL; v += 86399 * 61 + 7919) {
        time_t tt = (time_t)v;
        struct tm tm;
        char want[64];
        gmtime_r(&tt, &tm);
        strftime(want, sizeof want, "%Y-%m-%dT%H:%M:%SZ", &tm);
        report_time_iso(v, s);
        if (strcmp(s, want) != 0)
            fail_msg("%lld: %s, not %s", (long long)v, s, want);
        int64_t back;
        assert_int_equal(report_time_parse(s, &back), 0);
        assert_int_equal(back, v);
    }
    report_time_iso(253402300799LL, s);
    assert_string_equal(s, "9999-12-31T23:59:59Z");
    assert_int_equal(report_time_parse("2026-02-30T00:00:00Z", &t), -1);
    assert_int_equal(report_time_parse("2026-02-24 17:30:00", &t), -1);
    struct buf b = {0};
    report_base64_encode((const unsigned char *)"any carnal pleasure", 19, 0, &b);
    assert_string_equal(buf_str(&b), "\nYW55IGNhcm5hbCBwbGVhc3VyZQ==\n");
    size_t n;
    char *d = report_base64_decode(buf_str(&b), &n);
    assert_int_equal(n, 19);
    assert_string_equal(d, "any carnal pleasure");
    free(d);
    assert_null(report_base64_decode("ab$c", &n));
    buf_free(&b);
    char *x = report_xml_text("a\x01" "b\xff" "c\td");
    assert_string_equal(x, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\td");
    free(x);
    assert_int_equal(report_format_parse("csv-risks"), RF_CSV_RISKS);
    assert_int_equal(report_format_parse("pdf"), RF_PDF);
    assert_int_equal(report_format_parse("rtf"), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_helpers),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_revision_round_trip),
        cmocka_unit_test(test_defaults_unwritten),
        cmocka_unit_test(test_old_record),
        cmocka_unit_test(test_tampered),
        cmocka_unit_test(test_canonical),
        cmocka_unit_test(test_write_fails),
        cmocka_unit_test(test_example),
        cmocka_unit_test(test_hostile),
        cmocka_unit_test(test_html),
        cmocka_unit_test(test_html_revision),
        cmocka_unit_test(test_stylesheet_locked),
        cmocka_unit_test(test_csv),
    };
    int rc = cmocka_run_group_tests_name("report", tests, NULL, NULL);
    report_cleanup();
    tmpl_cleanup();
    return rc;
}
