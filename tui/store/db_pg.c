/*
 * The database layer (db.h) on a PostgreSQL server, through libpq.
 *
 * Statements are prepared on the server once per connection, the first
 * time they run, with their ?N made $N; their values are sent as text
 * (blobs as bytes) and their rows come back in binary, so that a whole
 * number is a number and a text or blob its exact bytes. A statement's
 * rows are all fetched when it runs; db_step walks through them.
 *
 * Writers are serialised as SQLite's one writer is: a write transaction
 * takes an advisory lock that every dpia writer takes (and lock_timeout
 * bounds the wait), then reads and writes at READ COMMITTED, so what it
 * reads is the latest committed state and nobody else writes until it
 * ends: the store's check of what was read against the row inside the
 * transaction loses no update. A read transaction is REPEATABLE READ:
 * one state however long it lasts.
 *
 * data_version: a counter in the state table (DB_PG_STATE_TABLE), one
 * more at the end of every write transaction that changed a row;
 * db_data_version moves when the counter is not what this connection
 * last read or left it at.
 *
 * A connection lost (the server restarted, the network cut) fails what
 * is running with DB_E_CONNECTION; the next transaction connects again
 * (a statement outside one, or a heartbeat of presence, at most every
 * REVIVE_MS), and its statements are prepared again.
 */
#include "config.h"
#include "store/db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/db_impl.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#ifdef HAVE_LIBPQ
#include <libpq-fe.h>

#include "store/store_int.h"

/* The types of the columns dpia's tables and statements have (the
 * server's catalogue numbers them so). */
#define OID_BOOL 16
#define OID_BYTEA 17
#define OID_NAME 19
#define OID_INT8 20
#define OID_INT2 21
#define OID_INT4 23
#define OID_TEXT 25
#define OID_OID 26
#define OID_BPCHAR 1042
#define OID_VARCHAR 1043

/* A lost connection is tried again at most this often: a server out of
 * reach may take the whole connect_timeout to say so, and the interface
 * looks once a second. */
#define REVIVE_MS 3000

struct pg {
    struct db base;
    PGconn *conn;
    bool read_only;
    int64_t revived_at;     /* the last try to connect again, 0 none */
    unsigned gen;           /* one more at each new connection */
    unsigned names;         /* statements named so far */
    char msg[512];          /* the last failure, one line */
    enum db_errkind kind;
    int64_t changes, total;
    bool in_txn, writing;
    int64_t txn_total;      /* total when the transaction began */
    bool has_state;         /* the state table is there (db_pg_state_ready) */
    bool dv_known;
    int64_t dv_seen;        /* the counter as last read or left */
    int64_t dv_local;       /* what db_data_version says */
};

struct pg_stmt {
    struct db_stmt base;
    char name[32];
    char *sql;
    int nparams;
    unsigned *types;        /* text for a parameter the text does not use,
                               else 0: the server's inference */
    unsigned gen;           /* the connection it was prepared on; 0 none */
    char **values;
    int *lengths, *formats;
    PGresult *res;
    bool ran;
    int row;
    char num[32];           /* a number read as text */
};

#define PG(db) ((struct pg *)(void *)(db))
#define PST(s) ((struct pg_stmt *)(void *)(s))

/* --- failures ------------------------------------------------------------- */

/* text made one line: its line breaks and tabs become "; " and spaces,
 * trailing ones dropped. */
static void one_line(char *out, size_t size, const char *text)
{
    size_t o = 0;
    bool gap = false;
    for (const char *p = text ? text : ""; *p && o + 3 < size; p++) {
        if (*p == '\n' || *p == '\r') {
            gap = true;
            continue;
        }
        if (gap && o > 0) {
            out[o++] = ';';
            out[o++] = ' ';
        }
        gap = false;
        out[o++] = *p == '\t' ? ' ' : *p;
    }
    while (o > 0 && (out[o - 1] == ' ' || out[o - 1] == ';'))
        o--;
    out[o] = '\0';
}

