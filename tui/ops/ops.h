/*
 * ops: every user action, once. The interface and the command line call
 * these and nothing else to change an assessment, so the workflow rules
 * of core/workflow.h hold the same everywhere: each function checks the
 * rules, then writes through the store (and the reports, for exports
 * and the record a new revision keeps). Neither caller checks or
 * bypasses a rule on its own; both show the reasons these give.
 *
 * May use the store, the reports, io, the core and util; knows no
 * screen and prints nothing. Functions return 0 on success and -1 with
 * e filled (a sentence for people) on failure; those that can be refused
 * for several reasons at once also fill a wf_list with every reason.
 * Nothing is written when they fail.
 */
#ifndef DPIA_OPS_H
#define DPIA_OPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "core/assess.h"
#include "core/date.h"
#include "core/diff.h"
#include "core/roles.h"
#include "core/workflow.h"
#include "io/io.h"
#include "report/report.h"
#include "store/store.h"
#include "util/err.h"
#include "util/sink.h"

/* Today's local date, YYYY-MM-DD: what "overdue" is measured against
 * and the default date of a sign-off. */
void ops_today(char out[16]);

/* A date as a person wrote it (the forms of core/date.h: 2026-03-31,
 * 31/03/2026, 31.03.2026, or +6m from today) into out as YYYY-MM-DD;
 * "" for an empty text. Every op that takes a date reads it through
 * this, so the interface and the command line take the same forms.
 * Returns 0, or -1 with e saying which forms are accepted. */
int ops_date(const char *text, char out[DATE_ISO_SIZE], struct err *e);

/* A new editing session of one text (see store_set_answer): the saves
 * made with it are one entry of the change log. Never 0. */
int64_t ops_edit_session(void);

/* --- people and roles --------------------------------------------------------- */

/* Every change is made by the store's who (store_who: the login, or
 * DPIA_USER) and first asked of the rules of core/roles.h: its role on
 * the assessment allows it (a reader changes nothing, only the DPO
 * records the DPO's advice and judgements, only the decision-maker the
 * decision; while nobody holds one of those, an owner does), or the op
 * is refused with one sentence naming the role needed and who holds it.
 *
 * A record made on someone's behalf: the DPO's sign-off, a judgement or
 * the decision recorded by someone allowed to change the assessment for
 * the person who may record it (person), with the reason why. The change
 * log then says "recorded by WHO on behalf of PERSON (ROLE): REASON",
 * and the record keeps it (core/roles.h, struct behalf). NULL, or a
 * NULL person: recorded by oneself (which forgets an earlier record made
 * on one's behalf for the same thing). */
struct ops_behalf {
    const char *person;
    const char *reason;
};
/* The role check of an op for act, or of a record made on b's behalf;
 * and, once the record is written, keeping (or forgetting) the fact in
 * the same change. For the ops' own use and their tests. */
int ops_check_roles(struct store *s, const struct assessment *a, enum role_act act,
                    const struct ops_behalf *b, struct err *e);
int ops_record_behalf(struct store *s, struct assessment *a, const char *what,
                      enum role_act act, const struct ops_behalf *b, struct err *e);

/* Members: add person with role (add true; refused when a member
 * already), change their role, or remove them (role -1). Only an owner
 * does; one owner always remains. In the change log as "member PERSON". */
int ops_member(struct store *s, struct assessment *a, const char *person, int role, bool add,
               struct err *e);

/* A step of the review (core/roles.h): asked of the DPO by an owner or a
 * contributor (status "review"), returned with comments (a draft again)
 * or passed to the decision-maker by the DPO, or returned by the
 * decision-maker; comment ("" or NULL: none) goes with it. */
int ops_review(struct store *s, struct assessment *a, enum review_kind k, const char *comment,
               struct err *e);
/* Comments on questions: a new thread on question qid, a reply to the
 * thread of comment `number`, the thread of comment `number` resolved
 * (by its author, an owner or the DPO). The new comment's number in
 * *out (may be NULL). */
