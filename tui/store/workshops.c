/*
 * The workshops of an assessment: reading them with their participants,
 * open points and the questions they settled, starting and ending one,
 * and writing one whole (an import). Which questions a workshop settled
 * is linked as the change log is written (store_hist_add): every answer
 * or note changed while a workshop is open.
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

/* Reads the rows of statement id for workshop wid, one by one. */
static int ws_rows(struct store *s, enum store_stmt id, int64_t wid, const char *table,
                   struct workshop *w, int (*row)(struct store_row *r, struct workshop *w),
                   struct err *e)
{
    struct db_stmt *st = store_stmt(s, id, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, wid);
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        struct store_row r;
        store_row_start(&r, s, st, table, "workshop", wid, e);
        if (row(&r, w) < 0) {
            db_reset(st);
            return -1;
        }
    }
    db_reset(st);
    return rc == DB_DONE ? 0 : store_db_error(s, _("reading the workshops"), e);
}

static int participant_row(struct store_row *r, struct workshop *w)
{
    w->participants = xrealloc(w->participants,
                               (w->nparticipants + 1) * sizeof *w->participants);
    struct ws_participant *p = &w->participants[w->nparticipants++];
    p->name = store_row_text(r, 0);
    p->role = store_row_text(r, 1);
    p->organisation = store_row_text(r, 2);
    p->represents = store_row_flag(r, 3);
    return store_row_end(r);
}

static int point_row(struct store_row *r, struct workshop *w)
{
    w->points = xrealloc(w->points, (w->npoints + 1) * sizeof *w->points);
    struct ws_point *p = &w->points[w->npoints++];
    p->text = store_row_text(r, 0);
    p->who = store_row_text(r, 1);
    return store_row_end(r);
}

static int settled_row(struct store_row *r, struct workshop *w)
{
    w->settled = xrealloc(w->settled, (w->nsettled + 1) * sizeof *w->settled);
    w->settled[w->nsettled++] = store_row_text(r, 0);
    return store_row_end(r);
}

int store_load_workshops(struct store *s, struct assessment *a, struct err *e)
{
    assess_clear_workshops(a);
    struct db_stmt *st = store_stmt(s, SQ_WS_LOAD, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, a->id);
    int64_t *ids = NULL;
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        struct store_row r;
        store_row_start(&r, s, st, "workshops", "assessment", a->id, e);
        struct workshop w = { 0 };
        int64_t id = store_row_int(&r, 0, 1, INT64_MAX);
        w.number = (int)store_row_int(&r, 1, 1, STORE_NUMBER_MAX);
        w.date = store_row_text(&r, 2);
        w.place = store_row_text(&r, 3);
        w.agenda = store_row_text(&r, 4);
        w.minutes = store_row_text(&r, 5);
        w.started = store_row_time(&r, 6);
        w.ended = store_row_time(&r, 7);
        w.who = store_row_text(&r, 8);
        if (store_row_end(&r) < 0) {
            assess_workshop_clear(&w);
            db_reset(st);
            free(ids);
            return -1;
        }
        ids = xrealloc(ids, (a->nworkshops + 1) * sizeof *ids);
        ids[a->nworkshops] = id;
        assess_add_workshop(a, &w);
    }
    db_reset(st);
    if (rc != DB_DONE) {
        free(ids);
        return store_db_error(s, _("reading the workshops"), e);
    }
    for (size_t i = 0; i < a->nworkshops; i++) {
        struct workshop *w = &a->workshops[i];
        if (ws_rows(s, SQ_WS_PART_LOAD, ids[i], "workshop_participants", w, participant_row,
                    e) < 0 ||
            ws_rows(s, SQ_WS_POINT_LOAD, ids[i], "workshop_points", w, point_row, e) < 0 ||
            ws_rows(s, SQ_WS_SETTLED_LOAD, ids[i], "workshop_settled", w, settled_row, e) < 0) {
            free(ids);
            return -1;
        }
    }
    free(ids);
    return 0;
}

/* Writes the workshop row and its participants, open points and the
 * questions it settled; the new row's id in *wid. */
static int put_workshop(struct store *s, int64_t aid, const struct workshop *w, int64_t *wid,
                        struct err *e)
{
    struct db_stmt *st = store_stmt(s, SQ_WS_ADD, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, aid);
    db_bind_int(st, 2, w->number);
    store_bind_text(st, 3, w->date);
    store_bind_text(st, 4, w->place);
    store_bind_text(st, 5, w->agenda);
    store_bind_text(st, 6, w->minutes);
    db_bind_int64(st, 7, w->started);
    db_bind_int64(st, 8, w->ended);
    store_bind_text(st, 9, w->who);
    int64_t id;
    if (store_exec_id(s, st, _("saving a workshop"), &id, e) < 0)
        return -1;
    for (size_t i = 0; i < w->nparticipants; i++) {
        const struct ws_participant *p = &w->participants[i];
        if (!(st = store_stmt(s, SQ_WS_PART_ADD, e)))
            return -1;
        db_bind_int64(st, 1, id);
        db_bind_int64(st, 2, (int64_t)i + 1);
        store_bind_text(st, 3, p->name);
        store_bind_text(st, 4, p->role);
        store_bind_text(st, 5, p->organisation);
        db_bind_int(st, 6, p->represents);
        if (store_exec(s, st, _("saving a workshop"), e) < 0)
            return -1;
    }
    for (size_t i = 0; i < w->npoints; i++) {
        if (!(st = store_stmt(s, SQ_WS_POINT_ADD, e)))
            return -1;
        db_bind_int64(st, 1, id);
        db_bind_int64(st, 2, (int64_t)i + 1);
        store_bind_text(st, 3, w->points[i].text);
        store_bind_text(st, 4, w->points[i].who);
        if (store_exec(s, st, _("saving a workshop"), e) < 0)
            return -1;
    }
    for (size_t i = 0; i < w->nsettled; i++) {
        if (!(st = store_stmt(s, SQ_WS_SETTLED_ADD, e)))
            return -1;
        db_bind_int64(st, 1, id);
        store_bind_text(st, 2, w->settled[i]);
        if (store_exec(s, st, _("saving a workshop"), e) < 0)
            return -1;
    }
    if (wid)
        *wid = id;
    return 0;
}

