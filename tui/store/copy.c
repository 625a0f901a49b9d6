/*
 * dpia copy: one assessment whole, read from one database and written
 * into another exactly as it was (store_copy_read, store_copy_write).
 *
 * Unlike an import, which writes what a record holds and adds
 * "imported" to the change log, a copy keeps what the record leaves
 * out: who wrote each answer, sign-off and judgement and when, the
 * revision counters of the answers (the conflict checks go on from
 * them), the numbers the next risk and measure take (numbers are never
 * reused, deleted ones included), which entries of the change log were
 * one change (what undo takes back), and the listing's summary and last
 * change time. Only the ids of rows are new. The reading goes through
 * the checked readers of rows.c like every other; the writing uses the
 * same statements as the rest of the store, with the values read.
 */
#include "config.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/undo.h"
#include "store/store_int.h"
#include "util/i18n.h"
#include "util/sha256.h"
#include "util/xalloc.h"

/* The rows of a table of people or of the review: each value a text or
 * a whole number, as the table's types say. */
struct team_rows {
    char **text;                /* nrows * ncols, NULL for a number */
    int64_t *num;
    size_t nrows;
};

/* Those tables, their statements and the type of each column after the
 * assessment ('t' text, 'i' whole number, 'm' time). */
static const struct {
    const char *table;
    enum store_stmt get, add;
    const char *types;
} team_tables[4] = {
    { "members", SQ_CP_MEM_GET, SQ_CP_MEM_ADD, "tt" },
    { "review_steps", SQ_CP_STEP_GET, SQ_CP_STEP_ADD, "iittmt" },
    { "comments", SQ_CP_COM_GET, SQ_CP_COM_ADD, "iiittmttm" },
    { "on_behalf", SQ_CP_BEH_GET, SQ_CP_BEH_ADD, "itttttm" },
};

/* Who wrote a row and when. */
struct copy_who {
    char *who;
    int64_t at;
};

struct store_copy {
    struct assessment *a;       /* answers, risks, measures, sign-offs,
                                   judgements, workshops, history */
    char digest[65];            /* the template snapshot */
    char *xml;
    size_t xml_len;
    int64_t next_risk, next_measure;
    int64_t percent, highest_level;
    char *highest_name;
    bool highest_high;
    bool signed_by[SR_COUNT];   /* the sign-off rows there are */
    struct copy_who sign_who[SR_COUNT];
    struct copy_who *judg_who;  /* one for each of a->judgements */
    int *parts;                 /* one for each of a->history */
    struct store_revision *revs;
    size_t nrevs;
    char **records;             /* the record kept with each revision */
    size_t *record_lens;
    struct team_rows team[4];   /* members, review steps, comments, on behalf */
};

void store_copy_free(struct store_copy *c)
{
    if (!c)
        return;
    if (c->a)
        for (size_t i = 0; i < c->a->njudgements; i++)
            free(c->judg_who ? c->judg_who[i].who : NULL);
    for (int r = 0; r < SR_COUNT; r++)
        free(c->sign_who[r].who);
    for (size_t i = 0; i < c->nrevs; i++)
        free(c->records[i]);
    for (size_t t = 0; t < 4; t++) {
        size_t n = c->team[t].nrows * strlen(team_tables[t].types);
        for (size_t k = 0; k < n; k++)
            free(c->team[t].text[k]);
        free(c->team[t].text);
        free(c->team[t].num);
    }
    assess_free(c->a);
    free(c->xml);
    free(c->highest_name);
    free(c->judg_who);
    free(c->parts);
    free(c->revs);
    free(c->records);
    free(c->record_lens);
    free(c);
}

const struct assessment *store_copy_assessment(const struct store_copy *c)
{
    return c->a;
}

size_t store_copy_revisions(const struct store_copy *c)
{
    return c->nrevs;
}

/* --- reading ------------------------------------------------------------- */