int ops_comment(struct store *s, struct assessment *a, const char *qid, const char *text,
                int *out, struct err *e);
int ops_comment_reply(struct store *s, struct assessment *a, int number, const char *text,
                      int *out, struct err *e);
int ops_comment_resolve(struct store *s, struct assessment *a, int number, struct err *e);
/* The thread of comment `number`, resolved, open again (by the same
 * people). */
int ops_comment_reopen(struct store *s, struct assessment *a, int number, struct err *e);
/* What waits for the store's who across the assessments (not archived)
 * they are a member of: the rows, each with waiting_for() its bits, and
 * only those where something waits. The caller frees with waiting_free. */
int ops_waiting(struct store *s, struct waiting_row **out, size_t *n, struct err *e);

/* --- answers and records --------------------------------------------------- */

/* Every text a person gives (an answer and its note, a title, the text
 * fields of risks, measures and sign-offs) is held to the rule of
 * core/textrule.h: valid UTF-8, no NUL, no control character but the
 * line breaks and tabs of a field of several lines, no bidirectional
 * control. A text that breaks it is refused with the reason and the byte
 * offset, nothing written; the fields an update leaves as they were are
 * not checked again. */

/* A new assessment of that template (its XML, kept as the snapshot)
 * with that title and risk method (NULL: the template's default),
 * written in language lang ("en", "fr", "de"; NULL: the interface's).
 * Returns its id, or -1 with e. */
int64_t ops_create(struct store *s, const char *title, const char *template_xml, size_t len,
                   const char *method_id, const char *lang, struct err *e);
/* The language a is written in: its template's text, its reports. */
int ops_set_lang(struct store *s, struct assessment *a, const char *lang, struct err *e);

/* Sets the answer to qid from raw (as typed: checked and put in its
 * canonical form; "" clears it). note NULL and flagged -1 keep what is
 * there. expected_revision is the revision of the answer the caller
 * read: when another session changed it since, STORE_CONFLICT with the
 * current value in e, nothing written. session: ops_edit_session() for
 * the saves of a text being typed, else 0. */
int ops_answer(struct store *s, struct assessment *a, const char *qid, const char *raw,
               const char *note, int flagged, int64_t expected_revision, int64_t session,
               struct err *e);
/* The same keeping the value, to change the note or the flag alone. */
int ops_annotate(struct store *s, struct assessment *a, const char *qid, const char *note,
                 int flagged, struct err *e);

/* The rows of table question qid (core/table.h), each change made as an
 * answer of the whole table through ops_answer (so checked, logged and
 * refused on a conflict the same way). cells are "COLUMN=VALUE", the
 * column by its id, the value in its column's loose form. ops_table_add
 * adds a row and gives its number; ops_table_set changes the cells
 * named of row `number` ("" empties one); ops_table_delete removes it,
 * refused while another row or a risk cites it. A row reference is
 * read by ops_table_row ("D3" or "3"): its number, or -1 with e. */
int ops_table_add(struct store *s, struct assessment *a, const char *qid, char *const *cells,
                  size_t ncells, int *number, struct err *e);
int ops_table_set(struct store *s, struct assessment *a, const char *qid, int number,
                  char *const *cells, size_t ncells, struct err *e);
int ops_table_delete(struct store *s, struct assessment *a, const char *qid, int number,
                     struct err *e);
int ops_table_row(const struct tmpl_question *q, const char *ref, struct err *e);

int ops_add_risk(struct store *s, struct assessment *a, struct risk *r, struct err *e);
int ops_update_risk(struct store *s, struct assessment *a, const struct risk *r,
                    struct err *e);
int ops_delete_risk(struct store *s, struct assessment *a, int64_t risk_id, struct err *e);
int ops_add_measure(struct store *s, struct assessment *a, struct measure *m, struct err *e);
int ops_update_measure(struct store *s, struct assessment *a, const struct measure *m,
                       struct err *e);
