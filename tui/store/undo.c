/*
 * Undo: the latest change still standing in an assessment's change log
 * (core/undo.h) reversed in one transaction. The store's own writers
 * make the change (with their conflict checks and the assessment in
 * memory kept up to date) while they record nothing; the undo then
 * records, for each entry it reverses, "undone: WHAT" with the values
 * swapped, so that the log says exactly what happened.
 */
#include "config.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/undo.h"
#include "store/store_int.h"
#include "util/i18n.h"
#include "util/xalloc.h"

void store_undone_free(struct store_undone *u)
{
    for (size_t i = 0; i < u->n; i++) {
        free(u->entries[i].who);
        free(u->entries[i].what);
        free(u->entries[i].old_value);
        free(u->entries[i].new_value);
    }
    free(u->entries);
    memset(u, 0, sizeof *u);
}

/* e holds why; nothing is changed. */
static int cannot(const struct change *c, struct err *e)
{
    err_prefix(e, _("the change log does not hold what is needed to undo \"%s\""), c->what);
    return -1;
}

/* --- answers, notes and flags ---------------------------------------- */

static int undo_answer(struct store *s, struct assessment *a, const struct undo_subject *sub,
                       const struct change *c, size_t n, struct err *e)
{
    const struct answer *cur = assess_answer(a, sub->thing);
    char *value = xstrdup(cur ? cur->value : ""), *note = xstrdup(cur ? cur->note : "");
    bool flagged = cur ? cur->flagged : false;
    int64_t revision = cur ? cur->revision : 0;
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        struct undo_subject p;
        undo_parse(c[i].what, &p);
        if (strcmp(p.part, "answer") == 0) {
            store_set_str(&value, c[i].old_value);
        } else if (strcmp(p.part, "note") == 0) {
            store_set_str(&note, c[i].old_value);
        } else if (strcmp(c[i].old_value, "yes") == 0 || strcmp(c[i].old_value, "no") == 0) {
            flagged = strcmp(c[i].old_value, "yes") == 0;
        } else {
            err_set(e, _("'%s' is not yes or no"), c[i].old_value);
            rc = cannot(&c[i], e);
        }
    }
    if (rc == 0)
        rc = store_set_answer(s, a, sub->thing, value, note, flagged, revision, 0, e);
    free(value);
    free(note);
    return rc;
}

/* --- risks and measures ------------------------------------------------ */

static struct risk *risk_numbered(struct assessment *a, int number)
{
    for (size_t i = 0; i < a->nrisks; i++)
        if (a->risks[i].number == number)
            return &a->risks[i];
    return NULL;
}

static struct measure *measure_numbered(struct assessment *a, int number)
{
    for (size_t i = 0; i < a->nmeasures; i++)
        if (a->measures[i].number == number)
            return &a->measures[i];
    return NULL;
}

static bool has_part(const struct change *c, size_t n, const char *part)
{
    for (size_t i = 0; i < n; i++) {
        struct undo_subject p;
        undo_parse(c[i].what, &p);
        if (strcmp(p.part, part) == 0)
            return true;
    }
    return false;
}

/* Sets the fields the entries name to their old values; the entry of
 * the links (links_part) fills *links. */
static int set_fields(const struct field *fields, size_t nfields, void *obj,
                      const struct change *c, size_t n, const char *links_part, char letter,
                      int **links, size_t *nlinks, struct err *e)
{
    for (size_t i = 0; i < n; i++) {
        struct undo_subject p;
        undo_parse(c[i].what, &p);
        if (strcmp(p.part, "added") == 0 || strcmp(p.part, "deleted") == 0)
            continue;
        int rc;
        if (strcmp(p.part, links_part) == 0) {
            free(*links);
            rc = undo_numbers(c[i].old_value, letter, links, nlinks, e);
        } else {
            const struct field *f = undo_field(fields, nfields, p.part);
            rc = f ? undo_field_set(f, obj, c[i].old_value, e)
                   : err_set(e, _("no field is called '%s'"), p.part);
        }
        if (rc < 0)
            return cannot(&c[i], e);
    }
    return 0;
}

static int by_number(const void *x, const void *y)
{
    int a = *(const int *)x, b = *(const int *)y;
    return (a > b) - (a < b);
}

/* A deleted risk back under its number, with its fields and the links
 * of the measures that addressed it. */
