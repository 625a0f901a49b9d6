#!/bin/sh
# dpia export --format odt | docx: the zip layout each format asks for
# (an ODT's mimetype first and stored), every XML part well-formed, the
# tables, named styles and the page number field there; what the report
# says, in the HTML report's words (the cover's facts, the summary, the
# heat maps as tables beside the register with their legend and each
# risk's movement, the change log condensed or whole, the guidance only
# when asked for, a not applicable answer left out, a second revision's
# changes); hostile text written as text and never as markup, and the
# same bytes from two exports with SOURCE_DATE_EPOCH (in different time
# zones). Opening the documents in LibreOffice is
# tests/cli/report-office-lo.sh.
. "$TOP_SRCDIR/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || skip "python3 is not installed"
command -v xmllint >/dev/null 2>&1 || skip "xmllint is not installed (libxml2-utils)"
Z="python3 $TOP_SRCDIR/tests/cli/zipparts.py"
ODT_PARTS="mimetype META-INF/manifest.xml content.xml styles.xml meta.xml"
DOCX_PARTS="[Content_Types].xml _rels/.rels docProps/core.xml word/document.xml
 word/styles.xml word/_rels/document.xml.rels word/footer1.xml"

D="$DPIA -d $T/db.sqlite"
SOURCE_DATE_EPOCH=1767225600
export SOURCE_DATE_EPOCH
run 0 $D import "$TOP_SRCDIR/data/examples/streaming-factoids.xml"

# check NAME FILE PARTS...: the layout, then each XML part well-formed.
check() {
    name=$1 file=$2
    shift 2
    checks=$((checks + 1))
    if $Z layout "$file" "$@" 2>"$T/why"; then
        pass "$name: the entries in order, $*"
    else
        fail "$name: $(cat "$T/why")"
    fi
    rm -rf "$T/$name" && mkdir "$T/$name" && $Z extract "$file" "$T/$name"
    for p in "$@"; do
        case $p in
        content.xml | word/document.xml)
            checks=$((checks + 1))
            if $Z tables "$T/$name/$p" 2>"$T/why"; then
                pass "$name: $p, every table square, every cell with a paragraph"
            else
                fail "$name: $(cat "$T/why")"
            fi
            ;;
        esac
        [ "$p" = mimetype ] && continue
        checks=$((checks + 1))
        if xmllint --noout --nonet "$T/$name/$p" 2>"$T/why"; then
            pass "$name: $p is well-formed"
        else
            fail "$name: $p: $(head -3 "$T/why")"
        fi
    done
}

# --- the worked example ----------------------------------------------------
run 0 $D export 1 --format odt -o "$T/example.odt"
check odt "$T/example.odt" $ODT_PARTS
contains "$T/odt/mimetype" "application/vnd.oasis.opendocument.text"
contains "$T/odt/META-INF/manifest.xml" 'manifest:full-path="content.xml"'
contains "$T/odt/meta.xml" "<dc:title>Viewing factoids: social media campaign"
contains "$T/odt/content.xml" '<table:table table:name="Risk register"'
contains "$T/odt/content.xml" '<table:table table:name="Action plan"'
contains "$T/odt/content.xml" '<table:table-header-rows>'
contains "$T/odt/content.xml" '<text:h text:style-name="Heading_20_2" text:outline-level="2">Risk register</text:h>'
contains "$T/odt/content.xml" '<style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #777777" fo:background-color="#e8c4bf"/>' \
    "odt: the colour of a high level, a cell style"
contains "$T/odt/content.xml" '<table:table-cell table:style-name="FillHigh" office:value-type="string"><text:p text:style-name="Table_20_Contents">High: R1, R2</text:p>' \
    "odt: a heat map's cell in colour and in words"
contains "$T/odt/styles.xml" 'style:name="Question" style:display-name="Question"' "a named style"
contains "$T/odt/styles.xml" '<style:footer><text:p text:style-name="Footer">' "a footer"
contains "$T/odt/styles.xml" '<text:page-number text:select-page="current">' "the page number"

run 0 $D export 1 --format docx -o "$T/example.docx"
check docx "$T/example.docx" $DOCX_PARTS
contains "$T/docx/[Content_Types].xml" 'PartName="/word/document.xml"'
contains "$T/docx/_rels/.rels" 'Target="word/document.xml"'
contains "$T/docx/word/_rels/document.xml.rels" 'Target="footer1.xml"'
contains "$T/docx/word/document.xml" '<w:footerReference w:type="default" rel:id="rId2"/>'
contains "$T/docx/word/document.xml" '<w:tbl><w:tblPr><w:tblStyle w:val="DpiaTable"/>'
contains "$T/docx/word/document.xml" '<w:tblHeader/>' "a header row repeated on each page"
contains "$T/docx/word/document.xml" '<w:tc><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="E8C4BF"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">High: R1, R2</w:t></w:r></w:p></w:tc>' \
    "docx: a heat map's cell in colour and in words"
