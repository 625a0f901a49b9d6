/*
 * libFuzzer target: a database file from anywhere (crafted, or damaged
 * by one flipped byte) opened and read through the store as dpia reads
 * it. Each input is written to a file of a private folder; the store
 * opens it (the checks of the file and its schema, a migration), lists
 * the assessments (all of them, and a page in each order), loads each
 * one with its template snapshot and its closed revisions, and makes
 * two changes to the first one loaded, as a session would (an answer, a
 * risk). Whatever the bytes, each step succeeds or fails with a
 * message: a crash, a read out of bounds or an overflow is a finding.
 *
 * An input that starts with "--sql\n" is SQL instead, as a person with
 * the sqlite3 shell would type it: run straight through SQLite on a copy
 * of a real database (two assessments with answers, risks, a measure, a
 * sign-off and a closed revision, made once through the store), which
 * the store then opens and reads the same way. Bytes mutated at random
 * mostly make a file SQLite itself refuses; SQL reaches the values and
 * the schema inside a file that is otherwise whole.
 */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/tmpl.h"
#include "fuzz.h"
#include "store/store.h"

/* Larger files add nothing a small one cannot hold. */
#define MAX_INPUT (1024 * 1024)

static char dir[512];
static char path[600];
/* The real database the SQL of an input is run on, as bytes. */
static char *base;
static size_t base_len;

static void remove_files(void)
{
    static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
    for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
        char p[640];
        snprintf(p, sizeof p, "%s%s", path, suffix[i]);
        unlink(p);
    }
}

static void cleanup(void)
{
    remove_files();
    rmdir(dir);
    free(base);
}

static bool setup(void)
{
    if (dir[0])
        return true;
    /* libFuzzer may end with _Exit, leaving the folder: under TMPDIR,
     * where make fuzz-smoke puts its work. */
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/dpia-fuzz-db.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        dir[0] = '\0';
        return false;
    }
    snprintf(path, sizeof path, "%s/fuzz.sqlite", dir);
    atexit(cleanup);
    return true;
}

static bool write_input(const uint8_t *data, size_t size);


static bool read_file(const char *p, char **out, size_t *len)
{
    FILE *f = fopen(p, "rb");
    if (!f)
        return false;
    size_t cap = 1 << 16, n = 0, got;
    char *b = malloc(cap);
    while (b && (got = fread(b + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            b = realloc(b, cap *= 2);
    }
    fclose(f);
    *out = b;
    *len = n;
    return b != NULL;
}

static void make_base(void)
{
    struct err e;
    remove_files();
    struct store *s = store_open(path, false, "seed", &e);
    if (!s)
        abort();
    size_t len;
    const char *xml = tmpl_builtin_xml(&len);
    for (int i = 1; i <= 2; i++) {
        int64_t id = store_create(s, i == 1 ? "First" : "Second", xml, len, NULL, &e);
        struct assessment *a = id > 0 ? store_load(s, id, &e) : NULL;
        if (!a)
            abort();
        store_set_answer(s, a, "scr.evaluation", "yes", "a note", true, 0, 0, &e);
        store_set_answer(s, a, "desc.purposes", "Profiling", "", false, 0, 3, &e);
        store_set_answer(s, a, "desc.purposes", "Profiling of viewers", "", false,
                         assess_answer(a, "desc.purposes")->revision, 3, &e);
        struct risk r;
        memset(&r, 0, sizeof r);
        r.title = (char *)"Re-identification";
        r.description = r.source = r.impacts = r.threats = (char *)"";
        r.likelihood_why = r.severity_why = (char *)"";
        r.likelihood_after_why = r.severity_after_why = (char *)"";
        r.likelihood = 2;
        r.severity = 3;
        store_add_risk(s, a, &r, &e);
        struct measure m;
        memset(&m, 0, sizeof m);
        int risks[] = { 1 };
        m.title = (char *)"Pseudonymise";
        m.description = m.owner = m.due = (char *)"";
        m.risks = risks;
        m.nrisks = 1;
        store_add_measure(s, a, &m, &e);
        struct signoff so;
        memset(&so, 0, sizeof so);
        so.role = SR_DPO;
        so.name = (char *)"Dana";
        so.position = so.date = so.advice = so.why_not = so.acknowledged = (char *)"";
        so.advice_followed = 1;
        store_set_signoff(s, a, &so, &e);
        if (i == 2)
            store_revise(s, a, "<record/>", 9, "2026-01-02", &e);
        assess_free(a);
    }
    store_close(s);
    if (!read_file(path, &base, &base_len))
        abort();
}

/* Runs the SQL of an input on a copy of the real database. */
static bool apply_sql(const uint8_t *data, size_t size)
{
    if (!write_input((const uint8_t *)base, base_len))
        return false;
    char *sql = malloc(size + 1);
    memcpy(sql, data, size);
    sql[size] = '\0';
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK) {
        sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 1 << 20);
        sqlite3_exec(db, sql, NULL, NULL, NULL);
    }
    sqlite3_close(db);
    free(sql);
    return true;
}

