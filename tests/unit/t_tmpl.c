/* Unit tests of the template loader and model. */
#include "config.h"

#include "unit.h"
#include "core/tmpl.h"
#include "util/buf.h"

static void test_builtin_loads(void **state)
{
    const struct tmpl *t = tmpl_builtin();
    assert_non_null(t);
    assert_string_equal(t->id, "gdpr-dpia");
    assert_true(t->nsections >= 6);
    assert_true(t->nquestions >= 40);
    /* The nine WP248 criteria, each exactly once, in the screening section. */
    const struct tmpl_section *scr = tmpl_find_kind(t, SK_SCREENING);
    assert_non_null(scr);
    int seen[10] = { 0 };
    for (size_t i = 0; i < t->nquestions; i++)
        if (t->questions[i].criterion) {
            seen[t->questions[i].criterion]++;
            assert_ptr_equal(&t->sections[t->questions[i].section], scr);
        }
    for (int c = 1; c <= 9; c++)
        assert_int_equal(seen[c], 1);
    /* The special sections exist. */
    assert_non_null(tmpl_find_kind(t, SK_RISKS));
    assert_non_null(tmpl_find_kind(t, SK_MEASURES));
    assert_non_null(tmpl_find_kind(t, SK_SIGNOFF));
    /* Every question cites what it serves. */
    for (size_t i = 0; i < t->nquestions; i++) {
        if (t->questions[i].nrefs == 0)
            fail_msg("question %s has no legal reference", t->questions[i].id);
    }
}

static void test_builtin_methods(void **state)
{
    const struct tmpl *t = tmpl_builtin();
    const struct tmpl_method *cnil = tmpl_find_method(t, "cnil-4x4");
    const struct tmpl_method *ico = tmpl_find_method(t, "ico-3x3");
    assert_non_null(cnil);
    assert_non_null(ico);
    assert_ptr_equal(tmpl_default_method(t), cnil);
    assert_int_equal(cnil->nlikelihood, 4);
    assert_int_equal(cnil->nseverity, 4);
    assert_int_equal(ico->nlikelihood, 3);
    assert_int_equal(ico->nseverity, 3);
    /* CNIL's map: both at level 3 or more is high; only one of them is
     * medium (a certain but negligible inconvenience is not a high
     * risk); both negligible is low. */
    assert_false(cnil->levels[cnil->matrix[0][3]].high);
    assert_string_equal(cnil->levels[cnil->matrix[0][3]].id, "medium");
    assert_string_equal(cnil->levels[cnil->matrix[3][0]].id, "medium");
    assert_true(cnil->levels[cnil->matrix[2][2]].high);
    assert_false(cnil->levels[cnil->matrix[0][0]].high);
    assert_string_equal(cnil->levels[cnil->matrix[0][0]].id, "low");
    /* ICO: remote and minimal is low; probable and severe is high. */
    assert_string_equal(ico->levels[ico->matrix[0][0]].id, "low");
    assert_true(ico->levels[ico->matrix[2][2]].high);
}

static void test_builtin_from_file_matches(void **state)
{
    size_t len;
    char *xml = unit_read_build("tui/gen/gdpr-dpia.xml", &len);
    struct err e;
    /* tmpl_check validates against the schema, which tmpl_parse skips
     * for exactly these bytes. */
    struct tmpl *t = tmpl_check(xml, len, "tui/gen/gdpr-dpia.xml", &e);
    if (!t)
        fail_msg("%s", e.text);
    assert_string_equal(t->digest, tmpl_builtin()->digest);
    assert_int_equal(t->nquestions, tmpl_builtin()->nquestions);
    tmpl_free(t);
    free(xml);
}

/* The acceptance threshold: declared, it is what the template says; not
 * declared, every level but the high ones is acceptable. */
