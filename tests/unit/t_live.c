/* Unit tests of live sessions on one file: the presence rows (another
 * session's seen with its question, this one's own never, stale ones
 * ignored and forgotten, the own row removed when it ends), SQLite's
 * data_version moving for the others' commits only, and the change-log
 * watch giving the others' changes and not one's own, with the line
 * that says what changed and who changed it. */
#include "config.h"

#include <locale.h>
#include <stdint.h>

#include "unit.h"
#include "unit_db.h"
#include "core/tmpl.h"
#include "ops/ops.h"
#include "store/store.h"

static char dir[] = "/tmp/dpia-t-live.XXXXXX";
static char path[256];
static int serial;

static struct store *open_as(const char *who, bool fresh)
{
    if (fresh) {
        char name[32];
        snprintf(name, sizeof name, "db%d.sqlite", ++serial);
        unit_db(path, sizeof path, dir, name);
    }
    struct err e;
    struct store *s = store_open(path, false, who, &e);
    if (!s)
        fail_msg("store_open: %s", e.text);
    return s;
}

static int64_t create(struct store *s)
{
    size_t len;
    const char *xml = tmpl_builtin_xml(&len);
    struct err e;
    int64_t id = store_create(s, "Live", xml, len, NULL, &e);
    if (id < 0)
        fail_msg("store_create: %s", e.text);
    return id;
}

/* Runs SQL on the file through a connection of its own. */
static void sql(const char *text)
{
    unit_sql(path, text);
}

static int count_rows(const char *where)
{
    char q[256];
    snprintf(q, sizeof q, "SELECT count(*) FROM presence WHERE %s", where);
    return (int)unit_sql_int(path, q);
}

static void test_presence(void **state)
{
    (void)state;
    struct store *alice = open_as("alice", true);
    struct store *bob = open_as("bob", false);
    int64_t id = create(alice);
    struct err e;
    struct store_presence *p;
    size_t n;

    assert_int_equal(store_presence_put(alice, id, "scr.project", false, &e), 0);
    assert_int_equal(store_presence_put(bob, id, "", false, &e), 0);
    /* Bob sees Alice and the question she is on; neither sees himself. */
    assert_int_equal(store_presence_list(bob, id, 30, &p, &n, &e), 0);
    assert_int_equal(n, 1);
    assert_string_equal(p[0].who, "alice");
    assert_string_equal(p[0].question, "scr.project");
    store_presence_free(p, n);
    assert_int_equal(store_presence_list(alice, id, 30, &p, &n, &e), 0);
    assert_int_equal(n, 1);
    assert_string_equal(p[0].who, "bob");
    assert_string_equal(p[0].question, "");
    store_presence_free(p, n);

    /* Moving to another question replaces the row, not adds one. */
    assert_int_equal(store_presence_put(alice, id, "dsc.purpose", false, &e), 0);
    assert_int_equal(count_rows("who = 'alice'"), 1);
    assert_int_equal(store_presence_list(bob, id, 30, &p, &n, &e), 0);
    assert_int_equal(n, 1);
    assert_string_equal(p[0].question, "dsc.purpose");
    store_presence_free(p, n);

    /* A row not refreshed for a minute is of a session that ended: not
     * shown; after five minutes the next put removes it. */
    sql("UPDATE presence SET at = at - 60 WHERE who = 'alice'");
    assert_int_equal(store_presence_list(bob, id, 30, &p, &n, &e), 0);
    assert_int_equal(n, 0);
    store_presence_free(p, n);
    assert_int_equal(count_rows("who = 'alice'"), 1);
    sql("UPDATE presence SET at = at - 600 WHERE who = 'alice'");
    assert_int_equal(store_presence_put(bob, id, "", false, &e), 0);
    assert_int_equal(count_rows("who = 'alice'"), 0);

    /* Ending removes one's own row and no one else's. */
    assert_int_equal(store_presence_put(alice, id, "scr.project", false, &e), 0);
    assert_int_equal(store_presence_drop(bob, id, &e), 0);
    assert_int_equal(count_rows("who = 'bob'"), 0);
    assert_int_equal(count_rows("who = 'alice'"), 1);

    /* Deleting the assessment takes its rows with it. */
    assert_int_equal(store_delete(alice, id, &e), 0);
    assert_int_equal(count_rows("TRUE"), 0);
    store_close(bob);
    store_close(alice);
}