/* The assessment's row and its template snapshot. */
static int read_row(struct store *s, int64_t id, struct store_copy *c, struct err *e)
{
    struct db_stmt *st = store_stmt(s, SQ_CP_A_GET, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, id);
    int rc = db_step(st);
    if (rc != DB_ROW) {
        db_reset(st);
        if (rc == DB_DONE)
            return err_set(e, _("there is no assessment %lld"), (long long)id);
        return store_db_error(s, _("reading an assessment"), e);
    }
    struct assessment *a = c->a;
    struct store_row r;
    store_row_start(&r, s, st, "assessments", "id", id, e);
    store_row_uuid(&r, 0, a->uuid);
    store_row_set(&r, 1, &a->title);
    store_row_set(&r, 2, &a->method);
    a->status = (enum assess_status)store_row_key(&r, 3, assess_status_parse, ST_DRAFT);
    a->created = store_row_time(&r, 4);
    a->updated = store_row_time(&r, 5);
    store_row_set(&r, 6, &a->review_date);
    c->next_risk = store_row_int(&r, 7, 1, STORE_NUMBER_MAX + 1);
    c->next_measure = store_row_int(&r, 8, 1, STORE_NUMBER_MAX + 1);
    c->percent = store_row_int(&r, 9, 0, 100);
    c->highest_level = store_row_int(&r, 10, -1, TMPL_MAX_LEVELS);
    store_row_set(&r, 11, &c->highest_name);
    c->highest_high = store_row_flag(&r, 12);
    a->revision = (int)store_row_int(&r, 13, 1, STORE_NUMBER_MAX);
    store_row_set(&r, 14, &a->replaces_date);
    a->archived_from = (enum assess_status)store_row_key(&r, 15, assess_status_parse, ST_DRAFT);
    store_row_set(&r, 16, &a->controller);
    store_row_set(&r, 17, &a->dpo_contact);
    store_row_set(&r, 18, &a->lang);
    int64_t tid = store_row_int(&r, 19, INT64_MIN, INT64_MAX);
    if (!r.bad)
        store_row_start(&r, s, st, "templates", "id", tid, e);
    store_row_digest(&r, 20, c->digest);
    c->xml = store_row_blob(&r, 21, TMPL_MAX_BYTES, &c->xml_len);
    db_reset(st);
    if (store_row_end(&r) < 0)
        return -1;
    /* The snapshot is found by its digest in the other database: it
     * must be the digest of these bytes (the last one made is kept). */
    char digest[65];
    if (s->last_xml && s->last_len == c->xml_len && memcmp(s->last_xml, c->xml, c->xml_len) == 0) {
        memcpy(digest, s->last_digest, sizeof digest);
    } else {
        sha256_of(c->xml, c->xml_len, digest);
        free(s->last_xml);
        s->last_xml = xstrndup(c->xml, c->xml_len);
        s->last_len = c->xml_len;
        memcpy(s->last_digest, digest, sizeof digest);
    }
    if (strcmp(digest, c->digest) != 0)
        return err_set(e, _("%s is damaged: table %s, row %s %lld, column %s: %s"), s->path,
                       "templates", "id", (long long)tid, "digest",
                       _("not the digest of the snapshot"));
    return 0;
}

/* Who wrote each sign-off and when, and which roles have one. */
static int read_signoff_who(struct store *s, struct store_copy *c, struct err *e)
{
    struct db_stmt *st = store_stmt(s, SQ_CP_SIGN_WHO, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, c->a->id);
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        struct store_row r;
        store_row_start(&r, s, st, "signoffs", "assessment", c->a->id, e);
        int role = store_row_key(&r, 0, signoff_role_parse, -1);
        char *who = store_row_text(&r, 1);
        int64_t at = store_row_time(&r, 2);
        if (store_row_end(&r) < 0) {
            free(who);
            db_reset(st);
            return -1;
        }
        /* A role this program does not know was not loaded either. */
        if (role < 0) {
            free(who);
            continue;
        }
        c->signed_by[role] = true;
        free(c->sign_who[role].who);
        c->sign_who[role].who = who;
        c->sign_who[role].at = at;
    }
    db_reset(st);
    return rc == DB_DONE ? 0 : store_db_error(s, _("reading the sign-offs"), e);
}

