/*
 * The listing of assessments and finding one by number or uuid.
 *
 * The listing reads one table: each write refreshes the assessment's
 * progress and highest residual risk inside its own transaction, so
 * `dpia list` parses no template and stays fast however many
 * assessments there are. Worked out from the copy in memory the change
 * was made through when that copy is what the database holds
 * (store_touch_from: what changed is all it costs), else from the
 * committed state read back (store_touch).
 */
#include "config.h"
#include "store/store.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/logic.h"
#include "store/store_int.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* --- the listing's summary --------------------------------------------- */

/* The parsed snapshot of assessment aid; its XML is read only when
 * neither the caller's template nor the cache has it. */
static const struct tmpl *snapshot_of(struct store *s, int64_t aid, const struct tmpl *hint,
                                      char **method, struct err *e)
{
    struct db_stmt *st = store_stmt(s, SQ_TMPL_DIGEST_OF, e);
    if (!st)
        return NULL;
    db_bind_int64(st, 1, aid);
    if (db_step(st) != DB_ROW) {
        db_reset(st);
        err_set(e, _("there is no assessment %lld"), (long long)aid);
        return NULL;
    }
    char digest[65];
    struct store_row r;
    store_row_start(&r, s, st, "templates", "id", db_column_int64(st, 2), e);
    store_row_digest(&r, 0, digest);
    r.table = "assessments";
    r.id = aid;
    *method = store_row_text(&r, 1);
    db_reset(st);
    if (store_row_end(&r) < 0) {
        XFREE(*method);
        return NULL;
    }
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

/* Writes the listing's columns of assessment aid, worked out from a. */
static int write_summary(struct store *s, int64_t aid, const struct assessment *a,
                         struct err *e)
{
    struct progress p;
    logic_progress(a, &p);
    int percent = logic_percent(&p), level = logic_highest_residual(a);
    const char *name = "";
    bool high = false;
    const struct tmpl_method *m = assess_method(a);
    if (level >= 0 && m && level < m->nlevels) {
        name = m->levels[level].name;
        high = m->levels[level].high;
    } else {
        level = -1;
    }
    struct db_stmt *st = store_stmt(s, SQ_A_SUMMARY, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, aid);
    db_bind_int64(st, 2, store_now());
    db_bind_int(st, 3, percent);
    db_bind_int(st, 4, level);
    store_bind_text(st, 5, name);
    db_bind_int(st, 6, high);
    return store_exec(s, st, _("saving the summary"), e);
}

int store_touch_from(struct store *s, const struct assessment *a, struct err *e)
{
    return write_summary(s, a->id, a, e);
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
    if (rc == 0)
        rc = write_summary(s, aid, tmp, e);
    tmp->tmpl = NULL;
    assess_free(tmp);
    return rc;
}

/* Appends a column's text to the pool; returns its offset (0 is ""). */
static uintptr_t pool_add(struct buf *pool, struct store_row *r, int col)
{
    size_t n;
    const char *t = store_row_view(r, col, &n);
    if (n == 0)
        return 0;
    uintptr_t off = pool->len;
    buf_add(pool, t, n);
    buf_addc(pool, '\0');
    return off;
}

/* Reads the rows of a prepared listing statement into out. The strings
 * of all rows live in one block (ten thousand rows would otherwise cost
 * forty thousand small allocations): offsets are kept while the block
 * grows and turned into pointers at the end. The progress and the
 * highest level are a cache of what the assessment holds (store_touch):
 * brought into their ranges rather than refused. */
static int read_rows(struct store *s, struct db_stmt *st, size_t expect, struct store_list *out,
                     struct err *e)
{
    size_t cap = expect + 1;
    out->items = xcalloc(cap, sizeof *out->items);
    struct buf pool = {0};
    buf_addc(&pool, '\0');
    int rc;
    bool damaged = false;
    while ((rc = db_step(st)) == DB_ROW) {
        out->items = xgrow(out->items, &cap, out->count + 1, sizeof *out->items);
        struct store_summary *it = &out->items[out->count++];
        memset(it, 0, sizeof *it);
        struct store_row r;
        store_row_start(&r, s, st, "assessments", "id", 0, e);
        it->id = store_row_int(&r, 0, INT64_MIN, INT64_MAX);
        r.id = it->id;
        store_row_uuid(&r, 1, it->uuid);
        it->title = (char *)pool_add(&pool, &r, 2);
        it->status = (enum assess_status)store_row_key(&r, 3, assess_status_parse, ST_DRAFT);
        it->template_id = (char *)pool_add(&pool, &r, 4);
        int64_t pct = store_row_int(&r, 5, INT64_MIN, INT64_MAX);
        it->percent = pct < 0 ? 0 : pct > 100 ? 100 : (int)pct;
        int64_t level = store_row_int(&r, 6, INT64_MIN, INT64_MAX);
        it->highest_level = level < 0 || level >= TMPL_MAX_LEVELS ? -1 : (int)level;
        it->highest_name = (char *)pool_add(&pool, &r, 7);
        it->highest_is_high = store_row_flag(&r, 8);
        it->review_date = (char *)pool_add(&pool, &r, 9);
        it->updated = store_row_time(&r, 10);
        if (store_row_end(&r) < 0) {
            damaged = true;
            break;
        }
    }
    db_reset(st);
    out->strings = buf_take(&pool);
    for (size_t i = 0; i < out->count; i++) {
        struct store_summary *it = &out->items[i];
        it->title = out->strings + (uintptr_t)it->title;
        it->template_id = out->strings + (uintptr_t)it->template_id;
        it->highest_name = out->strings + (uintptr_t)it->highest_name;
        it->review_date = out->strings + (uintptr_t)it->review_date;
    }
    if (damaged || rc != DB_DONE) {
        store_list_free(out);
        return damaged ? -1 : store_db_error(s, _("listing the assessments"), e);
    }
    return 0;
}

/* The rows are counted first, so that the array is allocated once. */
int store_list(struct store *s, bool include_archived, struct store_list *out, struct err *e)
{
    memset(out, 0, sizeof *out);
    struct db_stmt *st = store_stmt(s, SQ_LIST_COUNT, e);
    if (!st)
        return -1;
    db_bind_int(st, 1, include_archived);
    size_t n = db_step(st) == DB_ROW ? (size_t)db_column_int64(st, 0) : 0;
    db_reset(st);
    st = store_stmt(s, SQ_LIST, e);
    if (!st)
        return -1;
    db_bind_int(st, 1, include_archived);
    return read_rows(s, st, n, out, e);
}

int store_list_page(struct store *s, const struct store_query *q, struct store_list *out,
                    size_t *total, struct err *e)
{
    memset(out, 0, sizeof *out);
    const char *filter = q->filter ? q->filter : "";
    /* Without a filter, counted from the indexes; a filter reads the
     * titles. */
    struct db_stmt *st = store_stmt(s, *filter ? SQ_PAGE_COUNT : SQ_LIST_COUNT, e);
    if (!st)
        return -1;
    db_bind_int(st, 1, q->include_archived);
    if (*filter)
        store_bind_text(st, 2, filter);
    *total = db_step(st) == DB_ROW ? (size_t)db_column_int64(st, 0) : 0;
    db_reset(st);
    st = store_stmt(s, q->sort == STORE_SORT_CHANGED ? SQ_PAGE_CHANGED : SQ_PAGE, e);
    if (!st)
        return -1;
    db_bind_int(st, 1, q->include_archived);
    store_bind_text(st, 2, filter);
    if (q->sort != STORE_SORT_CHANGED)
        db_bind_int(st, 3, (int)q->sort);
    db_bind_int64(st, 4, (int64_t)q->limit);
    db_bind_int64(st, 5, (int64_t)q->offset);
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
    struct db_stmt *st;
    if (n > 0 && digits == n && n < 12) {
        st = store_stmt(s, SQ_A_BY_ID, e);
        if (!st)
            return -1;
        db_bind_int64(st, 1, strtoll(ref, NULL, 10));
        int rc = db_step(st);
        int64_t id = rc == DB_ROW ? db_column_int64(st, 0) : -1;
        db_reset(st);
        if (id >= 0)
            return id;
        if (rc != DB_DONE)
            return store_db_error(s, _("finding an assessment"), e);
        /* All digits can still begin a uuid: fall through. */
    }
    if (!uuidish && n > 0 && digits == n)
        return err_set(e, _("there is no assessment %s"), ref);
    if (!uuidish)
        return err_set(e, _("there is no assessment '%s' (give its number or uuid)"), ref);
    st = store_stmt(s, SQ_A_BY_UUID, e);
    if (!st)
        return -1;
    store_bind_text(st, 1, ref);
    int64_t id = -1;
    int found = 0, rc;
    while ((rc = db_step(st)) == DB_ROW) {
        id = db_column_int64(st, 0);
        found++;
    }
    db_reset(st);
    if (rc != DB_DONE)
        return store_db_error(s, _("finding an assessment"), e);
    if (found == 0)
        return err_set(e, digits == n ? _("there is no assessment %s")
                                      : _("there is no assessment '%s'"), ref);
    if (found > 1)
        return err_set(e, _("'%s' names more than one assessment: give more of the uuid"), ref);
    return id;
}

/* --- the register ---------------------------------------------------------- */

static int register_rows(struct store *s, bool all, struct reg *out, struct err *e)
{
    struct db_stmt *st = store_stmt(s, SQ_REG_ROWS, e);
    if (!st)
        return -1;
    db_bind_int(st, 1, all);
    size_t cap = 0;
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        out->rows = xgrow(out->rows, &cap, out->nrows + 1, sizeof *out->rows);
        struct reg_row *w = &out->rows[out->nrows++];
        memset(w, 0, sizeof *w);
        struct store_row r;
        store_row_start(&r, s, st, "assessments", "id", 0, e);
        w->id = store_row_int(&r, 0, INT64_MIN, INT64_MAX);
        r.id = w->id;
        store_row_uuid(&r, 1, w->uuid);
        w->title = store_row_text(&r, 2);
        w->status = (enum assess_status)store_row_key(&r, 3, assess_status_parse, ST_DRAFT);
        int64_t level = store_row_int(&r, 4, INT64_MIN, INT64_MAX);
        w->highest_level = level < 0 || level >= TMPL_MAX_LEVELS ? -1 : (int)level;
        w->highest_name = store_row_text(&r, 5);
        w->highest_is_high = store_row_flag(&r, 6);
        w->review_date = store_row_text(&r, 7);
        w->controller = store_row_text(&r, 8);
        w->dpo = store_row_text(&r, 9);
        w->decision = (enum decision)store_row_key(&r, 10, decision_parse, DEC_NONE);
        w->assessor = store_row_text(&r, 11);
        w->owners = xstrdup("");
        w->responsible = "";
        w->next_date = "";
        if (store_row_end(&r) < 0) {
            db_reset(st);
            return -1;
        }
    }
    db_reset(st);
    return rc == DB_DONE ? 0 : store_db_error(s, _("listing the assessments"), e);
}