static void test_threshold(void **state)
{
    const struct tmpl_method *cnil = tmpl_find_method(tmpl_builtin(), "cnil-4x4");
    assert_false(cnil->threshold_declared);
    assert_int_equal(cnil->nlevels, 3);
    assert_true(cnil->levels[0].acceptable);
    assert_true(cnil->levels[1].acceptable);
    assert_false(cnil->levels[2].acceptable);

    size_t len;
    char *xml = unit_read_src("tests/fixtures/templates/threshold.xml", &len);
    struct err e;
    struct tmpl *t = tmpl_check(xml, len, "threshold.xml", &e);
    if (!t)
        fail_msg("%s", e.text);
    const struct tmpl_method *m = tmpl_default_method(t);
    assert_true(m->threshold_declared);
    assert_int_equal(m->nlevels, 4);
    assert_true(m->levels[0].acceptable);
    assert_true(m->levels[1].acceptable);
    assert_false(m->levels[2].acceptable);
    assert_false(m->levels[3].acceptable); /* high, said nothing */
    tmpl_free(t);

    /* An acceptable level above one that is not; a high level said to
     * be acceptable; no acceptable level at all; six levels. */
    static const struct {
        const char *from, *to, *error;
    } bad[] = {
        { "<level id=\"low\" name=\"Low\" acceptable=\"yes\"/>",
          "<level id=\"low\" name=\"Low\" acceptable=\"no\"/>",
          "t.xml:21: risk level 'medium' is acceptable above 'low', which is not: the acceptable "
          "levels must be the lowest ones" },
        { "high=\"yes\" acceptable=\"no\"", "high=\"yes\" acceptable=\"yes\"",
          "t.xml:22: risk level 'high' is high and cannot be acceptable" },
        { "acceptable=\"yes\"/>\n      <level id=\"medium\" name=\"Medium\" acceptable=\"yes\"/>",
          "acceptable=\"no\"/>\n      <level id=\"medium\" name=\"Medium\" acceptable=\"no\"/>",
          "t.xml:19: method 'two' has no acceptable risk level" },
        { "name=\"Low\" acceptable=\"yes\"/>",
          "name=\"Low\"/><level id=\"m2\" name=\"M2\"/><level id=\"m3\" name=\"M3\"/>",
          "t.xml:19: method 'two' has 6 risk levels; a method needs 2 to 5" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        const char *at = strstr(xml, bad[i].from);
        assert_non_null(at);
        char *b = NULL;
        size_t pre = (size_t)(at - xml);
        b = malloc(len + strlen(bad[i].to) + 1);
        memcpy(b, xml, pre);
        strcpy(b + pre, bad[i].to);
        strcat(b, at + strlen(bad[i].from));
        struct err e2 = { "" };
        struct tmpl *bt = tmpl_check(b, strlen(b), "t.xml", &e2);
        if (bt)
            fail_msg("accepted: %s", bad[i].error);
        if (!strstr(e2.text, bad[i].error))
            fail_msg("expected '%s' in '%s'", bad[i].error, e2.text);
        free(b);
    }
    free(xml);
}

/* Every built-in template is valid against the schema, has its own id
 * and is the file templates/ID.xml byte for byte; the default one comes
 * first. */
static void test_builtins_all(void **state)
{
    size_t n = tmpl_builtin_count();
    assert_true(n >= 1);
    char *ids[8] = { NULL };
    assert_true(n <= 8);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *name;
        const char *xml = tmpl_builtin_xml_at(i, &len, &name);
        assert_non_null(xml);
        struct err e;
        struct tmpl *t = tmpl_check(xml, len, name, &e);
        if (!t)
            fail_msg("%s", e.text);
        for (size_t k = 0; k < i; k++)
            if (strcmp(ids[k], t->id) == 0)
                fail_msg("built-in templates %zu and %zu are both '%s'", k, i, t->id);
        ids[i] = strdup(t->id);
        /* Every question cites what it serves; the screening asks the
         * nine WP248 criteria. */
        int criteria = 0;
        for (size_t q = 0; q < t->nquestions; q++) {
            if (t->questions[q].nrefs == 0)
                fail_msg("%s: question %s has no legal reference", t->id, t->questions[q].id);
            criteria += t->questions[q].criterion != 0;
        }
        assert_int_equal(criteria, 9);
        assert_non_null(tmpl_find_role(t, ROLE_Q_SCREENING_DECISION));
        /* The default template as built, its translations joined in. */
        char rel[128];
        bool built = strcmp(t->id, "gdpr-dpia") == 0;
        snprintf(rel, sizeof rel, built ? "tui/gen/%s.xml" : "templates/%s.xml", t->id);
        size_t flen;
        char *file = built ? unit_read_build(rel, &flen) : unit_read_src(rel, &flen);
        assert_int_equal(flen, len);
        assert_memory_equal(file, xml, len);
        free(file);
        if (i == 0)
            assert_string_equal(t->digest, tmpl_builtin()->digest);
        tmpl_free(t);
    }
    assert_null(tmpl_builtin_xml_at(n, NULL, NULL));
    for (size_t i = 0; i < n; i++)
        free(ids[i]);
}

