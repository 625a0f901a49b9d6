/* Unit tests of drafts: the store's on temporary files (kept, replaced,
 * read back and dropped; one person's never seen by another; outside
 * the change log and the listing's order; gone with their assessment),
 * and the encoding of a form's fields in one. */
#include "config.h"

#include <locale.h>
#include <stdint.h>

#include "unit.h"
#include "unit_db.h"
#include "core/tmpl.h"
#include "store/store.h"
#include "ui/draft.h"
#include "util/buf.h"

static char dir[] = "/tmp/dpia-t-drafts.XXXXXX";
static char path[256];
static int serial;

static struct store *fresh(void)
{
    char name[32];
    snprintf(name, sizeof name, "db%d.sqlite", ++serial);
    unit_db(path, sizeof path, dir, name);
    struct err e;
    struct store *s = store_open(path, false, "unit", &e);
    if (!s)
        fail_msg("store_open: %s", e.text);
    return s;
}

static struct store *again(const char *who, bool read_only)
{
    struct err e;
    struct store *s = store_open(path, read_only, who, &e);
    if (!s)
        fail_msg("store_open: %s", e.text);
    return s;
}

static int64_t create(struct store *s, const char *title)
{
    size_t len;
    const char *xml = tmpl_builtin_xml(&len);
    struct err e;
    int64_t id = store_create(s, title, xml, len, NULL, &e);
    if (id < 0)
        fail_msg("store_create: %s", e.text);
    return id;
}

/* The draft of key, or "(none)". */
static char *got(struct store *s, int64_t id, const char *key)
{
    struct err e;
    char *c = store_draft_get(s, id, key, &e);
    assert_string_equal(e.text, "");
    return c ? c : strdup("(none)");
}

static void assert_draft(struct store *s, int64_t id, const char *key, const char *want)
{
    char *c = got(s, id, key);
    assert_string_equal(c, want);
    free(c);
}

static void test_put_get_delete(void **state)
{
    struct store *s = fresh();
    int64_t id = create(s, "Drafts");
    struct err e;
    assert_draft(s, id, "risk:new", "(none)");
    assert_int_equal(store_draft_put(s, id, "risk:new", "Title\\nfirst", &e), 0);
    assert_draft(s, id, "risk:new", "Title\\nfirst");
    /* Replaced, not added to. */
    const char *text = "Re-identification\nfrom small counts \\ caf\xC3\xA9 \xE6\x98\xA0\xE7\x94\xBB\t.";
    assert_int_equal(store_draft_put(s, id, "risk:new", text, &e), 0);
    assert_draft(s, id, "risk:new", text);
    /* Keys and assessments are apart. */
    int64_t other = create(s, "Other");
    assert_draft(s, id, "risk:1", "(none)");
    assert_draft(s, other, "risk:new", "(none)");
    assert_int_equal(store_draft_put(s, other, "risk:new", "Elsewhere", &e), 0);
    assert_int_equal(store_draft_put(s, id, "note:scr.project", "", &e), 0);
    assert_draft(s, id, "note:scr.project", "");
    assert_draft(s, id, "risk:new", text);
    /* Large content, whole. */
    struct buf big = {0};
    for (int i = 0; i < 20000; i++)
        buf_printf(&big, "line %d of a long description\n", i);
    assert_int_equal(store_draft_put(s, id, "measure:new", buf_str(&big), &e), 0);
    assert_draft(s, id, "measure:new", buf_str(&big));
    buf_free(&big);
    /* Dropped; dropping what is not there is no error. */
    assert_int_equal(store_draft_delete(s, id, "risk:new", &e), 0);
    assert_draft(s, id, "risk:new", "(none)");
    assert_int_equal(store_draft_delete(s, id, "risk:new", &e), 0);
    assert_draft(s, other, "risk:new", "Elsewhere");
    assert_draft(s, id, "note:scr.project", "");
    store_close(s);
}

static void test_who(void **state)
{
    struct store *s = fresh();
    int64_t id = create(s, "Two people");
    struct err e;
    assert_int_equal(store_draft_put(s, id, "signoff:dpo", "Mine", &e), 0);
    struct store *t = again("someone else", false);
    assert_draft(t, id, "signoff:dpo", "(none)");
    assert_int_equal(store_draft_put(t, id, "signoff:dpo", "Theirs", &e), 0);
    assert_draft(t, id, "signoff:dpo", "Theirs");
    assert_draft(s, id, "signoff:dpo", "Mine");
    assert_int_equal(store_draft_delete(t, id, "signoff:dpo", &e), 0);
    assert_draft(s, id, "signoff:dpo", "Mine");
    /* The same person in another session finds it. */
    struct store *u = again("unit", false);
    assert_draft(u, id, "signoff:dpo", "Mine");
    store_set_who(u, "a third");
    assert_draft(u, id, "signoff:dpo", "(none)");
    store_close(u);
    store_close(t);
    store_close(s);
}

