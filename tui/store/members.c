/*
 * People and roles: the members of each assessment with their roles,
 * the records made on someone's behalf, what waits for a person across
 * assessments, and reading and writing them with the assessment (a load,
 * an import, a new one). The rules are core/roles.h's, asked by ops/
 * first; the store keeps one owner at least whatever another session
 * did meanwhile.
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

static int member_row(struct store_row *r, void *ctx, size_t *cap)
{
    (void)cap;
    struct assessment *a = ctx;
    char *person = store_row_text(r, 0);
    /* A role this program does not know (a newer writer) reads as
     * reader: it gives no right. */
    int role = store_row_key(r, 1, member_role_parse, MR_READER);
    int rc = store_row_end(r);
    if (rc == 0)
        roles_add_member(a, person, (enum member_role)role);
    free(person);
    return rc;
}

static int behalf_row(struct store_row *r, void *ctx, size_t *cap)
{
    (void)cap;
    struct assessment *a = ctx;
    struct behalf b = { 0 };
    b.what = store_row_text(r, 0);
    b.by = store_row_text(r, 1);
    b.person = store_row_text(r, 2);
    b.role = (enum member_role)store_row_key(r, 3, member_role_parse, MR_READER);
    b.reason = store_row_text(r, 4);
    b.when = store_row_time(r, 5);
    int rc = store_row_end(r);
    if (rc == 0)
        roles_add_behalf(a, &b);
    roles_behalf_clear(&b);
    return rc;
}

int store_load_members(struct store *s, struct assessment *a, struct err *e)
{
    roles_clear_members(a);
    return store_each_row(s, SQ_MEM_LOAD, a->id, 0, "members", _("reading the members"),
                          member_row, a, e);
}

static int load_behalf(struct store *s, struct assessment *a, struct err *e)
{
    for (size_t i = 0; i < a->nbehalf; i++)
        roles_behalf_clear(&a->behalf[i]);
    XFREE(a->behalf);
    a->nbehalf = 0;
    return store_each_row(s, SQ_BEH_LOAD, a->id, a->revision > 0 ? a->revision : 1, "on_behalf",
                          _("reading the members"), behalf_row, a, e);
}

int store_load_team(struct store *s, struct assessment *a, struct err *e)
{
    if (store_load_members(s, a, e) < 0 || store_load_review(s, a, e) < 0)
        return -1;
    return load_behalf(s, a, e);
}

/* Writes one member row. */
static int put_member(struct store *s, int64_t aid, const char *person, enum member_role role,
                      struct err *e)
{
    struct db_stmt *st = store_stmt(s, SQ_MEM_PUT, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, aid);
    store_bind_text(st, 2, person);
    store_bind_text(st, 3, member_role_key(role));
    return store_exec(s, st, _("saving a member"), e);
}

static int put_behalf(struct store *s, int64_t aid, int rev, const struct behalf *b,
                      struct err *e)
{
    struct db_stmt *st = store_stmt(s, SQ_BEH_PUT, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, aid);
    db_bind_int(st, 2, rev);
    store_bind_text(st, 3, b->what);
    store_bind_text(st, 4, b->by);
    store_bind_text(st, 5, b->person);
    store_bind_text(st, 6, member_role_key(b->role));
    store_bind_text(st, 7, b->reason);
    db_bind_int64(st, 8, b->when > 0 ? b->when : store_now());
    return store_exec(s, st, _("saving a record made on someone's behalf"), e);
}

/* Defined in review.c: the steps and comments of an assessment written
 * whole. */
int store_put_review(struct store *s, const struct assessment *a, struct err *e);

