/*
 * Inside the store: the connection, the prepared statements (one table
 * of SQL texts, each prepared once and kept), transactions, and the
 * helpers the store's files share. Not for use outside tui/store/.
 */
#ifndef DPIA_STORE_INT_H
#define DPIA_STORE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/fields.h"
#include "store/db.h"
#include "store/store.h"
#include "util/i18n.h"

/* A change to an assessment that another session deleted meanwhile. */
#define STORE_GONE_MSG _("assessment %lld is no longer in the database (deleted in another " \
                         "session?); nothing was saved")

/* "DPIA" in ASCII: marks the file as ours in the SQLite header. */
#define STORE_APPLICATION_ID 0x44504941

/* How long a writer waits for another process before giving up: long
 * enough for any single change of the other side, short enough that a
 * stuck process is reported rather than waited on forever. */
#define BUSY_TIMEOUT_MS 5000
#define BUSY_RETRY_TOTAL_MS 15000
/* What a write of presence may wait for the lock: it is best effort,
 * and never a pause a person typing would notice. */
#define PRESENCE_BUSY_MS 100

/* The ranges of what the store reads back (rows.c); a value outside is
 * a damaged or crafted file. Texts: no text dpia writes is longer than
 * a whole record may be (report.h). Numbers of risks, measures and
 * revisions: what the record's schema allows (templates/dpia-record.rng,
 * "number"). Times: seconds since the epoch up to the end of year 9999,
 * the four-digit years of the record. Counters (the revision of an
 * answer): exact in a double, far from any overflow. */
#define STORE_TEXT_MAX (16u * 1024u * 1024u)
#define STORE_RECORD_MAX (64u * 1024u * 1024u)
#define STORE_NUMBER_MAX 100000
#define STORE_TIME_MAX INT64_C(253402300799)
#define STORE_COUNTER_MAX (INT64_C(1) << 53)

/* The columns of risks, measures and sign-offs come from the field
 * tables (core/fields.h): in a statement below, {R}, {M} and {S} stand
 * for the columns of the risk, measure and sign-off table in its order,
 * {R?3} for as many parameters from ?3 on, {S=} for the columns as
 * "excluded.COLUMN", and {S+K} for ?K plus the number of columns
 * ({S+3} is the parameter right after {S?3}'s: ?11 with eight
 * columns). {ID} ends an INSERT whose new row's id is wanted: nothing
 * for SQLite (db_last_id), "RETURNING id" for PostgreSQL, where the
 * statement gives it as a row (store_exec_id). store_stmt expands them. */
#define STORE_JUDGEMENT_COLS "verdict, comment, name, date"

/* The statements of people and roles, the review and its comments
 * (members.c, review.c). */
#define STORE_MEMBER_ORDER "CASE role WHEN 'owner' THEN 0 WHEN 'contributor' THEN 1 " \
    "WHEN 'dpo' THEN 2 WHEN 'decision-maker' THEN 3 ELSE 4 END, person"
#define STORE_TEAM_STATEMENTS(X) \
    X(MEM_LOAD, "SELECT person, role FROM members WHERE assessment = ?1 ORDER BY " \
                STORE_MEMBER_ORDER) \
    X(MEM_GET, "SELECT role FROM members WHERE assessment = ?1 AND person = ?2") \
    X(MEM_PUT, "INSERT INTO members(assessment, person, role) VALUES (?1, ?2, ?3) " \
               "ON CONFLICT(assessment, person) DO UPDATE SET role = excluded.role") \
    X(MEM_DEL, "DELETE FROM members WHERE assessment = ?1 AND person = ?2") \
    X(MEM_OWNERS, "SELECT count(*) FROM members WHERE assessment = ?1 AND role = 'owner'") \
    X(MEM_FILL, "INSERT INTO members(assessment, person, role) SELECT id, CAST(?1 AS TEXT), " \
                "'owner' " \
                "FROM assessments WHERE id NOT IN (SELECT assessment FROM members)") \
    X(STEP_LOAD, "SELECT number, step, who, at, text FROM review_steps " \
                 "WHERE assessment = ?1 AND revision = ?2 ORDER BY number") \
    X(STEP_NEXT, "SELECT coalesce(max(number), 0) + 1 FROM review_steps WHERE assessment = ?1") \
    X(STEP_ADD, "INSERT INTO review_steps(assessment, number, revision, step, who, at, text) " \
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)") \
    X(CMT_LOAD, "SELECT number, thread, question, who, at, text, resolved_by, resolved_at " \
                "FROM comments WHERE assessment = ?1 AND revision = ?2 ORDER BY number") \
    X(CMT_NEXT, "SELECT coalesce(max(number), 0) + 1 FROM comments WHERE assessment = ?1") \
    X(CMT_THREAD, "SELECT question, resolved_at FROM comments WHERE assessment = ?1 " \
                  "AND revision = ?2 AND number = ?3 AND thread = number") \
    X(CMT_ADD, "INSERT INTO comments(assessment, number, revision, thread, question, who, at, " \
               "text, resolved_by, resolved_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)") \
    X(CMT_RESOLVE, "UPDATE comments SET resolved_by = ?4, resolved_at = ?5 " \
                   "WHERE assessment = ?1 AND revision = ?2 AND number = ?3 " \
                   "AND thread = number AND resolved_at = 0") \
    X(CMT_REOPEN, "UPDATE comments SET resolved_by = '', resolved_at = 0 " \
                  "WHERE assessment = ?1 AND revision = ?2 AND number = ?3 " \
                  "AND thread = number AND resolved_at <> 0") \
    X(BEH_LOAD, "SELECT what, recorded_by, person, role, reason, at FROM on_behalf " \
                "WHERE assessment = ?1 AND revision = ?2 ORDER BY at, what") \
    X(BEH_PUT, "INSERT INTO on_behalf(assessment, revision, what, recorded_by, person, role, " \
               "reason, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) " \
               "ON CONFLICT(assessment, revision, what) DO UPDATE SET " \
               "recorded_by = excluded.recorded_by, person = excluded.person, " \
               "role = excluded.role, reason = excluded.reason, at = excluded.at") \
    X(BEH_DEL, "DELETE FROM on_behalf WHERE assessment = ?1 AND revision = ?2 AND what = ?3") \
    /* What waits for a person: the assessments they are a member of, \
     * not archived, each with what the rules of core/roles.h need. */ \
    X(WAITING, "SELECT a.id, a.title, a.status, m.role, " \
               "CASE WHEN EXISTS (SELECT 1 FROM members d WHERE d.assessment = a.id " \
               "AND d.role = 'dpo') THEN 1 ELSE 0 END, " \
               "CASE WHEN EXISTS (SELECT 1 FROM members d WHERE d.assessment = a.id " \
               "AND d.role = 'decision-maker') THEN 1 ELSE 0 END, " \
               "r.step, r.who, r.at, " \
               "(SELECT count(*) FROM comments c WHERE c.assessment = a.id " \
               "AND c.revision = a.revision AND c.thread = c.number AND c.resolved_at = 0) " \
               "FROM assessments a JOIN members m ON m.assessment = a.id AND m.person = ?1 " \
               "LEFT JOIN review_steps r ON r.assessment = a.id AND r.number = " \
               "(SELECT max(number) FROM review_steps x WHERE x.assessment = a.id " \
               "AND x.revision = a.revision) " \
               "WHERE a.status <> 'archived' ORDER BY a.id")

