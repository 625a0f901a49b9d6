/* Unit tests of the listing's summary and the copy in memory: after
 * random changes through the store, the summary each save wrote (worked
 * out from the copy in memory while it is in step) agrees with the one
 * worked out from the database; a change by another connection puts
 * every copy out of step, and then the summary still agrees and the
 * conflict checks still catch what the other connection changed; the
 * change history read by id matches a full load; a draft leaves the
 * copies in step. */
#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <unistd.h>

#include "unit.h"
#include "unit_db.h"
#include "core/answer.h"
#include "core/logic.h"
#include "core/tmpl.h"
#include "store/store.h"
#include "store/store_int.h"

static char dir[] = "/tmp/dpia-t-summary.XXXXXX";
static char path[256];
static int serial;

static struct store *open_db(void)
{
    struct err e;
    struct store *s = store_open(path, false, "unit", &e);
    if (!s)
        fail_msg("store_open: %s", e.text);
    return s;
}

static struct store *fresh(void)
{
    char name[32];
    snprintf(name, sizeof name, "db%d.sqlite", ++serial);
    unit_db(path, sizeof path, dir, name);
    return open_db();
}

static int64_t create(struct store *s)
{
    size_t len;
    const char *xml = tmpl_builtin_xml(&len);
    struct err e;
    int64_t id = store_create(s, "Summary", xml, len, NULL, &e);
    if (id < 0)
        fail_msg("store_create: %s", e.text);
    return id;
}

static struct assessment *load(struct store *s, int64_t id, unsigned flags)
{
    struct err e;
    struct assessment *a = store_load_flags(s, id, flags, &e);
    if (!a)
        fail_msg("store_load: %s", e.text);
    return a;
}

static uint32_t seed = 7;
static uint32_t rnd(uint32_t n)
{
    seed = seed * 1103515245u + 12345u;
    return (seed >> 8) % n;
}

/* The listing's row of assessment id agrees with what a load of the
 * database works out. */
static void summary_agrees(struct store *s, int64_t id)
{
    struct err e;
    struct store_list l;
    assert_int_equal(store_list(s, true, &l, &e), 0);
    const struct store_summary *it = NULL;
    for (size_t i = 0; i < l.count; i++)
        if (l.items[i].id == id)
            it = &l.items[i];
    assert_non_null(it);
    struct assessment *ref = load(s, id, STORE_LOAD_NO_HISTORY);
    struct progress p;
    logic_progress(ref, &p);
    int level = logic_highest_residual(ref);
    if (it->percent != logic_percent(&p) || it->highest_level != level)
        fail_msg("the listing says %d%% and level %d, the database %d%% and level %d",
                 it->percent, it->highest_level, logic_percent(&p), level);
    const struct tmpl_method *m = assess_method(ref);
    assert_string_equal(it->highest_name, level >= 0 ? m->levels[level].name : "");
    assess_free(ref);
    store_list_free(&l);
}

static struct risk some_risk(const struct tmpl_method *m)
{
    struct risk r;
    memset(&r, 0, sizeof r);
    r.title = (char *)"Re-identification";
    r.description = r.source = r.impacts = r.threats = (char *)"";
    r.likelihood_why = r.severity_why = r.likelihood_after_why = r.severity_after_why = (char *)"";
    r.type = (enum risk_type)rnd(RT_COUNT);
    r.likelihood = (int)rnd((uint32_t)m->nlikelihood + 1);
    r.severity = (int)rnd((uint32_t)m->nseverity + 1);
    r.likelihood_after = (int)rnd((uint32_t)m->nlikelihood + 1);
    r.severity_after = (int)rnd((uint32_t)m->nseverity + 1);
    return r;
}