int ops_delete_measure(struct store *s, struct assessment *a, int64_t measure_id,
                       struct err *e);

/* The dates these take (a measure's due date, a sign-off's date, the
 * review date, the answer to a date question) may be written in any
 * form ops_date reads; they are stored as YYYY-MM-DD. */

/* The DPO's or the assessor's sign-off (the controller's is the
 * decision). An empty date becomes today. */
int ops_signoff(struct store *s, struct assessment *a, const struct signoff *so,
                struct err *e);
/* The same, recorded on someone's behalf (b NULL: by oneself). */
int ops_signoff_for(struct store *s, struct assessment *a, const struct signoff *so,
                    const struct ops_behalf *b, struct err *e);
/* The text fields of so (a sign-off of its role) that differ from the
 * one recorded, against the text rule. */
int ops_check_signoff_texts(const struct assessment *a, const struct signoff *so,
                            struct err *e);
int ops_set_title(struct store *s, struct assessment *a, const char *title, struct err *e);
int ops_set_review_date(struct store *s, struct assessment *a, const char *date,
                        struct err *e);
/* The controller organisation and the DPO's contact details (Art.
 * 36(3)(d)): free text of several lines, "" clears; like the title, not
 * on a decided revision. */
int ops_set_controller(struct store *s, struct assessment *a, const char *text, struct err *e);
int ops_set_dpo_contact(struct store *s, struct assessment *a, const char *text, struct err *e);
/* The DPO's judgement of section j->section: acceptable or to be
 * improved, with a comment (NULL: none), a name (NULL or "": the store's
 * who) and a date (any form ops_date reads; "" or NULL: today); verdict
 * VD_NONE removes it. Not on a decided revision. STORE_CONFLICT when
 * another session changed that judgement since a was read. */
int ops_judge(struct store *s, struct assessment *a, const struct judgement *j, struct err *e);
int ops_judge_for(struct store *s, struct assessment *a, const struct judgement *j,
                  const struct ops_behalf *b, struct err *e);

/* --- workshops ------------------------------------------------------------- */

/* Starts a workshop on a: w's date (any form ops_date reads; "" or
 * NULL: today), place, agenda (section ids, comma-separated) and
 * participants are checked and kept; w is filled with its number, start
 * and who ran it. Refused on a decided or archived assessment and while
 * another workshop is open. From then on every question whose answer or
 * note changes is linked to it, until ops_workshop_end closes it with
 * its minutes ("" or NULL: none) and open points. */
int ops_workshop_start(struct store *s, struct assessment *a, struct workshop *w,
                       struct err *e);
int ops_workshop_end(struct store *s, struct assessment *a, const char *minutes,
                     const struct ws_point *points, size_t npoints, struct err *e);
/* Reads "Name|role|organisation|yes" (the last three may be left out;
 * yes or no: represents the people concerned) into p, and "text|who"
 * into a point; -1 with e when the text is not of that form. */
int ops_workshop_participant(const char *text, struct ws_participant *p, struct err *e);
int ops_workshop_point(const char *text, struct ws_point *p, struct err *e);

/* --- undo ---------------------------------------------------------------------- */

/* Undoes the latest change of a still standing in its change log (an
 * answer, a note, a follow-up flag, a risk or measure added, changed or
 * deleted, a sign-off), repeatedly further back: undos and the changes
 * they undid are passed over. The undo is a change like any other: the
 * workflow rules (a decided revision stays as signed; an answer brought
 * back meets the rule of answers), the text rule for every value
 * brought back, the conflict checks, and entries "undone: WHAT" in the
 * change log. The change of
 * someone else (another who) is undone only with theirs; without it,
 * OPS_THEIRS is returned with who and what filled and nothing written,
 * so that the caller may ask. When the change log does not hold what
 * the undo needs, -1 with e saying so. On success out->message is one
 * line for people naming what came back. The caller frees out with
 * ops_undo_free whatever the result. */
