/*
 * The schema and its migrations. migrations[i] brings a file from
 * schema version i to i + 1; all pending ones run in one transaction
 * with the new PRAGMA user_version, so a file is never left half
 * migrated. Never edit a migration that has shipped: add the next one.
 *
 * Before anything is written the file is checked: our application_id
 * (or a brand-new empty file), and a version we know. Anything else is
 * refused and left as it was.
 */
#include "config.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

#include "store/store_int.h"

static const char *const migrations[] = {
    /* 0 -> 1: the first schema. */
    "CREATE TABLE templates (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  digest TEXT NOT NULL UNIQUE,      -- SHA-256 of xml: snapshots are shared\n"
    "  template_id TEXT NOT NULL,\n"
    "  version TEXT NOT NULL,\n"
    "  xml BLOB NOT NULL\n"
    ");\n"
    "CREATE TABLE assessments (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  uuid TEXT NOT NULL UNIQUE,\n"
    "  title TEXT NOT NULL,\n"
    "  template INTEGER NOT NULL REFERENCES templates(id),\n"
    "  method TEXT NOT NULL DEFAULT '',\n"
    "  status TEXT NOT NULL DEFAULT 'draft',\n"
    "  created INTEGER NOT NULL,\n"
    "  updated INTEGER NOT NULL,\n"
    "  review_date TEXT NOT NULL DEFAULT '',\n"
    "  next_risk INTEGER NOT NULL DEFAULT 1,     -- R numbers are never reused\n"
    "  next_measure INTEGER NOT NULL DEFAULT 1,\n"
    "  -- kept up to date by every write, so that the listing reads one table\n"
    "  percent INTEGER NOT NULL DEFAULT 0,\n"
    "  highest_level INTEGER NOT NULL DEFAULT -1,\n"
    "  highest_name TEXT NOT NULL DEFAULT '',\n"
    "  highest_high INTEGER NOT NULL DEFAULT 0\n"
    ");\n"
    "CREATE INDEX assessments_by_update ON assessments(updated DESC, id DESC);\n"
    "CREATE INDEX assessments_by_template ON assessments(template);\n"
    "CREATE TABLE answers (\n"
    "  assessment INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,\n"
    "  question TEXT NOT NULL,\n"
    "  value TEXT NOT NULL,\n"
    "  note TEXT NOT NULL DEFAULT '',\n"
    "  flagged INTEGER NOT NULL DEFAULT 0,\n"
    "  who TEXT NOT NULL,\n"
    "  at INTEGER NOT NULL,\n"
    "  revision INTEGER NOT NULL,            -- for conflict detection\n"
    "  PRIMARY KEY (assessment, question)\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE risks (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  assessment INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,\n"
    "  number INTEGER NOT NULL,\n"
    "  title TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',\n"
    "  source TEXT NOT NULL DEFAULT '', impacts TEXT NOT NULL DEFAULT '',\n"
    "  threats TEXT NOT NULL DEFAULT '',\n"
    "  likelihood INTEGER NOT NULL DEFAULT 0, likelihood_why TEXT NOT NULL DEFAULT '',\n"
    "  severity INTEGER NOT NULL DEFAULT 0, severity_why TEXT NOT NULL DEFAULT '',\n"
    "  likelihood_after INTEGER NOT NULL DEFAULT 0,\n"
    "  likelihood_after_why TEXT NOT NULL DEFAULT '',\n"
    "  severity_after INTEGER NOT NULL DEFAULT 0,\n"
    "  severity_after_why TEXT NOT NULL DEFAULT '',\n"
    "  UNIQUE (assessment, number)\n"
    ");\n"
    "CREATE TABLE measures (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  assessment INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,\n"
    "  number INTEGER NOT NULL,\n"
    "  title TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',\n"
    "  type TEXT NOT NULL DEFAULT 'technical', owner TEXT NOT NULL DEFAULT '',\n"
    "  due TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'planned',\n"
    "  UNIQUE (assessment, number)\n"
    ");\n"
    "CREATE TABLE measure_risks (\n"
    "  measure INTEGER NOT NULL REFERENCES measures(id) ON DELETE CASCADE,\n"
    "  risk INTEGER NOT NULL REFERENCES risks(id) ON DELETE CASCADE,\n"
    "  PRIMARY KEY (measure, risk)\n"
    ") WITHOUT ROWID;\n"
    "CREATE INDEX measure_risks_by_risk ON measure_risks(risk);\n"
    "CREATE TABLE signoffs (\n"
    "  assessment INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,\n"
    "  role TEXT NOT NULL,\n"
    "  name TEXT NOT NULL DEFAULT '', position TEXT NOT NULL DEFAULT '',\n"
    "  date TEXT NOT NULL DEFAULT '', decision TEXT NOT NULL DEFAULT '',\n"
    "  advice TEXT NOT NULL DEFAULT '',\n"
    "  advice_followed INTEGER NOT NULL DEFAULT -1,\n"
    "  why_not TEXT NOT NULL DEFAULT '',\n"
    "  who TEXT NOT NULL, at INTEGER NOT NULL,\n"
    "  PRIMARY KEY (assessment, role)\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE history (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  assessment INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,\n"
    "  at INTEGER NOT NULL,\n"
    "  who TEXT NOT NULL,\n"
    "  what TEXT NOT NULL,\n"
    "  old_value TEXT NOT NULL DEFAULT '',\n"
    "  new_value TEXT NOT NULL DEFAULT ''\n"
    ");\n"
    "CREATE INDEX history_by_assessment ON history(assessment, id);\n",
    /* 1 -> 2: revisions, the type of a risk, warnings acknowledged with
     * a decision, the status an archived assessment comes back to. */
    "ALTER TABLE assessments ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;\n"
    "ALTER TABLE assessments ADD COLUMN replaces_date TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE assessments ADD COLUMN archived_from TEXT NOT NULL DEFAULT 'draft';\n"
    "ALTER TABLE risks ADD COLUMN type TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE signoffs ADD COLUMN acknowledged TEXT NOT NULL DEFAULT '';\n"
    "CREATE TABLE revisions (\n"
    "  assessment INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,\n"
    "  number INTEGER NOT NULL,\n"
    "  status TEXT NOT NULL,                 -- as decided\n"
    "  decided TEXT NOT NULL DEFAULT '',     -- the decision's date\n"
    "  closed INTEGER NOT NULL,              -- when the next revision opened\n"
    "  record BLOB NOT NULL,                 -- the XML record, exactly as signed\n"
    "  PRIMARY KEY (assessment, number)\n"
    ") WITHOUT ROWID;\n",
    /* 2 -> 3: the listing counts the assessments it hides from an index
     * rather than by reading every row. */
    "CREATE INDEX assessments_by_status ON assessments(status);\n",
};

