/*
 * Risks, measures and sign-offs as rows: the field tables that bind,
 * read, compare and describe them, deep copies for the in-memory
 * assessment, and writing a whole record (used by adding one and by
 * inserting a whole assessment).
 */
#include "config.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"
#include "util/i18n.h"
#include "util/xalloc.h"

void store_field_bind(struct db_stmt *st, int i, const struct field *f, const void *obj)
{
    switch (f->kind) {
    case FLD_TEXT:
        store_bind_text(st, i, field_str(f, obj));
        break;
    case FLD_INT:
    case FLD_FOLLOWED:
        db_bind_int(st, i, field_int(f, obj));
        break;
    default:
        store_bind_text(st, i, field_key(f, field_int(f, obj)));
    }
}

void store_field_read(struct store_row *row, int col, const struct field *f, void *obj)
{
    int v;
    size_t n;
    const char *t;
    switch (f->kind) {
    case FLD_TEXT:
        t = store_row_view(row, col, &n);
        field_set_str(f, obj, t);
        return;
    case FLD_INT:
        /* A score: 0 (not scored) up to the longest scale a method has. */
        field_set_int(f, obj, (int)store_row_int(row, col, 0, TMPL_MAX_LEVELS));
        return;
    case FLD_FOLLOWED:
        field_set_int(f, obj, (int)store_row_int(row, col, -1, 1));
        return;
    default:
        /* A key this program does not know (a newer writer): the first. */
        t = store_row_view(row, col, &n);
        v = row->bad ? 0 : field_parse(f, t);
        field_set_int(f, obj, v < 0 ? 0 : v);
    }
}

int store_read_risk(struct store_row *row, int col, struct risk *r)
{
    r->id = store_row_int(row, col, INT64_MIN, INT64_MAX);
    row->key = "id";
    row->id = r->id;
    r->number = (int)store_row_int(row, col + 1, 1, STORE_NUMBER_MAX);
    for (size_t i = 0; i < nrisk_fields; i++)
        store_field_read(row, col + 2 + (int)i, &risk_fields[i], r);
    return store_row_end(row);
}

int store_read_measure(struct store_row *row, int col, struct measure *m)
{
    m->id = store_row_int(row, col, INT64_MIN, INT64_MAX);
    row->key = "id";
    row->id = m->id;
    m->number = (int)store_row_int(row, col + 1, 1, STORE_NUMBER_MAX);
    for (size_t i = 0; i < nmeasure_fields; i++)
        store_field_read(row, col + 2 + (int)i, &measure_fields[i], m);
    return store_row_end(row);
}

int store_read_signoff(struct store_row *row, int col, struct signoff *so)
{
    int role = store_row_key(row, col, signoff_role_parse, -1);
    so->role = role < 0 ? SR_ASSESSOR : (enum signoff_role)role;
    for (size_t i = 0; i < nsignoff_fields; i++)
        store_field_read(row, col + 1 + (int)i, &signoff_fields[i], so);
    return store_row_end(row);
}

/* Takes the next free number of a risk or measure (numbers are never
 * reused: "R3" in an old report must not come to mean another risk),
 * or records that `given` is taken. */
static int take_number(struct store *s, int64_t aid, bool risk, int *number, struct err *e)
{
    struct db_stmt *st = store_stmt(s, SQ_A_NEXT, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, aid);
    if (db_step(st) != DB_ROW) {
        db_reset(st);
        return err_set(e, STORE_GONE_MSG, (long long)aid);
    }
    /* The next free number: one past the last there may be. */
    struct store_row row;
    store_row_start(&row, s, st, "assessments", "id", aid, e);
    int64_t next = store_row_int(&row, risk ? 0 : 1, 1, STORE_NUMBER_MAX + 1);
    db_reset(st);
    if (store_row_end(&row) < 0)
        return -1;
    int64_t n = *number > 0 ? *number : next;
    if (n > STORE_NUMBER_MAX)
        return err_set(e, _("assessment %lld has used every %s number (%s1 to %s%d)"),
                       (long long)aid, risk ? "risk" : "measure", risk ? "R" : "M",
                       risk ? "R" : "M", STORE_NUMBER_MAX);
    *number = (int)n;
    st = store_stmt(s, SQ_A_SET_NEXT, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, aid);
    db_bind_int64(st, 2, risk ? n + 1 : 0);
    db_bind_int64(st, 3, risk ? 0 : n + 1);
    return store_exec(s, st, _("numbering"), e);
}

