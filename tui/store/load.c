/*
 * Loading a whole assessment: its row, the template snapshot it was
 * started with (parsed; validated when it was written), its answers,
 * risks, measures with the risks they address, sign-offs and history.
 */
#include "config.h"
#include "store/store.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"
#include "util/xalloc.h"

/* --- loading --------------------------------------------------------- */

void store_empty_signoffs(struct assessment *a)
{
    for (int r = 0; r < SR_COUNT; r++) {
        struct signoff *so = &a->signoffs[r];
        so->role = (enum signoff_role)r;
        for (size_t i = 0; i < nsignoff_fields; i++) {
            const struct field *f = &signoff_fields[i];
            char **p = (char **)(void *)((char *)so + f->off);
            if (f->kind == FLD_TEXT && !*p)
                *p = xstrdup("");
        }
    }
}

/* Runs statement id for the row key and gives each result row to
 * row(st, ctx, cap), cap a growth counter kept across the rows. 0, or -1
 * with e ("reading WHAT"). */
static int each_row(struct store *s, enum store_stmt id, int64_t key, const char *what,
                    void (*row)(sqlite3_stmt *st, void *ctx, size_t *cap), void *ctx,
                    struct err *e)
{
    sqlite3_stmt *st = store_stmt(s, id, e);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, key);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        row(st, ctx, &cap);
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return 0;
    char *msg = xasprintf("reading %s", what);
    store_db_error(s, msg, e);
    free(msg);
    return -1;
}

static void answer_row(sqlite3_stmt *st, void *ctx, size_t *cap)
{
    struct assessment *a = ctx;
    a->answers = xgrow(a->answers, cap, a->nanswers + 1, sizeof *a->answers);
    struct answer *an = &a->answers[a->nanswers++];
    an->question = store_col_text(st, 0);
    an->value = store_col_text(st, 1);
    an->note = store_col_text(st, 2);
    an->flagged = sqlite3_column_int(st, 3) != 0;
    an->who = store_col_text(st, 4);
    an->when = sqlite3_column_int64(st, 5);
    an->revision = sqlite3_column_int64(st, 6);
}

static void risk_row(sqlite3_stmt *st, void *ctx, size_t *cap)
{
    struct assessment *a = ctx;
    a->risks = xgrow(a->risks, cap, a->nrisks + 1, sizeof *a->risks);
    struct risk *r = &a->risks[a->nrisks++];
    memset(r, 0, sizeof *r);
    store_read_risk(st, 0, r);
}

static void measure_row(sqlite3_stmt *st, void *ctx, size_t *cap)
{
    struct assessment *a = ctx;
    a->measures = xgrow(a->measures, cap, a->nmeasures + 1, sizeof *a->measures);
    struct measure *m = &a->measures[a->nmeasures++];
    memset(m, 0, sizeof *m);
    store_read_measure(st, 0, m);
}

/* A risk the measure addresses. */
static void link_row(sqlite3_stmt *st, void *ctx, size_t *cap)
{
    struct measure *m = ctx;
    m->risks = xgrow(m->risks, cap, m->nrisks + 1, sizeof *m->risks);
    m->risks[m->nrisks++] = sqlite3_column_int(st, 0);
}

static void signoff_row(sqlite3_stmt *st, void *ctx, size_t *cap)
{
    struct assessment *a = ctx;
    int role = signoff_role_parse((const char *)sqlite3_column_text(st, 0));
    if (role >= 0)
        store_read_signoff(st, 0, &a->signoffs[role]);
}

int store_load_parts(struct store *s, struct assessment *a, struct err *e)
{
    if (each_row(s, SQ_ANS_LOAD, a->id, "answers", answer_row, a, e) < 0 ||
        each_row(s, SQ_RISK_LOAD, a->id, "risks", risk_row, a, e) < 0 ||
        each_row(s, SQ_MEAS_LOAD, a->id, "measures", measure_row, a, e) < 0)
        return -1;
    for (size_t i = 0; i < a->nmeasures; i++)
        if (each_row(s, SQ_LINKS_OF, a->measures[i].id, "measures", link_row,
                     &a->measures[i], e) < 0)
            return -1;
    int rc = each_row(s, SQ_SIGN_LOAD, a->id, "sign-offs", signoff_row, a, e);
    store_empty_signoffs(a);
    return rc;
}


