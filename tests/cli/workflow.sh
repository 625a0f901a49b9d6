#!/bin/sh
# The workflow rules from the command line: every gate refuses with all
# its reasons and writes nothing, then passes once satisfied; warnings are
# acknowledged and kept; statuses come from their own steps; a decided
# revision is frozen and stays readable as signed; screening can close an
# assessment as "DPIA not required" but never where a DPIA is mandatory;
# the change log keeps every choice; coverage of the feared events means
# a risk of that type; the CNIL map's four zones.
. "$TOP_SRCDIR/tests/lib.sh"

DB=$(test_db db.sqlite)
OTHER=$(test_db other.sqlite)
d() { "$DPIA" -d "$DB" "$@"; }
# Setting up (answering every question) is not what is tested: under
# valgrind (tests/valgrind/cli.sh) it runs without it.
setup() { "${DPIA_REAL:-$DPIA}" -d "$DB" "$@"; }

# Answers every question of the default template that the test does not
# set itself: screening so that a DPIA is required (criteria 1 and 5),
# the rest with something that fits its type. Dates lie after the
# measures' due dates, so that none is overdue nor late.
answer_all() {
    awk '/<question /{
            match($0, /id="[^"]*"/); id = substr($0, RSTART + 4, RLENGTH - 5)
            match($0, /type="[^"]*"/); ty = substr($0, RSTART + 6, RLENGTH - 7)
            open = 1; next }
         /<option value=/ && open {
            match($0, /value="[^"]*"/); print id, ty, substr($0, RSTART + 7, RLENGTH - 8)
            open = 0 }
         /<\/question>/ && open { print id, ty; open = 0 }' \
        "$TOP_SRCDIR/templates/gdpr-dpia.xml" >"$T/questions"
    while read -r id type option; do
        case "$id" in
        scr.not-reasons | scr.not-dpo-view | risk.no-*) continue ;;
        scr.evaluation | scr.large-scale) v=yes ;;
        scr.decision) v=carry-out ;;
        desc.data-items) v=$(printf '1\tAn item\tno\t\t12 months') ;;
        desc.purpose-list) v=$(printf '1\tA purpose\tD1\tconsent\t') ;;
        *)
            case "$type" in
            yesno) v=no ;;
            date) v=2027-06-30 ;;
            choice | multi) v=$option ;;
            list) v="An entry" ;;
            *) v="Answered for the test." ;;
            esac
            ;;
        esac
        setup answer "$1" "$id" "$v" >/dev/null 2>"$T/answer-err" || {
            fail "answer $id=$v: $(cat "$T/answer-err")"
            return 1
        }
    done <"$T/questions"
}

# --- A draft is approved by nobody --------------------------------------

run 0 d new --title "Loyalty tweets"
run 1 d decide 1 approve --name "Chris Controller"
contains "$T/err" "Approve is refused"
contains "$T/err" "required questions are unanswered"
contains "$T/err" "The risk register is empty."
contains "$T/err" "The DPO's advice is not recorded (Art. 35(2))."
contains "$T/err" "No review date is set"
contains "$T/err" "Screening:"
run 1 d signoff 1 --role controller --name "Chris Controller" --decision approve
contains "$T/err" "Approve is refused" "signoff --decision goes through the same gate"
run 1 d status 1 approved
contains "$T/err" "is the outcome of a decision: record it with dpia decide"
run 1 d status 1 archived
contains "$T/err" "dpia archive"
run 0 d show 1
contains "$T/out" "status: Draft" "nothing written by the refusals"
run 0 d history 1 --format tsv
lacks "$T/out" "decision" "no decision in the change log"
lacks "$T/out" "approved" "no approval in the change log"
# Reject and refer need the DPO's advice too.
run 1 d decide 1 reject --name "Chris Controller"
contains "$T/err" "The DPO's advice is not recorded"
lacks "$T/err" "required questions" "rejecting needs no complete assessment"
run 0 d status 1 review
run 0 d status 1 draft

# --- Completing it ----------------------------------------------------------

answer_all 1
# A screening that requires a DPIA does not close as "not required".
run 1 d close 1
contains "$T/err" "The screening does not conclude that no DPIA is carried out"
run 1 d decide 1 approve --name "Chris Controller"
contains "$T/err" "The risk register is empty."
# Left: why no risk concerns each feared event, until a risk does.
contains "$T/err" "3 required questions are unanswered (first: risk.no-access)."
# Prior consultation (Art. 36) is judged on the scored risks.
contains "$T/err" "Art. 36; WP248 rev.01 Annex 2 not covered"
# One risk of each feared event, scored before and after.
run 0 d risk add 1 --title "Staff browse individual viewing" --type illegitimate-access \
    --likelihood 3 --severity 3 --likelihood-after 1 --severity-after 2
