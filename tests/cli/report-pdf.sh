#!/bin/sh
# dpia export --format pdf and dpia import of such a PDF: a PDF/A-3b
# (its XMP metadata says part 3, conformance B) carrying the record as
# dpia-record.xml, the same bytes as --format xml; imported back with
# its digests checked; every answer of the worked example in the PDF's
# text; hostile text kept as text; the same bytes twice with
# SOURCE_DATE_EPOCH; the file target's rules; the temporary folder
# removed (after a failure and a signal too); and without WeasyPrint or
# pdfdetach, a message naming the package, exit 1, nothing written. The
# record is an associated file of the document, as PDF/A-3 wants it
# (the catalog's /AF, /AFRelationship, its MIME type and date), read
# with qpdf.
. "$TOP_SRCDIR/tests/lib.sh"
command -v weasyprint >/dev/null 2>&1 || skip "weasyprint is not installed"
command -v pdfdetach >/dev/null 2>&1 || skip "pdfdetach is not installed (poppler-utils)"
for p in pdfinfo pdftotext python3 qpdf; do
    command -v $p >/dev/null 2>&1 || skip "$p is not installed"
done
P="python3 $TOP_SRCDIR/tests/cli/pdftext.py"

D="$DPIA -d $T/db.sqlite"
SOURCE_DATE_EPOCH=1767225600
export SOURCE_DATE_EPOCH
# The temporary folders go here, to be seen removed.
mkdir "$T/tmp"
TMPDIR=$T/tmp
export TMPDIR
empty_tmp() {
    checks=$((checks + 1))
    if [ -z "$(ls -A "$T/tmp")" ]; then pass "$1: no temporary file left"; else
        fail "$1: left in TMPDIR: $(ls -A "$T/tmp" | tr '\n' ' ')"; rm -rf "$T/tmp"/*; fi
}
count() { $D list --all 2>/dev/null | grep -c .; }
run 0 $D import "$TOP_SRCDIR/data/examples/streaming-factoids.xml"

# --- the worked example ----------------------------------------------------
run 0 $D export 1 --format pdf -o "$T/example.pdf"
empty_tmp "export"
checks=$((checks + 1))
[ "$(head -c 5 "$T/example.pdf")" = "%PDF-" ] && pass "a PDF written" || fail "not a PDF"
pdfinfo -meta "$T/example.pdf" >"$T/meta" 2>&1
contains "$T/meta" 'pdfaid:part="3"' "XMP: PDF/A part 3"
contains "$T/meta" 'pdfaid:conformance="B"' "XMP: conformance B"
pdfinfo "$T/example.pdf" >"$T/info" 2>&1
contains "$T/info" "Title:           DPIA: Viewing factoids" "the title in the document information"
contains "$T/info" "Page size:       595.276 x 841.89 pts (A4)" "A4 pages"
contains "$T/info" "JavaScript:      no"
pdfdetach -list "$T/example.pdf" >"$T/list" 2>&1
contains "$T/list" "1: dpia-record.xml" "the record embedded"
run 0 $D export 1 --format xml -o "$T/example.xml"
pdfdetach -savefile dpia-record.xml -o "$T/embedded.xml" "$T/example.pdf" >/dev/null 2>&1
same "$T/embedded.xml" "$T/example.xml" "the embedded record is the XML export, byte for byte"
# The record's digest is the PDF's identifier.
digest=$(sed -n 's|.*<digest algorithm="sha256">\([0-9a-f]*\)</digest>.*|\1|p' "$T/example.xml")
hex=$(printf %s "$digest" | od -An -tx1 | tr -d ' \n')
checks=$((checks + 1))
if [ ${#digest} -eq 64 ] && { grep -aq "/ID \[($digest)" "$T/example.pdf" ||
    grep -aq "/ID \[<$hex>" "$T/example.pdf"; }; then
    pass "the record digest is the PDF's identifier"; else fail "no /ID with the record digest"; fi
# The record is the document's associated file (ISO 19005-3, 6.8).
qpdf --json=2 --json-key=qpdf "$T/example.pdf" >"$T/pdf.json" 2>"$T/why" || fail "qpdf: $(cat "$T/why")"
checks=$((checks + 1))
if python3 - "$T/pdf.json" >"$T/why" 2>&1 <<'PY'
import json, sys
q = json.load(open(sys.argv[1]))["qpdf"][1]
obj = lambda ref: q["obj:" + ref]
root = obj(q["trailer"]["value"]["/Root"])["value"]
af = root.get("/AF")
assert isinstance(af, list) and len(af) == 1, "catalog /AF: %r" % af
spec = obj(af[0])["value"]
assert spec.get("/Type") == "/Filespec", spec
assert spec.get("/AFRelationship") == "/Data", "AFRelationship: %r" % spec.get("/AFRelationship")
assert spec.get("/F") == "u:dpia-record.xml" and spec.get("/UF") == "u:dpia-record.xml", spec
stream = obj(spec["/EF"]["/F"])["stream"]["dict"]
assert stream.get("/Subtype") == "/text/xml", "Subtype: %r" % stream.get("/Subtype")
assert stream["/Params"]["/ModDate"] == "u:D:20260101000000Z", stream["/Params"]
names = obj(root["/Names"]["/EmbeddedFiles"])["value"]["/Names"]
assert names[1] == af[0], "the /AF entry is the embedded file: %r" % names
PY
then pass "the record is the document's associated file (/AF, /Data, text/xml, its date)"
else fail "the record is not an associated file: $(cat "$T/why")"; fi

# Every answer of the example, in the PDF's text.
pdftotext -enc UTF-8 "$T/example.pdf" "$T/example.txt"
checks=$((checks + 1))
if $P displays "$T/example.xml" "$T/example.txt" >"$T/why"; then
    pass "every answer's text in the PDF ($(tail -1 "$T/why"))"
else
    fail "answers missing from the PDF's text"; sed 's/^/  | /' "$T/why" | head
fi
contains "$T/example.txt" "Page 2 of " "page numbers"

# --- imported back ---------------------------------------------------------
run 0 $D import "$T/example.pdf" && contains "$T/out" "2" "the PDF imported as assessment 2"
empty_tmp "import"
run 0 $D export 2 --format xml -o "$T/back.xml"
diff "$T/example.xml" "$T/back.xml" >"$T/diff"
grep '^[<>]' "$T/diff" |
    grep -v -e 'updated="' -e 'uuid="' -e '<digest algorithm' -e '<change at=' \
        -e '<what>imported</what>' -e '<old></old>' -e "<new>Viewing factoids" \
        -e '</change>' >"$T/unexpected"
checks=$((checks + 1))
if [ -s "$T/unexpected" ]; then
    fail "the import of the PDF differs from its record in unexpected places"
    sed 's/^/  | /' "$T/unexpected" | head -20
else
    pass "the import of the PDF gives back its record (but the import's own entry)"
fi
contains "$T/back.xml" "$(grep -o '<template [^>]*digest="[0-9a-f]*"' "$T/example.xml")" \
    "the template snapshot and its digest kept"

# A PDF whose record was changed after the export: the digest refuses it.
sed 's|<value>The Brand and Social team|<value>The Brand team|' "$T/example.xml" \
    >"$T/dpia-record.xml"
echo '<p>A report</p>' >"$T/page.html"
weasyprint -q --pdf-variant pdf/a-3b -a "$T/dpia-record.xml" "$T/page.html" \
    "$T/forged.pdf" 2>/dev/null || fail "weasyprint could not make the forged PDF"
before=$(count)
run 1 $D import "$T/forged.pdf"
contains "$T/err" "forged.pdf (dpia-record.xml)" "a changed record refused, named"
contains "$T/err" "digest" "for its digest"
checks=$((checks + 1))
[ "$(count)" = "$before" ] && pass "nothing created" || fail "an assessment was created"

# A PDF without the record.
weasyprint -q "$T/page.html" "$T/plain.pdf" 2>/dev/null || fail "weasyprint: plain PDF"
run 1 $D import "$T/plain.pdf"
contains "$T/err" "plain.pdf: a PDF without a dpia record" "a PDF without the record refused"
checks=$((checks + 1))
[ "$(count)" = "$before" ] && pass "nothing created" || fail "an assessment was created"
empty_tmp "refused imports"

# Without pdfdetach.
run 1 env PATH=/nonexistent $D import "$T/example.pdf"
contains "$T/err" "install the package poppler-utils" "no pdfdetach: the package named"
run 1 env DPIA_PDFDETACH=/nonexistent $D import "$T/example.pdf"
contains "$T/err" "DPIA_PDFDETACH names '/nonexistent'" "a DPIA_PDFDETACH that is not there"
checks=$((checks + 1))
[ "$(count)" = "$before" ] && pass "nothing created" || fail "an assessment was created"

# A closed revision's PDF carries the record kept when it closed (made
# at another time than this export).
run 0 $D revise 2
run 0 $D answer 2 desc.scale "About 120 million accounts"
run 0 env SOURCE_DATE_EPOCH=1767225700 $D export 2 --revision 1 --format xml -o "$T/r1.xml"
run 0 env SOURCE_DATE_EPOCH=1767225700 $D export 2 --revision 1 --format pdf -o "$T/r1.pdf"
pdfdetach -savefile dpia-record.xml -o "$T/r1-embedded.xml" "$T/r1.pdf" >/dev/null 2>&1
same "$T/r1-embedded.xml" "$T/r1.xml" "a closed revision's PDF carries the record kept"
lacks "$T/r1-embedded.xml" "About 120 million accounts" "not the revision in force"
empty_tmp "revision"
# What the PDF prints is that record: its export time and its digest,
# not those of a record made again for the printing.
pdftotext -enc UTF-8 "$T/r1.pdf" - | tr -s ' \n' ' ' >"$T/r1.txt"
r1digest=$(sed -n 's|.*<digest algorithm="sha256">\([0-9a-f]*\)</digest>.*|\1|p' "$T/r1-embedded.xml")
r1time=$(sed -n 's|.*<generator exported="\([^"]*\)".*|\1|p' "$T/r1-embedded.xml" |
    sed 's|^\(....-..-..\)T\(..:..\).*|\1 \2 UTC|')
contains "$T/r1.txt" "Record digest (SHA-256) $r1digest" "the printed digest is the attached record's"
contains "$T/r1.txt" "dpia 0.1.0, $r1time" "the printed export time is the attached record's ($r1time)"

# --- the same bytes, and the file target's rules ---------------------------
run 0 $D export 1 --format pdf -o -
same "$T/out" "$T/example.pdf" "-o - gives the same bytes (SOURCE_DATE_EPOCH)"
echo "mine" >"$T/kept.pdf"
chmod 640 "$T/kept.pdf"
run 1 $D export 1 --format pdf -o "$T/kept.pdf"
contains "$T/err" "kept.pdf exists; use --force" "an existing file kept without --force"
contains "$T/kept.pdf" "mine"
run 0 $D export 1 --format pdf -o "$T/kept.pdf" --force
same "$T/kept.pdf" "$T/example.pdf" "--force replaces it"
checks=$((checks + 1))
[ "$(stat -c %a "$T/kept.pdf")" = 640 ] && pass "--force keeps the mode" || fail "mode not kept"
if mkfifo "$T/fifo.pdf" 2>/dev/null; then
    run 1 $D export 1 --format pdf -o "$T/fifo.pdf"
    contains "$T/err" "fifo.pdf is a FIFO" "a FIFO refused, by name"
fi

# --- without WeasyPrint, or when it fails ----------------------------------
run 1 env DPIA_WEASYPRINT=/nonexistent $D export 1 --format pdf -o "$T/none.pdf"
contains "$T/err" "install the package weasyprint" "DPIA_WEASYPRINT not there: the package named"
run 1 env PATH=/nonexistent $D export 1 --format pdf -o "$T/none.pdf"
contains "$T/err" "PDF export needs weasyprint, which is not installed" "not on PATH"
contains "$T/err" "install the package weasyprint (apt install weasyprint)"
run 1 env PATH=/nonexistent $D export 1 --format pdf
checks=$((checks + 1))
[ ! -s "$T/out" ] && pass "nothing on standard output" || fail "something written to stdout"
checks=$((checks + 1))
[ ! -e "$T/none.pdf" ] && pass "no file written" || fail "$T/none.pdf written"

printf '#!/bin/sh\necho "Traceback: something broke" >&2\necho "\033[31mengine: out of paper" >&2\nexit 3\n' \
    >"$T/broken"
chmod +x "$T/broken"
run 1 env DPIA_WEASYPRINT="$T/broken" $D export 1 --format pdf -o "$T/none.pdf"
contains "$T/err" "PDF export: WeasyPrint failed:" "a failing engine told"
contains "$T/err" "engine: out of paper" "with its last message"
checks=$((checks + 1))
if grep -q "$(printf '\033')" "$T/err"; then fail "an escape reached the terminal"; else
    pass "the engine's message neutralised"; fi
checks=$((checks + 1))
[ ! -e "$T/none.pdf" ] && pass "no file written" || fail "$T/none.pdf written"
empty_tmp "failed exports"

# A signal while the engine runs: the temporary files go, nothing written.
printf '#!/bin/sh\ntouch "%s/started"\nexec sleep 30\n' "$T" >"$T/slow"
chmod +x "$T/slow"
DPIA_WEASYPRINT=$T/slow $D export 1 --format pdf -o "$T/none.pdf" 2>/dev/null &
pid=$!
n=0
while [ ! -e "$T/started" ] && [ $n -lt 100 ]; do
    sleep 0.1
    n=$((n + 1))
done
kill -TERM $pid
wait $pid 2>/dev/null
status=$?
checks=$((checks + 1))
[ $status -ne 0 ] && pass "SIGTERM ends the export" || fail "exit 0 after SIGTERM"
empty_tmp "SIGTERM"
checks=$((checks + 1))
[ ! -e "$T/none.pdf" ] && [ -z "$(find "$T" -maxdepth 1 -name '.dpia-tmp-*')" ] &&
    pass "no file written, none half-written" || fail "a file left after SIGTERM"

# --- hostile text ----------------------------------------------------------
id=$($D new --title "Hostile <b>bold</b> & co") || exit 1
$D answer "$id" scr.project "$(printf '<b>x</b> & <script>alert(1)</script>\t=1+1 <img src="file:///etc/passwd">')" \
    >/dev/null || fail "the hostile answer"
$D risk add "$id" --title '=cmd|'"' /C calc'"'!A0' --description '<a href="http://example.invalid/">link</a>' \
    >/dev/null || fail "the hostile risk"
run 1 $D answer "$id" scr.project "$(printf 'bell\007 escape\033[31m')"
contains "$T/err" "control character" "control characters refused before any export"
run 0 $D export "$id" --format pdf -o "$T/hostile.pdf"
pdftotext -enc UTF-8 "$T/hostile.pdf" "$T/hostile.txt"
# pdftotext puts spaces and tabs where the glyphs leave room: compared
# without white space.
tr -d ' \t\n' <"$T/hostile.txt" >"$T/hostile.flat"
contains "$T/hostile.flat" '<b>x</b>&<script>alert(1)</script>' "markup printed as text"
contains "$T/hostile.flat" '=1+1<imgsrc="file:///etc/passwd">' "a formula prefix and an image printed as text"
contains "$T/hostile.flat" '=cmd|'"'/Ccalc'"'!A0' "the risk's title as text"
contains "$T/hostile.flat" '<ahref="http://example.invalid/">link</a>' "a link as text"
lacks "$T/hostile.txt" "root:x:0:0" "no file read into the PDF"
pdfinfo "$T/hostile.pdf" >"$T/info" 2>&1
contains "$T/info" "Title:           DPIA: Hostile <b>bold</b> & co" "the title as text in the metadata"
contains "$T/info" "JavaScript:      no"
pdfdetach -list "$T/hostile.pdf" >"$T/list" 2>&1
contains "$T/list" "1 embedded files" "the record alone embedded"

# --- the format named ------------------------------------------------------
run 2 $D export 1 --format pfd
contains "$T/err" "odt, docx, pdf, csv-risks" "the usage names pdf"
done_testing
