/*
 * Answer values: checking a value against its question and bringing it
 * to the canonical form kept in the database and the records.
 *
 *   text   any text the rule of core/textrule.h allows in a field of
 *          several lines (carriage returns are dropped first)
 *   yesno  "yes" or "no"
 *   choice one option value
 *   multi  option values, one per line, in the template's option order,
 *          no repeats (input may separate them by commas or newlines)
 *   list   entries, one per line, empty lines dropped, each trimmed
 *   date   YYYY-MM-DD, a real calendar date
 *
 * An empty value means "not answered".
 */
#ifndef DPIA_ANSWER_H
#define DPIA_ANSWER_H

#include <stdbool.h>

#include "core/tmpl.h"
#include "util/err.h"

/* Checks value for question q (every type holds to the text rule of
 * core/textrule.h); returns the canonical form (the caller frees) or
 * NULL with a message that names what is wrong, or the allowed values. */
char *answer_canonical(const struct tmpl_question *q, const char *value, struct err *e);
/* The same for an answer that replaces old (the canonical value kept;
 * NULL for none): a table's new rows are numbered past old's rows
 * (core/table.h, table_canonical_over). */
char *answer_canonical_over(const struct tmpl_question *q, const char *value, const char *old,
                            struct err *e);

/* True when "YYYY-MM-DD" is a real date. */
bool answer_valid_date(const char *s);

/* For multi and list values: the number of lines, and line i copied into
 * out (cut to outsz). */
int answer_count_items(const char *value);
bool answer_item(const char *value, int i, char *out, int outsz);
/* True when a multi value holds the option. */
bool answer_has_item(const char *value, const char *item);

/* A yes or a no as people type it, whatever the case: yes, y, no, n, or
 * the same in French or German (oui, non, ja, nein). 1 for yes, 0 for
 * no, -1 for anything else. */
int answer_yes_no(const char *s, size_t len);

/* The answer as people read it: option labels instead of values, items
 * joined by "; ". The caller frees. */
char *answer_display(const struct tmpl_question *q, const char *value);

#endif