contains "$T/docx/word/document.xml" '<w:pStyle w:val="Heading1"/><w:pageBreakBefore/>' "docx: a part on a new page"
contains "$T/docx/word/styles.xml" '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
contains "$T/docx/word/footer1.xml" '<w:instrText xml:space="preserve"> PAGE </w:instrText>'
contains "$T/docx/docProps/core.xml" "<dc:title>Viewing factoids: social media campaign"

# --- what the documents say ---------------------------------------------------
# The text of each paragraph, one a line; the checks below run on each
# document.
$Z text "$T/odt/content.xml" >"$T/odt.txt"
$Z text "$T/docx/word/document.xml" >"$T/docx.txt"
run 0 $D export 1 --format xml -o "$T/example.xml"
digest=$(sed -n 's|.*<digest algorithm="sha256">\([0-9a-f]*\)</digest>.*|\1|p' "$T/example.xml")
tdigest=$(sed -n 's|.*<template digest="\([0-9a-f]*\)".*|\1|p' "$T/example.xml")

# line FILE TEXT [what]: a paragraph of FILE is exactly TEXT.
line() {
    checks=$((checks + 1))
    if grep -qxF -- "$2" "$1"; then
        pass "${3:-$(basename "$1") has the paragraph '$2'}"
    else
        fail "${3:-$(basename "$1")} lacks the paragraph '$2'"
    fi
}

# after FILE A B [what]: the paragraph after the first paragraph A is B.
after() {
    checks=$((checks + 1))
    a=$(grep -nxF -m1 -- "$2" "$1" | cut -d: -f1)
    b=
    [ -n "$a" ] && b=$(sed -n "$((a + 1))p" "$1")
    if [ -n "$a" ] && [ "$b" = "$3" ]; then
        pass "${4:-$(basename "$1"): '$3' after '$2'}"
    else
        fail "${4:-$(basename "$1"): '$3' after '$2'}: line ${a:-none}, then '$b'"
    fi
}

# before FILE A B [what]: the first paragraph A comes before the first B.
before() {
    checks=$((checks + 1))
    a=$(grep -nxF -m1 -- "$2" "$1" | cut -d: -f1)
    b=$(grep -nxF -m1 -- "$3" "$1" | cut -d: -f1)
    if [ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ]; then
        pass "${4:-$(basename "$1"): '$2' before '$3'}"
    else
        fail "${4:-$(basename "$1"): '$2' before '$3'}: lines ${a:-none} and ${b:-none}"
    fi
}

