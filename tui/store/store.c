/*
 * The connection once open (opening is open.c): the statement cache,
 * transactions with a retry when another process holds the lock,
 * checkpoints and closing, and the small helpers the other files of the
 * store share.
 */
#include "config.h"
#include "store/store.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/random.h>
#endif

#include "store/store_int.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* How long closing waits to empty the log of changes: the checkpoint
 * holds the write lock while it waits for readers, so every other
 * writer waits as long; a short wait, then the log is left for later. */
#define CLOSE_CHECKPOINT_MS 250

static const char *const statement_sql[SQ_COUNT] = {
#define X(name, sql) sql,
    STORE_STATEMENTS(X)
#undef X
};

/* PostgreSQL's words where they differ (NULL: the same). */
static const char *const statement_pg[SQ_COUNT] = {
#define X(name, sql) [SQ_##name] = sql,
    STORE_PG_STATEMENTS(X)
#undef X
};

bool store_on_server(const struct store *s)
{
    return s->db && db_kind(s->db) == DB_PG;
}

char *store_default_who(void)
{
    const char *env = getenv("DPIA_USER");
    if (env && *env)
        return xstrdup(env);
    struct passwd *pw = getpwuid(geteuid());
    if (pw && pw->pw_name && *pw->pw_name)
        return xstrdup(pw->pw_name);
    env = getenv("LOGNAME");
    if (env && *env)
        return xstrdup(env);
    return xasprintf("uid %ld", (long)geteuid());
}

int store_db_error(struct store *s, const char *what, struct err *e)
{
    switch (db_errkind(s->db)) {
    case DB_E_READONLY:
        return err_set(e, _("%s: %s cannot be written (read-only)"), what, s->path);
    case DB_E_DENIED:
        /* TRANSLATORS: "saving an answer: postgresql:///dpia refused it to
         * rita: new row violates row-level security policy..."; the
         * server's reason is in its own words. */
        return err_set(e, _("%s: %s refused it to %s: %s"), what, s->path, s->who,
                       db_errmsg(s->db));
    case DB_E_BUSY:
        return err_set(e, _("%s: %s is busy: another program kept it locked for too long"),
                       what, s->path);
    case DB_E_CONNECTION:
        return err_set(e, _("%s: the connection to %s was lost: %s"), what, s->path,
                       db_errmsg(s->db));
    default:
        return err_set(e, "%s: %s: %s", what, s->path, db_errmsg(s->db));
    }
}

/* A statement with the columns of the field tables put in (the braces
 * of STORE_STATEMENTS); the caller frees. */
char *store_expand_sql(const char *sql, bool pg)
{
    struct buf b = { 0 };
    for (const char *p = sql; *p; p++) {
        const struct field *t = NULL;
        size_t n = 0;
        if (strncmp(p, "{ID}", 4) == 0) {
            if (pg)
                buf_adds(&b, " RETURNING id");
            p += 3;
            continue;
        }
        if (*p == '{' && (p[1] == 'R' || p[1] == 'M' || p[1] == 'S')) {
            t = p[1] == 'R' ? risk_fields : p[1] == 'M' ? measure_fields : signoff_fields;
            n = p[1] == 'R' ? nrisk_fields : p[1] == 'M' ? nmeasure_fields : nsignoff_fields;
        }
        if (!t) {
            buf_addc(&b, *p);
            continue;
        }
        char op = p[2];
        int from = 0;
        p += op == '}' ? 2 : 3;
        if (op == '?' || op == '+')
            while (*p >= '0' && *p <= '9')
                from = from * 10 + (*p++ - '0');
        /* p is on the closing brace. */
        if (op == '+')
            buf_printf(&b, "?%d", from + (int)n);
        else
            for (size_t i = 0; i < n; i++)
                if (op == '?')
                    buf_printf(&b, "%s?%d", i ? ", " : "", from + (int)i);
                else
                    buf_printf(&b, "%s%s%s", i ? ", " : "", op == '=' ? "excluded." : "",
                               t[i].column);
    }
    return buf_take(&b);
}

struct db_stmt *store_stmt(struct store *s, enum store_stmt id, struct err *e)
{
    struct db_stmt *st = s->stmts[id];
    if (st) {
        db_reset(st);
        db_clear(st);
        return st;
    }
    bool pg = store_on_server(s);
    char *sql = store_expand_sql(pg && statement_pg[id] ? statement_pg[id] : statement_sql[id],
                                 pg);
    char *people = pg ? strstr(sql, "COLLATE people") : NULL;
    if (people) {
        *people = '\0';
        char *named = xasprintf("%sCOLLATE \"%s\"%s", sql, s->people[0] ? s->people : "default",
                                people + strlen("COLLATE people"));
        free(sql);
        sql = named;
    }
    st = db_prepare(s->db, sql);
    free(sql);
    if (!st) {
        store_db_error(s, _("preparing a statement"), e);
        return NULL;
    }
    s->stmts[id] = st;
    return st;
}

void store_bind_text(struct db_stmt *st, int i, const char *v)
{
    db_bind_text(st, i, v ? v : "");
}