run 0 d risk add 1 --title "Counts altered before posting" --type unwanted-modification \
    --likelihood 2 --severity 2 --likelihood-after 1 --severity-after 1
run 0 d risk add 1 --title "Export lost" --type disappearance \
    --likelihood 1 --severity 1 --likelihood-after 1 --severity-after 1
run 1 d risk add 1 --title "Bad type" --type leak
contains "$T/err" "unknown risk type 'leak'"
run 1 d risk add 1 --title "Off the scale" --likelihood 5
contains "$T/err" "likelihood"
run 1 d decide 1 approve --name "Chris Controller"
contains "$T/err" "Risk R1 has no measure addressing it."
lacks "$T/err" "Art. 36; WP248" "the risks scored, Art. 36 is covered before the DPO's advice"
run 0 d measure add 1 --title "Aggregate over 10,000 accounts" --risks 1 --due 2027-01-31 \
    --owner "Data lead"
run 0 d signoff 1 --role dpo --name "Dana Officer" --advice "Proceed with the measures" \
    --followed yes
run 1 d signoff 1 --role dpo --name "Dana Officer" --advice "Overruled" --followed no
contains "$T/err" "record the reasons"
run 1 d decide 1 approve --name "Chris Controller"
contains "$T/err" "1 reason"
contains "$T/err" "No review date is set"
run 0 d review 1 2029-11-30
run 0 d show 1
contains "$T/out" "Nothing is missing for sign-off."
lacks "$T/out" "Art. 36; WP248" "no Art. 36 gap beside 'not required' before the decision"
# Conditions must be written down.
run 1 d decide 1 approve-with-conditions --name "Chris Controller"
contains "$T/err" "Write down the conditions of the approval."

# --- Warnings: acknowledged, and kept ----------------------------------------

run 0 d answer 1 desc.roles "Kestrel is the controller." --flag
run 0 d measure add 1 --title "Late training" --risks 1 --due 2027-09-01
run 0 d measure add 1 --title "Access review" --risks 1 --due 2001-01-31
# The description says vulnerable people are concerned; the screening
# said no.
run 0 d answer 1 desc.vulnerable yes
run 0 d answer 1 desc.vulnerable-detail "Children on family accounts."
run 1 d decide 1 approve-with-conditions --name "Chris Controller" \
    --conditions "Only aggregates are posted"
contains "$T/err" "4 warnings to acknowledge before the decision (add --acknowledge"
contains "$T/err" "desc.roles is marked for follow-up."
contains "$T/err" "Measure M2 is due on 2027-09-01, after the processing starts (2027-06-30)."
contains "$T/err" "Measure M3 was due on 2001-01-31 and is only planned."
contains "$T/err" "desc.vulnerable is answered yes but scr.vulnerable no: the answers contradict"
lacks "$T/err" "reasons" "warnings alone: nothing is refused"
run 0 d show 1
contains "$T/out" "To acknowledge before a decision"
contains "$T/out" "status: Draft" "nothing written without the acknowledgement"
run 0 d decide 1 approve-with-conditions --name "Chris Controller" \
    --conditions "Only aggregates are posted" --acknowledge
contains "$T/out" "Approved with conditions"
run 0 d history 1 --format tsv
contains "$T/out" "sign-off controller warnings acknowledged" "the warnings are kept"
contains "$T/out" "desc.roles is marked for follow-up."
contains "$T/out" "approved-with-conditions"
run 0 d show 1
contains "$T/out" "warnings acknowledged with the decision:"
contains "$T/out" "    - Measure M2 is due on 2027-09-01"
contains "$T/out" "    - desc.vulnerable is answered yes but scr.vulnerable no"
run 0 d list
contains "$T/out" "approved-with-conditions"

# --- A decided revision is frozen --------------------------------------------

run 1 d answer 1 desc.roles "Changed after signing"
contains "$T/err" "stays as it was signed: open a new revision (dpia revise)"
run 1 d risk add 1 --title "Late risk"
contains "$T/err" "open a new revision"
run 1 d measure add 1 --title "Late measure"
run 1 d signoff 1 --role dpo --name "Dana Officer" --advice "Changed my mind"
run 1 d review 1 2030-01-01
run 1 d decide 1 reject --name "Chris Controller"
contains "$T/err" "decided"
run 1 d status 1 draft
contains "$T/err" "open a new revision"

# --- Archive and restore keep the status ------------------------------------

run 0 d archive 1
run 1 d archive 1
run 1 d answer 1 desc.roles "While archived"
contains "$T/err" "archived"
run 0 d restore 1
contains "$T/out" "Approved with conditions"
run 1 d restore 1
contains "$T/err" "not archived"
run 0 d export 1 --format xml -o "$T/rev1.xml"

# --- Revision 2 ---------------------------------------------------------------

