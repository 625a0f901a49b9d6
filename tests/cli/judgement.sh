#!/bin/sh
# The controller's and the DPO's contact details (dpia contacts) and the
# DPO's judgement of each section (dpia judge): shown by dpia show in
# each format, in the change log, refused on a decided revision, gone in
# a new revision, carried by the XML record and read back by an import.
# A record without them (the worked example) is written as before, and a
# database of schema 5 is brought up to date with its data kept.
. "$TOP_SRCDIR/tests/lib.sh"

D="$DPIA -d $(test_db db.sqlite)"
ex=$TOP_SRCDIR/data/examples/streaming-factoids.xml

validates() {
    [ -n "${XMLLINT:-}" ] || return 0
    checks=$((checks + 1))
    if "$XMLLINT" --noout --relaxng "$TOP_SRCDIR/templates/dpia-record.rng" "$1" 2>"$T/err"; then
        pass "$(basename "$1") validates"
    else
        fail "$(basename "$1") does not validate"
        cat "$T/err"
    fi
}

run 0 $D new --title "Loyalty card" && id=$(cat "$T/out")

# --- contacts ----------------------------------------------------------
run 2 $D contacts "$id"
contains "$T/err" "usage: dpia contacts ID"
run 0 $D contacts "$id" --controller "Acme Retail Ltd, 1 High Street, Leeds"
printf 'dpo@acme.example\n+44 113 000 0000\n' >"$T/dpo.txt"
run 0 $D contacts "$id" --dpo-contact - <"$T/dpo.txt"
run 0 $D show "$id"
contains "$T/out" "  controller: Acme Retail Ltd, 1 High Street, Leeds"
contains "$T/out" "  DPO contact: dpo@acme.example; +44 113 000 0000" "stdin read, lines shown joined"
run 1 $D contacts "$id" --controller "$(printf 'bell\007here')"
contains "$T/err" "controller"
run 2 $D contacts "$id" --controller - --dpo-contact - </dev/null

# --- judgements --------------------------------------------------------
run 0 $D judge "$id" description improve --comment "The purposes are vague" --name "Dana Officer" \
    --date 2026-03-01
run 0 $D judge "$id" necessity acceptable
run 2 $D judge "$id" necessity fine
contains "$T/err" "unknown verdict 'fine'"
run 1 $D judge "$id" nowhere acceptable
contains "$T/err" "there is no section 'nowhere'"
contains "$T/err" "(its sections: screening, description, necessity," "the sections are named"
run 2 $D judge "$id" necessity
run 0 $D show "$id"
contains "$T/out" "The DPO's judgements (2 of "
contains "$T/out" "  description: To be improved, Dana Officer, 2026-03-01"
contains "$T/out" "    The purposes are vague"
contains "$T/out" "  necessity: Acceptable, tester, " "the name defaults to the user"
run 0 $D show "$id" --format tsv
contains "$T/out" "$(printf 'controller\tAcme Retail Ltd, 1 High Street, Leeds')"
contains "$T/out" "$(printf 'dpo-contact\tdpo@acme.example\\n+44 113 000 0000')"
contains "$T/out" "$(printf 'judgement\tdescription\timprove\t2026-03-01\tDana Officer\tThe purposes are vague')"
run 0 $D show "$id" --format json
contains "$T/out" '"controller": "Acme Retail Ltd, 1 High Street, Leeds"'
contains "$T/out" '"judgement": {"verdict": "improve", "date": "2026-03-01", "name": "Dana Officer", "comment": "The purposes are vague"}'
cp "$T/out" "$T/show.json"
if command -v python3 >/dev/null 2>&1; then
    run 0 python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$T/show.json"
fi
# What is not given stays as it was: a new verdict keeps the comment.
run 0 $D judge "$id" description acceptable --date 2026-03-02
run 0 $D show "$id" --format tsv
contains "$T/out" "$(printf 'judgement\tdescription\tacceptable\t2026-03-02\tDana Officer\tThe purposes are vague')"
run 0 $D judge "$id" necessity --clear
run 0 $D judge "$id" description improve --comment "Say who receives the data" \
    --date 2026-03-03
run 0 $D show "$id" --format tsv
lacks "$T/out" "$(printf 'judgement\tnecessity')" "a cleared judgement is gone"