static int restore_risk(struct store *s, struct assessment *a, const struct undo_subject *sub,
                        const struct change *c, size_t n, struct err *e)
{
    if (risk_numbered(a, sub->number))
        return err_set(e, _("risk R%d exists again; nothing was changed"), sub->number);
    struct risk r;
    memset(&r, 0, sizeof r);
    int *links = NULL;
    size_t nlinks = 0;
    int rc = set_fields(risk_fields, nrisk_fields, &r, c, n, "measures", 'M', &links, &nlinks,
                        e);
    for (size_t i = 0; i < n && rc == 0; i++) {
        struct undo_subject p;
        undo_parse(c[i].what, &p);
        if (strcmp(p.part, "deleted") == 0)
            store_set_str(&r.title, c[i].old_value);
    }
    r.number = sub->number;
    if (rc == 0)
        rc = store_put_risk(s, a->id, &r, e);
    for (size_t i = 0; i < nlinks && rc == 0; i++) {
        struct measure *m = measure_numbered(a, links[i]);
        if (!m)
            continue;
        struct db_stmt *st = store_stmt(s, SQ_LINK_ADD, e);
        if (!st) {
            rc = -1;
            break;
        }
        db_bind_int64(st, 1, m->id);
        db_bind_int64(st, 2, r.id);
        rc = store_exec(s, st, _("linking a measure"), e);
        if (rc == 0) {
            m->risks = xrealloc(m->risks, (m->nrisks + 1) * sizeof *m->risks);
            m->risks[m->nrisks++] = r.number;
            qsort(m->risks, m->nrisks, sizeof *m->risks, by_number);
        }
    }
    if (rc == 0) {
        size_t at = 0;
        while (at < a->nrisks && a->risks[at].number < r.number)
            at++;
        a->risks = xrealloc(a->risks, (a->nrisks + 1) * sizeof *a->risks);
        memmove(&a->risks[at + 1], &a->risks[at], (a->nrisks - at) * sizeof *a->risks);
        a->risks[at] = r;
        a->nrisks++;
    } else {
        assess_risk_clear(&r);
    }
    free(links);
    return rc;
}

static int undo_risk(struct store *s, struct assessment *a, const struct undo_subject *sub,
                     const struct change *c, size_t n, struct err *e)
{
    if (has_part(c, n, "deleted"))
        return restore_risk(s, a, sub, c, n, e);
    struct risk *mem = risk_numbered(a, sub->number);
    if (!mem)
        return err_set(e, _("risk R%d no longer exists; nothing was changed"), sub->number);
    if (has_part(c, n, "added"))
        return store_delete_risk(s, a, mem->id, e);
    struct risk r;
    assess_risk_copy(&r, mem);
    int *links = NULL;
    size_t nlinks = 0;
    int rc = set_fields(risk_fields, nrisk_fields, &r, c, n, "measures", 'M', &links, &nlinks,
                        e);
    if (rc == 0)
        rc = store_update_risk(s, a, &r, e);
    free(links);
    assess_risk_clear(&r);
    return rc;
}

static int undo_measure(struct store *s, struct assessment *a, const struct undo_subject *sub,
                        const struct change *c, size_t n, struct err *e)
{
    struct measure *mem = measure_numbered(a, sub->number);
    struct measure m;
    memset(&m, 0, sizeof m);
    int rc;
    if (has_part(c, n, "deleted")) {
        if (mem)
            return err_set(e, _("measure M%d exists again; nothing was changed"), sub->number);
        rc = set_fields(measure_fields, nmeasure_fields, &m, c, n, "risks", 'R', &m.risks,
                        &m.nrisks, e);
        for (size_t i = 0; i < n && rc == 0; i++) {
            struct undo_subject p;
            undo_parse(c[i].what, &p);
            if (strcmp(p.part, "deleted") == 0)
                store_set_str(&m.title, c[i].old_value);
        }
        m.number = sub->number;
        if (rc == 0)
            rc = store_put_measure(s, a->id, &m, e);
        if (rc == 0) {
            size_t at = 0;
            while (at < a->nmeasures && a->measures[at].number < m.number)
                at++;
            a->measures = xrealloc(a->measures, (a->nmeasures + 1) * sizeof *a->measures);
            memmove(&a->measures[at + 1], &a->measures[at],
                    (a->nmeasures - at) * sizeof *a->measures);
            a->measures[at] = m;
            a->nmeasures++;
            return 0;
        }
        assess_measure_clear(&m);
        return rc;
    }
    if (!mem)
        return err_set(e, _("measure M%d no longer exists; nothing was changed"), sub->number);
    if (has_part(c, n, "added"))
        return store_delete_measure(s, a, mem->id, e);
    assess_measure_copy(&m, mem);
    rc = set_fields(measure_fields, nmeasure_fields, &m, c, n, "risks", 'R', &m.risks,
                    &m.nrisks, e);
    if (rc == 0)
        rc = store_update_measure(s, a, &m, e);
    assess_measure_clear(&m);
    return rc;
}

static int undo_signoff(struct store *s, struct assessment *a, const struct undo_subject *sub,
                        const struct change *c, size_t n, struct err *e)
{
    struct signoff so;
    assess_signoff_copy(&so, &a->signoffs[sub->role]);
    so.role = (enum signoff_role)sub->role;
    int *none = NULL;
    size_t nnone = 0;
    int rc = set_fields(signoff_fields, nsignoff_fields, &so, c, n, "", 0, &none, &nnone, e);
    free(none);
    if (rc == 0)
        rc = store_set_signoff(s, a, &so, e);
    assess_signoff_clear(&so);
    return rc;
}

/* --- the undo ------------------------------------------------------------ */

/* The part of each row of the change log of aid in its change, in the
 * order of a->history; NULL (nothing known) when the count differs. The
 * caller frees. */
