/*
 * store: assessments in one SQLite file. All SQL of the program lives in
 * this folder; nothing here knows the screen or the report formats. It
 * loads an assessment into the core's struct assessment and writes
 * changes back, one committed transaction per change, each change also
 * recorded in the history (who, when, what, old and new value).
 *
 * Every function that can fail returns -1 (or NULL) and fills e with a
 * message for people (no "dpia: " prefix).
 */
#ifndef DPIA_STORE_H
#define DPIA_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/assess.h"
#include "core/register.h"
#include "core/roles.h"
#include "util/err.h"

struct store;

/* Whether a database argument names a database on a PostgreSQL server
 * (it starts with postgresql:// or postgres://: a libpq URL) rather
 * than an SQLite file. store_open and store_open_shared take either; on
 * a server what only a file has (its mode, --shared, the log beside it,
 * store_backup) does not apply. */
bool store_names_server(const char *db);

/* Opens (creating when absent, folders included, mode 0600) the
 * database at path; read_only opens without creating or writing. A file
 * that is not a dpia database, or comes from a newer dpia, is refused
 * and left untouched. A file the user cannot write opens read-only: the
 * first write fails with a clear message. `who` is recorded as the
 * author of changes (NULL: $DPIA_USER, else the login name). */
struct store *store_open(const char *path, bool read_only, const char *who, struct err *e);
/* The same, with shared: a database that does not exist yet is made for
 * a group (mode 0660, its -wal and -shm files too, in a folder with the
 * setgid bit so that they keep its group); an existing one keeps its
 * mode. A database on a file system shared over the network (NFS,
 * SMB/CIFS and the like) is refused by both, before anything is written. */
struct store *store_open_shared(const char *path, bool read_only, bool shared, const char *who,
                                struct err *e);
/* Closing a store that may write first moves what the log of changes
 * (the -wal file beside the database) holds into the database file and
 * empties the log, so that once no dpia runs the one file holds every
 * answer. While another process still reads an older state, the log
 * stays as it is, quietly: a later close moves it. */
void store_close(struct store *s);
bool store_is_read_only(const struct store *s);
const char *store_who(const struct store *s);
void store_set_who(struct store *s, const char *who);
/* Whether the person may write records in other people's names (dpia
 * copy into the database): always on SQLite; on a PostgreSQL server,
 * which keeps the roles itself, only the role owning dpia's tables (or
 * one the server exempts from its rules). 0, or -1 with e. */
int store_check_unbound(struct store *s, struct err *e);

/* One line per assessment, for the home screen and `dpia list`. */
struct store_summary {
    int64_t id;
    char uuid[37];
    char *title;
    enum assess_status status;
    char *template_id;
    int percent;         /* progress, 0..100 */
    int highest_level;   /* index into the method's levels, -1 none */
    char *highest_name;  /* its name ("High"), "" when none */
    bool highest_is_high;
    char *review_date;   /* "" when none */
    int64_t updated;
};

struct store_list {
    struct store_summary *items;
    size_t count;
    char *strings;       /* every string of the items, in one block */
};

/* A page of the list, for a screen that shows a few rows of many:
 * filtered by a case-insensitive title fragment (ASCII case), sorted,
 * rows [offset, offset + limit). *total receives how many match. */
enum store_sort {
    STORE_SORT_CHANGED,
    STORE_SORT_TITLE,
    STORE_SORT_STATUS,
    STORE_SORT_RISK,
    STORE_SORT_REVIEW, /* the nearest review date first, those with none last */
};
struct store_query {
    bool include_archived;
    enum store_sort sort;
    const char *filter;  /* "" or NULL: all */
    size_t offset, limit;
};
int store_list_page(struct store *s, const struct store_query *q, struct store_list *out,
                    size_t *total, struct err *e);

/* The register's rows and open measures (core/register.h), read in one
 * read transaction without loading any assessment: every assessment,
 * the archived ones only with include_archived, by id. reg_settle works
 * out the rest. Returns 0, or -1 with e (out empty). */
int store_register(struct store *s, bool include_archived, struct reg *out, struct err *e);

