/* Unit tests of table answers (core/table.h) on the fixture template
 * tests/fixtures/templates/tables.xml: data items (D) and the purposes
 * (P) that cite them. */
#include "config.h"

#include "unit.h"
#include "core/answer.h"
#include "core/assess.h"
#include "core/table.h"
#include "ops/ops.h"
#include "store/store.h"

static struct tmpl *load(void)
{
    size_t len;
    char *xml = unit_read_src("tests/fixtures/templates/tables.xml", &len);
    struct err e;
    struct tmpl *t = tmpl_check(xml, len, "tables.xml", &e);
    free(xml);
    if (!t)
        fail_msg("%s", e.text);
    return t;
}

static struct assessment *fresh(void)
{
    struct assessment *a = assess_new();
    a->tmpl = load();
    return a;
}

static void set(struct assessment *a, const char *qid, const char *value)
{
    struct err e;
    char *v = answer_canonical(tmpl_find_question(a->tmpl, qid), value, &e);
    if (!v)
        fail_msg("%s", e.text);
    assess_set_answer(a, qid, v);
    free(v);
}

static void add_risk(struct assessment *a, int number, const char *concerns)
{
    a->risks = realloc(a->risks, (a->nrisks + 1) * sizeof *a->risks);
    struct risk *r = &a->risks[a->nrisks++];
    memset(r, 0, sizeof *r);
    r->number = number;
    r->title = strdup("A risk");
    r->concerns = strdup(concerns);
}

static void test_template(void **state)
{
    (void)state;
    struct tmpl *t = load();
    const struct tmpl_question *d = tmpl_find_question(t, "data-items");
    const struct tmpl_question *p = tmpl_find_question(t, "purposes");
    assert_int_equal(d->type, QT_TABLE);
    assert_string_equal(d->prefix, "D");
    assert_int_equal(d->ncolumns, 3);
    assert_string_equal(d->columns[0].id, "item");
    assert_true(d->columns[0].required);
    assert_int_equal(d->columns[1].type, CT_YESNO);
    assert_string_equal(d->columns[1].label, "Special category");
    assert_int_equal(p->columns[1].type, CT_CHOICE);
    assert_int_equal(p->columns[1].noptions, 3);
    assert_int_equal(p->columns[2].type, CT_REFS);
    assert_string_equal(p->columns[2].table, "data-items");
    assert_int_equal(p->columns[2].tindex, (size_t)(d - t->questions));
    assert_string_equal(p->columns[2].tprefix, "D");
    assert_string_equal(tmpl_ctype_name(CT_REFS), "refs");
    assert_string_equal(tmpl_ctype_label(CT_CHOICE), "one of the options");
    assert_string_equal(tmpl_qtype_name(QT_TABLE), "table");

    const struct tmpl_question *q;
    int n;
    assert_true(table_parse_ref(t, "P12", &q, &n));
    assert_ptr_equal(q, p);
    assert_int_equal(n, 12);
    assert_false(table_parse_ref(t, "X1", &q, &n));
    assert_false(table_parse_ref(t, "D0", &q, &n));
    assert_false(table_parse_ref(t, "D", &q, &n));
    assert_false(table_parse_ref(t, "D1x", &q, &n));
    char ref[16];
    table_ref(d, 7, ref, sizeof ref);
    assert_string_equal(ref, "D7");
    tmpl_free(t);
}

