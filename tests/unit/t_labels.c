/* The labels of the core, the store and the reports are looked up in the
 * language messages are in when they are used: a report written while
 * i18n_push() holds another language carries that language's labels,
 * and the keys next to them stay as they are. A small French catalogue
 * of its own is made for the test, so that it does not depend on how
 * far po/fr.po has come. */
#include "config.h"

#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"
#include "core/assess.h"
#include "core/change_text.h"
#include "core/fields.h"
#include "core/logic.h"
#include "report/report.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/xalloc.h"

static char dir[] = "/tmp/dpia-t_labels-XXXXXX";

static const char po[] =
    "msgid \"\"\n"
    "msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n"
    "\"Plural-Forms: nplurals=2; plural=(n > 1);\\n\"\n"
    "msgid \"Draft\"\nmsgstr \"Brouillon\"\n"
    "msgid \"Approve with conditions\"\nmsgstr \"Approuver sous conditions\"\n"
    "msgid \"DPIA required\"\nmsgstr \"AIPD requise\"\n"
    "msgid \"Risk\"\nmsgstr \"Risque\"\n"
    "msgid \"Title\"\nmsgstr \"Titre\"\n"
    "msgid \"Why (likelihood before)\"\nmsgstr \"Pourquoi (vraisemblance avant)\"\n"
    "msgid \"yes\"\nmsgstr \"oui\"\n"
    "msgid \"Yes\"\nmsgstr \"Oui\"\n"
    "msgid \"Advice followed\"\nmsgstr \"Avis suivi\"\n"
    "msgid \"Data Protection Officer\"\nmsgstr \"Délégué à la protection des données\"\n"
    "msgid \"Status\"\nmsgstr \"Statut\"\n"
    "msgid \"Review date\"\nmsgstr \"Date de réexamen\"\n"
    "msgid \"Undone: %s\"\nmsgstr \"Annulé : %s\"\n"
    "msgid \"Risk %s added\"\nmsgstr \"Risque %s ajouté\"\n";

/* The catalogue in dir/fr/LC_MESSAGES, found through DPIA_LOCALEDIR. */
static int setup(void **state)
{
    (void)state;
    if (!mkdtemp(dir))
        return -1;
    char *sub = xasprintf("%s/fr", dir);
    char *msgs = xasprintf("%s/fr/LC_MESSAGES", dir);
    char *src = xasprintf("%s/fr.po", dir);
    mkdir(sub, 0700);
    mkdir(msgs, 0700);
    FILE *f = fopen(src, "w");
    if (!f)
        return -1;
    fputs(po, f);
    fclose(f);
    const char *msgfmt = getenv("MSGFMT");
    char *cmd = xasprintf("'%s' -o '%s/dpia.mo' '%s'", msgfmt && *msgfmt ? msgfmt : "msgfmt",
                          msgs, src);
    int rc = system(cmd);
    free(cmd);
    free(sub);
    free(msgs);
    free(src);
    if (rc != 0)
        return -1;
    setenv("DPIA_LOCALEDIR", dir, 1);
    i18n_init();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unit_remove_dir(dir);
    return 0;
}

/* The first line of the risk register's CSV; the caller frees. */
static char *csv_head(const struct assessment *a)
{
    struct buf b = { 0 };
    report_csv_risks(a, &b);
    char *s = buf_take(&b);
    s[strcspn(s, "\r")] = '\0';
    return s;
}

static char *record(const struct assessment *a)
{
    size_t tl;
    const char *txml = tmpl_builtin_xml(&tl);
    struct buf b = { 0 };
    struct err e;
    struct sink sb = sink_buf(&b);
    if (report_xml(a, txml, tl, &sb, &e) < 0)
        fail_msg("%s", e.text);
    return buf_take(&b);
}

static void test_enumerations(void **state)
{
    (void)state;
    assert_string_equal(assess_status_label(ST_DRAFT), "Draft");
    i18n_push("fr");
    assert_string_equal(assess_status_label(ST_DRAFT), "Brouillon");
    assert_string_equal(assess_status_key(ST_DRAFT), "draft");
    assert_string_equal(decision_label(DEC_CONDITIONS), "Approuver sous conditions");
    assert_string_equal(decision_key(DEC_CONDITIONS), "approve-with-conditions");
    assert_string_equal(logic_outcome_label(SCREEN_REQUIRED), "AIPD requise");
    assert_string_equal(logic_outcome_key(SCREEN_REQUIRED), "required");
    /* A label without a translation stays English. */
    assert_string_equal(assess_status_label(ST_REVIEW), "In review");
    i18n_pop();
    assert_string_equal(assess_status_label(ST_DRAFT), "Draft");
    assert_string_equal(decision_label(DEC_CONDITIONS), "Approve with conditions");
}