/* Every statement the store runs: name and SQL, in words both
 * databases read alike; STORE_PG_STATEMENTS below gives PostgreSQL's
 * words for the few that differ. Prepared on first use and reused. */
#define STORE_STATEMENTS(X) \
    X(TMPL_FIND, "SELECT id FROM templates WHERE digest = ?1") \
    X(TMPL_ADD, "INSERT INTO templates(digest, template_id, version, xml) VALUES (?1, ?2, ?3, ?4)" \
               "{ID}") \
    X(TMPL_OF, "SELECT t.digest, t.xml, a.method, t.id FROM assessments a " \
               "JOIN templates t ON t.id = a.template WHERE a.id = ?1") \
    X(TMPL_DIGEST_OF, "SELECT t.digest, a.method, t.id FROM assessments a " \
                      "JOIN templates t ON t.id = a.template WHERE a.id = ?1") \
    X(TMPL_XML, "SELECT xml FROM templates WHERE id = ?1") \
    X(A_ADD, "INSERT INTO assessments(uuid, title, template, method, status, created, " \
             "updated, review_date, revision, replaces_date, archived_from, controller, " \
             "dpo_contact, lang) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)" \
             "{ID}") \
    X(A_UUID_TAKEN, "SELECT 1 FROM assessments WHERE uuid = ?1") \
    X(A_BY_ID, "SELECT id FROM assessments WHERE id = ?1") \
    X(A_BY_UUID, "SELECT id FROM assessments WHERE uuid LIKE ?1 || '%' LIMIT 2") \
    X(A_LOAD, "SELECT a.uuid, a.title, a.status, a.method, a.created, a.updated, " \
              "a.review_date, t.xml, a.revision, a.replaces_date, a.archived_from, t.id, " \
              "a.controller, a.dpo_contact, a.lang " \
              "FROM assessments a JOIN templates t " \
              "ON t.id = a.template WHERE a.id = ?1") \
    X(A_SET_REVISION, "UPDATE assessments SET revision = ?2, replaces_date = ?3 " \
                      "WHERE id = ?1") \
    X(A_SET_ARCHIVED_FROM, "UPDATE assessments SET archived_from = status " \
                           "WHERE id = ?1 AND status <> 'archived'") \
    X(REV_ADD, "INSERT INTO revisions(assessment, number, status, decided, closed, record) " \
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)") \
    X(REV_GET, "SELECT record FROM revisions WHERE assessment = ?1 AND number = ?2") \
    X(REV_LIST, "SELECT number, status, decided, closed FROM revisions " \
                "WHERE assessment = ?1 ORDER BY number") \
    X(A_META, "SELECT title, status, review_date, controller, dpo_contact, lang FROM assessments " \
              "WHERE id = ?1") \
    X(A_SET_TITLE, "UPDATE assessments SET title = ?2 WHERE id = ?1") \
    X(A_SET_CONTROLLER, "UPDATE assessments SET controller = ?2 WHERE id = ?1") \
    X(A_SET_DPO_CONTACT, "UPDATE assessments SET dpo_contact = ?2 WHERE id = ?1") \
    X(A_SET_LANG, "UPDATE assessments SET lang = ?2 WHERE id = ?1") \
    X(A_TMPL_XML, "SELECT t.xml FROM assessments a JOIN templates t ON t.id = a.template " \
                  "WHERE a.id = ?1") \
    X(A_SET_STATUS, "UPDATE assessments SET status = ?2 WHERE id = ?1") \
    X(A_SET_REVIEW, "UPDATE assessments SET review_date = ?2 WHERE id = ?1") \
    X(A_SUMMARY, "UPDATE assessments SET updated = ?2, percent = ?3, highest_level = ?4, " \
                 "highest_name = ?5, highest_high = ?6 WHERE id = ?1") \
    X(A_DELETE, "DELETE FROM assessments WHERE id = ?1") \
    X(A_NEXT, "SELECT next_risk, next_measure FROM assessments WHERE id = ?1") \
    X(A_SET_NEXT, "UPDATE assessments SET " \
                  "next_risk = CASE WHEN next_risk > ?2 THEN next_risk ELSE ?2 END, " \
                  "next_measure = CASE WHEN next_measure > ?3 THEN next_measure ELSE ?3 END " \
                  "WHERE id = ?1") \
    /* Counted from indexes: all of them (SQLite counts the smallest
     * index's entries page by page), less the archived ones (a search of
     * the index of statuses). */ \
    X(LIST_COUNT, "SELECT (SELECT count(*) FROM assessments) - CASE WHEN ?1 THEN 0 ELSE " \
                  "(SELECT count(*) FROM assessments WHERE status = 'archived') END") \
    X(PAGE_COUNT, "SELECT count(*) FROM assessments a WHERE (?1 OR a.status <> 'archived') " \
                  "AND (?2 = '' OR instr(lower(a.title), lower(?2)) > 0)") \
    /* The first screen, sorted by last change: plain enough for an index. */ \
    X(PAGE_CHANGED, "SELECT a.id, a.uuid, a.title, a.status, t.template_id, a.percent, " \
            "a.highest_level, a.highest_name, a.highest_high, a.review_date, a.updated " \
            "FROM assessments a JOIN templates t ON t.id = a.template " \
            "WHERE (?1 OR a.status <> 'archived') " \
            "AND (?2 = '' OR instr(lower(a.title), lower(?2)) > 0) " \
            "ORDER BY a.updated DESC, a.id DESC LIMIT ?4 OFFSET ?5") \
    /* The status order is the order of ASSESS_STATUSES in core/assess.h. */ \
    X(PAGE, "SELECT a.id, a.uuid, a.title, a.status, t.template_id, a.percent, " \
            "a.highest_level, a.highest_name, a.highest_high, a.review_date, a.updated " \
            "FROM assessments a JOIN templates t ON t.id = a.template " \
            "WHERE (?1 OR a.status <> 'archived') " \
            "AND (?2 = '' OR instr(lower(a.title), lower(?2)) > 0) ORDER BY " \
            "CASE WHEN ?3 = 1 THEN lower(a.title) END COLLATE people, " \
            "CASE WHEN ?3 = 2 THEN CASE a.status WHEN 'draft' THEN 0 WHEN 'review' THEN 1 " \
            "WHEN 'approved' THEN 2 WHEN 'approved-with-conditions' THEN 3 WHEN 'rejected' " \
            "THEN 4 WHEN 'referred' THEN 5 WHEN 'not-required' THEN 6 ELSE 7 END END, " \
            "CASE WHEN ?3 = 3 THEN -a.highest_level END, " \
            "CASE WHEN ?3 = 4 THEN a.review_date = '' END, " \
            "CASE WHEN ?3 = 4 THEN a.review_date END, " \
            "a.updated DESC, a.id DESC LIMIT ?4 OFFSET ?5") \
    X(LIST, "SELECT a.id, a.uuid, a.title, a.status, t.template_id, a.percent, " \
            "a.highest_level, a.highest_name, a.highest_high, a.review_date, a.updated " \
            "FROM assessments a JOIN templates t ON t.id = a.template " \
            "WHERE ?1 OR a.status <> 'archived' ORDER BY a.updated DESC, a.id DESC") \
    /* The register (core/register.h): each assessment with the names on
     * its sign-offs and the controller's decision, then the open measures
     * of them all; two statements, however many assessments. */ \
    X(REG_ROWS, "SELECT a.id, a.uuid, a.title, a.status, a.highest_level, a.highest_name, " \
            "a.highest_high, a.review_date, a.controller, d.name, c.decision, s.name " \
            "FROM assessments a " \
            "LEFT JOIN signoffs d ON d.assessment = a.id AND d.role = 'dpo' " \
            "LEFT JOIN signoffs c ON c.assessment = a.id AND c.role = 'controller' " \
            "LEFT JOIN signoffs s ON s.assessment = a.id AND s.role = 'assessor' " \
            "WHERE ?1 OR a.status <> 'archived' ORDER BY a.id") \
    X(REG_MEASURES, "SELECT m.assessment, m.number, m.title, m.owner, m.due, m.status " \
            "FROM measures m JOIN assessments a ON a.id = m.assessment " \
            "WHERE (?1 OR a.status <> 'archived') " \
            "AND m.status IN ('planned', 'in-progress') ORDER BY m.assessment, m.number") \
    X(ANS_LOAD, "SELECT question, value, note, flagged, who, at, revision FROM answers " \
                "WHERE assessment = ?1 ORDER BY question") \
    X(ANS_GET, "SELECT value, note, flagged, revision, who FROM answers " \
               "WHERE assessment = ?1 AND question = ?2") \
    X(ANS_PUT, "INSERT INTO answers(assessment, question, value, note, flagged, who, at, " \
               "revision) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) " \
               "ON CONFLICT(assessment, question) DO UPDATE SET value = excluded.value, " \
               "note = excluded.note, flagged = excluded.flagged, who = excluded.who, " \
               "at = excluded.at, revision = excluded.revision") \
    X(RISK_LOAD, "SELECT id, number, {R} FROM risks " \
                 "WHERE assessment = ?1 ORDER BY number") \
    X(RISK_GET, "SELECT id, number, {R} FROM risks " \
                "WHERE assessment = ?1 AND id = ?2") \
    X(RISK_ADD, "INSERT INTO risks(assessment, number, {R}) VALUES (?1, ?2, {R?3}){ID}") \
    X(RISK_SET, "UPDATE risks SET ({R}) = ({R?3}) " \
                "WHERE assessment = ?1 AND id = ?2") \
    X(RISK_DEL, "DELETE FROM risks WHERE assessment = ?1 AND id = ?2") \
    X(RISK_ID, "SELECT id FROM risks WHERE assessment = ?1 AND number = ?2") \
    X(MEAS_LOAD, "SELECT id, number, {M} FROM measures " \
                 "WHERE assessment = ?1 ORDER BY number") \
    X(MEAS_GET, "SELECT id, number, {M} FROM measures " \
                "WHERE assessment = ?1 AND id = ?2") \
    X(MEAS_ADD, "INSERT INTO measures(assessment, number, {M}) VALUES (?1, ?2, {M?3}){ID}") \
    X(MEAS_SET, "UPDATE measures SET ({M}) = ({M?3}) " \
                "WHERE assessment = ?1 AND id = ?2") \
    X(MEAS_DEL, "DELETE FROM measures WHERE assessment = ?1 AND id = ?2") \
    X(LINKS_OF, "SELECT r.number FROM measure_risks l JOIN risks r ON r.id = l.risk " \
                "WHERE l.measure = ?1 ORDER BY r.number") \
    X(LINK_ADD, "INSERT INTO measure_risks(measure, risk) VALUES (?1, ?2) " \
                 "ON CONFLICT DO NOTHING") \
    X(LINKS_DEL, "DELETE FROM measure_risks WHERE measure = ?1") \
    X(SIGN_LOAD, "SELECT role, {S} FROM signoffs WHERE assessment = ?1") \
    X(SIGN_GET, "SELECT role, {S} FROM signoffs " \
                "WHERE assessment = ?1 AND role = ?2") \
    X(SIGN_PUT, "INSERT INTO signoffs(assessment, role, {S}, who, at) " \
                "VALUES (?1, ?2, {S?3}, {S+3}, {S+4}) ON CONFLICT(assessment, role) " \
                "DO UPDATE SET ({S}, who, at) = ({S=}, excluded.who, excluded.at)") \
    X(SIGN_CLEAR, "DELETE FROM signoffs WHERE assessment = ?1") \
    X(JUDG_LOAD, "SELECT section, " STORE_JUDGEMENT_COLS " FROM judgements " \
                 "WHERE assessment = ?1 ORDER BY at, section") \
    X(JUDG_GET, "SELECT section, " STORE_JUDGEMENT_COLS " FROM judgements " \
                "WHERE assessment = ?1 AND section = ?2") \
    X(JUDG_PUT, "INSERT INTO judgements(assessment, section, " STORE_JUDGEMENT_COLS ", who, at) " \
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(assessment, section) " \
                "DO UPDATE SET (" STORE_JUDGEMENT_COLS ", who, at) = (excluded.verdict, " \
                "excluded.comment, excluded.name, excluded.date, excluded.who, excluded.at)") \
    X(JUDG_DEL, "DELETE FROM judgements WHERE assessment = ?1 AND section = ?2") \
    X(JUDG_CLEAR, "DELETE FROM judgements WHERE assessment = ?1") \
    X(WS_LOAD, "SELECT id, number, date, place, agenda, minutes, started, ended, who " \
               "FROM workshops WHERE assessment = ?1 ORDER BY number") \
    X(WS_PART_LOAD, "SELECT name, role, organisation, represents FROM workshop_participants " \
                    "WHERE workshop = ?1 ORDER BY position") \
    X(WS_POINT_LOAD, "SELECT text, who FROM workshop_points WHERE workshop = ?1 " \
                     "ORDER BY position") \
    X(WS_SETTLED_LOAD, "SELECT question FROM workshop_settled WHERE workshop = ?1 " \
                       "ORDER BY question") \
    X(WS_NEXT, "SELECT coalesce(max(number), 0) + 1, " \
               "(SELECT number FROM workshops WHERE assessment = ?1 AND ended = 0) " \
               "FROM workshops WHERE assessment = ?1") \
    X(WS_ADD, "INSERT INTO workshops(assessment, number, date, place, agenda, minutes, " \
              "started, ended, who) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9){ID}") \
    X(WS_PART_ADD, "INSERT INTO workshop_participants(workshop, position, name, role, " \
                   "organisation, represents) VALUES (?1, ?2, ?3, ?4, ?5, ?6)") \
    X(WS_POINT_ADD, "INSERT INTO workshop_points(workshop, position, text, who) " \
                    "VALUES (?1, ?2, ?3, ?4)") \
    X(WS_SETTLED_ADD, "INSERT INTO workshop_settled(workshop, question) " \
                      "VALUES (?1, ?2) ON CONFLICT DO NOTHING") \
    X(WS_SETTLE, "INSERT INTO workshop_settled(workshop, question) " \
                 "SELECT id, CAST(?2 AS TEXT) FROM workshops WHERE assessment = ?1 " \
                 "AND ended = 0 ON CONFLICT DO NOTHING") \
    X(WS_OPEN_ID, "SELECT id, number FROM workshops WHERE assessment = ?1 AND ended = 0") \
    X(WS_END, "UPDATE workshops SET ended = ?2, minutes = ?3 WHERE id = ?1") \
    /* dpia copy (copy.c): an assessment's row whole, and what the loaders
     * leave out: who wrote each sign-off and judgement and when, and
     * which rows of the change log were written as one change. */ \
    X(CP_A_GET, "SELECT a.uuid, a.title, a.method, a.status, a.created, a.updated, " \
                "a.review_date, a.next_risk, a.next_measure, a.percent, a.highest_level, " \
                "a.highest_name, a.highest_high, a.revision, a.replaces_date, a.archived_from, " \
                "a.controller, a.dpo_contact, a.lang, t.id, t.digest, t.xml " \
                "FROM assessments a JOIN templates t ON t.id = a.template WHERE a.id = ?1") \
    X(CP_A_ADD, "INSERT INTO assessments(uuid, title, template, method, status, created, " \
                "updated, review_date, next_risk, next_measure, percent, highest_level, " \
                "highest_name, highest_high, revision, replaces_date, archived_from, " \
                "controller, dpo_contact, lang) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, " \
                "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20){ID}") \
    X(CP_SIGN_WHO, "SELECT role, who, at FROM signoffs WHERE assessment = ?1") \
    X(CP_JUDG_WHO, "SELECT section, who, at FROM judgements WHERE assessment = ?1") \
    /* The tables of people and the review, column for column (copy.c,
     * COPY_TEAM). */ \
    X(CP_MEM_GET, "SELECT person, role FROM members WHERE assessment = ?1 ORDER BY person") \
    X(CP_MEM_ADD, "INSERT INTO members(assessment, person, role) VALUES (?1, ?2, ?3)") \
    X(CP_STEP_GET, "SELECT number, revision, step, who, at, text FROM review_steps " \
                   "WHERE assessment = ?1 ORDER BY number") \
    X(CP_STEP_ADD, "INSERT INTO review_steps(assessment, number, revision, step, who, at, text) " \
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)") \
    X(CP_COM_GET, "SELECT number, revision, thread, question, who, at, text, resolved_by, " \
                  "resolved_at FROM comments WHERE assessment = ?1 ORDER BY number") \
    X(CP_COM_ADD, "INSERT INTO comments(assessment, number, revision, thread, question, who, at, " \
                  "text, resolved_by, resolved_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)") \
    X(CP_BEH_GET, "SELECT revision, what, recorded_by, person, role, reason, at FROM on_behalf " \
                  "WHERE assessment = ?1 ORDER BY revision, what") \
    X(CP_BEH_ADD, "INSERT INTO on_behalf(assessment, revision, what, recorded_by, person, role, " \
                  "reason, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)") \
    X(CP_HIST, "SELECT at, who, what, old_value, new_value, part, id FROM history " \
               "WHERE assessment = ?1 ORDER BY id") \
    X(HIST_ADD, "INSERT INTO history(assessment, at, who, what, old_value, new_value, part) " \
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7){ID}") \
    X(HIST_PARTS, "SELECT part FROM history WHERE assessment = ?1 ORDER BY id") \
    X(HIST_LAST, "SELECT id, at, who, what FROM history WHERE assessment = ?1 " \
                 "ORDER BY id DESC LIMIT 1") \
    X(HIST_COALESCE, "UPDATE history SET at = ?2, new_value = ?3 WHERE id = ?1") \
    X(DRAFT_PUT, "INSERT INTO drafts(assessment, key, who, content, at) " \
                 "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(assessment, key, who) " \
                 "DO UPDATE SET content = excluded.content, at = excluded.at") \
    X(DRAFT_GET, "SELECT content FROM drafts WHERE assessment = ?1 AND key = ?2 AND who = ?3") \
    X(DRAFT_DEL, "DELETE FROM drafts WHERE assessment = ?1 AND key = ?2 AND who = ?3") \
    X(HIST_SINCE, "SELECT at, who, what, old_value, new_value, id FROM history " \
                  "WHERE assessment = ?1 AND id >= ?2 ORDER BY id") \
    X(HIST_NEWEST, "SELECT id, at, new_value FROM history WHERE assessment = ?1 " \
                   "ORDER BY id DESC LIMIT 1") \
    X(PRESENCE_PUT, "INSERT INTO presence(assessment, who, pid, host, question, at, editing) " \
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) " \
                    "ON CONFLICT(assessment, who, pid, host) DO UPDATE SET " \
                    "question = excluded.question, at = excluded.at, editing = excluded.editing") \
    X(PRESENCE_DROP, "DELETE FROM presence WHERE assessment = ?1 AND who = ?2 AND pid = ?3 " \
                     "AND host = ?4") \
    X(PRESENCE_OLD, "DELETE FROM presence WHERE at < ?1") \
    X(PRESENCE_LIST, "SELECT who, pid, host, question, at, editing FROM presence " \
                     "WHERE assessment = ?1 AND at >= ?2 ORDER BY who, host, pid") \
    STORE_TEAM_STATEMENTS(X)

