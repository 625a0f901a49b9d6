/* Unit tests of the date parser (core/date.h): the three written forms,
 * relative dates with the end of the month, leap years, and what is
 * refused with the forms it names. */
#include "config.h"

#include "unit.h"
#include "core/date.h"

/* text read on `today` gives want ("" for no date). */
static void ok(const char *text, const char *today, const char *want)
{
    char out[DATE_ISO_SIZE];
    struct err e = { "" };
    if (date_parse(text, today, out, &e) < 0)
        fail_msg("'%s' refused: %s", text, e.text);
    if (strcmp(out, want) != 0)
        fail_msg("'%s' on %s gave '%s', not '%s'", text, today ? today : "(none)", out, want);
}

/* text refused, with a message quoting it and naming the forms. */
static void bad(const char *text, const char *today)
{
    char out[DATE_ISO_SIZE] = "x";
    struct err e = { "" };
    if (date_parse(text, today, out, &e) == 0)
        fail_msg("'%s' taken as '%s'", text, out);
    assert_string_equal(out, "");
    if (!strstr(e.text, "YYYY-MM-DD") || !strstr(e.text, "DD/MM/YYYY") ||
        !strstr(e.text, "DD.MM.YYYY"))
        fail_msg("'%s': the message names no forms: %s", text, e.text);
}

static void test_forms(void **state)
{
    (void)state;
    ok("2026-03-31", NULL, "2026-03-31");
    ok("31/03/2026", NULL, "2026-03-31");
    ok("31.03.2026", NULL, "2026-03-31");
    ok("  31.03.2026 \t", NULL, "2026-03-31");
    ok("1/3/2026", NULL, "2026-03-01");
    ok("1.3.2026", NULL, "2026-03-01");
    ok("2026-3-1", NULL, "2026-03-01");
    ok("01/12/2026", NULL, "2026-12-01"); /* day first, never month first */
    ok("1900-01-01", NULL, "1900-01-01");
    ok("31/12/2999", NULL, "2999-12-31");
    ok("", NULL, "");
    ok("   ", NULL, "");
}

/* Shown as each language writes a date, and read back by the parser. */
static void test_display(void **state)
{
    char out[DATE_DISPLAY_SIZE];
    assert_string_equal(date_display("2027-03-31", "fr", out), "31/03/2027");
    ok(out, NULL, "2027-03-31");
    assert_string_equal(date_display("2027-03-31", "de", out), "31.03.2027");
    ok(out, NULL, "2027-03-31");
    assert_string_equal(date_display("2027-03-31", "en", out), "2027-03-31");
    assert_string_equal(date_display("2027-03-31", NULL, out), "2027-03-31");
    /* Not a date: as it is. */
    assert_string_equal(date_display("2027-02-30", "fr", out), "2027-02-30");
    assert_string_equal(date_display("soon", "de", out), "soon");
    assert_string_equal(date_display("", "fr", out), "");
}

static void test_leap_years(void **state)
{
    (void)state;
    ok("2024-02-29", NULL, "2024-02-29");
    ok("29/02/2000", NULL, "2000-02-29"); /* divisible by 400 */
    bad("29.02.1900", NULL);              /* by 100, not by 400 */
    bad("2026-02-29", NULL);
    bad("29/02/2100", NULL);
    assert_int_equal(date_month_days(2024, 2), 29);
    assert_int_equal(date_month_days(2026, 2), 28);
    assert_int_equal(date_month_days(2000, 2), 29);
    assert_int_equal(date_month_days(2100, 2), 28);
    assert_int_equal(date_month_days(2026, 4), 30);
    assert_int_equal(date_month_days(2026, 13), 0);
}