static enum db_errkind kind_of(const char *state)
{
    if (!state || strlen(state) != 5)
        return DB_E_OTHER;
    if (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0)
        return DB_E_CONFLICT;
    if (strcmp(state, "55P03") == 0 || strcmp(state, "57014") == 0)
        return DB_E_BUSY;
    if (strcmp(state, "23503") == 0)
        return DB_E_FOREIGN_KEY;
    if (strcmp(state, "25006") == 0)
        return DB_E_READONLY;
    if (strcmp(state, "42501") == 0)
        return DB_E_DENIED;
    if (strncmp(state, "08", 2) == 0 || strncmp(state, "57P", 3) == 0)
        return DB_E_CONNECTION;
    return DB_E_OTHER;
}

/* Records the failure of res (NULL: of the connection); the code for
 * db_step. */
static int failed(struct pg *p, const PGresult *res)
{
    const char *text = NULL;
    p->kind = DB_E_OTHER;
    if (res) {
        p->kind = kind_of(PQresultErrorField(res, PG_DIAG_SQLSTATE));
        text = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
        if (!text)
            text = PQresultErrorMessage(res);
    }
    if (!text || !*text)
        text = PQerrorMessage(p->conn);
    if (PQstatus(p->conn) == CONNECTION_BAD)
        p->kind = DB_E_CONNECTION;
    one_line(p->msg, sizeof p->msg, text);
    if (!p->msg[0])
        snprintf(p->msg, sizeof p->msg, "%s", _("the server gave no reason"));
    return p->kind == DB_E_BUSY ? DB_BUSY : p->kind == DB_E_CONFLICT ? DB_CONFLICT : DB_ERROR;
}

static void succeeded(struct pg *p)
{
    p->kind = DB_E_NONE;
    p->msg[0] = '\0';
}

/* --- the connection ------------------------------------------------------- */

static void quiet(void *arg, const char *message)
{
    (void)arg;
    (void)message;
}

/* The session's settings, on each new connection. */
static bool setup(struct pg *p)
{
    PQsetNoticeProcessor(p->conn, quiet, NULL);
    char sql[256];
    snprintf(sql, sizeof sql, "SET lock_timeout = %d; SET client_min_messages = warning%s",
             BUSY_TIMEOUT_MS, p->read_only ? "; SET default_transaction_read_only = on" : "");
    PGresult *res = PQexec(p->conn, sql);
    bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
    if (!ok)
        failed(p, res);
    PQclear(res);
    return ok;
}

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Outside a transaction, a connection that was lost is made again: at
 * once for a transaction a person asked for (force), else not more than
 * once every REVIVE_MS (what the interface does by itself). */
static void revive(struct pg *p, bool force)
{
    if (p->in_txn || PQstatus(p->conn) == CONNECTION_OK)
        return;
    int64_t now = now_ms();
    if (!force && p->revived_at && now - p->revived_at < REVIVE_MS)
        return;
    p->revived_at = now;
    PQreset(p->conn);
    if (PQstatus(p->conn) != CONNECTION_OK)
        return;
    p->revived_at = 0;
    p->gen++;
    setup(p);
}

/* Runs SQL text; the result, or NULL after recording the failure. */
static PGresult *run(struct pg *p, const char *sql)
{
    PGresult *res = PQexec(p->conn, sql);
    ExecStatusType t = PQresultStatus(res);
    if (t == PGRES_COMMAND_OK || t == PGRES_TUPLES_OK) {
        succeeded(p);
        return res;
    }
    failed(p, res);
    PQclear(res);
    return NULL;
}

static void pg_close(struct db *db)
{
    struct pg *p = PG(db);
    PQfinish(p->conn);
    free(p);
}

/* --- statements ------------------------------------------------------------ */

/* sql with ?N made $N (outside quotes); *nparams the highest N, and
 * *used (the caller frees) whether each of 1..N appears. */
static char *dollars(const char *sql, int *nparams, bool **used)
{
    size_t n = strlen(sql);
    char *out = xmalloc(n + 1);
    size_t o = 0;
    char quote = 0;
    int most = 0;
    for (size_t i = 0; i < n; i++) {
        char c = sql[i];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '?' && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
            c = '$';
            int k = 0;
            for (size_t j = i + 1; j < n && sql[j] >= '0' && sql[j] <= '9'; j++)
                k = k * 10 + (sql[j] - '0');
            if (k > most)
                most = k;
        }
        out[o++] = c;
    }
    out[o] = '\0';
    *nparams = most;
    *used = xcalloc((size_t)most + 1, sizeof **used);
    for (const char *p = strchr(out, '$'); p; p = strchr(p + 1, '$'))
        if (p[1] >= '0' && p[1] <= '9')
            (*used)[strtol(p + 1, NULL, 10) - 1] = true;
    return out;
}