/* All assessments, most recently changed first; include_archived adds
 * the archived ones. */
int store_list(struct store *s, bool include_archived, struct store_list *out, struct err *e);
void store_list_free(struct store_list *l);

/* Creates an assessment from a template (its XML is kept as the
 * snapshot). Returns the new id, or -1. */
int64_t store_create(struct store *s, const char *title, const char *template_xml,
                     size_t xml_len, const char *method_id, struct err *e);

/* Loads everything about one assessment, template snapshot parsed.
 * Returns NULL (and e) when there is no such id. The caller frees with
 * assess_free. The snapshot's XML is also available through
 * store_template_xml for exports that embed or digest it. */
struct assessment *store_load(struct store *s, int64_t id, struct err *e);
/* The same, leaving out what flags say: STORE_LOAD_NO_HISTORY, the change
 * history (a->history_missing set; for those that neither show nor
 * export it, since it grows with every change). */
#define STORE_LOAD_NO_HISTORY 1u
struct assessment *store_load_flags(struct store *s, int64_t id, unsigned flags, struct err *e);
/* Reads the change history into a copy loaded without it. */
int store_load_history(struct store *s, struct assessment *a, struct err *e);
/* The template snapshot XML of an assessment; the caller frees. */
char *store_template_xml(struct store *s, int64_t id, size_t *len, struct err *e);

/* Sets one answer (value already canonical; "" clears it), its note and
 * flag. expected_revision is the revision the caller read (0 for none);
 * when another process changed the answer since, nothing is written and
 * the function returns STORE_CONFLICT with the current value in e. On
 * success a->answers is updated in memory (revision bumped). */
#define STORE_CONFLICT (-2)
/* session: the number of an editing session of one text (0: none); the
 * consecutive saves of one session are one entry of the change log. */
int store_set_answer(struct store *s, struct assessment *a, const char *qid,
                     const char *value, const char *note, bool flagged,
                     int64_t expected_revision, int64_t session, struct err *e);

/* Risks and measures: add (r->id and r->number are filled), update,
 * delete. The struct is copied into the assessment in memory too. */
int store_add_risk(struct store *s, struct assessment *a, struct risk *r, struct err *e);
int store_update_risk(struct store *s, struct assessment *a, const struct risk *r, struct err *e);
int store_delete_risk(struct store *s, struct assessment *a, int64_t risk_id, struct err *e);
int store_add_measure(struct store *s, struct assessment *a, struct measure *m, struct err *e);
int store_update_measure(struct store *s, struct assessment *a, const struct measure *m,
                         struct err *e);
int store_delete_measure(struct store *s, struct assessment *a, int64_t measure_id,
                         struct err *e);

/* Sign-offs, one per role. */
int store_set_signoff(struct store *s, struct assessment *a, const struct signoff *so,
                      struct err *e);

/* Metadata. Archiving keeps the status it had, for the restore
 * (a->archived_from). */
int store_set_status(struct store *s, struct assessment *a, enum assess_status st, struct err *e);
int store_set_title(struct store *s, struct assessment *a, const char *title, struct err *e);
int store_set_review_date(struct store *s, struct assessment *a, const char *date, struct err *e);
/* The controller organisation and the DPO's contact details ("" clears),
 * with the conflict check of the title. */
int store_set_controller(struct store *s, struct assessment *a, const char *text, struct err *e);
int store_set_dpo_contact(struct store *s, struct assessment *a, const char *text,
                          struct err *e);
/* The language a is written in ("en", "fr", "de"): its template's text
 * is read again in it (a->tmpl replaced), the change in the change log. */
int store_set_lang(struct store *s, struct assessment *a, const char *lang, struct err *e);
/* The DPO's judgement of section j->section (verdict VD_NONE removes
 * it). When another session changed that section's judgement since a
 * was read, nothing is written and STORE_CONFLICT is returned with both
 * in e. In the change log as "judgement SECTION", "VERDICT: COMMENT". */
int store_set_judgement(struct store *s, struct assessment *a, const struct judgement *j,
                        struct err *e);