/* Who gave each judgement loaded and when. */
static int read_judgement_who(struct store *s, struct store_copy *c, struct err *e)
{
    struct assessment *a = c->a;
    c->judg_who = xcalloc(a->njudgements + 1, sizeof *c->judg_who);
    struct db_stmt *st = store_stmt(s, SQ_CP_JUDG_WHO, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, a->id);
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        struct store_row r;
        store_row_start(&r, s, st, "judgements", "assessment", a->id, e);
        size_t n;
        const char *section = store_row_view(&r, 0, &n);
        for (size_t i = 0; !r.bad && i < a->njudgements; i++) {
            if (strcmp(a->judgements[i].section, section) != 0)
                continue;
            store_row_set(&r, 1, &c->judg_who[i].who);
            c->judg_who[i].at = store_row_time(&r, 2);
            break;
        }
        if (store_row_end(&r) < 0) {
            db_reset(st);
            return -1;
        }
    }
    db_reset(st);
    return rc == DB_DONE ? 0 : store_db_error(s, _("reading the judgements"), e);
}

/* The change log as it is, with the part of a change each row is. */
static int read_history(struct store *s, struct store_copy *c, struct err *e)
{
    struct assessment *a = c->a;
    struct db_stmt *st = store_stmt(s, SQ_CP_HIST, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, a->id);
    size_t cap = 0;
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        struct store_row r;
        store_row_start(&r, s, st, "history", "id", db_column_int64(st, 6), e);
        size_t n;
        int64_t when = store_row_time(&r, 0);
        const char *who = store_row_view(&r, 1, &n);
        const char *what = store_row_view(&r, 2, &n);
        const char *ov = store_row_view(&r, 3, &n);
        const char *nv = store_row_view(&r, 4, &n);
        int part = (int)store_row_int(&r, 5, UNDO_PART_UNKNOWN, UNDO_PART_MORE);
        if (store_row_end(&r) < 0) {
            db_reset(st);
            return -1;
        }
        c->parts = xgrow(c->parts, &cap, a->nhistory + 1, sizeof *c->parts);
        c->parts[a->nhistory] = part;
        assess_add_change(a, when, who, what, ov, nv);
    }
    db_reset(st);
    return rc == DB_DONE ? 0 : store_db_error(s, _("reading the history"), e);
}

/* The closed revisions and the record kept with each. */
static int read_revisions(struct store *s, struct store_copy *c, struct err *e)
{
    if (store_revisions(s, c->a->id, &c->revs, &c->nrevs, e) < 0)
        return -1;
    c->records = xcalloc(c->nrevs + 1, sizeof *c->records);
    c->record_lens = xcalloc(c->nrevs + 1, sizeof *c->record_lens);
    for (size_t i = 0; i < c->nrevs; i++)
        if (!(c->records[i] = store_revision_record(s, c->a->id, c->revs[i].number,
                                                    &c->record_lens[i], e)))
            return -1;
    return 0;
}

/* The rows of the tables of people and of the review, checked as every
 * row the store reads. */
static int read_team(struct store *s, struct store_copy *c, struct err *e)
{
    for (size_t t = 0; t < 4; t++) {
        const char *types = team_tables[t].types;
        size_t ncols = strlen(types);
        struct team_rows *rows = &c->team[t];
        struct db_stmt *st = store_stmt(s, team_tables[t].get, e);
        if (!st)
            return -1;
        db_bind_int64(st, 1, c->a->id);
        int rc;
        size_t cap = 0;
        while ((rc = db_step(st)) == DB_ROW) {
            size_t at = rows->nrows * ncols;
            size_t old = cap;
            rows->text = xgrow(rows->text, &old, at + ncols, sizeof *rows->text);
            rows->num = xgrow(rows->num, &cap, at + ncols, sizeof *rows->num);
            struct store_row r;
            store_row_start(&r, s, st, team_tables[t].table, "assessment", c->a->id, e);
            for (size_t k = 0; k < ncols; k++) {
                rows->text[at + k] = types[k] == 't' ? store_row_text(&r, (int)k) : NULL;
                rows->num[at + k] = types[k] == 'i' ? store_row_int(&r, (int)k, 0, STORE_NUMBER_MAX)
                                  : types[k] == 'm' ? store_row_time(&r, (int)k) : 0;
            }
            rows->nrows++;
            if (store_row_end(&r) < 0) {
                db_reset(st);
                return -1;
            }
        }
        db_reset(st);
        if (rc != DB_DONE)
            return store_db_error(s, _("reading an assessment"), e);
    }
    return 0;
}

