/*
 * Revisions: closing the revision in force (its record kept exactly as
 * signed) and opening the next, and reading the closed ones back.
 */
#include "config.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"
#include "util/i18n.h"
#include "util/xalloc.h"

int store_revise(struct store *s, struct assessment *a, const char *record, size_t len,
                 const char *decided, struct err *e)
{
    if (!record || len == 0)
        return err_set(e, _("no record of revision %d to keep"), a->revision);
    if (a->revision < 1 || a->revision >= STORE_NUMBER_MAX)
        return err_set(e, _("assessment %lld has used every revision number (1 to %d)"),
                       (long long)a->id, STORE_NUMBER_MAX);
    /* A copy: decided may be a sign-off's date, which this clears. */
    char *date = xstrdup(decided ? decided : "");
    decided = date;
    if (store_txn_begin(s, e) < 0) {
        free(date);
        return -1;
    }
    int64_t now = store_now();
    struct db_stmt *st = store_stmt(s, SQ_REV_ADD, e);
    if (!st)
        goto fail;
    db_bind_int64(st, 1, a->id);
    db_bind_int(st, 2, a->revision);
    store_bind_text(st, 3, assess_status_key(a->status));
    store_bind_text(st, 4, decided);
    db_bind_int64(st, 5, now);
    db_bind_blob(st, 6, record, len);
    if (store_exec(s, st, _("keeping the revision"), e) < 0)
        goto fail;
    if (!(st = store_stmt(s, SQ_SIGN_CLEAR, e)))
        goto fail;
    db_bind_int64(st, 1, a->id);
    if (store_exec(s, st, _("opening the revision"), e) < 0)
        goto fail;
    if (!(st = store_stmt(s, SQ_JUDG_CLEAR, e)))
        goto fail;
    db_bind_int64(st, 1, a->id);
    if (store_exec(s, st, _("opening the revision"), e) < 0)
        goto fail;
    assess_clear_judgements(a);
    /* The copy in memory follows at once: the summaries of the changes
     * below are worked out from it. */
    for (int r = 0; r < SR_COUNT; r++) {
        assess_signoff_clear(&a->signoffs[r]);
        memset(&a->signoffs[r], 0, sizeof a->signoffs[r]);
        a->signoffs[r].advice_followed = -1;
    }
    store_empty_signoffs(a);
    if (!(st = store_stmt(s, SQ_A_SET_REVISION, e)))
        goto fail;
    db_bind_int64(st, 1, a->id);
    db_bind_int(st, 2, a->revision + 1);
    store_bind_text(st, 3, decided);
    if (store_exec(s, st, _("opening the revision"), e) < 0)
        goto fail;
    char from[16], to[16];
    snprintf(from, sizeof from, "%d", a->revision);
    snprintf(to, sizeof to, "%d", a->revision + 1);
    if (store_hist_add(s, a->id, "revision", from, to, 0, e) < 0 ||
        store_set_status(s, a, ST_DRAFT, e) < 0)
        goto fail;
    if (store_finish(s, a, e) < 0)
        goto fail;
    a->revision++;
    store_set_str(&a->replaces_date, decided);
    a->updated = now;
    free(date);
    return 0;
fail:
    store_txn_rollback(s);
    store_reread_copy(s, a);
    free(date);
    return -1;
}

char *store_revision_record(struct store *s, int64_t id, int number, size_t *len,
                            struct err *e)
{
    struct db_stmt *st = store_stmt(s, SQ_REV_GET, e);
    if (!st)
        return NULL;
    db_bind_int64(st, 1, id);
    db_bind_int(st, 2, number);
    int rc = db_step(st);
    char *xml = NULL;
    if (rc == DB_ROW) {
        struct store_row r;
        store_row_start(&r, s, st, "revisions", "assessment", id, e);
        size_t n = 0;
        xml = store_row_blob(&r, 0, STORE_RECORD_MAX, &n);
        if (store_row_end(&r) < 0)
            XFREE(xml);
        else if (len)
            *len = n;
    } else if (rc == DB_DONE) {
        err_set(e, _("assessment %lld has no closed revision %d"), (long long)id, number);
    } else {
        store_db_error(s, _("reading a revision"), e);
    }
    db_reset(st);
    return xml;
}

int store_revisions(struct store *s, int64_t id, struct store_revision **out, size_t *n,
                    struct err *e)
{
    *out = NULL;
    *n = 0;
    struct db_stmt *st = store_stmt(s, SQ_REV_LIST, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, id);
    size_t cap = 0;
    int rc;
    bool damaged = false;
    while ((rc = db_step(st)) == DB_ROW) {
        *out = xgrow(*out, &cap, *n + 1, sizeof **out);
        struct store_revision *r = &(*out)[(*n)++];
        struct store_row row;
        store_row_start(&row, s, st, "revisions", "assessment", id, e);
        r->number = (int)store_row_int(&row, 0, 1, STORE_NUMBER_MAX);
        r->status = (enum assess_status)store_row_key(&row, 1, assess_status_parse, ST_DRAFT);
        size_t len;
        const char *d = store_row_view(&row, 2, &len);
        snprintf(r->decided, sizeof r->decided, "%s", d);
        r->closed = store_row_time(&row, 3);
        if (store_row_end(&row) < 0) {
            damaged = true;
            break;
        }
    }
    db_reset(st);
    if (damaged) {
        free(*out);
        *out = NULL;
        *n = 0;
        return -1;
    }
    if (rc != DB_DONE) {
        free(*out);
        *out = NULL;
        *n = 0;
        return store_db_error(s, _("reading the revisions"), e);
    }
    return 0;
}
