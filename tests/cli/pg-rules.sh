#!/bin/sh
# The roles kept by the PostgreSQL server itself (tui/store/pg_policy.c):
# people connect with psql, dpia's client rules nowhere in the way, and
# the server refuses a reader any change and a contributor what only
# the DPO, the decision-maker or an owner may do, while letting each do
# what their role allows; dpia working under those rules through the
# whole journey (advice, decision on someone's behalf, a new revision);
# the person being the role the server authenticated; the rules made
# with the schema, and brought up to date by the tables' owner alone;
# dpia copy into the server refused to anyone else.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/pg.sh"
DPIA_TEST_PG=yes

DB=$(test_db rules)
as() { who=$1; shift; DPIA_USER=$who "$DPIA" -d "$DB" "$@"; }
# sql WHO SQL: psql as that role, output and errors in $T/out and $T/err.
sql() {
    "$PG_PSQL" -X -q -At -v ON_ERROR_STOP=1 -U "$1" -d "$DB" -c "$2" >"$T/out" 2>"$T/err"
}
# refused WHO SQL WORDS: the server refuses it, saying WORDS.
refused() {
    checks=$((checks + 1))
    if sql "$1" "$2"; then
        fail "$1 was let do: $2"
    elif grep -q -- "$3" "$T/err"; then
        pass "$1 refused: $2"
    else
        fail "$1 refused without '$3': $(cat "$T/err")"
    fi
}
# allowed WHO SQL: the server lets it through.
allowed() {
    checks=$((checks + 1))
    if sql "$1" "$2"; then
        pass "$1 may: $2"
    else
        fail "$1 was refused: $2: $(cat "$T/err")"
    fi
}
value() { db_query "$DB" "$1"; }
rls="new row violates row-level security policy"

# --- the person is the role -------------------------------------------------------
run 0 as olga new --title "Loyalty card"
id=$(cat "$T/out")
[ "$id" = 1 ] && pass "olga's assessment is 1" || fail "assessment $id"
[ "$(value "SELECT person || ' ' || role FROM members WHERE assessment = 1")" = "olga owner" ] &&
    pass "whoever creates it owns it, named by their role on the server" ||
    fail "members: $(value 'SELECT * FROM members')"
run 1 env PGUSER=carl DPIA_USER=olga "$DPIA" -d "$DB" answer 1 scr.project "Who am I?"
contains "$T/err" "carl (not a member) cannot change assessment 1" \
    "the person is the role connected (PGUSER wins over DPIA_USER)"
run 1 as nosuchrole list
contains "$T/err" 'role "nosuchrole" does not exist' "a person the server does not know is refused by it"

run 0 as olga member 1 add carl contributor
run 0 as olga member 1 add dana dpo
run 0 as olga member 1 add max decision-maker
run 0 as olga member 1 add rita reader
run 1 as olga member 1 add nosuchrole reader
contains "$T/err" "nosuchrole is not a role of $DB that can log in: on a server, each person is \
one (createuser nosuchrole)" "a member who is no role of the server is refused, saying how to make one"
run 0 as carl answer 1 scr.project "Points for every visit."
run 0 as carl risk add 1 --title "Profiling of shopping habits"

# --- a reader, through psql ---------------------------------------------------------
allowed rita "SELECT value FROM answers WHERE assessment = 1 AND question = 'scr.project'"
contains "$T/out" "Points for every visit." "a reader reads everything"
allowed rita "UPDATE answers SET value = 'forged' WHERE assessment = 1"
[ "$(cat "$T/out")" = "" ] && [ "$(value "SELECT value FROM answers WHERE assessment = 1")" = \
    "Points for every visit." ] && pass "a reader's UPDATE of an answer changes no row" ||
    fail "a reader changed an answer"
