/*
 * Dates as people write them. One parser for every date field of the
 * interface and every date option of the command line:
 *
 *   2026-03-31   ISO 8601, as stored (also 2026-3-1)
 *   31/03/2026   day, month, year with slashes (also 1/3/2026)
 *   31.03.2026   day, month, year with dots
 *   +30d +2w +6m +1y   that many days, weeks, months or years after
 *                today; a month or a year later keeps the day of the
 *                month when the target month has it, else ends on its
 *                last day (2026-01-31 +1m is 2026-02-28)
 *
 * Spaces around the text are ignored. The years run from 1900 to 2999;
 * a day that does not exist (2026-02-30, 31/04/2026) is refused. Pure:
 * no clock is read, the caller gives today.
 */
#ifndef DPIA_DATE_H
#define DPIA_DATE_H

#include <stdbool.h>

#include "util/err.h"

/* Room for "YYYY-MM-DD" and its NUL. */
#define DATE_ISO_SIZE 11

/* Reads text (any form above) into out as "YYYY-MM-DD". today is
 * "YYYY-MM-DD" (only relative dates need it: NULL refuses them). An
 * empty or blank text gives "" and 0: no date. Returns 0, or -1 with a
 * message in e that quotes the text and says which forms are accepted
 * (out is then ""). */
int date_parse(const char *text, const char *today, char out[DATE_ISO_SIZE], struct err *e);

/* Room for a date as date_display writes it. */
#define DATE_DISPLAY_SIZE 16

/* The date iso ("YYYY-MM-DD") as people of language lang write it:
 * 30/11/2026 (fr), 30.11.2026 (de), 2026-11-30 (en and any other), which
 * date_parse reads back. Anything else is copied as it is. */
const char *date_display(const char *iso, const char *lang, char out[DATE_DISPLAY_SIZE]);

/* True when y-m-d is a day of the calendar (years 1900 to 2999). */
bool date_exists(int y, int m, int d);

/* The number of days of month m (1 to 12) of year y. */
int date_month_days(int y, int m);

#endif