#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

int store_schema_version(void)
{
    return SCHEMA_VERSION;
}

/* One integer from a pragma or query; -1 with e on failure. */
static int query_int(struct store *s, const char *sql, int *out, struct err *e)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    if (rc == SQLITE_ROW)
        return 0;
    if ((rc & 0xff) == SQLITE_NOTADB)
        return err_set(e, "%s is not a dpia database (not an SQLite file); it was left "
                       "unchanged", s->path);
    return store_db_error(s, "cannot read the database", e);
}

int store_schema_check(struct store *s, int *version, struct err *e)
{
    int app = 0, user_version = 0, objects = 0;
    if (query_int(s, "PRAGMA application_id", &app, e) < 0 ||
        query_int(s, "PRAGMA user_version", &user_version, e) < 0 ||
        query_int(s, "SELECT count(*) FROM sqlite_master", &objects, e) < 0)
        return -1;
    if ((unsigned)app != STORE_APPLICATION_ID) {
        if (app != 0 || user_version != 0 || objects != 0)
            return err_set(e, "%s is not a dpia database (an SQLite file of another "
                           "program); it was left unchanged", s->path);
        *version = 0;   /* empty: ours to set up */
        return 0;
    }
    if (user_version > SCHEMA_VERSION)
        return err_set(e, "%s was written by a newer version of dpia (schema %d; this "
                       "program knows up to %d); it was left unchanged: use a newer dpia",
                       s->path, user_version, SCHEMA_VERSION);
    *version = user_version;
    return 0;
}

int store_schema_migrate(struct store *s, struct err *e)
{
    int version = 0;
    /* Cheap test first: an up-to-date file takes no write lock. */
    if (store_schema_check(s, &version, e) < 0)
        return -1;
    if (version == SCHEMA_VERSION)
        return 0;
    if (store_txn_begin(s, e) < 0)
        return -1;
    /* Again inside the transaction: another process may have migrated
     * the file between the check and the lock. */
    if (store_schema_check(s, &version, e) < 0)
        goto fail;
    for (int v = version; v < SCHEMA_VERSION; v++) {
        if (store_exec_sql(s, migrations[v], e) < 0) {
            err_prefix(e, "bringing the schema to version %d", v + 1);
            goto fail;
        }
    }
    /* Pragmas take no parameters; these are our own constants. */
    char sql[128];
    snprintf(sql, sizeof sql, "PRAGMA application_id = %d; PRAGMA user_version = %d",
             (int)STORE_APPLICATION_ID, SCHEMA_VERSION);
    if (store_exec_sql(s, sql, e) < 0)
        goto fail;
    return store_txn_commit(s, e);
fail:
    store_txn_rollback(s);
    return -1;
}