/* PostgreSQL's words for the statements above whose words differ: a
 * search in a title (strpos), a uuid's start in either case. The
 * collation people is there the server's closest to the program's
 * LC_COLLATE (store->people). */
#define STORE_PG_STATEMENTS(X) \
    X(A_BY_UUID, "SELECT id FROM assessments WHERE lower(uuid) LIKE lower(CAST(?1 AS TEXT)) " \
                 "|| '%' LIMIT 2") \
    X(PAGE_COUNT, "SELECT count(*) FROM assessments a WHERE (?1 OR a.status <> 'archived') " \
                  "AND (?2 = '' OR strpos(lower(a.title), lower(?2)) > 0)") \
    X(PAGE_CHANGED, "SELECT a.id, a.uuid, a.title, a.status, t.template_id, a.percent, " \
            "a.highest_level, a.highest_name, a.highest_high, a.review_date, a.updated " \
            "FROM assessments a JOIN templates t ON t.id = a.template " \
            "WHERE (?1 OR a.status <> 'archived') " \
            "AND (?2 = '' OR strpos(lower(a.title), lower(?2)) > 0) " \
            "ORDER BY a.updated DESC, a.id DESC LIMIT ?4 OFFSET ?5") \
    X(PAGE, "SELECT a.id, a.uuid, a.title, a.status, t.template_id, a.percent, " \
            "a.highest_level, a.highest_name, a.highest_high, a.review_date, a.updated " \
            "FROM assessments a JOIN templates t ON t.id = a.template " \
            "WHERE (?1 OR a.status <> 'archived') " \
            "AND (?2 = '' OR strpos(lower(a.title), lower(?2)) > 0) ORDER BY " \
            "CASE WHEN ?3 = 1 THEN lower(a.title) END COLLATE people, " \
            "CASE WHEN ?3 = 2 THEN CASE a.status WHEN 'draft' THEN 0 WHEN 'review' THEN 1 " \
            "WHEN 'approved' THEN 2 WHEN 'approved-with-conditions' THEN 3 WHEN 'rejected' " \
            "THEN 4 WHEN 'referred' THEN 5 WHEN 'not-required' THEN 6 ELSE 7 END END, " \
            "CASE WHEN ?3 = 3 THEN -a.highest_level END, " \
            "CASE WHEN ?3 = 4 THEN a.review_date = '' END, " \
            "CASE WHEN ?3 = 4 THEN a.review_date END, " \
            "a.updated DESC, a.id DESC LIMIT ?4 OFFSET ?5")