static struct db_stmt *pg_prepare(struct db *db, const char *sql)
{
    struct pg *p = PG(db);
    struct pg_stmt *st = xcalloc(1, sizeof *st);
    st->base.db = db;
    snprintf(st->name, sizeof st->name, "dpia_%u", ++p->names);
    bool *used;
    st->sql = dollars(sql, &st->nparams, &used);
    int n = st->nparams ? st->nparams : 1;
    /* A parameter the text does not use (a statement that shares its
     * numbering with another) has no type to infer: text. */
    st->types = xcalloc((size_t)n, sizeof *st->types);
    for (int i = 0; i < st->nparams; i++)
        st->types[i] = used[i] ? 0 : OID_TEXT;
    free(used);
    st->values = xcalloc((size_t)n, sizeof *st->values);
    st->lengths = xcalloc((size_t)n, sizeof *st->lengths);
    st->formats = xcalloc((size_t)n, sizeof *st->formats);
    st->row = -1;
    return &st->base;
}

static void pg_clear(struct db_stmt *base)
{
    struct pg_stmt *st = PST(base);
    for (int i = 0; i < st->nparams; i++) {
        XFREE(st->values[i]);
        st->lengths[i] = 0;
        st->formats[i] = 0;
    }
}

static void pg_reset(struct db_stmt *base)
{
    struct pg_stmt *st = PST(base);
    PQclear(st->res);
    st->res = NULL;
    st->ran = false;
    st->row = -1;
}

static void pg_finalize(struct db_stmt *base)
{
    struct pg_stmt *st = PST(base);
    pg_reset(base);
    pg_clear(base);
    free(st->values);
    free(st->lengths);
    free(st->formats);
    free(st->types);
    free(st->sql);
    free(st);
}

/* Parameter i (from 1) takes len bytes at v, as text or (binary) bytes. */
static void put(struct db_stmt *base, int i, const void *v, size_t len, bool binary)
{
    struct pg_stmt *st = PST(base);
    if (i < 1 || i > st->nparams)
        return;
    char *copy = NULL;
    if (v) {
        copy = xmalloc(len + 1);
        if (len)
            memcpy(copy, v, len);
        copy[len] = '\0';
    }
    free(st->values[i - 1]);
    st->values[i - 1] = copy;
    st->lengths[i - 1] = (int)len;
    st->formats[i - 1] = binary;
}

static void pg_bind_int64(struct db_stmt *st, int i, int64_t v)
{
    char text[32];
    int n = snprintf(text, sizeof text, "%lld", (long long)v);
    put(st, i, text, (size_t)n, false);
}

static void pg_bind_text(struct db_stmt *st, int i, const char *v)
{
    put(st, i, v, strlen(v), false);
}

static void pg_bind_blob(struct db_stmt *st, int i, const void *b, size_t len)
{
    put(st, i, b ? b : "", len, true);
}

static void pg_bind_null(struct db_stmt *st, int i)
{
    put(st, i, NULL, 0, false);
}

static bool changes_rows(const char *status)
{
    return strncmp(status, "INSERT", 6) == 0 || strncmp(status, "UPDATE", 6) == 0 ||
           strncmp(status, "DELETE", 6) == 0;
}

static int pg_step(struct db_stmt *base)
{
    struct pg_stmt *st = PST(base);
    struct pg *p = PG(base->db);
    if (!st->ran) {
        st->ran = true;
        st->row = -1;
        PQclear(st->res);
        st->res = NULL;
        revive(p, false);
        if (st->gen != p->gen || st->gen == 0) {
            PGresult *res = PQprepare(p->conn, st->name, st->sql, st->nparams,
                                      (const Oid *)st->types);
            if (PQresultStatus(res) != PGRES_COMMAND_OK) {
                int rc = failed(p, res);
                PQclear(res);
                return rc;
            }
            PQclear(res);
            st->gen = p->gen;
        }
        PGresult *res = PQexecPrepared(p->conn, st->name, st->nparams,
                                       (const char *const *)st->values, st->lengths,
                                       st->formats, 1);
        ExecStatusType t = PQresultStatus(res);
        if (t != PGRES_TUPLES_OK && t != PGRES_COMMAND_OK) {
            int rc = failed(p, res);
            PQclear(res);
            return rc;
        }
        succeeded(p);
        p->changes = 0;
        if (changes_rows(PQcmdStatus(res))) {
            p->changes = strtoll(PQcmdTuples(res), NULL, 10);
            p->total += p->changes;
        }
        st->res = res;
    }
    if (!st->res || st->row + 1 >= PQntuples(st->res)) {
        if (st->res)
            st->row = PQntuples(st->res);
        return DB_DONE;
    }
    st->row++;
    return DB_ROW;
}

