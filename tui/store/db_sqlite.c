/*
 * The database layer (db.h) on SQLite: a thin wrapper around the
 * connection and its statements, with the transactions the store uses
 * (BEGIN IMMEDIATE for a writer, so that it is the only one while it
 * reads what it will overwrite) and SQLite's own data_version.
 */
#include "config.h"
#include "store/db.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "store/db_impl.h"
#include "store/store_int.h"
#include "util/xalloc.h"

enum { TX_WRITE, TX_READ, TX_COMMIT, TX_ROLLBACK, TX_VERSION, TX_COUNT };

static const char *const tx_sql[TX_COUNT] = {
    "BEGIN IMMEDIATE", "BEGIN", "COMMIT", "ROLLBACK", "PRAGMA data_version",
};

struct lite {
    struct db base;
    sqlite3 *h;
    sqlite3_stmt *tx[TX_COUNT];
    int busy_ms;          /* how long a wait for a lock may last (lite_busy) */
    int64_t busy_since;   /* ...and when the one under way began */
    uint64_t busy_rng;    /* the random part of each pause */
};

struct lite_stmt {
    struct db_stmt base;
    sqlite3_stmt *st;
};

#define LITE(db) ((struct lite *)(void *)(db))

/* Waiting for another connection's lock. SQLite's own handler pauses
 * longer and longer, up to 100 ms at a time, so that among many writers
 * one that came first may wait behind many that came after it (1.5 s for
 * a save among twenty clients saving at once, 0.4 ms for most). These
 * pauses start at a quarter of a millisecond and stop growing at four,
 * each with a random part of its own (seeded by the process and the
 * moment, not shared by processes started alike): a save waits about
 * as long as the others, and the file takes two to three times as many
 * saves (tests/bench/README.md). */
#define BUSY_PAUSE_MIN_US 250
#define BUSY_PAUSE_DOUBLINGS 4

static int busy_wait(void *arg, int count)
{
    struct lite *s = arg;
    int64_t now = store_monotonic_ms();
    if (count == 0)
        s->busy_since = now;
    if (now - s->busy_since >= s->busy_ms)
        return 0;
    if (s->busy_rng == 0) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        s->busy_rng = ((uint64_t)getpid() << 32) ^ (uint64_t)ts.tv_nsec ^ (uint64_t)ts.tv_sec;
        s->busy_rng |= 1;
    }
    /* xorshift64 */
    s->busy_rng ^= s->busy_rng << 13;
    s->busy_rng ^= s->busy_rng >> 7;
    s->busy_rng ^= s->busy_rng << 17;
    long us = (long)BUSY_PAUSE_MIN_US << (count < BUSY_PAUSE_DOUBLINGS ? count
                                                                        : BUSY_PAUSE_DOUBLINGS);
    struct timespec pause = { 0, (us / 2 + (long)(s->busy_rng % (uint64_t)us)) * 1000L };
    nanosleep(&pause, NULL);
    return 1;
}

static void lite_busy(struct lite *l, int ms)
{
    l->busy_ms = ms;
    sqlite3_busy_handler(l->h, ms > 0 ? busy_wait : NULL, l);
}

#define STMT(s) (((struct lite_stmt *)(void *)(s))->st)

static void lite_close(struct db *db)
{
    struct lite *l = LITE(db);
    for (int i = 0; i < TX_COUNT; i++)
        sqlite3_finalize(l->tx[i]);
    sqlite3_close(l->h);
    free(l);
}

static struct db_stmt *lite_prepare(struct db *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v3(LITE(db)->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) !=
        SQLITE_OK) {
        sqlite3_finalize(st);
        return NULL;
    }
    struct lite_stmt *s = xcalloc(1, sizeof *s);
    s->base.db = db;
    s->st = st;
    return &s->base;
}

static void lite_finalize(struct db_stmt *st)
{
    sqlite3_finalize(STMT(st));
    free(st);
}

static void lite_reset(struct db_stmt *st)
{
    sqlite3_reset(STMT(st));
}

static void lite_clear(struct db_stmt *st)
{
    sqlite3_clear_bindings(STMT(st));
}

static void lite_bind_int64(struct db_stmt *st, int i, int64_t v)
{
    sqlite3_bind_int64(STMT(st), i, v);
}

static void lite_bind_text(struct db_stmt *st, int i, const char *v)
{
    sqlite3_bind_text(STMT(st), i, v, -1, SQLITE_TRANSIENT);
}

static void lite_bind_blob(struct db_stmt *st, int i, const void *p, size_t len)
{
    sqlite3_bind_blob64(STMT(st), i, p, len, SQLITE_TRANSIENT);
}

static void lite_bind_null(struct db_stmt *st, int i)
{
    sqlite3_bind_null(STMT(st), i);
}

static int outcome(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_ROW:
        return DB_ROW;
    case SQLITE_DONE:
    case SQLITE_OK:
        return DB_DONE;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return DB_BUSY;
    default:
        return DB_ERROR;
    }
}

static int lite_step(struct db_stmt *st)
{
    return outcome(sqlite3_step(STMT(st)));
}

static enum db_type lite_column_type(struct db_stmt *st, int col)
{
    switch (sqlite3_column_type(STMT(st), col)) {
    case SQLITE_NULL:
        return DB_T_NULL;
    case SQLITE_INTEGER:
        return DB_T_INT;
    case SQLITE_TEXT:
        return DB_T_TEXT;
    case SQLITE_BLOB:
        return DB_T_BLOB;
    default:
        return DB_T_OTHER;
    }
}

static int64_t lite_column_int64(struct db_stmt *st, int col)
{
    return sqlite3_column_int64(STMT(st), col);
}

