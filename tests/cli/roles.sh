#!/bin/sh
# People and roles: on one assessment an owner, a contributor, a DPO, a
# decision-maker and a reader, each as DPIA_USER, refused and allowed as
# the rules say, each refusal one sentence naming the role needed and
# who holds it; records made on someone's behalf, with the reason, in
# the change log and the record; the owner alone stands in for the DPO
# and the decision-maker; the last owner stays; the members in the
# change log, the XML record, the HTML report, and kept by an import.
. "$TOP_SRCDIR/tests/lib.sh"

DB=$(test_db db.sqlite)
as() { who=$1; shift; DPIA_USER=$who "$DPIA" -d "$DB" "$@"; }

run 0 as olga new --title "Loyalty card"
id=$(cat "$T/out")
run 0 as olga member "$id"
contains "$T/out" "owner             olga" "whoever creates it owns it"
run 0 as olga member "$id" add carl contributor
contains "$T/out" "carl: contributor"
run 0 as olga member "$id" add dana dpo
run 0 as olga member "$id" add max decision-maker
run 0 as olga member "$id" add rita reader
run 0 as rita member "$id" list --format tsv
contains "$T/out" "$(printf 'person\trole')"
contains "$T/out" "$(printf 'dana\tdpo')"
contains "$T/out" "$(printf 'max\tdecision-maker')"
run 0 as rita member "$id" --format json
contains "$T/out" '{"person": "rita", "role": "reader"}'

# --- who changes what --------------------------------------------------------
run 0 as carl answer "$id" scr.project "Points for every visit."
run 0 as olga answer "$id" scr.evaluation no
run 1 as rita answer "$id" scr.project "Mine"
contains "$T/err" "dpia: rita (reader) cannot change assessment $id: that needs the role owner or contributor (held by olga, carl)"
run 1 as kim answer "$id" scr.project "Mine"
contains "$T/err" "kim (not a member) cannot change assessment $id" "not a member reads only"
run 1 as dana risk add "$id" --title "Profiling"
contains "$T/err" "dana (DPO) cannot change assessment $id"
run 0 as carl risk add "$id" --title "Profiling" --likelihood 2 --severity 2
run 1 as max contacts "$id" --controller "Acme"
contains "$T/err" "max (decision-maker) cannot change assessment $id"
run 1 as rita workshop "$id" start --place "Room 1"
contains "$T/err" "rita (reader) cannot change assessment $id"
# Everyone reads.
run 0 as kim show "$id"
contains "$T/out" "people: olga (owner), carl (contributor), dana (DPO), max (decision-maker), rita (reader)"

# --- only an owner manages the members ---------------------------------------------
run 1 as carl member "$id" add lee reader
contains "$T/err" "carl (contributor) cannot add, change or remove the members of assessment $id: that needs the role owner (held by olga)"
run 1 as olga member "$id" add dana reader
contains "$T/err" "dana is already a member of assessment $id, as DPO"
run 1 as olga member "$id" set kim reader
contains "$T/err" "kim is not a member of assessment $id"
run 2 as olga member "$id" add lee boss
contains "$T/err" "unknown role 'boss'"
run 1 as olga member "$id" remove olga
contains "$T/err" "olga is the last owner of assessment $id: make someone else owner first"
run 1 as olga member "$id" set olga contributor
contains "$T/err" "olga is the last owner"
run 0 as olga member "$id" add lee reader
run 0 as olga member "$id" set lee contributor
run 0 as olga member "$id" remove lee
contains "$T/out" "lee: no longer a member of assessment $id"
run 0 as olga history "$id" --format tsv
contains "$T/out" "$(printf 'olga\tmember lee\t\treader')" "the change log has the member added"
contains "$T/out" "$(printf 'olga\tmember lee\treader\tcontributor')" "...the role changed"
contains "$T/out" "$(printf 'olga\tmember lee\tcontributor\t')" "...and the member removed"
run 1 as carl archive "$id"
contains "$T/err" "carl (contributor) cannot archive, restore or delete assessment $id: that needs the role owner (held by olga)"
run 1 as carl delete "$id" --yes
contains "$T/err" "cannot archive, restore or delete"