static int register_measures(struct store *s, bool all, struct reg *out, struct err *e)
{
    struct db_stmt *st = store_stmt(s, SQ_REG_MEASURES, e);
    if (!st)
        return -1;
    db_bind_int(st, 1, all);
    size_t cap = 0;
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        out->measures = xgrow(out->measures, &cap, out->nmeasures + 1, sizeof *out->measures);
        struct reg_measure *m = &out->measures[out->nmeasures++];
        memset(m, 0, sizeof *m);
        struct store_row r;
        store_row_start(&r, s, st, "measures", "assessment", 0, e);
        m->assessment = store_row_int(&r, 0, INT64_MIN, INT64_MAX);
        r.id = m->assessment;
        m->number = (int)store_row_int(&r, 1, 1, STORE_NUMBER_MAX);
        m->title = store_row_text(&r, 2);
        m->owner = store_row_text(&r, 3);
        m->due = store_row_text(&r, 4);
        m->status = (enum measure_status)store_row_key(&r, 5, measure_status_parse, MS_PLANNED);
        if (store_row_end(&r) < 0) {
            db_reset(st);
            return -1;
        }
    }
    db_reset(st);
    return rc == DB_DONE ? 0 : store_db_error(s, _("listing the measures"), e);
}

int store_register(struct store *s, bool include_archived, struct reg *out, struct err *e)
{
    memset(out, 0, sizeof *out);
    store_read_begin(s);
    int rc = register_rows(s, include_archived, out, e);
    if (rc == 0)
        rc = register_measures(s, include_archived, out, e);
    store_read_end(s);
    if (rc < 0)
        reg_free(out);
    return rc;
}
