#!/bin/sh
# The ODT and DOCX exports opened in a real client: LibreOffice, headless,
# converts each to text, which must hold the title, every risk, every
# measure (titles read from the XML record) and the decision, the
# summary's decision with its conditions, a heat map's cell in words and
# every row of the condensed change log (one per person and day, counted
# from the record); hostile text comes out as the same text. Printed to PDF, each page has the
# page number in its footer. Skips without soffice or pdftotext (CI
# installs libreoffice-writer-nogui and poppler-utils: .ci/run).
. "$TOP_SRCDIR/tests/lib.sh"
command -v soffice >/dev/null 2>&1 || skip "soffice is not installed (libreoffice-writer-nogui)"
command -v xsltproc >/dev/null 2>&1 || skip "xsltproc is not installed"
command -v pdftotext >/dev/null 2>&1 || skip "pdftotext is not installed (poppler-utils)"

D="$DPIA -d $T/db.sqlite"
run 0 $D import "$TOP_SRCDIR/data/examples/streaming-factoids.xml"
run 0 $D export 1 --format odt -o "$T/example.odt"
run 0 $D export 1 --format docx -o "$T/example-w.docx"
run 0 $D export 1 --format xml -o "$T/example.xml"

id=$($D new --title "Hostile <b>bold</b> & co") || exit 1
hostile='<b>x</b> & </text:p><text:h>no</text:h> ]]> &amp; <w:p/>'
$D answer "$id" scr.project "$hostile" >/dev/null
$D risk add "$id" --title '=cmd|'"' /C calc'"'!A0' >/dev/null
$D measure add "$id" --title '<w:tbl>not a table</w:tbl>' --risks 1 >/dev/null
run 0 $D export "$id" --format odt -o "$T/hostile.odt"
run 0 $D export "$id" --format docx -o "$T/hostile-w.docx"

# One LibreOffice run for the four documents, with a profile of its own.
checks=$((checks + 1))
if timeout 300 soffice -env:UserInstallation="file://$T/lo-profile" --headless \
    --convert-to txt:Text --outdir "$T/txt" "$T/example.odt" "$T/example-w.docx" \
    "$T/hostile.odt" "$T/hostile-w.docx" >"$T/lo.log" 2>&1; then
    pass "soffice converted the documents"
else
    fail "soffice failed: $(tail -3 "$T/lo.log")"
fi

# What must be found, one line each: the title, the risks, the measures,
# the decision.
cat >"$T/wanted.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:dpia:record:1">
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:for-each select="/r:record/r:assessment/r:title | //r:risk/r:title | //r:measure/r:title
        | //r:signoff/@decision-label">
      <xsl:value-of select="."/><xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
XSL
xsltproc "$T/wanted.xsl" "$T/example.xml" >"$T/wanted"
checks=$((checks + 1))
n=$(wc -l <"$T/wanted")
[ "$n" -eq 15 ] && pass "the title, 6 risks, 7 measures and the decision to find" ||
    fail "$n lines to find, expected 15"
contains "$T/wanted" "Approve with conditions"

for doc in example example-w; do
    while IFS= read -r line; do
        contains "$T/txt/$doc.txt" "$line" "$doc (LibreOffice)"
    done <"$T/wanted"
done
# The change log's rows, one per person and day: the day, who, how many
# changes, as three lines of text in a row.
cat >"$T/rows.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:dpia:record:1">
  <xsl:output method="text"/>
  <xsl:key name="day" match="r:change" use="concat(substring(@at, 1, 10), ' ', @who)"/>
  <xsl:template match="/">
    <xsl:for-each select="//r:history/r:change[generate-id() = generate-id(key('day', concat(substring(@at, 1, 10), ' ', @who))[1])]">
      <xsl:value-of select="concat(substring(@at, 1, 10), '|', @who, '|', count(key('day', concat(substring(@at, 1, 10), ' ', @who))))"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
XSL
xsltproc "$T/rows.xsl" "$T/example.xml" >"$T/rows"
checks=$((checks + 1))
n=$(wc -l <"$T/rows")
[ "$n" -ge 5 ] && pass "$n rows of the change log to find" || fail "$n rows of the change log to find"
for doc in example example-w; do
    f=$T/txt/$doc.txt
    contains "$f" "Approve with conditions, Luca Bianchi, Chief Marketing Officer (2026-02-24)" \
        "$doc (LibreOffice): the summary's decision"
    contains "$f" "Conditions:" "$doc (LibreOffice): the decision's conditions"
    contains "$f" "High: R1, R2" "$doc (LibreOffice): a heat map's cell, the level in words"
    contains "$f" "High (high: Art. 36 if it remains)" "$doc (LibreOffice): the heat maps' legend"
    while IFS='|' read -r day who count; do
        checks=$((checks + 1))
        if awk -v d="$day" -v w="$who" -v c="$count" \
            'p2 == d && p1 == w && $0 == c { found = 1 } { p2 = p1; p1 = $0 } END { exit !found }' \
            "$f"; then
            pass "$doc (LibreOffice): the change log's row $day, $who, $count changes"
        else
            fail "$doc (LibreOffice): no change log row $day, $who, $count changes"
        fi
    done <"$T/rows"
done

for doc in hostile hostile-w; do
    contains "$T/txt/$doc.txt" "Hostile <b>bold</b> & co" "$doc (LibreOffice), the title"
    contains "$T/txt/$doc.txt" "$hostile" "$doc (LibreOffice), the answer"
    contains "$T/txt/$doc.txt" '=cmd|'"' /C calc'"'!A0' "$doc (LibreOffice), the risk"
    contains "$T/txt/$doc.txt" '<w:tbl>not a table</w:tbl>' "$doc (LibreOffice), the measure"
done

# The footer: the title and the page number on every page.
checks=$((checks + 1))
if timeout 300 soffice -env:UserInstallation="file://$T/lo-profile" --headless \
    --convert-to pdf --outdir "$T/pdf" "$T/example.odt" "$T/example-w.docx" \
    >"$T/lo.log" 2>&1; then
    pass "soffice printed the documents to PDF"
else
    fail "soffice failed: $(tail -3 "$T/lo.log")"
fi
title=$(head -1 "$T/wanted")
for doc in example example-w; do
    pdftotext "$T/pdf/$doc.pdf" "$T/pdf/$doc.txt"
    pages=$(pdfinfo "$T/pdf/$doc.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
    checks=$((checks + 1))
    n=$(grep -c "^$title · page [0-9]*\$" "$T/pdf/$doc.txt")
    if [ "${pages:-0}" -gt 1 ] && [ "$n" -eq "$pages" ]; then
        pass "$doc: a footer with the page number on each of its $pages pages"
    else
        fail "$doc: $n footers on ${pages:-?} pages"
    fi
    contains "$T/pdf/$doc.txt" "$title · page $pages" "$doc: the last page's number"
done
done_testing