/* One random change to a through s; returns its result. */
static int some_change(struct store *s, struct assessment *a, struct err *e)
{
    const struct tmpl *t = a->tmpl;
    const struct tmpl_method *m = assess_method(a);
    uint32_t what = rnd(12);
    if (what < 6) {
        const struct tmpl_question *q = &t->questions[rnd((uint32_t)t->nquestions)];
        const char *raw = "";
        char row[512];
        if (rnd(5)) {
            switch (q->type) {
            case QT_YESNO:
                raw = rnd(2) ? "yes" : "no";
                break;
            case QT_CHOICE:
            case QT_MULTI:
                raw = q->options[rnd((uint32_t)q->noptions)].value;
                break;
            case QT_DATE:
                raw = "2027-03-31";
                break;
            case QT_TABLE:
                raw = unit_table_value(q, rnd(2) ? "Subscribers" : "Staff", row, sizeof row);
                break;
            default:
                raw = rnd(2) ? "Subscribers" : "Staff";
            }
        }
        char *v = *raw ? answer_canonical(q, raw, e) : strdup("");
        assert_non_null(v);
        const struct answer *an = assess_answer(a, q->id);
        int rc = store_set_answer(s, a, q->id, v, "", rnd(4) == 0, an ? an->revision : 0,
                                  rnd(2), e);
        free(v);
        return rc;
    }
    if (what < 8 || a->nrisks == 0) {
        if (a->nrisks < 5 || a->nrisks == 0) {
            struct risk r = some_risk(m);
            return store_add_risk(s, a, &r, e);
        }
        struct risk r = some_risk(m);
        const struct risk *old = &a->risks[rnd((uint32_t)a->nrisks)];
        r.id = old->id;
        r.number = old->number;
        return rnd(4) ? store_update_risk(s, a, &r, e) : store_delete_risk(s, a, r.id, e);
    }
    if (what < 10) {
        int target = a->risks[rnd((uint32_t)a->nrisks)].number;
        struct measure me;
        memset(&me, 0, sizeof me);
        me.title = (char *)"Aggregation";
        me.description = me.owner = me.due = (char *)"";
        me.status = (enum measure_status)rnd(MS_COUNT);
        me.risks = &target;
        me.nrisks = 1;
        if (a->nmeasures < 3)
            return store_add_measure(s, a, &me, e);
        const struct measure *old = &a->measures[rnd((uint32_t)a->nmeasures)];
        me.id = old->id;
        me.number = old->number;
        return rnd(4) ? store_update_measure(s, a, &me, e) : store_delete_measure(s, a, me.id, e);
    }
    struct signoff so;
    memset(&so, 0, sizeof so);
    so.role = rnd(2) ? SR_DPO : SR_CONTROLLER;
    so.name = (char *)"Dana";
    so.position = so.date = so.why_not = so.acknowledged = (char *)"";
    so.advice = (char *)(rnd(2) ? "Proceed with aggregation" : "");
    so.advice_followed = (int)rnd(3) - 1;
    so.decision = so.role == SR_CONTROLLER ? (enum decision)rnd(DEC_COUNT) : DEC_NONE;
    return store_set_signoff(s, a, &so, e);
}

static void test_summary_follows_changes(void **state)
{
    struct store *s = fresh();
    int64_t id = create(s);
    /* As the interface holds it: no change history. */
    struct assessment *a = load(s, id, STORE_LOAD_NO_HISTORY);
    struct err e;
    for (int step = 0; step < 300; step++) {
        assert_true(store_in_step(s, a));
        if (some_change(s, a, &e) < 0)
            fail_msg("step %d: %s", step, e.text);
        summary_agrees(s, id);
    }
    assert_true(store_in_step(s, a));
    assert_int_equal(a->nhistory, 0);
    assess_free(a);
    store_close(s);
}

static void test_other_connection(void **state)
{
    struct store *s = fresh();
    int64_t id = create(s);
    struct store *other = open_db();
    struct assessment *a = load(s, id, STORE_LOAD_NO_HISTORY);
    struct assessment *b = load(other, id, 0);
    struct err e;
    assert_int_equal(store_set_answer(s, a, "desc.roles", "The controller", "", false, 0, 0, &e), 0);
    assert_true(store_in_step(s, a));
    /* The other connection adds a high risk and answers a question the
     * first one has not seen. */
    struct risk r = some_risk(assess_method(b));
    r.likelihood = r.severity = r.likelihood_after = r.severity_after = 4;
    assert_int_equal(store_add_risk(other, b, &r, &e), 0);
    assert_int_equal(store_set_answer(other, b, "scr.evaluation", "yes", "", false, 0, 0, &e), 0);
    /* The first one's next save works the summary out from the
     * database, the risk included, and its copy stays out of step. */
    assert_int_equal(store_set_answer(s, a, "desc.use", "Counts", "", false, 0, 0, &e), 0);
    assert_false(store_in_step(s, a));
    summary_agrees(s, id);
    struct store_list l;
    assert_int_equal(store_list(s, true, &l, &e), 0);
    assert_true(l.items[0].highest_is_high);
    store_list_free(&l);
    /* What the other connection changed is not overwritten unasked. */
    assert_int_equal(store_set_answer(s, a, "scr.evaluation", "no", "", false, 0, 0, &e),
                     STORE_CONFLICT);
    assert_int_equal(store_set_answer(other, b, "desc.roles", "The processor", "", false, 0, 0,
                                      &e), STORE_CONFLICT);
    /* b's copy has the risk; a change to it elsewhere is a conflict. */
    struct risk changed = b->risks[0];
    changed.likelihood_after = 1;
    struct assessment *c = load(s, id, 0);
    assert_int_equal(store_update_risk(s, c, &changed, &e), 0);
    assess_free(c);
    changed.severity_after = 1;
    assert_int_equal(store_update_risk(other, b, &changed, &e), STORE_CONFLICT);
    summary_agrees(other, id);
    /* A copy loaded again is in step again, and stays so. */
    assess_free(a);
    a = load(s, id, STORE_LOAD_NO_HISTORY);
    assert_true(store_in_step(s, a));
    assert_int_equal(some_change(s, a, &e) < 0 ? -1 : 0, 0);
    assert_true(store_in_step(s, a));
    summary_agrees(s, id);
    assess_free(a);
    assess_free(b);
    store_close(other);
    store_close(s);
}

