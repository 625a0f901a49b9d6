/*
 * The database under the store: one connection, its prepared
 * statements and the rows they give, with the same calls for SQLite
 * (db_sqlite.c) and PostgreSQL (db_pg.c). The store's files reach a
 * database only through these; what one database alone has (SQLite's
 * file, its log of changes, its backup) is said as such below.
 * Internal to tui/store/.
 *
 * A statement's text uses ?1, ?2... for its parameters, as SQLite
 * writes them; PostgreSQL's back end makes them $1, $2... when it
 * prepares it. Values are bound as whole numbers, text, blobs or NULL,
 * and read back by column with their type, so that the store checks
 * each one (rows.c) whatever the database.
 */
#ifndef DPIA_STORE_DB_H
#define DPIA_STORE_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct db;
struct db_stmt;

enum db_kind { DB_SQLITE, DB_PG };

/* What db_step, db_begin and db_commit return. */
enum {
    DB_DONE = 0,      /* ran to its end: no (more) rows */
    DB_ROW = 1,       /* a row is there to read */
    DB_ERROR = -1,    /* failed: db_errmsg and db_errkind say why */
    DB_BUSY = -2,     /* another writer held the database too long */
    DB_CONFLICT = -3, /* refused as conflicting with another transaction */
};

/* What kind of failure the last one was. */
enum db_errkind {
    DB_E_NONE,
    DB_E_BUSY,        /* a lock not had in time */
    DB_E_CONFLICT,    /* a serialisation failure or a deadlock */
    DB_E_READONLY,    /* writing is not allowed */
    DB_E_DENIED,      /* the server's rules refused this person the change */
    DB_E_FOREIGN_KEY, /* a row refers to one that is gone */
    DB_E_CONNECTION,  /* the server cannot be reached */
    DB_E_OTHER,
};

/* A column's value as the database holds it. */
enum db_type { DB_T_NULL, DB_T_INT, DB_T_TEXT, DB_T_BLOB, DB_T_OTHER };

/* A read transaction sees one state of the database however long it
 * lasts; a write transaction is the only writer while it lasts (SQLite:
 * BEGIN IMMEDIATE; PostgreSQL: an advisory lock every writer takes),
 * so that what it reads is what it overwrites. DB_TXN_WRITE_TRY waits
 * for that at most a moment. */
enum db_txn { DB_TXN_READ, DB_TXN_WRITE, DB_TXN_WRITE_TRY };

enum db_kind db_kind(const struct db *db);
void db_close(struct db *db);

/* A statement, ready to bind and step; NULL with db_errmsg on failure.
 * Kept until db_finalize. */
struct db_stmt *db_prepare(struct db *db, const char *sql);
void db_finalize(struct db_stmt *st);
/* Back to the start; the values bound stay. */
void db_reset(struct db_stmt *st);
/* Every parameter back to NULL. */
void db_clear(struct db_stmt *st);

/* Parameters count from 1. A NULL text binds "". The values are
 * copied. */
void db_bind_int64(struct db_stmt *st, int i, int64_t v);
void db_bind_int(struct db_stmt *st, int i, int v);
void db_bind_text(struct db_stmt *st, int i, const char *v);
void db_bind_blob(struct db_stmt *st, int i, const void *p, size_t len);
void db_bind_null(struct db_stmt *st, int i);

/* The next row: DB_ROW, DB_DONE, or a failure. */
int db_step(struct db_stmt *st);

/* The columns of the row db_step gave, from 0. A text or blob is
 * borrowed until the statement moves on; *len (when not NULL) receives
 * its length. A NULL reads as 0 and NULL. */
enum db_type db_column_type(struct db_stmt *st, int col);
int64_t db_column_int64(struct db_stmt *st, int col);
int db_column_int(struct db_stmt *st, int col);
const char *db_column_text(struct db_stmt *st, int col, size_t *len);
const void *db_column_blob(struct db_stmt *st, int col, size_t *len);
const char *db_column_name(struct db_stmt *st, int col);

/* Runs SQL text without parameters (the schema, settings): DB_DONE or
 * a failure. */
int db_exec(struct db *db, const char *sql);

/* The last failure, one line. */
const char *db_errmsg(struct db *db);
enum db_errkind db_errkind(struct db *db);

/* Rows the last statement changed, and all statements since the
 * connection was opened. */
int64_t db_changes(struct db *db);
int64_t db_total_changes(struct db *db);
/* The id of the row the last INSERT made, where the database does not
 * give it as a row of the statement (SQLite); -1 when it cannot say. */
int64_t db_last_id(struct db *db);

/* Transactions: DB_DONE, DB_BUSY (nothing was begun) or DB_ERROR. */
int db_begin(struct db *db, enum db_txn kind);
/* DB_DONE; DB_BUSY when it may be tried again; DB_ERROR or DB_CONFLICT
 * when nothing was kept (the transaction has ended). */
int db_commit(struct db *db);
void db_rollback(struct db *db);
bool db_in_txn(struct db *db);

/* A number that changes when another connection has committed a
 * change since this one last looked (SQLite's data_version), not for
 * this connection's own; -1 when it cannot be read. */
int64_t db_data_version(struct db *db);

/* --- SQLite ------------------------------------------------------------ */

/* Wraps a connection SQLite opened (may be NULL: gives NULL); the
 * connection is closed with db_close. */
struct sqlite3;
struct db *db_sqlite_new(struct sqlite3 *h);
/* The SQLite connection, for what SQLite alone has (opening the file,
 * its schema, backups); NULL for another database. */
struct sqlite3 *db_sqlite_handle(struct db *db);
/* Copies the log of changes into the database file: 0 when all of it
 * went in; then with truncate the log is emptied, waiting at most
 * wait_ms for readers. -1 for another database. */
int db_sqlite_checkpoint(struct db *db, bool truncate, int wait_ms);

/* --- PostgreSQL ----------------------------------------------------------- */

/* The table of the database's own state: the schema's version and the
 * counter of changes behind db_data_version. */
#define DB_PG_STATE_TABLE "dpia_schema"
/* The advisory lock every writer takes: "DPIA" in ASCII. */
#define DB_PG_WRITE_LOCK 0x44504941

/* Whether dpia was built with PostgreSQL (libpq). */
bool db_pg_available(void);
/* Connects to url as user when neither the URL nor PGUSER names one (NULL:
 * libpq's default, the login); read_only makes every transaction
 * read-only. NULL with why (one line, libpq's reason) when the server
 * cannot be reached or dpia was built without PostgreSQL. */
struct db *db_pg_connect(const char *url, const char *user, bool read_only, char *why,
                         size_t size);
/* Tells the connection that the state table is there (the schema was
 * found or made): from now on db_data_version reads it and every write
 * transaction that changed a row counts one more in it. */
void db_pg_state_ready(struct db *db);

#endif
