/*
 * Whole assessments: creating one from a template, loading one, the
 * listing, finding one by number or uuid, deleting, duplicating and
 * inserting one built elsewhere (an import).
 *
 * The listing reads one table: each write refreshes the assessment's
 * progress and highest residual risk (store_touch) from the committed
 * state, inside its own transaction, so `dpia list` parses no template
 * and stays fast however many assessments there are.
 */
#include "config.h"
#include "store/store.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/logic.h"
#include "store/store_int.h"
#include "util/buf.h"
#include "util/sha256.h"
#include "util/xalloc.h"

/* --- loading --------------------------------------------------------- */

static void empty_signoffs(struct assessment *a)
{
    for (int r = 0; r < SR_COUNT; r++) {
        struct signoff *so = &a->signoffs[r];
        so->role = (enum signoff_role)r;
        for (size_t i = 0; i < store_nsignoff_fields; i++) {
            const struct store_field *f = &store_signoff_fields[i];
            char **p = (char **)(void *)((char *)so + f->off);
            if (f->kind == SF_TEXT && !*p)
                *p = xstrdup("");
        }
    }
}

static int load_answers(struct store *s, struct assessment *a, struct err *e)
{
    sqlite3_stmt *st = store_stmt(s, SQ_ANS_LOAD, e);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, a->id);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        a->answers = xgrow(a->answers, &cap, a->nanswers + 1, sizeof *a->answers);
        struct answer *an = &a->answers[a->nanswers++];
        an->question = store_col_text(st, 0);
        an->value = store_col_text(st, 1);
        an->note = store_col_text(st, 2);
        an->flagged = sqlite3_column_int(st, 3) != 0;
        an->who = store_col_text(st, 4);
        an->when = sqlite3_column_int64(st, 5);
        an->revision = sqlite3_column_int64(st, 6);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : store_db_error(s, "reading answers", e);
}

static int load_risks(struct store *s, struct assessment *a, struct err *e)
{
    sqlite3_stmt *st = store_stmt(s, SQ_RISK_LOAD, e);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, a->id);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        a->risks = xgrow(a->risks, &cap, a->nrisks + 1, sizeof *a->risks);
        struct risk *r = &a->risks[a->nrisks++];
        memset(r, 0, sizeof *r);
        store_read_risk(st, 0, r);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : store_db_error(s, "reading risks", e);
}

static int load_links(struct store *s, struct measure *m, struct err *e)
{
    sqlite3_stmt *st = store_stmt(s, SQ_LINKS_OF, e);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, m->id);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        m->risks = xgrow(m->risks, &cap, m->nrisks + 1, sizeof *m->risks);
        m->risks[m->nrisks++] = sqlite3_column_int(st, 0);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : store_db_error(s, "reading measures", e);
}

static int load_measures(struct store *s, struct assessment *a, struct err *e)
{
    sqlite3_stmt *st = store_stmt(s, SQ_MEAS_LOAD, e);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, a->id);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        a->measures = xgrow(a->measures, &cap, a->nmeasures + 1, sizeof *a->measures);
        struct measure *m = &a->measures[a->nmeasures++];
        memset(m, 0, sizeof *m);
        store_read_measure(st, 0, m);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return store_db_error(s, "reading measures", e);
    for (size_t i = 0; i < a->nmeasures; i++)
        if (load_links(s, &a->measures[i], e) < 0)
            return -1;
    return 0;
}

static int load_signoffs(struct store *s, struct assessment *a, struct err *e)
{
    sqlite3_stmt *st = store_stmt(s, SQ_SIGN_LOAD, e);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, a->id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int role = signoff_role_parse((const char *)sqlite3_column_text(st, 0));
        if (role >= 0)
            store_read_signoff(st, 0, &a->signoffs[role]);
    }
    sqlite3_reset(st);
    empty_signoffs(a);
    return rc == SQLITE_DONE ? 0 : store_db_error(s, "reading sign-offs", e);
}

