/* Unit tests of the register's rules (core/register.h): what is
 * overdue (a date before today, not today itself), which open measures
 * belong to which assessment, whose name is the person responsible, the
 * orders and the filter by status. */
#include "config.h"

#include "unit.h"
#include "core/register.h"
#include "util/xalloc.h"

static void row(struct reg *r, int64_t id, const char *title, enum assess_status st,
                const char *review, const char *dpo, const char *assessor,
                const char *controller, int level)
{
    struct reg_row *w = &r->rows[r->nrows++];
    memset(w, 0, sizeof *w);
    w->id = id;
    w->title = xstrdup(title);
    w->status = st;
    w->highest_level = level;
    w->highest_name = xstrdup(level >= 0 ? "Level" : "");
    w->review_date = xstrdup(review);
    w->dpo = xstrdup(dpo);
    w->assessor = xstrdup(assessor);
    w->controller = xstrdup(controller);
    w->owners = xstrdup("");
}

static void measure(struct reg *r, int64_t aid, int number, const char *owner, const char *due)
{
    struct reg_measure *m = &r->measures[r->nmeasures++];
    memset(m, 0, sizeof *m);
    m->assessment = aid;
    m->number = number;
    m->title = xstrdup("Measure");
    m->owner = xstrdup(owner);
    m->due = xstrdup(due);
    m->status = MS_PLANNED;
}

/* Four assessments; 2 has no measure, 5 two with one owner twice. */
static void sample(struct reg *r)
{
    memset(r, 0, sizeof *r);
    r->rows = xcalloc(8, sizeof *r->rows);
    r->measures = xcalloc(8, sizeof *r->measures);
    row(r, 1, "Zeta", ST_APPROVED, "2026-06-01", "Dana", "Sam", "ACME", 1);
    row(r, 2, "alpha", ST_DRAFT, "", "", "Sam", "ACME", -1);
    row(r, 5, "Beta", ST_REVIEW, "2026-05-31", "", "", "ACME", 2);
    row(r, 7, "Gamma", ST_DRAFT, "2026-09-01", "", "", "", 0);
    measure(r, 1, 1, "Bob", "2026-06-01");
    measure(r, 5, 1, "Eve", "2026-05-01");
    measure(r, 5, 2, "Eve", "");
    measure(r, 5, 3, "Ann", "2026-05-30");
    measure(r, 7, 1, "", "2026-07-01");
}

static const struct reg_row *find(const struct reg *r, int64_t id)
{
    for (size_t i = 0; i < r->nrows; i++)
        if (r->rows[i].id == id)
            return &r->rows[i];
    fail_msg("no row %lld", (long long)id);
    return &r->rows[0]; /* not reached: fail_msg ends the test */
}

static void test_settle(void **state)
{
    (void)state;
    struct reg r;
    sample(&r);
    reg_settle(&r, "2026-06-01");
    const struct reg_row *a = find(&r, 1), *b = find(&r, 2), *c = find(&r, 5), *d = find(&r, 7);
    /* Due today is not overdue yet; the day before is. */
    assert_false(a->review_overdue);
    assert_int_equal(a->nopen, 1);
    assert_int_equal(a->noverdue, 0);
    assert_true(c->review_overdue);
    assert_int_equal(c->nopen, 3);
    assert_int_equal(c->noverdue, 2);
    assert_string_equal(c->owners, "Eve; Ann");
    assert_int_equal(b->nopen, 0);
    assert_string_equal(b->owners, "");
    assert_int_equal(d->nopen, 1);
    /* The DPO, else the assessor, else the controller, else no one. */
    assert_string_equal(a->responsible, "Dana");
    assert_int_equal(a->responsible_from, RESP_DPO);
    assert_string_equal(b->responsible, "Sam");
    assert_int_equal(b->responsible_from, RESP_ASSESSOR);
    assert_string_equal(c->responsible, "ACME");
    assert_int_equal(c->responsible_from, RESP_CONTROLLER);
    assert_string_equal(d->responsible, "");
    assert_string_equal(reg_responsible_key(d->responsible_from), "");
    /* The overdue measures across assessments, the earliest first. */
    assert_int_equal(r.noverdue, 2);
    assert_string_equal(r.measures[r.overdue[0]].due, "2026-05-01");
    assert_string_equal(r.measures[r.overdue[1]].due, "2026-05-30");
    assert_string_equal(r.measures[r.overdue[1]].atitle, "Beta");
    /* The earliest date of each. */
    assert_string_equal(c->next_date, "2026-05-01");
    assert_string_equal(b->next_date, "");
    reg_free(&r);
}

static void order(struct reg *r, enum reg_sort by, const char *want)
{
    reg_sort(r, by);
    char got[32] = "";
    for (size_t i = 0; i < r->nrows; i++)
        snprintf(got + strlen(got), sizeof got - strlen(got), "%lld ", (long long)r->rows[i].id);
    assert_string_equal(got, want);
}

static void test_sort_filter(void **state)
{
    (void)state;
    struct reg r;
    sample(&r);
    reg_settle(&r, "2026-06-01");
    order(&r, REG_SORT_DUE, "5 1 7 2 ");
    order(&r, REG_SORT_TITLE, "2 5 7 1 ");
    order(&r, REG_SORT_STATUS, "2 7 5 1 ");
    order(&r, REG_SORT_RISK, "5 1 7 2 ");
    order(&r, REG_SORT_REVIEW, "5 1 7 2 ");
    assert_int_equal(reg_sort_parse("risk"), REG_SORT_RISK);
    assert_int_equal(reg_sort_parse("size"), -1);
    reg_free(&r);

    sample(&r);
    reg_filter_status(&r, ST_DRAFT);
    reg_settle(&r, "2026-06-01");
    order(&r, REG_SORT_DUE, "7 2 ");
    /* The measures of the rows left out are not overdue in the list. */
    assert_int_equal(r.noverdue, 0);
    reg_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_settle),
        cmocka_unit_test(test_sort_filter),
    };
    return cmocka_run_group_tests_name("register", tests, NULL, NULL);
}