static void test_round_trip(void **state)
{
    (void)state;
    struct tmpl *t = load();
    const struct tmpl_question *d = tmpl_find_question(t, "data-items");
    const struct tmpl_question *p = tmpl_find_question(t, "purposes");
    struct err e;
    /* Loose: rows without numbers, y and NO, spaces around cells, blank
     * lines, a row of empty cells (dropped), missing trailing cells. */
    char *v = answer_canonical(d, "\t E-mail address \ty\t2 years\n\n\tViewing history\tNO\n\t\t\t\n",
                               &e);
    assert_non_null(v);
    assert_string_equal(v, "1\tE-mail address\tyes\t2 years\n2\tViewing history\tno\t");
    char *again = answer_canonical(d, v, &e);
    assert_string_equal(again, v);
    free(again);
    free(v);

    /* Numbers kept as given, in the order given; new rows after the highest;
     * "D5" as well as "5" names a row. */
    v = answer_canonical(d, "5\tA\tno\t\nD2\tB\t\t\n\tC\t\t", &e);
    assert_non_null(v);
    assert_string_equal(v, "5\tA\tno\t\n2\tB\t\t\n6\tC\t\t");
    free(v);

    /* Choice by value (any case), refs split on spaces and commas, no
     * repeats, lower-case prefix accepted. */
    v = answer_canonical(p, "1\tAnalytics\tCONSENT\td2, D1 d2,,D3", &e);
    assert_non_null(v);
    assert_string_equal(v, "1\tAnalytics\tconsent\tD2 D1 D3");
    free(v);

    /* Nothing but blanks is no answer. */
    v = answer_canonical(d, "\n\t\t\n", &e);
    assert_string_equal(v, "");
    free(v);
    tmpl_free(t);
}

static void test_stable_numbers(void **state)
{
    (void)state;
    struct tmpl *t = load();
    const struct tmpl_question *d = tmpl_find_question(t, "data-items");
    struct table tb;
    struct err e;
    assert_int_equal(table_parse(d, "1\tA\t\t\n2\tB\t\t\n3\tC\t\t", &tb, &e), 0);
    assert_int_equal(tb.nrows, 3);
    table_remove_row(&tb, 1);
    char *v = table_format(&tb);
    assert_string_equal(v, "1\tA\t\t\n3\tC\t\t");
    free(v);
    assert_null(table_find_row(&tb, 2));
    assert_non_null(table_find_row(&tb, 3));
    size_t i = table_add_row(&tb);
    assert_int_equal(tb.rows[i].number, 4);
    /* An empty new row is not written until it has a cell. */
    v = table_format(&tb);
    assert_string_equal(v, "1\tA\t\t\n3\tC\t\t");
    free(v);
    assert_int_equal(table_set_cell(&tb, i, 0, " D ", &e), 0);
    assert_int_equal(table_set_cell(&tb, i, 1, "Y", &e), 0);
    v = table_format(&tb);
    assert_string_equal(v, "1\tA\t\t\n3\tC\t\t\n4\tD\tyes\t");
    free(v);
    assert_int_equal(table_set_cell(&tb, i, 1, "perhaps", &e), -1);
    assert_string_equal(e.text, "D4 column 'special': 'perhaps' is not yes or no");
    assert_string_equal(tb.rows[i].cells[1], "yes");
    /* A cell is one line. */
    assert_int_equal(table_set_cell(&tb, i, 2, "a\nb", &e), -1);
    assert_non_null(strstr(e.text, "D4 column 'retention': "));
    assert_string_equal(tb.rows[i].cells[2], "");
    table_free(&tb);
    tmpl_free(t);
}

/* Past the highest number a reference can name, a new row takes a free
 * lower one: its value reads back, and its reference can be cited. */
static void test_highest_number(void **state)
{
    (void)state;
    struct tmpl *t = load();
    const struct tmpl_question *d = tmpl_find_question(t, "data-items");
    struct table tb;
    struct err e;
    assert_int_equal(table_parse(d, "999999\tA\t\t\n1\tB\t\t", &tb, &e), 0);
    size_t i = table_add_row(&tb);
    assert_int_equal(tb.rows[i].number, 2);
    table_free(&tb);
    /* A row given without a number in a whole answer, the same. */
    char *v = answer_canonical(d, "999999\tA\t\t\n\tB\t\t\n1\tC\t\t", &e);
    assert_non_null(v);
    assert_string_equal(v, "999999\tA\t\t\n2\tB\t\t\n1\tC\t\t");
    assert_int_equal(table_parse(d, v, &tb, &e), 0);
    assert_int_equal(tb.nrows, 3);
    table_free(&tb);
    free(v);
    tmpl_free(t);
}

/* A whole answer replacing the table: a row given without a number is
 * numbered past every row of the value it replaces, so that it never
 * takes the number (and the citations) of a row the answer removes. */