void store_set_str(char **p, const char *v)
{
    char *copy = xstrdup(v ? v : "");
    free(*p);
    *p = copy;
}

int store_exec(struct store *s, struct db_stmt *st, const char *what, struct err *e)
{
    int rc = db_step(st);
    db_reset(st);
    if (rc == DB_DONE || rc == DB_ROW)
        return 0;
    return store_db_error(s, what, e);
}

int store_exec_id(struct store *s, struct db_stmt *st, const char *what, int64_t *id,
                  struct err *e)
{
    int rc = db_step(st);
    if (rc == DB_ROW)
        *id = db_column_int64(st, 0);
    else if (rc == DB_DONE)
        *id = db_last_id(s->db);
    db_reset(st);
    if (rc == DB_DONE || rc == DB_ROW)
        return 0;
    return store_db_error(s, what, e);
}

int store_exec_sql(struct store *s, const char *sql, struct err *e)
{
    if (db_exec(s->db, sql) != DB_DONE)
        return err_set(e, "%s: %s", s->path, db_errmsg(s->db));
    return 0;
}

int64_t store_now(void)
{
    return (int64_t)time(NULL);
}

int64_t store_monotonic_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int store_check_writable(struct store *s, struct err *e)
{
    if (!s->read_only)
        return 0;
    return err_set(e, _("%s is open read-only: the change was not saved"), s->path);
}

/* At the start of a transaction: when another connection has written
 * since the last one, no copy in memory can be trusted to be in step. */
static void check_data_version(struct store *s)
{
    int64_t v = db_data_version(s->db);
    if (v < 0 || v != s->data_version)
        s->stamp++;
    s->data_version = v;
}

/* At the end of a write transaction: what it changed makes every copy
 * in memory stale but the one it was made through, when that one took
 * the whole change and it was kept. */
static void txn_ended(struct store *s, bool kept)
{
    if (db_total_changes(s->db) != s->txn_changes && !s->txn_aside) {
        s->stamp++;
        if (kept && s->owner && s->owner_ok) {
            s->owner->store_of = s;
            s->owner->store_stamp = s->stamp;
        }
    }
    s->owner = NULL;
    s->txn_aside = false;
}

bool store_in_step(struct store *s, const struct assessment *a)
{
    return a->store_of == s && a->store_stamp == s->stamp;
}

void store_stamp(struct store *s, struct assessment *a)
{
    a->store_of = s;
    a->store_stamp = s->stamp;
}

/* SQLite waits in its busy handler for most locks, but in WAL mode some
 * (a reader recovering the log, a lock taken while it checks) come back
 * at once as SQLITE_BUSY: those are retried here with a short pause, so
 * that "database is locked" never reaches the user within a normal wait. */
int store_txn_begin(struct store *s, struct err *e)
{
    if (s->depth > 0) {
        s->depth++;
        return 0;
    }
    if (store_check_writable(s, e) < 0)
        return -1;
    int64_t start = store_monotonic_ms();
    for (unsigned attempt = 0;; attempt++) {
        int rc = db_begin(s->db, s->one_try ? DB_TXN_WRITE_TRY : DB_TXN_WRITE);
        if (rc == DB_DONE) {
            s->depth = 1;
            s->doomed = false;
            check_data_version(s);
            s->txn_changes = db_total_changes(s->db);
            s->owner = NULL;
            s->owner_ok = true;
            s->txn_aside = false;
            s->hist_txn_rows = false;
            /* The lock is held: nothing of this store moves now. */
            if (store_check_file(s, e) < 0) {
                store_txn_rollback(s);
                store_empty_log(s);
                return -1;
            }
            return 0;
        }
        if (rc != DB_BUSY || s->one_try ||
            store_monotonic_ms() - start > BUSY_RETRY_TOTAL_MS)
            return store_db_error(s, _("cannot start a change"), e);
        struct timespec pause = { 0, (long)(5 + (attempt % 8) * 7) * 1000000L };
        nanosleep(&pause, NULL);
    }
}

void store_txn_rollback(struct store *s)
{
    if (s->depth == 0)
        return;
    if (--s->depth > 0) {
        /* An inner part failed: the outer commit must not keep half. */
        s->doomed = true;
        return;
    }
    db_rollback(s->db);
    s->doomed = false;
    txn_ended(s, false);
}

int store_txn_commit(struct store *s, struct err *e)
{
    if (s->depth > 1) {
        s->depth--;
        return 0;
    }
    if (s->depth == 0)
        return 0;
    if (s->doomed) {
        store_txn_rollback(s);
        return err_set(e, _("an earlier part of the change failed; nothing was saved"));
    }
    int64_t start = store_monotonic_ms();
    for (;;) {
        int rc = db_commit(s->db);
        if (rc == DB_DONE) {
            s->depth = 0;
            txn_ended(s, true);
            return 0;
        }
        if (rc != DB_BUSY || store_monotonic_ms() - start > BUSY_RETRY_TOTAL_MS) {
            store_db_error(s, _("cannot save the change"), e);
            store_txn_rollback(s);
            return -1;
        }
        struct timespec pause = { 0, 10 * 1000000L };
        nanosleep(&pause, NULL);
    }
}

