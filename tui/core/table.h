/*
 * Table answers: the answer to a question of type "table" is a list of
 * numbered rows with typed columns (the template's tmpl_column), which
 * other rows and risks cite by reference: "D3" is row 3 of the table
 * whose prefix is "D".
 *
 * The canonical form kept in the database and in the record's <value>
 * has one line per row, in the order the rows are kept: the row's
 * number in decimal, then for each column of the template, in order, a
 * tab and the cell. A cell is one line of text (core/textrule.h, TK_LINE)
 * in its column's canonical form:
 *
 *   text   the text, trimmed
 *   choice one option value
 *   yesno  "yes" or "no"
 *   date   YYYY-MM-DD, a real calendar date
 *   ref    one reference, "D3"
 *   refs   references separated by one space, no repeats, in the order
 *          given
 *
 * and "" for an empty cell. Row numbers are unique and at least 1; a new
 * row takes the highest number in the table plus one, and a row keeps
 * its number for life (deleting D2 does not make D3 into D2). The number
 * of a deleted last row can come back for a new row: nothing cites it
 * then, since a cited row cannot be deleted. A row whose
 * cells are all empty is dropped; no rows is the empty value, "not
 * answered".
 *
 * Whether a cited row exists depends on the whole assessment: answer
 * checks (answer_canonical) hold a reference to its column's table and
 * to the reference syntax; table_dangling and table_citations (with an
 * assessment) say which references point nowhere and who cites a row.
 */
#ifndef DPIA_TABLE_H
#define DPIA_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/assess.h"
#include "core/tmpl.h"
#include "util/err.h"

#define TABLE_MAX_ROWS 999
/* The highest row number a reference can name ("D999999"). */
#define TABLE_MAX_NUMBER 999999
#define TABLE_PREFIX_MAX 3

struct table_row {
    int number;
    char **cells;     /* ncols cells, each owned, never NULL ("" empty) */
};

struct table {
    const struct tmpl_question *q;
    struct table_row *rows;
    size_t nrows;
    size_t ncols;     /* q->ncolumns */
};

/* Parses a canonical or hand-written value of table question q into t
 * (every cell checked against its column; input may give the cells in
 * any column's loose form, as answer_canonical takes for the question
 * types). Returns 0, or -1 with "D3 column 'basis': ..." in e and t
 * empty. An empty value gives no rows. */
int table_parse(const struct tmpl_question *q, const char *value, struct table *t,
                struct err *e);
/* The canonical form of value (as table_parse reads it) when it
 * replaces old (canonical; NULL or "" for none): rows given without a
 * number are numbered past every row of old, never with the number of a
 * row the answer removes, so that what cited that row does not come to
 * cite the new one. The caller frees; NULL with the reason in e. */
char *table_canonical_over(const struct tmpl_question *q, const char *value, const char *old,
                           struct err *e);
/* The canonical form (the caller frees; "" for no rows). */
char *table_format(const struct table *t);
void table_free(struct table *t);

/* The number a new row takes: the highest in the table plus one, or,
 * once the highest is TABLE_MAX_NUMBER, the lowest number no row has. */
int table_next_number(const struct table *t);
/* Adds an empty row at the end, numbered by table_next_number; returns
 * its index in t->rows. */
size_t table_add_row(struct table *t);
/* Removes the row at index i (the others keep their numbers). */
void table_remove_row(struct table *t, size_t i);
/* The row with this number, or NULL. */
const struct table_row *table_find_row(const struct table *t, int number);
/* Sets a cell, checking it against its column (the value in the
 * column's loose form); 0, or -1 with the reason. */
int table_set_cell(struct table *t, size_t row, size_t col, const char *value,
                   struct err *e);

/* A row's reference, "D3", in buf (at least TABLE_PREFIX_MAX + 12). */
void table_ref(const struct tmpl_question *q, int number, char *buf, size_t size);
/* Splits a reference "D3" into the table question of template t with
 * that prefix and the row number; false when it names no table. */
bool table_parse_ref(const struct tmpl *t, const char *ref,
                     const struct tmpl_question **q, int *number);

/* Every reference the assessment holds that points to no row (cells of
 * ref and refs columns, and the rows risks cite: struct risk's
 * "concerns"), as "P2 cites D7" or "R1 cites D7", one per line; "" when
 * none. The caller frees. */
char *table_dangling(const struct assessment *a);
/* Who cites row ref ("D3"): the citing rows ("P2") and risks ("R1"),
 * separated by ", "; "" when nobody does. The caller frees. */
char *table_citations(const struct assessment *a, const char *ref);

/* True when a row of the canonical table value holds cell (a canonical
 * cell) in column col: what a condition on a table's column asks. */
bool table_has_cell(const struct tmpl_question *q, const char *value, size_t col,
                    const char *cell);

/* A table as people read it on one line: each row's reference and its
 * first non-empty cell, "; " between rows ("D1 Viewing history; D2
 * E-mail address"). The caller frees. */
char *table_display(const struct tmpl_question *q, const char *value);
/* One cell as people read it: an option's label, "Yes" or "No", the
 * text or references as they are. The caller frees. */
char *table_cell_display(const struct tmpl_column *c, const char *cell);

/* Whether the assessment may take value (canonical) as the answer to
 * table question q (one of a->tmpl's): 0, or -1 when a row it removes is
 * still cited ("D3 is cited by P2, R1; remove those citations first")
 * or a reference it adds points to no row ("P2 cites D7, which is not a
 * row of the assessment"). References that pointed nowhere before are
 * not its fault. 0 for other question types. */
int table_check_answer(const struct assessment *a, const struct tmpl_question *q,
                       const char *value, struct err *e);
/* Whether risk r (one of a's, by number, or a new one) may cite the rows
 * of its concerns: 0, or -1 naming the rows that do not exist. */
int table_check_risk(const struct assessment *a, const struct risk *r, struct err *e);

#endif