ctl='Luca Bianchi, Chief Marketing Officer (2026-02-24)'
reads() {
    f=$1 n=$2
    # The cover's facts, each with what it says.
    after "$f" "Controller" "Not recorded" "$n: the controller, not recorded"
    after "$f" "Data Protection Officer" "Dr. Anja Vermeulen, Data Protection Officer (2026-02-19)" \
        "$n: the DPO"
    after "$f" "The DPO's contact details" "Not recorded" "$n: the DPO's contact details"
    after "$f" "Revision" "Revision 1" "$n: the revision"
    after "$f" "Measures approved by" "$ctl, by the decision \"Approve with conditions\"" \
        "$n: who approved the measures"
    after "$f" "Residual risks accepted by" "$ctl, by the decision \"Approve with conditions\"" \
        "$n: who accepted the residual risks"
    after "$f" "Next review" "2026-07-01" "$n: the next review"
    after "$f" "Template" "GDPR Data Protection Impact Assessment, gdpr-dpia version 1.3" "$n: the template"
    after "$f" "Reference" "5f0c2a7e-8d1b-4c3e-9a61-2b7d4e9f1c08" "$n: the reference"
    # The summary, after the cover and before the sections.
    before "$f" "Reference" "Summary" "$n: the summary after the cover"
    before "$f" "Summary" "1. Screening: is a DPIA needed?" "$n: the summary before the sections"
    after "$f" "Decision" "Approve with conditions" "$n: the cover's decision"
    line "$f" "Approve with conditions, $ctl" "$n: the summary's decision, by whom"
    after "$f" "Approve with conditions, $ctl" "Conditions:" "$n: the decision's conditions"
    contains "$f" "The Brand and Social team of Kestrel Streaming wants to run a year-end campaign" \
        "$n: the processing"
    after "$f" "Screening (WP248)" "DPIA required" "$n: the screening outcome"
    contains "$f" "Criterion 4: Does the processing involve sensitive or highly personal data" \
        "$n: a screening criterion"
    after "$f" "Highest residual risk" "Medium" "$n: the highest residual risk"
    contains "$f" "R1. Re-identification of subscribers from small counts: High → Medium (lowered)" \
        "$n: the top risks with their movement"
    line "$f" "and 1 more in the risk register." "$n: the top five, and how many more"
    after "$f" "Prior consultation (Art. 36)" "Not required: no residual risk is high." "$n: Art. 36"
    after "$f" "Open measures" "6 of 7" "$n: the open measures"
    contains "$f" "M1: Aggregation with a minimum group of 10,000 accounts (Head of Data Analytics, due 2026-03-13)" \
        "$n: an open measure with its owner and due date"
    line "$f" "The advice was followed." "$n: whether the DPO's advice was followed"
    after "$f" "Completion" "100% (72 of 72 items)" "$n: the completion"
    # The heat maps as tables right after the register's heading, the
    # levels in words, the legend, the movement; the register's movement
    # column.
    after "$f" "Risk register" "Before measures" "$n: the heat maps right after the register's heading"
    line "$f" "High: R1, R2" "$n: a heat map's cell, the level in words and its risks"
    line "$f" "Medium: R1" "$n: the residual heat map's cell"
    line "$f" "After measures (residual)" "$n: the residual heat map"
    line "$f" "Likelihood ↑ Severity →" "$n: the heat map's axes"
    after "$f" "Levels" "Low" "$n: the legend"
    line "$f" "High (high: Art. 36 if it remains)" "$n: the legend's high level"
    contains "$f" "R2: High → Low (lowered)" "$n: a risk's movement"
    after "$f" "After measures" "Movement" "$n: the register's movement column"
    line "$f" "Likelihood before measures" "$n: the reasons for the scores"
    # The action plan, sign-offs, coverage.
    after "$f" "Type" "Owner" "$n: the action plan's columns"
    line "$f" "Warnings acknowledged with the decision:" "$n: the acknowledged warnings"
    line "$f" "31 of 31 items are met." "$n: the coverage"
    # The change log, condensed, questions by their prompt.
    after "$f" "Day" "Who" "$n: the condensed change log's columns"
    line "$f" "Note on: How and when are people told about the processing?" \
        "$n: a question named by its prompt in the log"
    line "$f" "Answers (21): Description of the processing: 1; Necessity and proportionality: 20; " "$n: answers counted by section"
    lacks "$f" "answer scr.project" "$n: no question ids in the condensed log"
    lacks "$f" "Every change recorded" "$n: not the whole log"
    # Guidance only when asked for.
    lacks "$f" "the nine criteria of the WP248 guidelines" "$n: no guidance by default"
    # The integrity appendix.
    after "$f" "Record digest (SHA-256)" "$digest" "$n: the record's digest"
    after "$f" "Template digest (SHA-256)" "$tdigest" "$n: the template's digest"
    line "$f" "dpia $(sed -n 's/.*<generator exported="[^"]*" name="dpia" version="\([^"]*\)".*/\1/p' "$T/example.xml"), 2026-01-01 00:00 UTC" \
        "$n: the generator and the export time"
}
reads "$T/odt.txt" odt
reads "$T/docx.txt" docx

# The whole change log and the guidance, asked for.
run 0 $D export 1 --format odt --full-history --with-guidance -o "$T/whole.odt"
$Z extract "$T/whole.odt" "$T/whole-odt" && $Z text "$T/whole-odt/content.xml" >"$T/whole-odt.txt"
whole() {
    f=$1 n=$2
    contains "$f" "Every change recorded for this assessment, oldest first" "$n: the whole log asked for"
    after "$f" "When" "Who" "$n: the whole log's columns"
    after "$f" "Describe the project in a few sentences: what it aims to do and what kind of processing of personal data it involves." \
        "Answer scr.project" "$n: a change, the question by its prompt and its id"
    contains "$f" "the nine criteria of the WP248 guidelines" "$n: the guidance asked for"
}
whole "$T/whole-odt.txt" odt
run 0 $D export 1 --format docx --full-history --with-guidance -o "$T/whole.docx"
$Z extract "$T/whole.docx" "$T/whole-docx" && $Z text "$T/whole-docx/word/document.xml" >"$T/whole-docx.txt"
whole "$T/whole-docx.txt" docx

