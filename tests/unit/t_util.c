/* Unit tests of util: UTF-8 handling, neutralising control characters,
 * column measuring, SHA-256, paths, the string buffer. */
#include "config.h"

#include <locale.h>

#include "unit.h"
#include "util/buf.h"
#include "util/path.h"
#include "util/sha256.h"
#include "util/text.h"
#include "util/xalloc.h"

static void test_utf8_validity(void **state)
{
    assert_true(text_valid_utf8("caf\xc3\xa9", 5));
    assert_true(text_valid_utf8("\xe6\x97\xa5\xe6\x9c\xac", 6));
    assert_false(text_valid_utf8("\xc3", 1));          /* cut short */
    assert_false(text_valid_utf8("\xc0\xaf", 2));      /* overlong '/' */
    assert_false(text_valid_utf8("\xed\xa0\x80", 3));  /* surrogate */
    assert_false(text_valid_utf8("\xff", 1));
    assert_true(text_valid_utf8("\xef\xbf\xbd", 3));   /* a real U+FFFD */
    /* ASCII is checked eight bytes at a time: a bad byte, or a sequence
     * cut by the end, at every place around those steps. */
    char text[40];
    for (size_t at = 0; at < 24; at++) {
        memset(text, 'a', sizeof text);
        text[at] = (char)0xff;
        assert_false(text_valid_utf8(text, 24));
        assert_true(text_valid_utf8(text, at));
        memcpy(text + at, "\xc3\xa9", 2);
        assert_true(text_valid_utf8(text, 26));
        assert_false(text_valid_utf8(text, at + 1));
    }
}

static void test_sanitize_escapes(void **state)
{
    char *s = text_sanitize("a\x1b[2Jb\x07" "c\xc2\x9b" "d", false);
    /* No byte of the result may be a control character. */
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        assert_true(*p >= 0x20 && *p != 0x7f);
    assert_null(strchr(s, 0x1b));
    assert_non_null(strstr(s, "\xe2\x90\x9b[2Jb"));  /* ESC shown as a symbol */
    assert_non_null(strstr(s, "d"));
    free(s);
    s = text_sanitize("line1\nline2", true);
    assert_string_equal(s, "line1\nline2");
    free(s);
    s = text_sanitize("line1\nline2\t!", false);
    assert_null(strchr(s, '\n'));
    free(s);
    s = text_sanitize("bad\xff!", false);
    assert_string_equal(s, "bad\xef\xbf\xbd!");
    free(s);
}

static void test_sanitize_bidi(void **state)
{
    /* The bidirectional controls are neutralised like the other
     * controls, and measured as the one column they are drawn in. */
    static const char *const bidi[] = { "\xe2\x80\xaa", "\xe2\x80\xae", "\xe2\x81\xa6",
                                        "\xe2\x81\xa9", "\xe2\x80\x8e", "\xe2\x80\x8f",
                                        "\xd8\x9c" };
    for (size_t i = 0; i < sizeof bidi / sizeof bidi[0]; i++) {
        char in[32];
        snprintf(in, sizeof in, "a%sb", bidi[i]);
        char *s = text_sanitize(in, false);
        assert_string_equal(s, "a\xef\xbf\xbd" "b");
        free(s);
        assert_int_equal(text_width(in), 3);
    }
    assert_true(text_is_bidi(0x202E));
    assert_false(text_is_bidi(0x05D0)); /* a Hebrew letter is text */
    char *s = text_sanitize("\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d", false);
    assert_string_equal(s, "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d");
    free(s);
}

static void test_width_and_fit(void **state)
{
    assert_int_equal(text_width("abc"), 3);
    assert_int_equal(text_width("caf\xc3\xa9"), 4);
    assert_int_equal(text_width("\xe6\x97\xa5\xe6\x9c\xac"), 4); /* two CJK, two columns each */
    /* Cutting never splits a character and respects double width. */
    assert_int_equal(text_fit("\xe6\x97\xa5\xe6\x9c\xac", 3), 3);
    assert_int_equal(text_fit("\xe6\x97\xa5\xe6\x9c\xac", 4), 6);
    assert_int_equal(text_fit("caf\xc3\xa9!", 4), 5);
}