int store_put_risk(struct store *s, int64_t aid, struct risk *r, struct err *e)
{
    if (take_number(s, aid, true, &r->number, e) < 0)
        return -1;
    struct db_stmt *st = store_stmt(s, SQ_RISK_ADD, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, aid);
    db_bind_int(st, 2, r->number);
    for (size_t i = 0; i < nrisk_fields; i++)
        store_field_bind(st, 3 + (int)i, &risk_fields[i], r);
    if (store_exec_id(s, st, _("saving a risk"), &r->id, e) < 0)
        return -1;
    return 0;
}

/* Links a measure to the risks with the given numbers (all must exist). */
static int put_links(struct store *s, int64_t aid, const struct measure *m, struct err *e)
{
    struct db_stmt *st = store_stmt(s, SQ_LINKS_DEL, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, m->id);
    if (store_exec(s, st, _("saving a measure"), e) < 0)
        return -1;
    for (size_t i = 0; i < m->nrisks; i++) {
        st = store_stmt(s, SQ_RISK_ID, e);
        if (!st)
            return -1;
        db_bind_int64(st, 1, aid);
        db_bind_int(st, 2, m->risks[i]);
        if (db_step(st) != DB_ROW) {
            db_reset(st);
            return err_set(e, _("there is no risk R%d"), m->risks[i]);
        }
        int64_t rid = db_column_int64(st, 0);
        db_reset(st);
        st = store_stmt(s, SQ_LINK_ADD, e);
        if (!st)
            return -1;
        db_bind_int64(st, 1, m->id);
        db_bind_int64(st, 2, rid);
        if (store_exec(s, st, _("linking a measure"), e) < 0)
            return -1;
    }
    return 0;
}

int store_put_measure(struct store *s, int64_t aid, struct measure *m, struct err *e)
{
    if (take_number(s, aid, false, &m->number, e) < 0)
        return -1;
    struct db_stmt *st = store_stmt(s, SQ_MEAS_ADD, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, aid);
    db_bind_int(st, 2, m->number);
    for (size_t i = 0; i < nmeasure_fields; i++)
        store_field_bind(st, 3 + (int)i, &measure_fields[i], m);
    if (store_exec_id(s, st, _("saving a measure"), &m->id, e) < 0)
        return -1;
    return put_links(s, aid, m, e);
}

int store_update_links(struct store *s, int64_t aid, const struct measure *m, struct err *e)
{
    return put_links(s, aid, m, e);
}

int store_put_signoff(struct store *s, int64_t aid, const struct signoff *so, struct err *e)
{
    struct db_stmt *st = store_stmt(s, SQ_SIGN_PUT, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, aid);
    store_bind_text(st, 2, signoff_role_key(so->role));
    for (size_t i = 0; i < nsignoff_fields; i++)
        store_field_bind(st, 3 + (int)i, &signoff_fields[i], so);
    store_bind_text(st, 3 + (int)nsignoff_fields, s->who);
    db_bind_int64(st, 4 + (int)nsignoff_fields, store_now());
    return store_exec(s, st, _("saving a sign-off"), e);
}

int store_read_judgement(struct store_row *row, int col, struct judgement *j)
{
    j->section = store_row_text(row, col);
    int v = store_row_key(row, col + 1, verdict_parse, VD_NONE);
    j->verdict = v < 0 ? VD_NONE : (enum verdict)v;
    j->comment = store_row_text(row, col + 2);
    j->name = store_row_text(row, col + 3);
    j->date = store_row_text(row, col + 4);
    return store_row_end(row);
}

int store_put_judgement(struct store *s, int64_t aid, const struct judgement *j, struct err *e)
{
    struct db_stmt *st = store_stmt(s, SQ_JUDG_PUT, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, aid);
    store_bind_text(st, 2, j->section);
    store_bind_text(st, 3, verdict_key(j->verdict));
    store_bind_text(st, 4, j->comment);
    store_bind_text(st, 5, j->name);
    store_bind_text(st, 6, j->date);
    store_bind_text(st, 7, s->who);
    db_bind_int64(st, 8, store_now());
    return store_exec(s, st, _("saving a judgement"), e);
}
