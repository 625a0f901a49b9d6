/* Unit tests of dpia copy's store functions (store/copy.c): every row of
 * every table of an assessment comes out of store_copy_read and
 * store_copy_write as it went in, ids aside (a table or a column a
 * migration adds fails here until the copy takes it along); drafts and
 * presence stay behind; a uuid already there is refused; a snapshot
 * whose digest is not its own is reported as a damaged file. With
 * DPIA_TEST_DB (tests/unit/pg-units.sh) the assessments go from an
 * SQLite file through a PostgreSQL database into another file, which
 * must hold every row the first held. */
#include "config.h"

#include <locale.h>
#include <sqlite3.h>
#include <stdint.h>
#include <unistd.h>

#include "unit.h"
#include "core/roles.h"
#include "core/tmpl.h"
#include "store/store.h"
#include "util/buf.h"
#include "unit_db.h"

static char dir[] = "/tmp/dpia-t-copy.XXXXXX";
static char path_from[256], path_to[256];

static struct store *open_at(const char *p, bool read_only)
{
    struct err e;
    struct store *s = store_open(p, read_only, "unit", &e);
    if (!s)
        fail_msg("store_open %s: %s", p, e.text);
    return s;
}

static struct assessment *load(struct store *s, int64_t id)
{
    struct err e;
    struct assessment *a = store_load(s, id, &e);
    if (!a)
        fail_msg("store_load: %s", e.text);
    return a;
}

static struct risk make_risk(const char *title, int l, int sv)
{
    struct risk r;
    memset(&r, 0, sizeof r);
    r.title = (char *)title;
    r.description = r.source = r.impacts = r.threats = (char *)"";
    r.likelihood_why = r.severity_why = r.likelihood_after_why = r.severity_after_why = (char *)"";
    r.concerns = r.kind = (char *)"";
    r.likelihood = l;
    r.severity = sv;
    return r;
}

/* FROM: one assessment with something in every table (answers by two
 * people, risks with one deleted, a measure linked to a risk, sign-offs,
 * a judgement, an ended workshop, a closed revision, the change log
 * with changes of several entries, a member, a review step, a comment
 * thread, a record on someone's behalf), an archived one in French, and a
 * draft and a presence row that must not be copied. */