static int *read_parts(struct store *s, const struct assessment *a, struct err *e)
{
    struct db_stmt *st = store_stmt(s, SQ_HIST_PARTS, e);
    if (!st)
        return NULL;
    db_bind_int64(st, 1, a->id);
    int *parts = xcalloc(a->nhistory + 1, sizeof *parts);
    size_t n = 0;
    int rc;
    while ((rc = db_step(st)) == DB_ROW && n <= a->nhistory) {
        struct store_row r;
        store_row_start(&r, s, st, "history", "assessment", a->id, e);
        int part = (int)store_row_int(&r, 0, UNDO_PART_UNKNOWN, UNDO_PART_MORE);
        if (store_row_end(&r) < 0) {
            db_reset(st);
            free(parts);
            return NULL;
        }
        if (n < a->nhistory)
            parts[n] = part;
        n++;
    }
    db_reset(st);
    if (rc != DB_DONE && rc != DB_ROW) {
        store_db_error(s, _("reading the history"), e);
        free(parts);
        return NULL;
    }
    if (n != a->nhistory)
        memset(parts, 0, (a->nhistory + 1) * sizeof *parts);
    return parts;
}

static void copy_entries(struct store_undone *out, const struct change *c, size_t n)
{
    out->entries = xcalloc(n, sizeof *out->entries);
    out->n = n;
    for (size_t i = 0; i < n; i++) {
        out->entries[i].when = c[i].when;
        out->entries[i].who = xstrdup(c[i].who);
        out->entries[i].what = xstrdup(c[i].what);
        out->entries[i].old_value = xstrdup(c[i].old_value);
        out->entries[i].new_value = xstrdup(c[i].new_value);
    }
}

int store_undo(struct store *s, struct assessment *a, bool others, store_undo_rules rules,
               struct store_undone *out, struct err *e)
{
    memset(out, 0, sizeof *out);
    if (store_txn_begin(s, e) < 0)
        return -1;
    size_t first, last;
    /* The change log is what an undo reads: a copy loaded without it
     * (as the interface and most commands load) reads it now. */
    bool was_missing = a->history_missing;
    a->history_missing = false;
    if (store_sync_history(s, a, e) < 0) {
        a->history_missing = was_missing;
        goto fail;
    }
    int *parts = read_parts(s, a, e);
    if (!parts)
        goto fail;
    bool found = undo_find(a->history, parts, a->nhistory, &first, &last);
    bool known = found && parts[last] != UNDO_PART_UNKNOWN;
    free(parts);
    if (!found) {
        err_set(e, _("assessment %lld has no change left to undo"), (long long)a->id);
        goto fail;
    }
    copy_entries(out, &a->history[first], last - first + 1);
    const struct change *c = out->entries, *top = &c[out->n - 1];
    struct undo_subject sub;
    undo_parse(top->what, &sub);
    for (size_t i = 0; i < out->n && sub.kind != UNDO_NONE; i++) {
        struct undo_subject p;
        undo_parse(c[i].what, &p);
        if (p.kind != sub.kind || strcmp(p.thing, sub.thing) != 0)
            sub.kind = UNDO_NONE;
    }
    if (sub.kind == UNDO_NONE) {
        err_set(e, _("the latest change to assessment %lld (%s) cannot be undone: undo takes "
                "back answers, notes, follow-up flags, risks, measures and sign-offs, one "
                "at a time"), (long long)a->id, top->what);
        goto fail;
    }
    if (!known && strcmp(sub.part, "deleted") == 0) {
        err_set(e, sub.kind == UNDO_RISK
                       ? _("the change log does not hold what risk %s held when it was deleted "
                           "(it was recorded by an older dpia or came with an imported record); "
                           "nothing was changed")
                       : _("the change log does not hold what measure %s held when it was "
                           "deleted (it was recorded by an older dpia or came with an imported "
                           "record); nothing was changed"),
                sub.thing);
        goto fail;
    }
    if (!others && strcmp(top->who, s->who) != 0) {
        err_set(e, _("the latest change to assessment %lld (%s) was made by %s"),
                (long long)a->id, top->what, top->who);
        store_txn_rollback(s);
        return STORE_OTHERS;
    }
    if (rules && rules(a, c, out->n, e) < 0)
        goto fail;
    s->hist_mute = true;
    int rc = sub.kind == UNDO_ANSWER ? undo_answer(s, a, &sub, c, out->n, e)
           : sub.kind == UNDO_RISK ? undo_risk(s, a, &sub, c, out->n, e)
           : sub.kind == UNDO_MEASURE ? undo_measure(s, a, &sub, c, out->n, e)
           : undo_signoff(s, a, &sub, c, out->n, e);
    s->hist_mute = false;
    if (rc != 0) {
        store_txn_rollback(s);
        return rc;
    }
    for (size_t i = out->n; i-- > 0;) {
        char *what = xasprintf(UNDO_PREFIX "%s", c[i].what);
        rc = store_hist_add(s, a->id, what, c[i].new_value, c[i].old_value, 0, e);
        free(what);
        if (rc < 0)
            goto fail;
    }
    if (store_finish(s, a, e) < 0)
        goto fail;
    a->updated = store_now();
    return 0;
fail:
    store_txn_rollback(s);
    return -1;
}