/* Workshops. store_workshop_start opens workshop w (its date, place,
 * agenda and participants; its number, start time and who ran it are
 * the store's, and w is filled with them) on a, refused when one is
 * open already; until it ends, every question whose answer or note
 * changes is linked to it. store_workshop_end closes the open one with
 * its minutes and open points. Both in the change log ("workshop N"). */
int store_workshop_start(struct store *s, struct assessment *a, struct workshop *w,
                         struct err *e);
int store_workshop_end(struct store *s, struct assessment *a, const char *minutes,
                       const struct ws_point *points, size_t npoints, struct err *e);
/* People and roles, the review and its comments (core/roles.h). Each
 * change is one transaction with its entries in the change log; a is
 * read again from what was written.
 * store_set_member gives person role on a, or removes them (role -1):
 * "member PERSON", the role before and after; at least one owner stays.
 * store_review_step keeps step k of the review (by the store's who,
 * with text, "" for none) and sets the status to `to`: "review STEP".
 * store_add_comment starts a thread on question qid (thread 0) or
 * replies to thread `thread`, its number in *number: "comment N on Q",
 * "comment N reply to T"; store_resolve_comment resolves a thread:
 * "comment T resolved"; store_reopen_comment opens a resolved one again:
 * "comment T reopened".
 * store_set_behalf keeps (b) or forgets (b NULL) the record made on
 * someone's behalf for `what` ("sign-off dpo", "sign-off controller",
 * "judgement SECTION"); kept, with text in the change log as "on behalf:
 * WHAT". Made in the transaction of what was recorded (a batch).
 * store_waiting lists, for person, the assessments they are a member
 * of that are not archived, with what core/roles.h needs to say what
 * waits for them there; the caller frees with waiting_free. */
/* Whether person can be a member: anyone on SQLite (a login); on a
 * PostgreSQL server, a role of the server (the person is the role the
 * server authenticates). 0, or -1 with e. */
int store_check_person(struct store *s, const char *person, struct err *e);
int store_set_member(struct store *s, struct assessment *a, const char *person, int role,
                     struct err *e);
int store_review_step(struct store *s, struct assessment *a, enum review_kind k,
                      const char *text, enum assess_status to, struct err *e);
int store_add_comment(struct store *s, struct assessment *a, const char *qid, int thread,
                      const char *text, int *number, struct err *e);
int store_resolve_comment(struct store *s, struct assessment *a, int thread, struct err *e);
int store_reopen_comment(struct store *s, struct assessment *a, int thread, struct err *e);
int store_set_behalf(struct store *s, struct assessment *a, const char *what,
                     const struct behalf *b, const char *text, struct err *e);
int store_waiting(struct store *s, const char *person, struct waiting_row **out, size_t *n,
                  struct err *e);
int store_delete(struct store *s, int64_t id, struct err *e);
/* A full copy under a new id and uuid ("Copy of ..."); returns the id. */
int64_t store_duplicate(struct store *s, int64_t id, struct err *e);
/* Writes a whole assessment built elsewhere (an import) under a new id;
 * keeps a->uuid unless it is taken, then makes a new one. Returns the id. */
/* store_create with the language the assessment is written in. */
int64_t store_create_in(struct store *s, const char *title, const char *template_xml,
                        size_t xml_len, const char *method_id, const char *lang, struct err *e);
int64_t store_insert(struct store *s, struct assessment *a, const char *template_xml,
                     size_t xml_len, struct err *e);

/* Revisions. store_revise closes revision a->revision, keeping
 * `record` (its XML record, exactly as signed) with its status and the
 * date of its decision, and opens the next one: same answers, risks and
 * measures, no sign-offs, no judgements, status draft. One transaction, in the change
 * log. */
int store_revise(struct store *s, struct assessment *a, const char *record, size_t len,
                 const char *decided, struct err *e);
/* The record of a closed revision; the caller frees. NULL with e when
 * there is no such revision. */
char *store_revision_record(struct store *s, int64_t id, int number, size_t *len,
                            struct err *e);
