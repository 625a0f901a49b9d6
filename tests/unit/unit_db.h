/* The database of the store's unit tests: an SQLite file in the test's
 * folder; or, with DPIA_TEST_DB set to a PostgreSQL URL prefix
 * (postgresql:///NAME, from tests/unit/pg-units.sh, which exports
 * PGHOST), a new database on that server for each, made with createdb
 * ($PG_CREATEDB). SQL behind the store's back goes through sqlite3 or
 * psql ($PG_PSQL). */
#ifndef DPIA_UNIT_DB_H
#define DPIA_UNIT_DB_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"

static inline const char *unit_pg(void)
{
    const char *u = getenv("DPIA_TEST_DB");
    return u && strncmp(u, "postgresql:///", 14) == 0 && u[14] ? u : NULL;
}

static inline bool unit_on_pg(void)
{
    return unit_pg() != NULL;
}

/* The database to open as name (a file name: "db3.sqlite") under dir. */
static inline void unit_db(char *out, size_t size, const char *dir, const char *name)
{
    const char *pg = unit_pg();
    if (!pg) {
        snprintf(out, size, "%s/%s", dir, name);
        return;
    }
    static int made;
    char db[64];
    snprintf(db, sizeof db, "%.30s_%ld_%d", pg + 14, (long)getpid(), ++made);
    char cmd[256];
    const char *createdb = getenv("PG_CREATEDB");
    snprintf(cmd, sizeof cmd, "'%s' '%s'", createdb && *createdb ? createdb : "createdb", db);
    if (system(cmd) != 0)
        fail_msg("%s failed", cmd);
    snprintf(out, size, "postgresql:///%s", db);
}

/* Runs sql on db behind the store; with out, reads the first value of
 * its result as a whole number. char(N) is written chr(N) for
 * PostgreSQL. */
static inline long unit_sql_run(const char *db, const char *sql, bool want)
{
    if (!unit_on_pg()) {
        sqlite3 *h;
        assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
            fail_msg("%s: %s", sql, sqlite3_errmsg(h));
        int rc = sqlite3_step(st);
        long v = rc == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            fail_msg("%s: %s", sql, sqlite3_errmsg(h));
        sqlite3_finalize(st);
        sqlite3_close(h);
        return v;
    }
    char file[] = "/tmp/dpia-unit-sql.XXXXXX";
    int fd = mkstemp(file);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    for (const char *p = sql; *p; p++) {
        if (strncmp(p, "char(", 5) == 0) {
            fputs("chr(", f);
            p += 4;
        } else {
            fputc(*p, f);
        }
    }
    fputs(";\n", f);
    fclose(f);
    const char *psql = getenv("PG_PSQL");
    char cmd[512];
    snprintf(cmd, sizeof cmd, "'%s' -X -q -At -v ON_ERROR_STOP=1 -d '%s' -f '%s'",
             psql && *psql ? psql : "psql", db, file);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char line[128] = "";
    if (!fgets(line, sizeof line, p))
        line[0] = '\0';
    while (fgetc(p) != EOF)
        continue;
    int rc = pclose(p);
    unlink(file);
    if (rc != 0)
        fail_msg("psql failed on %s", sql);
    return want ? strtol(line, NULL, 10) : 0;
}

static inline void unit_sql(const char *db, const char *sql)
{
    unit_sql_run(db, sql, false);
}

static inline long unit_sql_int(const char *db, const char *sql)
{
    return unit_sql_run(db, sql, true);
}

#endif
