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
#include "util/xalloc.h"

/* Field name for the history ("risk R2 likelihood after"), kind, place. */
#define FT(type, field, kind, name) { name, kind, offsetof(struct type, field) }

const struct store_field store_risk_fields[] = {
    FT(risk, title, SF_TEXT, "title"),
    FT(risk, description, SF_TEXT, "description"),
    FT(risk, source, SF_TEXT, "source"),
    FT(risk, impacts, SF_TEXT, "impacts"),
    FT(risk, threats, SF_TEXT, "threats"),
    FT(risk, likelihood, SF_INT, "likelihood"),
    FT(risk, likelihood_why, SF_TEXT, "likelihood why"),
    FT(risk, severity, SF_INT, "severity"),
    FT(risk, severity_why, SF_TEXT, "severity why"),
    FT(risk, likelihood_after, SF_INT, "likelihood after"),
    FT(risk, likelihood_after_why, SF_TEXT, "likelihood after why"),
    FT(risk, severity_after, SF_INT, "severity after"),
    FT(risk, severity_after_why, SF_TEXT, "severity after why"),
};
const size_t store_nrisk_fields = sizeof store_risk_fields / sizeof store_risk_fields[0];

const struct store_field store_measure_fields[] = {
    FT(measure, title, SF_TEXT, "title"),
    FT(measure, description, SF_TEXT, "description"),
    FT(measure, type, SF_MTYPE, "type"),
    FT(measure, owner, SF_TEXT, "owner"),
    FT(measure, due, SF_TEXT, "due"),
    FT(measure, status, SF_MSTATUS, "status"),
};
const size_t store_nmeasure_fields =
    sizeof store_measure_fields / sizeof store_measure_fields[0];

const struct store_field store_signoff_fields[] = {
    FT(signoff, name, SF_TEXT, "name"),
    FT(signoff, position, SF_TEXT, "position"),
    FT(signoff, date, SF_TEXT, "date"),
    FT(signoff, decision, SF_DECISION, "decision"),
    FT(signoff, advice, SF_TEXT, "advice"),
    FT(signoff, advice_followed, SF_FOLLOWED, "advice followed"),
    FT(signoff, why_not, SF_TEXT, "why not"),
};
const size_t store_nsignoff_fields =
    sizeof store_signoff_fields / sizeof store_signoff_fields[0];

static char **text_at(const struct store_field *f, const void *obj)
{
    return (char **)((char *)(uintptr_t)obj + f->off);
}

/* Enumerations are stored as ints in the structs (their size is the
 * compiler's business, so read them through their own type). */
static int int_at(const struct store_field *f, const void *obj)
{
    const char *p = (const char *)obj + f->off;
    switch (f->kind) {
    case SF_MTYPE:
        return (int)*(const enum measure_type *)(const void *)p;
    case SF_MSTATUS:
        return (int)*(const enum measure_status *)(const void *)p;
    case SF_DECISION:
        return (int)*(const enum decision *)(const void *)p;
    default:
        return *(const int *)(const void *)p;
    }
}

static void set_int_at(const struct store_field *f, void *obj, int v)
{
    char *p = (char *)obj + f->off;
    switch (f->kind) {
    case SF_MTYPE:
        *(enum measure_type *)(void *)p = (enum measure_type)v;
        break;
    case SF_MSTATUS:
        *(enum measure_status *)(void *)p = (enum measure_status)v;
        break;
    case SF_DECISION:
        *(enum decision *)(void *)p = (enum decision)v;
        break;
    default:
        *(int *)(void *)p = v;
    }
}

static const char *key_of(const struct store_field *f, int v)
{
    switch (f->kind) {
    case SF_MTYPE:
        return v >= 0 && v < MT_COUNT ? measure_type_key((enum measure_type)v) : "";
    case SF_MSTATUS:
        return v >= 0 && v < MS_COUNT ? measure_status_key((enum measure_status)v) : "";
    case SF_DECISION:
        return v >= 0 && v < DEC_COUNT ? decision_key((enum decision)v) : "";
    default:
        return "";
    }
}

void store_field_bind(sqlite3_stmt *st, int i, const struct store_field *f, const void *obj)
{
    switch (f->kind) {
    case SF_TEXT:
        store_bind_text(st, i, *text_at(f, obj));
        break;
    case SF_INT:
    case SF_FOLLOWED:
        sqlite3_bind_int(st, i, int_at(f, obj));
        break;
    default:
        store_bind_text(st, i, key_of(f, int_at(f, obj)));
    }
}

void store_field_read(sqlite3_stmt *st, int col, const struct store_field *f, void *obj)
{
    const char *t;
    int v;
    switch (f->kind) {
    case SF_TEXT:
        free(*text_at(f, obj));
        *text_at(f, obj) = store_col_text(st, col);
        return;
    case SF_INT:
    case SF_FOLLOWED:
        set_int_at(f, obj, sqlite3_column_int(st, col));
        return;
    default:
        t = (const char *)sqlite3_column_text(st, col);
        if (!t)
            t = "";
        v = f->kind == SF_MTYPE ? measure_type_parse(t)
            : f->kind == SF_MSTATUS ? measure_status_parse(t) : decision_parse(t);
        /* A key this program does not know (a newer writer): the first. */
        set_int_at(f, obj, v < 0 ? 0 : v);
    }
}

bool store_field_same(const struct store_field *f, const void *a, const void *b)
{
    if (f->kind == SF_TEXT) {
        const char *x = *text_at(f, a), *y = *text_at(f, b);
        return strcmp(x ? x : "", y ? y : "") == 0;
    }
    return int_at(f, a) == int_at(f, b);
}

