#!/bin/sh
# dpia undo: the latest change still standing is taken back, again and
# again further back, each time saying what came back; someone else's
# change only with --theirs; the undo is in the change log; a decided
# revision is not changed; what cannot be undone is said so.
. "$TOP_SRCDIR/tests/lib.sh"

DB=$(test_db db.sqlite)
d() { "$DPIA" -d "$DB" "$@"; }
by() { who=$1; shift; DPIA_USER=$who "$DPIA" -d "$DB" "$@"; }

run 0 d new --title "Loyalty programme"
# bob works on it too.
run 0 d member 1 add bob contributor
run 0 d answer 1 scr.evaluation yes
run 0 d answer 1 scr.evaluation no --note "Only counts visits"
run 0 d risk add 1 --title "Re-identification" --likelihood 2 --severity 3
run 0 d measure add 1 --title "Aggregate the counts" --risks R1

# The measure, added with its link to R1, goes in one undo.
run 0 d undo 1
contains "$T/out" "Undone: measure M1, “Aggregate the counts”, is removed again."
run 0 d show 1
lacks "$T/out" "Aggregate the counts" "the measure is gone"
contains "$T/out" "Re-identification" "the risk is still there"
run 0 d undo 1
contains "$T/out" "Undone: risk R1, “Re-identification”, is removed again."
# The answer and its note were one change: both come back at once.
run 0 d undo 1
contains "$T/out" "Undone: the answer is back to “Yes” for “Does the processing evaluate or score"
run 0 d show 1 --format json
contains "$T/out" '"criteria": [1]' "criterion 1 (evaluation) met again"
run 0 d export 1 --format xml -o -
lacks "$T/out" "<note>Only counts visits</note>" "the note went with the answer"

# Someone else's change: refused without --theirs, nothing written.
run 0 by bob answer 1 scr.monitoring yes
run 0 d history 1
cp "$T/out" "$T/before"
run 1 d undo 1
contains "$T/err" "dpia: the latest change to assessment 1 (answer scr.monitoring) was made by bob, not by you (tester); give --theirs to undo it all the same"
run 0 d history 1
same "$T/before" "$T/out" "a refused undo writes nothing"
run 0 d undo 1 --theirs
contains "$T/out" "Undone: the answer is back to “(empty)” for “Does the processing observe, monitor"

# The change log tells the truth: every undo is there, by whom.
run 0 d history 1 --format tsv
contains "$T/out" "tester	undone: answer scr.monitoring	yes	"
contains "$T/out" "tester	undone: measure M1 added	Aggregate the counts	"
contains "$T/out" "tester	undone: measure M1 risks	R1	"
contains "$T/out" "tester	undone: risk R1 added	Re-identification	"
contains "$T/out" "tester	undone: note scr.evaluation	Only counts visits	"
contains "$T/out" "tester	undone: answer scr.evaluation	no	yes"

# Again: past the undos to the first answer, then to bob's joining,
# which is not undone (nor is the creation).
run 0 d undo 1
contains "$T/out" "the answer is back to “(empty)”"
run 1 d undo 1
contains "$T/err" "the latest change to assessment 1 (member bob) cannot be undone"

# A decided revision stays as it was signed.
run 0 d new --title "Menu survey"
grep -o 'question id="scr\.[^"]*" type="yesno"' "$TOP_SRCDIR/templates/gdpr-dpia.xml" |
    sed 's/question id="//; s/".*//' >"$T/screening"
while read -r q; do d answer 2 "$q" no >/dev/null || fail "answering $q"; done <"$T/screening"
run 0 d answer 2 scr.project "A menu survey."
run 0 d answer 2 scr.decision not-carry-out
run 0 d signoff 2 --role dpo --name "Dana Officer" --advice "No DPIA needed"
run 0 d close 2
run 0 d history 2
cp "$T/out" "$T/before"
run 1 d undo 2
contains "$T/err" "revision 1 of assessment 2 is decided (DPIA not required) and stays as it was signed"
run 0 d history 2
same "$T/before" "$T/out" "nothing written on a decided revision"

# Usage.
run 2 d undo
contains "$T/err" "usage: dpia undo ID [--theirs]"
run 2 d undo 1 --mine
run 1 d undo 9
done_testing
