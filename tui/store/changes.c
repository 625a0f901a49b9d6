/*
 * Changes to an assessment: answers (with conflict detection), sign-offs,
 * status, title, review date, and the change history.
 *
 * Every change is one transaction: the write, its history rows and the
 * listing's summary (store_touch) are committed together or not at all.
 *
 * History rows are folded only for the saves of one text being typed:
 * the editor saves as it goes, and a paragraph typed over five minutes
 * is one change for the record, not three hundred. Such saves carry
 * the editing session's number; a row is folded into the one before it
 * only when this connection wrote that row, in the same session, for
 * the same thing, less than a minute ago, and nobody wrote a row since.
 * Every other change (a choice, a date, a list, a risk, a sign-off, a
 * status) is a row of its own.
 */
#include "config.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/answer.h"
#include "core/undo.h"
#include "store/store_int.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#define COALESCE_SECONDS 60

int store_hist_add(struct store *s, int64_t aid, const char *what, const char *old_value,
                   const char *new_value, int64_t session, struct err *e)
{
    if (s->hist_mute)
        return 0;
    int64_t now = store_now();
    struct db_stmt *st;
    /* An answer or a note changed while a workshop is open was settled
     * in it: whatever made the change (an answer, a table row, a note),
     * it passes here. */
    const char *qid = strncmp(what, "answer ", 7) == 0 ? what + 7
                      : strncmp(what, "note ", 5) == 0 ? what + 5 : NULL;
    if (qid) {
        if (!(st = store_stmt(s, SQ_WS_SETTLE, e)))
            return -1;
        db_bind_int64(st, 1, aid);
        store_bind_text(st, 2, qid);
        if (store_exec(s, st, _("linking the change to the open workshop"), e) < 0)
            return -1;
    }
    if (session != 0 && session == s->hist_session && s->hist_last > 0) {
        st = store_stmt(s, SQ_HIST_LAST, e);
        if (!st)
            return -1;
        db_bind_int64(st, 1, aid);
        int64_t last = -1;
        if (db_step(st) == DB_ROW) {
            struct store_row r;
            store_row_start(&r, s, st, "history", "id", db_column_int64(st, 0), e);
            int64_t id = store_row_int(&r, 0, INT64_MIN, INT64_MAX);
            int64_t at = store_row_time(&r, 1);
            size_t n;
            bool same = id == s->hist_last && now - at <= COALESCE_SECONDS &&
                        strcmp(store_row_view(&r, 2, &n), s->who) == 0 &&
                        strcmp(store_row_view(&r, 3, &n), what) == 0;
            if (store_row_end(&r) < 0) {
                db_reset(st);
                return -1;
            }
            if (same)
                last = id;
        }
        db_reset(st);
        if (last >= 0) {
            st = store_stmt(s, SQ_HIST_COALESCE, e);
            if (!st)
                return -1;
            db_bind_int64(st, 1, last);
            db_bind_int64(st, 2, now);
            store_bind_text(st, 3, new_value);
            return store_exec(s, st, _("recording the change"), e);
        }
    }
    st = store_stmt(s, SQ_HIST_ADD, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, aid);
    db_bind_int64(st, 2, now);
    store_bind_text(st, 3, s->who);
    store_bind_text(st, 4, what);
    store_bind_text(st, 5, old_value);
    store_bind_text(st, 6, new_value);
    bool more = s->hist_txn_rows && s->hist_txn_aid == aid;
    db_bind_int(st, 7, more ? UNDO_PART_MORE : UNDO_PART_FIRST);
    int64_t id;
    if (store_exec_id(s, st, _("recording the change"), &id, e) < 0)
        return -1;
    s->hist_txn_rows = true;
    s->hist_txn_aid = aid;
    s->hist_last = id;
    s->hist_session = session;
    s->own_rows[s->own_next++ % STORE_OWN_ROWS] = s->hist_last;
    return 0;
}