static void test_history_by_id(void **state)
{
    struct store *s = fresh();
    int64_t id = create(s);
    struct assessment *a = load(s, id, 0);
    struct err e;
    /* Saves of one text being typed fold into one entry; others not. */
    char text[64] = "";
    for (int i = 0; i < 40; i++) {
        strcat(text, "x");
        const struct answer *an = assess_answer(a, "desc.roles");
        assert_int_equal(store_set_answer(s, a, "desc.roles", text, "", false,
                                          an ? an->revision : 0, i < 30 ? 5 : 6, &e), 0);
        if (i % 7 == 0)
            assert_int_equal(some_change(s, a, &e) < 0 ? -1 : 0, 0);
    }
    struct assessment *ref = load(s, id, 0);
    assert_int_equal(a->nhistory, ref->nhistory);
    for (size_t i = 0; i < ref->nhistory; i++) {
        assert_string_equal(a->history[i].what, ref->history[i].what);
        assert_string_equal(a->history[i].new_value, ref->history[i].new_value);
        assert_string_equal(a->history[i].old_value, ref->history[i].old_value);
    }
    /* Read later for a copy loaded without it: the same. */
    struct assessment *late = load(s, id, STORE_LOAD_NO_HISTORY);
    assert_true(late->history_missing);
    assert_int_equal(store_load_history(s, late, &e), 0);
    assert_int_equal(late->nhistory, ref->nhistory);
    assess_free(late);
    assess_free(ref);
    assess_free(a);
    store_close(s);
}

/* A draft kept between saves is no part of the assessment: the copy
 * stays in step and the next save's summary still agrees; written
 * inside a larger change, the draft does not vouch for that change. */
static void test_drafts_keep_step(void **state)
{
    struct store *s = fresh();
    int64_t id = create(s);
    struct assessment *a = load(s, id, STORE_LOAD_NO_HISTORY);
    struct err e;
    for (int i = 0; i < 5; i++) {
        assert_int_equal(store_draft_put(s, id, "note:desc.roles", "Half typed", &e), 0);
        assert_true(store_in_step(s, a));
        assert_int_equal(some_change(s, a, &e) < 0 ? -1 : 0, 0);
        assert_true(store_in_step(s, a));
        summary_agrees(s, id);
    }
    assert_int_equal(store_draft_delete(s, id, "note:desc.roles", &e), 0);
    assert_true(store_in_step(s, a));
    /* Another copy changed inside a batch that also keeps a draft: the
     * first copy is out of step. */
    struct assessment *b = load(s, id, STORE_LOAD_NO_HISTORY);
    assert_int_equal(store_batch_begin(s, &e), 0);
    assert_int_equal(store_draft_put(s, id, "note:desc.use", "Draft", &e), 0);
    assert_int_equal(store_set_answer(s, b, "desc.use", "Counts", "", false, 0, 0, &e), 0);
    assert_int_equal(store_batch_end(s, true, &e), 0);
    assert_false(store_in_step(s, a));
    summary_agrees(s, id);
    assess_free(b);
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
        cmocka_unit_test(test_summary_follows_changes),
        cmocka_unit_test(test_other_connection),
        cmocka_unit_test(test_history_by_id),
        cmocka_unit_test(test_drafts_keep_step),
    };
    int rc = cmocka_run_group_tests_name("summary", tests, NULL, teardown);
    tmpl_cleanup();
    return rc;
}