void store_read_begin(struct store *s)
{
    if (s->depth > 0 || s->reading)
        return;
    s->reading = db_begin(s->db, DB_TXN_READ) == DB_DONE;
    if (s->reading)
        check_data_version(s);
}

void store_read_end(struct store *s)
{
    if (!s->reading)
        return;
    s->reading = false;
    db_commit(s->db);
}

int store_batch_begin(struct store *s, struct err *e)
{
    return store_txn_begin(s, e);
}

int store_batch_end(struct store *s, bool keep, struct err *e)
{
    if (keep)
        return store_txn_commit(s, e);
    store_txn_rollback(s);
    return 0;
}

void store_new_uuid(char out[37])
{
    unsigned char b[16];
    size_t got = 0;
#if defined(__linux__)
    ssize_t n = getrandom(b, sizeof b, 0);
    if (n > 0)
        got = (size_t)n;
#endif
    if (got < sizeof b) {
        FILE *f = fopen("/dev/urandom", "rb");
        if (f) {
            got = fread(b, 1, sizeof b, f);
            fclose(f);
        }
    }
    if (got < sizeof b) {
        /* No randomness at all: still unique enough within one file,
         * which is all the store relies on (the uuid column is UNIQUE). */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        uint64_t x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^ (uint64_t)getpid();
        for (size_t i = 0; i < sizeof b; i++) {
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
            b[i] = (unsigned char)(x >> 56);
        }
    }
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x40); /* version 4 */
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80); /* RFC 4122 variant */
    static const char hex[] = "0123456789abcdef";
    size_t o = 0;
    for (size_t i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out[o++] = '-';
        out[o++] = hex[b[i] >> 4];
        out[o++] = hex[b[i] & 15];
    }
    out[o] = '\0';
}

const struct tmpl *store_tmpl_for(struct store *s, const char *digest, const char *xml,
                                  size_t len, const struct tmpl *hint, struct err *e)
{
    if (hint && strcmp(hint->digest, digest) == 0)
        return hint;
    for (size_t i = 0; i < s->ntcache; i++)
        if (strcmp(s->tcache[i].digest, digest) == 0)
            return s->tcache[i].tmpl;
    if (!xml) {
        err_set(e, _("template snapshot %s is not loaded"), digest);
        return NULL; /* a lookup only */
    }
    struct tmpl *t = tmpl_parse(xml, len, "template snapshot", e);
    if (!t)
        return NULL;
    s->tcache = xgrow(s->tcache, &s->tcache_cap, s->ntcache + 1, sizeof *s->tcache);
    snprintf(s->tcache[s->ntcache].digest, sizeof s->tcache[s->ntcache].digest, "%s", digest);
    s->tcache[s->ntcache++].tmpl = t;
    return t;
}

int store_checkpoint(struct store *s)
{
    if (!s || !s->db || !s->ours || s->read_only || s->gone || s->depth > 0 || s->reading ||
        store_on_server(s))
        return -1;
    int64_t changes = db_total_changes(s->db);
    if (changes == s->ckpt_changes)
        return 0;
    if (db_sqlite_checkpoint(s->db, false, 0) < 0)
        return -1;
    s->ckpt_changes = changes;
    return 0;
}

void store_empty_log(struct store *s)
{
    if (!s->db || !s->ours || s->read_only || db_in_txn(s->db) || store_on_server(s))
        return;
    db_sqlite_checkpoint(s->db, true, CLOSE_CHECKPOINT_MS);
}

void store_close(struct store *s)
{
    if (!s)
        return;
    for (int i = 0; i < SQ_COUNT; i++)
        db_finalize(s->stmts[i]);
    /* SQLite empties the log itself only when the last connection to
     * the file closes; while the interface or another command has it
     * open, what this one wrote stays in the -wal file, and a copy of
     * the database file alone would lack it. So: copy the log into the
     * file, without waiting; when all of it went in, empty the log too
     * (TRUNCATE waits, briefly, for the readers still in it). When a
     * reader of an older state keeps part of the log, nothing more can
     * be done now and waiting would only delay the end of the program:
     * the log stays, quietly, for a later close. */
    store_empty_log(s);
    db_close(s->db);
    /* The file was replaced or removed: SQLite leaves the -wal and -shm
     * files of the file it had open beside whatever is at the path now,
     * where they would be read as that file's. */
    if (s->gone)
        store_remove_log(s);
    for (size_t i = 0; i < s->ntcache; i++)
        tmpl_free(s->tcache[i].tmpl);
    free(s->tcache);
    free(s->last_xml);
    free(s->path);
    free(s->who);
    free(s);
}

bool store_is_read_only(const struct store *s)
{
    return s->read_only;
}

const char *store_who(const struct store *s)
{
    return s->who;
}

void store_set_who(struct store *s, const char *who)
{
    free(s->who);
    s->who = who && *who ? xstrdup(who) : store_default_who();
}

const char *store_path(const struct store *s)
{
    return s->path;
}