# An answer that a later answer makes not applicable: in the record, not
# in the documents.
id=$($D new --title "Hidden answer") || exit 1
$D table "$id" desc.purpose-list add purpose=Security basis=legitimate-interests >/dev/null
$D answer "$id" nec.li-interest "Fraud prevention for the benefit of all subscribers" >/dev/null
$D table "$id" desc.purpose-list set P1 basis=consent >/dev/null
run 0 $D export "$id" --format odt -o "$T/hidden.odt"
$Z extract "$T/hidden.odt" "$T/hidden-odt"
lacks "$T/hidden-odt/content.xml" "Fraud prevention" "odt: the not applicable answer left out"
contains "$T/hidden-odt/content.xml" "each purpose with the data items" "odt: the answer that hides it"
run 0 $D export "$id" --format docx -o "$T/hidden.docx"
$Z extract "$T/hidden.docx" "$T/hidden-docx"
lacks "$T/hidden-docx/word/document.xml" "Fraud prevention" "docx: the not applicable answer left out"
contains "$T/hidden-docx/word/document.xml" "each purpose with the data items" "docx: the answer that hides it"

# A second revision: the revision it replaces, what changed since.
run 0 $D import "$TOP_SRCDIR/data/examples/streaming-factoids.xml" && ex=$(cat "$T/out")
run 0 $D revise "$ex"
run 0 $D answer "$ex" desc.scale "About 120 million accounts <worldwide>"
run 0 $D export "$ex" --format odt -o "$T/r2.odt"
$Z extract "$T/r2.odt" "$T/r2-odt" && $Z text "$T/r2-odt/content.xml" >"$T/r2-odt.txt"
revised() {
    f=$1 n=$2
    line "$f" "Revision 2, replaces the revision decided on 2026-02-24" "$n: the revision it replaces"
    line "$f" "Changes since revision 1" "$n: what changed since"
    line "$f" "About 120 million accounts <worldwide>" "$n: the new answer, as text"
}
revised "$T/r2-odt.txt" odt
run 0 $D export "$ex" --format docx -o "$T/r2.docx"
$Z extract "$T/r2.docx" "$T/r2-docx" && $Z text "$T/r2-docx/word/document.xml" >"$T/r2-docx.txt"
revised "$T/r2-docx.txt" docx

# What the record does not say yet but a stylesheet must show: the
# controller, the DPO's contact details, the DPO's judgement of a section.
if command -v xsltproc >/dev/null 2>&1; then
    sed -e 's|<title>Viewing factoids|<controller>Kestrel <Streaming> Ltd</controller><dpo-contact>dpo@kestrel.example</dpo-contact>&|' \
        -e 's|<section [^>]*id="screening"[^>]*>|&<judgement verdict="improve" date="2026-02-19"><name>Dr. Anja Vermeulen</name><comment>Name the list.</comment></judgement>|' \
        -e 's|<section [^>]*id="description"[^>]*>|&<judgement verdict="acceptable"/>|' \
        "$T/example.xml" | sed 's|<Streaming>|\&lt;Streaming\&gt;|' >"$T/judged.xml"
    xsltproc --stringparam part content "$TOP_SRCDIR/templates/odt.xsl" "$T/judged.xml" >"$T/judged-odt.xml"
    $Z text "$T/judged-odt.xml" >"$T/judged-odt.txt"
    judged() {
        f=$1 n=$2
        after "$f" "Controller" "Kestrel <Streaming> Ltd" "$n: the controller"
        after "$f" "The DPO's contact details" "dpo@kestrel.example" "$n: the DPO's contact details"
        line "$f" "The DPO's judgement: To be improved (Dr. Anja Vermeulen, 2026-02-19)" "$n: a section's judgement"
        after "$f" "The DPO's judgement: To be improved (Dr. Anja Vermeulen, 2026-02-19)" "Name the list." \
            "$n: the judgement's comment"
        contains "$f" "Screening: is a DPIA needed?: To be improved (Dr. Anja Vermeulen, 2026-02-19)" \
            "$n: the judgement by section in the summary"
        contains "$f" "Description of the processing: Acceptable" "$n: an acceptable section"
    }
    judged "$T/judged-odt.txt" odt
    xsltproc --stringparam part document "$TOP_SRCDIR/templates/docx.xsl" "$T/judged.xml" >"$T/judged-docx.xml"
    $Z text "$T/judged-docx.xml" >"$T/judged-docx.txt"
    judged "$T/judged-docx.txt" docx