static void test_watch(void **state)
{
    (void)state;
    struct store *alice = open_as("alice", true);
    int64_t id = create(alice);
    struct store *bob = open_as("bob", false);
    struct err e;
    struct assessment *aa = store_load(alice, id, &e);
    struct assessment *ba = store_load(bob, id, &e);
    assert_non_null(aa);
    assert_non_null(ba);

    struct ops_live live;
    ops_live_start(bob, &live, id);
    char *msg = NULL;
    /* Nothing moved: nothing to say. */
    assert_int_equal(ops_live_poll(bob, &live, "scr.project", false, &msg), OPS_LIVE_NONE);
    assert_null(msg);

    /* Bob's own change moves nothing he watches. */
    int64_t v = store_data_version(bob);
    assert_int_equal(store_set_answer(bob, ba, "scr.project", "Bob's", "", false, 0, 0, &e), 0);
    assert_int_equal(store_data_version(bob), v);

    /* Alice's does, and the watch names her and the question. */
    assess_free(aa);
    aa = store_load(alice, id, &e);
    assert_non_null(aa);
    assert_int_equal(store_set_answer(alice, aa, "scr.project", "Alice's", "", false,
                                      assess_answer(aa, "scr.project")->revision, 0, &e), 0);
    assert_int_not_equal(store_data_version(bob), v);
    assert_int_equal(ops_live_poll(bob, &live, "scr.project", false, &msg), OPS_LIVE_CHANGED);
    assert_non_null(msg);
    assert_string_equal(msg, "alice changed the answer to scr.project.");
    free(msg);

    /* Typing held: the change waits for the next poll. */
    struct assessment *fresh = store_load(alice, id, &e);
    assert_int_equal(store_set_answer(alice, fresh, "scr.project", "Alice's again", "", true,
                                      assess_answer(fresh, "scr.project")->revision, 0, &e), 0);
    assert_int_not_equal(ops_live_poll(bob, &live, "scr.project", true, &msg), OPS_LIVE_CHANGED);
    assert_null(msg);
    int r = ops_live_poll(bob, &live, "scr.project", false, &msg);
    assert_int_equal(r, OPS_LIVE_CHANGED);
    assert_non_null(msg);
    assert_string_equal(msg, "alice changed the follow-up flag of scr.project. And 1 earlier change.");
    free(msg);

    /* Alice sees Bob on his question. */
    struct ops_live al;
    ops_live_start(alice, &al, id);
    ops_live_poll(alice, &al, "dsc.purpose", false, &msg);
    free(msg);
    assert_int_equal(al.nothers, 1);
    assert_string_equal(al.others[0].who, "bob");
    assert_int_equal(ops_live_others_on(&al, "scr.project"), 1);
    assert_int_equal(ops_live_others_on(&al, "dsc.purpose"), 0);
    assert_int_equal(ops_live_editing_on(&al, "scr.project"), 0);

    /* Bob opens the field: his row says he is editing it at once, and
     * Alice's next poll sees it without waiting for a heartbeat. */
    ops_live_editing(bob, &live, "scr.project", true);
    assert_int_equal(count_rows("who = 'bob' AND editing = 1 AND question = 'scr.project'"), 1);
    assert_int_equal(ops_live_poll(alice, &al, "dsc.purpose", false, &msg), OPS_LIVE_PRESENCE);
    assert_null(msg);
    assert_true(al.others[0].editing);
    assert_int_equal(ops_live_editing_on(&al, "scr.project"), 1);
    assert_int_equal(ops_live_others_on(&al, "scr.project"), 1);
    assert_int_equal(ops_live_editing_on(&al, "dsc.purpose"), 0);
    /* A poll while he types keeps it so; leaving the field ends it. */
    ops_live_poll(bob, &live, "scr.project", true, &msg);
    free(msg);
    assert_int_equal(count_rows("who = 'bob' AND editing = 1"), 1);
    ops_live_editing(bob, &live, "scr.project", false);
    assert_int_equal(count_rows("who = 'bob' AND editing = 1"), 0);
    assert_int_equal(ops_live_poll(alice, &al, "dsc.purpose", false, &msg), OPS_LIVE_PRESENCE);
    assert_null(msg);
    assert_int_equal(ops_live_editing_on(&al, "scr.project"), 0);
    assert_int_equal(ops_live_others_on(&al, "scr.project"), 1);
    /* The hold of a poll says editing too, and its end says no more. */
    ops_live_poll(bob, &live, "scr.project", true, &msg);
    free(msg);
    assert_int_equal(count_rows("who = 'bob' AND editing = 1"), 1);
    ops_live_poll(bob, &live, "scr.project", false, &msg);
    free(msg);
    assert_int_equal(count_rows("who = 'bob' AND editing = 1"), 0);
    /* Editing is of a question: not on a page. */
    assert_int_equal(store_presence_put(bob, id, "", true, &e), 0);
    assert_int_equal(count_rows("who = 'bob' AND editing = 1"), 0);
    /* Bob leaves: his row goes. */
    ops_live_end(&live);
    assert_int_equal(count_rows("who = 'bob'"), 0);
    assert_int_equal(count_rows("who = 'alice'"), 1);
    ops_live_end(&al);
    assert_int_equal(count_rows("TRUE"), 0);

    assess_free(fresh);
    assess_free(aa);
    assess_free(ba);
    store_close(bob);
    store_close(alice);
}

static int teardown(void **state)
{
    (void)state;
    return unit_remove_dir(dir);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    if (!mkdtemp(dir))
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_presence),
        cmocka_unit_test(test_watch),
    };
    int rc = cmocka_run_group_tests_name("live", tests, NULL, teardown);
    tmpl_cleanup();
    return rc;
}
