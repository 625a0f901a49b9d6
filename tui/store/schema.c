/*
 * The schema and its migrations. migrations[i] brings a file from
 * schema version i to i + 1; all pending ones run in one transaction
 * with the new PRAGMA user_version, so a file is never left half
 * migrated. Never edit a migration that has shipped: add the next one.
 *
 * Before anything is written the file is checked: our application_id
 * (or a brand-new empty file), a version we know, and a schema that is
 * exactly what the migrations of that version make (no trigger, view,
 * table or index more or less, each table with its columns). Anything
 * else is refused and left as it was.
 */
#include "config.h"
#include "store/store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

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
    /* 2 -> 3: drafts, what a person is typing in a form or a dialog and
     * has not saved yet, kept so that a crash loses at most a second of
     * it. Not part of the assessment: no history, no record. */
    "CREATE TABLE drafts (\n"
    "  assessment INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,\n"
    "  key TEXT NOT NULL,                    -- what the form edits: risk:12, note:q.id\n"
    "  who TEXT NOT NULL,                    -- whose typing it is\n"
    "  content TEXT NOT NULL,\n"
    "  at INTEGER NOT NULL,\n"
    "  PRIMARY KEY (assessment, key, who)\n"
    ") WITHOUT ROWID;\n",
    /* 3 -> 4: the listing counts the assessments it hides from an index
     * rather than by reading every row. */
    "CREATE INDEX assessments_by_status ON assessments(status);\n",
    /* 4 -> 5: which rows of the change log one change wrote together,
     * so that an undo takes the change back whole: 1 the first row of a
     * change, 2 a later row of the same change, 0 not known (the rows
     * of older files and of imported records). */
    "ALTER TABLE history ADD COLUMN part INTEGER NOT NULL DEFAULT 0;\n",
    /* 5 -> 6: the controller organisation and the DPO's contact
     * details (Art. 36(3)(d)), which stay from one revision to the
     * next; the DPO's judgement of each section, which a new revision
     * starts without. */
    "ALTER TABLE assessments ADD COLUMN controller TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE assessments ADD COLUMN dpo_contact TEXT NOT NULL DEFAULT '';\n"
    "CREATE TABLE judgements (\n"
    "  assessment INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,\n"
    "  section TEXT NOT NULL,                -- section id in the template\n"
    "  verdict TEXT NOT NULL,                -- acceptable, improve\n"
    "  comment TEXT NOT NULL DEFAULT '',\n"
    "  name TEXT NOT NULL DEFAULT '',        -- who judged\n"
    "  date TEXT NOT NULL DEFAULT '',\n"
    "  who TEXT NOT NULL, at INTEGER NOT NULL,\n"
    "  PRIMARY KEY (assessment, section)\n"
    ") WITHOUT ROWID;\n",
    /* 6 -> 7: the table rows a risk concerns ("D1 P2"), and the group of
     * measures of the template a measure belongs to. */
    "ALTER TABLE risks ADD COLUMN concerns TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE measures ADD COLUMN group_id TEXT NOT NULL DEFAULT '';\n",
    /* 7 -> 8: the risk type of the template a risk of type other is of. */
    "ALTER TABLE risks ADD COLUMN kind TEXT NOT NULL DEFAULT '';\n",
    /* 8 -> 9: the language an assessment is written in, its answers and
     * its reports ("en", "fr", "de"). */
    "ALTER TABLE assessments ADD COLUMN lang TEXT NOT NULL DEFAULT 'en';\n",
    /* 9 -> 10: who has an assessment open, in which process on which
     * host, and on which question, refreshed every few seconds; a row
     * not refreshed for a while is of a session that has ended. Not
     * part of the assessment: no history, no record. */
    "CREATE TABLE presence (\n"
    "  assessment INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,\n"
    "  who TEXT NOT NULL,\n"
    "  pid INTEGER NOT NULL,\n"
    "  host TEXT NOT NULL,\n"
    "  question TEXT NOT NULL DEFAULT '',    -- the question id, '' on a page\n"
    "  at INTEGER NOT NULL,                  -- when last refreshed\n"
    "  PRIMARY KEY (assessment, who, pid, host)\n"
    ") WITHOUT ROWID;\n",
    /* 10 -> 11: the workshops of an assessment (Art. 35(2) and (9)):
     * each session with its date, place, agenda, minutes, who ran it,
     * its participants and open points, and the questions whose answer
     * or note changed while it was open (the change log's writer links
     * them). One open session at a time. */
    "CREATE TABLE workshops (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  assessment INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,\n"
    "  number INTEGER NOT NULL,\n"
    "  date TEXT NOT NULL DEFAULT '',        -- YYYY-MM-DD\n"
    "  place TEXT NOT NULL DEFAULT '',       -- a room or a call\n"
    "  agenda TEXT NOT NULL DEFAULT '',      -- section ids, comma-separated\n"
    "  minutes TEXT NOT NULL DEFAULT '',\n"
    "  started INTEGER NOT NULL,\n"
    "  ended INTEGER NOT NULL DEFAULT 0,     -- 0 while it is open\n"
    "  who TEXT NOT NULL,                    -- who ran it\n"
    "  UNIQUE (assessment, number)\n"
    ");\n"
    "CREATE UNIQUE INDEX workshops_open ON workshops(assessment) WHERE ended = 0;\n"
    "CREATE TABLE workshop_participants (\n"
    "  workshop INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,\n"
    "  position INTEGER NOT NULL,\n"
    "  name TEXT NOT NULL,\n"
    "  role TEXT NOT NULL DEFAULT '',\n"
    "  organisation TEXT NOT NULL DEFAULT '',\n"
    "  represents INTEGER NOT NULL DEFAULT 0,  -- of the people concerned, Art. 35(9)\n"
    "  PRIMARY KEY (workshop, position)\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE workshop_points (\n"
    "  workshop INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,\n"
    "  position INTEGER NOT NULL,\n"
    "  text TEXT NOT NULL,\n"
    "  who TEXT NOT NULL DEFAULT '',         -- who took it\n"
    "  PRIMARY KEY (workshop, position)\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE workshop_settled (\n"
    "  workshop INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,\n"
    "  question TEXT NOT NULL,\n"
    "  PRIMARY KEY (workshop, question)\n"
    ") WITHOUT ROWID;\n",
    /* 11 -> 12: whether a session with an assessment open is editing
     * its question (a field, a note, a list, a table or a choice open),
     * for the others' question list and title bar. */
    "ALTER TABLE presence ADD COLUMN editing INTEGER NOT NULL DEFAULT 0;\n",
    /* 12 -> 13: people and roles, and the review (core/roles.h). Every
     * table names its assessment, so that a database that enforces the
     * rules itself can write one policy per table from (assessment,
     * person, role). The members of each assessment, one role each;
     * the steps of its review, the comments on its questions and the
     * records made on someone's behalf, each of the revision it was
     * made in. An assessment of an older file is owned by the author of
     * its first change-log entry (by the login of whoever migrates it
     * when there is none: store_members_fill). */
    "CREATE TABLE members (\n"
    "  assessment INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,\n"
    "  person TEXT NOT NULL,                 -- the login, or the database role\n"
    "  role TEXT NOT NULL,                   -- owner, contributor, dpo, decision-maker, reader\n"
    "  PRIMARY KEY (assessment, person)\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE review_steps (\n"
    "  assessment INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,\n"
    "  number INTEGER NOT NULL,\n"
    "  revision INTEGER NOT NULL,\n"
    "  step TEXT NOT NULL,                   -- requested, returned, passed\n"
    "  who TEXT NOT NULL,\n"
    "  at INTEGER NOT NULL,\n"
    "  text TEXT NOT NULL DEFAULT '',\n"
    "  PRIMARY KEY (assessment, number)\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE comments (\n"
    "  assessment INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,\n"
    "  number INTEGER NOT NULL,\n"
    "  revision INTEGER NOT NULL,\n"
    "  thread INTEGER NOT NULL,              -- the number of its thread's first comment\n"
    "  question TEXT NOT NULL,\n"
    "  who TEXT NOT NULL,\n"
    "  at INTEGER NOT NULL,\n"
    "  text TEXT NOT NULL,\n"
    "  resolved_by TEXT NOT NULL DEFAULT '', -- a thread's first comment: who resolved it\n"
    "  resolved_at INTEGER NOT NULL DEFAULT 0,\n"
    "  PRIMARY KEY (assessment, number)\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE on_behalf (\n"
    "  assessment INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,\n"
    "  revision INTEGER NOT NULL,\n"
    "  what TEXT NOT NULL,                   -- sign-off dpo, sign-off controller, judgement S\n"
    "  recorded_by TEXT NOT NULL,\n"
    "  person TEXT NOT NULL,                 -- for whom\n"
    "  role TEXT NOT NULL,                   -- the role they hold\n"
    "  reason TEXT NOT NULL,\n"
    "  at INTEGER NOT NULL,\n"
    "  PRIMARY KEY (assessment, revision, what)\n"
    ") WITHOUT ROWID;\n"
    "INSERT INTO members(assessment, person, role)\n"
    "  SELECT assessment, who, 'owner' FROM history\n"
    "  WHERE id IN (SELECT min(id) FROM history GROUP BY assessment) AND who <> '';\n",
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
    int rc = sqlite3_prepare_v2(db_sqlite_handle(s->db), sql, -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    if (rc == SQLITE_ROW)
        return 0;
    if ((rc & 0xff) == SQLITE_NOTADB)
        return err_set(e, _("%s is not a dpia database (not an SQLite file); it was left "
                       "unchanged"), s->path);
    return store_db_error(s, _("cannot read the database"), e);
}