enum store_stmt {
#define X(name, sql) SQ_##name,
    STORE_STATEMENTS(X)
#undef X
    SQ_COUNT
};

/* A parsed template snapshot kept for the life of the connection, so
 * that refreshing the listing's summary after a write parses nothing. */
struct store_tcache {
    char digest[65];
    struct tmpl *tmpl;
};

#define STORE_OWN_ROWS 64

struct store {
    struct db *db;
    char *path;
    char *who;
    char people[64];        /* PostgreSQL: the collation for people's order */
    bool read_only;
    int depth;              /* nesting of store_txn_begin */
    bool doomed;            /* an inner part failed: roll back at the end */
    bool reading;           /* inside store_read_begin */
    bool ours;              /* checked as a dpia database: closing may write */
    bool gone;              /* the file was replaced or removed: no more writes */
    dev_t dev;              /* the file opened, to notice when another */
    ino_t ino;              /* takes its place (store_check_file) */
    bool has_log;           /* the -wal and -shm files beside it, once */
    dev_t log_dev, shm_dev; /* open: closing a store whose file is gone */
    ino_t log_ino, shm_ino; /* removes them only while they are these */
    int64_t ckpt_changes;   /* db_total_changes at the last checkpoint */
    struct db_stmt *stmts[SQ_COUNT];
    char *last_xml;         /* the last template digested, and its digest: */
    size_t last_len;        /* comparing bytes is far cheaper than SHA-256 */
    char last_digest[65];
    int64_t hist_last;      /* the last history row this connection wrote */
    int64_t hist_session;   /* ...and the editing session it was for */
    /* Whether a copy in memory is still what the database holds: stamp
     * changes whenever the database may have changed without that copy
     * being told (another connection wrote, seen by PRAGMA data_version
     * at the start of each transaction; this one wrote or rolled back);
     * a copy loaded, or whose change was just committed alone, takes the
     * stamp (a->store_stamp). */
    uint64_t stamp;
    int64_t data_version;
    int64_t txn_changes;    /* db_total_changes when the change began */
    struct assessment *owner; /* the copy the open change was made through */
    bool owner_ok;          /* ...in step, and the only one */
    bool txn_aside;         /* the change touches no assessment (a draft) */
    bool one_try;           /* store_txn_begin tries once, without waiting */
    int64_t hist_txn_aid;   /* the assessment the transaction wrote rows of, */
    bool hist_txn_rows;     /* ...once it has (the part of the next row) */
    bool hist_mute;         /* undoing: the writers record nothing, the undo
                               records the reversal itself (undo.c) */
    struct store_tcache *tcache;
    size_t ntcache, tcache_cap;
    /* The last rows of the change log this connection wrote, so that
     * store_watch tells another session's changes from its own. */
    int64_t own_rows[STORE_OWN_ROWS];
    unsigned own_next;
};