struct assessment *store_load_xml(struct store *s, int64_t id, unsigned flags, char **xml_out,
                                  size_t *xml_len, struct err *e)
{
    store_read_begin(s);
    struct assessment *a = NULL;
    sqlite3_stmt *st = store_stmt(s, SQ_A_LOAD, e);
    if (!st)
        goto done;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        if (rc == SQLITE_DONE)
            err_set(e, "there is no assessment %lld", (long long)id);
        else
            store_db_error(s, "reading an assessment", e);
        sqlite3_reset(st);
        goto done;
    }
    a = assess_new();
    a->id = id;
    a->history_missing = (flags & STORE_LOAD_NO_HISTORY) != 0;
    snprintf(a->uuid, sizeof a->uuid, "%s", (const char *)sqlite3_column_text(st, 0));
    store_set_str(&a->title, (const char *)sqlite3_column_text(st, 1));
    int status = assess_status_parse((const char *)sqlite3_column_text(st, 2));
    a->status = status < 0 ? ST_DRAFT : (enum assess_status)status;
    store_set_str(&a->method, (const char *)sqlite3_column_text(st, 3));
    a->created = sqlite3_column_int64(st, 4);
    a->updated = sqlite3_column_int64(st, 5);
    store_set_str(&a->review_date, (const char *)sqlite3_column_text(st, 6));
    size_t len = (size_t)sqlite3_column_bytes(st, 7);
    char *xml = xstrndup(sqlite3_column_blob(st, 7) ? sqlite3_column_blob(st, 7) : "", len);
    a->revision = sqlite3_column_int(st, 8) > 0 ? sqlite3_column_int(st, 8) : 1;
    store_set_str(&a->replaces_date, (const char *)sqlite3_column_text(st, 9));
    int from = assess_status_parse((const char *)sqlite3_column_text(st, 10));
    a->archived_from = from < 0 || from == ST_ARCHIVED ? ST_DRAFT : (enum assess_status)from;
    sqlite3_reset(st);
    /* Validated against the schema when it was written (store_create,
     * store_insert); the model's rules still apply on every load. */
    a->tmpl = tmpl_parse_snapshot(xml, len, "template snapshot", e);
    if (!a->tmpl || store_load_parts(s, a, e) < 0 || store_sync_history(s, a, e) < 0) {
        free(xml);
        assess_free(a);
        a = NULL;
        goto done;
    }
    if (xml_out) {
        *xml_out = xml;
        *xml_len = len;
    } else {
        free(xml);
    }
    if (s->reading || s->depth > 0)
        store_stamp(s, a);
done:
    store_read_end(s);
    return a;
}

struct assessment *store_load(struct store *s, int64_t id, struct err *e)
{
    return store_load_xml(s, id, 0, NULL, NULL, e);
}

struct assessment *store_load_flags(struct store *s, int64_t id, unsigned flags, struct err *e)
{
    return store_load_xml(s, id, flags, NULL, NULL, e);
}

char *store_template_xml(struct store *s, int64_t id, size_t *len, struct err *e)
{
    sqlite3_stmt *st = store_stmt(s, SQ_TMPL_OF, e);
    if (!st)
        return NULL;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    char *xml = NULL;
    if (rc == SQLITE_ROW) {
        size_t n = (size_t)sqlite3_column_bytes(st, 1);
        const void *blob = sqlite3_column_blob(st, 1);
        xml = xstrndup(blob ? blob : "", n);
        if (len)
            *len = n;
    } else if (rc == SQLITE_DONE) {
        err_set(e, "there is no assessment %lld", (long long)id);
    } else {
        store_db_error(s, "reading the template snapshot", e);
    }
    sqlite3_reset(st);
    return xml;
}