#define OPS_THEIRS STORE_OTHERS
struct ops_undo {
    char *who;        /* who made the change (NULL when none was found) */
    char *what;       /* its entry in the change log ("answer dsc.purpose") */
    char *old_value;  /* the entry's values */
    char *new_value;
    char *message;    /* "Undone: the answer to ... is back to ..." */
};
int ops_undo(struct store *s, struct assessment *a, bool theirs, struct ops_undo *out,
             struct err *e);
void ops_undo_free(struct ops_undo *u);

/* --- drafts ------------------------------------------------------------------ */

/* What a person is typing in a form or a dialog and has not saved yet,
 * kept by the interface about once a second so that a crash loses
 * little of it: by assessment, key (what the form edits: "risk:new",
 * "risk:12", "note:QID", "entry:QID:new", "signoff:dpo", "decision",
 * "judgement:SECTION", "contacts")
 * and the store's who. Not a change to the assessment: no rule to
 * check, nothing in the change log. ops_draft_load returns the draft
 * (the caller frees) or NULL when there is none (e->text empty) or it
 * cannot be read (e filled). */
int ops_draft_save(struct store *s, int64_t id, const char *key, const char *content,
                   struct err *e);
char *ops_draft_load(struct store *s, int64_t id, const char *key, struct err *e);
int ops_draft_drop(struct store *s, int64_t id, const char *key, struct err *e);

/* --- the workflow ------------------------------------------------------------- */

/* The controller's decision d by `by` (name, position, date: today when
 * empty, comment: the conditions). Refused with every reason in why
 * (-1); when only warnings stand and acknowledged is false, returns 1
 * with them in why and writes nothing. Once taken, the warnings are kept
 * with the decision and the status follows it. */
int ops_decide(struct store *s, struct assessment *a, enum decision d,
               const struct signoff *by, bool acknowledged, struct wf_list *why,
               struct err *e);
/* The same, recorded on someone's behalf (b NULL: by oneself). While the
 * review is with the DPO (someone holding that role), it waits. */
int ops_decide_for(struct store *s, struct assessment *a, enum decision d,
                   const struct signoff *by, bool acknowledged, const struct ops_behalf *b,
                   struct wf_list *why, struct err *e);
/* Closes an assessment whose screening concluded no DPIA is needed, as
 * "DPIA not required", with the DPO's sign-off already recorded. */
int ops_close(struct store *s, struct assessment *a, struct wf_list *why, struct err *e);
/* The same, recorded by someone on the decision-maker's behalf (b); NULL:
 * by whoever may. */
int ops_close_for(struct store *s, struct assessment *a, const struct ops_behalf *b,
                  struct wf_list *why, struct err *e);
/* Draft or in review only; every other status comes from its action.
 * From draft to review is asking for the review (ops_review, RV_REQUEST),
 * from review to draft returning it (RV_RETURN), with their rules. */
int ops_set_status(struct store *s, struct assessment *a, enum assess_status to,
                   struct err *e);
/* Keeps revision n exactly as signed (its XML record) and opens n + 1
 * with no sign-offs. */
int ops_revise(struct store *s, struct assessment *a, struct err *e);
int ops_archive(struct store *s, struct assessment *a, struct err *e);
/* Brings an archived assessment back with the status it had. */
int ops_restore(struct store *s, struct assessment *a, struct err *e);

/* A copy under a new id: a draft, revision 1, no sign-offs. */
int64_t ops_duplicate(struct store *s, int64_t id, struct err *e);
/* Deletes an assessment, its revisions and its change log for good. */
int ops_delete(struct store *s, int64_t id, struct err *e);

/* --- records, revisions, exports ------------------------------------------- */