run 1 d diff 1
contains "$T/err" "only one revision"
run 0 d revise 1
contains "$T/out" "Opened: revision 2, Draft"
run 1 d revise 1
contains "$T/err" "not decided yet"
run 0 d show 1
contains "$T/out" "revision 2, replacing the revision decided on"
contains "$T/out" "The DPO's advice is not recorded" "the new revision starts without sign-offs"
contains "$T/out" "Data Protection Officer: -"
run 0 d show 1 --revision 1
contains "$T/out" "status: Approved with conditions" "revision 1 as it was signed"
contains "$T/out" "Dana Officer"
contains "$T/out" "revision 1"
run 1 d show 1 --revision 3
contains "$T/err" "has no revision 3"
# Revision 1's record is the one exported when it was in force.
run 0 d export 1 --revision 1 --format xml -o "$T/rev1-kept.xml"
checks=$((checks + 1))
# The export time and the digest that follows from it may differ.
sed -e 's/exported="[^"]*"//' -e 's|<digest algorithm="sha256">[0-9a-f]*</digest>||' \
    "$T/rev1.xml" >"$T/a"
sed -e 's/exported="[^"]*"//' -e 's|<digest algorithm="sha256">[0-9a-f]*</digest>||' \
    "$T/rev1-kept.xml" >"$T/b"
if cmp -s "$T/a" "$T/b"; then pass "revision 1's record kept as it was"; else
    fail "revision 1's record differs from its export"; diff "$T/a" "$T/b" | head -10; fi
run 0 d export 1 --revision 1 --format html -o "$T/rev1.html"
contains "$T/rev1.html" "Dana Officer"
run 0 d import "$T/rev1-kept.xml"
run 0 d show 2
contains "$T/out" "Approved with conditions" "the kept record imports with its digest"

run 0 d answer 1 desc.purposes "Tweets about aggregate viewing only."
run 0 d diff 1
contains "$T/out" "Revision 1 -> revision 2"
contains "$T/out" "Answer desc.purposes"
contains "$T/out" "Tweets about aggregate viewing only."
contains "$T/out" "Data Protection Officer — Name"
run 0 d diff 1 1 2 --format tsv
contains "$T/out" "answer desc.purposes" "the TSV keeps the change's key"
run 0 d signoff 1 --role dpo --name "Dana Officer" --advice "Still fine" --followed yes
run 0 d decide 1 approve --name "Chris Controller" --acknowledge
contains "$T/out" "Approve: Approved"
run 0 d show 1 --revision 1
contains "$T/out" "Approved with conditions" "revision 1 unchanged by revision 2's decision"
# Revision 2's record, imported elsewhere, exports again with what
# changed since revision 1 (its record carries it).
run 0 d export 1 --format xml -o "$T/rev2.xml"
contains "$T/rev2.xml" 'revision="2"'
contains "$T/rev2.xml" "Tweets about aggregate viewing only."
run 0 "$DPIA" -d "$OTHER" import "$T/rev2.xml"
run 0 "$DPIA" -d "$OTHER" export 1 --format xml -o "$T/rev2-again.xml"
contains "$T/rev2-again.xml" 'revision="2"'
contains "$T/rev2-again.xml" "Tweets about aggregate viewing only." "the changes since revision 1 kept"

# --- Screening --------------------------------------------------------------

run 0 d new --title "Canteen menu survey"
id=3
for q in scr.evaluation scr.automated-decision scr.monitoring scr.sensitive scr.large-scale \
    scr.matching scr.vulnerable scr.innovative scr.prevents-rights scr.art35-3b scr.art35-3c \
    scr.sa-list; do
    d answer $id $q no >/dev/null || fail "answer $q"
done
d answer $id scr.project "A menu survey." >/dev/null
# A mandatory case forbids "no DPIA".
run 0 d answer $id scr.art35-3a yes
run 1 d answer $id scr.decision not-carry-out
contains "$T/err" "a DPIA is mandatory here (Art. 35(3)(a) applies)"
run 0 d answer $id scr.art35-3a no
# The change log keeps every choice, even three within a minute.
run 0 d answer $id scr.decision carry-out
run 0 d answer $id scr.decision not-carry-out
run 0 d answer $id scr.decision carry-out
run 0 d answer $id scr.decision not-carry-out
run 0 d history $id --format tsv
checks=$((checks + 1))
n=$(grep -c "answer scr.decision" "$T/out")
[ "$n" -eq 4 ] && pass "four choices, four entries" || fail "$n entries for four choices"
n=$(grep -c "answer scr.art35-3a" "$T/out")
[ "$n" -eq 2 ] && pass "yes then no: two entries" || fail "$n entries for two answers"
# No criterion met: no reasons "despite the criteria" are asked.
run 0 d show $id
lacks "$T/out" "scr.not-reasons" "no reasons asked without criteria"
run 1 d close $id
contains "$T/err" "The DPO's sign-off (name and advice) is not recorded."
run 0 d signoff $id --role dpo --name "Dana Officer" --advice "No DPIA needed for a menu survey"
run 0 d close $id
contains "$T/out" "DPIA not required"
run 0 d list
contains "$T/out" "not-required"
run 1 d answer $id scr.project "Changed"
contains "$T/err" "open a new revision"
run 0 d export $id --format html -o "$T/closed.html"
contains "$T/closed.html" "DPIA not required"

