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
#include "util/i18n.h"
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

int store_each_row(struct store *s, enum store_stmt id, int64_t key, int rev, const char *table,
                   const char *doing, int (*row)(struct store_row *r, void *ctx, size_t *cap),
                   void *ctx, struct err *e)
{
    struct db_stmt *st = store_stmt(s, id, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, key);
    if (rev)
        db_bind_int(st, 2, rev);
    size_t cap = 0;
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        struct store_row r;
        store_row_start(&r, s, st, table, "assessment", key, e);
        if (row(&r, ctx, &cap) < 0) {
            db_reset(st);
            return -1;
        }
    }
    db_reset(st);
    return rc == DB_DONE ? 0 : store_db_error(s, doing, e);
}

static int answer_row(struct store_row *r, void *ctx, size_t *cap)
{
    struct assessment *a = ctx;
    a->answers = xgrow(a->answers, cap, a->nanswers + 1, sizeof *a->answers);
    struct answer *an = &a->answers[a->nanswers++];
    an->question = store_row_text(r, 0);
    an->value = store_row_text(r, 1);
    an->note = store_row_text(r, 2);
    an->flagged = store_row_flag(r, 3);
    an->who = store_row_text(r, 4);
    an->when = store_row_time(r, 5);
    an->revision = store_row_int(r, 6, 0, STORE_COUNTER_MAX);
    return store_row_end(r);
}

static int risk_row(struct store_row *row, void *ctx, size_t *cap)
{
    struct assessment *a = ctx;
    a->risks = xgrow(a->risks, cap, a->nrisks + 1, sizeof *a->risks);
    struct risk *r = &a->risks[a->nrisks++];
    memset(r, 0, sizeof *r);
    return store_read_risk(row, 0, r);
}

static int measure_row(struct store_row *row, void *ctx, size_t *cap)
{
    struct assessment *a = ctx;
    a->measures = xgrow(a->measures, cap, a->nmeasures + 1, sizeof *a->measures);
    struct measure *m = &a->measures[a->nmeasures++];
    memset(m, 0, sizeof *m);
    return store_read_measure(row, 0, m);
}

/* A risk the measure addresses. */
static int link_row(struct store_row *r, void *ctx, size_t *cap)
{
    struct measure *m = ctx;
    m->risks = xgrow(m->risks, cap, m->nrisks + 1, sizeof *m->risks);
    m->risks[m->nrisks++] = (int)store_row_int(r, 0, 1, STORE_NUMBER_MAX);
    return store_row_end(r);
}

static int signoff_row(struct store_row *r, void *ctx, size_t *cap)
{
    (void)cap;
    struct assessment *a = ctx;
    int role = store_row_key(r, 0, signoff_role_parse, -1);
    if (role < 0)
        return store_row_end(r);
    return store_read_signoff(r, 0, &a->signoffs[role]);
}

static int judgement_row(struct store_row *r, void *ctx, size_t *cap)
{
    (void)cap;
    struct assessment *a = ctx;
    struct judgement j = { 0 };
    int rc = store_read_judgement(r, 0, &j);
    /* A verdict this program does not know (a newer writer) is left out. */
    if (rc == 0 && j.verdict != VD_NONE)
        assess_set_judgement(a, &j);
    assess_judgement_clear(&j);
    return rc;
}

int store_load_parts(struct store *s, struct assessment *a, struct err *e)
{
    if (store_each_row(s, SQ_ANS_LOAD, a->id, 0, "answers", "reading answers", answer_row, a,
                       e) < 0 ||
        store_each_row(s, SQ_RISK_LOAD, a->id, 0, "risks", "reading risks", risk_row, a, e) < 0 ||
        store_each_row(s, SQ_MEAS_LOAD, a->id, 0, "measures", "reading measures", measure_row, a,
                       e) < 0)
        return -1;
    for (size_t i = 0; i < a->nmeasures; i++)
        if (store_each_row(s, SQ_LINKS_OF, a->measures[i].id, 0, "measure_risks",
                           "reading measures", link_row,
                     &a->measures[i], e) < 0)
            return -1;
    int rc = store_each_row(s, SQ_SIGN_LOAD, a->id, 0, "signoffs", "reading sign-offs",
                            signoff_row, a, e);
    store_empty_signoffs(a);
    if (rc == 0)
        rc = store_each_row(s, SQ_JUDG_LOAD, a->id, 0, "judgements", "reading judgements",
                            judgement_row, a, e);
    if (rc == 0)
        rc = store_load_workshops(s, a, e);
    if (rc == 0)
        rc = store_load_team(s, a, e);
    return rc;
}