int store_finish(struct store *s, struct assessment *a, struct err *e)
{
    /* The change is made through a: when a was in step before it, a is
     * what the database holds now, and the summary follows from it. */
    bool from_a = store_in_step(s, a) && (!s->owner || s->owner == a) && s->owner_ok;
    if (s->owner && s->owner != a)
        s->owner_ok = false;
    s->owner = a;
    if (!from_a)
        s->owner_ok = false;
    if ((from_a ? store_touch_from(s, a, e) : store_touch(s, a->id, a->tmpl, e)) < 0 ||
        store_txn_commit(s, e) < 0)
        return -1;
    a->saves++;
    /* Only the copy in memory is behind if this fails: not an error. */
    store_sync_history(s, a, NULL);
    return 0;
}

void store_reread_copy(struct store *s, struct assessment *a)
{
    a->store_of = NULL;
    if (s->depth > 0)
        return;
    /* Nothing can be read now (the server cannot be reached): the copy
     * keeps what it holds, out of step, rather than be emptied. */
    store_read_begin(s);
    if (!s->reading)
        return;
    assess_clear_content(a);
    if (store_load_parts(s, a, NULL) == 0)
        store_stamp(s, a);
    store_read_end(s);
}

int store_finish_copy(struct store *s, struct assessment *a, struct err *e)
{
    if (store_finish(s, a, e) < 0) {
        store_txn_rollback(s);
        store_reread_copy(s, a);
        return -1;
    }
    a->updated = store_now();
    return 0;
}

/* --- answers ----------------------------------------------------------- */

struct stored_answer {
    bool exists;
    char *value, *note, *who;
    bool flagged;
    int64_t revision;
};

static int read_answer(struct store *s, int64_t aid, const char *qid, struct stored_answer *out,
                       struct err *e)
{
    memset(out, 0, sizeof *out);
    struct db_stmt *st = store_stmt(s, SQ_ANS_GET, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, aid);
    store_bind_text(st, 2, qid);
    int rc = db_step(st);
    struct store_row r;
    store_row_start(&r, s, st, "answers", "assessment", aid, e);
    if (rc == DB_ROW) {
        out->exists = true;
        out->value = store_row_text(&r, 0);
        out->note = store_row_text(&r, 1);
        out->flagged = store_row_flag(&r, 2);
        out->revision = store_row_int(&r, 3, 0, STORE_COUNTER_MAX);
        out->who = store_row_text(&r, 4);
    } else {
        out->value = xstrdup("");
        out->note = xstrdup("");
        out->who = xstrdup("");
    }
    db_reset(st);
    if (rc != DB_ROW && rc != DB_DONE)
        return store_db_error(s, _("reading an answer"), e);
    return store_row_end(&r);
}

static void stored_answer_free(struct stored_answer *sa)
{
    free(sa->value);
    free(sa->note);
    free(sa->who);
}

static void remember_answer(struct assessment *a, const char *qid, const char *value,
                            const char *note, bool flagged, const char *who, int64_t when,
                            int64_t revision)
{
    struct answer *an = assess_set_answer(a, qid, value);
    if (!an)
        return;
    store_set_str(&an->note, note);
    store_set_str(&an->who, who);
    an->flagged = flagged;
    an->when = when;
    an->revision = revision;
}

