/*
 * The risk register and the action plan: adding, changing and deleting
 * risks and measures, each change with its history rows (one per field
 * that changed; a deletion also records every field that held something
 * and the links, so that it can be undone) and the listing's summary in
 * one transaction.
 */
#include "config.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/answer.h"
#include "core/logic.h"
#include "store/store_int.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* History rows for each field that differs between old and new. */
static int record_fields(struct store *s, int64_t aid, const char *prefix,
                         const struct field *fields, size_t n, const void *old,
                         const void *new, struct err *e)
{
    for (size_t i = 0; i < n; i++) {
        if (field_same(&fields[i], old, new))
            continue;
        char what[96];
        snprintf(what, sizeof what, "%s %s", prefix, fields[i].name);
        char *ov = field_text(&fields[i], old), *nv = field_text(&fields[i], new);
        int rc = store_hist_add(s, aid, what, ov, nv, 0, e);
        free(ov);
        free(nv);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* The measures that address risk number, as "M1, M3" ("" when none);
 * the caller frees. */
static char *measures_of(const struct assessment *a, int number)
{
    struct buf b = { 0 };
    for (size_t i = 0; i < a->nmeasures; i++)
        for (size_t j = 0; j < a->measures[i].nrisks; j++)
            if (a->measures[i].risks[j] == number) {
                buf_printf(&b, "%sM%d", b.len ? ", " : "", a->measures[i].number);
                break;
            }
    return buf_take(&b);
}

/* A record changed elsewhere since the caller read it (seen: the copy in
 * memory, stored: the row now): STORE_CONFLICT, naming what changed, so
 * that nothing is overwritten without asking. 0 when they agree or the
 * caller holds no copy. */
int store_conflict(const char *label, const struct field *fields, size_t n, const void *seen,
                   const void *stored, const char *links_seen, const char *links_stored,
                   struct err *e)
{
    if (!seen)
        return 0;
    struct buf b = { 0 };
    for (size_t i = 0; i < n; i++) {
        if (field_same(&fields[i], seen, stored))
            continue;
        char *ov = field_text(&fields[i], seen), *nv = field_text(&fields[i], stored);
        buf_printf(&b, "%s%s: %s \xe2\x86\x92 %s", b.len ? "; " : "", fields[i].name,
                   *ov ? ov : _("(empty)"), *nv ? nv : _("(empty)"));
        free(ov);
        free(nv);
    }
    if (links_seen && links_stored && strcmp(links_seen, links_stored) != 0)
        buf_printf(&b, "%srisks: %s \xe2\x86\x92 %s", b.len ? "; " : "",
                   *links_seen ? links_seen : _("(none)"),
                   *links_stored ? links_stored : _("(none)"));
    if (!b.len)
        return 0;
    err_set(e, _("%s was changed in another session meanwhile (%s)"), label, buf_str(&b));
    buf_free(&b);
    return STORE_CONFLICT;
}

static int check_risk(const struct assessment *a, const struct risk *r, struct err *e)
{
    if (!r->title || !*r->title)
        return err_set(e, _("a risk needs a title"));
    return logic_check_scores(a->tmpl ? assess_method(a) : NULL, r, e);
}

static struct risk *find_risk(struct assessment *a, int64_t id)
{
    for (size_t i = 0; i < a->nrisks; i++)
        if (a->risks[i].id == id)
            return &a->risks[i];
    return NULL;
}

static struct measure *find_measure(struct assessment *a, int64_t id)
{
    for (size_t i = 0; i < a->nmeasures; i++)
        if (a->measures[i].id == id)
            return &a->measures[i];
    return NULL;
}

/* --- risks ------------------------------------------------------------ */

int store_add_risk(struct store *s, struct assessment *a, struct risk *r, struct err *e)
{
    if (check_risk(a, r, e) < 0 || store_txn_begin(s, e) < 0)
        return -1;
    r->number = 0; /* the next free one */
    char what[32];
    if (store_put_risk(s, a->id, r, e) < 0)
        goto fail;
    snprintf(what, sizeof what, "risk R%d added", r->number);
    if (store_hist_add(s, a->id, what, "", r->title, 0, e) < 0)
        goto fail;
    /* The copy in memory first: the summary is worked out from it. */
    a->risks = xrealloc(a->risks, (a->nrisks + 1) * sizeof *a->risks);
    assess_risk_copy(&a->risks[a->nrisks++], r);
    return store_finish_copy(s, a, e);
fail:
    store_txn_rollback(s);
    return -1;
}

/* Reads the stored risk id of assessment aid into old (zeroed first). */
static int get_risk(struct store *s, int64_t aid, int64_t id, struct risk *old, struct err *e)
{
    memset(old, 0, sizeof *old);
    struct db_stmt *st = store_stmt(s, SQ_RISK_GET, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, aid);
    db_bind_int64(st, 2, id);
    int rc = db_step(st);
    struct store_row r;
    store_row_start(&r, s, st, "risks", "id", id, e);
    if (rc == DB_ROW)
        store_read_risk(&r, 0, old);
    db_reset(st);
    if (rc == DB_ROW)
        return store_row_end(&r);
    if (rc == DB_DONE && store_gone(s, aid, e) == 0)
        return err_set(e, _("that risk no longer exists (deleted meanwhile?)"));
    if (rc == DB_DONE)
        return -1;
    return store_db_error(s, _("reading a risk"), e);
}

int store_update_risk(struct store *s, struct assessment *a, const struct risk *r, struct err *e)
{
    if (check_risk(a, r, e) < 0 || store_txn_begin(s, e) < 0)
        return -1;
    struct risk old;
    if (get_risk(s, a->id, r->id, &old, e) < 0)
        goto fail;
    char prefix[32];
    snprintf(prefix, sizeof prefix, "risk R%d", old.number);
    int conflict = store_conflict(prefix, risk_fields, nrisk_fields, find_risk(a, r->id), &old,
                                  NULL, NULL, e);
    if (conflict) {
        assess_risk_clear(&old);
        store_txn_rollback(s);
        return conflict;
    }
    if (record_fields(s, a->id, prefix, risk_fields, nrisk_fields, &old, r, e) < 0)
        goto fail;
    struct db_stmt *st = store_stmt(s, SQ_RISK_SET, e);
    if (!st)
        goto fail;
    db_bind_int64(st, 1, a->id);
    db_bind_int64(st, 2, r->id);
    for (size_t i = 0; i < nrisk_fields; i++)
        store_field_bind(st, 3 + (int)i, &risk_fields[i], r);
    if (store_exec(s, st, _("saving a risk"), e) < 0)
        goto fail;
    struct risk *mem = find_risk(a, r->id);
    if (mem) {
        /* Copy before clearing: r may be mem, or share its strings. */
        struct risk copy;
        assess_risk_copy(&copy, r);
        copy.number = old.number;
        assess_risk_clear(mem);
        *mem = copy;
    }
    assess_risk_clear(&old);
    return store_finish_copy(s, a, e);
fail:
    assess_risk_clear(&old);
    store_txn_rollback(s);
    return -1;
}

int store_delete_risk(struct store *s, struct assessment *a, int64_t risk_id, struct err *e)
{
    if (store_txn_begin(s, e) < 0)
        return -1;
    struct risk old;
    if (get_risk(s, a->id, risk_id, &old, e) < 0)
        goto fail;
    char what[32];
    snprintf(what, sizeof what, "risk R%d", old.number);
    int conflict = store_conflict(what, risk_fields, nrisk_fields, find_risk(a, risk_id), &old,
                                  NULL, NULL, e);
    if (conflict) {
        assess_risk_clear(&old);
        store_txn_rollback(s);
        return conflict;
    }
    /* Before the deletion, a row for each field that holds something
     * (the title is in the deletion's own row) and for the measures that
     * addressed it: the change log keeps what is lost, and the deletion
     * can be undone (core/undo.h). */
    struct risk empty;
    memset(&empty, 0, sizeof empty);
    empty.title = old.title;
    if (record_fields(s, a->id, what, risk_fields, nrisk_fields, &old, &empty, e) < 0)
        goto fail;
    char *links = measures_of(a, old.number);
    char lwhat[48];
    snprintf(lwhat, sizeof lwhat, "%s measures", what);
    int lrc = *links ? store_hist_add(s, a->id, lwhat, links, "", 0, e) : 0;
    free(links);
    if (lrc < 0)
        goto fail;
    snprintf(what, sizeof what, "risk R%d deleted", old.number);
    struct db_stmt *st = store_stmt(s, SQ_RISK_DEL, e);
    if (!st)
        goto fail;
    db_bind_int64(st, 1, a->id);
    db_bind_int64(st, 2, risk_id);
    /* measure_risks rows go with it (ON DELETE CASCADE). */
    if (store_exec(s, st, _("deleting a risk"), e) < 0 ||
        store_hist_add(s, a->id, what, old.title, "", 0, e) < 0)
        goto fail;
    struct risk *mem = find_risk(a, risk_id);
    if (mem) {
        size_t i = (size_t)(mem - a->risks);
        assess_risk_clear(mem);
        memmove(mem, mem + 1, (a->nrisks - i - 1) * sizeof *mem);
        a->nrisks--;
    }
    for (size_t i = 0; i < a->nmeasures; i++) {
        struct measure *m = &a->measures[i];
        size_t k = 0;
        for (size_t j = 0; j < m->nrisks; j++)
            if (m->risks[j] != old.number)
                m->risks[k++] = m->risks[j];
        m->nrisks = k;
    }
    assess_risk_clear(&old);
    return store_finish_copy(s, a, e);
fail:
    assess_risk_clear(&old);
    store_txn_rollback(s);
    return -1;
}

/* --- measures -------------------------------------------------------- */

static int check_measure(const struct measure *m, struct err *e)
{
    if (!m->title || !*m->title)
        return err_set(e, _("a measure needs a title"));
    if ((int)m->type < 0 || m->type >= MT_COUNT)
        return err_set(e, _("unknown measure type"));
    if ((int)m->status < 0 || m->status >= MS_COUNT)
        return err_set(e, _("unknown measure status"));
    if (m->due && *m->due && !answer_valid_date(m->due))
        return err_set(e, _("'%s' is not a date (YYYY-MM-DD)"), m->due);
    return 0;
}

static char *links_text(const int *risks, size_t n)
{
    struct buf b = { 0 };
    for (size_t i = 0; i < n; i++)
        buf_printf(&b, "%sR%d", i ? ", " : "", risks[i]);
    return buf_take(&b);
}

int store_add_measure(struct store *s, struct assessment *a, struct measure *m, struct err *e)
{
    if (check_measure(m, e) < 0 || store_txn_begin(s, e) < 0)
        return -1;
    m->number = 0;
    char what[32];
    if (store_put_measure(s, a->id, m, e) < 0)
        goto fail;
    snprintf(what, sizeof what, "measure M%d added", m->number);
    if (store_hist_add(s, a->id, what, "", m->title, 0, e) < 0)
        goto fail;
    if (m->nrisks) {
        char *links = links_text(m->risks, m->nrisks);
        snprintf(what, sizeof what, "measure M%d risks", m->number);
        int rc = store_hist_add(s, a->id, what, "", links, 0, e);
        free(links);
        if (rc < 0)
            goto fail;
    }
    a->measures = xrealloc(a->measures, (a->nmeasures + 1) * sizeof *a->measures);
    assess_measure_copy(&a->measures[a->nmeasures++], m);
    return store_finish_copy(s, a, e);
fail:
    store_txn_rollback(s);
    return -1;
}

static int get_measure(struct store *s, int64_t aid, int64_t id, struct measure *old,
                       struct err *e)
{
    memset(old, 0, sizeof *old);
    struct db_stmt *st = store_stmt(s, SQ_MEAS_GET, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, aid);
    db_bind_int64(st, 2, id);
    int rc = db_step(st);
    struct store_row r;
    store_row_start(&r, s, st, "measures", "id", id, e);
    if (rc == DB_ROW)
        store_read_measure(&r, 0, old);
    db_reset(st);
    if (rc == DB_DONE && store_gone(s, aid, e) == 0)
        return err_set(e, _("that measure no longer exists (deleted meanwhile?)"));
    if (rc == DB_DONE)
        return -1;
    if (rc != DB_ROW)
        return store_db_error(s, _("reading a measure"), e);
    if (store_row_end(&r) < 0)
        return -1;
    st = store_stmt(s, SQ_LINKS_OF, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, id);
    size_t cap = 0;
    while ((rc = db_step(st)) == DB_ROW) {
        store_row_start(&r, s, st, "measure_risks", "measure", id, e);
        int number = (int)store_row_int(&r, 0, 1, STORE_NUMBER_MAX);
        if (store_row_end(&r) < 0) {
            db_reset(st);
            return -1;
        }
        old->risks = xgrow(old->risks, &cap, old->nrisks + 1, sizeof *old->risks);
        old->risks[old->nrisks++] = number;
    }
    db_reset(st);
    return rc == DB_DONE ? 0 : store_db_error(s, _("reading a measure"), e);
}

static int by_number(const void *x, const void *y)
{
    int a = *(const int *)x, b = *(const int *)y;
    return (a > b) - (a < b);
}

/* The risks a measure addresses, in ascending order (as the store reads
 * them back), as text. */
static char *links_sorted(const int *risks, size_t n)
{
    int *copy = xcalloc(n + 1, sizeof *copy);
    if (n)
        memcpy(copy, risks, n * sizeof *copy);
    qsort(copy, n, sizeof *copy, by_number);
    char *text = links_text(copy, n);
    free(copy);
    return text;
}

static int measure_conflict(const char *label, const struct measure *seen,
                            const struct measure *stored, struct err *e)
{
    if (!seen)
        return 0;
    char *ls = links_sorted(seen->risks, seen->nrisks);
    char *lo = links_sorted(stored->risks, stored->nrisks);
    int rc = store_conflict(label, measure_fields, nmeasure_fields, seen, stored, ls, lo, e);
    free(ls);
    free(lo);
    return rc;
}

int store_update_measure(struct store *s, struct assessment *a, const struct measure *m,
                         struct err *e)
{
    if (check_measure(m, e) < 0 || store_txn_begin(s, e) < 0)
        return -1;
    struct measure old;
    if (get_measure(s, a->id, m->id, &old, e) < 0)
        goto fail;
    char prefix[32];
    snprintf(prefix, sizeof prefix, "measure M%d", old.number);
    int conflict = measure_conflict(prefix, find_measure(a, m->id), &old, e);
    if (conflict) {
        assess_measure_clear(&old);
        store_txn_rollback(s);
        return conflict;
    }
    if (record_fields(s, a->id, prefix, measure_fields, nmeasure_fields, &old, m,
                      e) < 0)
        goto fail;
    char *ol = links_text(old.risks, old.nrisks), *nl = links_text(m->risks, m->nrisks);
    int rc = 0;
    if (strcmp(ol, nl) != 0) {
        char what[48];
        snprintf(what, sizeof what, "%s risks", prefix);
        rc = store_hist_add(s, a->id, what, ol, nl, 0, e);
    }
    free(ol);
    free(nl);
    if (rc < 0)
        goto fail;
    struct db_stmt *st = store_stmt(s, SQ_MEAS_SET, e);
    if (!st)
        goto fail;
    db_bind_int64(st, 1, a->id);
    db_bind_int64(st, 2, m->id);
    for (size_t i = 0; i < nmeasure_fields; i++)
        store_field_bind(st, 3 + (int)i, &measure_fields[i], m);
    struct measure linked = *m;
    linked.number = old.number;
    if (store_exec(s, st, _("saving a measure"), e) < 0 ||
        store_update_links(s, a->id, &linked, e) < 0)
        goto fail;
    struct measure *mem = find_measure(a, m->id);
    if (mem) {
        struct measure copy;
        assess_measure_copy(&copy, m);
        copy.number = old.number;
        assess_measure_clear(mem);
        *mem = copy;
    }
    assess_measure_clear(&old);
    return store_finish_copy(s, a, e);
fail:
    assess_measure_clear(&old);
    store_txn_rollback(s);
    return -1;
}

int store_delete_measure(struct store *s, struct assessment *a, int64_t measure_id,
                         struct err *e)
{
    if (store_txn_begin(s, e) < 0)
        return -1;
    struct measure old;
    if (get_measure(s, a->id, measure_id, &old, e) < 0)
        goto fail;
    char what[32];
    snprintf(what, sizeof what, "measure M%d", old.number);
    int conflict = measure_conflict(what, find_measure(a, measure_id), &old, e);
    if (conflict) {
        assess_measure_clear(&old);
        store_txn_rollback(s);
        return conflict;
    }
    /* What the measure held, as for a risk. */
    struct measure empty;
    memset(&empty, 0, sizeof empty);
    empty.title = old.title;
    if (record_fields(s, a->id, what, measure_fields, nmeasure_fields, &old, &empty, e) < 0)
        goto fail;
    if (old.nrisks) {
        char *links = links_text(old.risks, old.nrisks), lwhat[48];
        snprintf(lwhat, sizeof lwhat, "%s risks", what);
        int lrc = store_hist_add(s, a->id, lwhat, links, "", 0, e);
        free(links);
        if (lrc < 0)
            goto fail;
    }
    snprintf(what, sizeof what, "measure M%d deleted", old.number);
    struct db_stmt *st = store_stmt(s, SQ_MEAS_DEL, e);
    if (!st)
        goto fail;
    db_bind_int64(st, 1, a->id);
    db_bind_int64(st, 2, measure_id);
    if (store_exec(s, st, _("deleting a measure"), e) < 0 ||
        store_hist_add(s, a->id, what, old.title, "", 0, e) < 0)
        goto fail;
    struct measure *mem = find_measure(a, measure_id);
    if (mem) {
        size_t i = (size_t)(mem - a->measures);
        assess_measure_clear(mem);
        memmove(mem, mem + 1, (a->nmeasures - i - 1) * sizeof *mem);
        a->nmeasures--;
    }
    assess_measure_clear(&old);
    return store_finish_copy(s, a, e);
fail:
    assess_measure_clear(&old);
    store_txn_rollback(s);
    return -1;
}
