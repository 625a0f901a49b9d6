/*
 * Live on several terminals: what another connection changed in an
 * assessment's change log since a watcher last looked, and who has the
 * assessment open (the presence table). Presence rows are written
 * outside the change log, like drafts: they are no part of an
 * assessment.
 */
#include "config.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store_int.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Rows nobody has refreshed for this long are removed on the next put. */
#define PRESENCE_FORGET_SECONDS 300

int64_t store_data_version(struct store *s)
{
    return db_data_version(s->db);
}

/* FNV-1a of a value: whether an entry changed in place. */
static uint64_t digest(const char *p, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)p[i];
        h *= 1099511628211ull;
    }
    return h;
}

int store_watch_start(struct store *s, int64_t aid, struct store_watch *w, struct err *e)
{
    memset(w, 0, sizeof *w);
    struct db_stmt *st = store_stmt(s, SQ_HIST_NEWEST, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, aid);
    int rc = db_step(st);
    if (rc == DB_ROW) {
        struct store_row r;
        store_row_start(&r, s, st, "history", "id", db_column_int64(st, 0), e);
        w->id = store_row_int(&r, 0, INT64_MIN, INT64_MAX);
        w->at = store_row_time(&r, 1);
        size_t n;
        const char *nv = store_row_view(&r, 2, &n);
        w->digest = digest(nv, n);
        rc = store_row_end(&r) < 0 ? DB_ERROR : DB_DONE;
        if (rc != DB_DONE) {
            db_reset(st);
            memset(w, 0, sizeof *w);
            return -1;
        }
    }
    db_reset(st);
    if (rc != DB_DONE)
        return store_db_error(s, _("reading the change log"), e);
    return 0;
}

static bool own_row(const struct store *s, int64_t id)
{
    for (unsigned i = 0; i < STORE_OWN_ROWS; i++)
        if (s->own_rows[i] == id && id > 0)
            return true;
    return false;
}

void store_watch_free(struct change *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(c[i].who);
        free(c[i].what);
        free(c[i].old_value);
        free(c[i].new_value);
    }
    free(c);
}

int store_watch(struct store *s, int64_t aid, struct store_watch *w, struct change **out,
                size_t *n, struct err *e)
{
    *out = NULL;
    *n = 0;
    struct db_stmt *st = store_stmt(s, SQ_HIST_SINCE, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, aid);
    db_bind_int64(st, 2, w->id);
    size_t cap = 0;
    struct store_watch next = *w;
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        int64_t id = db_column_int64(st, 5);
        struct store_row r;
        store_row_start(&r, s, st, "history", "id", id, e);
        size_t len;
        int64_t when = store_row_time(&r, 0);
        const char *who = store_row_view(&r, 1, &len);
        const char *what = store_row_view(&r, 2, &len);
        const char *ov = store_row_view(&r, 3, &len);
        const char *nv = store_row_view(&r, 4, &len);
        uint64_t d = digest(nv, len);
        if (store_row_end(&r) < 0) {
            db_reset(st);
            store_watch_free(*out, *n);
            *out = NULL;
            *n = 0;
            return -1;
        }
        next.id = id;
        next.at = when;
        next.digest = d;
        bool same = id == w->id && when == w->at && d == w->digest;
        if (same || own_row(s, id))
            continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 8;
            *out = xrealloc(*out, cap * sizeof **out);
        }
        struct change *c = &(*out)[(*n)++];
        c->when = when;
        c->who = xstrdup(who);
        c->what = xstrdup(what);
        c->old_value = xstrdup(ov);
        c->new_value = xstrdup(nv);
    }
    db_reset(st);
    if (rc != DB_DONE) {
        store_watch_free(*out, *n);
        *out = NULL;
        *n = 0;
        return store_db_error(s, _("reading the change log"), e);
    }
    *w = next;
    return 0;
}

static const char *host_name(char *buf, size_t size)
{
    if (gethostname(buf, size) != 0)
        buf[0] = '\0';
    buf[size - 1] = '\0';
    return buf;
}

static void bind_self(struct store *s, struct db_stmt *st, int64_t aid, char *host, size_t size)
{
    db_bind_int64(st, 1, aid);
    store_bind_text(st, 2, s->who);
    db_bind_int64(st, 3, (int64_t)getpid());
    store_bind_text(st, 4, host_name(host, size));
}

/* A change of presence: one short try for the lock (presence is best
 * effort: while another process writes at length, it waits for the next
 * heartbeat rather than the person at the keyboard). */