int store_set_answer(struct store *s, struct assessment *a, const char *qid,
                     const char *value, const char *note, bool flagged,
                     int64_t expected_revision, int64_t session, struct err *e)
{
    if (!qid || !*qid)
        return err_set(e, _("no question given"));
    value = value ? value : "";
    note = note ? note : "";
    if (store_txn_begin(s, e) < 0)
        return -1;
    struct stored_answer cur;
    if (read_answer(s, a->id, qid, &cur, e) < 0)
        goto fail;
    /* The check and the write are in one transaction: no other writer
     * can slip in between. */
    if (cur.revision != expected_revision) {
        int rc = store_gone(s, a->id, e);
        if (rc == 0) {
            err_set(e, _("the answer to %s was changed by %s meanwhile; it now reads: %s"), qid,
                    cur.who, *cur.value ? cur.value : "(empty)");
            rc = STORE_CONFLICT;
        }
        store_txn_rollback(s);
        stored_answer_free(&cur);
        return rc;
    }
    bool value_changed = strcmp(cur.value, value) != 0;
    bool note_changed = strcmp(cur.note, note) != 0;
    bool flag_changed = cur.flagged != flagged;
    if (cur.exists && !value_changed && !note_changed && !flag_changed) {
        /* Nothing new (the editor's periodic save): no write at all, and
         * inside a larger change, not a failure of it. */
        stored_answer_free(&cur);
        return store_txn_commit(s, e);
    }
    if (cur.revision >= STORE_COUNTER_MAX) {
        err_set(e, _("the answer to %s has been changed too many times to count"), qid);
        goto fail_cur;
    }
    int64_t now = store_now(), revision = cur.revision + 1;
    struct db_stmt *st = store_stmt(s, SQ_ANS_PUT, e);
    if (!st)
        goto fail_cur;
    db_bind_int64(st, 1, a->id);
    store_bind_text(st, 2, qid);
    store_bind_text(st, 3, value);
    store_bind_text(st, 4, note);
    db_bind_int(st, 5, flagged);
    store_bind_text(st, 6, s->who);
    db_bind_int64(st, 7, now);
    db_bind_int64(st, 8, revision);
    if (store_exec(s, st, _("saving the answer"), e) < 0) {
        /* The only reference an answer has is its assessment. */
        if (db_errkind(s->db) == DB_E_FOREIGN_KEY)
            err_set(e, STORE_GONE_MSG, (long long)a->id);
        goto fail_cur;
    }
    char what[320];
    if (value_changed) {
        snprintf(what, sizeof what, "answer %s", qid);
        if (store_hist_add(s, a->id, what, cur.value, value, session, e) < 0)
            goto fail_cur;
    }
    if (note_changed) {
        snprintf(what, sizeof what, "note %s", qid);
        if (store_hist_add(s, a->id, what, cur.note, note, session, e) < 0)
            goto fail_cur;
    }
    if (flag_changed) {
        snprintf(what, sizeof what, "follow-up %s", qid);
        if (store_hist_add(s, a->id, what, cur.flagged ? "yes" : "no", flagged ? "yes" : "no",
                           0, e) < 0)
            goto fail_cur;
    }
    /* The copy in memory first: the summary is worked out from it. */
    const struct answer *was = assess_answer(a, qid);
    int64_t was_when = was ? was->when : 0;
    remember_answer(a, qid, value, note, flagged, s->who, now, revision);
    if (store_finish(s, a, e) < 0) {
        store_txn_rollback(s);
        store_reread_copy(s, a);
        /* Not read again (the connection is lost): the answer is put
         * back as it is stored, so that saving it again once the
         * database is back is no conflict with itself. */
        if (!store_in_step(s, a))
            remember_answer(a, qid, cur.value, cur.note, cur.flagged, cur.who, was_when,
                            cur.revision);
        stored_answer_free(&cur);
        return -1;
    }
    stored_answer_free(&cur);
    a->updated = now;
    return 0;
fail_cur:
    stored_answer_free(&cur);
fail:
    store_txn_rollback(s);
    return -1;
}

/* --- sign-offs ------------------------------------------------------------ */