struct store_revision {
    int number;
    enum assess_status status;  /* as decided */
    char decided[16];           /* YYYY-MM-DD or "" */
    int64_t closed;             /* when the next revision was opened */
};
/* The closed revisions of an assessment, oldest first; the caller frees
 * *out. */
int store_revisions(struct store *s, int64_t id, struct store_revision **out, size_t *n,
                    struct err *e);

/* The change history is part of the assessment: store_load fills
 * a->history (oldest first) with every change recorded for it, and
 * store_insert writes a->history back (an import keeps the record's
 * history, followed by the import itself). Each change made through a
 * copy that holds its history appends to it what the change recorded,
 * reading only the rows that are new.
 *
 * A copy in memory is kept in step by the changes made through it; the
 * listing's summary of each change is worked out from it while nothing
 * else has written the database since it was loaded (another process,
 * seen by SQLite's data_version, or this one through another copy), and
 * from the database otherwise. The conflict checks always compare with
 * the database: a copy is never read again behind its holder's back. */

/* Undo (core/undo.h): reverses the latest change of a that is still
 * standing in its change log (an answer, note or follow-up flag; a risk
 * or measure added, changed or deleted; a sign-off), in one transaction
 * with the conflict checks of the change itself, and records the
 * reversal ("undone: ..."). out receives the entries undone (the caller
 * frees it with store_undone_free, whatever the result). When that
 * change was made by someone other than the store's who and others is
 * false, nothing is written and the function returns STORE_OTHERS with
 * out filled, so that the caller may ask. rules (NULL: none) is asked,
 * with the entries to undo, before anything is written: -1 with e
 * refuses the undo. */
#define STORE_OTHERS (-3)
struct store_undone {
    struct change *entries;  /* oldest first; the last one names the change */
    size_t n;
};
typedef int (*store_undo_rules)(const struct assessment *a, const struct change *entries,
                                size_t n, struct err *e);
int store_undo(struct store *s, struct assessment *a, bool others, store_undo_rules rules,
               struct store_undone *out, struct err *e);
void store_undone_free(struct store_undone *u);

/* Drafts: what a person is typing in a form or a dialog and has not
 * saved yet, by assessment, key (what the form edits: "risk:12",
 * "note:dsc.purpose") and the store's who, so that two people never see
 * each other's. Not part of the assessment: no history, not in records
 * or exports; deleting the assessment deletes them. store_draft_put
 * replaces the draft of that key (one small transaction of its own);
 * store_draft_get returns it (the caller frees), or NULL when there is
 * none (e->text empty) or it cannot be read (e filled);
 * store_draft_delete removes it (none is no error). */
int store_draft_put(struct store *s, int64_t aid, const char *key, const char *content,
                    struct err *e);
char *store_draft_get(struct store *s, int64_t aid, const char *key, struct err *e);
int store_draft_delete(struct store *s, int64_t aid, const char *key, struct err *e);

/* Live on several terminals. store_data_version is SQLite's
 * data_version of this connection: it moves when another connection
 * (another dpia, the command line) has committed a change, and only
 * then; -1 when it cannot be read. Cheap: nothing is read from the
 * file. */
int64_t store_data_version(struct store *s);

/* Where a watcher of an assessment's change log stands: the newest
 * entry seen (a later save of one text being typed may change that
 * entry in place, hence its time and a digest of its value). */
struct store_watch {
    int64_t id, at;
    uint64_t digest;
};
/* Starts w at the newest entry of aid's change log. */
int store_watch_start(struct store *s, int64_t aid, struct store_watch *w, struct err *e);
/* The entries of aid's change log made by other connections since w
 * (new ones, and the one w stands on when it has changed), oldest first,
 * into *out (the caller frees with store_watch_free); w moves to the newest. The entries this connection
 * wrote are left out. */
int store_watch(struct store *s, int64_t aid, struct store_watch *w, struct change **out,
                size_t *n, struct err *e);
void store_watch_free(struct change *c, size_t n);

