/* Unit tests of undo: which change of the log is the latest standing
 * (core/undo.c), and ops_undo on temporary databases for answers, notes,
 * flags, risks and measures added, changed and deleted, sign-offs;
 * repeated undo; someone else's change; a decided revision; the rule of
 * answers; a log that lacks what the undo needs or holds what no person
 * could have given. */
#include "config.h"

#include <locale.h>
#include <stdint.h>

#include "unit.h"
#include "unit_db.h"
#include "core/tmpl.h"
#include "core/undo.h"
#include "ops/ops.h"
#include "store/store.h"

/* A text for a field of the core's structures, which are not const. */
#define S(text) ((char *)(text))

static char dir[] = "/tmp/dpia-t-undo.XXXXXX";
static char path[256];
static int serial;

static struct store *open_as(const char *who)
{
    struct err e;
    struct store *s = store_open(path, false, who, &e);
    if (!s)
        fail_msg("store_open: %s", e.text);
    return s;
}

static struct store *fresh(void)
{
    char name[32];
    snprintf(name, sizeof name, "db%d.sqlite", ++serial);
    unit_db(path, sizeof path, dir, name);
    return open_as("unit");
}

static int64_t create(struct store *s)
{
    size_t len;
    const char *xml = tmpl_builtin_xml(&len);
    struct err e;
    int64_t id = store_create(s, "Undo", xml, len, NULL, &e);
    if (id < 0)
        fail_msg("store_create: %s", e.text);
    return id;
}

static struct assessment *load(struct store *s, int64_t id)
{
    struct err e;
    struct assessment *a = store_load(s, id, &e);
    if (!a)
        fail_msg("store_load: %s", e.text);
    return a;
}

/* One undo that must succeed; its message in msg (may be NULL). */
static void undo_ok(struct store *s, struct assessment *a, bool theirs, char *msg, size_t cap)
{
    struct err e;
    struct ops_undo u;
    int rc = ops_undo(s, a, theirs, &u, &e);
    if (rc != 0)
        fail_msg("ops_undo: %d %s", rc, e.text);
    assert_non_null(u.message);
    if (msg)
        snprintf(msg, cap, "%s", u.message);
    ops_undo_free(&u);
}

static const char *value_of(const struct assessment *a, const char *qid)
{
    const struct answer *an = assess_answer(a, qid);
    return an ? an->value : "";
}

static bool logged(const struct assessment *a, const char *what, const char *ov, const char *nv)
{
    for (size_t i = 0; i < a->nhistory; i++)
        if (strcmp(a->history[i].what, what) == 0 && strcmp(a->history[i].old_value, ov) == 0 &&
            strcmp(a->history[i].new_value, nv) == 0)
            return true;
    return false;
}

static void answer(struct store *s, struct assessment *a, const char *qid, const char *v,
                   const char *note, int flag)
{
    struct err e;
    const struct answer *an = assess_answer(a, qid);
    if (ops_answer(s, a, qid, v, note, flag, an ? an->revision : 0, 0, &e) < 0)
        fail_msg("ops_answer: %s", e.text);
}

/* --- the log alone ---------------------------------------------------------- */

static void test_find(void **state)
{
    (void)state;
    struct change h[] = {
        { 1, S("unit"), S("created"), S(""), S("T") },
        { 2, S("unit"), S("answer q1"), S(""), S("yes") },
        { 2, S("unit"), S("answer q1"), S("yes"), S("no") },
        { 2, S("unit"), S("note q1"), S(""), S("why") },
        { 3, S("unit"), S("undone: note q1"), S("why"), S("") },
        { 3, S("unit"), S("undone: answer q1"), S("no"), S("yes") },
    };
    int parts[] = { 1, 1, 1, 2, 1, 2 };
    size_t first, last;
    /* The two latest are an undo; the change it took back (the answer
     * and its note, written together) is passed over; next comes the
     * first answer, a change of its own although made in the same
     * second. */
    assert_true(undo_find(h, parts, 6, &first, &last));
    assert_int_equal(first, 1);
    assert_int_equal(last, 1);
    /* Before the undo: the answer and its note, one change. */
    assert_true(undo_find(h, parts, 4, &first, &last));
    assert_int_equal(first, 2);
    assert_int_equal(last, 3);
    /* Parts not known: each entry alone. */
    assert_true(undo_find(h, NULL, 4, &first, &last));
    assert_int_equal(first, 3);
    assert_int_equal(last, 3);
    /* Only the creation: found, but not something undo reverses. */
    assert_true(undo_find(h, parts, 1, &first, &last));
    struct undo_subject sub;
    undo_parse(h[first].what, &sub);
    assert_int_equal(sub.kind, UNDO_NONE);
    undo_parse("risk R12 likelihood after why", &sub);
    assert_int_equal(sub.kind, UNDO_RISK);
    assert_int_equal(sub.number, 12);
    assert_string_equal(sub.part, "likelihood after why");
    undo_parse("sign-off dpo advice", &sub);
    assert_int_equal(sub.kind, UNDO_SIGNOFF);
    assert_int_equal(sub.role, SR_DPO);
    assert_false(undo_find(h, parts, 0, &first, &last));
}

