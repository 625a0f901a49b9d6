#!/bin/sh
# A database written by schema 1 (no revisions, no risk types, no
# acknowledged warnings, no archived status to restore, no drafts, no
# index of statuses, no parts of changes in the change log, no contact
# details, no judgements of sections, no table rows a risk concerns, no
# groups of measures, no declared risk types) is brought
# up to date when opened, its data kept; a database from a newer dpia is
# still refused untouched.
. "$TOP_SRCDIR/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip "sqlite3 is not installed"

DB=$T/old.sqlite
d() { "$DPIA" -d "$DB" "$@"; }
run 0 d new --title "Written by schema 1"
run 0 d answer 1 scr.project "Kept across the migration"
run 0 d risk add 1 --title "Old risk" --likelihood 2 --severity 3
run 0 d signoff 1 --role dpo --name "Dana Officer" --advice "Kept too"
run 0 d archive 1
# Back to schema 1 as it was: the columns, tables and index of schemas 2
# to 12 gone.
sqlite3 "$DB" "PRAGMA foreign_keys = OFF;
    DROP TABLE on_behalf; DROP TABLE comments; DROP TABLE review_steps;
    DROP TABLE members;
    DROP TABLE workshop_settled; DROP TABLE workshop_points;
    DROP TABLE workshop_participants; DROP TABLE workshops;
    DROP TABLE presence;
    DROP TABLE judgements;
    ALTER TABLE assessments DROP COLUMN controller;
    ALTER TABLE assessments DROP COLUMN dpo_contact;
    ALTER TABLE history DROP COLUMN part;
    DROP TABLE IF EXISTS drafts;
    ALTER TABLE assessments DROP COLUMN revision;
    ALTER TABLE assessments DROP COLUMN replaces_date;
    ALTER TABLE assessments DROP COLUMN archived_from;
    ALTER TABLE risks DROP COLUMN type;
    ALTER TABLE signoffs DROP COLUMN acknowledged;
    DROP TABLE revisions;
    DROP INDEX assessments_by_status;
    ALTER TABLE risks DROP COLUMN concerns;
    ALTER TABLE measures DROP COLUMN group_id;
    ALTER TABLE risks DROP COLUMN kind;
    ALTER TABLE assessments DROP COLUMN lang;
    PRAGMA user_version = 1;" || fail "building a schema 1 file"
checks=$((checks + 1))
[ "$(sqlite3 "$DB" 'PRAGMA user_version')" = 1 ] && pass "schema 1 file" || fail "not schema 1"

run 0 d show 1
contains "$T/out" "Written by schema 1"
contains "$T/out" "revision 1"
contains "$T/out" "Old risk"
contains "$T/out" "Dana Officer"
checks=$((checks + 1))
[ "$(sqlite3 "$DB" 'PRAGMA user_version')" = 13 ] && pass "migrated to schema 13" ||
    fail "still schema $(sqlite3 "$DB" 'PRAGMA user_version')"
checks=$((checks + 1))
[ "$(sqlite3 "$DB" "SELECT count(*) FROM sqlite_master WHERE name = 'assessments_by_status'")" = 1 ] &&
    pass "the listing's index made" || fail "no index on the status"
# Archived under schema 1: the status it had is not known, so it comes
# back as a draft.
run 0 d restore 1
contains "$T/out" "Draft"
run 0 d answer 1 scr.evaluation yes
run 0 d history 1
contains "$T/out" "Answer scr.project: Kept across the migration"
# Schema 3 brought the table of drafts.
checks=$((checks + 1))
[ "$(sqlite3 "$DB" "SELECT count(*) FROM sqlite_master WHERE name = 'drafts'")" = 1 ] &&
    pass "the drafts table was created" || fail "no drafts table after the migration"
# Schema 5 says which rows of the change log one change wrote: not known
# for the rows from before.
checks=$((checks + 1))
[ "$(sqlite3 "$DB" "SELECT group_concat(part, '') FROM history WHERE what LIKE 'risk%'")" = 0 ] &&
    pass "older rows of the change log are of no known change" || fail "older rows have a part"