/* A statement, prepared if needed, reset and unbound; NULL with e on
 * failure. */
struct db_stmt *store_stmt(struct store *s, enum store_stmt id, struct err *e);
/* A statement of STORE_STATEMENTS with the columns of the field tables
 * put in for its braces, for PostgreSQL with pg; the caller frees. */
char *store_expand_sql(const char *sql, bool pg);
/* Whether the store is on a PostgreSQL server (else an SQLite file). */
bool store_on_server(const struct store *s);
/* Fills e with the connection's last error, prefixed by what; -1. */
int store_db_error(struct store *s, const char *what, struct err *e);

/* Opens the database on a PostgreSQL server that url names (pg.c): its
 * schema made on first use, a database that is not dpia's or is newer
 * refused and left unchanged. */
struct store *store_open_server(const char *url, bool read_only, const char *who,
                                struct err *e);

/* The login name or $DPIA_USER; the caller frees. */
char *store_default_who(void);

/* Refuses (-1, the reason in e) a database on a file system shared over
 * the network, where SQLite's locks are not safe; for a file that does
 * not exist yet, the nearest folder above it that does (fs.c). */
int store_check_fs(const char *path, struct err *e);
/* Creates dir and its parents: 0700, or for a group (shared) 02770 with
 * the setgid bit, which an existing folder of the user's that its group
 * may already write gets too. */