static void test_not_a_change(void **state)
{
    struct store *s = fresh();
    int64_t first = create(s, "First");
    int64_t second = create(s, "Second");
    struct err e;
    struct assessment *a = store_load(s, first, &e);
    assert_non_null(a);
    size_t nhistory = a->nhistory;
    int64_t updated = a->updated;
    assess_free(a);
    assert_int_equal(store_draft_put(s, first, "decision", "Typed", &e), 0);
    a = store_load(s, first, &e);
    assert_non_null(a);
    assert_int_equal(a->nhistory, nhistory);
    assert_int_equal(a->updated, updated);
    assess_free(a);
    /* The listing keeps its order: the draft changed nothing. */
    struct store_list l;
    assert_int_equal(store_list(s, false, &l, &e), 0);
    assert_int_equal(l.count, 2);
    assert_int_equal(l.items[0].id, second);
    store_list_free(&l);
    /* A copy does not take the drafts along. */
    int64_t copy = store_duplicate(s, first, &e);
    assert_true(copy > 0);
    assert_draft(s, copy, "decision", "(none)");
    store_close(s);
}

static void test_cascade_and_refusals(void **state)
{
    struct store *s = fresh();
    int64_t id = create(s, "Deleted");
    int64_t kept = create(s, "Kept");
    struct err e;
    assert_int_equal(store_draft_put(s, id, "entry:dsc.recipients:new", "Legal", &e), 0);
    assert_int_equal(store_draft_put(s, kept, "entry:dsc.recipients:new", "Kept", &e), 0);
    struct store *t = again("other", false);
    assert_int_equal(store_draft_put(t, id, "risk:new", "Theirs", &e), 0);
    assert_int_equal(store_delete(s, id, &e), 0);
    assert_draft(s, id, "entry:dsc.recipients:new", "(none)");
    assert_draft(t, id, "risk:new", "(none)");
    assert_draft(s, kept, "entry:dsc.recipients:new", "Kept");
    /* A draft of an assessment no longer there is refused, saying so. */
    assert_int_equal(store_draft_put(t, id, "risk:new", "Too late", &e), -1);
    assert_non_null(strstr(e.text, "no longer in the database"));
    store_close(t);
    store_close(s);
    /* Read-only: read, never written. */
    s = again("unit", true);
    assert_draft(s, kept, "entry:dsc.recipients:new", "Kept");
    assert_int_equal(store_draft_put(s, kept, "risk:new", "No", &e), -1);
    assert_non_null(strstr(e.text, "read-only"));
    assert_int_equal(store_draft_delete(s, kept, "entry:dsc.recipients:new", &e), -1);
    store_close(s);
    s = again("unit", false);
    assert_draft(s, kept, "entry:dsc.recipients:new", "Kept");
    store_close(s);
}

static void test_encoding(void **state)
{
    /* NULL: a field left as it was; "\\=" typed is text like any. */
    const char *fields[] = { "Title", "", NULL, "two\nlines\r\n", "back\\slash \\n", "\\=",
                             "caf\xC3\xA9\t\xE6\x98\xA0", NULL };
    int n = (int)(sizeof fields / sizeof fields[0]);
    char *c = draft_encode(fields, n);
    assert_string_equal(c, "Title\n\n\\=\ntwo\\nlines\\r\\n\nback\\\\slash \\\\n\n"
                           "\\\\=\ncaf\xC3\xA9\t\xE6\x98\xA0\n\\=\n");
    int m;
    char **back = draft_decode(c, &m);
    assert_int_equal(m, n);
    for (int i = 0; i < n; i++) {
        if (fields[i])
            assert_string_equal(back[i], fields[i]);
        else
            assert_null(back[i]);
    }
    draft_fields_free(back, m);
    free(c);
    /* Nothing; a last line without its line break; an unknown escape
     * kept as it is. */
    back = draft_decode("", &m);
    assert_int_equal(m, 0);
    draft_fields_free(back, m);
    back = draft_decode("a\\x\nb", &m);
    assert_int_equal(m, 2);
    assert_string_equal(back[0], "a\\x");
    assert_string_equal(back[1], "b");
    draft_fields_free(back, m);
    back = draft_decode("\\=", &m);
    assert_int_equal(m, 1);
    assert_null(back[0]);
    draft_fields_free(back, m);
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
        cmocka_unit_test(test_put_get_delete),
        cmocka_unit_test(test_who),
        cmocka_unit_test(test_not_a_change),
        cmocka_unit_test(test_cascade_and_refusals),
        cmocka_unit_test(test_encoding),
    };
    int rc = cmocka_run_group_tests_name("drafts", tests, NULL, teardown);
    tmpl_cleanup();
    return rc;
}