/* The EDPB template is built in: its method has four risk levels, the
 * lowest two acceptable; its numbered items are tables whose rows cite
 * each other; it declares five measure groups and covers each EDPB
 * section. */
static void test_edpb(void **state)
{
    struct tmpl *t = NULL;
    for (size_t i = 0; i < tmpl_builtin_count() && !t; i++) {
        size_t len;
        const char *name;
        const char *xml = tmpl_builtin_xml_at(i, &len, &name);
        struct err e;
        struct tmpl *c = tmpl_parse(xml, len, name, &e);
        if (!c)
            fail_msg("%s", e.text);
        if (strcmp(c->id, "edpb-2026") == 0)
            t = c;
        else
            tmpl_free(c);
    }
    if (!t)
        fail_msg("no built-in template edpb-2026");
    assert_string_equal(t->version, "1.0");
    const struct tmpl_method *m = tmpl_default_method(t);
    assert_true(m->threshold_declared);
    assert_int_equal(m->nlevels, 4);
    assert_true(m->levels[0].acceptable && m->levels[1].acceptable);
    assert_false(m->levels[2].acceptable || m->levels[3].acceptable);
    assert_true(m->levels[2].high && m->levels[3].high);
    assert_int_equal(t->ngroups, 5);
    /* Two risk types from the design of the processing itself. */
    assert_int_equal(t->nkinds, 2);
    assert_string_equal(t->kinds[0].id, "excessive-processing");
    assert_string_equal(t->kinds[0].name, "Excessive processing by design");
    assert_string_equal(t->kinds[1].id, "unexpected-use");
    const struct tmpl_question *items = tmpl_find_question(t, "data-items");
    const struct tmpl_question *purposes = tmpl_find_question(t, "purposes");
    assert_non_null(items);
    assert_non_null(purposes);
    assert_int_equal(items->type, QT_TABLE);
    assert_string_equal(items->prefix, "D");
    assert_string_equal(purposes->prefix, "P");
    bool cites_items = false;
    for (size_t c = 0; c < purposes->ncolumns; c++)
        cites_items |= purposes->columns[c].type == CT_REFS &&
                       strcmp(purposes->columns[c].table, "data-items") == 0;
    assert_true(cites_items);
    for (int s = 0; s <= 6; s++) {
        char ref[32];
        snprintf(ref, sizeof ref, "EDPB 2026 \xc2\xa7%d", s);
        bool found = false;
        for (size_t k = 0; k < t->ncoverage; k++)
            found |= strcmp(t->coverage[k].ref, ref) == 0;
        if (!found)
            fail_msg("no coverage item for %s", ref);
    }
    /* The ground of a prior consultation is asked only when consulting. */
    const struct tmpl_question *reason = tmpl_find_question(t, "dec.consult-reason");
    assert_non_null(reason);
    assert_int_equal(reason->nconditions, 1);
    assert_string_equal(reason->conditions[0].question, "dec.consult");
    tmpl_free(t);
}

/* A template read in each of its languages: every translated text in
 * it, the rest as written; and what it lacks in a language, named. */