int store_make_folder(const char *dir, bool shared, struct err *e);
int64_t store_monotonic_ms(void);

/* Before each write transaction: whether the path still names the file
 * that was opened. When it was replaced or removed, the store stops
 * writing for good (s->gone), empties its log of changes into the file
 * it has open, and every later write fails with the reason. */
int store_check_file(struct store *s, struct err *e);
/* Closing a store whose file is gone: the -wal and -shm files at the
 * path are removed when they are still the ones this store opened and
 * the log is empty (nobody else is in it), so that no stale log is left
 * beside whatever file comes to that path. */
void store_remove_log(const struct store *s);
/* Copies the log of changes into the database file and empties it,
 * without waiting long for readers; nothing when the log is held. */
void store_empty_log(struct store *s);

/* Write transactions (BEGIN IMMEDIATE, retried while another process
 * holds the lock); nested calls join the outer one. The file's identity
 * is checked once the lock is held (store_check_file). */
int store_txn_begin(struct store *s, struct err *e);
int store_txn_commit(struct store *s, struct err *e);
void store_txn_rollback(struct store *s);
/* A read transaction, so that what is loaded is one consistent state
 * even while another process writes; joins a write one if open. */
void store_read_begin(struct store *s);
void store_read_end(struct store *s);

/* Binding, never NULL strings. */
void store_bind_text(struct db_stmt *st, int i, const char *v);