char *store_field_text(const struct store_field *f, const void *obj)
{
    int v;
    switch (f->kind) {
    case SF_TEXT:
        return xstrdup(*text_at(f, obj) ? *text_at(f, obj) : "");
    case SF_INT:
        v = int_at(f, obj);
        return v ? xasprintf("%d", v) : xstrdup("");
    case SF_FOLLOWED:
        v = int_at(f, obj);
        return xstrdup(v > 0 ? "yes" : v == 0 ? "no" : "");
    default:
        return xstrdup(key_of(f, int_at(f, obj)));
    }
}

void store_read_risk(sqlite3_stmt *st, int col, struct risk *r)
{
    r->id = sqlite3_column_int64(st, col);
    r->number = sqlite3_column_int(st, col + 1);
    for (size_t i = 0; i < store_nrisk_fields; i++)
        store_field_read(st, col + 2 + (int)i, &store_risk_fields[i], r);
}

void store_read_measure(sqlite3_stmt *st, int col, struct measure *m)
{
    m->id = sqlite3_column_int64(st, col);
    m->number = sqlite3_column_int(st, col + 1);
    for (size_t i = 0; i < store_nmeasure_fields; i++)
        store_field_read(st, col + 2 + (int)i, &store_measure_fields[i], m);
}

void store_read_signoff(sqlite3_stmt *st, int col, struct signoff *so)
{
    int role = signoff_role_parse((const char *)sqlite3_column_text(st, col));
    so->role = role < 0 ? SR_ASSESSOR : (enum signoff_role)role;
    for (size_t i = 0; i < store_nsignoff_fields; i++)
        store_field_read(st, col + 1 + (int)i, &store_signoff_fields[i], so);
}

/* Takes the next free number of a risk or measure (numbers are never
 * reused: "R3" in an old report must not come to mean another risk),
 * or records that `given` is taken. */
static int take_number(struct store *s, int64_t aid, bool risk, int *number, struct err *e)
{
    sqlite3_stmt *st = store_stmt(s, SQ_A_NEXT, e);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, aid);
    if (sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_reset(st);
        return err_set(e, "no assessment %lld", (long long)aid);
    }
    int next = sqlite3_column_int(st, risk ? 0 : 1);
    sqlite3_reset(st);
    if (*number <= 0)
        *number = next;
    st = store_stmt(s, SQ_A_SET_NEXT, e);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, aid);
    sqlite3_bind_int(st, 2, risk ? *number + 1 : 0);
    sqlite3_bind_int(st, 3, risk ? 0 : *number + 1);
    return store_exec(s, st, "numbering", e);
}

int store_put_risk(struct store *s, int64_t aid, struct risk *r, struct err *e)
{
    if (take_number(s, aid, true, &r->number, e) < 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, SQ_RISK_ADD, e);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, aid);
    sqlite3_bind_int(st, 2, r->number);
    for (size_t i = 0; i < store_nrisk_fields; i++)
        store_field_bind(st, 3 + (int)i, &store_risk_fields[i], r);
    if (store_exec(s, st, "saving a risk", e) < 0)
        return -1;
    r->id = sqlite3_last_insert_rowid(s->db);
    return 0;
}

/* Links a measure to the risks with the given numbers (all must exist). */
static int put_links(struct store *s, int64_t aid, const struct measure *m, struct err *e)
{
    sqlite3_stmt *st = store_stmt(s, SQ_LINKS_DEL, e);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, m->id);
    if (store_exec(s, st, "saving a measure", e) < 0)
        return -1;
    for (size_t i = 0; i < m->nrisks; i++) {
        st = store_stmt(s, SQ_RISK_ID, e);
        if (!st)
            return -1;
        sqlite3_bind_int64(st, 1, aid);
        sqlite3_bind_int(st, 2, m->risks[i]);
        if (sqlite3_step(st) != SQLITE_ROW) {
            sqlite3_reset(st);
            return err_set(e, "there is no risk R%d", m->risks[i]);
        }
        int64_t rid = sqlite3_column_int64(st, 0);
        sqlite3_reset(st);
        st = store_stmt(s, SQ_LINK_ADD, e);
        if (!st)
            return -1;
        sqlite3_bind_int64(st, 1, m->id);
        sqlite3_bind_int64(st, 2, rid);
        if (store_exec(s, st, "linking a measure", e) < 0)
            return -1;
    }
    return 0;
}

int store_put_measure(struct store *s, int64_t aid, struct measure *m, struct err *e)
{
    if (take_number(s, aid, false, &m->number, e) < 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, SQ_MEAS_ADD, e);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, aid);
    sqlite3_bind_int(st, 2, m->number);
    for (size_t i = 0; i < store_nmeasure_fields; i++)
        store_field_bind(st, 3 + (int)i, &store_measure_fields[i], m);
    if (store_exec(s, st, "saving a measure", e) < 0)
        return -1;
    m->id = sqlite3_last_insert_rowid(s->db);
    return put_links(s, aid, m, e);
}

int store_update_links(struct store *s, int64_t aid, const struct measure *m, struct err *e)
{
    return put_links(s, aid, m, e);
}

int store_put_signoff(struct store *s, int64_t aid, const struct signoff *so, struct err *e)
{
    sqlite3_stmt *st = store_stmt(s, SQ_SIGN_PUT, e);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, aid);
    store_bind_text(st, 2, signoff_role_key(so->role));
    for (size_t i = 0; i < store_nsignoff_fields; i++)
        store_field_bind(st, 3 + (int)i, &store_signoff_fields[i], so);
    store_bind_text(st, 10, s->who);
    sqlite3_bind_int64(st, 11, store_now());
    return store_exec(s, st, "saving a sign-off", e);
}
