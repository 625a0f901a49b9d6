/*
 * A helper for the store's shell tests:
 *
 *   storetool writer DB ID PREFIX N   writes answers PREFIX.1 .. PREFIX.N
 *                                     (N = 0: until killed) to assessment
 *                                     ID, printing each question id once
 *                                     store_set_answer has returned
 *   storetool check DB                PRAGMA integrity_check, "ok" or exit 1
 *                                     (a PostgreSQL database: "ok" when
 *                                     the store opens it)
 *   storetool answers DB ID           question<TAB>value, one per line,
 *                                     read through the store (either kind
 *                                     of database)
 *   storetool sql DB SQL              runs SQL straight through SQLite
 *   storetool hold DB SQL             runs SQL (a BEGIN in it leaves its
 *                                     transaction open), prints "held",
 *                                     keeps the connection until standard
 *                                     input ends, then closes it
 *   storetool gen DB N                N assessments with varied answers,
 *                                     risks and measures (one transaction)
 *   storetool big DB ANSWERS HISTORY  one assessment of the built-in
 *                                     template and a section of ANSWERS
 *                                     text questions, all answered, with
 *                                     a few risks and measures, then its
 *                                     answers changed again until the
 *                                     change log holds HISTORY entries;
 *                                     prints its id
 *   storetool session DB ID           a dpia session kept open, as the
 *                                     interface keeps it: opens DB through
 *                                     the store, loads ID, prints "ready",
 *                                     then for each line "QUESTION VALUE"
 *                                     of standard input saves the answer
 *                                     and prints "saved QUESTION" or
 *                                     "error: MESSAGE"; closes at its end
 */
#include "config.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/tmpl.h"
#include "store/store.h"

static int writer(const char *db, const char *ref, const char *prefix, long n)
{
    struct err e;
    struct store *s = store_open(db, false, "writer", &e);
    struct assessment *a = NULL;
    int64_t id = s ? store_resolve(s, ref, &e) : -1;
    if (id >= 0)
        a = store_load(s, id, &e);
    if (!a) {
        fprintf(stderr, "storetool: %s\n", e.text);
        store_close(s);
        return 1;
    }
    for (long i = 1; n == 0 || i <= n; i++) {
        char q[64], v[64];
        snprintf(q, sizeof q, "%s.%ld", prefix, i);
        snprintf(v, sizeof v, "value %ld of %s", i, prefix);
        if (store_set_answer(s, a, q, v, "", false, 0, 0, &e) != 0) {
            fprintf(stderr, "storetool: %s: %s\n", q, e.text);
            assess_free(a);
            store_close(s);
            return 1;
        }
        /* Only now is the answer reported as saved. */
        printf("%s\n", q);
        fflush(stdout);
    }
    assess_free(a);
    store_close(s);
    return 0;
}

static int run_sql(sqlite3 *h, const char *text, bool check)
{
    const char *tail = text;
    int rc = 0;
    while (tail && *tail) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(h, tail, -1, &st, &tail) != SQLITE_OK) {
            fprintf(stderr, "storetool: %s\n", sqlite3_errmsg(h));
            rc = 1;
            break;
        }
        if (!st)
            continue;
        int r;
        while ((r = sqlite3_step(st)) == SQLITE_ROW) {
            for (int i = 0; i < sqlite3_column_count(st); i++) {
                const unsigned char *t = sqlite3_column_text(st, i);
                printf("%s%s", i ? "\t" : "", t ? (const char *)t : "");
                if (check && (!t || strcmp((const char *)t, "ok") != 0))
                    rc = 1;
            }
            putchar('\n');
        }
        if (r != SQLITE_DONE) {
            fprintf(stderr, "storetool: %s\n", sqlite3_errmsg(h));
            rc = 1;
        }
        sqlite3_finalize(st);
    }
    return rc;
}