int store_set_signoff(struct store *s, struct assessment *a, const struct signoff *so,
                      struct err *e)
{
    if ((int)so->role < 0 || so->role >= SR_COUNT)
        return err_set(e, _("unknown sign-off role"));
    if (so->date && *so->date && !answer_valid_date(so->date))
        return err_set(e, _("'%s' is not a date (YYYY-MM-DD)"), so->date);
    if (store_txn_begin(s, e) < 0)
        return -1;
    struct signoff old;
    memset(&old, 0, sizeof old);
    old.advice_followed = -1;
    struct db_stmt *st = store_stmt(s, SQ_SIGN_GET, e);
    if (!st)
        goto fail;
    db_bind_int64(st, 1, a->id);
    store_bind_text(st, 2, signoff_role_key(so->role));
    if (db_step(st) == DB_ROW) {
        struct store_row r;
        store_row_start(&r, s, st, "signoffs", "assessment", a->id, e);
        int rc = store_read_signoff(&r, 0, &old);
        db_reset(st);
        if (rc < 0)
            goto fail;
    }
    db_reset(st);
    const char *label = so->role == SR_DPO ? _("the sign-off of the DPO")
                      : so->role == SR_ASSESSOR ? _("the sign-off of the assessor")
                      : _("the sign-off of the controller");
    int conflict = store_conflict(label, signoff_fields, nsignoff_fields,
                                  &a->signoffs[so->role], &old, NULL, NULL, e);
    if (conflict && store_gone(s, a->id, e) < 0)
        conflict = -1;
    if (conflict) {
        assess_signoff_clear(&old);
        store_txn_rollback(s);
        return conflict;
    }
    for (size_t i = 0; i < nsignoff_fields; i++) {
        const struct field *f = &signoff_fields[i];
        if (field_same(f, &old, so))
            continue;
        char what[96];
        snprintf(what, sizeof what, "sign-off %s %s", signoff_role_key(so->role), f->name);
        char *ov = field_text(f, &old), *nv = field_text(f, so);
        int rc = store_hist_add(s, a->id, what, ov, nv, 0, e);
        free(ov);
        free(nv);
        if (rc < 0)
            goto fail;
    }
    if (store_put_signoff(s, a->id, so, e) < 0)
        goto fail;
    assess_signoff_clear(&old);
    /* Copy before clearing: so may share strings with the old entry. */
    struct signoff copy;
    assess_signoff_copy(&copy, so);
    assess_signoff_clear(&a->signoffs[so->role]);
    a->signoffs[so->role] = copy;
    return store_finish_copy(s, a, e);
fail:
    assess_signoff_clear(&old);
    store_txn_rollback(s);
    return -1;
}

/* --- metadata ------------------------------------------------------------ */

enum meta { META_TITLE, META_STATUS, META_REVIEW, META_CONTROLLER, META_DPO_CONTACT, META_LANG };

int store_gone(struct store *s, int64_t aid, struct err *e)
{
    struct db_stmt *st = store_stmt(s, SQ_A_META, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, aid);
    int rc = db_step(st);
    db_reset(st);
    if (rc == DB_ROW)
        return 0;
    if (rc == DB_DONE)
        return err_set(e, STORE_GONE_MSG, (long long)aid);
    return store_db_error(s, _("reading an assessment"), e);
}