/* --- answers, notes, flags -------------------------------------------------- */

static void test_answers(void **state)
{
    (void)state;
    struct store *s = fresh();
    int64_t id = create(s);
    struct assessment *a = load(s, id);
    char msg[512];
    answer(s, a, "scr.evaluation", "yes", NULL, -1);
    answer(s, a, "scr.evaluation", "no", NULL, -1);
    undo_ok(s, a, false, msg, sizeof msg);
    assert_string_equal(value_of(a, "scr.evaluation"), "yes");
    assert_non_null(strstr(msg, "the answer is back to \xe2\x80\x9cYes\xe2\x80\x9d for"));
    assert_non_null(strstr(msg, "evaluate or score"));
    assert_true(logged(a, "undone: answer scr.evaluation", "no", "yes"));
    /* What is stored, not only the copy in memory. */
    struct assessment *b = load(s, id);
    assert_string_equal(value_of(b, "scr.evaluation"), "yes");
    assess_free(b);
    /* The note, then the flag. */
    answer(s, a, "scr.evaluation", "yes", "asked marketing", -1);
    answer(s, a, "scr.evaluation", "yes", NULL, 1);
    undo_ok(s, a, false, msg, sizeof msg);
    assert_false(assess_answer(a, "scr.evaluation")->flagged);
    assert_non_null(strstr(msg, "no longer flagged"));
    undo_ok(s, a, false, msg, sizeof msg);
    assert_string_equal(assess_answer(a, "scr.evaluation")->note, "");
    assert_non_null(strstr(msg, "the note is back to \xe2\x80\x9c(empty)"));
    /* Again: past the undos, to the first answer, then nothing left of
     * this kind. */
    undo_ok(s, a, false, NULL, 0);
    assert_string_equal(value_of(a, "scr.evaluation"), "");
    struct err e;
    struct ops_undo u;
    assert_int_equal(ops_undo(s, a, false, &u, &e), -1);
    assert_non_null(strstr(e.text, "(created) cannot be undone"));
    ops_undo_free(&u);
    b = load(s, id);
    assert_string_equal(value_of(b, "scr.evaluation"), "");
    assess_free(b);
    assess_free(a);
    store_close(s);
}

/* --- risks and measures ---------------------------------------------------- */

static struct risk *find_risk(struct assessment *a, int number)
{
    for (size_t i = 0; i < a->nrisks; i++)
        if (a->risks[i].number == number)
            return &a->risks[i];
    return NULL;
}

/* The risk numbered number, which must be there (the test fails if not;
 * never NULL, so that what follows reads it safely). */
static struct risk *risk_no(struct assessment *a, int number)
{
    static struct risk none;
    struct risk *r = find_risk(a, number);
    if (!r)
        fail_msg("risk R%d is missing", number);
    return r ? r : &none;
}