/* Whether the current row has column col, and it is not NULL. */
static bool has(struct pg_stmt *st, int col)
{
    return st->res && st->row >= 0 && st->row < PQntuples(st->res) && col >= 0 &&
           col < PQnfields(st->res) && !PQgetisnull(st->res, st->row, col);
}

static enum db_type pg_column_type(struct db_stmt *base, int col)
{
    struct pg_stmt *st = PST(base);
    if (!has(st, col))
        return DB_T_NULL;
    switch (PQftype(st->res, col)) {
    case OID_BOOL:
    case OID_INT2:
    case OID_INT4:
    case OID_INT8:
    case OID_OID:
        return DB_T_INT;
    case OID_TEXT:
    case OID_VARCHAR:
    case OID_BPCHAR:
    case OID_NAME:
        return DB_T_TEXT;
    case OID_BYTEA:
        return DB_T_BLOB;
    default:
        return DB_T_OTHER;
    }
}

/* A whole number in network order of n bytes. */
static int64_t be(const unsigned char *b, int n, bool is_signed)
{
    uint64_t v = 0;
    for (int i = 0; i < n; i++)
        v = v << 8 | b[i];
    if (is_signed && n < 8 && (v >> (8 * n - 1)) & 1)
        v |= ~UINT64_C(0) << (8 * n);
    return (int64_t)v;
}

static int64_t pg_column_int64(struct db_stmt *base, int col)
{
    struct pg_stmt *st = PST(base);
    if (!has(st, col))
        return 0;
    const unsigned char *b = (const unsigned char *)PQgetvalue(st->res, st->row, col);
    int n = PQgetlength(st->res, st->row, col);
    switch (PQftype(st->res, col)) {
    case OID_BOOL:
        return n == 1 && b[0] != 0;
    case OID_INT2:
        return n == 2 ? be(b, 2, true) : 0;
    case OID_INT4:
        return n == 4 ? be(b, 4, true) : 0;
    case OID_OID:
        return n == 4 ? be(b, 4, false) : 0;
    case OID_INT8:
        return n == 8 ? be(b, 8, true) : 0;
    case OID_TEXT:
    case OID_VARCHAR:
    case OID_BPCHAR:
    case OID_NAME:
        return strtoll((const char *)b, NULL, 10);
    default:
        return 0;
    }
}

static const char *pg_column_text(struct db_stmt *base, int col, size_t *len)
{
    struct pg_stmt *st = PST(base);
    *len = 0;
    switch (pg_column_type(base, col)) {
    case DB_T_NULL:
    case DB_T_OTHER:
        return NULL;
    case DB_T_INT: {
        int n = snprintf(st->num, sizeof st->num, "%lld",
                         (long long)pg_column_int64(base, col));
        *len = (size_t)n;
        return st->num;
    }
    default:
        *len = (size_t)PQgetlength(st->res, st->row, col);
        return PQgetvalue(st->res, st->row, col);
    }
}

static const void *pg_column_blob(struct db_stmt *base, int col, size_t *len)
{
    return pg_column_text(base, col, len);
}

static const char *pg_column_name(struct db_stmt *base, int col)
{
    struct pg_stmt *st = PST(base);
    return st->res && col >= 0 && col < PQnfields(st->res) ? PQfname(st->res, col) : NULL;
}

/* --- the connection's calls -------------------------------------------------- */

static int pg_exec(struct db *db, const char *sql)
{
    struct pg *p = PG(db);
    revive(p, false);
    PGresult *res = run(p, sql);
    if (!res)
        return p->kind == DB_E_BUSY ? DB_BUSY : DB_ERROR;
    PQclear(res);
    return DB_DONE;
}

static const char *pg_errmsg(struct db *db)
{
    return PG(db)->msg;
}