/* Reading one row of a file that may be damaged or crafted (rows.c):
 * each value is checked before use; the first that fails marks the row
 * bad and fills e ("FILE is damaged: table T, row KEY ID, column C:
 * why"); later reads of the row then give "" or the lowest value.
 * store_row_end is -1 when the row was bad. NULL reads as "" (text) and
 * is refused where a number is wanted. */
struct store_row {
    struct store *s;
    struct db_stmt *st;
    const char *table;      /* "risks" */
    const char *key;        /* what names the row: "id", "assessment" */
    int64_t id;             /* ...and its value */
    struct err *e;
    bool bad;
};
void store_row_start(struct store_row *r, struct store *s, struct db_stmt *st, const char *table,
                     const char *key, int64_t id, struct err *e);
int store_row_end(const struct store_row *r);
/* A text: UTF-8, no NUL byte, at most STORE_TEXT_MAX bytes. view
 * borrows it until the statement moves on; text copies it (the caller
 * frees); set replaces *p with a copy. */
const char *store_row_view(struct store_row *r, int col, size_t *len);
char *store_row_text(struct store_row *r, int col);
void store_row_set(struct store_row *r, int col, char **p);
/* A blob of at most max bytes without a NUL byte, copied with a NUL
 * after its *len bytes; the caller frees. */
char *store_row_blob(struct store_row *r, int col, size_t max, size_t *len);
/* A whole number in [min, max]; a time in [0, STORE_TIME_MAX]; any
 * whole number as a flag. */
int64_t store_row_int(struct store_row *r, int col, int64_t min, int64_t max);
int64_t store_row_time(struct store_row *r, int col);
bool store_row_flag(struct store_row *r, int col);
/* A key parsed by parse; fallback when the text is unknown. */
int store_row_key(struct store_row *r, int col, int (*parse)(const char *key), int fallback);
/* A uuid (36 characters) or a SHA-256 digest (64 lowercase hex). */
void store_row_uuid(struct store_row *r, int col, char out[37]);
void store_row_digest(struct store_row *r, int col, char out[65]);
bool store_uuid_ok(const char *u);
/* Replaces *p with a copy of v ("" for NULL); v may be *p itself. */
void store_set_str(char **p, const char *v);
/* Runs statement id bound to key (?1) and, when rev is not 0, to rev
 * (?2), and gives each result row to row(r, ctx, cap): r the row's
 * checked reader (table, the row named by "assessment" and key), cap a
 * growth counter kept across the rows. 0, or -1 with e (doing, or the
 * damaged row). */
int store_each_row(struct store *s, enum store_stmt id, int64_t key, int rev, const char *table,
                   const char *doing, int (*row)(struct store_row *r, void *ctx, size_t *cap),
                   void *ctx, struct err *e);
/* Steps a statement that returns no row; -1 with e on failure. */
int store_exec(struct store *s, struct db_stmt *st, const char *what, struct err *e);
/* Steps an INSERT ending in {ID}; *id receives the new row's id. */
int store_exec_id(struct store *s, struct db_stmt *st, const char *what, int64_t *id,
                  struct err *e);
/* Runs SQL text with no parameters (schema, pragmas). */
int store_exec_sql(struct store *s, const char *sql, struct err *e);

/* PostgreSQL's own keeping of the roles (pg_policy.c): the name of the
 * one trigger dpia makes; the rules written in the open transaction
 * (fresh: none there yet, else those there replaced); made or replaced
 * when older than this program's, by the tables' owner (anyone else
 * works under those there). 0, or -1 with e. */
extern const char store_pg_guard_trigger[];
int store_pg_policy_sql(struct store *s, bool fresh, struct err *e);
int store_pg_policy(struct store *s, struct err *e);
/* The version of the rules there: -1 when there are none, -2 when it
 * cannot be read. */
int64_t store_pg_policy_version(struct store *s);
/* The role owning dpia's tables when it is not the person's own (NULL
 * when it is, or cannot be told); the caller frees. */
char *store_pg_other_owner(struct store *s);

int64_t store_now(void);

/* Records one change; session (0: none) folds the consecutive saves of
 * one text being typed into one row (see changes.c). The rows one
 * transaction writes for one assessment are one change: the first is
 * of part UNDO_PART_FIRST, the others UNDO_PART_MORE (core/undo.h). */
int store_hist_add(struct store *s, int64_t aid, const char *what, const char *old_value,
                   const char *new_value, int64_t session, struct err *e);

/* Brings a->history up to date with the database: re-reads its last
 * entry (which a later edit may have merged into, found by its id) and
 * appends the rest. Nothing when a's history was not loaded. */
int store_sync_history(struct store *s, struct assessment *a, struct err *e);

/* True when a is what the database holds for its assessment, as far as
 * this connection can tell: loaded, or last changed, through it, with
 * nothing written since by another connection (PRAGMA data_version) or
 * by this one through anything else. Inside a change, a must hold the
 * change already (the store's functions update the copy in memory
 * before store_finish). */
