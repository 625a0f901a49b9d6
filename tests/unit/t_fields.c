/* The field tables of risks, measures and sign-offs (core/fields.h)
 * drive every place a field goes: each field of each table, given a
 * value of its own, comes back from the store, is a column of the CSV
 * with its header and its value, is a field of the form with its label
 * and its value, and is where the record says it is (its xml). A field
 * left out of any of them fails here. */
#include "config.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <locale.h>

#include "unit.h"
#include "unit_db.h"
#include "core/fields.h"
#include "core/tmpl.h"
#include "report/report.h"
#include "store/store.h"
#include "ui/form.h"
#include "util/buf.h"
#include "util/sink.h"
#include "util/xalloc.h"

static char dir[] = "/tmp/dpia-t-fields.XXXXXX";

/* The built-in template with two groups of measures and two declared
 * risk types, or without. */
static char *template_xml(bool groups, size_t *len)
{
    size_t n;
    const char *xml = tmpl_builtin_xml(&n);
    const char *at = strstr(xml, "</coverage>");
    assert_non_null(at);
    at += strlen("</coverage>");
    struct buf b = { 0 };
    buf_add(&b, xml, (size_t)(at - xml));
    if (groups)
        buf_adds(&b, "\n  <measure-groups>\n    <group id=\"minimise\">Data minimisation</group>\n"
                     "    <group id=\"secure\">Security of processing</group>\n"
                     "  </measure-groups>\n  <risk-types>\n"
                     "    <type id=\"excessive\">Excessive collection</type>\n"
                     "    <type id=\"unexpected-use\">Unexpected use</type>\n"
                     "  </risk-types>");
    buf_adds(&b, at);
    *len = b.len;
    return buf_take(&b);
}

/* A value of its own for every field of a table: texts that name their
 * field, scores 1, 2, 3, 4 in turn, the last value of a choice. */
static void fill(const struct field *t, size_t n, void *obj, int *score)
{
    for (size_t i = 0; i < n; i++) {
        const struct field *f = &t[i];
        char *v;
        switch (f->kind) {
        case FLD_TEXT:
            v = f->role == FR_CONCERNS ? xstrdup("D1 P2")
                : f->role == FR_GROUP  ? xstrdup("secure")
                : f->role == FR_RISK_KIND ? xstrdup("unexpected-use")
                : f->role == FR_DATE   ? xstrdup("2026-05-17")
                                       : xasprintf("value of %s", f->name);
            field_set_str(f, obj, v);
            free(v);
            break;
        case FLD_INT:
            field_set_int(f, obj, (*score)++ % 4 + 1);
            break;
        case FLD_FOLLOWED:
            field_set_int(f, obj, 0);
            break;
        default:
            field_set_int(f, obj, field_nchoices(f) - 1);
        }
    }
}

static void same_fields(const struct field *t, size_t n, const void *want, const void *got,
                        const char *where)
{
    for (size_t i = 0; i < n; i++)
        if (!field_same(&t[i], want, got)) {
            char *w = field_text(&t[i], want), *g = field_text(&t[i], got);
            fail_msg("%s: field '%s' is '%s', not '%s'", where, t[i].name, g, w);
        }
}

/* The cells of one CSV record without quotes (the values here hold no
 * comma nor quote); n set to how many. */
static char **cells(const char *line, size_t len, size_t *n)
{
    char **out = xcalloc(len + 2, sizeof *out);
    *n = 0;
    const char *p = line, *end = line + len;
    while (p <= end) {
        const char *c = memchr(p, ',', (size_t)(end - p));
        if (!c)
            c = end;
        out[(*n)++] = xasprintf("%.*s", (int)(c - p), p);
        p = c + 1;
    }
    return out;
}

static void free_cells(char **c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(c[i]);
    free(c);
}

/* The CSV of a table has a column for each of its fields, with its
 * header and, in the first record, the value obj shows. */
