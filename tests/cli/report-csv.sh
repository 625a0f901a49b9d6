#!/bin/sh
# dpia export --format csv-risks | csv-measures | csv-tables: RFC 4180 (CRLF, quoted
# fields with doubled quotes), a header row, and cells that a spreadsheet
# would run as formulas prefixed with a single quote.
. "$TOP_SRCDIR/tests/lib.sh"

D="$DPIA -d $T/db.sqlite"
run 0 $D import "$TOP_SRCDIR/data/examples/streaming-factoids.xml"
run 0 $D export 1 --format csv-risks -o "$T/risks.csv"
run 0 $D export 1 --format csv-measures -o "$T/measures.csv"
head -1 "$T/risks.csv" >"$T/head"
contains "$T/head" "Risk,Title,Description,Risk sources,Threats,Impacts on people,Likelihood before"
contains "$T/risks.csv" "R1,Re-identification of subscribers from small counts,"
contains "$T/risks.csv" "Significant (3)"
contains "$T/head" ",Residual level,Measures,Type,Table rows concerned,Declared type$(printf '\r')" \
    "the type, then the table rows concerned, then the declared type, last"
contains "$T/risks.csv" ",\"M1; M2; M5\",Illegitimate access,D1 D2 P1,$(printf '\r')" \
    "R1's type, then the table rows it concerns"
contains "$T/measures.csv" "Measure,Title,Description,Type,Owner,Due,Status,Risks addressed,Group$(printf '\r')"
contains "$T/measures.csv" ",Partially implemented,\"R1; R2\",$(printf '\r')" "a status by its label"
contains "$T/measures.csv" '"Aggregation with a minimum group of 10,000 accounts"'
contains "$T/measures.csv" "R1; R2"
# Every line ends with CRLF (the example has no line break inside a field).
for f in "$T/risks.csv" "$T/measures.csv"; do
    checks=$((checks + 1))
    total=$(wc -l <"$f")
    crlf=$(grep -c "$(printf '\r')\$" "$f")
    if [ "$total" -eq "$crlf" ] && [ "$total" -gt 1 ]; then
        pass "$(basename "$f"): $total records, all ending with CRLF"
    else
        fail "$(basename "$f"): $crlf of $total lines end with CRLF"
    fi
done
checks=$((checks + 1))
n=$(wc -l <"$T/risks.csv")
[ "$n" -eq 7 ] && pass "a header and six risks" || fail "$n lines in risks.csv"

# Quoting and the formula guard.
id=$($D new --title "CSV") || exit 1
$D risk add "$id" --title '=HYPERLINK("x","y")' --description 'a, "b"
c' --source "+1" --threats "-2" --impacts "@SUM(A1)" >/dev/null
$D measure add "$id" --title "plain" --owner "=cmd|' /C calc'!A0" --risks 1 >/dev/null
$D risk add "$id" --title "Lost backups" --type disappearance >/dev/null
run 0 $D export "$id" --format csv-risks
contains "$T/out" "R1,\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\",\"a, \"\"b\"\""
contains "$T/out" "\"'+1\",\"'-2\",\"'@SUM(A1)\""
contains "$T/out" ",M1,Not said,,$(printf '\r')" "a risk of no type said"
contains "$T/out" ",Disappearance,,$(printf '\r')" "a risk's type, by its label"
run 0 $D export "$id" --format csv-measures
contains "$T/out" "M1,plain,,Technical,\"'=cmd|' /C calc'!A0\","
# Where the semicolon separates cells, what follows one stays inside the
# quoted cell: never a formula of its own.
$D risk add "$id" --title ';=1+1' --source "a;@SUM(A1)" >/dev/null
run 0 $D export "$id" --format csv-risks
contains "$T/out" '";=1+1"' "a semicolon quotes the cell"
contains "$T/out" '"a;@SUM(A1)"' "a formula after a semicolon stays in its cell"

# The table rows a risk concerns and a measure's group, in the last
# column: the rows as written, the group by the name its template gives.
mkdir -p "$T/tpl"
cp "$TOP_SRCDIR/tests/fixtures/templates/grouped.xml" "$T/tpl/"
export DPIA_TEMPLATE_PATH="$T/tpl"
gid=$($D new --title "Grouped" --template grouped) || exit 1
$D table "$gid" desc.items add item=E-mail >/dev/null
$D table "$gid" desc.purposes add purpose=News >/dev/null
$D table "$gid" desc.purposes add purpose=Offers >/dev/null
$D risk add "$gid" --title "Cited" --concerns "D1, P2 D1" >/dev/null
$D measure add "$gid" --title "Grouped measure" --group secure --risks 1 >/dev/null
$D measure add "$gid" --title "Ungrouped measure" >/dev/null
run 0 $D export "$gid" --format csv-risks
contains "$T/out" ",Not said,D1 P2,$(printf '\r')" "the rows cited, normalised"
run 0 $D export "$gid" --format csv-measures
contains "$T/out" "M1,Grouped measure,,Technical,,,Planned,R1,Security of processing$(printf '\r')" \
    "the group by its name"
contains "$T/out" "M2,Ungrouped measure,,Technical,,,Planned,,$(printf '\r')" "no group: empty"

# The table answers, a line a cell: the example's data items and
# purposes, cells as people read them; a formula in a cell neutralised.
cr=$(printf '\r')
run 0 $D export 1 --format csv-tables -o "$T/tables.csv"
contains "$T/tables.csv" "Question,Row,Column,Value$cr" "the header"
contains "$T/tables.csv" "desc.data-items,D1,Data item,\"Viewing history: titles, episodes" \
    "the question, the row's reference, the column's label"
contains "$T/tables.csv" "desc.data-items,D1,Special category or offence data,Yes$cr" \
    "a yes/no cell as people read it"
contains "$T/tables.csv" "desc.purpose-list,P1,Lawful basis,Legitimate interests of the controller or a third party (Art. 6(1)(f))$cr" \
    "a choice cell by its label"
contains "$T/tables.csv" "desc.purpose-list,P2,Data items,D2 D6$cr" "the rows a row cites"
[ "$(grep -c '^desc.data-items,D' "$T/tables.csv")" = 24 ] &&
    pass "six data items of four columns, a line a cell" ||
    fail "desc.data-items: $(grep -c '^desc.data-items,D' "$T/tables.csv") lines, not 24"
$D table "$gid" desc.items add "item=@SUM(A1)" >/dev/null
run 0 $D export "$gid" --format csv-tables
contains "$T/out" "desc.items,D2,Data item,\"'@SUM(A1)\"$cr" "a formula in a cell stays text"
done_testing
