#!/bin/sh
# dpia export -o: files written whole ("-o -": standard output, never a
# file named "-"), an existing file kept without
# --force; the stylesheet option and the user's own report.xsl; a
# stylesheet that tries to read a file is refused; usage errors.
. "$TOP_SRCDIR/tests/lib.sh"

D="$DPIA -d $T/db.sqlite"
run 0 $D import "$TOP_SRCDIR/tests/fixtures/records/good-minimal.xml"
echo "keep me" >"$T/out.xml"
run 1 $D export 1 --format xml -o "$T/out.xml" && contains "$T/err" "exists; use --force"
contains "$T/out.xml" "keep me" "the existing file is untouched"
run 0 $D export 1 --format xml -o "$T/out.xml" --force
contains "$T/out.xml" '<record xmlns="urn:dpia:record:1" version="1">'
no_temporary() {
    checks=$((checks + 1))
    left=$(find "$T" -maxdepth 1 -name '.dpia-tmp-*' | wc -l)
    [ "$left" -eq 0 ] && pass "no temporary file left" || fail "$left temporary files left"
}
no_temporary

# Standard output when there is no -o.
run 0 $D export 1 --format xml && contains "$T/out" "<digest algorithm=\"sha256\">"
# -o - is standard output too, never a file named "-".
for f in xml html csv-risks; do
    mkdir "$T/dash-$f"
    run 0 sh -c "cd '$T/dash-$f' && $D export 1 --format $f -o -"
    checks=$((checks + 1))
    [ -s "$T/out" ] && pass "-o - ($f): written to standard output" || fail "-o - ($f): nothing on stdout"
    checks=$((checks + 1))
    [ -z "$(ls -A "$T/dash-$f")" ] && pass "-o - ($f): no file made" ||
        fail "-o - ($f): made $(ls -A "$T/dash-$f")"
done
run 0 sh -c "cd '$T/dash-xml' && $D export 1 --format xml -o -"
contains "$T/out" "<digest algorithm=\"sha256\">" "-o -: the record on standard output"

# The organisation's own stylesheet: by option, then from the data folder.
cat >"$T/mine.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:dpia:record:1">
  <xsl:output method="html"/>
  <xsl:template match="/"><p>Our report: <xsl:value-of select="r:record/r:assessment/r:title"/></p></xsl:template>
</xsl:stylesheet>
XSL
run 0 $D export 1 --format html --stylesheet "$T/mine.xsl" && contains "$T/out" "Our report: Minimal record"
mkdir -p "$HOME/.local/share/dpia"
sed 's/Our report/House style/' "$T/mine.xsl" >"$HOME/.local/share/dpia/report.xsl"
run 0 $D export 1 --format html && contains "$T/out" "House style: Minimal record"
rm "$HOME/.local/share/dpia/report.xsl"

# A stylesheet may not read files, include others or declare entities.
cat >"$T/read.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/"><pre><xsl:copy-of select="document('/etc/passwd')"/></pre></xsl:template>
</xsl:stylesheet>
XSL
$D export 1 --format html --stylesheet "$T/read.xsl" >"$T/out" 2>&1
lacks "$T/out" "root:" "document() cannot read /etc/passwd"
cat >"$T/incl.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="/etc/passwd"/>
</xsl:stylesheet>
XSL
run 1 $D export 1 --format html --stylesheet "$T/incl.xsl" && contains "$T/err" "incl.xsl: not a usable XSLT stylesheet"
printf '<!DOCTYPE x [<!ENTITY e SYSTEM "/etc/passwd">]>\n<x>&e;</x>\n' >"$T/ent.xsl"
run 1 $D export 1 --format html --stylesheet "$T/ent.xsl" && contains "$T/err" "ent.xsl:1: a DOCTYPE is not allowed"

# An export that fails half-way (here the stylesheet stops it) leaves
# the file it was to replace as it was, even with --force.
cat >"$T/stop.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/"><p>half</p><xsl:message terminate="yes">stop here</xsl:message></xsl:template>
</xsl:stylesheet>
XSL
echo "keep me" >"$T/out.html"
run 1 $D export 1 --format html --stylesheet "$T/stop.xsl" -o "$T/out.html" --force &&
    contains "$T/err" "the transformation failed: stop here"
contains "$T/out.html" "keep me" "a failed export leaves the old file"
no_temporary

# A signal that ends an export removes its temporary file and leaves
# the file it was to replace (a stylesheet slow enough to be caught).
cat >"$T/slow.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/"><p><xsl:for-each select="//node()"><xsl:for-each select="//node()">
    <xsl:for-each select="//node()"><xsl:if test="false()">x</xsl:if></xsl:for-each>
  </xsl:for-each></xsl:for-each></p></xsl:template>
</xsl:stylesheet>
XSL
echo "keep me" >"$T/slow.html"
$D export 1 --format html --stylesheet "$T/slow.xsl" -o "$T/slow.html" --force 2>/dev/null &
pid=$!
i=0
while [ $i -lt 200 ] && [ -z "$(find "$T" -maxdepth 1 -name '.dpia-tmp-*')" ]; do
    sleep 0.1
    i=$((i + 1))
done
checks=$((checks + 1))
[ $i -lt 200 ] && pass "the export writes to a temporary file" || fail "no temporary file seen"
kill -TERM $pid
wait $pid
rc=$?
checks=$((checks + 1))
[ "$rc" -eq 143 ] && pass "the export ends on SIGTERM" || fail "exit status $rc after SIGTERM"
contains "$T/slow.html" "keep me" "an interrupted export leaves the old file"
no_temporary
# ... and its transformation does not run on alone for its CPU limit.
if command -v pgrep >/dev/null 2>&1; then
    i=0
    while [ $i -lt 50 ] && pgrep -f "$T/slow.xsl" >/dev/null; do
        sleep 0.1
        i=$((i + 1))
    done
    checks=$((checks + 1))
    pgrep -f "$T/slow.xsl" >/dev/null &&
        fail "the transformation still runs after its export ended" ||
        pass "the transformation ends with its export"
fi

# A write that fails (a full disk) is told, with a failing exit status.
if [ -w /dev/full ]; then
    for f in xml html csv-risks; do
        $D export 1 --format $f >/dev/full 2>"$T/err"
        rc=$?
        checks=$((checks + 1))
        [ "$rc" -eq 1 ] && pass "export --format $f to a full disk fails" ||
            fail "export --format $f to a full disk exited $rc"
        contains "$T/err" "No space left on device"
        lacks "$T/err" "I/O error" "only dpia's own message"
    done
fi
run 1 $D export 1 --format xml -o "$T/no/such/folder/x.xml" &&
    contains "$T/err" "no/such/folder/x.xml: cannot create a temporary file"

# Usage errors and missing assessments.
run 2 $D export 1 --format rtf && contains "$T/err" "unknown format 'rtf'"
run 2 $D export 1 --format xml --stylesheet "$T/mine.xsl"
run 2 $D export
run 1 $D export 9 --format xml
done_testing