static void check_csv(const struct assessment *a, const struct field *t, size_t n,
                      const void *obj, void (*csv)(const struct assessment *, struct buf *))
{
    struct buf b = { 0 };
    csv(a, &b);
    const char *s = buf_str(&b);
    const char *e1 = strstr(s, "\r\n");
    assert_non_null(e1);
    const char *e2 = strstr(e1 + 2, "\r\n");
    assert_non_null(e2);
    size_t nh, nr;
    char **head = cells(s, (size_t)(e1 - s), &nh);
    char **row = cells(e1 + 2, (size_t)(e2 - e1 - 2), &nr);
    assert_int_equal(nh, nr);
    for (size_t i = 0; i < n; i++) {
        const struct field *f = &t[i];
        if (!f->csv)
            fail_msg("field '%s' has no CSV header", f->name);
        size_t at = nh, seen = 0;
        for (size_t k = 0; k < nh; k++)
            if (strcmp(head[k], f->csv) == 0) {
                at = k;
                seen++;
            }
        if (seen != 1)
            fail_msg("field '%s': header '%s' is in the CSV %zu times", f->name, f->csv, seen);
        char *want = field_show(f, obj, a);
        if (strcmp(row[at], want) != 0)
            fail_msg("field '%s': CSV cell '%s', not '%s'", f->name, row[at], want);
        assert_true(*want);
        free(want);
    }
    free_cells(head, nh);
    free_cells(row, nr);
    buf_free(&b);
}

/* A field picked among what the template declares (groups, risk
 * types), and the name of the one fill gives it. */
static bool declared_field(const struct field *f)
{
    return f->role == FR_GROUP || f->role == FR_RISK_KIND;
}

static const char *declared_name(const struct field *f)
{
    return f->role == FR_GROUP ? "Security of processing" : "Unexpected use";
}

/* The form made from a table has one field for each field with a label,
 * labelled so, holding obj's value; what it holds goes back whole. The
 * fields picked among what the template declares are there only when it
 * declares some (group_shown). */
static void check_form(const struct assessment *a, const struct field *t, size_t n,
                       const void *obj, void *fresh, bool group_shown)
{
    struct form_field f[64];
    const struct field *src[64];
    int nf = form_from_table(a, t, n, obj, f, src);
    for (size_t i = 0; i < n; i++) {
        const struct field *tf = &t[i];
        if (!tf->label)
            fail_msg("field '%s' has no form label", tf->name);
        int seen = 0, at = -1;
        for (int k = 0; k < nf; k++)
            if (src[k] == tf) {
                seen++;
                at = k;
            }
        if (declared_field(tf) && !group_shown) {
            assert_int_equal(seen, 0);
            continue;
        }
        if (seen != 1)
            fail_msg("field '%s' is in the form %d times", tf->name, seen);
        assert_string_equal(f[at].label, tf->label);
        if (declared_field(tf))
            assert_string_equal(f[at].choices[f[at].number], declared_name(tf));
        else if (tf->kind == FLD_TEXT)
            assert_string_equal(f[at].value, field_str(tf, obj));
        else
            assert_int_equal(f[at].number, field_int(tf, obj));
    }
    form_to_table(f, src, nf, a, fresh);
    for (size_t i = 0; i < n; i++)
        if (group_shown || !declared_field(&t[i]))
            same_fields(&t[i], 1, obj, fresh, "the form");
    form_table_free(f, src, nf);
}

/* The value of an xml path under the element picked by base
 * ("//r:risk[@number=1]"): "before/@likelihood" and the like. */
static char *xml_value(xmlXPathContextPtr ctx, const char *base, const char *path, int *count)
{
    struct buf x = { 0 };
    buf_adds(&x, base);
    for (const char *p = path; *p;) {
        const char *slash = strchr(p, '/');
        size_t len = slash ? (size_t)(slash - p) : strlen(p);
        buf_printf(&x, "/%s%.*s", *p == '@' ? "" : "r:", (int)len, p);
        p += len + (slash ? 1 : 0);
    }
    xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)buf_str(&x), ctx);
    assert_non_null(o);
    *count = o->nodesetval ? o->nodesetval->nodeNr : 0;
    char *v = NULL;
    if (*count == 1) {
        xmlChar *c = xmlNodeGetContent(o->nodesetval->nodeTab[0]);
        v = xstrdup((const char *)c);
        xmlFree(c);
    }
    xmlXPathFreeObject(o);
    buf_free(&x);
    return v;
}