int store_put_team(struct store *s, const struct assessment *a, struct err *e)
{
    /* The owners last: until one is there, a server keeping the roles
     * (pg_policy.c) lets whoever stores the assessment write it all. */
    int rev = a->revision > 0 ? a->revision : 1;
    for (size_t i = 0; i < a->nbehalf; i++)
        if (put_behalf(s, a->id, rev, &a->behalf[i], e) < 0)
            return -1;
    if (store_put_review(s, a, e) < 0)
        return -1;
    for (int owners = 0; owners < 2; owners++)
        for (size_t i = 0; i < a->nmembers; i++)
            if ((a->members[i].role == MR_OWNER) == owners &&
                put_member(s, a->id, a->members[i].person, a->members[i].role, e) < 0)
                return -1;
    if (a->nmembers == 0 && put_member(s, a->id, s->who, MR_OWNER, e) < 0)
        return -1;
    return 0;
}

int store_members_fill(struct store *s, struct err *e)
{
    struct db_stmt *st = store_stmt(s, SQ_MEM_FILL, e);
    if (!st)
        return -1;
    store_bind_text(st, 1, s->who);
    return store_exec(s, st, _("giving every assessment an owner"), e);
}

/* --- changes ---------------------------------------------------------------- */

/* The role person holds on aid now, in *role (-1: not a member). */
static int stored_role(struct store *s, int64_t aid, const char *person, int *role,
                       struct err *e)
{
    struct db_stmt *st = store_stmt(s, SQ_MEM_GET, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, aid);
    store_bind_text(st, 2, person);
    int rc = db_step(st);
    *role = -1;
    if (rc == DB_ROW) {
        struct store_row r;
        store_row_start(&r, s, st, "members", "assessment", aid, e);
        *role = store_row_key(&r, 0, member_role_parse, MR_READER);
        if (store_row_end(&r) < 0) {
            db_reset(st);
            return -1;
        }
    }
    db_reset(st);
    if (rc != DB_ROW && rc != DB_DONE)
        return store_db_error(s, _("reading the members"), e);
    return 0;
}

int store_check_person(struct store *s, const char *person, struct err *e)
{
    if (!store_on_server(s))
        return 0;
    struct db_stmt *st = db_prepare(s->db, "SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = ?1 "
                                    "AND rolcanlogin");
    if (!st)
        return store_db_error(s, _("cannot read the database"), e);
    store_bind_text(st, 1, person);
    int rc = db_step(st);
    db_finalize(st);
    if (rc == DB_ROW)
        return 0;
    if (rc != DB_DONE)
        return store_db_error(s, _("cannot read the database"), e);
    /* TRANSLATORS: "kim is not a role of postgresql:///dpia that can log
     * in: on a server, each person is one (createuser kim)". */
    return err_set(e, _("%s is not a role of %s that can log in: on a server, each person is one "
                   "(createuser %s)"), person, s->path, person);
}

int store_set_member(struct store *s, struct assessment *a, const char *person, int role,
                     struct err *e)
{
    if (!person || !*person)
        return err_set(e, _("a member is named by their login"));
    if (role >= MR_COUNT)
        return err_set(e, _("unknown role"));
    if (store_check_writable(s, e) < 0 || store_txn_begin(s, e) < 0)
        return -1;
    if (store_gone(s, a->id, e) != 0)
        goto fail;
    int was;
    if (stored_role(s, a->id, person, &was, e) < 0)
        goto fail;
    if (role < 0 && was < 0) {
        err_set(e, _("%s is not a member of assessment %lld"), person, (long long)a->id);
        goto fail;
    }
    struct db_stmt *st;
    if (role < 0) {
        if (!(st = store_stmt(s, SQ_MEM_DEL, e)))
            goto fail;
        db_bind_int64(st, 1, a->id);
        store_bind_text(st, 2, person);
        if (store_exec(s, st, _("removing a member"), e) < 0)
            goto fail;
    } else if (put_member(s, a->id, person, (enum member_role)role, e) < 0) {
        goto fail;
    }
    /* Whatever another session did meanwhile, one owner stays. */
    if (!(st = store_stmt(s, SQ_MEM_OWNERS, e)))
        goto fail;
    db_bind_int64(st, 1, a->id);
    int64_t owners = db_step(st) == DB_ROW ? db_column_int64(st, 0) : 0;
    db_reset(st);
    if (owners < 1) {
        err_set(e, _("%s is the last owner of assessment %lld: make someone else owner first"),
                person, (long long)a->id);
        goto fail;
    }
    if (was != role) {
        char *what = xasprintf("member %s", person);
        int rc = store_hist_add(s, a->id, what, was < 0 ? "" : member_role_key((enum member_role)was),
                                role < 0 ? "" : member_role_key((enum member_role)role), 0, e);
        free(what);
        if (rc < 0)
            goto fail;
    }
    if (store_load_members(s, a, e) < 0 || store_finish(s, a, e) < 0)
        goto fail;
    return 0;
fail:
    store_txn_rollback(s);
    store_reread_copy(s, a);
    return -1;
}