/* Loads assessment id as it is now (revision 0 or its current number),
 * leaving out what flags say (STORE_LOAD_NO_HISTORY: the change history)
 * or as closed revision `revision` was signed (from the record kept).
 * The snapshot XML of its template in *tmpl_xml when not NULL. With
 * a->since filled: what changed since the revision it replaces. The
 * caller frees both. NULL with e. */
struct assessment *ops_load(struct store *s, int64_t id, int revision, unsigned flags,
                            char **tmpl_xml, size_t *tmpl_len, struct err *e);

/* Fills a->since from the record of the revision a replaces, when there
 * is one and a does not carry it already. */
int ops_fill_since(struct store *s, struct assessment *a, struct err *e);

/* What changed between two revisions of id (0: the one in force). */
int ops_diff(struct store *s, int64_t id, int from, int to, struct diff *out, struct err *e);

struct ops_export {
    enum report_format format;
    int revision;            /* 0: the revision in force */
    const char *stylesheet;  /* HTML: a file; NULL: the user's report.xsl
                                when there is one, else the built-in one */
    bool with_guidance;      /* reports: the template's guidance too */
    bool full_history;       /* reports: the change log whole */
    const char *lang;        /* reports: "en", "fr", "de"; NULL: the assessment's */
};
struct io_settings;
/* The export defaults of the user's settings cfg in x: the format
 * (when export-format names one; a name dpia does not write becomes a
 * warning in cfg), with-guidance and full-history. What the settings
 * leave unset keeps x's value. */
void ops_export_defaults(struct io_settings *cfg, struct ops_export *x);
/* Writes the export to out. The XML of a closed revision is the record
 * kept, byte for byte. */
int ops_export(struct store *s, int64_t id, const struct ops_export *x, const struct sink *out,
               struct err *e);
/* The same into a file, written under a temporary name and renamed into
 * place (io_out_open: only a regular file, an existing one only with
 * IO_OUT_FORCE in flags, a symbolic link followed only with
 * IO_OUT_FOLLOW; never the database or a file SQLite keeps beside it).
 * guard: a signal removes the temporary file (a program that a signal
 * may end while it writes). */
int ops_export_file(struct store *s, int64_t id, const struct ops_export *x, const char *path,
                    unsigned flags, bool guard, struct err *e);
/* Any file the same way (s may be NULL when there is no database):
 * fill writes its bytes to out (0, or -1 with e), and the file takes
 * the target's place only when it succeeded. */
int ops_write_file(struct store *s, const char *path, unsigned flags, bool guard,
                   int (*fill)(void *ctx, const struct sink *out, struct err *e), void *ctx,
                   struct err *e);

/* Today for a report: the date (UTC) of SOURCE_DATE_EPOCH when it is
 * set, so that a report made again is the same, else ops_today. */
void ops_report_today(char out[16]);
/* The register (core/register.h): every assessment (the archived ones
 * too with all), of status st only when st >= 0, settled on today
 * ("YYYY-MM-DD") and sorted by `by`. Reads no assessment whole. 0, or
 * -1 with e. reg_free frees it. */
int ops_register(struct store *s, bool all, int st, enum reg_sort by, const char *today,
                 struct reg *out, struct err *e);

/* Reads an XML record file, or the record a PDF made by dpia carries
 * (report_pdf_record), checked whole (schema, digests, values), into
 * an assessment not yet stored, with its template snapshot; the caller
 * frees both. NULL with e. */
struct assessment *ops_read_record(const char *path, char **tmpl_xml, size_t *tmpl_len,
                                   struct err *e);
/* Stores what ops_read_record read as a new assessment; its id in *id. */
int ops_import(struct store *s, struct assessment *a, const char *tmpl_xml, size_t tmpl_len,
               int64_t *id, struct err *e);
/* Both: reads a record file (XML, or a PDF carrying it) into a new
 * assessment; its id in *id. */
int ops_import_file(struct store *s, const char *path, int64_t *id, struct err *e);

/* --- copying between databases -------------------------------------------- */

