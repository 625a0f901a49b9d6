/*
 * Whole assessments in and out: creating one from a template, inserting
 * one built elsewhere (an import), duplicating and deleting.
 */
#include "config.h"
#include "store/store.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/undo.h"
#include "store/store_int.h"
#include "util/i18n.h"
#include "util/sha256.h"
#include "util/xalloc.h"

/* --- creating ------------------------------------------------------------ */

/* The snapshot row for this XML: shared by every assessment started
 * from the same bytes. */
static int64_t snapshot_row(struct store *s, const char *digest, const struct tmpl *t,
                            const char *xml, size_t len, struct err *e)
{
    struct db_stmt *st = store_stmt(s, SQ_TMPL_FIND, e);
    if (!st)
        return -1;
    store_bind_text(st, 1, digest);
    int rc = db_step(st);
    int64_t id = rc == DB_ROW ? db_column_int64(st, 0) : -1;
    db_reset(st);
    if (id >= 0)
        return id;
    st = store_stmt(s, SQ_TMPL_ADD, e);
    if (!st)
        return -1;
    store_bind_text(st, 1, digest);
    store_bind_text(st, 2, t->id);
    store_bind_text(st, 3, t->version);
    db_bind_blob(st, 4, xml, len);
    if (store_exec_id(s, st, _("saving the template snapshot"), &id, e) < 0)
        return -1;
    return id;
}

static bool uuid_taken(struct store *s, const char *uuid)
{
    struct db_stmt *st = store_stmt(s, SQ_A_UUID_TAKEN, NULL);
    if (!st)
        return true;
    store_bind_text(st, 1, uuid);
    bool taken = db_step(st) == DB_ROW;
    db_reset(st);
    return taken;
}

/* Inserts the assessment row of a (uuid kept when free, else a new
 * one); fills a->id and a->uuid. Inside a write transaction. */
static int insert_row(struct store *s, struct assessment *a, const char *xml, size_t len,
                      const char *digest, const struct tmpl *t, struct err *e)
{
    int64_t tid = snapshot_row(s, digest, t, xml, len, e);
    if (tid < 0)
        return -1;
    if (!store_uuid_ok(a->uuid) || uuid_taken(s, a->uuid))
        store_new_uuid(a->uuid);
    int64_t now = store_now();
    if (a->created <= 0)
        a->created = now;
    a->updated = now;
    struct db_stmt *st = store_stmt(s, SQ_A_ADD, e);
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
    db_bind_int(st, 9, a->revision > 0 ? a->revision : 1);
    store_bind_text(st, 10, a->replaces_date);
    store_bind_text(st, 11, assess_status_key(a->archived_from));
    store_bind_text(st, 12, a->controller);
    store_bind_text(st, 13, a->dpo_contact);
    store_bind_text(st, 14, a->lang && *a->lang ? a->lang : "en");
    if (store_exec_id(s, st, _("saving the assessment"), &a->id, e) < 0)
        return -1;
    return 0;
}

static const struct tmpl *check_template(struct store *s, const char *xml, size_t len,
                                         const char *method, const struct tmpl *hint,
                                         char digest[65], struct err *e)
{
    if (!xml || len == 0) {
        err_set(e, _("no template given"));
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
        err_set(e, _("template '%s' has no risk method '%s'"), t->id, method);
        return NULL;
    }
    return t;
}

int64_t store_create(struct store *s, const char *title, const char *template_xml,
                     size_t xml_len, const char *method_id, struct err *e)
{
    return store_create_in(s, title, template_xml, xml_len, method_id, "en", e);
}

