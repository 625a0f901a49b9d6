/*
 * dpia table: the rows of a table question, listed, added, changed and
 * deleted one at a time. Every change goes through ops/ as an answer of
 * the whole table, so it is checked, logged and refused on a conflict as
 * `dpia answer` is.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "core/logic.h"
#include "core/table.h"
#include "ops/ops.h"
#include "util/err.h"
#include "util/i18n.h"

#define TABLE_USAGE                                                                          \
    "usage: dpia table ID QUESTION, dpia table ID QUESTION add COLUMN=VALUE..., dpia table "  \
    "ID QUESTION set REF COLUMN=VALUE... or dpia table ID QUESTION delete REF"

static int list_rows(const struct assessment *a, const struct tmpl_question *q)
{
    struct table t;
    struct err e;
    const char *v = assess_value(a, q->id);
    if (table_parse(q, v ? v : "", &t, &e) < 0) {
        msg_error("%s: %s", q->id, e.text);
        return EXIT_WORK;
    }
    fputs("ref", stdout);
    for (size_t c = 0; c < q->ncolumns; c++) {
        putchar('\t');
        cli_put_tsv(stdout, q->columns[c].id);
    }
    putchar('\n');
    for (size_t i = 0; i < t.nrows; i++) {
        char ref[TABLE_PREFIX_MAX + 12];
        table_ref(q, t.rows[i].number, ref, sizeof ref);
        cli_put_tsv(stdout, ref);
        for (size_t c = 0; c < t.ncols; c++) {
            putchar('\t');
            cli_put_tsv(stdout, t.rows[i].cells[c]);
        }
        putchar('\n');
    }
    table_free(&t);
    return 0;
}

int cmd_table(const struct cli_global *g, int argc, char **argv)
{
    /* No options: a value may start with a dash. */
    int n = argc - 1;
    char **args = argv + 1;
    if (n >= 1 && strcmp(args[0], "--") == 0)
        n--, args++;
    const char *verb = n >= 3 ? args[2] : NULL;
    bool ok = n == 2 || (verb && strcmp(verb, "add") == 0 && n >= 4) ||
              (verb && strcmp(verb, "set") == 0 && n >= 5) ||
              (verb && strcmp(verb, "delete") == 0 && n == 4);
    if (!ok) {
        msg_error(TABLE_USAGE);
        return EXIT_USAGE;
    }
    struct store *s;
    int rc;
    struct assessment *a = cli_open_load(g, n > 2, args[0], &s, &rc);
    if (!a)
        return rc;
    struct err e;
    const struct tmpl_question *q = tmpl_find_question(a->tmpl, args[1]);
    /* As dpia answer says: rows of a question not asked stay out of the
     * reports. */
    if (q && q->type == QT_TABLE && verb && strcmp(verb, "delete") != 0 && !logic_shown(a, q))
        msg_warn(_("%s is not asked with the current answers (its condition does not hold); the "
                 "rows are kept anyway"), q->id);
    if (!q) {
        msg_error(_("template '%s' has no question '%s'"), a->tmpl->id, args[1]);
        rc = EXIT_WORK;
    } else if (q->type != QT_TABLE) {
        msg_error(_("%s is not a table question (it is %s)"), q->id, tmpl_qtype_label(q->type));
        rc = EXIT_WORK;
    } else if (n == 2) {
        rc = list_rows(a, q);
    } else if (strcmp(verb, "add") == 0) {
        int number;
        if (ops_table_add(s, a, q->id, args + 3, (size_t)(n - 3), &number, &e) < 0) {
            msg_error("%s", e.text);
            rc = EXIT_WORK;
        } else {
            char ref[TABLE_PREFIX_MAX + 12];
            table_ref(q, number, ref, sizeof ref);
            printf("%s\n", ref);
        }
    } else {
        int number = ops_table_row(q, args[3], &e);
        if (number < 0 ||
            (strcmp(verb, "set") == 0
                 ? ops_table_set(s, a, q->id, number, args + 4, (size_t)(n - 4), &e)
                 : ops_table_delete(s, a, q->id, number, &e)) < 0) {
            msg_error("%s", e.text);
            rc = EXIT_WORK;
        }
    }
    assess_free(a);
    store_close(s);
    return rc;
}
