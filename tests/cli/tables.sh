#!/bin/sh
# Table questions from the command line: dpia table lists, adds, changes
# and deletes rows of the fixture template's two tables (data items D,
# purposes P citing them); a cited row cannot be deleted; the record
# carries the rows, validates and imports back; the HTML report shows a
# table with the column labels, its cells escaped; the template checks.
. "$TOP_SRCDIR/tests/lib.sh"

fx=$TOP_SRCDIR/tests/fixtures/templates
DPIA_TEMPLATE_PATH=$fx
export DPIA_TEMPLATE_PATH
D="$DPIA -d $(test_db db.sqlite)"
tab=$(printf '\t')

run 0 "$DPIA" template check "$fx/tables.xml" && contains "$T/out" "valid template 'tables'"
run 1 "$DPIA" template check "$fx/bad-table-dup-prefix.xml" &&
    contains "$T/err" "bad-table-dup-prefix.xml:71: question 'purposes': prefix 'D' is already the prefix of 'data-items'"
run 1 "$DPIA" template check "$fx/bad-table-ref-text.xml" &&
    contains "$T/err" "bad-table-ref-text.xml:82: question 'purposes': column 'items' cites rows of 'desc.lia', which is not a table question"

run 0 $D new --title "Tables" --template tables && contains "$T/out" "1"

# Rows added print their references; loose forms are taken.
run 0 $D table 1 data-items add item=E-mail special=y && contains "$T/out" "D1"
run 0 $D table 1 data-items add "item=<b>&" "retention=2 years" && contains "$T/out" "D2"
run 0 $D table 1 data-items add item=Health special=YES && contains "$T/out" "D3"
run 0 $D table 1 purposes add purpose=Newsletter basis=consent "items=d1, D3" &&
    contains "$T/out" "P1"
run 0 $D table 1 data-items
contains "$T/out" "ref${tab}item${tab}special${tab}retention" "header line: ref and the column ids"
contains "$T/out" "D1${tab}E-mail${tab}yes${tab}"
contains "$T/out" "D2${tab}<b>&${tab}${tab}2 years"
run 0 $D table 1 purposes && contains "$T/out" "P1${tab}Newsletter${tab}consent${tab}D1 D3"

# Bad cells and references are refused with the reason, nothing written.
run 1 $D table 1 data-items add item=X special=perhaps &&
    contains "$T/err" "D4 column 'special': 'perhaps' is not yes or no"
run 1 $D table 1 purposes add purpose=Ads items=D9 &&
    contains "$T/err" "P2 cites D9, which is not a row of the assessment"
run 1 $D table 1 purposes add purpose=Ads items=P1 &&
    contains "$T/err" "'P1' is not a row of table 'data-items'"
run 1 $D table 1 purposes add purpose=Ads colour=red &&
    contains "$T/err" "'colour=red' is not COLUMN=VALUE with a column of purposes (purpose, basis, items)"
run 1 $D table 1 purposes set P7 purpose=Ads && contains "$T/err" "purposes has no row P7"
run 1 $D table 1 desc.lia && contains "$T/err" "desc.lia is not a table question"

# A cited row cannot be deleted: the message names the citers, nothing changes.
$D table 1 data-items >"$T/before"
$D history 1 >"$T/hist-before"
run 1 $D table 1 data-items delete D3 &&
    contains "$T/err" "D3 is cited by P1; remove those citations first"
$D table 1 data-items >"$T/after"
$D history 1 >"$T/hist-after"
same "$T/before" "$T/after" "the refused delete left the rows as they were"
same "$T/hist-before" "$T/hist-after" "and logged nothing"
# Nor by emptying the whole table with dpia answer.
run 1 $D answer 1 data-items "" && contains "$T/err" "D1 is cited by P1; remove those citations first"