static void test_risks(void **state)
{
    (void)state;
    struct store *s = fresh();
    int64_t id = create(s);
    struct assessment *a = load(s, id);
    struct err e;
    char msg[512];
    /* Added, then undone: gone. */
    struct risk r = { .title = S("Leak"), .description = S("Files copied"), .likelihood = 2 };
    assert_int_equal(ops_add_risk(s, a, &r, &e), 0);
    undo_ok(s, a, false, msg, sizeof msg);
    assert_int_equal(a->nrisks, 0);
    assert_non_null(strstr(msg, "risk R1, \xe2\x80\x9cLeak\xe2\x80\x9d, is removed again"));
    assert_true(logged(a, "undone: risk R1 added", "Leak", ""));
    /* Changed (two fields at once), then undone in one step. */
    struct risk r2 = { .title = S("Profiling"), .severity = 2, .source = S("Analysts") };
    assert_int_equal(ops_add_risk(s, a, &r2, &e), 0);
    struct measure m = { .title = S("Pseudonymise"), .owner = S("IT") };
    int links[] = { r2.number };
    m.risks = links;
    m.nrisks = 1;
    assert_int_equal(ops_add_measure(s, a, &m, &e), 0);
    struct risk up;
    assess_risk_copy(&up, risk_no(a, r2.number));
    up.severity = 3;
    free(up.source);
    up.source = strdup("Marketing");
    assert_int_equal(ops_update_risk(s, a, &up, &e), 0);
    assess_risk_clear(&up);
    undo_ok(s, a, false, msg, sizeof msg);
    assert_int_equal(risk_no(a, r2.number)->severity, 2);
    assert_string_equal(risk_no(a, r2.number)->source, "Analysts");
    assert_non_null(strstr(msg, "2 fields of risk R2"));
    /* Deleted with its details and the measure that addressed it, then
     * undone: back under its number, whole, linked again. */
    assert_int_equal(ops_delete_risk(s, a, risk_no(a, r2.number)->id, &e), 0);
    assert_null(find_risk(a, r2.number));
    assert_int_equal(a->measures[0].nrisks, 0);
    undo_ok(s, a, false, msg, sizeof msg);
    assert_non_null(strstr(msg, "risk R2, \xe2\x80\x9cProfiling\xe2\x80\x9d, is back"));
    struct assessment *b = load(s, id);
    struct risk *back = risk_no(b, 2);
    assert_non_null(back);
    assert_string_equal(back->title, "Profiling");
    assert_string_equal(back->source, "Analysts");
    assert_int_equal(back->severity, 2);
    assert_int_equal(b->measures[0].nrisks, 1);
    assert_int_equal(b->measures[0].risks[0], 2);
    assert_true(logged(b, "undone: risk R2 deleted", "", "Profiling"));
    assess_free(b);
    /* A new risk still gets a new number. */
    struct risk r3 = { .title = S("Third") };
    assert_int_equal(ops_add_risk(s, a, &r3, &e), 0);
    assert_int_equal(r3.number, 3);
    undo_ok(s, a, false, NULL, 0);
    /* The measure: changed, deleted, each undone. */
    struct measure mu;
    assess_measure_copy(&mu, &a->measures[0]);
    mu.status = MS_DONE;
    assert_int_equal(ops_update_measure(s, a, &mu, &e), 0);
    assess_measure_clear(&mu);
    undo_ok(s, a, false, msg, sizeof msg);
    assert_int_equal(a->measures[0].status, MS_PLANNED);
    assert_non_null(strstr(msg, "the status of measure M1 is back to \xe2\x80\x9cplanned"));
    /* Its links: no risk any more, then back to R2. */
    assess_measure_copy(&mu, &a->measures[0]);
    mu.nrisks = 0;
    assert_int_equal(ops_update_measure(s, a, &mu, &e), 0);
    assess_measure_clear(&mu);
    assert_int_equal(a->measures[0].nrisks, 0);
    undo_ok(s, a, false, msg, sizeof msg);
    assert_string_equal(msg, "Undone: measure M1 addresses R2 again.");
    assert_int_equal(a->measures[0].nrisks, 1);
    assert_int_equal(a->measures[0].risks[0], 2);
    assert_int_equal(ops_delete_measure(s, a, a->measures[0].id, &e), 0);
    assert_int_equal(a->nmeasures, 0);
    undo_ok(s, a, false, msg, sizeof msg);
    assert_non_null(strstr(msg, "measure M1, \xe2\x80\x9cPseudonymise\xe2\x80\x9d, is back"));
    b = load(s, id);
    assert_int_equal(b->nmeasures, 1);
    assert_string_equal(b->measures[0].owner, "IT");
    assert_int_equal(b->measures[0].nrisks, 1);
    assess_free(b);
    /* Further back: the measure added, then the risk R2 added. */
    undo_ok(s, a, false, msg, sizeof msg);
    assert_int_equal(a->nmeasures, 0);
    assert_non_null(strstr(msg, "measure M1"));
    undo_ok(s, a, false, NULL, 0);
    assert_int_equal(a->nrisks, 0);
    assess_free(a);
    store_close(s);
}

/* --- sign-offs ------------------------------------------------------------- */

