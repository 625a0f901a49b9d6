/* The key table: no key means two things on one screen, and the README
 * and the man page list every action (they are kept in step with it). */
#include "config.h"

#include "unit.h"
#include "ui/keys.h"

static void test_no_conflicts(void **state)
{
    /* Each context alone, and a yes/no question's keys with the
     * assessment's. */
    for (int c = 0; c < 9; c++) {
        unsigned ctx = c < 8 ? 1u << c : (unsigned)(KC_ASSESS | KC_YESNO);
        for (int i = 0; i < keys_count; i++) {
            const struct key_binding *a = &keys_table[i];
            if (!(a->contexts & ctx))
                continue;
            for (int j = i + 1; j < keys_count; j++) {
                const struct key_binding *b = &keys_table[j];
                if (!(b->contexts & ctx))
                    continue;
                int ka[2] = { a->key1, a->key2 }, kb[2] = { b->key1, b->key2 };
                for (int x = 0; x < 2; x++)
                    for (int y = 0; y < 2; y++)
                        if (ka[x] && ka[x] == kb[y])
                            fail_msg("key %d is bound to both '%s' and '%s'", ka[x], a->label,
                                     b->label);
            }
        }
    }
}

static void test_lookup(void **state)
{
    assert_int_equal(keys_lookup('q', KC_HOME | KC_GLOBAL), ACT_QUIT);
    assert_int_equal(keys_lookup('n', KC_HOME | KC_GLOBAL), ACT_NEW);
    /* y and n answer a yes/no question, and only that. */
    assert_int_equal(keys_lookup('n', KC_ASSESS | KC_YESNO | KC_GLOBAL), ACT_NO);
    assert_int_equal(keys_lookup('n', KC_ASSESS | KC_GLOBAL), ACT_NONE);
    assert_int_equal(keys_lookup('y', KC_ASSESS | KC_GLOBAL), ACT_NONE);
    assert_int_equal(keys_lookup('P', KC_ASSESS | KC_GLOBAL), ACT_PRESENT);
    assert_int_equal(keys_lookup('\n', KC_HOME | KC_GLOBAL), ACT_OPEN);
    /* Inside a text field, letters are text, never commands. */
    assert_int_equal(keys_lookup('q', KC_EDIT | KC_GLOBAL), ACT_NONE);
    assert_int_equal(keys_lookup(KEY_ESC, KC_EDIT | KC_GLOBAL), ACT_DONE);
}

/* "\-" in roff is "-" in text. */
static char *unroff(char *s)
{
    char *w = s;
    for (char *r = s; *r; r++) {
        if (r[0] == '\\' && r[1] == '-')
            r++;
        *w++ = *r;
    }
    *w = '\0';
    return s;
}

static void test_documented(void **state)
{
    char *readme = unit_read_src("README.md", NULL);
    char *man = unroff(unit_read_src("doc/dpia.1", NULL));
    for (int i = 0; i < keys_count; i++) {
        if (!strstr(readme, keys_table[i].help))
            fail_msg("README.md does not list '%s'", keys_table[i].help);
        if (!strstr(man, keys_table[i].help))
            fail_msg("doc/dpia.1 does not list '%s'", keys_table[i].help);
    }
    free(readme);
    free(man);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_conflicts),
        cmocka_unit_test(test_lookup),
        cmocka_unit_test(test_documented),
    };
    return cmocka_run_group_tests_name("keys", tests, NULL, NULL);
}