# Emptying every cell of a row is not a way to delete it unseen.
$D table 1 data-items >"$T/before"
run 1 $D table 1 data-items set D2 item= retention= &&
    contains "$T/err" "D2 would have no cell left that is not empty; to remove the row, delete it"
$D table 1 data-items >"$T/after"
same "$T/before" "$T/after" "the refused set left the rows as they were"

# Rows given to a table its condition hides are kept, with a warning
# (as dpia answer gives): the reports leave them out.
H="$DPIA -d $(test_db hidden.sqlite)"
run 0 $H new --title "Hidden" --template edpb-2026
run 0 $H answer 1 desc.transfers no
run 0 $H table 1 transfers add recipient=Support country=India &&
    contains "$T/err" "warning: transfers is not asked with the current answers (its condition does not hold); the rows are kept anyway"
run 0 $H answer 1 desc.transfers yes
run 0 $H table 1 transfers set TR1 country=Japan && lacks "$T/err" "warning"

# An uncited row is deleted; the others keep their numbers.
run 0 $D table 1 data-items delete D2
run 0 $D table 1 data-items
lacks "$T/out" "D2${tab}" "D2 is gone"
contains "$T/out" "D3${tab}Health${tab}yes" "D3 is still D3"
contains "$T/out" "D1${tab}E-mail"
run 0 $D history 1 && contains "$T/out" "Answer data-items"

# Citations changed, then the row deleted.
run 0 $D table 1 purposes set 1 items=D1
run 0 $D table 1 data-items delete d3
run 0 $D table 1 data-items && lacks "$T/out" "D3${tab}"
run 0 $D table 1 data-items add "item=<b>&" && contains "$T/out" "D2" "a new row takes the highest number plus one"

# dpia answer with a whole table keeps working (loose: no number is a new row).
run 0 $D answer 1 purposes "$(printf '1\tNewsletter\tconsent\tD1\n\tAds\tlegitimate-interest\tD1 D2')"
run 0 $D table 1 purposes && contains "$T/out" "P2${tab}Ads${tab}legitimate-interest${tab}D1 D2"

# A whole table given without a cited row does not hand its number to a
# new row: the citation would come to name another data item unseen.
run 0 $D table 1 data-items
cp "$T/out" "$T/before"
run 1 $D answer 1 data-items "$(printf '1\tE-mail\tyes\t\n\tCriminal records\tyes\t')" &&
    contains "$T/err" "D2 is cited by P2"
run 0 $D table 1 data-items && same "$T/before" "$T/out" "the rows as they were"

# A risk citing rows: a row it cites is not deleted, and the record
# keeps the citation.
run 1 $D risk add 1 --title "Ghost" --concerns D9
contains "$T/err" "D9"
run 0 $D risk add 1 --title "Leak of health data" --concerns "D1 P2"
run 1 $D table 1 purposes delete P2
contains "$T/err" "P2 is cited by R1" "the risk is named among those who cite the row"
run 0 $D table 1 purposes && contains "$T/out" "P2${tab}Ads" "the cited row is kept"

# The record: rows with their cells, valid, imported back the same.
SOURCE_DATE_EPOCH=1771954200 run 0 $D export 1 --format xml -o "$T/a.xml"
contains "$T/a.xml" '<row number="2" ref="P2">'
contains "$T/a.xml" '<concerns>D1 P2</concerns>'
contains "$T/a.xml" '<cell column="basis" label="Lawful basis" value="legitimate-interest">Legitimate interests</cell>'
contains "$T/a.xml" '<cell column="item" label="Data item">&lt;b&gt;&amp;</cell>'
contains "$T/a.xml" '<column id="items" required="no" table="data-items" type="refs">Data items</column>'
if [ -n "${XMLLINT:-}" ]; then
    run 0 "$XMLLINT" --noout --relaxng "$TOP_SRCDIR/templates/dpia-record.rng" "$T/a.xml"
else
    echo "xmllint missing: the record is not validated by hand"