int store_load_parts(struct store *s, struct assessment *a, struct err *e)
{
    if (load_answers(s, a, e) < 0 || load_risks(s, a, e) < 0 ||
        load_measures(s, a, e) < 0 || load_signoffs(s, a, e) < 0)
        return -1;
    return 0;
}


/* Loads an assessment; with xml_out, hands over its snapshot too. */
static struct assessment *load(struct store *s, int64_t id, char **xml_out, size_t *xml_len,
                               struct err *e)
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
done:
    store_read_end(s);
    return a;
}

struct assessment *store_load(struct store *s, int64_t id, struct err *e)
{
    return load(s, id, NULL, NULL, e);
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

/* --- the listing's summary --------------------------------------------- */

/* The parsed snapshot of assessment aid; its XML is read only when
 * neither the caller's template nor the cache has it. */
static const struct tmpl *snapshot_of(struct store *s, int64_t aid, const struct tmpl *hint,
                                      char **method, struct err *e)
{
    sqlite3_stmt *st = store_stmt(s, SQ_TMPL_DIGEST_OF, e);
    if (!st)
        return NULL;
    sqlite3_bind_int64(st, 1, aid);
    if (sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_reset(st);
        err_set(e, "there is no assessment %lld", (long long)aid);
        return NULL;
    }
    char digest[65];
    snprintf(digest, sizeof digest, "%s", (const char *)sqlite3_column_text(st, 0));
    *method = store_col_text(st, 1);
    sqlite3_reset(st);
    const struct tmpl *t = store_tmpl_for(s, digest, NULL, 0, hint, NULL);
    if (t)
        return t;
    size_t len;
    char *xml = store_template_xml(s, aid, &len, e);
    t = xml ? store_tmpl_for(s, digest, xml, len, NULL, e) : NULL;
    free(xml);
    if (!t)
        XFREE(*method);
    return t;
}

int store_touch(struct store *s, int64_t aid, const struct tmpl *hint, struct err *e)
{
    char *method = NULL;
    const struct tmpl *t = snapshot_of(s, aid, hint, &method, e);
    if (!t)
        return -1;
    /* A scratch assessment read back from the database: the summary is
     * the committed state's, even when the caller's copy is behind
     * another process's changes. The template is borrowed. */
    struct assessment *tmp = assess_new();
    tmp->id = aid;
    free(tmp->method);
    tmp->method = method;
    tmp->tmpl = (struct tmpl *)(uintptr_t)t;
    int rc = store_load_parts(s, tmp, e);
    int percent = 0, level = -1;
    const char *name = "";
    bool high = false;
    if (rc == 0) {
        struct progress p;
        logic_progress(tmp, &p);
        percent = logic_percent(&p);
        level = logic_highest_residual(tmp);
        const struct tmpl_method *m = assess_method(tmp);
        if (level >= 0 && m && level < m->nlevels) {
            name = m->levels[level].name;
            high = m->levels[level].high;
        } else {
            level = -1;
        }
        sqlite3_stmt *st = store_stmt(s, SQ_A_SUMMARY, e);
        if (!st) {
            rc = -1;
        } else {
            sqlite3_bind_int64(st, 1, aid);
            sqlite3_bind_int64(st, 2, store_now());
            sqlite3_bind_int(st, 3, percent);
            sqlite3_bind_int(st, 4, level);
            store_bind_text(st, 5, name);
            sqlite3_bind_int(st, 6, high);
            rc = store_exec(s, st, "saving the summary", e);
        }
    }
    tmp->tmpl = NULL;
    assess_free(tmp);
    return rc;
}

/* Appends a column's text to the pool; returns its offset (0 is ""). */
static uintptr_t pool_add(struct buf *pool, sqlite3_stmt *st, int col)
{
    const char *t = (const char *)sqlite3_column_text(st, col);
    if (!t || !*t)
        return 0;
    uintptr_t off = pool->len;
    buf_add(pool, t, strlen(t) + 1);
    return off;
}

/* The strings of all rows live in one block (ten thousand rows would
 * otherwise cost forty thousand small allocations): offsets are kept
 * while the block grows and turned into pointers at the end. */
/* Reads the rows of a prepared listing statement into out. */
static int read_rows(struct store *s, sqlite3_stmt *st, size_t expect, struct store_list *out,
                     struct err *e)
{
    size_t cap = expect + 1;
    out->items = xcalloc(cap, sizeof *out->items);
    struct buf pool = {0};
    buf_addc(&pool, '\0');
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        out->items = xgrow(out->items, &cap, out->count + 1, sizeof *out->items);
        struct store_summary *it = &out->items[out->count++];
        memset(it, 0, sizeof *it);
        it->id = sqlite3_column_int64(st, 0);
        snprintf(it->uuid, sizeof it->uuid, "%s", (const char *)sqlite3_column_text(st, 1));
        it->title = (char *)pool_add(&pool, st, 2);
        int status = assess_status_parse((const char *)sqlite3_column_text(st, 3));
        it->status = status < 0 ? ST_DRAFT : (enum assess_status)status;
        it->template_id = (char *)pool_add(&pool, st, 4);
        it->percent = sqlite3_column_int(st, 5);
        it->highest_level = sqlite3_column_int(st, 6);
        it->highest_name = (char *)pool_add(&pool, st, 7);
        it->highest_is_high = sqlite3_column_int(st, 8) != 0;
        it->review_date = (char *)pool_add(&pool, st, 9);
        it->updated = sqlite3_column_int64(st, 10);
    }
    sqlite3_reset(st);
    out->strings = buf_take(&pool);
    for (size_t i = 0; i < out->count; i++) {
        struct store_summary *it = &out->items[i];
        it->title = out->strings + (uintptr_t)it->title;
        it->template_id = out->strings + (uintptr_t)it->template_id;
        it->highest_name = out->strings + (uintptr_t)it->highest_name;
        it->review_date = out->strings + (uintptr_t)it->review_date;
    }
    if (rc != SQLITE_DONE) {
        store_list_free(out);
        return store_db_error(s, "listing the assessments", e);
    }
    return 0;
}

