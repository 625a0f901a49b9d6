#!/bin/sh
# dpia risk add --concerns and dpia measure add --group: the table rows a
# risk concerns, normalised or refused; a measure's group, one of those
# its template declares (the others refused with the list); both kept in
# the record only when given, and read back by an import.
. "$TOP_SRCDIR/tests/lib.sh"

D="$DPIA -d $(test_db db.sqlite)"
OTHER=$(test_db other.sqlite)

# --- the table rows a risk concerns ----------------------------------------
run 0 $D new --title "Plain"
run 1 $D risk add 1 --title "Ghost" --concerns "D1"
contains "$T/err" "D1" "a risk citing a row that does not exist is refused"
run 0 $D table 1 desc.data-items add item=E-mail "retention=1 year"
run 0 $D table 1 desc.purpose-list add purpose=News basis=consent
run 0 $D table 1 desc.purpose-list add purpose=Offers basis=consent
run 0 $D risk add 1 --title "Cited" --concerns "D1,P2  D1"
run 0 $D risk add 1 --title "Uncited"
run 0 $D show 1
contains "$T/out" "concerns D1 P2" "commas and spaces normalised, a repeated row once"
run 1 $D risk add 1 --title "Bad" --concerns "D1 x9"
contains "$T/err" "dpia: --concerns: 'x9' is not a table row: a reference is one to three capital letters and a number"
run 1 $D risk add 1 --title "Bad" --concerns "ABCD1"
contains "$T/err" "'ABCD1' is not a table row"
run 0 $D export 1 --format csv-risks
lacks "$T/out" "Bad" "a refused risk is not added"
run 0 $D export 1 --format xml -o "$T/plain.xml"
contains "$T/plain.xml" "<concerns>D1 P2</concerns>"
# A row the risk cites is not deleted; one nobody cites is.
run 1 $D table 1 desc.purpose-list delete P2
contains "$T/err" "R1" "the refusal names the risk that cites the row"
run 0 $D table 1 desc.purpose-list delete P1
checks=$((checks + 1))
[ "$(grep -c '<concerns>' "$T/plain.xml")" = 1 ] && pass "no <concerns> for a risk citing none" ||
    fail "<concerns> written for a risk citing none"

# --- groups: none declared -------------------------------------------------
run 1 $D measure add 1 --title "Grouped" --group secure
contains "$T/err" "dpia: --group: unknown measure group 'secure': the template declares no measure groups"
lacks "$T/plain.xml" "<group" "no <group> for a measure without one"

# --- groups declared by the template ---------------------------------------
mkdir -p "$T/tpl"
cp "$TOP_SRCDIR/tests/fixtures/templates/grouped.xml" "$T/tpl/"
export DPIA_TEMPLATE_PATH="$T/tpl"
run 0 $D new --title "Grouped" --template grouped
run 0 $D risk add 2 --title "Leak"
run 1 $D measure add 2 --title "Nowhere" --group elsewhere
contains "$T/err" "dpia: --group: unknown measure group 'elsewhere' (the template declares: minimise (Data minimisation), secure (Security of processing))"
run 0 $D measure add 2 --title "Encryption" --group secure --risks 1
run 0 $D measure add 2 --title "No group"
run 0 $D show 2
contains "$T/out" ", group Security of processing" "the group by its name"
lacks "$T/out" "Nowhere" "a refused measure is not added"
run 0 $D export 2 --format xml -o "$T/grouped.xml"
contains "$T/grouped.xml" '<group name="Security of processing">secure</group>'
checks=$((checks + 1))
[ "$(grep -c '<group ' "$T/grouped.xml")" = 1 ] && pass "one <group>: the ungrouped measure has none" ||
    fail "<group> count in the record"

# The record is valid and reads back whole.
run 0 $DPIA -d "$OTHER" import "$T/grouped.xml"
run 0 $DPIA -d "$OTHER" export 1 --format csv-measures
contains "$T/out" "M1,Encryption,,Technical,,,Planned,R1,Security of processing"
run 0 $DPIA -d "$OTHER" import "$T/plain.xml"
run 0 $DPIA -d "$OTHER" export 2 --format csv-risks
contains "$T/out" ",D1 P2,$(printf '\r')" "the table rows read back"

# An imported record citing a group its template does not declare is refused.
sed 's|<group name="Security of processing">secure</group>|<group>elsewhere</group>|' \
    "$T/grouped.xml" >"$T/badgroup.xml"
sh "$TOP_SRCDIR/tests/fixtures/records/redigest.sh" "$T/badgroup.xml" 2>/dev/null ||
    skip "xmllint is needed to redigest a record"
run 1 $DPIA -d "$OTHER" import "$T/badgroup.xml"
contains "$T/err" "measure M1: unknown measure group 'elsewhere'"

# The HTML report shows both.
run 0 $D export 2 --format html -o "$T/grouped.html"
contains "$T/grouped.html" "Security of processing"
run 0 $D export 1 --format html -o "$T/plain.html"
contains "$T/plain.html" "D1 P2"

# So do the documents.
run 0 $D export 2 --format odt -o "$T/grouped.odt"
if command -v unzip >/dev/null 2>&1; then
    unzip -p "$T/grouped.odt" content.xml >"$T/content.xml"
    contains "$T/content.xml" "Group: Security of processing"
    run 0 $D export 1 --format docx -o "$T/plain.docx"
    unzip -p "$T/plain.docx" word/document.xml >"$T/document.xml"
    contains "$T/document.xml" "D1 P2"
fi

# The usage line names the options of the field tables.
run 2 $D risk add 1
contains "$T/err" "[--concerns V]"
run 2 $D measure add 1
contains "$T/err" "[--group V]"
done_testing
