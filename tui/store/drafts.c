/*
 * Drafts: what is being typed in a form or a dialog, kept a second at a
 * time so that a crash loses little of it. One row per assessment, key
 * and person; written outside the change log, since a draft is not yet
 * a change to the assessment.
 */
#include "config.h"
#include "store/store.h"

#include <stdlib.h>

#include "store/store_int.h"
#include "util/i18n.h"

/* Binds the row's key: assessment, key, who. */
static void bind_key(struct store *s, struct db_stmt *st, int64_t aid, const char *key)
{
    db_bind_int64(st, 1, aid);
    store_bind_text(st, 2, key);
    store_bind_text(st, 3, s->who);
}

int store_draft_put(struct store *s, int64_t aid, const char *key, const char *content,
                    struct err *e)
{
    /* A draft is no part of an assessment: the copies in memory stay in
     * step (unless it was written inside a larger change). */
    bool alone = s->depth == 0;
    if (store_txn_begin(s, e) < 0)
        return -1;
    s->txn_aside = alone;
    struct db_stmt *st = store_stmt(s, SQ_DRAFT_PUT, e);
    if (!st)
        goto fail;
    bind_key(s, st, aid, key);
    store_bind_text(st, 4, content);
    db_bind_int64(st, 5, store_now());
    if (db_step(st) != DB_DONE) {
        /* The only reference is the assessment's. */
        if (db_errkind(s->db) == DB_E_FOREIGN_KEY)
            err_set(e, STORE_GONE_MSG, (long long)aid);
        else
            store_db_error(s, _("keeping the draft"), e);
        db_reset(st);
        goto fail;
    }
    db_reset(st);
    return store_txn_commit(s, e);
fail:
    store_txn_rollback(s);
    return -1;
}

char *store_draft_get(struct store *s, int64_t aid, const char *key, struct err *e)
{
    if (e)
        e->text[0] = '\0';
    struct db_stmt *st = store_stmt(s, SQ_DRAFT_GET, e);
    if (!st)
        return NULL;
    bind_key(s, st, aid, key);
    int rc = db_step(st);
    char *content = NULL;
    if (rc == DB_ROW) {
        /* Checked like every value read: a damaged draft is refused. */
        struct store_row r;
        store_row_start(&r, s, st, "drafts", "assessment", aid, e);
        content = store_row_text(&r, 0);
        if (store_row_end(&r) < 0) {
            free(content);
            content = NULL;
        }
    }
    db_reset(st);
    if (rc != DB_ROW && rc != DB_DONE)
        store_db_error(s, _("reading the draft"), e);
    return content;
}

int store_draft_delete(struct store *s, int64_t aid, const char *key, struct err *e)
{
    /* A draft is no part of an assessment: the copies in memory stay in
     * step (unless it was written inside a larger change). */
    bool alone = s->depth == 0;
    if (store_txn_begin(s, e) < 0)
        return -1;
    s->txn_aside = alone;
    struct db_stmt *st = store_stmt(s, SQ_DRAFT_DEL, e);
    if (!st)
        goto fail;
    bind_key(s, st, aid, key);
    if (store_exec(s, st, _("dropping the draft"), e) < 0)
        goto fail;
    return store_txn_commit(s, e);
fail:
    store_txn_rollback(s);
    return -1;
}