refused rita "INSERT INTO answers(assessment, question, value, who, at, revision) VALUES \
(1, 'scr.evaluation', 'no', 'rita', 0, 1)" "$rls"
allowed rita "DELETE FROM answers WHERE assessment = 1"
allowed rita "DELETE FROM risks WHERE assessment = 1"
[ "$(value "SELECT count(*) FROM answers WHERE assessment = 1")" = 1 ] &&
    [ "$(value "SELECT count(*) FROM risks WHERE assessment = 1")" = 1 ] &&
    pass "a reader's DELETE removes nothing" || fail "a reader deleted rows"
refused rita "INSERT INTO risks(assessment, number, title) VALUES (1, 9, 'Mine')" "$rls"
refused rita "INSERT INTO members(assessment, person, role) VALUES (1, 'kim', 'owner')" "$rls"
allowed rita "UPDATE assessments SET title = 'Renamed' WHERE id = 1"
refused rita "INSERT INTO history(assessment, at, who, what) VALUES (1, 0, 'rita', 'answer x')" \
    "$rls"
refused rita "INSERT INTO comments(assessment, number, revision, thread, question, who, at, \
text) VALUES (1, 1, 1, 1, 'scr.project', 'rita', 0, 'Me too')" "$rls"
refused rita "DELETE FROM history" "permission denied"
refused rita "UPDATE dpia_schema SET version = 99" "permission denied"
[ "$(value "SELECT title FROM assessments WHERE id = 1")" = "Loyalty card" ] &&
    pass "the title is as it was" || fail "the title changed"

# --- a contributor, through psql ----------------------------------------------------
allowed carl "UPDATE answers SET note = 'from psql' WHERE assessment = 1"
[ "$(cat "$T/out")" = "" ] && [ "$(value "SELECT note FROM answers WHERE assessment = 1")" = \
    "from psql" ] && pass "a contributor may change an answer" || fail "the contributor's note"
refused carl "INSERT INTO signoffs(assessment, role, name, advice, who, at) VALUES \
(1, 'dpo', 'Dana Officer', 'Go ahead', 'carl', 0)" "$rls"
refused carl "INSERT INTO signoffs(assessment, role, name, decision, who, at) VALUES \
(1, 'controller', 'Max', 'approve', 'carl', 0)" "$rls"
refused carl "INSERT INTO judgements(assessment, section, verdict, who, at) VALUES \
(1, 'screening', 'acceptable', 'carl', 0)" "$rls"
refused carl "UPDATE assessments SET status = 'approved' WHERE id = 1" \
    "dpia: carl may not move assessment 1 from draft to approved"
refused carl "UPDATE assessments SET status = 'archived' WHERE id = 1" \
    "dpia: carl may not move assessment 1 from draft to archived"
refused carl "INSERT INTO review_steps(assessment, number, revision, step, who, at) VALUES \
(1, 1, 1, 'passed', 'carl', 0)" "$rls"
refused carl "INSERT INTO members(assessment, person, role) VALUES (1, 'kim', 'reader')" "$rls"
allowed carl "UPDATE members SET role = 'owner' WHERE assessment = 1 AND person = 'carl'"
allowed carl "DELETE FROM members WHERE assessment = 1 AND person = 'olga'"
[ "$(value "SELECT person || ':' || role FROM members WHERE assessment = 1 ORDER BY person" |
    tr '\n' ' ')" = "carl:contributor dana:dpo max:decision-maker olga:owner rita:reader " ] &&
    pass "a contributor changes no member" || fail "members changed: $(value 'SELECT * FROM members')"
refused carl "INSERT INTO history(assessment, at, who, what) VALUES (1, 0, 'dana', 'sign-off dpo')" \
    "$rls"
refused carl "INSERT INTO on_behalf(assessment, revision, what, recorded_by, person, role, \
reason, at) VALUES (1, 1, 'sign-off dpo', 'dana', 'dana', 'dpo', 'x', 0)" "$rls"
refused carl "INSERT INTO on_behalf(assessment, revision, what, recorded_by, person, role, \
reason, at) VALUES (1, 1, 'sign-off dpo', 'carl', 'rita', 'reader', 'x', 0)" "$rls"
refused carl "DELETE FROM assessments WHERE id = 1; SELECT 1/(SELECT count(*) - 1 FROM assessments)" \
    "division by zero"