run 0 $D history "$id"
contains "$T/out" "Controller: Acme Retail Ltd, 1 High Street, Leeds"
contains "$T/out" "The DPO's contact details: dpo@acme.example; +44 113 000 0000"
contains "$T/out" "DPO's judgement of description: improve: The purposes are vague"
contains "$T/out" "DPO's judgement of description: acceptable: The purposes are vague"
contains "$T/out" "DPO's judgement of necessity: acceptable"
run 0 $D history "$id" --format tsv
contains "$T/out" "$(printf 'judgement necessity\tacceptable\t')" "the removal logged, old value kept"

# --- the record ---------------------------------------------------------
export SOURCE_DATE_EPOCH=1771954200
run 0 $D export "$id" --format xml -o "$T/j1.xml"
validates "$T/j1.xml"
tr -d '\n' <"$T/j1.xml" >"$T/flat"
contains "$T/flat" "<title>Loyalty card</title>    <controller>Acme Retail Ltd, 1 High Street, Leeds</controller>    <dpo-contact>dpo@acme.example+44 113 000 0000</dpo-contact>  </assessment>" \
    "the contacts follow the title inside <assessment>"
contains "$T/flat" '<judgement date="2026-03-03" verdict="improve">        <name>Dana Officer</name>        <comment>Say who receives the data</comment>      </judgement>    </section>' \
    "the judgement closes its section"
checks=$((checks + 1))
n=$(grep -c '<judgement ' "$T/j1.xml")
[ "$n" -eq 1 ] && pass "one judgement in the record" || fail "$n judgements in the record"
run 0 $D import "$T/j1.xml" && id2=$(cat "$T/out")
run 0 $D show "$id2" --format tsv
contains "$T/out" "$(printf 'controller\tAcme Retail Ltd, 1 High Street, Leeds')" "the import restores the controller"
contains "$T/out" "$(printf 'dpo-contact\tdpo@acme.example\\n+44 113 000 0000')" "the import restores the DPO's contact"
contains "$T/out" "$(printf 'judgement\tdescription\timprove\t2026-03-03\tDana Officer\tSay who receives the data')" \
    "the import restores the judgement"
run 0 $D export "$id2" --format xml -o "$T/j2.xml"
validates "$T/j2.xml"
diff "$T/j1.xml" "$T/j2.xml" | grep '^[<>]' |
    grep -v -e 'uuid="' -e '<digest algorithm' -e '<change at=' -e '<what>imported</what>' \
        -e '<old></old>' -e '<new>Loyalty card</new>' -e '</change>' >"$T/unexpected"
checks=$((checks + 1))
if [ -s "$T/unexpected" ]; then
    fail "export after import differs in unexpected places"
    sed 's/^/  | /' "$T/unexpected" | head -20
else
    pass "export, import, export: the contacts and judgements unchanged"
fi
# A record changed by hand, its digest made right again: a judgement of
# a section the template does not have, or with a verdict dpia does not
# know, is refused.
redigest() {
    empty='<digest algorithm="sha256"></digest>'
    d=$(sed "s|<digest algorithm=\"sha256\">[0-9a-f]*</digest>|$empty|" "$1" |
        "$XMLLINT" --c14n - | sha256sum | cut -d' ' -f1)
    sed -i "s|<digest algorithm=\"sha256\">[0-9a-f]*</digest>|<digest algorithm=\"sha256\">$d</digest>|" "$1"
}
if [ -n "${XMLLINT:-}" ] && command -v sha256sum >/dev/null; then
    sed 's/ id="description" / id="nowhere" /' "$T/j1.xml" >"$T/bad1.xml"
    redigest "$T/bad1.xml"
    run 1 $D import "$T/bad1.xml"
    contains "$T/err" "unknown section 'nowhere' (not in the template snapshot)"
    sed 's/verdict="improve"/verdict="fine"/' "$T/j1.xml" >"$T/bad2.xml"
    redigest "$T/bad2.xml"
    run 1 $D import "$T/bad2.xml"
    contains "$T/err" "bad2.xml:"
    lacks "$T/err" "digest" "refused by the schema, not the digest"
else
    echo "xmllint or sha256sum missing: hand-made records not checked"
fi

# The worked example has neither: imported and exported again, it is
# written as before (the differences are those of any import), and two
# exports are the same bytes.
run 0 $D import "$ex" && exid=$(cat "$T/out")
run 0 $D export "$exid" --format xml -o "$T/e1.xml"
run 0 $D export "$exid" --format xml -o "$T/e2.xml"
same "$T/e1.xml" "$T/e2.xml" "two exports with SOURCE_DATE_EPOCH are identical"
lacks "$T/e1.xml" "<controller>"
lacks "$T/e1.xml" "<dpo-contact>"
lacks "$T/e1.xml" "<judgement"
diff "$ex" "$T/e1.xml" | grep '^[<>]' |
    grep -v -e 'updated="' -e '<digest algorithm' -e '<change at=' -e '<what>imported</what>' \
        -e '<old></old>' -e "<new>Viewing factoids" -e '</change>' \
        -e '<members>' -e '<member person="tester" role="owner" role-label="owner">' \
        -e '</members>' >"$T/unexpected"