bool store_in_step(struct store *s, const struct assessment *a);
/* Marks a as in step with what was just read (a load). */
void store_stamp(struct store *s, struct assessment *a);
/* After a change to a failed: the copy in memory, which the change had
 * already updated, is read again from the database (inside a larger
 * change, which rolls back too, it is only marked as no longer in
 * step). */
void store_reread_copy(struct store *s, struct assessment *a);

/* The parsed template of an assessment (hint when its digest matches,
 * else from the cache, else parsed and cached). Owned by the store. */
const struct tmpl *store_tmpl_for(struct store *s, const char *digest, const char *xml,
                                  size_t len, const struct tmpl *hint, struct err *e);

/* Reads answers, risks, measures and sign-offs of a->id into a. */
int store_load_parts(struct store *s, struct assessment *a, struct err *e);
/* store_load_flags; with xml_out, hands over the template snapshot too. */
struct assessment *store_load_xml(struct store *s, int64_t id, unsigned flags, char **xml_out,
                                  size_t *xml_len, struct err *e);
/* Gives every sign-off its role and empty text where it has none. */
void store_empty_signoffs(struct assessment *a);
/* Recomputes the listing's columns (progress, highest residual risk)
 * from what is now in the database and sets `updated`; inside the
 * write transaction. hint: a template the caller already holds. */
int store_touch(struct store *s, int64_t aid, const struct tmpl *hint, struct err *e);
/* The same from a, which holds what the database holds (the change
 * included): the progress kept by the core, so it costs what changed. */
int store_touch_from(struct store *s, const struct assessment *a, struct err *e);
/* The end of every change to a, which the caller has already made in a
 * too: the summary (from a when it is in step, else store_touch), the
 * commit, and a->history brought up to date. On failure nothing is kept
 * and the caller rolls back (and calls store_reread_copy). */
int store_finish(struct store *s, struct assessment *a, struct err *e);
/* store_finish for a change already made in a, which ends it whole:
 * on failure the change is rolled back and a read again; on success
 * a->updated is now. */
int store_finish_copy(struct store *s, struct assessment *a, struct err *e);
/* Fails with a clear message when the store cannot write. */
int store_check_writable(struct store *s, struct err *e);
/* Makes a random (version 4) uuid. */
void store_new_uuid(char out[37]);
/* Checks the file is ours: our application_id (or an empty file), a
 * version this program knows, and exactly the schema its migrations make
 * at that version; *version receives it. Else -1, e saying why. */
int store_schema_check(struct store *s, int *version, struct err *e);
/* Creates the schema or brings it up to date from version (what
 * store_schema_check found), checked again once the lock is held. */
int store_schema_migrate(struct store *s, int version, struct err *e);

/* -1 with STORE_GONE_MSG in e when assessment aid is no longer in the
 * database, 0 when it is: what a record or answer that seems changed or
 * removed elsewhere checks first, so that an assessment deleted in
 * another session is said as such. */
int store_gone(struct store *s, int64_t aid, struct err *e);

/* STORE_CONFLICT with e naming the fields that differ when the record
 * `stored` (the row now) is not what the caller read (`seen`, NULL: no
 * copy, no check); links_* compare the risks a measure addresses (or
 * NULL). 0 when they agree. */
int store_conflict(const char *label, const struct field *fields, size_t n, const void *seen,
                   const void *stored, const char *links_seen, const char *links_stored,
                   struct err *e);

/* Binding and reading a field of core/fields.h; the columns of risks,
 * measures and sign-offs are in the order of its tables. */
void store_field_bind(struct db_stmt *st, int i, const struct field *f, const void *obj);
void store_field_read(struct store_row *row, int col, const struct field *f, void *obj);

/* Deep copies and releases of the core's records. */
/* Reads a risk, a measure or a sign-off from a row whose first column
 * is given; -1 with the row's error when a value fails its check. */
int store_read_risk(struct store_row *row, int col, struct risk *r);
int store_read_measure(struct store_row *row, int col, struct measure *m);
int store_read_signoff(struct store_row *row, int col, struct signoff *so);
/* Writes a whole risk, measure (with its links) or sign-off of aid. */
int store_put_risk(struct store *s, int64_t aid, struct risk *r, struct err *e);
int store_put_measure(struct store *s, int64_t aid, struct measure *m, struct err *e);
int store_update_links(struct store *s, int64_t aid, const struct measure *m, struct err *e);
int store_put_signoff(struct store *s, int64_t aid, const struct signoff *so, struct err *e);
/* Writes workshop w of assessment aid whole (an import); -1 with e. */
int store_put_workshop(struct store *s, int64_t aid, const struct workshop *w, struct err *e);
/* Reads the workshops of a into a->workshops. */
int store_load_workshops(struct store *s, struct assessment *a, struct err *e);
/* A judgement read from a row (section, then STORE_JUDGEMENT_COLS from
 * col); -1 with the row's error. An unknown verdict reads as VD_NONE. */
int store_read_judgement(struct store_row *row, int col, struct judgement *j);
/* People and roles, the review and its comments (members.c, review.c):
 * reading them into a (its members; the steps, comments and records
 * made on someone's behalf of its revision), writing a's whole (an
 * import, a new assessment: with no member in a, the store's who is
 * its owner), and, once when a file is migrated from before schema 13,
 * the login of whoever migrates it as the owner of every assessment
 * left without one. */
int store_load_team(struct store *s, struct assessment *a, struct err *e);
int store_load_members(struct store *s, struct assessment *a, struct err *e);
int store_load_review(struct store *s, struct assessment *a, struct err *e);
int store_put_team(struct store *s, const struct assessment *a, struct err *e);
int store_members_fill(struct store *s, struct err *e);
/* Writes a judgement of aid (its verdict is not VD_NONE). */
int store_put_judgement(struct store *s, int64_t aid, const struct judgement *j, struct err *e);

#endif