/* cut = text_cut(s, cols, ellipsis) is want, and no wider than cols. */
static void check_cut(const char *s, int cols, const char *ellipsis, const char *want)
{
    char *cut = text_cut(s, cols, ellipsis);
    assert_string_equal(cut, want);
    assert_true(text_width(cut) <= (cols > 0 ? cols : 0));
    assert_true(text_valid_utf8(cut, strlen(cut)));
    free(cut);
}

static void test_line_cut(void **state)
{
    char *r = text_line_cut("one line", 20, "\xE2\x80\xA6");
    assert_string_equal(r, "one line");
    free(r);
    r = text_line_cut("first\nsecond", 20, "\xE2\x80\xA6");
    assert_string_equal(r, "first\xE2\x80\xA6");
    free(r);
    r = text_line_cut("a longer first line\nsecond", 8, "...");
    assert_string_equal(r, "a lon...");
    free(r);
}

static void test_cut(void **state)
{
    const char *u = TEXT_ELLIPSIS_UTF8, *a = TEXT_ELLIPSIS_ASCII;
    /* ASCII: what fits is kept whole; a cut ends in the ellipsis. */
    check_cut("Consent (Art. 6(1)(a))", 30, u, "Consent (Art. 6(1)(a))");
    check_cut("Consent (Art. 6(1)(a))", 22, u, "Consent (Art. 6(1)(a))");
    check_cut("Consent (Art. 6(1)(a))", 21, u, "Consent (Art. 6(1)(a\xe2\x80\xa6");
    check_cut("Consent (Art. 6(1)(a))", 10, u, "Consent (\xe2\x80\xa6");
    check_cut("Consent (Art. 6(1)(a))", 10, a, "Consent...");
    check_cut("", 5, u, "");
    /* Multi-byte: the cut falls between characters, never inside one. */
    check_cut("caf\xc3\xa9s cr\xc3\xa8me", 5, u, "caf\xc3\xa9\xe2\x80\xa6");
    check_cut("caf\xc3\xa9s cr\xc3\xa8me", 4, u, "caf\xe2\x80\xa6");
    check_cut("caf\xc3\xa9s cr\xc3\xa8me", 4, a, "c...");
    /* A combining accent stays with its letter. */
    check_cut("cafe\xcc\x81s!", 5, u, "cafe\xcc\x81\xe2\x80\xa6");
    /* Wide CJK (two columns each): a character that would straddle the
     * limit is left out whole. */
    check_cut("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 6, u,
              "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e");
    check_cut("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 5, u, "\xe6\x97\xa5\xe6\x9c\xac\xe2\x80\xa6");
    check_cut("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 4, u, "\xe6\x97\xa5\xe2\x80\xa6");
    check_cut("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 2, u, "\xe2\x80\xa6");
    /* Widths 0, 1 and 2. */
    check_cut("abc", 0, u, "");
    check_cut("abc", -3, u, "");
    check_cut("abc", 1, u, "\xe2\x80\xa6");
    check_cut("abc", 2, u, "a\xe2\x80\xa6");
    check_cut("abc", 1, a, ".");
    check_cut("abc", 2, a, "..");
    check_cut("ab", 2, a, "ab");
    check_cut("\xe6\x97\xa5", 1, u, "\xe2\x80\xa6");
    check_cut("\xe6\x97\xa5", 2, u, "\xe6\x97\xa5");
}

static void test_squeeze(void **state)
{
    char *s = text_squeeze("  one\n   two \n\n  three  ", true);
    assert_string_equal(s, "one two\n\nthree");
    free(s);
    s = text_squeeze("  one\n\n two ", false);
    assert_string_equal(s, "one two");
    free(s);
}

static void sha256_vectors(void)
{
    char hex[65];
    sha256_of("", 0, hex);
    assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    sha256_of("abc", 3, hex);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    /* Across block boundaries, fed in pieces. */
    struct sha256 c;
    sha256_init(&c);
    for (int i = 0; i < 1000; i++)
        sha256_update(&c, "a", 1);
    sha256_hex(&c, hex);
    assert_string_equal(hex, "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
    /* FIPS 180-4's two-block message, and a million a's in one call. */
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    sha256_of(two, strlen(two), hex);
    assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    char *million = xmalloc(1000000);
    memset(million, 'a', 1000000);
    sha256_of(million, 1000000, hex);
    assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    free(million);
}

/* n pseudo-random bytes (the caller frees). */
static unsigned char *random_bytes(size_t n)
{
    unsigned char *p = xmalloc(n + 1);
    uint32_t x = 2463534242u;
    for (size_t i = 0; i < n; i++) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        p[i] = (unsigned char)x;
    }
    return p;
}

/* The standard digests, and the same digest of every length around
 * the block size whether the bytes come in pieces of 1 to 200 or in one
 * call. */
static void test_sha256(void **state)
{
    sha256_vectors();
    for (size_t n = 0; n < 300; n += (n < 140 ? 1 : 37)) {
        unsigned char *p = random_bytes(n);
        struct sha256 c;
        sha256_init(&c);
        for (size_t off = 0, k = 1; off < n; k = k % 200 + 1) {
            size_t m = k < n - off ? k : n - off;
            sha256_update(&c, p + off, m);
            off += m;
        }
        char a[65], b[65];
        sha256_hex(&c, a);
        sha256_of(p, n, b);
        free(p);
        assert_string_equal(a, b);
    }
}

/* File names from titles: the letters of French, German and the other
 * Latin languages without their diacritics, never a letter lost. */
static void test_slug(void **state)
{
    const char *cases[][2] = {
        { "Programme de fidélité — profils d'écoute", "programme-de-fidelite-profils-d-ecoute" },
        { "Straße: Übersicht der Maßnahmen", "strasse-ubersicht-der-massnahmen" },
        { "Œuvre, Ærø, Łódź, Þing", "oeuvre-aero-lodz-thing" },
        { "Viewing factoids: tweets", "viewing-factoids-tweets" },
        { "  --  ", "assessment" },
        { "\xe6\x97\xa5\xe6\x9c\xac", "assessment" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *s = text_slug(cases[i][0], 48, "assessment");
        assert_string_equal(s, cases[i][1]);
        free(s);
    }
    /* Cut at the limit, never in the middle of a letter's two. */
    char *s = text_slug("ææææææ", 5, "x");
    assert_string_equal(s, "aeae");
    free(s);
}

static void test_paths(void **state)
{
    setenv("XDG_DATA_HOME", "/x/data", 1);
    unsetenv("DPIA_DB");
    char *p = path_database(NULL);
    assert_string_equal(p, "/x/data/dpia/dpia.sqlite");
    free(p);
    setenv("DPIA_DB", "/tmp/other.sqlite", 1);
    p = path_database(NULL);
    assert_string_equal(p, "/tmp/other.sqlite");
    free(p);
    p = path_database("given.sqlite");
    assert_string_equal(p, "given.sqlite");
    free(p);
    unsetenv("DPIA_DB");
    unsetenv("XDG_DATA_HOME");
    setenv("HOME", "/home/dpo", 1);
    p = path_database(NULL);
    assert_string_equal(p, "/home/dpo/.local/share/dpia/dpia.sqlite");
    free(p);
    p = path_dirname("a/b/c.xml");
    assert_string_equal(p, "a/b");
    free(p);
    p = path_dirname("c.xml");
    assert_string_equal(p, ".");
    free(p);
}

static void test_buf(void **state)
{
    struct buf b = {0};
    assert_string_equal(buf_str(&b), "");
    buf_adds(&b, "risk ");
    buf_printf(&b, "R%d", 12);
    buf_addc(&b, '!');
    assert_string_equal(buf_str(&b), "risk R12!");
    assert_int_equal(b.len, 9);
    char *s = buf_take(&b);
    assert_string_equal(s, "risk R12!");
    assert_null(b.data);
    free(s);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_validity),
        cmocka_unit_test(test_sanitize_escapes),
        cmocka_unit_test(test_sanitize_bidi),
        cmocka_unit_test(test_width_and_fit),
        cmocka_unit_test(test_cut),
        cmocka_unit_test(test_line_cut),
        cmocka_unit_test(test_squeeze),
        cmocka_unit_test(test_sha256),
        cmocka_unit_test(test_slug),
        cmocka_unit_test(test_paths),
        cmocka_unit_test(test_buf),
    };
    return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