static int put_team(struct store *s, int64_t aid, const struct store_copy *c, struct err *e)
{
    for (size_t t = 0; t < 4; t++) {
        const char *types = team_tables[t].types;
        size_t ncols = strlen(types);
        const struct team_rows *rows = &c->team[t];
        for (size_t i = 0; i < rows->nrows; i++) {
            struct db_stmt *st = store_stmt(s, team_tables[t].add, e);
            if (!st)
                return -1;
            db_bind_int64(st, 1, aid);
            for (size_t k = 0; k < ncols; k++) {
                size_t at = i * ncols + k;
                if (types[k] == 't')
                    store_bind_text(st, (int)k + 2, rows->text[at]);
                else
                    db_bind_int64(st, (int)k + 2, rows->num[at]);
            }
            if (store_exec(s, st, _("saving"), e) < 0)
                return -1;
        }
    }
    return 0;
}

struct store_copy *store_copy_read(struct store *s, int64_t id, struct err *e)
{
    struct store_copy *c = xcalloc(1, sizeof *c);
    c->a = assess_new();
    c->a->id = id;
    store_read_begin(s);
    int rc = read_row(s, id, c, e);
    if (rc == 0)
        rc = store_load_parts(s, c->a, e);
    if (rc == 0)
        rc = read_signoff_who(s, c, e);
    if (rc == 0)
        rc = read_judgement_who(s, c, e);
    if (rc == 0)
        rc = read_history(s, c, e);
    if (rc == 0)
        rc = read_revisions(s, c, e);
    if (rc == 0)
        rc = read_team(s, c, e);
    store_read_end(s);
    if (rc < 0) {
        store_copy_free(c);
        return NULL;
    }
    return c;
}

/* --- writing ------------------------------------------------------------- */

int64_t store_find_uuid(struct store *s, const char *uuid, struct err *e)
{
    if (!store_uuid_ok(uuid))
        return 0;
    struct db_stmt *st = store_stmt(s, SQ_A_BY_UUID, e);
    if (!st)
        return -1;
    store_bind_text(st, 1, uuid);
    int rc = db_step(st);
    int64_t id = rc == DB_ROW ? db_column_int64(st, 0) : 0;
    db_reset(st);
    if (rc != DB_ROW && rc != DB_DONE)
        return store_db_error(s, _("finding an assessment"), e);
    return id;
}

/* The snapshot's row in s: the one with its digest, or a new one once
 * the bytes are read as store_insert reads a template (the schema, the
 * model's rules, the risk method named). */
static int64_t snapshot_row(struct store *s, const struct store_copy *c, struct err *e)
{
    struct db_stmt *st = store_stmt(s, SQ_TMPL_FIND, e);
    if (!st)
        return -1;
    store_bind_text(st, 1, c->digest);
    int rc = db_step(st);
    int64_t id = rc == DB_ROW ? db_column_int64(st, 0) : -1;
    db_reset(st);
    if (id >= 0)
        return id;
    if (rc != DB_DONE)
        return store_db_error(s, _("saving the template snapshot"), e);
    const struct tmpl *t = store_tmpl_for(s, c->digest, c->xml, c->xml_len, NULL, e);
    if (!t)
        return -1;
    if (*c->a->method && !tmpl_find_method(t, c->a->method))
        return err_set(e, _("template '%s' has no risk method '%s'"), t->id, c->a->method);
    if (!(st = store_stmt(s, SQ_TMPL_ADD, e)))
        return -1;
    store_bind_text(st, 1, c->digest);
    store_bind_text(st, 2, t->id);
    store_bind_text(st, 3, t->version);
    db_bind_blob(st, 4, c->xml, c->xml_len);
    int64_t tid = -1;
    if (store_exec_id(s, st, _("saving the template snapshot"), &tid, e) < 0)
        return -1;
    return tid;
}

