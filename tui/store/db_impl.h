/*
 * What a back end of the database layer (db.h) provides: a table of its
 * functions, which db.c calls. Each back end's connection and statement
 * begin with the structures below. Internal to tui/store/.
 */
#ifndef DPIA_STORE_DB_IMPL_H
#define DPIA_STORE_DB_IMPL_H

#include "store/db.h"

struct db_ops {
    enum db_kind kind;
    void (*close)(struct db *db);
    struct db_stmt *(*prepare)(struct db *db, const char *sql);
    void (*finalize)(struct db_stmt *st);
    void (*reset)(struct db_stmt *st);
    void (*clear)(struct db_stmt *st);
    void (*bind_int64)(struct db_stmt *st, int i, int64_t v);
    void (*bind_text)(struct db_stmt *st, int i, const char *v);
    void (*bind_blob)(struct db_stmt *st, int i, const void *p, size_t len);
    void (*bind_null)(struct db_stmt *st, int i);
    int (*step)(struct db_stmt *st);
    enum db_type (*column_type)(struct db_stmt *st, int col);
    int64_t (*column_int64)(struct db_stmt *st, int col);
    const char *(*column_text)(struct db_stmt *st, int col, size_t *len);
    const void *(*column_blob)(struct db_stmt *st, int col, size_t *len);
    const char *(*column_name)(struct db_stmt *st, int col);
    int (*exec)(struct db *db, const char *sql);
    const char *(*errmsg)(struct db *db);
    enum db_errkind (*errkind)(struct db *db);
    int64_t (*changes)(struct db *db);
    int64_t (*total_changes)(struct db *db);
    int64_t (*last_id)(struct db *db);
    int (*begin)(struct db *db, enum db_txn kind);
    int (*commit)(struct db *db);
    void (*rollback)(struct db *db);
    bool (*in_txn)(struct db *db);
    int64_t (*data_version)(struct db *db);
};

struct db {
    const struct db_ops *ops;
};

struct db_stmt {
    struct db *db;
};

#endif
