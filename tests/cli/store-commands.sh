#!/bin/sh
# The store's commands for people: new, list, answer, risk add, measure
# add, signoff, status, show, history, archive, delete; exit statuses and
# messages; nothing raw from the database reaches the terminal.
. "$TOP_SRCDIR/tests/lib.sh"

DB=$(test_db data/dpia.sqlite)
d() { "$DPIA" -d "$DB" "$@"; }

# A read on a database that does not exist yet: empty, and nothing created.
run 0 d list
contains "$T/out" "No assessments yet"
if on_sqlite; then
    [ ! -e "$DB" ] && pass "list created no database" || fail "list created $DB"
fi

run 2 d new
contains "$T/err" "dpia: usage: dpia new --title"
run 0 d new --title "Marketing on viewing history"
[ "$(cat "$T/out")" = 1 ] && pass "new prints the id" || fail "new printed $(cat "$T/out")"
if on_sqlite; then
    mode=$(stat -c %a "$DB")
    [ "$mode" = 600 ] && pass "database mode 0600" || fail "database mode $mode"
fi
run 1 d new --title X --template no-such-template
contains "$T/err" "dpia: there is no template 'no-such-template'"
run 1 d new --title X --method no-such-method
contains "$T/err" "has no risk method 'no-such-method'"
# A title with an escape sequence is refused; one written behind dpia's
# back (an older version, a hostile file) is shown harmlessly below.
run 1 d new --title "$(printf 'Evil \033[2J\033]0;pwned\007 title')"
contains "$T/err" "title: a control character (U+001B, escape) at byte offset 5"
run 0 d new --title "Evil placeholder"
db_sql "$DB" "UPDATE assessments SET title = 'Evil ' || char(27) || '[2J' || char(27) || ']0;pwned' || char(7) || ' title' WHERE id = 2" ||
    fail "writing behind dpia's back"
run 0 d new --title "Second with ICO" --method ico-3x3

# Answers: checked against the question's type, canonical form kept.
run 0 d answer 1 scr.evaluation yes
run 0 d answer 1 scr.sensitive yes
run 1 d answer 1 scr.evaluation maybe
contains "$T/err" "allowed: yes, no"
run 1 d answer 1 no.such.question x
contains "$T/err" "dpia: template 'gdpr-dpia' has no question 'no.such.question'"
run 1 d answer 99 scr.evaluation yes
contains "$T/err" "dpia: there is no assessment 99"
run 2 d answer 1 scr.evaluation
printf 'Profiling of viewers\nfor targeted offers\n' > "$T/purposes"
run 0 sh -c "\"$DPIA\" -d \"$DB\" answer 1 desc.purposes - < \"$T/purposes\""
run 0 d answer 1 desc.purposes - --note "ask marketing" --flag < "$T/purposes"

# Risks and measures.
run 0 d risk add 1 --title "Re-identification of viewers" --likelihood 3 --severity 4 \
    --likelihood-after 2 --severity-after 2 --source "marketing staff" --impacts "embarrassment"
contains "$T/out" "R1"
run 0 d risk add 1 --title "Unexpected profiling" --likelihood 4 --severity 4
contains "$T/out" "R2"
run 1 d risk add 1 --title "Out of scale" --likelihood 9
contains "$T/err" "likelihood must be a whole number from 1 to 4"
run 2 d risk add 1 --likelihood 2
run 0 d measure add 1 --title "Pseudonymise viewing data" --owner "IT" --due 2027-01-31 \
    --status in-progress --type technical --risks 1,2
contains "$T/out" "M1"
run 1 d measure add 1 --title "Bad link" --risks 7
contains "$T/err" "there is no risk R7"
run 1 d measure add 1 --title "Bad date" --due 2027-02-30
contains "$T/err" "YYYY-MM-DD"
run 1 d measure add 1 --title "Bad status" --status finished
contains "$T/err" "one of: planned, in-progress, done, dropped"

# Sign-offs.
run 0 d signoff 1 --role dpo --name "Dana Officer" --advice "Proceed with pseudonymisation" \
    --followed no --why-not "Budget" --date 2026-11-30