# Drafts: what someone typed and has not saved is theirs alone.
allowed carl "INSERT INTO drafts(assessment, key, who, content, at) VALUES \
(1, 'answer:scr.project', 'carl', 'Half a thought', 0)"
allowed rita "SELECT count(*) FROM drafts"
[ "$(cat "$T/out")" = 0 ] && pass "nobody else reads a person's drafts" || fail "rita read carl's draft"
refused rita "INSERT INTO drafts(assessment, key, who, content, at) VALUES \
(1, 'answer:scr.project', 'carl', 'Forged', 0)" "$rls"
refused kim "INSERT INTO answers(assessment, question, value, who, at, revision) VALUES \
(1, 'scr.evaluation', 'no', 'kim', 0, 1)" "$rls"

# Nor may the owner or the decision-maker write the DPO's part, nor the
# DPO the decision, while each role is held.
refused olga "INSERT INTO signoffs(assessment, role, name, advice, who, at) VALUES \
(1, 'dpo', 'Dana Officer', 'Go ahead', 'olga', 0)" "$rls"
refused max "INSERT INTO judgements(assessment, section, verdict, who, at) VALUES \
(1, 'screening', 'acceptable', 'max', 0)" "$rls"
refused dana "INSERT INTO signoffs(assessment, role, name, decision, who, at) VALUES \
(1, 'controller', 'Max', 'approve', 'dana', 0)" "$rls"

# dpia itself, as the DPO and the decision-maker, under the same rules.
run 0 as carl review 1 request
run 0 as dana signoff 1 --role dpo --name "Dana Officer" --advice "Go ahead without the basket"
run 0 as dana review 1 pass
refused dana "UPDATE assessments SET status = 'approved' WHERE id = 1" \
    "dpia: dana may not move assessment 1 from review to approved"
refused carl "UPDATE signoffs SET advice = 'Forged' WHERE assessment = 1 AND role = 'dpo'; \
SELECT 1/count(*) FROM signoffs WHERE advice = 'Forged'" "division by zero"
[ "$(value "SELECT advice FROM signoffs WHERE assessment = 1 AND role = 'dpo'")" = \
    "Go ahead without the basket" ] && pass "the DPO's advice is as the DPO gave it" ||
    fail "the DPO's advice changed"
# The DPO's advice recorded on her behalf by one person, then again by
# another: the second record replaces the first.
run 0 as carl judge 1 screening acceptable --name "Dana Officer" --on-behalf-of dana \
    --reason "by phone"
run 0 as olga judge 1 screening acceptable --name "Dana Officer" --on-behalf-of dana \
    --reason "signed minutes"
[ "$(value "SELECT recorded_by || '/' || reason FROM on_behalf WHERE assessment = 1 AND \
what = 'judgement screening'")" = "olga/signed minutes" ] &&
    pass "a record made on someone's behalf is replaced by another's" ||
    fail "on behalf: $(value 'SELECT * FROM on_behalf')"
refused carl "UPDATE on_behalf SET reason = 'forged', recorded_by = 'olga' WHERE assessment = 1" \
    "$rls"
# Recorded on the decision-maker's behalf by a contributor, with the reason.
run 0 as carl decide 1 reject --name "Max Controller" --on-behalf-of max \
    --reason "signed paper copy"
[ "$(value "SELECT status FROM assessments WHERE id = 1")" = rejected ] &&
    pass "a decision recorded on someone's behalf passes the server's rules" ||
    fail "status $(value 'SELECT status FROM assessments WHERE id = 1')"