static int64_t put_row(struct store *s, const struct store_copy *c, int64_t tid, struct err *e)
{
    const struct assessment *a = c->a;
    struct db_stmt *st = store_stmt(s, SQ_CP_A_ADD, e);
    if (!st)
        return -1;
    store_bind_text(st, 1, a->uuid);
    store_bind_text(st, 2, a->title);
    db_bind_int64(st, 3, tid);
    store_bind_text(st, 4, a->method);
    store_bind_text(st, 5, assess_status_key(a->status));
    db_bind_int64(st, 6, a->created);
    db_bind_int64(st, 7, a->updated);
    store_bind_text(st, 8, a->review_date);
    db_bind_int64(st, 9, c->next_risk);
    db_bind_int64(st, 10, c->next_measure);
    db_bind_int64(st, 11, c->percent);
    db_bind_int64(st, 12, c->highest_level);
    store_bind_text(st, 13, c->highest_name);
    db_bind_int(st, 14, c->highest_high);
    db_bind_int(st, 15, a->revision);
    store_bind_text(st, 16, a->replaces_date);
    store_bind_text(st, 17, assess_status_key(a->archived_from));
    store_bind_text(st, 18, a->controller);
    store_bind_text(st, 19, a->dpo_contact);
    store_bind_text(st, 20, a->lang);
    int64_t aid = -1;
    if (store_exec_id(s, st, _("saving the assessment"), &aid, e) < 0)
        return -1;
    return aid;
}

static int put_answers(struct store *s, int64_t aid, const struct assessment *a, struct err *e)
{
    for (size_t i = 0; i < a->nanswers; i++) {
        const struct answer *an = &a->answers[i];
        struct db_stmt *st = store_stmt(s, SQ_ANS_PUT, e);
        if (!st)
            return -1;
        db_bind_int64(st, 1, aid);
        store_bind_text(st, 2, an->question);
        store_bind_text(st, 3, an->value);
        store_bind_text(st, 4, an->note);
        db_bind_int(st, 5, an->flagged);
        store_bind_text(st, 6, an->who);
        db_bind_int64(st, 7, an->when);
        db_bind_int64(st, 8, an->revision);
        if (store_exec(s, st, _("saving an answer"), e) < 0)
            return -1;
    }
    return 0;
}

/* Sign-offs and judgements with who wrote them and when (the writers of
 * records.c put the store's who and now). */
static int put_signed(struct store *s, int64_t aid, const struct store_copy *c, struct err *e)
{
    const struct assessment *a = c->a;
    for (int r = 0; r < SR_COUNT; r++) {
        if (!c->signed_by[r])
            continue;
        struct db_stmt *st = store_stmt(s, SQ_SIGN_PUT, e);
        if (!st)
            return -1;
        db_bind_int64(st, 1, aid);
        store_bind_text(st, 2, signoff_role_key((enum signoff_role)r));
        for (size_t i = 0; i < nsignoff_fields; i++)
            store_field_bind(st, 3 + (int)i, &signoff_fields[i], &a->signoffs[r]);
        store_bind_text(st, 3 + (int)nsignoff_fields, c->sign_who[r].who);
        db_bind_int64(st, 4 + (int)nsignoff_fields, c->sign_who[r].at);
        if (store_exec(s, st, _("saving a sign-off"), e) < 0)
            return -1;
    }
    for (size_t i = 0; i < a->njudgements; i++) {
        const struct judgement *j = &a->judgements[i];
        struct db_stmt *st = store_stmt(s, SQ_JUDG_PUT, e);
        if (!st)
            return -1;
        db_bind_int64(st, 1, aid);
        store_bind_text(st, 2, j->section);
        store_bind_text(st, 3, verdict_key(j->verdict));
        store_bind_text(st, 4, j->comment);
        store_bind_text(st, 5, j->name);
        store_bind_text(st, 6, j->date);
        store_bind_text(st, 7, c->judg_who[i].who);
        db_bind_int64(st, 8, c->judg_who[i].at);
        if (store_exec(s, st, _("saving a judgement"), e) < 0)
            return -1;
    }
    return 0;
}