run 0 d undo 1
contains "$T/out" "Undone: the answer is back to"

# --- a database of schema 6: risks without concerns, measures without
# a group ---------------------------------------------------------------
OLD=$T/six.sqlite
run 0 "$DPIA" -d "$OLD" new --title "Written by schema 6"
run 0 "$DPIA" -d "$OLD" risk add 1 --title "Kept risk"
run 0 "$DPIA" -d "$OLD" measure add 1 --title "Kept measure" --risks 1
sqlite3 "$OLD" "DROP TABLE on_behalf; DROP TABLE comments; DROP TABLE review_steps;
    DROP TABLE members;
    DROP TABLE workshop_settled; DROP TABLE workshop_points;
    DROP TABLE workshop_participants; DROP TABLE workshops;
    DROP TABLE presence;
    ALTER TABLE risks DROP COLUMN concerns;
    ALTER TABLE measures DROP COLUMN group_id;
    ALTER TABLE risks DROP COLUMN kind;
    ALTER TABLE assessments DROP COLUMN lang;
    PRAGMA user_version = 6;" || fail "building a schema 6 file"
run 0 "$DPIA" -d "$OLD" table 1 desc.data-items add item=E-mail "retention=1 year"
run 0 "$DPIA" -d "$OLD" table 1 desc.purpose-list add purpose=News basis=consent
run 0 "$DPIA" -d "$OLD" table 1 desc.purpose-list add purpose=Offers basis=consent
run 0 "$DPIA" -d "$OLD" risk add 1 --title "New risk" --concerns "D1,P2"
checks=$((checks + 1))
[ "$(sqlite3 "$OLD" 'PRAGMA user_version')" = 13 ] && pass "schema 6 migrated to 13" ||
    fail "still schema $(sqlite3 "$OLD" 'PRAGMA user_version')"
run 0 "$DPIA" -d "$OLD" export 1 --format csv-risks
contains "$T/out" "R1,Kept risk," "a risk of schema 6 kept"
contains "$T/out" ",D1 P2,$(printf '\r')" "concerns stored in the new column"
checks=$((checks + 1))
[ "$(sqlite3 "$OLD" "SELECT title || '|' || group_id FROM measures")" = "Kept measure|" ] &&
    pass "a measure of schema 6 kept, with no group" || fail "the measure was not kept"

# --- a database of schema 8: assessments without a language ----------
EIGHT=$T/eight.sqlite
run 0 "$DPIA" -d "$EIGHT" new --title "Written by schema 8"
run 0 "$DPIA" -d "$EIGHT" answer 1 scr.project "Before languages"
sqlite3 "$EIGHT" "DROP TABLE on_behalf; DROP TABLE comments; DROP TABLE review_steps;
    DROP TABLE members;
    DROP TABLE workshop_settled; DROP TABLE workshop_points;
    DROP TABLE workshop_participants; DROP TABLE workshops;
    DROP TABLE presence;
    ALTER TABLE assessments DROP COLUMN lang;
    PRAGMA user_version = 8;" || fail "building a schema 8 file"
run 0 "$DPIA" -d "$EIGHT" language 1
contains "$T/out" "en"
checks=$((checks + 1))
[ "$(sqlite3 "$EIGHT" 'PRAGMA user_version')" = 13 ] && pass "schema 8 migrated to 13" ||
    fail "still schema $(sqlite3 "$EIGHT" 'PRAGMA user_version')"
run 0 "$DPIA" -d "$EIGHT" language 1 de
run 0 "$DPIA" -d "$EIGHT" show 1
contains "$T/out" "Vorprüfung"
run 0 "$DPIA" -d "$EIGHT" history 1
contains "$T/out" "Answer scr.project: Before languages"
contains "$T/out" "Language: English"