/* The strings of all rows live in one block (ten thousand rows would
 * otherwise cost forty thousand small allocations): offsets are kept
 * while the block grows and turned into pointers at the end. The rows
 * are counted first, so that the array is allocated once. */
int store_list(struct store *s, bool include_archived, struct store_list *out, struct err *e)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st = store_stmt(s, SQ_LIST_COUNT, e);
    if (!st)
        return -1;
    sqlite3_bind_int(st, 1, include_archived);
    size_t n = sqlite3_step(st) == SQLITE_ROW ? (size_t)sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    st = store_stmt(s, SQ_LIST, e);
    if (!st)
        return -1;
    sqlite3_bind_int(st, 1, include_archived);
    return read_rows(s, st, n, out, e);
}

int store_list_page(struct store *s, const struct store_query *q, struct store_list *out,
                    size_t *total, struct err *e)
{
    memset(out, 0, sizeof *out);
    const char *filter = q->filter ? q->filter : "";
    sqlite3_stmt *st = store_stmt(s, SQ_PAGE_COUNT, e);
    if (!st)
        return -1;
    sqlite3_bind_int(st, 1, q->include_archived);
    store_bind_text(st, 2, filter);
    *total = sqlite3_step(st) == SQLITE_ROW ? (size_t)sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    st = store_stmt(s, q->sort == STORE_SORT_CHANGED ? SQ_PAGE_CHANGED : SQ_PAGE, e);
    if (!st)
        return -1;
    sqlite3_bind_int(st, 1, q->include_archived);
    store_bind_text(st, 2, filter);
    if (q->sort != STORE_SORT_CHANGED)
        sqlite3_bind_int(st, 3, (int)q->sort);
    sqlite3_bind_int64(st, 4, (sqlite3_int64)q->limit);
    sqlite3_bind_int64(st, 5, (sqlite3_int64)q->offset);
    return read_rows(s, st, q->limit < *total ? q->limit : *total, out, e);
}

void store_list_free(struct store_list *l)
{
    XFREE(l->items);
    XFREE(l->strings);
    l->count = 0;
}