/* Each field is in the record where its xml says, with its value as the
 * record writes it; an optional one is absent when empty (empty: obj
 * holds it empty). */
static void check_xml(xmlXPathContextPtr ctx, const char *base, const struct field *t, size_t n,
                      const void *obj, bool empty)
{
    for (size_t i = 0; i < n; i++) {
        const struct field *f = &t[i];
        assert_non_null(f->xml);
        int count;
        char *got = xml_value(ctx, base, f->xml, &count);
        if (empty) {
            if (f->xml_opt && count != 0)
                fail_msg("field '%s': an empty optional element is written", f->name);
            free(got);
            continue;
        }
        char *want;
        if (f->kind == FLD_TEXT)
            want = xstrdup(field_str(f, obj));
        else if (f->kind == FLD_INT)
            want = xasprintf("%d", field_int(f, obj));
        else if (f->kind == FLD_FOLLOWED)
            want = xstrdup(field_int(f, obj) > 0 ? "yes" : field_int(f, obj) == 0 ? "no" : "not-said");
        else
            want = xstrdup(field_key(f, field_int(f, obj)));
        if (count != 1 || strcmp(got, want) != 0)
            fail_msg("field '%s': %s holds '%s' (%d found), not '%s'", f->name, f->xml,
                     got ? got : "", count, want);
        free(want);
        free(got);
    }
}