static bool write_input(const uint8_t *data, size_t size)
{
    remove_files();
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    size_t done = 0;
    while (done < size) {
        ssize_t n = write(fd, data + done, size - done);
        if (n <= 0)
            break;
        done += (size_t)n;
    }
    close(fd);
    return done == size;
}

/* The changes a session makes, on an assessment loaded from the file. */
static void change(struct store *s, struct assessment *a)
{
    struct err e;
    if (a->nanswers) {
        char *q = strdup(a->answers[0].question);
        store_set_answer(s, a, q, "changed", "", false, a->answers[0].revision, 0, &e);
        free(q);
    }
    const struct answer *old = assess_answer(a, "fuzz.q");
    store_set_answer(s, a, "fuzz.q", "typed", "", false, old ? old->revision : 0, 1, &e);
    store_set_answer(s, a, "fuzz.q", "typed more", "", false,
                     (old = assess_answer(a, "fuzz.q")) ? old->revision : 0, 1, &e);
    struct risk r;
    memset(&r, 0, sizeof r);
    r.title = (char *)"fuzz";
    r.description = r.source = r.impacts = r.threats = (char *)"";
    r.likelihood_why = r.severity_why = (char *)"";
    r.likelihood_after_why = r.severity_after_why = (char *)"";
    store_add_risk(s, a, &r, &e);
}

static void read_one(struct store *s, int64_t id, bool first)
{
    struct err e;
    struct assessment *a = store_load(s, id, &e);
    size_t len = 0;
    free(store_template_xml(s, id, &len, &e));
    struct store_revision *revs = NULL;
    size_t n = 0;
    if (store_revisions(s, id, &revs, &n, &e) == 0) {
        for (size_t i = 0; i < n; i++)
            free(store_revision_record(s, id, revs[i].number, &len, &e));
        free(revs);
    }
    if (a && first)
        change(s, a);
    assess_free(a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > MAX_INPUT || !setup())
        return 0;
    static const char sql_mode[] = "--sql\n";
    if (size >= sizeof sql_mode - 1 && memcmp(data, sql_mode, sizeof sql_mode - 1) == 0) {
        if (!base)
            make_base();
        if (!apply_sql(data, size))
            return 0;
    } else if (!write_input(data, size)) {
        return 0;
    }
    struct err e;
    struct store *s = store_open(path, false, "fuzz", &e);
    if (!s)
        return 0;
    struct store_list l;
    if (store_list(s, true, &l, &e) == 0) {
        for (size_t i = 0; i < l.count && i < 16; i++)
            read_one(s, l.items[i].id, i == 0);
        if (l.count)
            store_resolve(s, l.items[0].uuid, &e);
        store_list_free(&l);
    }
    for (int sort = STORE_SORT_CHANGED; sort <= STORE_SORT_RISK; sort++) {
        struct store_query q = { true, (enum store_sort)sort, sort == STORE_SORT_TITLE ? "a" : "",
                                 0, 5 };
        size_t total = 0;
        if (store_list_page(s, &q, &l, &total, &e) == 0)
            store_list_free(&l);
    }
    store_resolve(s, "1", &e);
    store_close(s);
    remove_files();
    return 0;
}