int64_t store_create_in(struct store *s, const char *title, const char *template_xml,
                        size_t xml_len, const char *method_id, const char *lang, struct err *e)
{
    if (store_check_writable(s, e) < 0)
        return -1;
    if (!title || !*title)
        return err_set(e, _("an assessment needs a title"));
    char digest[65];
    const struct tmpl *t = check_template(s, template_xml, xml_len, method_id, NULL, digest, e);
    if (!t)
        return -1;
    struct assessment a = { 0 };
    a.title = (char *)(uintptr_t)title;
    a.method = (char *)(uintptr_t)(method_id ? method_id : "");
    a.review_date = (char *)(uintptr_t)"";
    a.controller = (char *)(uintptr_t)"";
    a.dpo_contact = (char *)(uintptr_t)"";
    a.lang = (char *)(uintptr_t)(lang && *lang ? lang : "en");
    a.status = ST_DRAFT;
    if (store_txn_begin(s, e) < 0)
        return -1;
    if (insert_row(s, &a, template_xml, xml_len, digest, t, e) < 0 ||
        store_put_team(s, &a, e) < 0 ||
        store_hist_add(s, a.id, "created", "", title, 0, e) < 0 ||
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
    if (a->history_missing)
        return err_set(e, _("the change history of assessment %lld was not read; it cannot be "
                       "copied"), (long long)a->id);
    for (size_t i = 0; i < a->nhistory; i++) {
        const struct change *c = &a->history[i];
        struct db_stmt *st = store_stmt(s, SQ_HIST_ADD, e);
        if (!st)
            return -1;
        db_bind_int64(st, 1, a->id);
        db_bind_int64(st, 2, c->when);
        store_bind_text(st, 3, c->who);
        store_bind_text(st, 4, c->what);
        store_bind_text(st, 5, c->old_value);
        store_bind_text(st, 6, c->new_value);
        /* Where one change of a record's log ends is not known. */
        db_bind_int(st, 7, UNDO_PART_UNKNOWN);
        if (store_exec_id(s, st, _("saving the history"), &a->history_last_id, e) < 0)
            return -1;
    }
    return store_hist_add(s, a->id, what, "", new_value, 0, e);
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
        struct db_stmt *st = store_stmt(s, SQ_ANS_PUT, e);
        if (!st)
            goto fail;
        if (an->revision < 1)
            an->revision = 1;
        db_bind_int64(st, 1, a->id);
        store_bind_text(st, 2, an->question);
        store_bind_text(st, 3, an->value);
        store_bind_text(st, 4, an->note);
        db_bind_int(st, 5, an->flagged);
        store_bind_text(st, 6, an->who && *an->who ? an->who : s->who);
        db_bind_int64(st, 7, an->when > 0 ? an->when : a->created);
        db_bind_int64(st, 8, an->revision);
        if (store_exec(s, st, _("saving an answer"), e) < 0)
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
    for (size_t i = 0; i < a->njudgements; i++)
        if (store_put_judgement(s, a->id, &a->judgements[i], e) < 0)
            goto fail;
    /* After the answers: writing those links them to no workshop. */
    for (size_t i = 0; i < a->nworkshops; i++)
        if (store_put_workshop(s, a->id, &a->workshops[i], e) < 0)
            goto fail;
    /* The summary from what was just written, which is all in a when it
     * holds the template written. Its members (none: whoever stores it
     * owns it), review and comments come last: until it has an owner, a
     * server keeping the roles lets whoever stores it write it whole. */
    if (put_history(s, a, what, new_value ? new_value : a->title, e) < 0 ||
        (a->tmpl == t ? store_touch_from(s, a, e) : store_touch(s, a->id, t, e)) < 0 ||
        store_put_team(s, a, e) < 0 || store_txn_commit(s, e) < 0)
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

/* The copy is a new piece of work: a draft, without the sign-offs and
 * judgements given to the original, nor its workshops (a signature is never carried over to a text its
 * signer has not seen). Answers, risks, measures and the history that
 * led to them are kept, followed by "copied from <uuid>". */
int64_t store_duplicate(struct store *s, int64_t id, struct err *e)
{
    if (store_check_writable(s, e) < 0)
        return -1;
    char *xml = NULL;
    size_t len = 0;
    struct assessment *a = store_load_xml(s, id, 0, &xml, &len, e);
    if (!a)
        return -1;
    char *title = xasprintf(_("Copy of %s"), a->title);
    char from[37];
    snprintf(from, sizeof from, "%s", a->uuid);
    free(a->title);
    a->title = title;
    a->uuid[0] = '\0';
    a->created = 0;
    a->status = ST_DRAFT;
    a->archived_from = ST_DRAFT;
    a->revision = 1;
    free(a->replaces_date);
    a->replaces_date = xstrdup("");
    for (int r = 0; r < SR_COUNT; r++) {
        assess_signoff_clear(&a->signoffs[r]);
        memset(&a->signoffs[r], 0, sizeof a->signoffs[r]);
        a->signoffs[r].advice_followed = -1;
    }
    store_empty_signoffs(a);
    assess_clear_judgements(a);
    assess_clear_workshops(a);
    roles_clear(a); /* whoever copies it owns the copy */
    int64_t nid = insert_all(s, a, xml, len, "copied from", from, e);
    free(xml);
    assess_free(a);
    return nid;
}

int store_delete(struct store *s, int64_t id, struct err *e)
{
    if (store_txn_begin(s, e) < 0)
        return -1;
    struct db_stmt *st = store_stmt(s, SQ_A_DELETE, e);
    if (!st)
        goto fail;
    db_bind_int64(st, 1, id);
    if (store_exec(s, st, _("deleting"), e) < 0)
        goto fail;
    if (db_changes(s->db) == 0) {
        err_set(e, _("there is no assessment %lld"), (long long)id);
        goto fail;
    }
    return store_txn_commit(s, e);
fail:
    store_txn_rollback(s);
    return -1;
}