static void test_signoff(void **state)
{
    (void)state;
    struct store *s = fresh();
    int64_t id = create(s);
    struct assessment *a = load(s, id);
    struct err e;
    struct signoff so = { .role = SR_DPO, .name = S("Dana"), .position = S("DPO"),
                          .date = S("2026-01-10"), .advice = S("Go ahead"), .advice_followed = 1 };
    assert_int_equal(ops_signoff(s, a, &so, &e), 0);
    so.advice = S("Go ahead after the training");
    assert_int_equal(ops_signoff(s, a, &so, &e), 0);
    char msg[512];
    undo_ok(s, a, false, msg, sizeof msg);
    assert_string_equal(a->signoffs[SR_DPO].advice, "Go ahead");
    assert_non_null(strstr(msg, "the advice of the sign-off of the Data Protection Officer"));
    undo_ok(s, a, false, NULL, 0);
    struct assessment *b = load(s, id);
    assert_string_equal(b->signoffs[SR_DPO].name, "");
    assert_string_equal(b->signoffs[SR_DPO].advice, "");
    assess_free(b);
    assess_free(a);
    store_close(s);
}

/* --- whose change, which revision, what the log holds ------------------ */

static void test_theirs(void **state)
{
    (void)state;
    struct store *s = fresh();
    int64_t id = create(s);
    struct assessment *a = load(s, id);
    /* bob works on it too. */
    struct err me;
    if (ops_member(s, a, "bob", MR_CONTRIBUTOR, true, &me) < 0)
        fail_msg("ops_member: %s", me.text);
    answer(s, a, "scr.evaluation", "yes", NULL, -1);
    struct store *bob = open_as("bob");
    struct assessment *ab = load(bob, id);
    answer(bob, ab, "scr.evaluation", "no", NULL, -1);
    assess_free(ab);
    store_close(bob);
    /* Refused, nothing written, who and what given to ask. */
    struct assessment *before = load(s, id);
    struct err e;
    struct ops_undo u;
    assert_int_equal(ops_undo(s, a, false, &u, &e), OPS_THEIRS);
    assert_string_equal(u.who, "bob");
    assert_string_equal(u.what, "answer scr.evaluation");
    assert_non_null(strstr(e.text, "made by bob"));
    ops_undo_free(&u);
    struct assessment *after = load(s, id);
    assert_int_equal(after->nhistory, before->nhistory);
    assert_string_equal(value_of(after, "scr.evaluation"), "no");
    assess_free(before);
    assess_free(after);
    /* Asked and agreed, but the copy in memory is older than bob's
     * answer: the store's conflict check stands, nothing is written. */
    assert_int_equal(ops_undo(s, a, true, &u, &e), STORE_CONFLICT);
    assert_non_null(strstr(e.text, "changed by bob meanwhile"));
    ops_undo_free(&u);
    /* Read again, it goes through. */
    assess_free(a);
    a = load(s, id);
    undo_ok(s, a, true, NULL, 0);
    assert_string_equal(value_of(a, "scr.evaluation"), "yes");
    after = load(s, id);
    assert_string_equal(value_of(after, "scr.evaluation"), "yes");
    assert_true(logged(after, "undone: answer scr.evaluation", "no", "yes"));
    assess_free(after);
    assess_free(a);
    store_close(s);
}

static void test_decided(void **state)
{
    (void)state;
    struct store *s = fresh();
    int64_t id = create(s);
    struct assessment *a = load(s, id);
    answer(s, a, "scr.evaluation", "yes", NULL, -1);
    struct err e;
    assert_int_equal(store_set_status(s, a, ST_APPROVED, &e), 0);
    size_t n = a->nhistory;
    struct ops_undo u;
    assert_int_equal(ops_undo(s, a, false, &u, &e), -1);
    assert_non_null(strstr(e.text, "is decided"));
    ops_undo_free(&u);
    struct assessment *b = load(s, id);
    assert_int_equal(b->nhistory, n);
    assert_string_equal(value_of(b, "scr.evaluation"), "yes");
    assess_free(b);
    assess_free(a);
    store_close(s);
}

/* SQL on the database behind the store, as an older dpia or a damaged
 * file would have left it. */
static void sql(const char *text)
{
    unit_sql(path, text);
}

/* The answer an undo would bring back is held to the workflow rule of
 * answers: no "no DPIA" where a DPIA is mandatory. */
