#!/bin/sh
# dpia risk add --kind: a risk of a type the template declares beside the
# built-in ones. Refused with the list when the template declares none or
# not that one; --kind alone makes the risk of type other, another
# --type with it is refused. The declared type's name is the risk's type
# in dpia show, the record, the CSV and the reports; <kind> is written
# only when set, read back and checked by an import.
. "$TOP_SRCDIR/tests/lib.sh"

D="$DPIA -d $(test_db db.sqlite)"
OTHER=$(test_db other.sqlite)

# --- none declared ---------------------------------------------------------
run 0 $D new --title "Plain"
run 0 $D risk add 1 --title "Leak" --type illegitimate-access
run 1 $D risk add 1 --title "Hoarding" --kind excessive
contains "$T/err" "dpia: --kind: unknown risk type 'excessive': the template declares no risk types"
run 0 $D export 1 --format xml -o "$T/plain.xml"
lacks "$T/plain.xml" "<kind" "no <kind> for a risk without one"
contains "$T/plain.xml" 'type="illegitimate-access" type-label="Illegitimate access"'
run 0 $D show 1
contains "$T/out" "type Illegitimate access" "dpia show gives a built-in type's label"

# --- declared by the template ----------------------------------------------
mkdir -p "$T/tpl"
cp "$TOP_SRCDIR/tests/fixtures/templates/kinds.xml" "$T/tpl/"
export DPIA_TEMPLATE_PATH="$T/tpl"
run 0 $D new --title "Kinds" --template kinds
run 1 $D risk add 2 --title "Nowhere" --kind elsewhere
contains "$T/err" "dpia: --kind: unknown risk type 'elsewhere' (the template declares: excessive (Excessive collection), unexpected-use (Unexpected use))"
run 1 $D risk add 2 --title "Muddled" --kind excessive --type disappearance
contains "$T/err" "a risk of a type the template declares ('excessive') is of type other, not 'Disappearance'"
run 0 $D risk add 2 --title "Hoarding" --kind excessive
run 0 $D risk add 2 --title "Resale" --type other --kind unexpected-use
run 0 $D risk add 2 --title "Loss" --type disappearance
run 0 $D show 2
lacks "$T/out" "Nowhere" "a refused risk is not added"
lacks "$T/out" "Muddled" "a risk of a declared type and another built-in one is not added"
contains "$T/out" "type Excessive collection" "--kind alone: the declared type's name"
contains "$T/out" "type Unexpected use"
contains "$T/out" "type Disappearance"
run 0 $D export 2 --format xml -o "$T/kinds.xml"
contains "$T/kinds.xml" 'type="other" type-label="Excessive collection"' "--kind alone makes it of type other"
contains "$T/kinds.xml" '<kind name="Excessive collection">excessive</kind>'
contains "$T/kinds.xml" '<kind name="Unexpected use">unexpected-use</kind>'
checks=$((checks + 1))
[ "$(grep -c '<kind ' "$T/kinds.xml")" = 2 ] && pass "two <kind>: the risk of a built-in type has none" ||
    fail "<kind> count in the record"
if command -v xmllint >/dev/null 2>&1; then
    checks=$((checks + 1))
    xmllint --noout --relaxng "$TOP_SRCDIR/templates/dpia-record.rng" "$T/kinds.xml" 2>"$T/lint" &&
        pass "the record with <kind> is valid" || fail "the record is not valid: $(cat "$T/lint")"
fi

# The CSV: the name as the type, the declared type in the last column.
run 0 $D export 2 --format csv-risks
contains "$T/out" ",Type,Table rows concerned,Declared type$(printf '\r')" "the last column"
contains "$T/out" ",Excessive collection,,Excessive collection$(printf '\r')"
contains "$T/out" ",Disappearance,,$(printf '\r')"

# The record reads back whole.
run 0 $DPIA -d "$OTHER" import "$T/kinds.xml"
run 0 $DPIA -d "$OTHER" show 1
contains "$T/out" "type Unexpected use" "the declared type read back"
run 0 $DPIA -d "$OTHER" export 1 --format xml -o "$T/again.xml"
contains "$T/again.xml" '<kind name="Unexpected use">unexpected-use</kind>'

# An imported record naming a type its template does not declare, or a
# declared type on a risk of another type, is refused.
sed 's|<kind name="Unexpected use">unexpected-use</kind>|<kind>elsewhere</kind>|' \
    "$T/kinds.xml" >"$T/badkind.xml"
sed 's|type="other" type-label="Unexpected use"|type="disappearance" type-label="Disappearance"|' \
    "$T/kinds.xml" >"$T/badtype.xml"
sh "$TOP_SRCDIR/tests/fixtures/records/redigest.sh" "$T/badkind.xml" 2>/dev/null &&
    sh "$TOP_SRCDIR/tests/fixtures/records/redigest.sh" "$T/badtype.xml" 2>/dev/null ||
    skip "xmllint is needed to redigest a record"
run 1 $DPIA -d "$OTHER" import "$T/badkind.xml"
contains "$T/err" "risk R2: unknown risk type 'elsewhere'"
run 1 $DPIA -d "$OTHER" import "$T/badtype.xml"
contains "$T/err" "risk R2: a risk of a type the template declares ('unexpected-use') is of type other"

# The reports give the name as the risk's type.
run 0 $D export 2 --format html -o "$T/kinds.html"
contains "$T/kinds.html" "<em>Type:</em> Excessive collection"
contains "$T/kinds.html" "<em>Type:</em> Unexpected use"
if command -v unzip >/dev/null 2>&1; then
    run 0 $D export 2 --format odt -o "$T/kinds.odt"
    unzip -p "$T/kinds.odt" content.xml >"$T/content.xml"
    contains "$T/content.xml" "Excessive collection" "the ODT gives the name"
    run 0 $D export 2 --format docx -o "$T/kinds.docx"
    unzip -p "$T/kinds.docx" word/document.xml >"$T/document.xml"
    contains "$T/document.xml" "Unexpected use" "the DOCX gives the name"
fi

# The EDPB template declares two types from the design of the processing.
run 0 $D new --title "EDPB" --template edpb-2026
run 0 $D risk add 3 --title "Kept forever" --kind excessive-processing
run 0 $D show 3
contains "$T/out" "type Excessive processing by design"

# The usage line names the option.
run 2 $D risk add 1
contains "$T/err" "[--kind V]"
done_testing