run 1 d signoff 1 --role janitor --name X
contains "$T/err" "unknown role 'janitor' (one of: assessor, dpo, controller)"
run 1 d signoff 1 --role controller --name X --decision maybe
contains "$T/err" "unknown sign-off decision 'maybe'"
# An incomplete assessment is not approved from the command line either.
run 1 d signoff 1 --role controller --name "Chris Controller" --decision approve-with-conditions
contains "$T/err" "Approve with conditions is refused"
contains "$T/err" "required questions are unanswered"

# Status.
run 0 d status 1 review
run 1 d status 1 finished
contains "$T/err" "unknown status 'finished' (one of: draft, review"

# List: newest change first, sanitised.
run 0 d list
contains "$T/out" "Marketing on viewing history"
contains "$T/out" "review"
contains "$T/out" "High"
lacks "$T/out" "$(printf '\033')" "list output has no ESC"
lacks "$T/out" "$(printf '\007')" "list output has no BEL"
contains "$T/out" "Evil "

# Show.
run 0 d show 1
contains "$T/out" "Marketing on viewing history"
contains "$T/out" "Screening:"
contains "$T/out" "criterion"
contains "$T/out" "R1"
contains "$T/out" "before: High"
contains "$T/out" "after: Low"
contains "$T/out" "Art. 36"
contains "$T/out" "M1"
contains "$T/out" "Pseudonymise viewing data"
contains "$T/out" "Missing for sign-off"
contains "$T/out" "Dana Officer"
run 0 d show 2
lacks "$T/out" "$(printf '\033')" "show output has no ESC"
run 1 d show 42
contains "$T/err" "dpia: there is no assessment 42"
uuid=$(d list --format tsv | awk -F'\t' '$1 == 1 { print $2 }')
run 0 d show "$(echo "$uuid" | cut -c1-8)"
contains "$T/out" "uuid $uuid" "show by uuid prefix"

# History: who, what, old and new value, for every kind of change.
run 0 d history 1
contains "$T/out" "tester  Assessment started: Marketing on viewing history"
contains "$T/out" "Answer scr.evaluation: Yes"
contains "$T/out" "Answer desc.purposes: Profiling of viewers; for targeted offers"
contains "$T/out" "Note desc.purposes: ask marketing"
contains "$T/out" "Follow-up mark desc.purposes: No → Yes"
contains "$T/out" "Risk R1 added: Re-identification of viewers"
contains "$T/out" "Measure M1 added: Pseudonymise viewing data"
contains "$T/out" "M1 — Risks addressed: R1, R2"
contains "$T/out" "Data Protection Officer — Advice followed: No"
contains "$T/out" "Status: Draft → In review"

# Archive hides from the list; --all shows it again.
run 0 d archive 3
run 0 d list
lacks "$T/out" "Second with ICO"
run 0 d list --all
contains "$T/out" "Second with ICO"
contains "$T/out" "archived"

# Delete asks for --yes.
run 2 d delete 3
contains "$T/err" "add --yes"
run 0 d list --all
contains "$T/out" "Second with ICO" "not deleted without --yes"
run 0 d delete 3 --yes
run 0 d list --all
lacks "$T/out" "Second with ICO"
run 1 d delete 3 --yes
contains "$T/err" "no assessment"

# Usage errors.
run 2 d list --format yaml
contains "$T/err" "unknown format 'yaml'"
run 2 d list --bogus
contains "$T/err" "unknown option '--bogus'"
run 2 d status 1
run 2 d history

# A new value without --note keeps the note already there (the store
# once freed that note while copying it).
run 0 d answer 1 desc.purposes "First purpose" --note "Ask legal"
run 0 d answer 1 desc.purposes "Second purpose"
run 0 d export 1 --format xml
contains "$T/out" "Ask legal" "the note survives a new value"

# DPIA_DB chooses the database too, and so does the settings' database
# when neither -d nor DPIA_DB does.
run 0 env DPIA_DB="$DB" "$DPIA" list
contains "$T/out" "Marketing on viewing history"
mkdir -p "$HOME/.config/dpia"
printf 'database = %s\n' "$DB" >"$HOME/.config/dpia/config"
run 0 "$DPIA" list
contains "$T/out" "Marketing on viewing history" "the settings' database"
run 0 env DPIA_DB="$T/elsewhere.sqlite" "$DPIA" list
contains "$T/out" "No assessments yet" "DPIA_DB before the settings"
rm "$HOME/.config/dpia/config"

done_testing
