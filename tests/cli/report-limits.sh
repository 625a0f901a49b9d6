#!/bin/sh
# An organisation's own stylesheet cannot take the machine: one that
# loops for ever is stopped after its CPU time, one that builds a result
# of gigabytes after its memory; dpia says which, exits 1 and writes
# nothing. A stylesheet within its limits still works.
. "$TOP_SRCDIR/tests/lib.sh"
# Under valgrind (tests/valgrind/cli.sh) a child ended by its CPU limit
# is reported as a process ended by a signal, which is what the limit is
# for: the limits are checked in the plain and sanitizer runs.
[ -n "${DPIA_REAL:-}" ] && skip "under valgrind the limits end a child by a signal"

D="$DPIA -d $T/db.sqlite"
id=$($D new --title "Limits") || exit 1

cat >"$T/ok.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:dpia:record:1" exclude-result-prefixes="r">
  <xsl:output method="html"/>
  <xsl:template match="/"><p><xsl:value-of select="r:record/r:assessment/r:title"/></p></xsl:template>
</xsl:stylesheet>
XSL
run 0 $D export "$id" --format html --stylesheet "$T/ok.xsl" -o "$T/ok.html"
contains "$T/ok.html" "<p>Limits</p>" "a stylesheet of one's own still works"

# Every element against every element against every element: hours.
cat >"$T/loop.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/">
    <xsl:for-each select="//node()"><xsl:for-each select="//node()">
      <xsl:for-each select="//node()"><xsl:value-of select="count(//node())"/></xsl:for-each>
    </xsl:for-each></xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
XSL
start=$(date +%s)
DPIA_XSLT_CPU_SECONDS=2 run 1 $D export "$id" --format html --stylesheet "$T/loop.xsl" \
    -o "$T/loop.html"
contains "$T/err" "the transformation used more than 2 s of CPU and was stopped"
checks=$((checks + 2))
[ ! -e "$T/loop.html" ] && pass "nothing written" || fail "loop.html written"
# Generous for a busy or instrumented machine; without the limit it runs
# for hours.
[ $(( $(date +%s) - start )) -lt 120 ] && pass "stopped in time" || fail "not stopped in time"

# A string that doubles at each of 40 steps: a terabyte.
cat >"$T/big.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/"><xsl:call-template name="double"/></xsl:template>
  <xsl:template name="double">
    <xsl:param name="s" select="'0123456789abcdef0123456789abcdef'"/>
    <xsl:param name="n" select="40"/>
    <xsl:choose>
      <xsl:when test="$n = 0"><xsl:value-of select="$s"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="double">
          <xsl:with-param name="s" select="concat($s, $s)"/>
          <xsl:with-param name="n" select="$n - 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
XSL
if [ -n "${DPIA_SAN_CFLAGS:-}" ]; then
    echo "sanitizer build: no memory limit on the transformation, its test is left out"
else
    run 1 $D export "$id" --format html --stylesheet "$T/big.xsl" -o "$T/big.html"
    checks=$((checks + 2))
    contains "$T/err" "needed more than the 1024 MB of memory it may use and was stopped"
    lacks "$T/err" "parser error" "libxml2's own messages kept out of the way"
    [ ! -e "$T/big.html" ] && pass "nothing written" || fail "big.html written"
fi
done_testing