static void test_fields(void **state)
{
    (void)state;
    const struct field *f = fields_find(signoff_fields, nsignoff_fields, "advice followed");
    assert_non_null(f);
    struct signoff so;
    memset(&so, 0, sizeof so);
    so.advice_followed = 1;
    char *en = field_show(f, &so, NULL), *log = field_text(f, &so);
    i18n_push("fr");
    char *fr = field_show(f, &so, NULL), *log_fr = field_text(f, &so);
    i18n_pop();
    assert_string_equal(en, "yes");
    assert_string_equal(fr, "oui");
    /* The change log keeps the stored value. */
    assert_string_equal(log, "yes");
    assert_string_equal(log_fr, "yes");
    free(en);
    free(fr);
    free(log);
    free(log_fr);
}

/* What a change is about, in people's words; ck its key, then each of
 * the old value and the new one as they read. */
static void change_is(const char *what, const char *words, const char *ov, const char *oshown)
{
    char *w = change_what_text(what), *v = change_value_text(what, ov, NULL);
    assert_string_equal(w, words);
    assert_string_equal(v, oshown);
    free(w);
    free(v);
}

/* The change log and the comparison of revisions in people's words,
 * in the language of the messages; the keys never change. */
static void test_changes(void **state)
{
    (void)state;
    change_is("sign-off dpo advice followed", "Data Protection Officer — Advice followed",
              "yes", "Yes");
    change_is("status", "Status", "approved-with-conditions", "Approved with conditions");
    change_is("risk R2 likelihood why", "R2 — Why (likelihood before)", "x", "x");
    change_is("measure M1 status", "M1 — Status", "in-progress", "Partially implemented");
    change_is("measure M1 due", "M1 — Due", "2027-01-31", "2027-01-31");
    change_is("undone: risk R3 added", "Undone: Risk R3 added", "", "");
    change_is("language", "Language", "de", "German");
    change_is("something new", "something new", "v", "v");
    i18n_push("fr");
    change_is("sign-off dpo advice followed",
              "Délégué à la protection des données — Avis suivi", "yes", "Oui");
    change_is("status", "Statut", "draft", "Brouillon");
    change_is("review date", "Date de réexamen", "2027-11-30", "30/11/2027");
    change_is("undone: risk R3 added", "Annulé : Risque R3 ajouté", "", "");
    i18n_pop();
}

static void test_reports(void **state)
{
    (void)state;
    struct assessment *a = unit_fresh_assessment();
    char *en = csv_head(a), *xen = record(a);
    i18n_push("fr");
    char *fr = csv_head(a), *xfr = record(a);
    i18n_pop();
    char *again = csv_head(a);
    assert_true(strncmp(en, "Risk,Title,", 11) == 0);
    assert_non_null(strstr(en, ",Why (likelihood before),"));
    assert_true(strncmp(fr, "Risque,Titre,", 13) == 0);
    assert_non_null(strstr(fr, ",Pourquoi (vraisemblance avant),"));
    assert_string_equal(again, en);
    /* The record: the label for people in French, the key as it is. */
    assert_non_null(strstr(xen, "status=\"draft\""));
    assert_non_null(strstr(xen, "status-label=\"Draft\""));
    assert_non_null(strstr(xfr, "status=\"draft\""));
    assert_non_null(strstr(xfr, "status-label=\"Brouillon\""));
    free(en);
    free(fr);
    free(again);
    free(xen);
    free(xfr);
    assess_free(a);
}

int main(void)
{
#ifndef ENABLE_NLS
    /* Built without gettext: every label is English. A TAP plan of no
     * test, skipped, as the driver reads it. */
    puts("1..0 # SKIP built without NLS");
    return 0;
#endif
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_enumerations),
        cmocka_unit_test(test_fields),
        cmocka_unit_test(test_changes),
        cmocka_unit_test(test_reports),
    };
    return cmocka_run_group_tests_name("labels", tests, setup, teardown);
}