static void test_every_field(void **state)
{
    (void)state;
    char path[256];
    unit_db(path, sizeof path, dir, "db.sqlite");
    struct err e;
    struct store *s = store_open(path, false, "unit", &e);
    if (!s)
        fail_msg("%s", e.text);
    size_t tlen;
    char *txml = template_xml(true, &tlen);
    int64_t id = store_create(s, "Fields", txml, tlen, NULL, &e);
    assert_true(id > 0);
    struct assessment *a = store_load(s, id, &e);
    assert_non_null(a);
    assert_int_equal(a->tmpl->ngroups, 2);
    assert_int_equal(a->tmpl->nkinds, 2);
    /* The table rows a risk cites exist (an import refuses a citation of
     * a row that does not). */
    if (store_set_answer(s, a, "desc.data-items", "1\tE-mail\tno\t\t1 year", "", false, 0, 0,
                         &e) < 0 ||
        store_set_answer(s, a, "desc.purpose-list",
                         "1\tNews\tD1\tconsent\t\n2\tOffers\tD1\tconsent\t", "", false, 0, 0,
                         &e) < 0)
        fail_msg("%s", e.text);

    /* Every field with a value of its own, through the store. */
    struct risk r, rempty;
    memset(&rempty, 0, sizeof rempty);
    assess_risk_copy(&r, &rempty);
    int score = 0;
    fill(risk_fields, nrisk_fields, &r, &score);
    if (store_add_risk(s, a, &r, &e) < 0)
        fail_msg("%s", e.text);
    struct risk plain;
    assess_risk_copy(&plain, &rempty);
    field_set_str(&risk_fields[0], &plain, "plain");
    if (store_add_risk(s, a, &plain, &e) < 0)
        fail_msg("%s", e.text);
    struct measure m, mempty;
    memset(&mempty, 0, sizeof mempty);
    assess_measure_copy(&m, &mempty);
    fill(measure_fields, nmeasure_fields, &m, &score);
    free(m.risks);
    m.risks = xcalloc(2, sizeof *m.risks);
    m.risks[0] = 1;
    m.nrisks = 1;
    if (store_add_measure(s, a, &m, &e) < 0)
        fail_msg("%s", e.text);
    struct signoff so, sempty;
    memset(&sempty, 0, sizeof sempty);
    assess_signoff_copy(&so, &sempty);
    fill(signoff_fields, nsignoff_fields, &so, &score);
    so.role = SR_CONTROLLER;
    if (store_set_signoff(s, a, &so, &e) < 0)
        fail_msg("%s", e.text);
    assess_free(a);
    a = store_load(s, id, &e);
    assert_non_null(a);
    assert_int_equal(a->nrisks, 2);
    assert_int_equal(a->nmeasures, 1);
    same_fields(risk_fields, nrisk_fields, &r, &a->risks[0], "the store");
    same_fields(measure_fields, nmeasure_fields, &m, &a->measures[0], "the store");
    same_fields(signoff_fields, nsignoff_fields, &so, &a->signoffs[SR_CONTROLLER], "the store");

    /* Copying goes through the tables. */
    struct risk rc;
    assess_risk_copy(&rc, &a->risks[0]);
    same_fields(risk_fields, nrisk_fields, &r, &rc, "a copy");
    assess_risk_clear(&rc);
    struct measure mc;
    assess_measure_copy(&mc, &a->measures[0]);
    same_fields(measure_fields, nmeasure_fields, &m, &mc, "a copy");
    assess_measure_clear(&mc);

    /* The CSV exports. */
    check_csv(a, risk_fields, nrisk_fields, &a->risks[0], report_csv_risks);
    check_csv(a, measure_fields, nmeasure_fields, &a->measures[0], report_csv_measures);

    /* The forms, with the template's groups. */
    struct risk rf;
    assess_risk_copy(&rf, &rempty);
    check_form(a, risk_fields, nrisk_fields, &a->risks[0], &rf, true);
    assess_risk_clear(&rf);
    struct measure mf;
    assess_measure_copy(&mf, &mempty);
    check_form(a, measure_fields, nmeasure_fields, &a->measures[0], &mf, true);
    assess_measure_clear(&mf);

    /* The record. */
    struct buf b = { 0 };
    struct sink sb = sink_buf(&b);
    if (report_xml(a, txml, tlen, &sb, &e) < 0)
        fail_msg("%s", e.text);
    xmlDocPtr doc = xmlReadMemory(b.data, (int)b.len, "record.xml", NULL, XML_PARSE_NONET);
    assert_non_null(doc);
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(ctx, (const xmlChar *)"r", (const xmlChar *)REPORT_NS);
    check_xml(ctx, "//r:risk[@number='1']", risk_fields, nrisk_fields, &a->risks[0], false);
    check_xml(ctx, "//r:risk[@number='2']", risk_fields, nrisk_fields, &a->risks[1], true);
    check_xml(ctx, "//r:measure[@number='1']", measure_fields, nmeasure_fields,
              &a->measures[0], false);
    check_xml(ctx, "//r:signoff[@role='controller']", signoff_fields, nsignoff_fields,
              &a->signoffs[SR_CONTROLLER], false);
    check_xml(ctx, "//r:signoff[@role='dpo']", signoff_fields, nsignoff_fields,
              &a->signoffs[SR_DPO], true);
    int count;
    char *name = xml_value(ctx, "//r:measure[@number='1']", "group/@name", &count);
    assert_string_equal(name, "Security of processing");
    free(name);
    /* A risk's declared type: its name in the record and as its type. */
    name = xml_value(ctx, "//r:risk[@number='1']", "kind/@name", &count);
    assert_string_equal(name, "Unexpected use");
    free(name);
    name = xml_value(ctx, "//r:risk[@number='1']", "@type-label", &count);
    assert_string_equal(name, "Unexpected use");
    free(name);
    xmlXPathFreeContext(ctx);
    xmlFreeDoc(doc);
    buf_free(&b);

    /* Read back from the record, every field as it was. */
    char *t2;
    size_t t2len;
    struct buf b2 = { 0 };
    struct sink sb2 = sink_buf(&b2);
    if (report_xml(a, txml, tlen, &sb2, &e) < 0)
        fail_msg("%s", e.text);
    struct assessment *back = report_import(b2.data, b2.len, "record.xml", &t2, &t2len, &e);
    if (!back)
        fail_msg("%s", e.text);
    same_fields(risk_fields, nrisk_fields, &r, &back->risks[0], "the record");
    same_fields(measure_fields, nmeasure_fields, &m, &back->measures[0], "the record");
    same_fields(signoff_fields, nsignoff_fields, &so, &back->signoffs[SR_CONTROLLER],
                "the record");
    assess_free(back);
    free(t2);
    buf_free(&b2);

    assess_risk_clear(&r);
    assess_risk_clear(&plain);
    assess_measure_clear(&m);
    assess_signoff_clear(&so);
    assess_free(a);
    free(txml);
    store_close(s);
}