static void test_mandatory(void **state)
{
    (void)state;
    struct store *s = fresh();
    int64_t id = create(s);
    struct assessment *a = load(s, id);
    answer(s, a, "scr.decision", "not-carry-out", NULL, -1);
    answer(s, a, "scr.art35-3a", "yes", NULL, -1);
    answer(s, a, "scr.decision", "carry-out", NULL, -1);
    size_t n = a->nhistory;
    struct err e;
    struct ops_undo u;
    assert_int_equal(ops_undo(s, a, false, &u, &e), -1);
    assert_non_null(strstr(e.text, "a DPIA is mandatory here"));
    ops_undo_free(&u);
    struct assessment *b = load(s, id);
    assert_int_equal(b->nhistory, n);
    assert_string_equal(value_of(b, "scr.decision"), "carry-out");
    assess_free(b);
    assess_free(a);
    store_close(s);
}

static void test_lacking(void **state)
{
    (void)state;
    struct store *s = fresh();
    int64_t id = create(s);
    struct assessment *a = load(s, id);
    struct err e;
    struct risk r = { .title = S("Leak"), .description = S("Files copied") };
    assert_int_equal(ops_add_risk(s, a, &r, &e), 0);
    assert_int_equal(ops_delete_risk(s, a, r.id, &e), 0);
    /* The deletion as an older dpia recorded it: which entries belong
     * to it is not known, so neither is what the risk held. */
    sql("UPDATE history SET part = 0");
    struct ops_undo u;
    assert_int_equal(ops_undo(s, a, false, &u, &e), -1);
    assert_non_null(strstr(e.text, "does not hold what risk R1 held when it was deleted"));
    ops_undo_free(&u);
    /* An entry whose old value is not a value of its field. */
    assert_int_equal(ops_add_risk(s, a, &r, &e), 0);
    char q[256];
    snprintf(q, sizeof q, "INSERT INTO history(assessment, at, who, what, old_value, "
             "new_value, part) VALUES (%lld, 1, 'unit', 'risk R2 likelihood', 'often', "
             "'2', 1)", (long long)id);
    sql(q);
    assess_free(a);
    a = load(s, id);
    size_t n = a->nhistory;
    assert_int_equal(ops_undo(s, a, false, &u, &e), -1);
    assert_non_null(strstr(e.text, "does not hold what is needed to undo"));
    assert_non_null(strstr(e.text, "often"));
    ops_undo_free(&u);
    assess_free(a);
    a = load(s, id);
    assert_int_equal(a->nhistory, n);
    assert_int_equal(a->nrisks, 1);
    /* An answer no yes/no question takes, and a note with a
     * bidirectional control: the rules of a person's change hold. */
    snprintf(q, sizeof q, "INSERT INTO history(assessment, at, who, what, old_value, "
             "new_value, part) VALUES (%lld, 1, 'unit', 'answer scr.evaluation', 'maybe', "
             "'', 1)", (long long)id);
    sql(q);
    assess_free(a);
    a = load(s, id);
    assert_int_equal(ops_undo(s, a, false, &u, &e), -1);
    assert_non_null(strstr(e.text, "does not hold what is needed to undo \"answer scr.evaluation\""));
    ops_undo_free(&u);
    snprintf(q, sizeof q, "INSERT INTO history(assessment, at, who, what, old_value, "
             "new_value, part) VALUES (%lld, 1, 'unit', 'note scr.evaluation', "
             "'a\xe2\x80\xae" "b', '', 1)", (long long)id);
    sql(q);
    assess_free(a);
    a = load(s, id);
    assert_int_equal(ops_undo(s, a, false, &u, &e), -1);
    assert_non_null(strstr(e.text, "bidirectional"));
    ops_undo_free(&u);
    assess_free(a);
    a = load(s, id);
    assert_int_equal(a->nhistory, n + 2);
    assert_null(assess_answer(a, "scr.evaluation"));
    assess_free(a);
    store_close(s);
}

static int teardown(void **state)
{
    return unit_remove_dir(dir);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    if (!mkdtemp(dir))
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_find),
        cmocka_unit_test(test_answers),
        cmocka_unit_test(test_risks),
        cmocka_unit_test(test_signoff),
        cmocka_unit_test(test_theirs),
        cmocka_unit_test(test_decided),
        cmocka_unit_test(test_mandatory),
        cmocka_unit_test(test_lacking),
    };
    int rc = cmocka_run_group_tests_name("undo", tests, NULL, teardown);
    tmpl_cleanup();
    return rc;
}