# --- only the DPO records the DPO's part, only the decision-maker decides ----------
run 1 as carl signoff "$id" --role dpo --name "Dana Officer" --advice "Go ahead"
contains "$T/err" "carl (contributor) cannot record the DPO's advice, judgements or review steps on assessment $id: that needs the role DPO (held by dana)"
run 1 as olga signoff "$id" --role dpo --name "Dana Officer" --advice "Go ahead"
contains "$T/err" "olga (owner) cannot record the DPO's advice" "the owner does not while a DPO is named"
run 1 as carl judge "$id" screening acceptable
contains "$T/err" "that needs the role DPO (held by dana)"
run 0 as dana judge "$id" screening acceptable --name "Dana Officer"
run 0 as carl signoff "$id" --role assessor --name "Carl Writer"
run 1 as olga decide "$id" reject --name "Max Controller"
contains "$T/err" "olga (owner) cannot record the controller's decision on assessment $id: that needs the role decision-maker (held by max)"

# --- on someone's behalf, with a reason --------------------------------------------
run 2 as carl signoff "$id" --role dpo --name "Dana Officer" --advice "Go ahead" --on-behalf-of dana
contains "$T/err" "--on-behalf-of PERSON and --reason TEXT go together"
run 1 as carl signoff "$id" --role dpo --name "Dana Officer" --advice "Go ahead" \
    --on-behalf-of olga --reason "asked me to"
contains "$T/err" "olga (owner) cannot record the DPO's advice, judgements or review steps on assessment $id: that needs the role DPO (held by dana)"
run 1 as rita signoff "$id" --role dpo --name "Dana Officer" --advice "Go ahead" \
    --on-behalf-of dana --reason "signed paper copy"
contains "$T/err" "rita (reader) cannot change assessment $id"
run 0 as carl signoff "$id" --role dpo --name "Dana Officer" --advice "Go ahead" \
    --on-behalf-of dana --reason "signed paper copy"
run 0 as carl judge "$id" necessity improve --comment "Fewer fields" --on-behalf-of dana \
    --reason "said in the meeting"
run 0 as olga history "$id"
contains "$T/out" "carl  Data Protection Officer — Advice: Go ahead"
contains "$T/out" "carl  Recorded on someone's behalf: Data Protection Officer: recorded by carl on behalf of dana (dpo): signed paper copy"
contains "$T/out" "carl  Recorded on someone's behalf: DPO's judgement of necessity: recorded by carl on behalf of dana (dpo): said in the meeting"
run 0 as olga show "$id"
contains "$T/out" "sign-off dpo: recorded by carl on behalf of dana (dpo): signed paper copy"
run 0 as olga show "$id" --format tsv
contains "$T/out" "$(printf 'on-behalf\tsign-off dpo\tcarl\tdana\tdpo\tsigned paper copy')"

# The record and the report say so.
run 0 as olga export "$id" --format xml -o "$T/r.xml"
if [ -n "${XMLLINT:-}" ]; then
    checks=$((checks + 1))
    "$XMLLINT" --noout --relaxng "$TOP_SRCDIR/templates/dpia-record.rng" "$T/r.xml" 2>"$T/err" &&
        pass "the record validates" || { fail "the record does not validate"; cat "$T/err"; }
fi
contains "$T/r.xml" '<member person="dana" role="dpo" role-label="DPO"></member>'
contains "$T/r.xml" '<member person="rita" role="reader" role-label="reader"></member>'
contains "$T/r.xml" 'for="dana" recorded-by="carl" role="dpo" what="sign-off dpo">signed paper copy</record>'
run 0 as olga export "$id" --format html -o "$T/r.html"
contains "$T/r.html" "People and roles"
contains "$T/r.html" "recorded by carl on behalf of dana (dpo)"

# --- an import keeps the members ---------------------------------------------------
run 0 as ivan import "$T/r.xml"
copy=$(cat "$T/out")
run 0 as ivan member "$copy" --format tsv
contains "$T/out" "$(printf 'olga\towner')" "the import keeps the members"
contains "$T/out" "$(printf 'dana\tdpo')"
lacks "$T/out" "ivan" "whoever imports a record with members is not made one"
run 0 as ivan show "$copy"
contains "$T/out" "sign-off dpo: recorded by carl on behalf of dana (dpo): signed paper copy"
run 1 as ivan answer "$copy" scr.project "Mine now?"
contains "$T/err" "ivan (not a member) cannot change assessment $copy"
# A record without members: whoever imports it owns it.
run 0 as ivan import "$TOP_SRCDIR/data/examples/streaming-factoids.xml"
ex=$(cat "$T/out")
run 0 as ivan member "$ex" --format tsv
contains "$T/out" "$(printf 'ivan\towner')"