[ "$(value "SELECT recorded_by || '/' || person FROM on_behalf WHERE assessment = 1 AND \
what = 'sign-off controller'")" = "carl/max" ] && pass "...recorded by carl for max" ||
    fail "on behalf: $(value 'SELECT * FROM on_behalf')"
# A new revision by a contributor clears the sign-offs once the old one is kept.
run 0 as carl revise 1
[ "$(value "SELECT count(*) FROM signoffs WHERE assessment = 1")" = 0 ] &&
    [ "$(value "SELECT revision || status FROM assessments WHERE id = 1")" = 2draft ] &&
    pass "a contributor opens revision 2: the sign-offs cleared, a draft again" ||
    fail "revision: $(value 'SELECT revision, status FROM assessments')"
refused carl "DELETE FROM revisions WHERE assessment = 1" "permission denied"
run 0 as dana signoff 1 --role dpo --name "Dana Officer" --advice "Still fine"
allowed carl "DELETE FROM signoffs WHERE assessment = 1"
[ "$(value "SELECT advice FROM signoffs WHERE assessment = 1 AND role = 'dpo'")" = "Still fine" ] &&
    pass "once the revision is open, a contributor clears no sign-off of it" ||
    fail "carl cleared the DPO's sign-off of revision 2"
# Readers' and contributors' refusals in dpia's words before the server's.
run 1 as rita answer 1 scr.project "Mine now"
contains "$T/err" "rita (reader) cannot change assessment 1"
# Comments: one's own, resolved by whoever may.
run 0 as max comment 1 scr.project "Which shops?"
allowed rita "UPDATE comments SET resolved_by = 'rita', resolved_at = 1"
[ "$(value "SELECT resolved_by FROM comments WHERE number = 1")" = "" ] &&
    pass "a reader resolves no thread" || fail "rita resolved a thread"
refused carl "UPDATE comments SET text = 'Forged'" "permission denied"
run 0 as max comment 1 --resolve 1

# Every table under the rules: one added without its policies would be
# open to anyone (or closed to everyone).
unguarded=$(value "SELECT string_agg(relname, ' ' ORDER BY relname) FROM pg_class WHERE \
relnamespace = 'public'::regnamespace AND relkind = 'r' AND relname <> 'dpia_schema' AND \
NOT (relrowsecurity AND EXISTS (SELECT 1 FROM pg_policy WHERE polrelid = pg_class.oid))")
checks=$((checks + 1))
[ -z "$unguarded" ] && pass "every table of dpia's has row-level security and policies" ||
    fail "tables without row-level security or policies: $unguarded"

# --- the rules' version: brought up to date by the owner alone -----------------------
db_sql "$DB" "CREATE OR REPLACE FUNCTION dpia_policy_version() RETURNS integer LANGUAGE sql \
IMMUTABLE AS 'SELECT 0'"
run 0 as carl list
[ "$(value "SELECT dpia_policy_version()")" = 0 ] && pass "someone else leaves older rules as they are" ||
    fail "carl replaced the rules"
run 0 env PGUSER="$PG_ROLE" "$DPIA" -d "$DB" list
[ "$(value "SELECT dpia_policy_version()")" -ge 1 ] &&
    pass "the tables' owner brings them up to date" || fail "the rules were not replaced"
refused carl "UPDATE assessments SET status = 'archived' WHERE id = 1" \
    "dpia: carl may not move assessment 1 from draft to archived"

# --- dpia copy into the server: its administrator's --------------------------------
FILE=$T/team.sqlite
run 0 "$DPIA" -d "$FILE" new --title "From a file"
TO=$(test_db to)
run 1 as carl copy "$FILE" "$TO"
contains "$T/err" "keeps the roles itself, and writing every assessment whole, in other people's \
names, is for the role that owns dpia's tables there ($PG_ROLE), not for carl"
run 0 env PGUSER="$PG_ROLE" "$DPIA" copy "$FILE" "$TO"
contains "$T/out" "1 assessment copied"

done_testing