static void test_translations(void **state)
{
    size_t len;
    char *xml = unit_read_src("tests/fixtures/templates/translated.xml", &len);
    struct err e;
    struct tmpl *en = tmpl_check_in(xml, len, "translated.xml", NULL, &e);
    struct tmpl *fr = tmpl_check_in(xml, len, "translated.xml", "fr", &e);
    struct tmpl *de = tmpl_check_in(xml, len, "translated.xml", "de", &e);
    struct tmpl *es = tmpl_check_in(xml, len, "translated.xml", "es", &e);
    if (!en || !fr || !de || !es)
        fail_msg("%s", e.text);
    assert_string_equal(en->title, "Translated test template");
    assert_string_equal(en->lang, "en");
    assert_string_equal(en->langs, "fr de");
    assert_string_equal(fr->title, "Mod\xc3\xa8le de test traduit");
    assert_string_equal(fr->lang, "fr");
    assert_string_equal(fr->own_lang, "en");
    assert_string_equal(de->title, "\xc3\x9c" "bersetzte Testvorlage");
    /* Scales, risk levels, coverage and the mandatory ground. */
    const struct tmpl_method *m = tmpl_default_method(fr);
    assert_string_equal(m->name, "Deux sur deux");
    assert_string_equal(m->likelihood[0].name, "Improbable");
    assert_string_equal(m->likelihood[0].definition, "Difficile \xc3\xa0 imaginer.");
    assert_string_equal(m->severity[1].name, "Grave");
    assert_string_equal(m->levels[1].name, "\xc3\x89" "lev\xc3\xa9");
    assert_string_equal(tmpl_default_method(de)->levels[0].name, "Gering");
    assert_string_equal(de->coverage[0].ref, "Art. 35 Abs. 7 lit. c DSGVO");
    assert_string_equal(fr->coverage[0].text, "Une appr\xc3\xa9" "ciation des risques");
    const struct tmpl_question *q = tmpl_find_question(de, "scr.systematic");
    assert_string_equal(q->mandatory, "Art. 35 Abs. 3 lit. a DSGVO");
    assert_string_equal(q->refs[0], "Art. 35 Abs. 3 DSGVO");
    /* Untranslated into German: the prompt, as written. */
    assert_string_equal(q->prompt, "Is it a systematic evaluation with legal effects?");
    assert_non_null(strstr(tmpl_find_question(fr, "scr.systematic")->prompt, "syst\xc3\xa9matique"));
    /* A language it is not translated into: as written. */
    assert_string_equal(es->title, "Translated test template");
    assert_string_equal(es->lang, "en");
    /* What is left to translate, with its line. */
    struct buf out = { 0 };
    assert_int_equal(tmpl_untranslated(xml, len, "translated.xml", &out, &e), 1);
    assert_non_null(strstr(out.data, "translated.xml:55: <prompt> has no translation into German (de)"));
    buf_free(&out);
    /* The same snapshot whatever the language: one digest. */
    assert_string_equal(fr->digest, en->digest);
    tmpl_free(en);
    tmpl_free(fr);
    tmpl_free(de);
    tmpl_free(es);
    free(xml);
}

static void expect_error(const char *xml, const char *fragment)
{
    struct err e = { "" };
    struct tmpl *t = tmpl_parse(xml, strlen(xml), "t.xml", &e);
    if (t)
        fail_msg("accepted a template that should fail with '%s'", fragment);
    if (!strstr(e.text, fragment))
        fail_msg("expected '%s' in '%s'", fragment, e.text);
}

static void test_rejects(void **state)
{
    expect_error("<template", "t.xml:1:");
    expect_error("<?xml version=\"1.0\"?>\n<!DOCTYPE t [<!ENTITY a \"x\">]>\n<t/>",
                 "t.xml:2: a DOCTYPE is not allowed");
    expect_error("<?xml version=\"1.0\"?>\n<template xmlns=\"urn:other\"/>",
                 "t.xml:2: not a dpia template");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builtin_loads),
        cmocka_unit_test(test_builtin_methods),
        cmocka_unit_test(test_builtin_from_file_matches),
        cmocka_unit_test(test_rejects),
        cmocka_unit_test(test_threshold),
        cmocka_unit_test(test_translations),
        cmocka_unit_test(test_builtins_all),
        cmocka_unit_test(test_edpb),
    };
    int rc = cmocka_run_group_tests_name("tmpl", tests, NULL, NULL);
    tmpl_cleanup();
    return rc;
}