# The DPO signs herself: the record made on her behalf is no longer what stands.
run 0 as dana signoff "$id" --role dpo --name "Dana Officer" --advice "Go ahead, with care"
run 0 as olga show "$id"
lacks "$T/out" "sign-off dpo: recorded by" "a record made on the DPO's behalf is forgotten once she signs"
contains "$T/out" "judgement necessity: recorded by carl on behalf of dana (dpo)"

# --- undo follows the roles too -------------------------------------------------
run 1 as carl undo "$id" --theirs
contains "$T/err" "carl (contributor) cannot record the DPO's advice, judgements or review steps"
run 1 as rita undo "$id"
contains "$T/err" "rita (reader) cannot change assessment $id"

# --- the decision ------------------------------------------------------------------
run 0 as olga decide "$id" reject --name "Max Controller" --on-behalf-of max --reason "by e-mail"
contains "$T/out" "Rejected"
run 0 as olga history "$id"
contains "$T/out" "olga  Recorded on someone's behalf: Controller's decision-maker: recorded by olga on behalf of max (decision-maker): by e-mail"

# --- the owner alone stands in ---------------------------------------------------------
run 0 as olga new --title "Staff survey"
solo=$(cat "$T/out")
run 0 as olga member "$solo" add carl contributor
run 0 as olga member "$solo"
contains "$T/out" "nobody holds the role DPO: an owner records the DPO's advice"
run 1 as carl signoff "$solo" --role dpo --name "Olga Owner" --advice "Fine"
contains "$T/err" "carl (contributor) cannot record the DPO's advice, judgements or review steps on assessment $solo: that needs the role DPO, which nobody holds, so the role owner (held by olga)"
run 1 as carl decide "$solo" reject --name "Olga Owner"
contains "$T/err" "that needs the role decision-maker, which nobody holds, so the role owner (held by olga)"
run 0 as olga signoff "$solo" --role dpo --name "Olga Owner" --advice "Fine"
run 0 as olga judge "$solo" screening acceptable
# A second owner lets the first one go.
run 0 as olga member "$solo" add owen owner
run 0 as olga member "$solo" remove olga
run 1 as olga answer "$solo" scr.project "Still mine?"
contains "$T/err" "olga (not a member) cannot change assessment $solo"
run 0 as owen decide "$solo" reject --name "Owen Owner"
contains "$T/out" "Rejected"

# --- closed as "DPIA not required", on the decision-maker's behalf -----------------
run 0 as olga new --title "Canteen menu survey"
menu=$(cat "$T/out")
run 0 as olga member "$menu" add carl contributor
run 0 as olga member "$menu" add max decision-maker
for q in scr.evaluation scr.automated-decision scr.monitoring scr.sensitive scr.large-scale \
    scr.matching scr.vulnerable scr.innovative scr.prevents-rights scr.art35-3a scr.art35-3b \
    scr.art35-3c scr.sa-list; do
    as carl answer "$menu" $q no >/dev/null || fail "answer $q"
done
run 0 as carl answer "$menu" scr.project "A menu survey."
run 0 as carl answer "$menu" scr.decision not-carry-out
run 0 as olga signoff "$menu" --role dpo --name "Olga Owner" --advice "No DPIA needed"
run 1 as carl close "$menu"
contains "$T/err" "carl (contributor) cannot record the controller's decision"
run 2 as carl close "$menu" --on-behalf-of max
contains "$T/err" "--on-behalf-of PERSON and --reason TEXT go together"
run 1 as carl close "$menu" --on-behalf-of rita --reason "Asked to"
contains "$T/err" "rita (not a member) cannot record the controller's decision"
run 0 as carl close "$menu" --on-behalf-of max --reason "said so at the steering group"
contains "$T/out" "Closed: revision 1, DPIA not required"
run 0 as olga history "$menu"
contains "$T/out" "carl  Recorded on someone's behalf: Closed as \"DPIA not required\": recorded by carl on behalf of max (decision-maker): said so at the steering group"
run 0 as olga export "$menu" --format xml
contains "$T/out" 'what="close"' "the record keeps it"
done_testing
