#!/bin/sh
# The review as part of the record: asked of the DPO by a contributor,
# commented on question by question (threads with replies, resolved by
# their author, an owner or the DPO), returned with comments, asked
# again, passed to the decision-maker, decided; each step refused to
# whoever may not take it, with the role needed and who holds it; what
# waits for each person; the steps and the threads in the change log and
# the XML record, and back through an import.
. "$TOP_SRCDIR/tests/lib.sh"

DB=$(test_db db.sqlite)
as() { who=$1; shift; DPIA_USER=$who "$DPIA" -d "$DB" "$@"; }

run 0 as olga new --title "Loyalty card"
id=$(cat "$T/out")
run 0 as olga member "$id" add carl contributor
run 0 as olga member "$id" add dana dpo
run 0 as olga member "$id" add max decision-maker
run 0 as olga member "$id" add rita reader
run 0 as carl answer "$id" scr.project "Points for every visit."

run 0 as dana waiting
contains "$T/out" "Nothing waits for you." "nothing waits before the review is asked for"

# --- asked of the DPO ------------------------------------------------------------
run 1 as dana review "$id" request
contains "$T/err" "dpia: dana (DPO) cannot ask for the review of assessment $id: that needs the role owner or contributor (held by olga, carl)"
run 1 as rita review "$id" request
contains "$T/err" "rita (reader) cannot ask for the review"
run 1 as dana review "$id" pass
contains "$T/err" "assessment $id is not in review: ask for the review first"
run 0 as carl review "$id" request --comment "Ready for your eyes"
contains "$T/out" "In review: in review with the DPO"
run 1 as olga review "$id" request
contains "$T/err" "assessment $id is already in review with the DPO"
run 0 as dana waiting
contains "$T/out" "Loyalty card"
contains "$T/out" "review requested of you as DPO"
run 0 as dana waiting --format tsv
contains "$T/out" "$(printf '%s\treview\treview\t0\tLoyalty card' "$id")"
run 0 as dana waiting --format json
contains "$T/out" '"what": ["review"]'
run 0 as max waiting
contains "$T/out" "Nothing waits for you."
# The decision waits for the DPO.
run 1 as max decide "$id" reject --name "Max Controller"
contains "$T/err" "the review of assessment $id is with the DPO (dana): the decision waits until the DPO passes it"

# --- comments, question by question ------------------------------------------------
run 0 as dana comment "$id" scr.project "Which data does a visit record?"
[ "$(cat "$T/out")" = 1 ] && pass "the first comment is number 1" || fail "comment number $(cat "$T/out")"
run 0 as carl comment "$id" --reply 1 "Date, shop and basket total."
[ "$(cat "$T/out")" = 2 ] && pass "the reply is number 2" || fail "reply number $(cat "$T/out")"
run 0 as max comment "$id" desc.use "Say why points need the basket."
run 1 as rita comment "$id" scr.project "Me too"
contains "$T/err" "rita (reader) cannot comment on assessment $id: that needs the role owner, contributor, DPO or decision-maker (held by olga, carl, dana, max)"
run 1 as dana comment "$id" no.such "Hm"
contains "$T/err" "has no question 'no.such'"
run 1 as dana comment "$id" --reply 9 "Hm"
contains "$T/err" "assessment $id has no comment 9"
run 2 as dana comment "$id" --reply x "Hm"
run 0 as rita comments "$id"
contains "$T/out" "#1 scr.project dana "
contains "$T/out" ", open"
contains "$T/out" "    Which data does a visit record?"
contains "$T/out" "    #2 carl "
contains "$T/out" "      Date, shop and basket total."
run 0 as carl waiting
contains "$T/out" "2 open comment threads" "open threads wait for a contributor"
# Resolved by the author, an owner or the DPO; not by others.
run 1 as carl comment "$id" --resolve 1
contains "$T/err" "carl cannot resolve the thread of comment 1: that is for its author (dana), the role owner (held by olga) or the role DPO (held by dana)"
run 1 as max comment "$id" --resolve 2
contains "$T/err" "max cannot resolve the thread of comment 1"
run 0 as dana comment "$id" --resolve 2
contains "$T/out" "thread of comment 1 resolved" "a reply's number resolves its thread"
run 1 as dana comment "$id" --resolve 1
contains "$T/err" "the thread of comment 1 is already resolved (by dana)"
run 1 as carl comment "$id" --reply 1 "One more thing"
contains "$T/err" "the thread of comment 1 is resolved (by dana): start a new one"
run 0 as olga comments "$id" --open
lacks "$T/out" "#1 scr.project" "a resolved thread is not open"
contains "$T/out" "#3 desc.use max"
run 0 as olga comments "$id" --format tsv
contains "$T/out" "$(printf '1\t1\tscr.project\tdana\t')"
contains "$T/out" "$(printf '2\t1\tscr.project\tcarl\t')"
run 0 as olga comments "$id" --format json
contains "$T/out" '"number": 3, "thread": 3, "question": "desc.use", "who": "max"'
# Opened again, by the same people who may resolve it, then resolved again.
run 1 as carl comment "$id" --reopen 1
contains "$T/err" "carl cannot reopen the thread of comment 1: that is for its author (dana), the role owner (held by olga) or the role DPO (held by dana)"
run 1 as dana comment "$id" --reopen 3
contains "$T/err" "the thread of comment 3 is open"
run 2 as dana comment "$id" --reopen 1 --resolve 1
run 0 as olga comment "$id" --reopen 2
contains "$T/out" "thread of comment 1 reopened" "an owner reopens a thread by a reply's number"
run 0 as olga comments "$id" --open
contains "$T/out" "#1 scr.project" "a reopened thread is open"
run 0 as olga history "$id"
contains "$T/out" "olga  Comment 1 reopened"
run 0 as dana comment "$id" --resolve 1
contains "$T/out" "thread of comment 1 resolved"