int64_t store_resolve(struct store *s, const char *ref, struct err *e)
{
    size_t n = strlen(ref), digits = strspn(ref, "0123456789");
    bool uuidish = n >= 4 && n <= 36 && strspn(ref, "0123456789abcdefABCDEF-") == n;
    sqlite3_stmt *st;
    if (n > 0 && digits == n && n < 12) {
        st = store_stmt(s, SQ_A_BY_ID, e);
        if (!st)
            return -1;
        sqlite3_bind_int64(st, 1, strtoll(ref, NULL, 10));
        int rc = sqlite3_step(st);
        int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
        sqlite3_reset(st);
        if (id >= 0)
            return id;
        if (rc != SQLITE_DONE)
            return store_db_error(s, "finding an assessment", e);
        /* All digits can still begin a uuid: fall through. */
    }
    if (!uuidish && n > 0 && digits == n)
        return err_set(e, "there is no assessment %s", ref);
    if (!uuidish)
        return err_set(e, "there is no assessment '%s' (give its number or uuid)", ref);
    st = store_stmt(s, SQ_A_BY_UUID, e);
    if (!st)
        return -1;
    store_bind_text(st, 1, ref);
    int64_t id = -1;
    int found = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        id = sqlite3_column_int64(st, 0);
        found++;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return store_db_error(s, "finding an assessment", e);
    if (found == 0)
        return err_set(e, digits == n ? "there is no assessment %s" : "there is no assessment '%s'",
                       ref);
    if (found > 1)
        return err_set(e, "'%s' names more than one assessment: give more of the uuid", ref);
    return id;
}

/* --- creating ------------------------------------------------------------ */

/* The snapshot row for this XML: shared by every assessment started
 * from the same bytes. */
static int64_t snapshot_row(struct store *s, const char *digest, const struct tmpl *t,
                            const char *xml, size_t len, struct err *e)
{
    sqlite3_stmt *st = store_stmt(s, SQ_TMPL_FIND, e);
    if (!st)
        return -1;
    store_bind_text(st, 1, digest);
    int rc = sqlite3_step(st);
    int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_reset(st);
    if (id >= 0)
        return id;
    st = store_stmt(s, SQ_TMPL_ADD, e);
    if (!st)
        return -1;
    store_bind_text(st, 1, digest);
    store_bind_text(st, 2, t->id);
    store_bind_text(st, 3, t->version);
    sqlite3_bind_blob(st, 4, xml, (int)len, SQLITE_TRANSIENT);
    if (store_exec(s, st, "saving the template snapshot", e) < 0)
        return -1;
    return sqlite3_last_insert_rowid(s->db);
}

static bool uuid_taken(struct store *s, const char *uuid)
{
    sqlite3_stmt *st = store_stmt(s, SQ_A_UUID_TAKEN, NULL);
    if (!st)
        return true;
    store_bind_text(st, 1, uuid);
    bool taken = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_reset(st);
    return taken;
}

static bool uuid_well_formed(const char *u)
{
    if (strlen(u) != 36)
        return false;
    for (int i = 0; i < 36; i++) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? u[i] != '-' : !isxdigit((unsigned char)u[i]))
            return false;
    }
    return true;
}

/* Inserts the assessment row of a (uuid kept when free, else a new
 * one); fills a->id and a->uuid. Inside a write transaction. */
static int insert_row(struct store *s, struct assessment *a, const char *xml, size_t len,
                      const char *digest, const struct tmpl *t, struct err *e)
{
    int64_t tid = snapshot_row(s, digest, t, xml, len, e);
    if (tid < 0)
        return -1;
    if (!uuid_well_formed(a->uuid) || uuid_taken(s, a->uuid))
        store_new_uuid(a->uuid);
    int64_t now = store_now();
    if (a->created <= 0)
        a->created = now;
    a->updated = now;
    sqlite3_stmt *st = store_stmt(s, SQ_A_ADD, e);
    if (!st)
        return -1;
    store_bind_text(st, 1, a->uuid);
    store_bind_text(st, 2, a->title);
    sqlite3_bind_int64(st, 3, tid);
    store_bind_text(st, 4, a->method);
    store_bind_text(st, 5, assess_status_key(a->status));
    sqlite3_bind_int64(st, 6, a->created);
    sqlite3_bind_int64(st, 7, a->updated);
    store_bind_text(st, 8, a->review_date);
    if (store_exec(s, st, "saving the assessment", e) < 0)
        return -1;
    a->id = sqlite3_last_insert_rowid(s->db);
    return 0;
}