checks=$((checks + 1))
if [ -s "$T/unexpected" ]; then
    fail "the example's export differs in unexpected places"
    sed 's/^/  | /' "$T/unexpected" | head -20
else
    pass "the example is written as before"
fi

# --- a decided revision -------------------------------------------------
# The example is decided: its judgements and contacts stay as signed.
run 1 $D judge "$exid" description acceptable
contains "$T/err" "is decided"
run 1 $D contacts "$exid" --controller "Someone else"
contains "$T/err" "is decided"
run 0 $D revise "$exid"
run 0 $D contacts "$exid" --controller "Factoids plc"
run 0 $D judge "$exid" description improve --comment "Scale unclear" --name "Dana Officer"
run 0 $D signoff "$exid" --role dpo --name "Dana Officer" --advice "Do not go ahead" --followed yes
run 0 $D decide "$exid" reject --name "Chris Boss" --acknowledge
run 1 $D judge "$exid" description --clear
contains "$T/err" "revision 2 of assessment $exid is decided"
run 0 $D revise "$exid"
run 0 $D show "$exid" --format tsv
lacks "$T/out" "$(printf 'judgement\t')" "a new revision starts without judgements"
contains "$T/out" "$(printf 'controller\tFactoids plc')" "the contacts stay with the new revision"
run 0 $D export "$exid" --revision 2 --format xml -o "$T/r2.xml"
contains "$T/r2.xml" '<comment>Scale unclear</comment>' "the decided revision's record keeps its judgement"
run 0 $D show "$exid" --revision 2
contains "$T/out" "  description: To be improved, Dana Officer"
run 0 $D diff "$exid" 1 2
contains "$T/out" "Controller: (none) → Factoids plc" "the diff names a new controller"
contains "$T/out" "DPO's judgement of description (Description of the processing): (none) → improve: Scale unclear"
run 0 $D diff "$exid" 2 3
contains "$T/out" "DPO's judgement of description (Description of the processing): improve: Scale unclear → (none)"
lacks "$T/out" "controller (Controller)" "the contacts carried over are no change"

# --- a database of schema 5 ---------------------------------------------
if command -v sqlite3 >/dev/null 2>&1; then
    OLD=$T/old.sqlite
    run 0 $DPIA -d "$OLD" new --title "Written by schema 5"
    run 0 $DPIA -d "$OLD" answer 1 scr.project "Kept across the migration"
    sqlite3 "$OLD" "DROP TABLE on_behalf; DROP TABLE comments; DROP TABLE review_steps;
    DROP TABLE members;
    DROP TABLE workshop_settled; DROP TABLE workshop_points;
        DROP TABLE workshop_participants; DROP TABLE workshops;
        DROP TABLE presence;
        DROP TABLE judgements;
        ALTER TABLE assessments DROP COLUMN controller;
        ALTER TABLE assessments DROP COLUMN dpo_contact;
        ALTER TABLE risks DROP COLUMN concerns;
        ALTER TABLE risks DROP COLUMN kind;
        ALTER TABLE assessments DROP COLUMN lang;
        ALTER TABLE measures DROP COLUMN group_id;
        PRAGMA user_version = 5;" || fail "building a schema 5 file"
    run 0 $DPIA -d "$OLD" show 1 --format tsv
    contains "$T/out" "$(printf 'controller\t')" "an older file reads with empty contacts"
    checks=$((checks + 1))
    [ "$(sqlite3 "$OLD" 'PRAGMA user_version')" = 13 ] && pass "migrated to schema 13" ||
        fail "still schema $(sqlite3 "$OLD" 'PRAGMA user_version')"
    run 0 $DPIA -d "$OLD" judge 1 screening acceptable --name "Dana Officer"
    run 0 $DPIA -d "$OLD" contacts 1 --controller "Acme"
    run 0 $DPIA -d "$OLD" history 1
    contains "$T/out" "Answer scr.project: Kept across the migration"
    contains "$T/out" "DPO's judgement of screening: acceptable"
else
    echo "sqlite3 not found: the migration from schema 5 is not checked"
fi

done_testing