/* Without groups nor risk types in its template, a measure's form has
 * no group field and a risk's no declared type; every other field is
 * there. */
static void test_form_without_groups(void **state)
{
    (void)state;
    size_t tlen;
    char *txml = template_xml(false, &tlen);
    struct err e;
    struct tmpl *t = tmpl_parse(txml, tlen, "built-in", &e);
    assert_non_null(t);
    assert_int_equal(t->ngroups, 0);
    struct assessment *a = assess_new();
    a->tmpl = t;
    free(a->method);
    a->method = xstrdup(t->methods[t->default_method].id);
    struct measure m, mempty, mf;
    memset(&mempty, 0, sizeof mempty);
    assess_measure_copy(&m, &mempty);
    int score = 0;
    fill(measure_fields, nmeasure_fields, &m, &score);
    field_set_str(fields_find(measure_fields, nmeasure_fields, "group"), &m, "");
    assess_measure_copy(&mf, &mempty);
    check_form(a, measure_fields, nmeasure_fields, &m, &mf, false);
    assess_measure_clear(&mf);
    assess_measure_clear(&m);
    assert_int_equal(t->nkinds, 0);
    struct risk r, rempty, rf;
    memset(&rempty, 0, sizeof rempty);
    assess_risk_copy(&r, &rempty);
    fill(risk_fields, nrisk_fields, &r, &score);
    field_set_str(fields_find(risk_fields, nrisk_fields, "kind"), &r, "");
    assess_risk_copy(&rf, &rempty);
    check_form(a, risk_fields, nrisk_fields, &r, &rf, false);
    assess_risk_clear(&rf);
    assess_risk_clear(&r);
    assess_free(a);
    free(txml);
}

/* Whether the form made for a risk has a field of that role. */
static bool form_has(const struct assessment *a, const struct risk *r, enum field_role role)
{
    struct form_field f[64];
    const struct field *src[64];
    int nf = form_from_table(a, risk_fields, nrisk_fields, r, f, src);
    bool found = false;
    for (int i = 0; i < nf; i++)
        found = found || src[i]->role == role;
    form_free(f, nf);
    return found;
}

/* A template without tables: the risk form has no table rows to cite,
 * unless the risk cites some already (kept, not lost by the form). */
static void test_form_without_tables(void **state)
{
    (void)state;
    size_t len;
    char *xml = unit_read_src("tests/fixtures/templates/minimal.xml", &len);
    struct err e;
    struct tmpl *t = tmpl_parse(xml, len, "minimal.xml", &e);
    if (!t)
        fail_msg("%s", e.text);
    struct assessment *a = assess_new();
    a->tmpl = t;
    free(a->method);
    a->method = xstrdup(t->methods[t->default_method].id);
    struct risk r, empty;
    memset(&empty, 0, sizeof empty);
    assess_risk_copy(&r, &empty);
    assert_false(form_has(a, &r, FR_CONCERNS));
    field_set_str(fields_find(risk_fields, nrisk_fields, "concerns"), &r, "D1");
    assert_true(form_has(a, &r, FR_CONCERNS));
    assess_risk_clear(&r);
    assess_free(a);
    free(xml);
}

/* Every field is named everywhere, each name once in its table. */
static void test_names(void **state)
{
    (void)state;
    const struct {
        const struct field *t;
        size_t n;
        bool all; /* a CSV column, a form label and an option for each */
    } tables[] = {
        { risk_fields, nrisk_fields, true },
        { measure_fields, nmeasure_fields, true },
        { signoff_fields, nsignoff_fields, false },
    };
    for (size_t k = 0; k < 3; k++)
        for (size_t i = 0; i < tables[k].n; i++) {
            const struct field *f = &tables[k].t[i];
            assert_non_null(f->name);
            assert_non_null(f->column);
            assert_non_null(f->xml);
            assert_non_null(f->label);
            if (tables[k].all) {
                assert_non_null(f->csv);
                assert_non_null(f->opt);
            }
            for (size_t j = 0; j < i; j++) {
                const struct field *g = &tables[k].t[j];
                assert_string_not_equal(f->name, g->name);
                assert_string_not_equal(f->column, g->column);
                assert_string_not_equal(f->xml, g->xml);
                if (f->opt && g->opt)
                    assert_string_not_equal(f->opt, g->opt);
                if (f->csv && g->csv)
                    assert_string_not_equal(f->csv, g->csv);
            }
        }
}