static void test_canonical_over(void **state)
{
    (void)state;
    struct tmpl *t = load();
    const struct tmpl_question *d = tmpl_find_question(t, "data-items");
    struct err e;
    const char *old = "1\tHealth\tyes\t\n2\tE-mail\t\t";
    char *v = answer_canonical_over(d, "1\tHealth\tyes\t\n\tRecords\tyes\t", old, &e);
    assert_non_null(v);
    assert_string_equal(v, "1\tHealth\tyes\t\n3\tRecords\tyes\t");
    free(v);
    /* Without the value replaced, as before. */
    v = answer_canonical(d, "1\tHealth\tyes\t\n\tRecords\tyes\t", &e);
    assert_string_equal(v, "1\tHealth\tyes\t\n2\tRecords\tyes\t");
    free(v);
    /* Past the highest number, a free one that the old value has not. */
    v = answer_canonical_over(d, "999999\tA\t\t\n\tB\t\t", "1\tX\t\t\n999999\tA\t\t", &e);
    assert_string_equal(v, "999999\tA\t\t\n2\tB\t\t");
    free(v);
    /* The same checks: a bad cell is refused with the question's id. */
    assert_null(answer_canonical_over(d, "\tX\tperhaps\t", old, &e));
    assert_string_equal(e.text, "data-items: D3 column 'special': 'perhaps' is not yes or no");
    tmpl_free(t);
}

static void expect_bad(const struct tmpl_question *q, const char *value, const char *msg)
{
    struct err e;
    e.text[0] = '\0';
    char *v = answer_canonical(q, value, &e);
    if (v)
        fail_msg("'%s' taken as '%s'", value, v);
    assert_string_equal(e.text, msg);
}

static void test_bad_cells(void **state)
{
    (void)state;
    struct tmpl *t = load();
    const struct tmpl_question *d = tmpl_find_question(t, "data-items");
    const struct tmpl_question *p = tmpl_find_question(t, "purposes");
    expect_bad(d, "1\tA\tmaybe\t", "data-items: D1 column 'special': 'maybe' is not yes or no");
    expect_bad(d, "1\t\tyes\t1 year", "data-items: D1 column 'item': required, and empty");
    expect_bad(d, "1\tA\t\t\t\textra", "data-items: line 1: 5 cells, and the table has 3 columns");
    expect_bad(d, "1\tA\n1\tB", "data-items: row D1 is given twice");
    expect_bad(d, "x1\tA", "data-items: line 1: 'x1' is not a row number");
    expect_bad(d, "0\tA", "data-items: line 1: '0' is not a row number");
    expect_bad(p, "1\tAds\tgift\t",
               "purposes: P1 column 'basis': 'gift' is not one of the options (allowed: "
               "consent, contract, legitimate-interest)");
    expect_bad(p, "1\tAds\t\tP1",
               "purposes: P1 column 'items': 'P1' is not a row of table 'data-items' (its "
               "rows are D1, D2...)");
    expect_bad(p, "1\tAds\t\tD1 item",
               "purposes: P1 column 'items': 'item' is not a row reference (such as D3)");
    expect_bad(d, "1\tA\x1b[31m\t\t",
               "data-items: a control character (U+001B, escape) at byte offset 3; text may not "
               "hold control characters other than line breaks and tabs");
    tmpl_free(t);
}

static void test_dangling_and_citations(void **state)
{
    (void)state;
    struct assessment *a = fresh();
    set(a, "data-items", "1\tE-mail\tno\t\n2\tHistory\t\t\n3\tHealth\tyes\t");
    set(a, "purposes", "1\tNewsletter\tconsent\tD1\n2\tAdvice\t\tD2 D3 D9");
    add_risk(a, 1, "D3 P1");
    add_risk(a, 2, "D8");

    char *s = table_dangling(a);
    assert_string_equal(s, "P2 cites D9\nR2 cites D8\n");
    free(s);
    s = table_citations(a, "D3");
    assert_string_equal(s, "P2, R1");
    free(s);
    s = table_citations(a, "P1");
    assert_string_equal(s, "R1");
    free(s);
    s = table_citations(a, "D2");
    assert_string_equal(s, "P2");
    free(s);
    s = table_citations(a, "D4");
    assert_string_equal(s, "");
    free(s);
    assess_free(a);
}

