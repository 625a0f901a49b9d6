/* Unit tests of the text editor: editing keys on UTF-8 text, every key
 * the key table gives it doing what its help says, and the layout kept
 * between keys, which must always equal a fresh one. */
#include "config.h"

#include <locale.h>

#include "unit.h"
#include "ui/keys.h"
#include "ui/textedit.h"

static void type(struct textedit *t, const char *s)
{
    te_insert(t, s);
}

static void test_editing(void **state)
{
    struct textedit t;
    te_init(&t, "", true);
    type(&t, "caf\xc3\xa9 na\xc3\xafve");
    assert_string_equal(te_text(&t), "caf\xc3\xa9 na\xc3\xafve");
    /* Backspace removes a whole character, not a byte. */
    te_key(&t, KEY_BACKSPACE, true);
    assert_string_equal(te_text(&t), "caf\xc3\xa9 na\xc3\xafv");
    te_key(&t, KEY_BACKSPACE, true);
    assert_string_equal(te_text(&t), "caf\xc3\xa9 na\xc3\xaf");
    te_key(&t, KEY_BACKSPACE, true);
    assert_string_equal(te_text(&t), "caf\xc3\xa9 na");
    /* Ctrl-W deletes the word before the cursor. */
    te_key(&t, CTRL_KEY('w'), false);
    assert_string_equal(te_text(&t), "caf\xc3\xa9 ");
    /* Left moves over the space and the two-byte character. */
    te_key(&t, KEY_LEFT, true);
    te_key(&t, KEY_LEFT, true);
    te_key(&t, 'X', false);
    assert_string_equal(te_text(&t), "cafX\xc3\xa9 ");
    /* Enter is a newline in a multi-line field, done in a single line. */
    te_key(&t, '\r', false);
    assert_int_equal(te_rows(&t, 40), 2);
    assert_int_equal(te_key(&t, KEY_ESC, true), TE_DONE);
    te_free(&t);

    te_init(&t, "one line", false);
    assert_int_equal(te_key(&t, '\r', false), TE_ENTER);
    te_insert(&t, "\npasted\nlines");
    assert_null(strchr(te_text(&t), '\n'));
    te_free(&t);
}

/* Every key the table lists for a text field works in one: the help
 * screen and the status bar promise nothing the editor ignores. */
static void test_table_keys(void **state)
{
    for (int i = 0; i < keys_count; i++) {
        const struct key_binding *b = &keys_table[i];
        if (!(b->contexts & KC_EDIT))
            continue;
        int ks[2] = { b->key1, b->key2 };
        for (int k = 0; k < 2 && ks[k]; k++) {
            struct textedit t;
            te_init(&t, "one two\nthree four\nfive", true);
            t.cursor = 12; /* in "three" */
            bool is_key = ks[k] >= KEY_MIN || ks[k] == KEY_ESC;
            enum te_result r = te_key(&t, (wint_t)ks[k], is_key);
            if (r == TE_UNHANDLED)
                fail_msg("'%s' (key %d) does nothing in a text field", b->help, ks[k]);
            assert_int_equal(r == TE_DONE, b->action == ACT_DONE);
            te_free(&t);
        }
    }
}

/* What the deleting keys delete, DEL (127) being Backspace. */
static void test_deleting(void **state)
{
    static const struct {
        wint_t ch;
        bool is_key;
        const char *after;
    } cases[] = {
        { 127, false, "one two\nthee four" },
        { KEY_BACKSPACE, true, "one two\nthee four" },
        { KEY_DC, true, "one two\nthre four" },
        { CTRL_KEY('d'), false, "one two\nthre four" },
        { CTRL_KEY('u'), false, "one two\nee four" },
        { CTRL_KEY('k'), false, "one two\nthr" },
        { CTRL_KEY('w'), false, "one two\nee four" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct textedit t;
        te_init(&t, "one two\nthree four", true);
        t.cursor = 11; /* after "thr" */
        assert_int_equal(te_key(&t, cases[i].ch, cases[i].is_key), TE_HANDLED);
        assert_string_equal(te_text(&t), cases[i].after);
        te_free(&t);
    }
}

static void test_wrapping(void **state)
{
    struct textedit t;
    te_init(&t, "alpha beta gamma delta", true);
    size_t a, b;
    /* Width 11: breaks after spaces, never inside a word. */
    assert_int_equal(te_rows(&t, 11), 2);
    assert_true(te_row_span(&t, 11, 0, &a, &b));
    assert_int_equal(a, 0);
    assert_int_equal(b, 11); /* "alpha beta " */
    /* Double-width characters count two columns. */
    te_set(&t, "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e");
    assert_int_equal(te_rows(&t, 4), 2);
    /* A character wider than the field still fits a row of its own. */
    assert_int_equal(te_rows(&t, 1), 3);
    te_free(&t);
}

/* The layout kept between edits equals a fresh layout of the same text. */
static void check_same(struct textedit *t, int w)
{
    struct textedit fresh;
    te_init(&fresh, te_text(t), true);
    int n = te_rows(&fresh, w);
    assert_int_equal(te_rows(t, w), n);
    for (int i = 0; i < n; i++) {
        size_t a1, b1, a2, b2;
        assert_true(te_row_span(t, w, (size_t)i, &a1, &b1));
        assert_true(te_row_span(&fresh, w, (size_t)i, &a2, &b2));
        if (a1 != a2 || b1 != b2)
            fail_msg("row %d: kept [%zu,%zu) fresh [%zu,%zu) in \"%s\"", i, a1, b1, a2, b2,
                     te_text(t));
    }
    te_free(&fresh);
}

static void test_layout_kept(void **state)
{
    static const char *const words[] = { "a ", "word ", "longer words ", "\n", "x",
                                         "caf\xc3\xa9 ", "\xe6\x97\xa5\xe6\x9c\xac ", "  " };
    unsigned seed = 12345;
    struct textedit t;
    te_init(&t, "", true);
    for (int step = 0; step < 3000; step++) {
        seed = seed * 1103515245u + 12345u;
        unsigned r = (seed >> 16) % 100;
        int w = 7 + (int)((seed >> 8) % 3);
        if (r < 55) {
            te_insert(&t, words[(seed >> 4) % 8]);
        } else if (r < 70) {
            te_key(&t, KEY_BACKSPACE, true);
        } else if (r < 80) {
            te_key(&t, KEY_LEFT, true);
        } else if (r < 85) {
            te_key(&t, CTRL_KEY('w'), false);
        } else if (r < 90) {
            te_key(&t, CTRL_KEY('a'), false);
        } else if (r < 95) {
            te_key(&t, KEY_UP, true);
        } else {
            te_key(&t, KEY_DC, true);
        }
        check_same(&t, w);
    }
    te_free(&t);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_editing),
        cmocka_unit_test(test_table_keys),
        cmocka_unit_test(test_deleting),
        cmocka_unit_test(test_wrapping),
        cmocka_unit_test(test_layout_kept),
    };
    return cmocka_run_group_tests_name("textedit", tests, NULL, NULL);
}