static int set_meta(struct store *s, struct assessment *a, enum meta which, const char *value,
                    struct err *e)
{
    static const char *const names[] = { "title", "status", "review date", "controller",
                                         "dpo-contact", "language" };
    static const enum store_stmt setters[] = { SQ_A_SET_TITLE, SQ_A_SET_STATUS, SQ_A_SET_REVIEW,
                                               SQ_A_SET_CONTROLLER, SQ_A_SET_DPO_CONTACT,
                                               SQ_A_SET_LANG };
    if (store_txn_begin(s, e) < 0)
        return -1;
    struct db_stmt *st = store_stmt(s, SQ_A_META, e);
    if (!st)
        goto fail;
    db_bind_int64(st, 1, a->id);
    if (db_step(st) != DB_ROW) {
        db_reset(st);
        err_set(e, STORE_GONE_MSG, (long long)a->id);
        goto fail;
    }
    struct store_row r;
    store_row_start(&r, s, st, "assessments", "id", a->id, e);
    char *old = store_row_text(&r, (int)which);
    db_reset(st);
    if (store_row_end(&r) < 0) {
        free(old);
        goto fail;
    }
    /* What the caller read: changed elsewhere since, it is not
     * overwritten without asking. */
    const char *seen = which == META_TITLE ? a->title
                     : which == META_STATUS ? assess_status_key(a->status)
                     : which == META_REVIEW ? a->review_date
                     : which == META_CONTROLLER ? a->controller
                     : which == META_LANG ? a->lang : a->dpo_contact;
    if (seen && strcmp(old, seen) != 0 && strcmp(old, value) != 0) {
        err_set(e, which == META_TITLE ? _("the title was changed in another session meanwhile "
                                           "(%s \xe2\x86\x92 %s)")
                   : which == META_STATUS ? _("the status was changed in another session "
                                              "meanwhile (%s \xe2\x86\x92 %s)")
                   : which == META_REVIEW ? _("the review date was changed in another session "
                                              "meanwhile (%s \xe2\x86\x92 %s)")
                   : which == META_CONTROLLER ? _("the controller was changed in another session "
                                                  "meanwhile (%s \xe2\x86\x92 %s)")
                   : which == META_LANG ? _("the language was changed in another session "
                                            "meanwhile (%s \xe2\x86\x92 %s)")
                   : _("the DPO's contact details was changed in another session meanwhile "
                       "(%s \xe2\x86\x92 %s)"),
                seen, old);
        free(old);
        store_txn_rollback(s);
        return STORE_CONFLICT;
    }
    if (strcmp(old, value) == 0) {
        /* Nothing to write; inside a larger change, not a failure. */
        free(old);
        return store_txn_commit(s, e);
    }
    st = store_stmt(s, setters[which], e);
    int rc = -1;
    if (st) {
        db_bind_int64(st, 1, a->id);
        store_bind_text(st, 2, value);
        rc = store_exec(s, st, _("saving"), e);
    }
    if (rc == 0)
        rc = store_hist_add(s, a->id, names[which], old, value, 0, e);
    free(old);
    if (rc < 0 || store_finish(s, a, e) < 0)
        goto fail;
    a->updated = store_now();
    return 0;
fail:
    store_txn_rollback(s);
    return -1;
}

int store_set_status(struct store *s, struct assessment *a, enum assess_status st, struct err *e)
{
    if ((int)st < 0 || st >= ST_COUNT)
        return err_set(e, _("unknown status"));
    if (store_txn_begin(s, e) < 0)
        return -1;
    if (st == ST_ARCHIVED) {
        struct db_stmt *q = store_stmt(s, SQ_A_SET_ARCHIVED_FROM, e);
        if (!q)
            goto fail;
        db_bind_int64(q, 1, a->id);
        if (store_exec(s, q, _("archiving"), e) < 0)
            goto fail;
    }
    int rc = set_meta(s, a, META_STATUS, assess_status_key(st), e);
    if (rc < 0) {
        store_txn_rollback(s);
        return rc;
    }
    if (store_txn_commit(s, e) < 0)
        goto fail;
    if (st == ST_ARCHIVED && a->status != ST_ARCHIVED)
        a->archived_from = a->status;
    a->status = st;
    return 0;
fail:
    store_txn_rollback(s);
    return -1;
}

int store_set_title(struct store *s, struct assessment *a, const char *title, struct err *e)
{
    if (!title || !*title)
        return err_set(e, _("an assessment needs a title"));
    int rc = set_meta(s, a, META_TITLE, title, e);
    if (rc < 0)
        return rc;
    store_set_str(&a->title, title);
    return 0;
}

int store_set_review_date(struct store *s, struct assessment *a, const char *date, struct err *e)
{
    date = date ? date : "";
    if (*date && !answer_valid_date(date))
        return err_set(e, _("'%s' is not a date (YYYY-MM-DD)"), date);
    int rc = set_meta(s, a, META_REVIEW, date, e);
    if (rc < 0)
        return rc;
    store_set_str(&a->review_date, date);
    return 0;
}

int store_set_controller(struct store *s, struct assessment *a, const char *text, struct err *e)
{
    text = text ? text : "";
    int rc = set_meta(s, a, META_CONTROLLER, text, e);
    if (rc < 0)
        return rc;
    store_set_str(&a->controller, text);
    return 0;
}