# One criterion met: declining needs the reasons and the DPO's view.
run 0 d new --title "Newsletter"
id=4
for q in scr.evaluation scr.automated-decision scr.monitoring scr.sensitive scr.large-scale \
    scr.matching scr.vulnerable scr.prevents-rights scr.art35-3a scr.art35-3b scr.art35-3c \
    scr.sa-list; do
    d answer $id $q no >/dev/null || fail "answer $q"
done
d answer $id scr.project "A newsletter." >/dev/null
run 0 d answer $id scr.innovative yes
run 0 d answer $id scr.decision not-carry-out
run 0 d signoff $id --role dpo --name "Dana Officer" --advice "Agreed"
run 1 d close $id
contains "$T/err" "the reasons or the DPO's view are not recorded"
run 1 d decide $id reject --name "Chris Controller"
contains "$T/err" "close the assessment as \"DPIA not required\""
run 0 d answer $id scr.not-reasons "Small scale, known technology."
run 0 d answer $id scr.not-dpo-view "The DPO agrees."
run 0 d close $id
run 1 d close 1
contains "$T/err" "decided"

# --- Coverage: the three feared events -----------------------------------------

run 0 d new --title "Feared events"
id=5
run 0 d risk add $id --title "Leak" --type illegitimate-access --likelihood 1 --severity 1 \
    --likelihood-after 1 --severity-after 1
run 0 d show $id
contains "$T/out" "WP248 rev.01 Annex 2 not covered: Illegitimate access, undesired modification and disappearance"
run 0 d answer $id risk.no-modification "The campaign only reads viewing data."
run 0 d risk add $id --title "Loss" --type disappearance --likelihood 1 --severity 1 \
    --likelihood-after 1 --severity-after 1
run 0 d show $id
lacks "$T/out" "undesired modification and disappearance" "a risk or a reason for each event"
# The counts agree: the heading counts the lines below it, and the
# record's summary holds the same blockers.
checks=$((checks + 1))
head=$(sed -n 's/^Missing for sign-off (\([0-9]*\))$/\1/p' "$T/out")
lines=$(sed -n '/^Missing for sign-off/,/^$/p' "$T/out" | grep -c '^  - ')
[ -n "$head" ] && [ "$head" -eq "$lines" ] && pass "show counts the $lines lines it lists" ||
    fail "show says ${head:-?} missing but lists $lines"
sed -n '/^Missing for sign-off/,/^$/s/^  - //p' "$T/out" >"$T/show-items"
# The HTML report lists the same reasons, word for word.
run 0 d export $id --format html -o "$T/feared.html"
tr -d '\n' <"$T/feared.html" |
    sed -e 's|.*<h3>Outstanding before sign-off</h3><ul>||' -e 's|</ul>.*||' \
        -e 's|<li>||g' -e 's|</li>|@|g' | tr '@' '\n' |
    sed -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g' >"$T/html-items"
checks=$((checks + 1))
if [ "$lines" -gt 0 ] && cmp -s "$T/show-items" "$T/html-items"; then
    pass "the HTML report lists the same $lines reasons as show"
else
    fail "the HTML report and show differ"
    diff "$T/show-items" "$T/html-items" | head -10
fi
run 0 d export $id --format xml -o "$T/feared.xml"
checks=$((checks + 1))
n=$(grep -c "<blocker>" "$T/feared.xml")
[ "$n" -eq "$lines" ] && pass "the record lists the same $n blockers" ||
    fail "the record lists $n blockers, show $lines"

# --- The CNIL map: a certain but negligible inconvenience is not high ---------

run 0 d risk add $id --title "Certain but negligible" --likelihood 4 --severity 1 \
    --likelihood-after 4 --severity-after 1
run 0 d show $id
contains "$T/out" "before: Medium (likelihood 4, severity 1)"
lacks "$T/out" "prior consultation of the supervisory authority (Art. 36) is required"
run 0 d risk add $id --title "Severe and likely" --likelihood 3 --severity 4 \
    --likelihood-after 3 --severity-after 3
run 0 d show $id
contains "$T/out" "prior consultation of the supervisory authority (Art. 36) is required"
run 0 d review $id 2029-01-01
run 1 d decide $id approve --name "Chris Controller"
contains "$T/err" "(Art. 36), so it cannot be approved"
done_testing
