#!/bin/sh
# dpia export --format odt | docx: the zip layout each format asks for
# (an ODT's mimetype first and stored), every XML part well-formed, the
# tables, named styles and the page number field there, hostile text
# written as text and never as markup, and the same bytes from two
# exports with SOURCE_DATE_EPOCH (in different time zones). Opening the
# documents in LibreOffice is tests/cli/report-office-lo.sh.
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
contains "$T/odt/content.xml" '<text:h text:style-name="Heading_20_1" text:outline-level="1">Risk register</text:h>'
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
contains "$T/docx/word/styles.xml" '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
contains "$T/docx/word/footer1.xml" '<w:instrText xml:space="preserve"> PAGE </w:instrText>'
contains "$T/docx/docProps/core.xml" "<dc:title>Viewing factoids: social media campaign"

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
checks=$((checks + 1))
$Z tags "$T/hodt/content.xml" >"$T/tags"
n=$(grep -c '^{urn:oasis:names:tc:opendocument:xmlns:table:1.0}table$' "$T/tags")
[ "$n" -eq 3 ] && pass "odt: three tables (register, action plan, sign-offs)" ||
    fail "odt: $n tables, expected 3"
done_testing