static int put_revisions(struct store *s, int64_t aid, const struct store_copy *c,
                         struct err *e)
{
    for (size_t i = 0; i < c->nrevs; i++) {
        const struct store_revision *r = &c->revs[i];
        struct db_stmt *st = store_stmt(s, SQ_REV_ADD, e);
        if (!st)
            return -1;
        db_bind_int64(st, 1, aid);
        db_bind_int(st, 2, r->number);
        store_bind_text(st, 3, assess_status_key(r->status));
        store_bind_text(st, 4, r->decided);
        db_bind_int64(st, 5, r->closed);
        db_bind_blob(st, 6, c->records[i], c->record_lens[i]);
        if (store_exec(s, st, _("keeping the revision"), e) < 0)
            return -1;
    }
    return 0;
}

static int put_history(struct store *s, int64_t aid, const struct store_copy *c, struct err *e)
{
    const struct assessment *a = c->a;
    for (size_t i = 0; i < a->nhistory; i++) {
        const struct change *ch = &a->history[i];
        struct db_stmt *st = store_stmt(s, SQ_HIST_ADD, e);
        if (!st)
            return -1;
        db_bind_int64(st, 1, aid);
        db_bind_int64(st, 2, ch->when);
        store_bind_text(st, 3, ch->who);
        store_bind_text(st, 4, ch->what);
        store_bind_text(st, 5, ch->old_value);
        store_bind_text(st, 6, ch->new_value);
        db_bind_int(st, 7, c->parts[i]);
        if (store_exec(s, st, _("saving the history"), e) < 0)
            return -1;
    }
    return 0;
}

int64_t store_copy_write(struct store *s, struct store_copy *c, struct err *e)
{
    struct assessment *a = c->a;
    if (store_check_writable(s, e) < 0)
        return -1;
    if (!store_uuid_ok(a->uuid))
        return err_set(e, _("assessment %s has no uuid"), a->uuid);
    if (store_txn_begin(s, e) < 0)
        return -1;
    int64_t aid = store_find_uuid(s, a->uuid, e), tid;
    if (aid > 0) {
        err_set(e, _("assessment %s is already in %s (as %lld)"), a->uuid, s->path,
                (long long)aid);
        goto fail;
    }
    if (aid < 0 || (tid = snapshot_row(s, c, e)) < 0 || (aid = put_row(s, c, tid, e)) < 0 ||
        put_answers(s, aid, a, e) < 0)
        goto fail;
    /* Risks before measures: the links name risks by number. The
     * numbers are given, and the next ones to take were written with the
     * row (store_put_* only ever raises them). */
    for (size_t i = 0; i < a->nrisks; i++)
        if (store_put_risk(s, aid, &a->risks[i], e) < 0)
            goto fail;
    for (size_t i = 0; i < a->nmeasures; i++)
        if (store_put_measure(s, aid, &a->measures[i], e) < 0)
            goto fail;
    if (put_signed(s, aid, c, e) < 0)
        goto fail;
    for (size_t i = 0; i < a->nworkshops; i++)
        if (store_put_workshop(s, aid, &a->workshops[i], e) < 0)
            goto fail;
    if (put_revisions(s, aid, c, e) < 0 || put_history(s, aid, c, e) < 0 ||
        put_team(s, aid, c, e) < 0 || store_txn_commit(s, e) < 0)
        goto fail;
    return aid;
fail:
    store_txn_rollback(s);
    return -1;
}