static enum db_errkind pg_errkind(struct db *db)
{
    return PG(db)->kind;
}

static int64_t pg_changes(struct db *db)
{
    return PG(db)->changes;
}

static int64_t pg_total_changes(struct db *db)
{
    return PG(db)->total;
}

static int64_t pg_last_id(struct db *db)
{
    (void)db;
    return -1;
}

static void pg_rollback(struct db *db)
{
    struct pg *p = PG(db);
    if (!p->in_txn)
        return;
    p->in_txn = false;
    p->writing = false;
    if (PQstatus(p->conn) == CONNECTION_OK)
        PQclear(PQexec(p->conn, "ROLLBACK"));
}

static int pg_begin(struct db *db, enum db_txn kind)
{
    struct pg *p = PG(db);
    /* A presence heartbeat (a short try) is the interface's own. */
    revive(p, kind != DB_TXN_WRITE_TRY);
    PGresult *res = run(p, kind == DB_TXN_READ ? "BEGIN ISOLATION LEVEL REPEATABLE READ"
                                               : "BEGIN ISOLATION LEVEL READ COMMITTED");
    if (!res)
        return p->kind == DB_E_BUSY ? DB_BUSY : DB_ERROR;
    PQclear(res);
    p->in_txn = true;
    p->writing = kind != DB_TXN_READ;
    p->txn_total = p->total;
    if (!p->writing)
        return DB_DONE;
    /* Every writer takes the one lock: the store's one writer at a
     * time, as on SQLite. */
    char sql[96];
    snprintf(sql, sizeof sql, "SELECT %s(%d)",
             kind == DB_TXN_WRITE_TRY ? "pg_try_advisory_xact_lock" : "pg_advisory_xact_lock",
             DB_PG_WRITE_LOCK);
    res = run(p, sql);
    if (!res) {
        enum db_errkind k = p->kind;
        char msg[sizeof p->msg];
        memcpy(msg, p->msg, sizeof msg);
        pg_rollback(db);
        p->kind = k;
        memcpy(p->msg, msg, sizeof msg);
        return k == DB_E_BUSY ? DB_BUSY : DB_ERROR;
    }
    bool got = kind != DB_TXN_WRITE_TRY ||
               (PQntuples(res) == 1 && PQgetvalue(res, 0, 0)[0] == 't');
    PQclear(res);
    if (!got) {
        pg_rollback(db);
        p->kind = DB_E_BUSY;
        snprintf(p->msg, sizeof p->msg, "%s", _("another session is writing"));
        return DB_BUSY;
    }
    return DB_DONE;
}

static int pg_commit(struct db *db)
{
    struct pg *p = PG(db);
    if (!p->in_txn)
        return DB_DONE;
    if (PQstatus(p->conn) != CONNECTION_OK) {
        p->in_txn = p->writing = false;
        return failed(p, NULL);
    }
    if (PQtransactionStatus(p->conn) == PQTRANS_INERROR) {
        pg_rollback(db);
        p->kind = DB_E_OTHER;
        snprintf(p->msg, sizeof p->msg, "%s",
                 _("a statement of the transaction failed; nothing of it was kept"));
        return DB_ERROR;
    }
    int64_t counter = -1;
    if (p->writing && p->total != p->txn_total && p->has_state) {
        PGresult *res = run(p, "UPDATE " DB_PG_STATE_TABLE
                               " SET data_version = data_version + 1 RETURNING data_version");
        if (!res) {
            enum db_errkind k = p->kind;
            pg_rollback(db);
            p->kind = k;
            return k == DB_E_CONFLICT ? DB_CONFLICT : DB_ERROR;
        }
        if (PQntuples(res) == 1)
            counter = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
        PQclear(res);
    }
    PGresult *res = PQexec(p->conn, "COMMIT");
    bool ok = PQresultStatus(res) == PGRES_COMMAND_OK &&
              strncmp(PQcmdStatus(res), "COMMIT", 6) == 0;
    int rc = DB_DONE;
    if (!ok) {
        rc = PQresultStatus(res) == PGRES_COMMAND_OK ? DB_ERROR : failed(p, res);
        if (PQresultStatus(res) == PGRES_COMMAND_OK) {
            p->kind = DB_E_OTHER;
            snprintf(p->msg, sizeof p->msg, "%s",
                     _("a statement of the transaction failed; nothing of it was kept"));
        }
        /* A COMMIT that fails ends the transaction too; BUSY is not
         * worth trying again here. */
        if (rc == DB_BUSY)
            rc = DB_ERROR;
    } else {
        succeeded(p);
    }
    PQclear(res);
    p->in_txn = p->writing = false;
    /* This connection's own change does not move its data_version;
     * the counter was read under the lock at the start, so it was one
     * less just now unless another wrote in between (then the next look
     * sees that). */
    if (rc == DB_DONE && counter > 0 && p->dv_known && counter - 1 == p->dv_seen)
        p->dv_seen = counter;
    return rc;
}

