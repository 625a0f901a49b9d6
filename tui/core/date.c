/* Dates as people write them: the forms of core/date.h read into ISO
 * 8601, with the calendar arithmetic of relative dates. */
#include "config.h"
#include "core/date.h"
#include "util/i18n.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define YEAR_MIN 1900
#define YEAR_MAX 2999
/* The longest amount of a relative date: four digits are more than
 * the years allowed. */
#define AMOUNT_DIGITS 5

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_month_days(int y, int m)
{
    static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m < 1 || m > 12)
        return 0;
    return days[m - 1] + (m == 2 && leap(y));
}

const char *date_display(const char *iso, const char *lang, char out[DATE_DISPLAY_SIZE])
{
    int y, m, d, n = 0;
    char sep = lang && strcmp(lang, "fr") == 0 ? '/' : lang && strcmp(lang, "de") == 0 ? '.' : 0;
    if (!iso || sscanf(iso, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || iso[n] || !sep ||
        !date_exists(y, m, d))
        snprintf(out, DATE_DISPLAY_SIZE, "%s", iso ? iso : "");
    else
        snprintf(out, DATE_DISPLAY_SIZE, "%02d%c%02d%c%04d", d, sep, m, sep, y);
    return out;
}

bool date_exists(int y, int m, int d)
{
    return y >= YEAR_MIN && y <= YEAR_MAX && m >= 1 && m <= 12 && d >= 1 &&
           d <= date_month_days(y, m);
}

/* Days since 0000-03-01 of the proleptic Gregorian calendar, and back
 * (the year taken to start in March, so that a leap day ends it). */
static long day_number(int y, int m, int d)
{
    if (m < 3) {
        y--;
        m += 12;
    }
    return 365L * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d - 1;
}

static void from_day_number(long n, int *y, int *m, int *d)
{
    long yy = (10000 * n + 14780) / 3652425;
    long doy = n - (365 * yy + yy / 4 - yy / 100 + yy / 400);
    if (doy < 0) {
        yy--;
        doy = n - (365 * yy + yy / 4 - yy / 100 + yy / 400);
    }
    long mi = (100 * doy + 52) / 3060;
    *d = (int)(doy - (mi * 306 + 5) / 10 + 1);
    *m = (int)((mi + 2) % 12 + 1);
    *y = (int)(yy + (mi + 2) / 12);
}

/* Reads 1 to max digits at *p into *v; false when there are none or
 * more than max. */
static bool digits(const char **p, int max, int *v)
{
    int n = 0;
    long x = 0;
    while (isdigit((unsigned char)**p)) {
        if (++n > max)
            return false;
        x = x * 10 + (**p - '0');
        (*p)++;
    }
    *v = (int)x;
    return n > 0;
}

/* The exact number of digits, no more, no fewer. */
static bool digits_exact(const char **p, int count, int *v)
{
    const char *start = *p;
    return digits(p, count, v) && *p - start == count;
}

/* The fixed forms: y, m, d filled when text is one of them. */
static bool read_fixed(const char *s, int *y, int *m, int *d)
{
    const char *p = s;
    if (digits_exact(&p, 4, y)) {
        if (*p++ != '-' || !digits(&p, 2, m) || *p++ != '-' || !digits(&p, 2, d))
            return false;
        return *p == '\0';
    }
    p = s;
    if (!digits(&p, 2, d))
        return false;
    char sep = *p++;
    if (sep != '/' && sep != '.')
        return false;
    if (!digits(&p, 2, m) || *p++ != sep || !digits_exact(&p, 4, y))
        return false;
    return *p == '\0';
}

/* "+30d": *amount and *unit (lower case) when text has that form. */
static bool read_relative(const char *s, int *amount, char *unit)
{
    const char *p = s;
    if (*p++ != '+' || !digits(&p, AMOUNT_DIGITS, amount))
        return false;
    char u = (char)tolower((unsigned char)*p);
    if (u != 'd' && u != 'w' && u != 'm' && u != 'y')
        return false;
    *unit = u;
    return p[1] == '\0';
}

/* today + amount of unit into y, m, d; false when today is not a date. */
static bool add_relative(const char *today, int amount, char unit, int *y, int *m, int *d)
{
    if (!today || !read_fixed(today, y, m, d) || !date_exists(*y, *m, *d))
        return false;
    if (unit == 'd' || unit == 'w') {
        long n = day_number(*y, *m, *d) + (long)amount * (unit == 'w' ? 7 : 1);
        from_day_number(n, y, m, d);
        return true;
    }
    long months = (long)*y * 12 + (*m - 1) + (long)amount * (unit == 'y' ? 12 : 1);
    if (months / 12 > YEAR_MAX) {
        *y = YEAR_MAX + 1;
        return true;
    }
    *y = (int)(months / 12);
    *m = (int)(months % 12) + 1;
    int last = date_month_days(*y, *m);
    if (*d > last)
        *d = last;
    return true;
}

int date_parse(const char *text, const char *today, char out[DATE_ISO_SIZE], struct err *e)
{
    out[0] = '\0';
    while (isspace((unsigned char)*text))
        text++;
    size_t len = strlen(text);
    while (len > 0 && isspace((unsigned char)text[len - 1]))
        len--;
    if (len == 0)
        return 0;
    char s[32];
    if (len >= sizeof s)
        return err_set(e, _("'%.20s...' is not a date: write it as YYYY-MM-DD, DD/MM/YYYY or "
                          "DD.MM.YYYY, or as a time from today such as +30d, +2w, +6m or +1y."),
                       text);
    memcpy(s, text, len);
    s[len] = '\0';

    int y = 0, m = 0, d = 0, amount;
    char unit;
    if (read_relative(s, &amount, &unit)) {
        if (!add_relative(today, amount, unit, &y, &m, &d))
            return err_set(e, _("'%s' is counted from today, and today's date is not known: "
                              "write the date as YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY."), s);
        if (y > YEAR_MAX)
            return err_set(e, _("'%s' falls after the year %d: write a nearer date as YYYY-MM-DD, "
                              "DD/MM/YYYY or DD.MM.YYYY, or as +30d, +2w, +6m or +1y."),
                           s, YEAR_MAX);
    } else if (!read_fixed(s, &y, &m, &d)) {
        return err_set(e, _("'%s' is not a date: write it as YYYY-MM-DD, DD/MM/YYYY or "
                          "DD.MM.YYYY, or as a time from today such as +30d, +2w, +6m or +1y."),
                       s);
    }
    if (y < YEAR_MIN || y > YEAR_MAX)
        return err_set(e, _("'%s' is not a year from %d to %d: write the date as YYYY-MM-DD, "
                          "DD/MM/YYYY or DD.MM.YYYY, or as +30d, +2w, +6m or +1y."),
                       s, YEAR_MIN, YEAR_MAX);
    if (!date_exists(y, m, d))
        return err_set(e, _("'%s' is not a day of the calendar: write a real date as "
                          "YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY, or as +30d, +2w, +6m or +1y."),
                       s);
    snprintf(out, DATE_ISO_SIZE, "%04d-%02d-%02d", y, m, d);
    return 0;
}