static void test_check_answer(void **state)
{
    (void)state;
    struct assessment *a = fresh();
    const struct tmpl_question *d = tmpl_find_question(a->tmpl, "data-items");
    const struct tmpl_question *p = tmpl_find_question(a->tmpl, "purposes");
    set(a, "data-items", "1\tE-mail\tno\t\n2\tHistory\t\t\n3\tHealth\tyes\t");
    set(a, "purposes", "1\tNewsletter\tconsent\tD1\n2\tAdvice\t\tD2 D3");
    add_risk(a, 1, "D3");
    struct err e;

    /* Removing a cited row: refused, naming every citer. */
    assert_int_equal(table_check_answer(a, d, "1\tE-mail\tno\t\n2\tHistory\t\t", &e), -1);
    assert_string_equal(e.text, "D3 is cited by P2, R1; remove those citations first");
    /* Removing an uncited one, or changing a cited row's cells: fine. */
    assert_int_equal(table_check_answer(a, d, "1\tE-mail\tno\t\n2\tHistory\t\t\n3\tX\t\t", &e), 0);
    set(a, "data-items", "1\tE-mail\tno\t\n2\tHistory\t\t\n3\tHealth\tyes\t\n4\tIP\t\t");
    assert_int_equal(table_check_answer(a, d, "1\tE-mail\tno\t\n2\tHistory\t\t\n3\tHealth\tyes\t",
                                        &e), 0);
    /* Emptying the whole table is removing every row. */
    assert_int_equal(table_check_answer(a, d, "", &e), -1);
    assert_string_equal(e.text, "D1 is cited by P1; remove those citations first");
    /* Citing a row that does not exist. */
    assert_int_equal(table_check_answer(a, p, "1\tNewsletter\t\tD1 D7", &e), -1);
    assert_string_equal(e.text, "P1 cites D7, which is not a row of the assessment");
    /* Dropping the citation, then the row: both allowed in that order. */
    assert_int_equal(table_check_answer(a, p, "1\tNewsletter\tconsent\tD1\n2\tAdvice\t\tD2", &e),
                     0);
    set(a, "purposes", "1\tNewsletter\tconsent\tD1\n2\tAdvice\t\tD2");
    assert_int_equal(table_check_answer(a, d, "1\tE-mail\tno\t\n2\tHistory\t\t", &e), -1);
    assert_string_equal(e.text, "D3 is cited by R1; remove those citations first");
    free(a->risks[0].concerns);
    a->risks[0].concerns = strdup("");
    assert_int_equal(table_check_answer(a, d, "1\tE-mail\tno\t\n2\tHistory\t\t", &e), 0);
    /* Not a table: nothing to check. */
    assert_int_equal(table_check_answer(a, tmpl_find_question(a->tmpl, "desc.lia"), "x", &e), 0);
    assess_free(a);
}

static void test_check_risk(void **state)
{
    (void)state;
    struct assessment *a = fresh();
    set(a, "data-items", "1\tE-mail\tno\t\n2\tHistory\t\t");
    set(a, "purposes", "1\tNewsletter\tconsent\tD1");
    struct err e;
    struct risk r = { .number = 3, .concerns = (char *)"D1 P1" };
    assert_int_equal(table_check_risk(a, &r, &e), 0);
    r.concerns = (char *)"D1 D5 P4";
    assert_int_equal(table_check_risk(a, &r, &e), -1);
    assert_string_equal(e.text, "R3 cites D5, P4, which are not a row of the assessment");
    r.concerns = (char *)"D5";
    assert_int_equal(table_check_risk(a, &r, &e), -1);
    assert_string_equal(e.text, "R3 cites D5, which is not a row of the assessment");
    r.concerns = NULL;
    assert_int_equal(table_check_risk(a, &r, &e), 0);

    assess_free(a);
}

