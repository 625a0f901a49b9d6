/* The key table: no key means two things on one screen or in one
 * dialog, Esc and Backspace never go back to the list, the status bar's
 * mode follows the keys in force, and the README
 * and the man page list every action of every context with its keys
 * (they are kept in step with it). */
#include "config.h"

#include "unit.h"
#include "ui/app.h"
#include "ui/keys.h"

static void test_no_conflicts(void **state)
{
    for (int c = 0; c < keys_ncontexts; c++) {
        unsigned ctx = keys_contexts[c].context;
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

/* Every action works somewhere the help screen lists. */
static void test_contexts(void **state)
{
    unsigned all = 0;
    for (int c = 0; c < keys_ncontexts; c++) {
        assert_true(keys_contexts[c].heading[0]);
        all |= keys_contexts[c].context;
    }
    for (int i = 0; i < keys_count; i++)
        if (!keys_table[i].contexts || (keys_table[i].contexts & ~all))
            fail_msg("'%s' is bound in a context with no heading", keys_table[i].label);
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
    /* Nor do global keys reach through a list, form or dialog. */
    assert_int_equal(keys_lookup('q', KC_CHOOSE | KC_GLOBAL), ACT_NONE);
    assert_int_equal(keys_lookup('?', KC_FORM | KC_GLOBAL), ACT_NONE);
    /* Back to the list has a key of its own: not Esc, not Backspace. */
    unsigned screens[] = { KC_ASSESS, KC_TABLE, KC_SIGNOFF };
    for (int i = 0; i < 3; i++) {
        unsigned c = screens[i] | KC_GLOBAL;
        assert_int_equal(keys_lookup('L', c), ACT_BACK);
        assert_int_equal(keys_lookup(KEY_ESC, c), ACT_NONE);
        assert_int_equal(keys_lookup(KEY_BACKSPACE, c), ACT_NONE);
        assert_int_equal(keys_lookup(127, c), ACT_NONE);
    }
    /* The register opens from the list with r, and Esc, q and L go back
     * to the list from it (q does not leave dpia there). */
    assert_int_equal(keys_lookup('r', KC_HOME | KC_GLOBAL), ACT_REGISTER);
    assert_int_equal(keys_lookup(KEY_ESC, KC_REGISTER | KC_GLOBAL), ACT_REG_CLOSE);
    assert_int_equal(keys_lookup('q', KC_REGISTER | KC_GLOBAL), ACT_REG_CLOSE);
    assert_int_equal(keys_lookup('L', KC_REGISTER | KC_GLOBAL), ACT_BACK);
    /* What waits for you from the list; the review, the comments and the
     * people from an assessment; Esc and q back from those two (q does
     * not leave dpia there). */
    assert_int_equal(keys_lookup('w', KC_HOME | KC_GLOBAL), ACT_WAITING);
    assert_int_equal(keys_lookup('r', KC_ASSESS | KC_GLOBAL), ACT_REVIEW);
    assert_int_equal(keys_lookup('r', KC_SIGNOFF | KC_GLOBAL), ACT_REVIEW);
    assert_int_equal(keys_lookup('c', KC_ASSESS | KC_GLOBAL), ACT_COMMENT);
    assert_int_equal(keys_lookup('M', KC_TABLE | KC_GLOBAL), ACT_MEMBERS);
    assert_int_equal(keys_lookup(KEY_ESC, KC_COMMENTS | KC_GLOBAL), ACT_PANE_CLOSE);
    assert_int_equal(keys_lookup('q', KC_MEMBERS | KC_GLOBAL), ACT_PANE_CLOSE);
    assert_int_equal(keys_lookup('\n', KC_COMMENTS | KC_GLOBAL), ACT_CMT_REPLY);
    /* Esc leaves what it is in. */
    assert_int_equal(keys_lookup(KEY_ESC, KC_CHOOSE), ACT_CANCEL);
    assert_int_equal(keys_lookup(KEY_ESC, KC_LINE), ACT_CANCEL);
    assert_int_equal(keys_lookup(KEY_ESC, KC_DIALOG), ACT_CANCEL);
    assert_int_equal(keys_lookup(KEY_ESC, KC_FORM), ACT_FORM_DONE);
    assert_int_equal(keys_lookup(KEY_ESC, KC_LIST), ACT_DONE);
    /* The editor's keys: DEL is Backspace, ^H too. */
    assert_int_equal(keys_lookup(127, KC_EDIT), ACT_ERASE);
    assert_int_equal(keys_lookup(CTRL_KEY('h'), KC_EDIT), ACT_ERASE);
    assert_int_equal(keys_lookup(KEY_UP, KC_EDIT), ACT_ROW_UP);
    assert_int_equal(keys_lookup(' ', KC_CHOOSE), ACT_TOGGLE);
    assert_int_equal(keys_lookup(KEY_END, KC_HELP | KC_GLOBAL), ACT_LIST_BOTTOM);
    /* A character beyond ASCII is text, never a KEY_* code. */
    assert_int_equal(keys_code(0x103, false), 0);
    assert_int_equal(keys_code(KEY_UP, true), KEY_UP);
}

/* The modes the status bar shows follow the keys in force (a screen's,
 * or a dialog's or form's over it), and the ones set for the whole
 * interface or a screen stay until cleared. */
static void test_modes(void **state)
{
    struct app a;
    struct screen s;
    memset(&a, 0, sizeof a);
    memset(&s, 0, sizeof s);
    a.top = &s;
    s.context = KC_ASSESS;
    assert_int_equal(app_modes(&a), 0);
    s.context = KC_EDIT;
    assert_int_equal(app_modes(&a), UI_MODE_EDIT);
    s.context = KC_CHOOSE;
    assert_int_equal(app_modes(&a), UI_MODE_CHOOSE);
    s.context = KC_ASSESS;
    struct app_keys before = app_context_begin(&a, KC_LINE);
    assert_int_equal(app_modes(&a), UI_MODE_EDIT);
    struct app_keys inner = app_context_begin(&a, KC_DIALOG);
    assert_int_equal(app_modes(&a), 0);
    app_context_end(&a, inner);
    assert_int_equal(app_modes(&a), UI_MODE_EDIT);
    app_context_end(&a, before);
    assert_int_equal(app_modes(&a), 0);
    before = app_context_begin(&a, KC_FORM);
    app_context_modes(&a, UI_MODE_EDIT);
    assert_int_equal(app_modes(&a), UI_MODE_EDIT);
    app_context_end(&a, before);
    assert_int_equal(app_modes(&a), 0);
    app_set_mode(&a, UI_MODE_PRESENT, true);
    s.modes = UI_MODE_READ_ONLY;
    assert_int_equal(app_modes(&a), UI_MODE_PRESENT | UI_MODE_READ_ONLY);
    app_set_mode(&a, UI_MODE_PRESENT, false);
    s.modes = 0;
    assert_int_equal(app_modes(&a), 0);
    assert_string_equal(app_mode_label(UI_MODE_EDIT), "EDIT");
    assert_string_equal(app_mode_label(UI_MODE_CHOOSE), "CHOOSE: Space toggles");
    assert_string_equal(app_mode_label(UI_MODE_READ_ONLY), "READ-ONLY");
    assert_string_equal(app_mode_label(UI_MODE_PRESENT), "PRESENT");
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

/* The text of a document after start (which ends in a line break, kept)
 * up to the next of the ends (its line break kept), or the end. The
 * caller frees. */
static char *section(const char *doc, const char *start, const char *const *ends, int nends)
{
    const char *a = strstr(doc, start);
    if (!a)
        return NULL;
    a += strlen(start) - 1; /* from the line break after the heading */
    const char *b = a + strlen(a);
    for (int i = 0; i < nends; i++) {
        const char *e = strstr(a, ends[i]);
        if (e && e + 1 < b)
            b = e + 1; /* the line break before the end stays */
    }
    return strndup(a, (size_t)(b - a));
}

static int count(const char *s, const char *what)
{
    int n = 0;
    for (const char *p = s; (p = strstr(p, what)); p += strlen(what))
        n++;
    return n;
}

/* "`Up`, `k`" (README) or "Up, k" (man): the keys as both list them. */
static void key_text(const struct key_binding *b, const char *quote, char *out, size_t outsz)
{
    char k1[16], k2[16];
    keys_name(b->key1, k1, sizeof k1);
    if (b->key2 && strcmp(keys_name(b->key2, k2, sizeof k2), k1) != 0)
        snprintf(out, outsz, "%s%s%s, %s%s%s", quote, k1, quote, quote, k2, quote);
    else
        snprintf(out, outsz, "%s%s%s", quote, k1, quote);
}

/* Each context of the table has its heading in the README (a bold line
 * and a table) and in the man page (.SS), with a row for each of its
 * actions, keys and help text, and no other row. */
static void test_documented(void **state)
{
    char *readme = unit_read_src("README.md", NULL);
    char *man = unroff(unit_read_src("doc/dpia.1", NULL));
    static const char *const readme_ends[] = { "\n**", "\n#", "\n\n\n" };
    static const char *const man_ends[] = { "\n.SS", "\n.SH", "\n.PP" };
    for (int c = 0; c < keys_ncontexts; c++) {
        const char *h = keys_contexts[c].heading;
        char start[128];
        snprintf(start, sizeof start, "\n**%s**\n", h);
        char *rs = section(readme, start, readme_ends, 3);
        snprintf(start, sizeof start, "\n.SS %s\n", h);
        char *ms = section(man, start, man_ends, 3);
        if (!rs)
            fail_msg("README.md has no '**%s**' table of keys", h);
        if (!ms)
            fail_msg("doc/dpia.1 has no '.SS %s' list of keys", h);
        int n = 0;
        for (int i = 0; i < keys_count; i++) {
            const struct key_binding *b = &keys_table[i];
            if (!(b->contexts & keys_contexts[c].context))
                continue;
            n++;
            char k[64], row[512];
            key_text(b, "`", k, sizeof k);
            snprintf(row, sizeof row, "\n| %s | %s |\n", k, b->help);
            if (!strstr(rs, row))
                fail_msg("README.md, %s: no row '%s | %s'", h, k, b->help);
            key_text(b, "", k, sizeof k);
            snprintf(row, sizeof row, "\n.B %s\n%s\n", k, b->help);
            if (!strstr(ms, row))
                fail_msg("doc/dpia.1, %s: no entry '%s: %s'", h, k, b->help);
        }
        /* The header row and the rule are rows too. */
        if (count(rs, "\n| ") != n + 2)
            fail_msg("README.md, %s: %d rows of keys, the table has %d", h,
                     count(rs, "\n| ") - 2, n);
        if (count(ms, "\n.TP\n") != n)
            fail_msg("doc/dpia.1, %s: %d entries, the table has %d", h, count(ms, "\n.TP\n"), n);
        free(rs);
        free(ms);
    }
    free(readme);
    free(man);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_conflicts),
        cmocka_unit_test(test_contexts),
        cmocka_unit_test(test_lookup),
        cmocka_unit_test(test_modes),
        cmocka_unit_test(test_documented),
    };
    return cmocka_run_group_tests_name("keys", tests, NULL, NULL);
}