/* --- the objects of the schema ------------------------------------------ */

/* One object of sqlite_master: its kind, name, table and SQL. */
struct object {
    char *type, *name, *table, *sql;
};

struct objects {
    struct object *v;
    size_t n, cap;
};

static void objects_free(struct objects *o)
{
    for (size_t i = 0; i < o->n; i++) {
        free(o->v[i].type);
        free(o->v[i].name);
        free(o->v[i].table);
        free(o->v[i].sql);
    }
    free(o->v);
    memset(o, 0, sizeof *o);
}

static char *col_copy(sqlite3_stmt *st, int col)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    return xstrdup(t ? (const char *)t : "");
}

/* The columns of table name, one line each: name, declared type, NOT
 * NULL, default, place in the primary key, hidden or generated. */
static int describe_columns(sqlite3 *db, const char *name, char **out)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, "SELECT name, type, \"notnull\", quote(dflt_value), pk, "
                                "hidden FROM pragma_table_xinfo(?1) ORDER BY cid", -1, &st, NULL);
    struct buf b = {0};
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            for (int i = 0; i < 6; i++) {
                const unsigned char *t = sqlite3_column_text(st, i);
                buf_printf(&b, "%s%s", i ? "\t" : "", t ? (const char *)t : "");
            }
            buf_addc(&b, '\n');
        }
    }
    sqlite3_finalize(st);
    *out = buf_take(&b);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Every object of the schema of db, the dangerous kinds first. */