/* The fixture with a date column and a ref column citing its own table
 * instead of the yes/no and the retention. */
static void test_date_and_ref_columns(void **state)
{
    (void)state;
    size_t len;
    char *xml = unit_read_src("tests/fixtures/templates/tables.xml", &len);
    char *p = strstr(xml, "<column id=\"special\" type=\"yesno\">");
    assert_non_null(p);
    memcpy(p + strlen("<column id=\"special\" type=\""), "date\" ", 6);
    p = strstr(xml, "<column id=\"retention\" type=\"text\">");
    assert_non_null(p);
    const char *with_ref = "<column id=\"retention\" type=\"ref\" table=\"data-items\">";
    size_t head = (size_t)(p - xml), old = strlen("<column id=\"retention\" type=\"text\">");
    char *x = malloc(len + 64);
    memcpy(x, xml, head);
    strcpy(x + head, with_ref);
    strcat(x, p + old);
    free(xml);
    struct err e;
    struct tmpl *t = tmpl_check(x, strlen(x), "ref.xml", &e);
    free(x);
    if (!t)
        fail_msg("%s", e.text);
    const struct tmpl_question *d = tmpl_find_question(t, "data-items");
    assert_int_equal(d->columns[1].type, CT_DATE);
    assert_int_equal(d->columns[2].type, CT_REF);
    assert_string_equal(d->columns[2].tprefix, "D");

    char *v = answer_canonical(d, "1\tA\t2026-03-01\td2\n2\tB\t\tD1", &e);
    assert_non_null(v);
    assert_string_equal(v, "1\tA\t2026-03-01\tD2\n2\tB\t\tD1");
    free(v);
    expect_bad(d, "1\tA\t2026-02-30\t",
               "data-items: D1 column 'special': '2026-02-30' is not a date (YYYY-MM-DD, a real "
               "calendar day)");
    expect_bad(d, "1\tA\t\tD1 D2",
               "data-items: D1 column 'retention': 'D1 D2' is not a row reference (such as D3)");

    /* A row citing itself counts as a citation of it. */
    struct assessment *a = assess_new();
    a->tmpl = t;
    set(a, "data-items", "1\tA\t\tD1\n2\tB\t\tD1");
    char *c = table_citations(a, "D1");
    assert_string_equal(c, "D1, D2");
    free(c);
    assert_int_equal(table_check_answer(a, d, "2\tB\t\tD1", &e), -1);
    assert_string_equal(e.text, "D1 is cited by D2; remove those citations first");
    assess_free(a);
}

static void test_display(void **state)
{
    (void)state;
    struct tmpl *t = load();
    const struct tmpl_question *d = tmpl_find_question(t, "data-items");
    const struct tmpl_question *p = tmpl_find_question(t, "purposes");
    char *s = answer_display(d, "1\tE-mail address\tyes\t\n3\tViewing history\t\t");
    assert_string_equal(s, "D1 E-mail address; D3 Viewing history");
    free(s);
    s = table_display(p, "4\tAds\tlegitimate-interest\tD1");
    assert_string_equal(s, "P4 Ads");
    free(s);
    s = table_cell_display(&p->columns[1], "legitimate-interest");
    assert_string_equal(s, "Legitimate interests");
    free(s);
    s = table_cell_display(&d->columns[1], "no");
    assert_string_equal(s, "No");
    free(s);
    s = answer_display(d, "");
    assert_string_equal(s, "");
    free(s);
    tmpl_free(t);
}

/* The rules in ops/, on a database: rows through ops_table_*, a cited
 * row kept, a risk citing a row that does not exist refused, an undo
 * that would leave a citation pointing nowhere refused. */