# --- a database of schema 7: risks without a declared type -------------
SEVEN=$T/seven.sqlite
run 0 "$DPIA" -d "$SEVEN" new --title "Written by schema 7"
run 0 "$DPIA" -d "$SEVEN" risk add 1 --title "Kept risk" --type disappearance
sqlite3 "$SEVEN" "DROP TABLE on_behalf; DROP TABLE comments; DROP TABLE review_steps;
    DROP TABLE members;
    DROP TABLE workshop_settled; DROP TABLE workshop_points;
    DROP TABLE workshop_participants; DROP TABLE workshops;
    DROP TABLE presence;
    ALTER TABLE risks DROP COLUMN kind;
    ALTER TABLE assessments DROP COLUMN lang;
    PRAGMA user_version = 7;" || fail "building a schema 7 file"
run 0 "$DPIA" -d "$SEVEN" show 1
contains "$T/out" "Kept risk"
checks=$((checks + 1))
[ "$(sqlite3 "$SEVEN" 'PRAGMA user_version')" = 13 ] && pass "schema 7 migrated to 13" ||
    fail "still schema $(sqlite3 "$SEVEN" 'PRAGMA user_version')"
checks=$((checks + 1))
[ "$(sqlite3 "$SEVEN" "SELECT title || '|' || type || '|' || kind FROM risks")" = \
    "Kept risk|disappearance|" ] &&
    pass "a risk of schema 7 kept, with no declared type" || fail "the risk was not kept"

# --- a database of schema 9: no presence table -------------------------
NINE=$T/nine.sqlite
run 0 "$DPIA" -d "$NINE" new --title "Written by schema 9"
run 0 "$DPIA" -d "$NINE" answer 1 scr.project "Before presence"
sqlite3 "$NINE" "DROP TABLE on_behalf; DROP TABLE comments; DROP TABLE review_steps;
    DROP TABLE members;
    DROP TABLE workshop_settled; DROP TABLE workshop_points;
    DROP TABLE workshop_participants; DROP TABLE workshops;
    DROP TABLE presence;
    PRAGMA user_version = 9;" || fail "building a schema 9 file"
run 0 "$DPIA" -d "$NINE" history 1
contains "$T/out" "Answer scr.project: Before presence"
checks=$((checks + 1))
[ "$(sqlite3 "$NINE" 'PRAGMA user_version')" = 13 ] && pass "schema 9 migrated to 13" ||
    fail "still schema $(sqlite3 "$NINE" 'PRAGMA user_version')"
checks=$((checks + 1))
[ "$(sqlite3 "$NINE" "SELECT count(*) FROM sqlite_master WHERE name = 'presence'")" = 1 ] &&
    pass "the presence table was created" || fail "no presence table after the migration"

# --- a database of schema 10: no workshops ----------------------------
TEN=$T/ten.sqlite
run 0 "$DPIA" -d "$TEN" new --title "Written by schema 10"
run 0 "$DPIA" -d "$TEN" answer 1 scr.project "Before workshops"
sqlite3 "$TEN" "DROP TABLE on_behalf; DROP TABLE comments; DROP TABLE review_steps;
    DROP TABLE members;
    DROP TABLE workshop_settled; DROP TABLE workshop_points;
    DROP TABLE workshop_participants; DROP TABLE workshops;
    ALTER TABLE presence DROP COLUMN editing;
    PRAGMA user_version = 10;" || fail "building a schema 10 file"
run 0 "$DPIA" -d "$TEN" workshop 1 list
contains "$T/out" "no workshop yet"
checks=$((checks + 1))
[ "$(sqlite3 "$TEN" 'PRAGMA user_version')" = 13 ] && pass "schema 10 migrated to 13" ||
    fail "still schema $(sqlite3 "$TEN" 'PRAGMA user_version')"
run 0 "$DPIA" -d "$TEN" workshop 1 start --place "Room 2"
run 0 "$DPIA" -d "$TEN" answer 1 scr.project "During the first workshop"
run 0 "$DPIA" -d "$TEN" workshop 1 list
contains "$T/out" "scr.project" "a migrated file links the answers to its workshop"