static const struct tmpl *check_template(struct store *s, const char *xml, size_t len,
                                         const char *method, const struct tmpl *hint,
                                         char digest[65], struct err *e)
{
    if (!xml || len == 0) {
        err_set(e, "no template given");
        return NULL;
    }
    if (s->last_xml && s->last_len == len && memcmp(s->last_xml, xml, len) == 0) {
        memcpy(digest, s->last_digest, 65);
    } else {
        sha256_of(xml, len, digest);
        free(s->last_xml);
        s->last_xml = xstrndup(xml, len);
        s->last_len = len;
        memcpy(s->last_digest, digest, 65);
    }
    const struct tmpl *t = store_tmpl_for(s, digest, xml, len, hint, e);
    if (t && method && *method && !tmpl_find_method(t, method)) {
        err_set(e, "template '%s' has no risk method '%s'", t->id, method);
        return NULL;
    }
    return t;
}

int64_t store_create(struct store *s, const char *title, const char *template_xml,
                     size_t xml_len, const char *method_id, struct err *e)
{
    if (store_check_writable(s, e) < 0)
        return -1;
    if (!title || !*title)
        return err_set(e, "an assessment needs a title");
    char digest[65];
    const struct tmpl *t = check_template(s, template_xml, xml_len, method_id, NULL, digest, e);
    if (!t)
        return -1;
    struct assessment a = { 0 };
    a.title = (char *)(uintptr_t)title;
    a.method = (char *)(uintptr_t)(method_id ? method_id : "");
    a.review_date = (char *)(uintptr_t)"";
    a.status = ST_DRAFT;
    if (store_txn_begin(s, e) < 0)
        return -1;
    if (insert_row(s, &a, template_xml, xml_len, digest, t, e) < 0 ||
        store_hist_add(s, a.id, "created", "", title, false, e) < 0 ||
        store_touch(s, a.id, t, e) < 0 || store_txn_commit(s, e) < 0) {
        store_txn_rollback(s);
        return -1;
    }
    return a.id;
}

static bool signoff_given(const struct signoff *so)
{
    return (so->name && *so->name) || (so->advice && *so->advice) ||
           (so->date && *so->date) || so->decision != DEC_NONE;
}

/* Writes the assessment's recorded history back, then `what`. */
static int put_history(struct store *s, struct assessment *a, const char *what,
                       const char *new_value, struct err *e)
{
    for (size_t i = 0; i < a->nhistory; i++) {
        const struct change *c = &a->history[i];
        sqlite3_stmt *st = store_stmt(s, SQ_HIST_ADD, e);
        if (!st)
            return -1;
        sqlite3_bind_int64(st, 1, a->id);
        sqlite3_bind_int64(st, 2, c->when);
        store_bind_text(st, 3, c->who);
        store_bind_text(st, 4, c->what);
        store_bind_text(st, 5, c->old_value);
        store_bind_text(st, 6, c->new_value);
        if (store_exec(s, st, "saving the history", e) < 0)
            return -1;
    }
    return store_hist_add(s, a->id, what, "", new_value, false, e);
}