struct assessment *store_load_xml(struct store *s, int64_t id, unsigned flags, char **xml_out,
                                  size_t *xml_len, struct err *e)
{
    store_read_begin(s);
    struct assessment *a = NULL;
    char *xml = NULL;
    struct db_stmt *st = store_stmt(s, SQ_A_LOAD, e);
    if (!st)
        goto done;
    db_bind_int64(st, 1, id);
    int rc = db_step(st);
    if (rc != DB_ROW) {
        if (rc == DB_DONE)
            err_set(e, _("there is no assessment %lld"), (long long)id);
        else
            store_db_error(s, _("reading an assessment"), e);
        db_reset(st);
        goto done;
    }
    a = assess_new();
    a->id = id;
    a->history_missing = (flags & STORE_LOAD_NO_HISTORY) != 0;
    struct store_row r;
    store_row_start(&r, s, st, "assessments", "id", id, e);
    store_row_uuid(&r, 0, a->uuid);
    store_row_set(&r, 1, &a->title);
    a->status = (enum assess_status)store_row_key(&r, 2, assess_status_parse, ST_DRAFT);
    store_row_set(&r, 3, &a->method);
    a->created = store_row_time(&r, 4);
    a->updated = store_row_time(&r, 5);
    store_row_set(&r, 6, &a->review_date);
    a->revision = (int)store_row_int(&r, 8, 1, STORE_NUMBER_MAX);
    store_row_set(&r, 9, &a->replaces_date);
    int from = store_row_key(&r, 10, assess_status_parse, ST_DRAFT);
    a->archived_from = from == ST_ARCHIVED ? ST_DRAFT : (enum assess_status)from;
    store_row_set(&r, 12, &a->controller);
    store_row_set(&r, 13, &a->dpo_contact);
    store_row_set(&r, 14, &a->lang);
    /* The snapshot is a row of its own table. */
    int64_t tid = store_row_int(&r, 11, INT64_MIN, INT64_MAX);
    if (!r.bad)
        store_row_start(&r, s, st, "templates", "id", tid, e);
    size_t len = 0;
    xml = store_row_blob(&r, 7, TMPL_MAX_BYTES, &len);
    db_reset(st);
    if (store_row_end(&r) < 0)
        goto fail;
    /* Validated against the schema when it was written (store_create,
     * store_insert); the model's rules still apply on every load. */
    a->tmpl = tmpl_parse_snapshot_in(xml, len, _("template snapshot"), a->lang, e);
    if (!a->tmpl || store_load_parts(s, a, e) < 0 || store_sync_history(s, a, e) < 0)
        goto fail;
    if (xml_out) {
        *xml_out = xml;
        *xml_len = len;
        xml = NULL;
    }
    if (s->reading || s->depth > 0)
        store_stamp(s, a);
    goto done;
fail:
    assess_free(a);
    a = NULL;
done:
    free(xml);
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
    struct db_stmt *st = store_stmt(s, SQ_TMPL_OF, e);
    if (!st)
        return NULL;
    db_bind_int64(st, 1, id);
    int rc = db_step(st);
    char *xml = NULL;
    if (rc == DB_ROW) {
        struct store_row r;
        store_row_start(&r, s, st, "templates", "id", db_column_int64(st, 3), e);
        size_t n = 0;
        xml = store_row_blob(&r, 1, TMPL_MAX_BYTES, &n);
        if (store_row_end(&r) < 0)
            XFREE(xml);
        else if (len)
            *len = n;
    } else if (rc == DB_DONE) {
        err_set(e, _("there is no assessment %lld"), (long long)id);
    } else {
        store_db_error(s, _("reading the template snapshot"), e);
    }
    db_reset(st);
    return xml;
}