static void fill(struct store *s)
{
    size_t len;
    const char *xml = tmpl_builtin_xml(&len);
    struct err e;
    int64_t id = store_create(s, "Loyalty programme", xml, len, NULL, &e);
    assert_true(id > 0);
    struct assessment *a = load(s, id);
    store_set_who(s, "alice");
    assert_int_equal(store_set_answer(s, a, "scr.evaluation", "yes", "Counts visits", true, 0, 0,
                                      &e), 0);
    struct workshop w;
    memset(&w, 0, sizeof w);
    w.date = strdup("2026-03-02");
    w.place = strdup("Room 4.12");
    w.agenda = strdup("screening");
    w.minutes = strdup("");
    struct ws_participant p[] = { { (char *)"Dana Officer", (char *)"DPO", (char *)"Acme", false },
                                  { (char *)"Pat Doe", (char *)"rep", (char *)"Council", true } };
    w.participants = p;
    w.nparticipants = 2;
    assert_int_equal(store_workshop_start(s, a, &w, &e), 0);
    w.participants = NULL;
    w.nparticipants = 0;
    assess_workshop_clear(&w);
    store_set_who(s, "bob");
    assert_int_equal(store_set_answer(s, a, "scr.project", "Points for visits", "", false, 0, 0,
                                      &e), 0);
    struct ws_point pt = { (char *)"Ask IT about the logs", (char *)"Sam" };
    assert_int_equal(store_workshop_end(s, a, "Scope agreed", &pt, 1, &e), 0);
    struct risk r1 = make_risk("Re-identification", 3, 4), r2 = make_risk("Profiling", 2, 2);
    assert_int_equal(store_add_risk(s, a, &r1, &e), 0);
    assert_int_equal(store_add_risk(s, a, &r2, &e), 0);
    int links[] = { 1 };
    struct measure m;
    memset(&m, 0, sizeof m);
    m.title = (char *)"Aggregate the counts";
    m.description = m.owner = m.due = m.group = (char *)"";
    m.risks = links;
    m.nrisks = 1;
    assert_int_equal(store_add_measure(s, a, &m, &e), 0);
    assert_int_equal(store_delete_risk(s, a, a->risks[1].id, &e), 0);
    struct signoff so = a->signoffs[SR_DPO];
    so.name = (char *)"Dana";
    so.advice = (char *)"Go ahead";
    so.date = (char *)"2026-03-03";
    assert_int_equal(store_set_signoff(s, a, &so, &e), 0);
    assert_int_equal(store_set_review_date(s, a, "2027-03-31", &e), 0);
    const char record[] = "<record>revision 1 as signed</record>";
    assert_int_equal(store_revise(s, a, record, sizeof record - 1, "2026-03-04", &e), 0);
    assert_int_equal(store_set_answer(s, a, "scr.project", "Points for purchases", "", false,
                                      assess_answer(a, "scr.project")->revision, 0, &e), 0);
    so = a->signoffs[SR_ASSESSOR];
    so.name = (char *)"Alex";
    so.position = (char *)"Privacy lead";
    assert_int_equal(store_set_signoff(s, a, &so, &e), 0);
    struct judgement j = { (char *)"description", VD_IMPROVE, (char *)"Vague", (char *)"Dana",
                           (char *)"2026-03-05" };
    assert_int_equal(store_set_judgement(s, a, &j, &e), 0);
    /* People and the review: a member, a comment thread resolved, a
     * judgement recorded on someone's behalf, the review asked for. */
    assert_int_equal(store_set_member(s, a, "dana", MR_DPO, &e), 0);
    int cn = 0;
    assert_int_equal(store_add_comment(s, a, "scr.project", 0, "Which stores?", &cn, &e), 0);
    assert_int_equal(store_resolve_comment(s, a, cn, &e), 0);
    struct behalf b = { (char *)"judgement description", (char *)"unit", (char *)"dana", MR_DPO,
                        (char *)"Said in the meeting", 0 };
    assert_int_equal(store_set_behalf(s, a, "judgement description", &b,
                                      "recorded by unit on behalf of dana", &e), 0);
    assert_int_equal(store_review_step(s, a, RV_REQUEST, "Ready", ST_REVIEW, &e), 0);
    assert_int_equal(store_draft_put(s, id, "note:scr.project", "half typed", &e), 0);
    assert_int_equal(store_presence_put(s, id, "scr.project", true, &e), 0);
    assess_free(a);

    int64_t id2 = store_create_in(s, "Vidéosurveillance", xml, len, NULL, "fr", &e);
    assert_true(id2 > 0);
    a = load(s, id2);
    assert_int_equal(store_set_status(s, a, ST_ARCHIVED, &e), 0);
    assess_free(a);
}

/* Every row of table t of db, one line each, ids replaced by what they
 * name (the uuid of an assessment, the digest of a snapshot, R2, M1, W1,
 * the place of a row among its assessment's), sorted. */
static char *dump_table(sqlite3 *db, const char *t, size_t *rows)
{
    sqlite3_stmt *st;
    char *sql = sqlite3_mprintf("SELECT name FROM pragma_table_info(%Q) ORDER BY cid", t);
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    sqlite3_free(sql);
    struct buf cols = { 0 };
    bool by_assessment = false;
    char *names[64];
    size_t n = 0;
    while (sqlite3_step(st) == SQLITE_ROW && n < 64) {
        names[n] = strdup((const char *)sqlite3_column_text(st, 0));
        if (strcmp(names[n], "assessment") == 0)
            by_assessment = true;
        n++;
    }
    sqlite3_finalize(st);
    for (size_t i = 0; i < n; i++) {
        const char *c = names[i];
        char *x;
        if (strcmp(c, "id") == 0)
            x = by_assessment ? sqlite3_mprintf("(SELECT count(*) FROM \"%w\" o WHERE "
                                                "o.assessment = x.assessment AND o.id < x.id)", t)
                              : NULL;
        else if (strcmp(c, "assessment") == 0)
            x = sqlite3_mprintf("(SELECT uuid FROM assessments WHERE id = x.assessment)");
        else if (strcmp(c, "template") == 0)
            x = sqlite3_mprintf("(SELECT digest FROM templates WHERE id = x.template)");
        else if (strcmp(c, "risk") == 0 || strcmp(c, "measure") == 0 || strcmp(c, "workshop") == 0)
            x = sqlite3_mprintf("(SELECT a.uuid || ' %c' || r.number FROM \"%ws\" r "
                                "JOIN assessments a ON a.id = r.assessment WHERE r.id = x.\"%w\")",
                                c[0] == 'r' ? 'R' : c[0] == 'm' ? 'M' : 'W', c, c);
        else
            x = sqlite3_mprintf("\"%w\"", c);
        if (x)
            buf_printf(&cols, "%s'%s=' || quote(%s)", cols.len ? " || ' ' || " : "", c, x);
        sqlite3_free(x);
        free(names[i]);
    }
    sql = sqlite3_mprintf("SELECT %s FROM \"%w\" x ORDER BY 1", buf_str(&cols), t);
    buf_free(&cols);
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(db));
    sqlite3_free(sql);
    struct buf out = { 0 };
    *rows = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        buf_printf(&out, "%s\n", (const char *)sqlite3_column_text(st, 0));
        (*rows)++;
    }
    sqlite3_finalize(st);
    return buf_take(&out);
}