static bool pg_in_txn(struct db *db)
{
    return PG(db)->in_txn;
}

static int64_t pg_data_version(struct db *db)
{
    struct pg *p = PG(db);
    if (!p->has_state)
        return -1;
    revive(p, false);
    PGresult *res = run(p, "SELECT data_version FROM " DB_PG_STATE_TABLE);
    if (!res)
        return -1;
    int64_t c = PQntuples(res) == 1 ? strtoll(PQgetvalue(res, 0, 0), NULL, 10) : -1;
    PQclear(res);
    if (c < 0)
        return -1;
    if (!p->dv_known || c != p->dv_seen) {
        if (p->dv_known)
            p->dv_local++;
        p->dv_seen = c;
        p->dv_known = true;
    }
    return p->dv_local;
}

static const struct db_ops pg_ops = {
    DB_PG,
    pg_close,
    pg_prepare,
    pg_finalize,
    pg_reset,
    pg_clear,
    pg_bind_int64,
    pg_bind_text,
    pg_bind_blob,
    pg_bind_null,
    pg_step,
    pg_column_type,
    pg_column_int64,
    pg_column_text,
    pg_column_blob,
    pg_column_name,
    pg_exec,
    pg_errmsg,
    pg_errkind,
    pg_changes,
    pg_total_changes,
    pg_last_id,
    pg_begin,
    pg_commit,
    pg_rollback,
    pg_in_txn,
    pg_data_version,
};

bool db_pg_available(void)
{
    return true;
}

struct db *db_pg_connect(const char *url, const char *user, bool read_only, char *why,
                         size_t size)
{
    /* The URL's own settings win over those before it (and the user
     * named by PGUSER over the one given); the encoding is dpia's. */
    const char *keys[6] = { "connect_timeout", "fallback_application_name" };
    const char *values[6] = { "10", "dpia" };
    int k = 2;
    const char *env = getenv("PGUSER");
    if (user && *user && !(env && *env)) {
        keys[k] = "user";
        values[k++] = user;
    }
    keys[k] = "dbname";
    values[k++] = url;
    keys[k] = "client_encoding";
    values[k++] = "UTF8";
    keys[k] = NULL;
    values[k] = NULL;
    PGconn *conn = PQconnectdbParams(keys, values, 1);
    if (!conn) {
        snprintf(why, size, "%s", _("out of memory"));
        return NULL;
    }
    if (PQstatus(conn) != CONNECTION_OK) {
        char reason[512];
        one_line(reason, sizeof reason, PQerrorMessage(conn));
        const char *host = PQhost(conn), *name = PQdb(conn);
        snprintf(why, size, _("cannot connect to the PostgreSQL database %s on %s: %s"),
                 name && *name ? name : "?", host && *host ? host : "localhost", reason);
        PQfinish(conn);
        return NULL;
    }
    struct pg *p = xcalloc(1, sizeof *p);
    p->base.ops = &pg_ops;
    p->conn = conn;
    p->read_only = read_only;
    p->gen = 1;
    if (!setup(p)) {
        snprintf(why, size, "%s", p->msg);
        pg_close(&p->base);
        return NULL;
    }
    return &p->base;
}

void db_pg_state_ready(struct db *db)
{
    if (db && db->ops == &pg_ops)
        PG(db)->has_state = true;
}

#else

bool db_pg_available(void)
{
    return false;
}

struct db *db_pg_connect(const char *url, const char *user, bool read_only, char *why,
                         size_t size)
{
    (void)url;
    (void)user;
    (void)read_only;
    snprintf(why, size, "%s", _("this dpia was built without PostgreSQL"));
    return NULL;
}

void db_pg_state_ready(struct db *db)
{
    (void)db;
}

#endif