static void test_ops(void **state)
{
    (void)state;
    char dir[] = "/tmp/dpia-t-table.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[300];
    snprintf(path, sizeof path, "%s/db.sqlite", dir);
    struct err e;
    struct store *s = store_open(path, false, "unit", &e);
    assert_non_null(s);
    size_t len;
    char *xml = unit_read_src("tests/fixtures/templates/tables.xml", &len);
    int64_t id = ops_create(s, "Tables", xml, len, NULL, NULL, &e);
    free(xml);
    assert_true(id > 0);
    struct assessment *a = store_load(s, id, &e);
    assert_non_null(a);

    char *d1[] = { (char *)"item=E-mail", (char *)"special=n" };
    char *d2[] = { (char *)"item=Health" };
    int n = 0;
    assert_int_equal(ops_table_add(s, a, "data-items", d1, 2, &n, &e), 0);
    assert_int_equal(n, 1);
    assert_int_equal(ops_table_add(s, a, "data-items", d2, 1, &n, &e), 0);
    assert_int_equal(n, 2);
    char *p1[] = { (char *)"purpose=News", (char *)"items=D1" };
    assert_int_equal(ops_table_add(s, a, "purposes", p1, 2, &n, &e), 0);
    char *bad[] = { (char *)"purpose=Ads", (char *)"items=D5" };
    assert_int_equal(ops_table_add(s, a, "purposes", bad, 2, &n, &e), -1);
    assert_string_equal(e.text, "P2 cites D5, which is not a row of the assessment");

    /* A cited row stays, in memory and in the database. */
    assert_int_equal(ops_table_delete(s, a, "data-items", 1, &e), -1);
    assert_string_equal(e.text, "D1 is cited by P1; remove those citations first");
    struct assessment *b = store_load(s, id, &e);
    assert_string_equal(assess_value(b, "data-items"), "1\tE-mail\tno\t\n2\tHealth\t\t");
    assess_free(b);
    assert_int_equal(ops_table_row(tmpl_find_question(a->tmpl, "data-items"), "d2", &e), 2);
    assert_int_equal(ops_table_row(tmpl_find_question(a->tmpl, "data-items"), "P2", &e), -1);

    /* A risk citing a row that does not exist is not saved. */
    struct risk r = { 0 };
    r.title = (char *)"Leak";
    r.concerns = (char *)"D1 D9";
    assert_int_equal(ops_add_risk(s, a, &r, &e), -1);
    assert_string_equal(e.text, "the risk cites D9, which is not a row of the assessment");
    r.concerns = (char *)"D2";
    assert_int_equal(ops_add_risk(s, a, &r, &e), 0);

    /* A risk cites D2 (in memory, as the risk form will keep it): the row
     * cannot go, by a delete or by undoing its addition. */
    assert_true(a->nrisks == 1);
    free(a->risks[0].concerns);
    a->risks[0].concerns = strdup("D2");
    assert_int_equal(ops_table_delete(s, a, "data-items", 2, &e), -1);
    assert_string_equal(e.text, "D2 is cited by R1; remove those citations first");
    char *d3[] = { (char *)"item=IP address" };
    assert_int_equal(ops_table_add(s, a, "data-items", d3, 1, &n, &e), 0);
    free(a->risks[0].concerns);
    a->risks[0].concerns = strdup("D3");
    struct ops_undo u;
    assert_int_equal(ops_undo(s, a, false, &u, &e), -1);
    ops_undo_free(&u);
    assert_string_equal(e.text, "D3 is cited by R1; remove those citations first");
    free(a->risks[0].concerns);
    a->risks[0].concerns = strdup("");
    assert_int_equal(ops_undo(s, a, false, &u, &e), 0);
    ops_undo_free(&u);
    assert_string_equal(assess_value(a, "data-items"), "1\tE-mail\tno\t\n2\tHealth\t\t");

    assess_free(a);
    store_close(s);
    unit_remove_dir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_template),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_stable_numbers),
        cmocka_unit_test(test_highest_number),
        cmocka_unit_test(test_canonical_over),
        cmocka_unit_test(test_bad_cells),
        cmocka_unit_test(test_dangling_and_citations),
        cmocka_unit_test(test_check_answer),
        cmocka_unit_test(test_check_risk),
        cmocka_unit_test(test_date_and_ref_columns),
        cmocka_unit_test(test_display),
        cmocka_unit_test(test_ops),
    };
    int rc = cmocka_run_group_tests_name("table", tests, NULL, NULL);
    tmpl_cleanup();
    return rc;
}