/* dpia copy: every assessment of from (the archived ones too), oldest
 * first, whole (store_copy_read), into to, all in one transaction of
 * to: all or nothing. An assessment whose uuid to holds already is left
 * out with skip_existing; without it the copy is refused when there is
 * one, each such assessment told to `each` (OPS_COPY_TAKEN), nothing
 * written. With dry_run everything is read and checked, nothing
 * written, and to may be NULL (a database not made yet). After the
 * commit (or the dry run) `each` is told what became of every
 * assessment, in order. */
enum ops_copy_what { OPS_COPY_DONE, OPS_COPY_SKIPPED, OPS_COPY_TAKEN };
struct ops_copy_item {
    enum ops_copy_what what;
    int64_t from_id;
    int64_t to_id;      /* the copy (0 in a dry run), or the one already there */
    const char *uuid;
    const char *title;
};
struct ops_copy {
    bool skip_existing, dry_run;
    void (*each)(const struct ops_copy_item *it, void *ctx);
    void *ctx;
    size_t copied, skipped, taken;  /* out */
};
int ops_copy(struct store *from, struct store *to, struct ops_copy *o, struct err *e);

/* --- live on several terminals --------------------------------------------- */

/* An assessment open on a screen follows what other sessions change in
 * it: ops_live_poll, called about once a second, refreshes this
 * session's presence row (on which question it is, question NULL or ""
 * for none) and looks whether another connection has committed anything
 * (SQLite's data_version: nothing is read when nothing moved). It
 * returns OPS_LIVE_CHANGED when the assessment was changed elsewhere
 * (then *message, which the caller frees, says what and by whom, or is
 * NULL), OPS_LIVE_PRESENCE when only who else has it open changed (in
 * l->others), OPS_LIVE_NONE otherwise. With hold (the person is editing
 * the question: typing, choosing), changes are left for a later poll and
 * the row says this session is editing it. aid 0 watches the whole database
 * (the list of assessments): no presence row, OPS_LIVE_CHANGED whenever
 * anything was committed elsewhere. ops_live_end removes this session's
 * presence row. Presence rows older than OPS_PRESENCE_MAX_AGE seconds
 * are of sessions that have ended and are not shown. */
#define OPS_PRESENCE_MAX_AGE 30
enum { OPS_LIVE_NONE, OPS_LIVE_PRESENCE, OPS_LIVE_CHANGED };
struct ops_live {
    struct store *store;
    int64_t aid;
    bool started;
    int64_t version;           /* data_version last seen */
    struct store_watch mark;   /* the newest change-log entry seen */
    char question[256];        /* the question of this session's row */
    bool editing;              /* whether that row says editing it */
    time_t put_at;             /* when that row was last written */
    time_t presence_read;      /* when the others' rows were last read */
    struct store_presence *others;
    size_t nothers;
};
void ops_live_start(struct store *s, struct ops_live *l, int64_t aid);
int ops_live_poll(struct store *s, struct ops_live *l, const char *question, bool hold,
                  char **message);
void ops_live_end(struct ops_live *l);
/* After the caller read the assessment again for a reason of its own
 * (a conflict, coming back to the screen): what is in the database now
 * has been seen, and is not said again. */
void ops_live_seen(struct store *s, struct ops_live *l);
/* This session starts (editing) or ends editing question: its row says
 * so at once, not at the next poll (a box over the screen, such as the
 * note or a table, keeps the polls away while it is open). */
void ops_live_editing(struct store *s, struct ops_live *l, const char *question, bool editing);
/* How many other sessions are on question qid; how many are editing it. */
size_t ops_live_others_on(const struct ops_live *l, const char *qid);
size_t ops_live_editing_on(const struct ops_live *l, const char *qid);
/* One line for people saying what an entry of the change log did and
 * who did it ("Dana changed the answer to scr.project."); the caller
 * frees. */
char *ops_live_describe(const struct assessment *a, const struct change *c);

#endif