int store_set_dpo_contact(struct store *s, struct assessment *a, const char *text,
                          struct err *e)
{
    text = text ? text : "";
    int rc = set_meta(s, a, META_DPO_CONTACT, text, e);
    if (rc < 0)
        return rc;
    store_set_str(&a->dpo_contact, text);
    return 0;
}

int store_set_lang(struct store *s, struct assessment *a, const char *lang, struct err *e)
{
    if (!lang || !i18n_known(lang))
        return err_set(e, _("'%s' is not a language dpia speaks (en, fr, de)"), lang ? lang : "");
    /* The template's text in the new language, before anything is
     * written: a snapshot that cannot be read again changes nothing. */
    struct db_stmt *st = store_stmt(s, SQ_A_TMPL_XML, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, a->id);
    if (db_step(st) != DB_ROW) {
        db_reset(st);
        return err_set(e, STORE_GONE_MSG, (long long)a->id);
    }
    size_t xml_len;
    const void *xml = db_column_blob(st, 0, &xml_len);
    struct tmpl *t = tmpl_parse_snapshot_in(xml, xml_len, _("template snapshot"), lang, e);
    db_reset(st);
    if (!t)
        return -1;
    /* The summary the list shows (the highest risk's level) is made
     * again with the new language's names. */
    struct tmpl *before = a->tmpl;
    a->tmpl = t;
    int rc = set_meta(s, a, META_LANG, lang, e);
    if (rc < 0) {
        a->tmpl = before;
        tmpl_free(t);
        return rc;
    }
    tmpl_free(before);
    store_set_str(&a->lang, lang);
    return 0;
}

/* --- judgements ------------------------------------------------------------ */

static bool judgement_same(const struct judgement *x, const struct judgement *y)
{
    if (!x || !y)
        return !x && !y;
    return x->verdict == y->verdict && strcmp(x->comment, y->comment) == 0 &&
           strcmp(x->name, y->name) == 0 && strcmp(x->date, y->date) == 0;
}

int store_set_judgement(struct store *s, struct assessment *a, const struct judgement *j,
                        struct err *e)
{
    if (!j->section || !*j->section)
        return err_set(e, _("a judgement needs a section"));
    if ((int)j->verdict < 0 || j->verdict >= VD_COUNT)
        return err_set(e, _("unknown verdict"));
    if (j->date && *j->date && !answer_valid_date(j->date))
        return err_set(e, _("'%s' is not a date (YYYY-MM-DD)"), j->date);
    /* A copy: j may be the one in a->judgements, which this replaces. */
    struct judgement want;
    assess_judgement_copy(&want, j);
    struct judgement old = { 0 };
    bool had = false;
    if (store_txn_begin(s, e) < 0)
        goto out;
    /* An assessment deleted in another session is said to be gone, not
     * a judgement changed there. */
    if (store_gone(s, a->id, e) < 0)
        goto fail;
    struct db_stmt *st = store_stmt(s, SQ_JUDG_GET, e);
    if (!st)
        goto fail;
    db_bind_int64(st, 1, a->id);
    store_bind_text(st, 2, want.section);
    int step = db_step(st);
    if (step == DB_ROW) {
        struct store_row r;
        store_row_start(&r, s, st, "judgements", "assessment", a->id, e);
        int rc = store_read_judgement(&r, 0, &old);
        db_reset(st);
        if (rc < 0)
            goto fail;
        had = old.verdict != VD_NONE;
    } else if (step != DB_DONE) {
        store_db_error(s, _("reading a judgement"), e);
        db_reset(st);
        goto fail;
    }
    db_reset(st);
    /* What the caller read: changed elsewhere since, it is not
     * overwritten without asking. */
    const struct judgement *seen = assess_judgement(a, want.section);
    const struct judgement *stored = had ? &old : NULL;
    const struct judgement *wanted = want.verdict != VD_NONE ? &want : NULL;
    if (!judgement_same(seen, stored) && !judgement_same(stored, wanted)) {
        char *sv = assess_judgement_text(seen), *ov = assess_judgement_text(stored);
        err_set(e, _("the judgement of section %s was changed in another session meanwhile "
                "(%s \xe2\x86\x92 %s)"), want.section, *sv ? sv : _("(none)"),
                *ov ? ov : _("(none)"));
        free(sv);
        free(ov);
        store_txn_rollback(s);
        assess_judgement_clear(&old);
        assess_judgement_clear(&want);
        return STORE_CONFLICT;
    }
    if (judgement_same(stored, wanted)) {
        /* Nothing to write; the copy in memory takes what is stored. */
        assess_set_judgement(a, &want);
        assess_judgement_clear(&old);
        assess_judgement_clear(&want);
        return store_txn_commit(s, e);
    }
    if (wanted) {
        if (store_put_judgement(s, a->id, &want, e) < 0)
            goto fail;
    } else {
        if (!(st = store_stmt(s, SQ_JUDG_DEL, e)))
            goto fail;
        db_bind_int64(st, 1, a->id);
        store_bind_text(st, 2, want.section);
        if (store_exec(s, st, _("removing a judgement"), e) < 0)
            goto fail;
    }
    char what[160];
    snprintf(what, sizeof what, "judgement %s", want.section);
    char *ov = assess_judgement_text(stored), *nv = assess_judgement_text(wanted);
    int rc = store_hist_add(s, a->id, what, ov, nv, 0, e);
    free(ov);
    free(nv);
    if (rc < 0)
        goto fail;
    assess_set_judgement(a, &want);
    assess_judgement_clear(&old);
    assess_judgement_clear(&want);
    return store_finish_copy(s, a, e);
fail:
    store_txn_rollback(s);
out:
    assess_judgement_clear(&old);
    assess_judgement_clear(&want);
    return -1;
}