/* A declared risk type: checked against the template, shown by its name
 * as the risk's type; picked in the form with the type not said, it
 * makes the risk of type other. */
static void test_kinds(void **state)
{
    (void)state;
    size_t tlen;
    char *txml = template_xml(true, &tlen);
    struct err e;
    struct tmpl *t = tmpl_parse(txml, tlen, "built-in", &e);
    assert_non_null(t);
    assert_int_equal(fields_check_kind(t, "", &e), 0);
    assert_int_equal(fields_check_kind(t, "excessive", &e), 0);
    assert_int_equal(fields_check_kind(t, "other", &e), -1);
    assert_string_equal(e.text, "unknown risk type 'other' (the template declares: excessive "
                                "(Excessive collection), unexpected-use (Unexpected use))");
    struct assessment *a = assess_new();
    a->tmpl = t;
    free(a->method);
    a->method = xstrdup(t->methods[t->default_method].id);
    struct risk r, rempty;
    memset(&rempty, 0, sizeof rempty);
    assess_risk_copy(&r, &rempty);
    field_set_str(&risk_fields[0], &r, "Hoarding");
    r.type = RT_DISAPPEARANCE;
    assert_string_equal(fields_risk_type_name(a, &r), "Disappearance");
    r.type = RT_OTHER;
    assert_string_equal(fields_risk_type_name(a, &r), "Other harm");
    field_set_str(fields_find(risk_fields, nrisk_fields, "kind"), &r, "excessive");
    assert_string_equal(fields_risk_type_name(a, &r), "Excessive collection");
    /* The form: the type not said, the first declared type picked. */
    r.type = RT_NONE;
    field_set_str(fields_find(risk_fields, nrisk_fields, "kind"), &r, "");
    struct form_field f[64];
    const struct field *src[64];
    int nf = form_from_table(a, risk_fields, nrisk_fields, &r, f, src);
    int at = -1;
    for (int k = 0; k < nf; k++)
        if (src[k]->role == FR_RISK_KIND)
            at = k;
    assert_true(at >= 0);
    assert_int_equal(f[at].nchoices, 3);
    assert_string_equal(f[at].choices[0], "None");
    assert_string_equal(f[at].choices[1], "Excessive collection");
    f[at].number = 1;
    form_to_table(f, src, nf, a, &r);
    form_table_free(f, src, nf);
    assert_string_equal(r.kind, "excessive");
    assert_int_equal(r.type, RT_OTHER);
    assess_risk_clear(&r);
    assess_free(a);
    free(txml);
}

/* The table rows a risk cites: normalised, or refused with the reason. */
static void test_concerns(void **state)
{
    (void)state;
    struct err e;
    char *v = fields_concerns(" D1,P2  D1,,ABC123 ", &e);
    assert_string_equal(v, "D1 P2 ABC123");
    free(v);
    v = fields_concerns("", &e);
    assert_string_equal(v, "");
    free(v);
    const char *bad[] = { "d1", "D", "1", "ABCD1", "D0", "D1x", "R-1", "D01" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_null(fields_concerns(bad[i], &e));
        assert_non_null(strstr(e.text, "is not a table row"));
    }
}

static int setup(void **state)
{
    (void)state;
    setlocale(LC_ALL, "C.UTF-8");
    setenv("SOURCE_DATE_EPOCH", "1771954200", 1);
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    return unit_remove_dir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_field),
        cmocka_unit_test(test_form_without_groups),
        cmocka_unit_test(test_form_without_tables),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_kinds),
        cmocka_unit_test(test_concerns),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