int store_put_workshop(struct store *s, int64_t aid, const struct workshop *w, struct err *e)
{
    return put_workshop(s, aid, w, NULL, e);
}

/* The text the change log gives a workshop's start: its date and place. */
static char *start_text(const struct workshop *w)
{
    if (*w->date && *w->place)
        return xasprintf("%s, %s", w->date, w->place);
    return xstrdup(*w->date ? w->date : w->place);
}

int store_workshop_start(struct store *s, struct assessment *a, struct workshop *w,
                         struct err *e)
{
    if (store_check_writable(s, e) < 0 || store_txn_begin(s, e) < 0)
        return -1;
    struct db_stmt *st = store_stmt(s, SQ_WS_NEXT, e);
    if (!st)
        goto fail;
    db_bind_int64(st, 1, a->id);
    int64_t next = 1, open = 0;
    if (db_step(st) == DB_ROW) {
        next = db_column_int64(st, 0);
        open = db_column_int64(st, 1);
    }
    db_reset(st);
    if (open > 0) {
        err_set(e, _("workshop %lld of assessment %lld is still open; end it first"),
                (long long)open, (long long)a->id);
        goto fail;
    }
    if (next > STORE_NUMBER_MAX) {
        err_set(e, _("assessment %lld has too many workshops"), (long long)a->id);
        goto fail;
    }
    if (store_gone(s, a->id, e) != 0)
        goto fail;
    w->number = (int)next;
    w->started = store_now();
    w->ended = 0;
    store_set_str(&w->who, s->who);
    store_set_str(&w->date, w->date);
    store_set_str(&w->place, w->place);
    store_set_str(&w->agenda, w->agenda);
    store_set_str(&w->minutes, w->minutes);
    if (put_workshop(s, a->id, w, NULL, e) < 0)
        goto fail;
    char what[64];
    snprintf(what, sizeof what, "workshop %d started", w->number);
    char *text = start_text(w);
    int rc = store_hist_add(s, a->id, what, "", text, 0, e);
    free(text);
    if (rc < 0)
        goto fail;
    if (store_load_workshops(s, a, e) < 0 || store_finish(s, a, e) < 0)
        goto fail;
    return 0;
fail:
    store_txn_rollback(s);
    store_reread_copy(s, a);
    return -1;
}

int store_workshop_end(struct store *s, struct assessment *a, const char *minutes,
                       const struct ws_point *points, size_t npoints, struct err *e)
{
    if (store_check_writable(s, e) < 0 || store_txn_begin(s, e) < 0)
        return -1;
    struct db_stmt *st = store_stmt(s, SQ_WS_OPEN_ID, e);
    if (!st)
        goto fail;
    db_bind_int64(st, 1, a->id);
    int64_t id = 0;
    int number = 0;
    if (db_step(st) == DB_ROW) {
        id = db_column_int64(st, 0);
        number = db_column_int(st, 1);
    }
    db_reset(st);
    if (id == 0) {
        if (store_gone(s, a->id, e) == 0)
            err_set(e, _("no workshop of assessment %lld is open"), (long long)a->id);
        goto fail;
    }
    if (!(st = store_stmt(s, SQ_WS_END, e)))
        goto fail;
    db_bind_int64(st, 1, id);
    db_bind_int64(st, 2, store_now());
    store_bind_text(st, 3, minutes ? minutes : "");
    if (store_exec(s, st, _("ending the workshop"), e) < 0)
        goto fail;
    for (size_t i = 0; i < npoints; i++) {
        if (!(st = store_stmt(s, SQ_WS_POINT_ADD, e)))
            goto fail;
        db_bind_int64(st, 1, id);
        db_bind_int64(st, 2, (int64_t)i + 1);
        store_bind_text(st, 3, points[i].text);
        store_bind_text(st, 4, points[i].who);
        if (store_exec(s, st, _("ending the workshop"), e) < 0)
            goto fail;
    }
    char what[64];
    snprintf(what, sizeof what, "workshop %d ended", number);
    if (store_hist_add(s, a->id, what, "", minutes ? minutes : "", 0, e) < 0 ||
        store_load_workshops(s, a, e) < 0 || store_finish(s, a, e) < 0)
        goto fail;
    return 0;
fail:
    store_txn_rollback(s);
    store_reread_copy(s, a);
    return -1;
}