static sqlite3 *open_db(const char *db, bool read_only)
{
    sqlite3 *h;
    if (sqlite3_open_v2(db, &h, read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE |
                        SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        fprintf(stderr, "storetool: %s: %s\n", db, sqlite3_errmsg(h));
        sqlite3_close(h);
        return NULL;
    }
    sqlite3_busy_timeout(h, 5000);
    return h;
}

static int sql(const char *db, const char *text, bool check)
{
    sqlite3 *h = open_db(db, check);
    if (!h)
        return 1;
    int rc = run_sql(h, text, check);
    sqlite3_close(h);
    return rc;
}

/* Another process that keeps the database open (with a transaction
 * when the SQL begins one) while the test does its work. */
static int hold(const char *db, const char *text)
{
    sqlite3 *h = open_db(db, false);
    if (!h)
        return 1;
    int rc = run_sql(h, text, false);
    if (rc == 0) {
        printf("held\n");
        fflush(stdout);
        while (getchar() != EOF)
            continue;
    }
    sqlite3_close(h);
    return rc;
}

static int answers(const char *db, const char *id)
{
    struct err e;
    struct store *s = store_open(db, true, "reader", &e);
    struct assessment *a = s ? store_load_flags(s, strtol(id, NULL, 10), STORE_LOAD_NO_HISTORY,
                                                &e) : NULL;
    if (!a) {
        fprintf(stderr, "storetool: %s\n", e.text);
        store_close(s);
        return 1;
    }
    for (size_t i = 0; i < a->nanswers; i++)
        printf("%s\t%s\n", a->answers[i].question, a->answers[i].value);
    assess_free(a);
    store_close(s);
    return 0;
}

static int check(const char *db)
{
    if (!store_names_server(db))
        return sql(db, "PRAGMA integrity_check", true);
    struct err e;
    struct store *s = store_open(db, true, "reader", &e);
    if (!s) {
        fprintf(stderr, "storetool: %s\n", e.text);
        return 1;
    }
    store_close(s);
    printf("ok\n");
    return 0;
}

static int gen(const char *db, long n)
{
    struct err e;
    struct store *s = store_open(db, false, "generator", &e);
    if (!s || store_batch_begin(s, &e) < 0) {
        fprintf(stderr, "storetool: %s\n", e.text);
        store_close(s);
        return 1;
    }
    size_t len;
    const char *xml = tmpl_builtin_xml(&len);
    static const char *const yes_no[] = { "yes", "no" };
    for (long i = 1; i <= n; i++) {
        char title[64];
        snprintf(title, sizeof title, "Generated assessment %ld", i);
        int64_t id = store_create(s, title, xml, len, NULL, &e);
        if (id < 0) {
            fprintf(stderr, "storetool: %s\n", e.text);
            store_close(s);
            return 1;
        }
        /* A fresh assessment in memory, the built-in template borrowed:
         * parsing the snapshot 10,000 times would be most of the work. */
        struct assessment *a = assess_new();
        a->id = id;
        a->tmpl = (struct tmpl *)(uintptr_t)tmpl_builtin();
        int ok = store_set_answer(s, a, "scr.evaluation", yes_no[i % 2], "", false, 0, 0, &e);
        if (ok == 0 && i % 3 == 0) {
            struct risk r = { 0 };
            r.title = title;
            r.description = r.source = r.impacts = r.threats = (char *)"";
            r.likelihood_why = r.severity_why = (char *)"";
            r.likelihood_after_why = r.severity_after_why = (char *)"";
            r.likelihood = 1 + (int)(i % 4);
            r.severity = 1 + (int)(i / 3 % 4);
            ok = store_add_risk(s, a, &r, &e);
        }
        if (ok == 0 && i % 7 == 0)
            ok = store_set_status(s, a, i % 14 ? ST_REVIEW : ST_ARCHIVED, &e);
        a->tmpl = NULL;
        assess_free(a);
        if (ok != 0) {
            fprintf(stderr, "storetool: %s\n", e.text);
            store_close(s);
            return 1;
        }
    }
    int rc = store_batch_end(s, true, &e);
    if (rc < 0)
        fprintf(stderr, "storetool: %s\n", e.text);
    store_close(s);
    return rc < 0;
}

/* The built-in template with a section of n text questions before the
 * risk register. */
static char *big_template(long n, size_t *len)
{
    size_t blen;
    const char *base = tmpl_builtin_xml(&blen);
    const char *at = strstr(base, "<section id=\"risks\"");
    if (!at)
        return NULL;
    size_t head = (size_t)(at - base), cap = blen + (size_t)n * 160 + 256, o = head;
    char *xml = malloc(cap);
    memcpy(xml, base, head);
    o += (size_t)snprintf(xml + o, cap - o, "<section id=\"inventory\">\n"
                          "<title>Processing inventory</title>\n");
    for (long i = 1; i <= n; i++)
        o += (size_t)snprintf(xml + o, cap - o, "<question id=\"inv.q%ld\" type=\"text\">"
                              "<prompt>Inventory entry %ld: what is done with it?</prompt>"
                              "</question>\n", i, i);
    o += (size_t)snprintf(xml + o, cap - o, "</section>\n%s", at);
    *len = o;
    return xml;
}

static int big(const char *db, long answers, long history)
{
    struct err e;
    size_t len = 0;
    char *xml = big_template(answers, &len);
    if (!xml)
        return 1;
    struct store *s = store_open(db, false, "generator", &e);
    int64_t id = s && store_batch_begin(s, &e) == 0 ?
        store_create(s, "Group-wide processing inventory", xml, len, NULL, &e) : -1;
    free(xml);
    struct assessment *a = id < 0 ? NULL : store_load_flags(s, id, STORE_LOAD_NO_HISTORY, &e);
    int ok = a ? 0 : -1;
    char q[32], v[160];
    for (long i = 1; ok == 0 && i <= answers; i++) {
        snprintf(q, sizeof q, "inv.q%ld", i);
        snprintf(v, sizeof v, "Entry %ld: kept for thirteen months, then deleted by the nightly "
                 "job; read by four named analysts.", i);
        ok = store_set_answer(s, a, q, v, "", false, 0, 0, &e);
    }
    for (int i = 1; ok == 0 && i <= 20; i++) {
        struct risk r = { 0 };
        snprintf(v, sizeof v, "Re-identification from published figure %d", i);
        r.title = v;
        r.description = r.source = r.impacts = r.threats = (char *)"";
        r.likelihood_why = r.severity_why = (char *)"";
        r.likelihood_after_why = r.severity_after_why = (char *)"";
        r.likelihood = 1 + i % 4;
        r.severity = 1 + i / 4 % 4;
        r.likelihood_after = r.severity_after = 1;
        ok = store_add_risk(s, a, &r, &e);
        struct measure m = { 0 };
        m.title = (char *)"Minimum group size";
        m.description = m.owner = m.due = (char *)"";
        m.risks = &i;
        m.nrisks = 1;
        if (ok == 0 && i % 2)
            ok = store_add_measure(s, a, &m, &e);
    }
    /* Each change again is an entry of its own (no editing session);
     * there are already "created", the answers, 20 risks and 10
     * measures with their risks. */
    for (long k = 0, have = 1 + answers + 20 + 20; ok == 0 && have < history; k++, have++) {
        snprintf(q, sizeof q, "inv.q%ld", 1 + k % answers);
        snprintf(v, sizeof v, "Entry %ld, version %ld: kept for thirteen months.", 1 + k % answers,
                 2 + k / answers);
        const struct answer *an = assess_answer(a, q);
        ok = store_set_answer(s, a, q, v, "", false, an ? an->revision : 0, 0, &e);
    }
    if (ok == 0)
        ok = store_batch_end(s, true, &e);
    if (ok != 0)
        fprintf(stderr, "storetool: %s\n", e.text);
    else
        printf("%lld\n", (long long)id);
    assess_free(a);
    store_close(s);
    return ok != 0;
}

static int session(const char *db, const char *ref)
{
    struct err e;
    struct store *s = store_open(db, false, "session", &e);
    struct assessment *a = NULL;
    int64_t id = s ? store_resolve(s, ref, &e) : -1;
    if (id >= 0)
        a = store_load(s, id, &e);
    if (!a) {
        fprintf(stderr, "storetool: %s\n", e.text);
        store_close(s);
        return 1;
    }
    printf("ready\n");
    fflush(stdout);
    char line[1024];
    int rc = 0;
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = '\0';
        char *value = strchr(line, ' ');
        if (!value)
            continue;
        *value++ = '\0';
        const struct answer *old = assess_answer(a, line);
        if (store_set_answer(s, a, line, value, "", false, old ? old->revision : 0, 0, &e) == 0) {
            printf("saved %s\n", line);
        } else {
            printf("error: %s\n", e.text);
            rc = 1;
        }
        fflush(stdout);
    }
    assess_free(a);
    store_close(s);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc == 6 && strcmp(argv[1], "writer") == 0)
        return writer(argv[2], argv[3], argv[4], strtol(argv[5], NULL, 10));
    if (argc == 3 && strcmp(argv[1], "check") == 0)
        return check(argv[2]);
    if (argc == 4 && strcmp(argv[1], "answers") == 0)
        return answers(argv[2], argv[3]);
    if (argc == 4 && strcmp(argv[1], "sql") == 0)
        return sql(argv[2], argv[3], false);
    if (argc == 4 && strcmp(argv[1], "hold") == 0)
        return hold(argv[2], argv[3]);
    if (argc == 4 && strcmp(argv[1], "gen") == 0)
        return gen(argv[2], strtol(argv[3], NULL, 10));
    if (argc == 5 && strcmp(argv[1], "big") == 0)
        return big(argv[2], strtol(argv[3], NULL, 10), strtol(argv[4], NULL, 10));
    if (argc == 4 && strcmp(argv[1], "session") == 0)
        return session(argv[2], argv[3]);
    fprintf(stderr, "usage: storetool writer|check|answers|sql|hold|gen|big|session ...\n");
    return 2;
}