fi
run 0 $D import "$T/a.xml" && contains "$T/out" "2"
$D table 1 data-items >"$T/t1" && $D table 2 data-items >"$T/t2"
same "$T/t1" "$T/t2" "data items imported back as they were"
$D table 1 purposes >"$T/t1" && $D table 2 purposes >"$T/t2"
same "$T/t1" "$T/t2" "purposes imported back as they were"
SOURCE_DATE_EPOCH=1771954200 run 0 $D export 2 --format xml -o "$T/b.xml"
grep -A3 '<value>' "$T/a.xml" >"$T/va"
grep -A3 '<value>' "$T/b.xml" >"$T/vb"
same "$T/va" "$T/vb" "the values of the re-export are the same"

# A record citing a row that does not exist, or with a bad cell, is refused
# with file and line, nothing imported.
if [ -n "${XMLLINT:-}" ]; then
    sed "s|legitimate-interest${tab}D1 D2</value>|legitimate-interest${tab}D1 D7</value>|" \
        "$T/a.xml" >"$T/dangling.xml"
    sh "$TOP_SRCDIR/tests/fixtures/records/redigest.sh" "$T/dangling.xml"
    line=$(grep -n 'D1 D7</value>' "$T/dangling.xml" | cut -d: -f1)
    line=$((line - 1))
    run 1 $D import "$T/dangling.xml" &&
        contains "$T/err" "dangling.xml:$line: P2 cites D7, which is not a row of the assessment"
    sed "s|consent${tab}D1|gift${tab}D1|" "$T/a.xml" >"$T/badcell.xml"
    sh "$TOP_SRCDIR/tests/fixtures/records/redigest.sh" "$T/badcell.xml"
    run 1 $D import "$T/badcell.xml" &&
        contains "$T/err" "purposes: P1 column 'basis': 'gift' is not one of the options"
    checks=$((checks + 1))
    run 0 $D list && [ "$(awk 'NR > 1 { n++ } END { print n + 0 }' "$T/out")" = 2 ] &&
        pass "no third assessment" || fail "an import refused left an assessment: $(cat "$T/out")"
fi

# The HTML report: a table with the column labels, the cells escaped.
run 0 $D export 1 --format html -o "$T/r.html"
contains "$T/r.html" '<table class="grid rows"><tr><th>Ref</th><th>Data item</th><th>Special category</th><th>Retention</th></tr>'
contains "$T/r.html" '<td class="mono">D2</td><td>&lt;b&gt;&amp;</td>'
lacks "$T/r.html" '<b>&' "the cell's markup is escaped"
contains "$T/r.html" '<td>Legitimate interests</td><td>D1 D2</td>'

# ODT and DOCX: a real table, every row as wide as the header.
if command -v python3 >/dev/null 2>&1; then
    Z="python3 $TOP_SRCDIR/tests/cli/zipparts.py"
    run 0 $D export 1 --format odt -o "$T/r.odt"
    run 0 $D export 1 --format docx -o "$T/r.docx"
    mkdir "$T/odt" "$T/docx"
    $Z extract "$T/r.odt" "$T/odt" && $Z extract "$T/r.docx" "$T/docx"
    contains "$T/odt/content.xml" '<table:table table:name="Table data-items" table:style-name="Grid">'
    contains "$T/odt/content.xml" 'table:number-columns-repeated="3"'
    run 0 $Z tables "$T/odt/content.xml"
    run 0 $Z tables "$T/docx/word/document.xml"
    for f in "$T/odt/content.xml" "$T/docx/word/document.xml"; do
        $Z text "$f" >"$T/text"
        contains "$T/text" "Special category" "$(basename "$f"): the column label"
        contains "$T/text" "<b>&" "$(basename "$f"): the cell's text as typed"
        contains "$T/text" "Legitimate interests" "$(basename "$f"): a choice by its label"
    done
else
    echo "python3 missing: the ODT and DOCX tables are not read"
fi

done_testing