/* --- history ------------------------------------------------------------- */

int store_sync_history(struct store *s, struct assessment *a, struct err *e)
{
    /* Not read, or read from elsewhere (a record) and not yet stored:
     * nothing to bring up to date. */
    int64_t last = a->nhistory ? a->history_last_id : 0;
    if (a->history_missing || (a->nhistory && last <= 0))
        return 0;
    struct db_stmt *st = store_stmt(s, SQ_HIST_SINCE, e);
    if (!st)
        return -1;
    /* From the last entry in memory, by its id: an edit may have been
     * folded into it since. */
    db_bind_int64(st, 1, a->id);
    db_bind_int64(st, 2, last);
    bool first = true;
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        int64_t id = db_column_int64(st, 5);
        struct store_row r;
        store_row_start(&r, s, st, "history", "id", id, e);
        size_t n;
        int64_t when = store_row_time(&r, 0);
        const char *who = store_row_view(&r, 1, &n);
        const char *what = store_row_view(&r, 2, &n);
        const char *ov = store_row_view(&r, 3, &n);
        const char *nv = store_row_view(&r, 4, &n);
        if (store_row_end(&r) < 0) {
            db_reset(st);
            return -1;
        }
        a->history_last_id = id;
        if (first && a->nhistory && id == last) {
            struct change *c = &a->history[a->nhistory - 1];
            c->when = when;
            store_set_str(&c->who, who);
            store_set_str(&c->what, what);
            store_set_str(&c->old_value, ov);
            store_set_str(&c->new_value, nv);
        } else {
            assess_add_change(a, when, who, what, ov, nv);
        }
        first = false;
    }
    db_reset(st);
    return rc == DB_DONE ? 0 : store_db_error(s, _("reading the history"), e);
}

int store_load_history(struct store *s, struct assessment *a, struct err *e)
{
    if (!a->history_missing)
        return 0;
    a->history_missing = false;
    store_read_begin(s);
    int rc = store_sync_history(s, a, e);
    store_read_end(s);
    if (rc < 0)
        a->history_missing = true;
    return rc;
}