/* Every assessment of the database at src copied into dst, which holds
 * none yet; a second copy of each is refused. */
static void copy_all(const char *src, const char *dst)
{
    struct store *from = open_at(src, true), *to = open_at(dst, false);
    struct err e;
    for (int64_t id = 1; id <= 2; id++) {
        struct store_copy *c = store_copy_read(from, id, &e);
        if (!c)
            fail_msg("store_copy_read: %s", e.text);
        assert_int_equal(store_copy_revisions(c), id == 1 ? 1 : 0);
        assert_int_equal(store_copy_write(to, c, &e), id);
        /* Twice: the uuid is there now. */
        assert_int_equal(store_copy_write(to, c, &e), -1);
        assert_non_null(strstr(e.text, "is already in"));
        assert_non_null(strstr(e.text, store_copy_assessment(c)->uuid));
        assert_int_equal(store_find_uuid(to, store_copy_assessment(c)->uuid, &e), id);
        store_copy_free(c);
    }
    assert_int_equal(store_find_uuid(to, "00000000-0000-4000-8000-000000000000", &e), 0);
    store_close(to);
    store_close(from);
}

static void test_every_row(void **state)
{
    (void)state;
    snprintf(path_from, sizeof path_from, "%s/from.sqlite", dir);
    snprintf(path_to, sizeof path_to, "%s/to.sqlite", dir);
    struct store *s = open_at(path_from, false);
    fill(s);
    store_close(s);

    if (unit_on_pg()) {
        char mid[256];
        unit_db(mid, sizeof mid, dir, "mid");
        copy_all(path_from, mid);
        copy_all(mid, path_to);
    } else {
        copy_all(path_from, path_to);
    }

    sqlite3 *a, *b;
    assert_int_equal(sqlite3_open_v2(path_from, &a, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_open_v2(path_to, &b, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(a, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                        "ORDER BY name", -1, &st, NULL), SQLITE_OK);
    size_t tables = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        size_t na, nb;
        char *da = dump_table(a, t, &na), *db = dump_table(b, t, &nb);
        if (strcmp(t, "drafts") == 0 || strcmp(t, "presence") == 0) {
            /* Not part of an assessment: left behind. */
            assert_int_equal(na, 1);
            assert_int_equal(nb, 0);
        } else {
            if (strcmp(da, db) != 0)
                fail_msg("table %s differs:\n--- from\n%s--- to\n%s", t, da, db);
            /* Something in every table, or the comparison proves nothing. */
            if (na == 0)
                fail_msg("table %s is empty in the test's database", t);
            tables++;
        }
        free(da);
        free(db);
    }
    sqlite3_finalize(st);
    assert_true(tables >= 14);
    sqlite3_close(a);
    sqlite3_close(b);
}

/* A snapshot whose digest is not that of its bytes: reported as a
 * damaged file, nothing read. */
static void test_damaged_digest(void **state)
{
    (void)state;
    char p[256];
    snprintf(p, sizeof p, "%s/damaged.sqlite", dir);
    struct store *s = open_at(p, false);
    size_t len;
    const char *xml = tmpl_builtin_xml(&len);
    struct err e;
    assert_true(store_create(s, "Damaged", xml, len, NULL, &e) > 0);
    store_close(s);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "UPDATE templates SET digest = "
                                  "'0000000000000000000000000000000000000000000000000000000000000000'",
                                  NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    s = open_at(p, true);
    assert_null(store_copy_read(s, 1, &e));
    assert_non_null(strstr(e.text, "is damaged: table templates"));
    assert_null(store_copy_read(s, 7, &e));
    assert_non_null(strstr(e.text, "there is no assessment 7"));
    store_close(s);
}

static int teardown(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    if (!mkdtemp(dir))
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_row),
        cmocka_unit_test(test_damaged_digest),
    };
    return cmocka_run_group_tests_name("copy", tests, NULL, teardown);
}