int store_set_behalf(struct store *s, struct assessment *a, const char *what,
                     const struct behalf *b, const char *text, struct err *e)
{
    if (store_check_writable(s, e) < 0 || store_txn_begin(s, e) < 0)
        return -1;
    int rev = a->revision > 0 ? a->revision : 1;
    if (b) {
        struct behalf copy = *b;
        copy.what = (char *)(uintptr_t)what;
        copy.when = store_now();
        char *entry = xasprintf("on behalf: %s", what);
        int rc = put_behalf(s, a->id, rev, &copy, e);
        if (rc == 0)
            rc = store_hist_add(s, a->id, entry, "", text ? text : "", 0, e);
        free(entry);
        if (rc < 0)
            goto fail;
    } else {
        struct db_stmt *st = store_stmt(s, SQ_BEH_DEL, e);
        if (!st)
            goto fail;
        db_bind_int64(st, 1, a->id);
        db_bind_int(st, 2, rev);
        store_bind_text(st, 3, what);
        if (store_exec(s, st, _("saving a record made on someone's behalf"), e) < 0)
            goto fail;
    }
    if (load_behalf(s, a, e) < 0 || store_finish(s, a, e) < 0)
        goto fail;
    return 0;
fail:
    store_txn_rollback(s);
    store_reread_copy(s, a);
    return -1;
}

/* --- what waits --------------------------------------------------------------- */

int store_waiting(struct store *s, const char *person, struct waiting_row **out, size_t *n,
                  struct err *e)
{
    *out = NULL;
    *n = 0;
    store_read_begin(s);
    struct db_stmt *st = store_stmt(s, SQ_WAITING, e);
    if (!st) {
        store_read_end(s);
        return -1;
    }
    store_bind_text(st, 1, person);
    struct waiting_row *v = NULL;
    size_t cap = 0, count = 0;
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        int64_t id = db_column_int64(st, 0);
        struct store_row r;
        store_row_start(&r, s, st, "assessments", "id", id, e);
        v = xgrow(v, &cap, count + 1, sizeof *v);
        struct waiting_row *w = &v[count];
        memset(w, 0, sizeof *w);
        w->id = store_row_int(&r, 0, 1, INT64_MAX);
        w->title = store_row_text(&r, 1);
        w->status = (enum assess_status)store_row_key(&r, 2, assess_status_parse, ST_DRAFT);
        w->member = true;
        w->role = (enum member_role)store_row_key(&r, 3, member_role_parse, MR_READER);
        w->dpo_held = store_row_flag(&r, 4);
        w->decider_held = store_row_flag(&r, 5);
        w->last_step = db_column_type(st, 6) == DB_T_NULL
                           ? -1 : store_row_key(&r, 6, review_kind_parse, -1);
        w->last_who = store_row_text(&r, 7);
        w->last_at = db_column_type(st, 8) == DB_T_NULL ? 0 : store_row_time(&r, 8);
        w->open_threads = (int)store_row_int(&r, 9, 0, INT32_MAX);
        count++;
        if (store_row_end(&r) < 0) {
            db_reset(st);
            store_read_end(s);
            waiting_free(v, count);
            return -1;
        }
    }
    db_reset(st);
    store_read_end(s);
    if (rc != DB_DONE) {
        waiting_free(v, count);
        return store_db_error(s, _("reading what waits"), e);
    }
    *out = v;
    *n = count;
    return 0;
}