static int describe(sqlite3 *db, struct objects *o)
{
    memset(o, 0, sizeof *o);
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, "SELECT type, name, tbl_name, sql FROM sqlite_master "
                                "ORDER BY CASE type WHEN 'trigger' THEN 0 WHEN 'view' THEN 1 "
                                "WHEN 'table' THEN 2 ELSE 3 END, name", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            o->v = xgrow(o->v, &o->cap, o->n + 1, sizeof *o->v);
            struct object *ob = &o->v[o->n++];
            ob->type = col_copy(st, 0);
            ob->name = col_copy(st, 1);
            ob->table = col_copy(st, 2);
            ob->sql = col_copy(st, 3);
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* A database in memory with the schema this program creates at version
 * v: the migrations applied. NULL with e on failure. */
static sqlite3 *schema_in_memory(int v, struct err *e)
{
    sqlite3 *mem = NULL;
    int rc = sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    for (int i = 0; rc == SQLITE_OK && i < v; i++)
        rc = sqlite3_exec(mem, migrations[i], NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        return mem;
    err_set(e, _("cannot build the schema of version %d: %s"), v,
            mem ? sqlite3_errmsg(mem) : "out of memory");
    sqlite3_close(mem);
    return NULL;
}

/* The objects of the schema this program creates at version v, built
 * from the migrations themselves (a new migration needs no second list
 * here), once for each version and kept while the program runs. */
static struct objects expected[SCHEMA_VERSION + 1];
static bool expected_built[SCHEMA_VERSION + 1];

static const struct objects *expected_objects(int v, struct err *e)
{
    if (expected_built[v])
        return &expected[v];
    sqlite3 *mem = schema_in_memory(v, e);
    if (!mem)
        return NULL;
    int rc = describe(mem, &expected[v]);
    if (rc != SQLITE_OK) {
        err_set(e, _("cannot build the schema of version %d: %s"), v, sqlite3_errmsg(mem));
        objects_free(&expected[v]);
    }
    sqlite3_close(mem);
    if (rc != SQLITE_OK)
        return NULL;
    expected_built[v] = true;
    return &expected[v];
}

/* Whether table name of the file has other columns than at version v
 * (else something else of its definition differs). */
static bool other_columns(struct store *s, int v, const char *name)
{
    sqlite3 *mem = schema_in_memory(v, NULL);
    char *want = NULL, *have = NULL;
    bool differ = mem && describe_columns(mem, name, &want) == SQLITE_OK &&
                  describe_columns(db_sqlite_handle(s->db), name, &have) == SQLITE_OK && strcmp(want, have) != 0;
    sqlite3_close(mem);
    free(want);
    free(have);
    return differ;
}

static const struct object *find_object(const struct objects *o, const char *type,
                                        const char *name)
{
    for (size_t i = 0; i < o->n; i++)
        if (strcmp(o->v[i].type, type) == 0 && strcmp(o->v[i].name, name) == 0)
            return &o->v[i];
    return NULL;
}

enum difference { EXTRA, COLUMNS, CHANGED, MISSING };

/* Refuses, with e, an object that is not as dpia makes it. */
static int refuse(struct store *s, enum difference d, const struct object *o, struct err *e)
{
    char *name = text_sanitize(o->name, false), *type = text_sanitize(o->type, false);
    /* The type is SQLite's word (table, index, trigger, view): "an index",
     * "a table". */
    bool an = type[0] && strchr("aeiou", type[0]);
    switch (d) {
    case EXTRA:
        err_set(e, an ? _("%s has an %s '%s' that dpia did not create; it was left unchanged")
                      : _("%s has a %s '%s' that dpia did not create; it was left unchanged"),
                s->path, type, name);
        break;
    case COLUMNS:
        err_set(e, an ? _("%s has an %s '%s' whose columns are not the ones dpia made; it was "
                          "left unchanged")
                      : _("%s has a %s '%s' whose columns are not the ones dpia made; it was "
                          "left unchanged"),
                s->path, type, name);
        break;
    case CHANGED:
        err_set(e, an ? _("%s has an %s '%s' that is not the one dpia made; it was left "
                          "unchanged")
                      : _("%s has a %s '%s' that is not the one dpia made; it was left "
                          "unchanged"),
                s->path, type, name);
        break;
    case MISSING:
        err_set(e, _("%s lacks the %s '%s' that dpia makes; it was left unchanged"), s->path, type,
                name);
        break;
    }
    free(name);
    free(type);
    return -1;
}

/* The SQL of each object is compared, which covers the columns of a
 * table (SQLite reads them from it); they are compared only to say which
 * of the two differs. */
static int compare_objects(struct store *s, int version, struct err *e)
{
    const struct objects *want = expected_objects(version, e);
    if (!want)
        return -1;
    struct objects have;
    int rc = describe(db_sqlite_handle(s->db), &have);
    if (rc != SQLITE_OK) {
        objects_free(&have);
        return store_db_error(s, _("cannot read the schema"), e);
    }
    rc = 0;
    for (size_t i = 0; rc == 0 && i < have.n; i++) {
        struct object *h = &have.v[i];
        const struct object *w = find_object(want, h->type, h->name);
        if (!w) {
            rc = refuse(s, EXTRA, h, e);
        } else if (strcmp(h->table, w->table) != 0 || strcmp(h->sql, w->sql) != 0) {
            bool columns = strcmp(h->type, "table") == 0 && other_columns(s, version, h->name);
            rc = refuse(s, columns ? COLUMNS : CHANGED, h, e);
        }
    }
    for (size_t i = 0; rc == 0 && i < want->n; i++)
        if (!find_object(&have, want->v[i].type, want->v[i].name))
            rc = refuse(s, MISSING, &want->v[i], e);
    objects_free(&have);
    return rc;
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
            return err_set(e, _("%s is not a dpia database (an SQLite file of another "
                           "program); it was left unchanged"), s->path);
        *version = 0;   /* empty: ours to set up */
        return 0;
    }
    if (user_version > SCHEMA_VERSION)
        return err_set(e, _("%s was written by a newer version of dpia (schema %d; this "
                       "program knows up to %d); it was left unchanged: use a newer dpia"),
                       s->path, user_version, SCHEMA_VERSION);
    if (user_version < 0)
        return err_set(e, _("%s has an unknown schema version (%d); it was left unchanged"),
                       s->path, user_version);
    /* Nothing but what the migrations made: a trigger or a view added
     * with the sqlite3 shell would run on dpia's writes or reads. */
    if (compare_objects(s, user_version, e) < 0)
        return -1;
    *version = user_version;
    return 0;
}

int store_schema_migrate(struct store *s, int version, struct err *e)
{
    /* An up-to-date file takes no write lock. */
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
            err_prefix(e, _("bringing the schema to version %d"), v + 1);
            goto fail;
        }
    }
    if (version < 13 && store_members_fill(s, e) < 0)
        goto fail;
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