/* Presence: who has an assessment open, in which process (pid, host),
 * on which question ("" for none) and whether editing it (a field, a
 * note, a list, a table or a choice open). store_presence_put writes this
 * process's row (the store's who, getpid(), the host name) with the time
 * now, and removes the rows nobody has refreshed for five minutes;
 * store_presence_drop removes this process's row. Outside the change
 * log; the copies in memory stay in step. store_presence_list gives the
 * other rows of aid refreshed in the last max_age seconds, by name. */
struct store_presence {
    char *who;
    int64_t pid;
    char *host;
    char *question;
    bool editing;
    int64_t at;
};
int store_presence_put(struct store *s, int64_t aid, const char *question, bool editing,
                       struct err *e);
int store_presence_drop(struct store *s, int64_t aid, struct err *e);
int store_presence_list(struct store *s, int64_t aid, int max_age, struct store_presence **out,
                        size_t *n, struct err *e);
void store_presence_free(struct store_presence *p, size_t n);

/* The schema version this program writes (PRAGMA user_version). */
int store_schema_version(void);

/* The file the store was opened on. */
const char *store_path(const struct store *s);

/* Finds an assessment by its number ("12") or its uuid (whole, or a
 * prefix of at least 4 characters that names only one). Returns the id,
 * or -1 with e ("no assessment ..."). */
int64_t store_resolve(struct store *s, const char *ref, struct err *e);

/* Copies the changes saved through this store from the log (the -wal
 * file) into the database file itself without waiting for anyone (a
 * PASSIVE checkpoint), so that a copy of that one file taken afterwards
 * holds them: for the interface, when it is idle. Cheap: nothing is done
 * when nothing was written since the last complete checkpoint. Returns
 * 0 when the file holds every change, -1 when that could not be done
 * now (another process is reading an older state or writing, a
 * transaction is open, the store is read-only); nothing else is said. */
int store_checkpoint(struct store *s);

/* Writes a copy of the whole database, consistent at one moment, to
 * path, while other processes may read and write it (SQLite's online
 * backup). The copy is one file, whole in itself (no -wal beside it),
 * made under a temporary name in path's folder (mode 0600) and renamed
 * into place. An existing path is refused unless force (which keeps
 * that file's mode); a path that is not a regular file (a folder, a
 * device, a FIFO, a symbolic link) or is the database itself is refused
 * even with force. On failure nothing is left behind and any file at
 * path is as it was. */
int store_backup(struct store *s, const char *path, bool force, struct err *e);

/* Groups many changes into one transaction (a bulk import, a test
 * generator): the changes made in between join it; store_batch_end
 * commits them all (keep) or none. */
int store_batch_begin(struct store *s, struct err *e);
int store_batch_end(struct store *s, bool keep, struct err *e);

/* dpia copy: one assessment whole, as its database holds it: its row
 * (uuid, times, status, language, review date, archived state, the
 * numbers its next risk and measure take, the listing's summary), its
 * template snapshot, answers with who wrote them, when and their
 * revision counters, risks and measures with their numbers and links,
 * sign-offs and judgements with who wrote them and when, the closed
 * revisions with their records, the change log verbatim with which
 * entries were one change (what undo takes back), and the workshops.
 * Drafts and presence are not part of it. */
struct store_copy;
/* Reads assessment id of s in one read transaction. NULL with e (no
 * such assessment, a damaged row); the caller frees. */
struct store_copy *store_copy_read(struct store *s, int64_t id, struct err *e);
/* The assessment read (its tmpl is NULL), and its closed revisions. */
const struct assessment *store_copy_assessment(const struct store_copy *c);
size_t store_copy_revisions(const struct store_copy *c);
/* Writes c into s under a new id, every value as it was read, with
 * nothing added to its change log; its template snapshot is checked as
 * store_insert checks one, unless s holds those bytes already. Refused
 * when s holds its uuid already. One transaction (joining an open
 * batch). Returns the new id, or -1 with e. */
int64_t store_copy_write(struct store *s, struct store_copy *c, struct err *e);
void store_copy_free(struct store_copy *c);
/* The id of the assessment of s with this uuid, 0 when there is none,
 * -1 with e. */
int64_t store_find_uuid(struct store *s, const char *uuid, struct err *e);

#endif