static const char *lite_column_text(struct db_stmt *st, int col, size_t *len)
{
    const char *t = (const char *)sqlite3_column_text(STMT(st), col);
    *len = (size_t)sqlite3_column_bytes(STMT(st), col);
    return t;
}

static const void *lite_column_blob(struct db_stmt *st, int col, size_t *len)
{
    const void *b = sqlite3_column_blob(STMT(st), col);
    *len = (size_t)sqlite3_column_bytes(STMT(st), col);
    return b;
}

static const char *lite_column_name(struct db_stmt *st, int col)
{
    return sqlite3_column_name(STMT(st), col);
}

static int lite_exec(struct db *db, const char *sql)
{
    return sqlite3_exec(LITE(db)->h, sql, NULL, NULL, NULL) == SQLITE_OK ? DB_DONE : DB_ERROR;
}

static const char *lite_errmsg(struct db *db)
{
    return sqlite3_errmsg(LITE(db)->h);
}

static enum db_errkind lite_errkind(struct db *db)
{
    int code = sqlite3_extended_errcode(LITE(db)->h);
    if (code == SQLITE_CONSTRAINT_FOREIGNKEY)
        return DB_E_FOREIGN_KEY;
    switch (code & 0xff) {
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE:
        return DB_E_NONE;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return DB_E_BUSY;
    case SQLITE_READONLY:
        return DB_E_READONLY;
    default:
        return DB_E_OTHER;
    }
}

static int64_t lite_changes(struct db *db)
{
    return sqlite3_changes(LITE(db)->h);
}

static int64_t lite_total_changes(struct db *db)
{
    return sqlite3_total_changes(LITE(db)->h);
}

static int64_t lite_last_id(struct db *db)
{
    return sqlite3_last_insert_rowid(LITE(db)->h);
}

/* One of the connection's own statements, prepared once and stepped. */
static int run_tx(struct lite *l, int which)
{
    if (!l->tx[which] && sqlite3_prepare_v3(l->h, tx_sql[which], -1, SQLITE_PREPARE_PERSISTENT,
                                            &l->tx[which], NULL) != SQLITE_OK)
        return outcome(sqlite3_extended_errcode(l->h));
    int rc = outcome(sqlite3_step(l->tx[which]));
    sqlite3_reset(l->tx[which]);
    return rc;
}

static int lite_begin(struct db *db, enum db_txn kind)
{
    struct lite *l = LITE(db);
    if (kind == DB_TXN_READ)
        return run_tx(l, TX_READ);
    if (kind == DB_TXN_WRITE_TRY)
        lite_busy(l, PRESENCE_BUSY_MS);
    int rc = run_tx(l, TX_WRITE);
    if (kind == DB_TXN_WRITE_TRY)
        lite_busy(l, BUSY_TIMEOUT_MS);
    return rc;
}

static int lite_commit(struct db *db)
{
    return run_tx(LITE(db), TX_COMMIT);
}

static void lite_rollback(struct db *db)
{
    struct lite *l = LITE(db);
    if (!sqlite3_get_autocommit(l->h))
        run_tx(l, TX_ROLLBACK);
}

static bool lite_in_txn(struct db *db)
{
    return !sqlite3_get_autocommit(LITE(db)->h);
}

static int64_t lite_data_version(struct db *db)
{
    struct lite *l = LITE(db);
    if (!l->tx[TX_VERSION] && sqlite3_prepare_v3(l->h, tx_sql[TX_VERSION], -1,
                                                 SQLITE_PREPARE_PERSISTENT, &l->tx[TX_VERSION],
                                                 NULL) != SQLITE_OK)
        return -1;
    int64_t v = -1;
    if (sqlite3_step(l->tx[TX_VERSION]) == SQLITE_ROW)
        v = sqlite3_column_int64(l->tx[TX_VERSION], 0);
    sqlite3_reset(l->tx[TX_VERSION]);
    return v;
}

static const struct db_ops lite_ops = {
    DB_SQLITE,
    lite_close,
    lite_prepare,
    lite_finalize,
    lite_reset,
    lite_clear,
    lite_bind_int64,
    lite_bind_text,
    lite_bind_blob,
    lite_bind_null,
    lite_step,
    lite_column_type,
    lite_column_int64,
    lite_column_text,
    lite_column_blob,
    lite_column_name,
    lite_exec,
    lite_errmsg,
    lite_errkind,
    lite_changes,
    lite_total_changes,
    lite_last_id,
    lite_begin,
    lite_commit,
    lite_rollback,
    lite_in_txn,
    lite_data_version,
};

struct db *db_sqlite_new(struct sqlite3 *h)
{
    if (!h)
        return NULL;
    struct lite *l = xcalloc(1, sizeof *l);
    l->base.ops = &lite_ops;
    l->h = h;
    lite_busy(l, BUSY_TIMEOUT_MS);
    return &l->base;
}

struct sqlite3 *db_sqlite_handle(struct db *db)
{
    return db && db->ops == &lite_ops ? LITE(db)->h : NULL;
}

int db_sqlite_checkpoint(struct db *db, bool truncate, int wait_ms)
{
    sqlite3 *h = db_sqlite_handle(db);
    if (!h)
        return -1;
    struct lite *l = LITE(db);
    int log = -1, copied = -1;
    if (sqlite3_wal_checkpoint_v2(h, NULL, SQLITE_CHECKPOINT_PASSIVE, &log, &copied) !=
            SQLITE_OK || log != copied)
        return -1;
    if (truncate) {
        lite_busy(l, wait_ms);
        sqlite3_wal_checkpoint_v2(h, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
        lite_busy(l, BUSY_TIMEOUT_MS);
    }
    return 0;
}