fi

# Standard output works too, and gives the same bytes.
run 0 $D export 1 --format odt -o -
same "$T/out" "$T/example.odt" "odt: -o - gives the same bytes"

# The file target's safety holds for documents too: an existing file is
# kept without --force, replaced with it; a FIFO is refused.
echo "mine" >"$T/kept.docx"
run 1 $D export 1 --format docx -o "$T/kept.docx"
contains "$T/kept.docx" "mine" "docx: an existing file kept without --force"
run 0 $D export 1 --format docx -o "$T/kept.docx" --force
same "$T/kept.docx" "$T/example.docx" "docx: --force replaces it"
if mkfifo "$T/fifo.odt" 2>/dev/null; then
    run 1 $D export 1 --format odt -o "$T/fifo.odt"
    contains "$T/err" "fifo.odt" "odt: a FIFO refused, by name"
fi

# --- reproducible ----------------------------------------------------------
sleep 2 # a DOS time counts in steps of two seconds
run 0 env TZ=Pacific/Auckland $D export 1 --format odt -o "$T/again.odt"
same "$T/again.odt" "$T/example.odt" "odt: the same bytes two seconds later, in another time zone"
run 0 env TZ=America/New_York $D export 1 --format docx -o "$T/again.docx"
same "$T/again.docx" "$T/example.docx" "docx: the same bytes two seconds later, in another time zone"
run 0 env SOURCE_DATE_EPOCH=1767225700 $D export 1 --format docx -o "$T/later.docx"
checks=$((checks + 1))
cmp -s "$T/later.docx" "$T/example.docx" && fail "docx: another export time, the same bytes" ||
    pass "docx: another export time gives other bytes"

# --- hostile text ------------------------------------------------------------
id=$($D new --title "Hostile <b>bold</b> & co") || exit 1
$D answer "$id" scr.project '<b>x</b> & </text:p><text:h>no</text:h> ]]> &amp; <w:p/>' >/dev/null
$D risk add "$id" --title '=cmd|'"' /C calc'"'!A0' --description '<table:table-row/>' >/dev/null
$D measure add "$id" --title '<w:tbl>not a table</w:tbl>' --owner '"quoted" & <i>' \
    --risks 1 >/dev/null
run 0 $D export "$id" --format odt -o "$T/hostile.odt"
check hodt "$T/hostile.odt" $ODT_PARTS
run 0 $D export "$id" --format docx -o "$T/hostile.docx"
check hdocx "$T/hostile.docx" $DOCX_PARTS
contains "$T/hodt/content.xml" '&lt;b&gt;x&lt;/b&gt; &amp; &lt;/text:p&gt;&lt;text:h&gt;no&lt;/text:h&gt; ]]&gt; &amp;amp; &lt;w:p/&gt;'
contains "$T/hodt/content.xml" '=cmd|'"' /C calc'"'!A0'
contains "$T/hdocx/word/document.xml" '&lt;w:tbl&gt;not a table&lt;/w:tbl&gt;'
contains "$T/hdocx/word/document.xml" '"quoted" &amp; &lt;i&gt;'
contains "$T/hdocx/docProps/core.xml" '<dc:title>Hostile &lt;b&gt;bold&lt;/b&gt; &amp; co</dc:title>'
contains "$T/hodt/meta.xml" '<dc:title>Hostile &lt;b&gt;bold&lt;/b&gt; &amp; co</dc:title>'
# No element of the record's making: every element is of the format's
# own namespaces.
for f in hodt/content.xml hodt/styles.xml hodt/meta.xml hdocx/word/document.xml \
    hdocx/word/footer1.xml hdocx/docProps/core.xml; do
    checks=$((checks + 1))
    $Z tags "$T/$f" | sort -u >"$T/tags"
    if grep -v -e '^{urn:oasis:names:tc:opendocument:' \
        -e '^{http://schemas.openxmlformats.org/' -e '^{http://purl.org/dc/' "$T/tags" >"$T/odd"; then
        fail "$f: elements from the text: $(tr '\n' ' ' <"$T/odd")"
    else
        pass "$f: only the format's own elements"
    fi
done
for t in Cover Summary "Heat map before measures" "Heat map after measures" Levels "Risk register" \
    "Action plan" Sign-offs Coverage "Change log" Integrity; do
    contains "$T/hodt/content.xml" "<table:table table:name=\"$t\"" "odt: the table $t"
done
done_testing
