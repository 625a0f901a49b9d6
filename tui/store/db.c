/*
 * The database layer's calls (db.h), each handed to the back end of the
 * connection: SQLite (db_sqlite.c) or PostgreSQL (db_pg.c).
 */
#include "config.h"
#include "store/db.h"

#include "store/db_impl.h"

enum db_kind db_kind(const struct db *db)
{
    return db->ops->kind;
}

void db_close(struct db *db)
{
    if (db)
        db->ops->close(db);
}

struct db_stmt *db_prepare(struct db *db, const char *sql)
{
    return db->ops->prepare(db, sql);
}

void db_finalize(struct db_stmt *st)
{
    if (st)
        st->db->ops->finalize(st);
}

void db_reset(struct db_stmt *st)
{
    st->db->ops->reset(st);
}

void db_clear(struct db_stmt *st)
{
    st->db->ops->clear(st);
}

void db_bind_int64(struct db_stmt *st, int i, int64_t v)
{
    st->db->ops->bind_int64(st, i, v);
}

void db_bind_int(struct db_stmt *st, int i, int v)
{
    st->db->ops->bind_int64(st, i, v);
}

void db_bind_text(struct db_stmt *st, int i, const char *v)
{
    st->db->ops->bind_text(st, i, v ? v : "");
}

void db_bind_blob(struct db_stmt *st, int i, const void *p, size_t len)
{
    st->db->ops->bind_blob(st, i, p, len);
}

void db_bind_null(struct db_stmt *st, int i)
{
    st->db->ops->bind_null(st, i);
}

int db_step(struct db_stmt *st)
{
    return st->db->ops->step(st);
}

enum db_type db_column_type(struct db_stmt *st, int col)
{
    return st->db->ops->column_type(st, col);
}

int64_t db_column_int64(struct db_stmt *st, int col)
{
    return st->db->ops->column_int64(st, col);
}

int db_column_int(struct db_stmt *st, int col)
{
    return (int)st->db->ops->column_int64(st, col);
}

const char *db_column_text(struct db_stmt *st, int col, size_t *len)
{
    size_t n = 0;
    const char *t = st->db->ops->column_text(st, col, &n);
    if (len)
        *len = t ? n : 0;
    return t;
}

const void *db_column_blob(struct db_stmt *st, int col, size_t *len)
{
    size_t n = 0;
    const void *b = st->db->ops->column_blob(st, col, &n);
    if (len)
        *len = n;
    return b;
}

const char *db_column_name(struct db_stmt *st, int col)
{
    return st->db->ops->column_name(st, col);
}

int db_exec(struct db *db, const char *sql)
{
    return db->ops->exec(db, sql);
}

const char *db_errmsg(struct db *db)
{
    return db->ops->errmsg(db);
}

enum db_errkind db_errkind(struct db *db)
{
    return db->ops->errkind(db);
}

int64_t db_changes(struct db *db)
{
    return db->ops->changes(db);
}

int64_t db_total_changes(struct db *db)
{
    return db->ops->total_changes(db);
}

int64_t db_last_id(struct db *db)
{
    return db->ops->last_id(db);
}

int db_begin(struct db *db, enum db_txn kind)
{
    return db->ops->begin(db, kind);
}

int db_commit(struct db *db)
{
    return db->ops->commit(db);
}

void db_rollback(struct db *db)
{
    db->ops->rollback(db);
}

bool db_in_txn(struct db *db)
{
    return db->ops->in_txn(db);
}

int64_t db_data_version(struct db *db)
{
    return db->ops->data_version(db);
}