static void test_impossible(void **state)
{
    (void)state;
    bad("2026-02-30", NULL);
    bad("31/04/2026", NULL);
    bad("31.06.2026", NULL);
    bad("2026-13-01", NULL);
    bad("00/01/2026", NULL);
    bad("2026-01-00", NULL);
    bad("2026-00-10", NULL);
    bad("1899-12-31", NULL);
    bad("3000-01-01", NULL);
    struct err e;
    char out[DATE_ISO_SIZE];
    assert_int_equal(date_parse("2026-02-30", NULL, out, &e), -1);
    assert_non_null(strstr(e.text, "'2026-02-30' is not a day of the calendar"));
    assert_true(date_exists(2026, 2, 28));
    assert_false(date_exists(2026, 2, 29));
}

static void test_malformed(void **state)
{
    (void)state;
    const char *const texts[] = {
        "tomorrow", "2026/03/31", "31-03-2026", "03/31/2026", "31/03/26", "31/03.2026",
        "2026-03-31x", "x2026-03-31", "2026-03", "2026", "20260331", "2026-003-01",
        "123/03/2026", "31/03/02026", "+", "+6", "+6x", "6m", "-6m", "+6mm", "+ 6m",
        "+123456d", "2026 - 03 - 31", "31 / 03 / 2026", "\xc3\xa9t\xc3\xa9",
        "a date far too long to be any of the forms at all",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        bad(texts[i], "2026-01-31");
}

static void test_relative(void **state)
{
    (void)state;
    ok("+30d", "2026-01-15", "2026-02-14");
    ok("+0d", "2026-01-15", "2026-01-15");
    ok("+1d", "2026-12-31", "2027-01-01");
    ok("+1d", "2024-02-28", "2024-02-29");
    ok("+1d", "2026-02-28", "2026-03-01");
    ok("+365d", "2024-01-01", "2024-12-31");
    ok("+366d", "2024-01-01", "2025-01-01");
    ok("+2w", "2026-12-25", "2027-01-08");
    ok("+1m", "2026-01-31", "2026-02-28");
    ok("+1m", "2024-01-31", "2024-02-29");
    ok("+1m", "2026-03-31", "2026-04-30");
    ok("+1m", "2026-01-15", "2026-02-15");
    ok("+6m", "2026-08-31", "2027-02-28");
    ok("+12m", "2026-05-05", "2027-05-05");
    ok("+13m", "2026-12-31", "2028-01-31");
    ok("+1y", "2024-02-29", "2025-02-28");
    ok("+4y", "2024-02-29", "2028-02-29");
    ok("+1y", "2026-06-30", "2027-06-30");
    ok("+6M", "2026-01-31", "2026-07-31");
    ok(" +1Y ", "2026-01-31", "2027-01-31");
    bad("+1000y", "2026-01-31");
    bad("+99999m", "2026-01-31");
    /* Without today, or with a today that is no date, a relative date
     * cannot be read. */
    bad("+1d", NULL);
    bad("+1d", "2026-02-30");
    bad("+1d", "soon");
}

/* Every day from 1900 to 2999, one day after the other: +1d walks the
 * calendar as the fixed forms read it. */
static void test_walk(void **state)
{
    (void)state;
    char day[DATE_ISO_SIZE] = "1900-01-01", next[DATE_ISO_SIZE];
    int y = 1900, m = 1, d = 1;
    struct err e;
    for (;;) {
        if (++d > date_month_days(y, m)) {
            d = 1;
            if (++m > 12) {
                m = 1;
                y++;
            }
        }
        if (y > 2999)
            break;
        char want[32];
        snprintf(want, sizeof want, "%04d-%02d-%02d", y, m, d);
        if (date_parse("+1d", day, next, &e) < 0)
            fail_msg("+1d on %s refused: %s", day, e.text);
        if (strcmp(next, want) != 0)
            fail_msg("+1d on %s gave %s, not %s", day, next, want);
        memcpy(day, next, sizeof day);
    }
    assert_string_equal(day, "2999-12-31");
    bad("+1d", "2999-12-31");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forms),
        cmocka_unit_test(test_display),
        cmocka_unit_test(test_leap_years),
        cmocka_unit_test(test_impossible),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_relative),
        cmocka_unit_test(test_walk),
    };
    return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