static int presence_begin(struct store *s, struct err *e)
{
    if (s->depth > 0)
        return store_txn_begin(s, e);
    s->one_try = true;
    int rc = store_txn_begin(s, e);
    s->one_try = false;
    return rc;
}

int store_presence_put(struct store *s, int64_t aid, const char *question, bool editing,
                       struct err *e)
{
    /* No part of an assessment: the copies in memory stay in step. */
    bool alone = s->depth == 0;
    if (presence_begin(s, e) < 0)
        return -1;
    s->txn_aside = alone;
    char host[256];
    struct db_stmt *st = store_stmt(s, SQ_PRESENCE_OLD, e);
    if (!st)
        goto fail;
    db_bind_int64(st, 1, store_now() - PRESENCE_FORGET_SECONDS);
    if (store_exec(s, st, _("noting who has the assessment open"), e) < 0)
        goto fail;
    st = store_stmt(s, SQ_PRESENCE_PUT, e);
    if (!st)
        goto fail;
    bind_self(s, st, aid, host, sizeof host);
    store_bind_text(st, 5, question ? question : "");
    db_bind_int64(st, 6, store_now());
    db_bind_int(st, 7, editing && question && question[0]);
    if (db_step(st) != DB_DONE) {
        if (db_errkind(s->db) == DB_E_FOREIGN_KEY)
            err_set(e, STORE_GONE_MSG, (long long)aid);
        else
            store_db_error(s, _("noting who has the assessment open"), e);
        db_reset(st);
        goto fail;
    }
    db_reset(st);
    return store_txn_commit(s, e);
fail:
    store_txn_rollback(s);
    return -1;
}

int store_presence_drop(struct store *s, int64_t aid, struct err *e)
{
    bool alone = s->depth == 0;
    /* Leaving waits for the lock as any change does: a presence left
     * behind would tell the others, for half a minute, of a session that
     * is gone. */
    if (store_txn_begin(s, e) < 0)
        return -1;
    s->txn_aside = alone;
    char host[256];
    struct db_stmt *st = store_stmt(s, SQ_PRESENCE_DROP, e);
    if (!st) {
        store_txn_rollback(s);
        return -1;
    }
    bind_self(s, st, aid, host, sizeof host);
    if (store_exec(s, st, _("noting who has the assessment open"), e) < 0) {
        store_txn_rollback(s);
        return -1;
    }
    return store_txn_commit(s, e);
}

void store_presence_free(struct store_presence *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(p[i].who);
        free(p[i].host);
        free(p[i].question);
    }
    free(p);
}

int store_presence_list(struct store *s, int64_t aid, int max_age, struct store_presence **out,
                        size_t *n, struct err *e)
{
    *out = NULL;
    *n = 0;
    struct db_stmt *st = store_stmt(s, SQ_PRESENCE_LIST, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, aid);
    db_bind_int64(st, 2, store_now() - max_age);
    char host[256];
    host_name(host, sizeof host);
    int64_t pid = (int64_t)getpid();
    size_t cap = 0;
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        struct store_row r;
        store_row_start(&r, s, st, "presence", "assessment", aid, e);
        struct store_presence p;
        p.who = store_row_text(&r, 0);
        p.pid = store_row_int(&r, 1, INT64_MIN, INT64_MAX);
        p.host = store_row_text(&r, 2);
        p.question = store_row_text(&r, 3);
        p.at = store_row_time(&r, 4);
        p.editing = store_row_int(&r, 5, 0, 1) != 0;
        if (store_row_end(&r) < 0) {
            free(p.who);
            free(p.host);
            free(p.question);
            db_reset(st);
            store_presence_free(*out, *n);
            *out = NULL;
            *n = 0;
            return -1;
        }
        /* This process's own row is not someone else. */
        if (p.pid == pid && strcmp(p.host, host) == 0 && strcmp(p.who, s->who) == 0) {
            free(p.who);
            free(p.host);
            free(p.question);
            continue;
        }
        if (*n == cap) {
            cap = cap ? cap * 2 : 4;
            *out = xrealloc(*out, cap * sizeof **out);
        }
        (*out)[(*n)++] = p;
    }
    db_reset(st);
    if (rc != DB_DONE) {
        store_presence_free(*out, *n);
        *out = NULL;
        *n = 0;
        return store_db_error(s, _("reading who has the assessment open"), e);
    }
    return 0;
}