# --- a database of schema 11: presence without the editing flag -------
ELEVEN=$T/eleven.sqlite
run 0 "$DPIA" -d "$ELEVEN" new --title "Written by schema 11"
run 0 "$DPIA" -d "$ELEVEN" answer 1 scr.project "Before the editing flag"
sqlite3 "$ELEVEN" "DROP TABLE on_behalf; DROP TABLE comments; DROP TABLE review_steps;
    DROP TABLE members;
    INSERT INTO presence(assessment, who, pid, host, question, at)
        VALUES (1, 'dana', 1, 'elsewhere', 'scr.project', strftime('%s', 'now'));
    ALTER TABLE presence DROP COLUMN editing;
    PRAGMA user_version = 11;" || fail "building a schema 11 file"
run 0 "$DPIA" -d "$ELEVEN" history 1
contains "$T/out" "Answer scr.project: Before the editing flag"
checks=$((checks + 1))
[ "$(sqlite3 "$ELEVEN" 'PRAGMA user_version')" = 13 ] && pass "schema 11 migrated to 13" ||
    fail "still schema $(sqlite3 "$ELEVEN" 'PRAGMA user_version')"
checks=$((checks + 1))
[ "$(sqlite3 "$ELEVEN" "SELECT who || '|' || question || '|' || editing FROM presence")" = \
    "dana|scr.project|0" ] && pass "a presence row kept, not editing" ||
    fail "the presence row was not kept as it was"

# --- a database of schema 12: no members, no review ---------------------
# Each assessment is owned by the author of its first change-log entry,
# or, when it has none, by whoever migrates the file.
TWELVE=$T/twelve.sqlite
DPIA_USER=anna run 0 "$DPIA" -d "$TWELVE" new --title "Started by anna"
DPIA_USER=anna run 0 "$DPIA" -d "$TWELVE" new --title "Its log lost"
DPIA_USER=anna run 0 "$DPIA" -d "$TWELVE" member 1 add ben contributor
DPIA_USER=ben run 0 "$DPIA" -d "$TWELVE" answer 1 scr.project "Ben's answer"
sqlite3 "$TWELVE" "DROP TABLE on_behalf; DROP TABLE comments; DROP TABLE review_steps;
    DROP TABLE members;
    DELETE FROM history WHERE assessment = 2;
    PRAGMA user_version = 12;" || fail "building a schema 12 file"
DPIA_USER=carl run 0 "$DPIA" -d "$TWELVE" member 1 list --format tsv
contains "$T/out" "$(printf 'anna\towner')" "the author of the first entry owns it"
lacks "$T/out" "ben"
lacks "$T/out" "carl"
checks=$((checks + 1))
[ "$(sqlite3 "$TWELVE" 'PRAGMA user_version')" = 13 ] && pass "schema 12 migrated to 13" ||
    fail "still schema $(sqlite3 "$TWELVE" 'PRAGMA user_version')"
checks=$((checks + 1))
[ "$(sqlite3 "$TWELVE" "SELECT person || '|' || role FROM members WHERE assessment = 2")" = \
    "carl|owner" ] && pass "an assessment without a log is owned by whoever migrated it" ||
    fail "assessment 2 got no owner from the migration"
# The owner goes on alone; the others read.
DPIA_USER=anna run 0 "$DPIA" -d "$TWELVE" answer 1 scr.project "Anna again"
DPIA_USER=ben run 1 "$DPIA" -d "$TWELVE" answer 1 scr.project "Ben again"
contains "$T/err" "ben (not a member) cannot change assessment 1"

# --- one schema newer than this dpia: refused, left as it was ----------
FOURTEEN=$T/fourteen.sqlite
run 0 "$DPIA" -d "$FOURTEEN" new --title "Written by schema 14"
sqlite3 "$FOURTEEN" "PRAGMA user_version = 14;" || fail "building a schema 14 file"
before=$(cksum <"$FOURTEEN")
run 1 "$DPIA" -d "$FOURTEEN" risk add 1 --title "Should not land"
contains "$T/err" "was written by a newer version of dpia (schema 14"
checks=$((checks + 1))
[ "$(cksum <"$FOURTEEN")" = "$before" ] && [ "$(sqlite3 "$FOURTEEN" 'PRAGMA user_version')" = 14 ] &&
    pass "a schema 14 file left untouched" || fail "the schema 14 file was changed"
done_testing