static int64_t insert_all(struct store *s, struct assessment *a, const char *template_xml,
                          size_t xml_len, const char *what, const char *new_value,
                          struct err *e)
{
    if (store_check_writable(s, e) < 0)
        return -1;
    char digest[65];
    const struct tmpl *t = check_template(s, template_xml, xml_len, a->method, a->tmpl, digest,
                                          e);
    if (!t)
        return -1;
    if (store_txn_begin(s, e) < 0)
        return -1;
    if (insert_row(s, a, template_xml, xml_len, digest, t, e) < 0)
        goto fail;
    for (size_t i = 0; i < a->nanswers; i++) {
        struct answer *an = &a->answers[i];
        sqlite3_stmt *st = store_stmt(s, SQ_ANS_PUT, e);
        if (!st)
            goto fail;
        if (an->revision < 1)
            an->revision = 1;
        sqlite3_bind_int64(st, 1, a->id);
        store_bind_text(st, 2, an->question);
        store_bind_text(st, 3, an->value);
        store_bind_text(st, 4, an->note);
        sqlite3_bind_int(st, 5, an->flagged);
        store_bind_text(st, 6, an->who && *an->who ? an->who : s->who);
        sqlite3_bind_int64(st, 7, an->when > 0 ? an->when : a->created);
        sqlite3_bind_int64(st, 8, an->revision);
        if (store_exec(s, st, "saving an answer", e) < 0)
            goto fail;
    }
    /* Risks before measures: the links name risks by number. */
    for (size_t i = 0; i < a->nrisks; i++)
        if (store_put_risk(s, a->id, &a->risks[i], e) < 0)
            goto fail;
    for (size_t i = 0; i < a->nmeasures; i++)
        if (store_put_measure(s, a->id, &a->measures[i], e) < 0)
            goto fail;
    for (int r = 0; r < SR_COUNT; r++) {
        a->signoffs[r].role = (enum signoff_role)r;
        if (signoff_given(&a->signoffs[r]) && store_put_signoff(s, a->id, &a->signoffs[r], e) < 0)
            goto fail;
    }
    if (put_history(s, a, what, new_value ? new_value : a->title, e) < 0 ||
        store_touch(s, a->id, t, e) < 0 || store_txn_commit(s, e) < 0)
        goto fail;
    /* The copy in memory now matches the file, history included. */
    store_sync_history(s, a, NULL);
    return a->id;
fail:
    store_txn_rollback(s);
    return -1;
}

int64_t store_insert(struct store *s, struct assessment *a, const char *template_xml,
                     size_t xml_len, struct err *e)
{
    return insert_all(s, a, template_xml, xml_len, "imported", NULL, e);
}

/* The copy is a new piece of work: a draft, without the sign-offs given
 * to the original (a signature is never carried over to a text its
 * signer has not seen). Answers, risks, measures and the history that
 * led to them are kept, followed by "copied from <uuid>". */
int64_t store_duplicate(struct store *s, int64_t id, struct err *e)
{
    if (store_check_writable(s, e) < 0)
        return -1;
    char *xml = NULL;
    size_t len = 0;
    struct assessment *a = load(s, id, &xml, &len, e);
    if (!a)
        return -1;
    char *title = xasprintf("Copy of %s", a->title);
    char from[37];
    snprintf(from, sizeof from, "%s", a->uuid);
    free(a->title);
    a->title = title;
    a->uuid[0] = '\0';
    a->created = 0;
    a->status = ST_DRAFT;
    for (int r = 0; r < SR_COUNT; r++) {
        assess_signoff_clear(&a->signoffs[r]);
        memset(&a->signoffs[r], 0, sizeof a->signoffs[r]);
        a->signoffs[r].advice_followed = -1;
    }
    empty_signoffs(a);
    int64_t nid = insert_all(s, a, xml, len, "copied from", from, e);
    free(xml);
    assess_free(a);
    return nid;
}

int store_delete(struct store *s, int64_t id, struct err *e)
{
    if (store_txn_begin(s, e) < 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, SQ_A_DELETE, e);
    if (!st)
        goto fail;
    sqlite3_bind_int64(st, 1, id);
    if (store_exec(s, st, "deleting", e) < 0)
        goto fail;
    if (sqlite3_changes(s->db) == 0) {
        err_set(e, "there is no assessment %lld", (long long)id);
        goto fail;
    }
    return store_txn_commit(s, e);
fail:
    store_txn_rollback(s);
    return -1;
}