# --- returned with comments ------------------------------------------------------
run 1 as carl review "$id" return
contains "$T/err" "carl (contributor) cannot record the DPO's advice, judgements or review steps on assessment $id: that needs the role DPO (held by dana)"
run 1 as dana review "$id" pass
contains "$T/err" "the DPO's advice on assessment $id is not recorded (Art. 35(2)): record it before passing the review to the decision-maker"
run 0 as dana review "$id" return --comment "See my comments"
contains "$T/out" "Draft: returned with comments"
run 0 as olga waiting
contains "$T/out" "returned with comments; 1 open comment thread" "a returned review waits for its owner"
run 0 as dana waiting
contains "$T/out" "Nothing waits for you." "the request is closed"

# --- asked again, passed, decided ------------------------------------------------
run 0 as olga status "$id" review
run 0 as dana show "$id"
contains "$T/out" "review: in review with the DPO"
run 0 as dana signoff "$id" --role dpo --name "Dana Officer" --advice "Fine once the basket is gone"
run 1 as max review "$id" pass
contains "$T/err" "max (decision-maker) cannot record the DPO's advice"
run 0 as dana review "$id" pass --comment "Over to you"
contains "$T/out" "In review: with the decision-maker"
run 1 as dana review "$id" pass
contains "$T/err" "assessment $id is already with the decision-maker"
run 1 as dana review "$id" return
contains "$T/err" "dana (DPO) cannot record the controller's decision on assessment $id: that needs the role decision-maker (held by max)"
run 0 as max waiting
contains "$T/out" "passed to you for the decision"
run 0 as max decide "$id" reject --name "Max Controller"
contains "$T/out" "Rejected"
run 0 as max waiting
contains "$T/out" "Nothing waits for you."
run 1 as max review "$id" return
contains "$T/err" "is decided (Rejected)"
run 1 as dana comment "$id" scr.project "Late thought"
contains "$T/err" "is decided (Rejected)"

# --- the change log and the record ---------------------------------------------------
run 0 as olga history "$id"
contains "$T/out" "carl  Review requested of the DPO: Ready for your eyes"
contains "$T/out" "dana  Returned with comments: See my comments"
contains "$T/out" "olga  Review requested of the DPO: "
contains "$T/out" "dana  Passed to the decision-maker: Over to you"
contains "$T/out" "dana  Comment 1 on scr.project: Which data does a visit record?"
contains "$T/out" "carl  Comment 2, in reply to 1: Date, shop and basket total."
contains "$T/out" "dana  Comment 1 resolved: resolved"
run 0 as olga export "$id" --format xml -o "$T/r.xml"
if [ -n "${XMLLINT:-}" ]; then
    checks=$((checks + 1))
    "$XMLLINT" --noout --relaxng "$TOP_SRCDIR/templates/dpia-record.rng" "$T/r.xml" 2>"$T/err" &&
        pass "the record validates" || { fail "the record does not validate"; cat "$T/err"; }
fi
contains "$T/r.xml" 'number="1" step="requested" step-label="review requested of the DPO"'
contains "$T/r.xml" 'step="returned" step-label="returned with comments" who="dana">See my comments</step>'
contains "$T/r.xml" 'step="passed" step-label="passed to the decision-maker" who="dana">Over to you</step>'
contains "$T/r.xml" '<thread number="1" question="scr.project" resolved-at="'
contains "$T/r.xml" 'resolved-by="dana">'
contains "$T/r.xml" 'number="2" who="carl">Date, shop and basket total.</comment>'
contains "$T/r.xml" '<thread number="3" question="desc.use">'
run 0 as olga export "$id" --format html -o "$T/r.html"
contains "$T/r.html" "Comments on the questions"
contains "$T/r.html" "Resolved by dana"
contains "$T/r.html" "passed to the decision-maker"

# Back through an import: the steps and the threads as they were.
run 0 as olga import "$T/r.xml"
copy=$(cat "$T/out")
run 0 as olga comments "$copy" --format tsv
contains "$T/out" "$(printf '1\t1\tscr.project\tdana\t')" "the import keeps the threads"
contains "$T/out" "$(printf '3\t3\tdesc.use\tmax\t')"
run 0 as olga export "$copy" --format xml -o "$T/c.xml"
for part in review comments; do
    sed -n "/<$part>/,/<\/$part>/p" "$T/r.xml" >"$T/a.$part"
    sed -n "/<$part>/,/<\/$part>/p" "$T/c.xml" >"$T/b.$part"
    checks=$((checks + 1))
    if [ -s "$T/a.$part" ] && cmp -s "$T/a.$part" "$T/b.$part"; then
        pass "<$part> comes back from an import as it was"
    else
        fail "<$part> differs after an import"
        diff "$T/a.$part" "$T/b.$part" | head -10
    fi
done

# A new revision starts with no review and no comment.
run 0 as olga revise "$id"
run 0 as olga comments "$id"
contains "$T/out" "No comment yet."
run 0 as olga show "$id" --format tsv
checks=$((checks + 1))
grep -qx "$(printf 'review\t')" "$T/out" && pass "the new revision is not in review" ||
    fail "the new revision says: $(grep '^review' "$T/out")"
done_testing
