#!/bin/sh
# The catalogue of measures and threats shipped with dpia
# (data/catalogue.xml): it validates against its schema
# (data/catalogue.rng); its ids are unique; it holds at least 80
# measures, spread over the four categories, and 30 threats covering the
# four risk types and the seven sources; every risk type and source is
# one of the allowed values; every threat a measure names exists, every
# measure names one, and its risk types and sources are among those of
# its threats; every threat is answered by at least two measures, among
# which each of its risk types and sources is found; titles and
# descriptions are neither empty nor too long; no text holds markup,
# control or format characters; references have the forms of the rest
# of the catalogue (GDPR articles and recitals, guidance by name).
#
# The checker is tried first on a small catalogue with planted faults:
# it must find each of them.
#
# Runs under make check, or by hand from the source tree:
#     TOP_SRCDIR=$PWD sh tests/cli/catalogue-data.sh
# (nothing here runs dpia itself).
: "${DPIA:=dpia}"
export DPIA
. "$TOP_SRCDIR/tests/lib.sh"

XMLLINT=${XMLLINT:-$(command -v xmllint || true)}
[ -n "$XMLLINT" ] || skip "xmllint is not installed (libxml2-utils)"
command -v xsltproc >/dev/null 2>&1 || skip "xsltproc is not installed"

CAT=$TOP_SRCDIR/data/catalogue.xml
RNG=$TOP_SRCDIR/data/catalogue.rng

# The checks the schema cannot make, one line per problem:
#     ID: what is wrong
# and a last line "counts: M measures, T threats".
cat >"$T/check.xsl" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:c="urn:dpia:catalogue:1">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:key name="id" match="c:threat|c:measure" use="@id"/>
  <xsl:key name="threat" match="c:threat" use="@id"/>

  <!-- Tab, line breaks, DEL, C1 controls, soft hyphen, zero-width and
       bidi controls, line and paragraph separators, byte order mark.
       (XML 1.0 allows no other C0 control in a document at all.) -->
  <xsl:variable name="bad"
      select="'&#9;&#10;&#13;&#x7F;&#x80;&#x81;&#x82;&#x83;&#x84;&#x85;&#x86;&#x87;&#x88;&#x89;&#x8A;&#x8B;&#x8C;&#x8D;&#x8E;&#x8F;&#x90;&#x91;&#x92;&#x93;&#x94;&#x95;&#x96;&#x97;&#x98;&#x99;&#x9A;&#x9B;&#x9C;&#x9D;&#x9E;&#x9F;&#xAD;&#x200B;&#x200C;&#x200D;&#x200E;&#x200F;&#x2028;&#x2029;&#x202A;&#x202B;&#x202C;&#x202D;&#x202E;&#x2060;&#x2066;&#x2067;&#x2068;&#x2069;&#xFEFF;&lt;&gt;'"/>

  <xsl:template match="/">
    <xsl:apply-templates select="c:catalogue/c:threat|c:catalogue/c:measure"/>
    <xsl:text>counts: </xsl:text>
    <xsl:value-of select="count(c:catalogue/c:measure)"/>
    <xsl:text> measures, </xsl:text>
    <xsl:value-of select="count(c:catalogue/c:threat)"/>
    <xsl:text> threats&#10;</xsl:text>
    <xsl:for-each select="c:catalogue/c:measure[not(@category = preceding-sibling::c:measure/@category)]">
      <xsl:variable name="cat" select="@category"/>
      <xsl:text>category </xsl:text>
      <xsl:value-of select="$cat"/>
      <xsl:text>: </xsl:text>
      <xsl:value-of select="count(../c:measure[@category = $cat])"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
    <xsl:for-each select="c:catalogue/c:measure[not(@type = preceding-sibling::c:measure/@type)]">
      <xsl:variable name="type" select="@type"/>
      <xsl:text>type </xsl:text>
      <xsl:value-of select="$type"/>
      <xsl:text>: </xsl:text>
      <xsl:value-of select="count(../c:measure[@type = $type])"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
    <xsl:call-template name="risk-count">
      <xsl:with-param name="rt" select="'illegitimate-access'"/>
    </xsl:call-template>
    <xsl:call-template name="risk-count">
      <xsl:with-param name="rt" select="'unwanted-modification'"/>
    </xsl:call-template>
    <xsl:call-template name="risk-count">
      <xsl:with-param name="rt" select="'disappearance'"/>
    </xsl:call-template>
    <xsl:call-template name="risk-count">
      <xsl:with-param name="rt" select="'other'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="risk-count">
    <xsl:param name="rt"/>
    <xsl:variable name="pad" select="concat(' ', $rt, ' ')"/>
    <xsl:text>risk-type </xsl:text>
    <xsl:value-of select="$rt"/>
    <xsl:text>: </xsl:text>
    <xsl:value-of select="count(/c:catalogue/c:threat[contains(concat(' ', normalize-space(@risk-types), ' '), $pad)])"/>
    <xsl:text> threats, </xsl:text>
    <xsl:value-of select="count(/c:catalogue/c:measure[contains(concat(' ', normalize-space(@risk-types), ' '), $pad)])"/>
    <xsl:text> measures&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="problem">
    <xsl:param name="what"/>
    <xsl:value-of select="@id"/>
    <xsl:text>: </xsl:text>
    <xsl:value-of select="$what"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- Each token of LIST is one of ALLOWED (both space-separated), and
       none appears twice. -->
  <xsl:template name="tokens">
    <xsl:param name="list"/>
    <xsl:param name="allowed"/>
    <xsl:param name="what"/>
    <xsl:param name="seen" select="' '"/>
    <xsl:variable name="l" select="normalize-space($list)"/>
    <xsl:if test="$l != ''">
      <xsl:variable name="tok">
        <xsl:choose>
          <xsl:when test="contains($l, ' ')"><xsl:value-of select="substring-before($l, ' ')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$l"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:if test="not(contains(concat(' ', $allowed, ' '), concat(' ', $tok, ' ')))">
        <xsl:call-template name="problem">
          <xsl:with-param name="what" select="concat($what, ' ', $tok, ' is not allowed')"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="contains($seen, concat(' ', $tok, ' '))">
        <xsl:call-template name="problem">
          <xsl:with-param name="what" select="concat($what, ' ', $tok, ' is given twice')"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="tokens">
        <xsl:with-param name="list" select="substring-after($l, ' ')"/>
        <xsl:with-param name="allowed" select="$allowed"/>
        <xsl:with-param name="what" select="$what"/>
        <xsl:with-param name="seen" select="concat($seen, $tok, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Each id of LIST names a threat of the catalogue. -->
  <xsl:template name="threat-refs">
    <xsl:param name="list"/>
    <xsl:variable name="l" select="normalize-space($list)"/>
    <xsl:if test="$l != ''">
      <xsl:variable name="tok">
        <xsl:choose>
          <xsl:when test="contains($l, ' ')"><xsl:value-of select="substring-before($l, ' ')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$l"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:if test="not(key('threat', $tok))">
        <xsl:call-template name="problem">
          <xsl:with-param name="what" select="concat('names the unknown threat ', $tok)"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="threat-refs">
        <xsl:with-param name="list" select="substring-after($l, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Each token of LIST is among the WHICH (risk-types or sources) of
       the entries THREATS (threats, or measures, as OTHERS says): a
       measure is offered for the kinds of risk it answers, and a threat
       finds measures for each of its kinds. -->
  <xsl:template name="covered">
    <xsl:param name="list"/>
    <xsl:param name="threats"/>
    <xsl:param name="which"/>
    <xsl:param name="others" select="'threats'"/>
    <xsl:variable name="l" select="normalize-space($list)"/>
    <xsl:if test="$l != ''">
      <xsl:variable name="tok">
        <xsl:choose>
          <xsl:when test="contains($l, ' ')"><xsl:value-of select="substring-before($l, ' ')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$l"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:if test="not($threats[contains(concat(' ', normalize-space(@*[local-name() = $which]), ' '), concat(' ', $tok, ' '))])">
        <xsl:call-template name="problem">
          <xsl:with-param name="what" select="concat($which, ' has ', $tok, ', which none of its ', $others, ' has')"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="covered">
        <xsl:with-param name="list" select="substring-after($l, ' ')"/>
        <xsl:with-param name="threats" select="$threats"/>
        <xsl:with-param name="which" select="$which"/>
        <xsl:with-param name="others" select="$others"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="c:threat|c:measure">
    <xsl:if test="count(key('id', @id)) &gt; 1 and generate-id(key('id', @id)[1]) = generate-id(.)">
      <xsl:call-template name="problem">
        <xsl:with-param name="what" select="concat('the id is used ', count(key('id', @id)), ' times')"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:call-template name="tokens">
      <xsl:with-param name="list" select="@risk-types"/>
      <xsl:with-param name="allowed" select="'illegitimate-access unwanted-modification disappearance other'"/>
      <xsl:with-param name="what" select="'risk type'"/>
    </xsl:call-template>
    <xsl:call-template name="tokens">
      <xsl:with-param name="list" select="@sources"/>
      <xsl:with-param name="allowed" select="'staff external-attackers processors recipients controller public accident'"/>
      <xsl:with-param name="what" select="'source'"/>
    </xsl:call-template>
    <xsl:if test="normalize-space(@risk-types) = ''">
      <xsl:call-template name="problem"><xsl:with-param name="what" select="'no risk type'"/></xsl:call-template>
    </xsl:if>
    <xsl:if test="normalize-space(@sources) = ''">
      <xsl:call-template name="problem"><xsl:with-param name="what" select="'no source'"/></xsl:call-template>
    </xsl:if>
    <xsl:if test="normalize-space(c:title) = ''">
      <xsl:call-template name="problem"><xsl:with-param name="what" select="'empty title'"/></xsl:call-template>
    </xsl:if>
    <xsl:if test="string-length(c:title) &gt; 120">
      <xsl:call-template name="problem">
        <xsl:with-param name="what" select="concat('title of ', string-length(c:title), ' characters (at most 120)')"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="normalize-space(c:description) = ''">
      <xsl:call-template name="problem"><xsl:with-param name="what" select="'empty description'"/></xsl:call-template>
    </xsl:if>
    <xsl:if test="string-length(c:description) &gt; 600">
      <xsl:call-template name="problem">
        <xsl:with-param name="what" select="concat('description of ', string-length(c:description), ' characters (at most 600)')"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:for-each select="c:title|c:description|c:ref">
      <xsl:if test="*">
        <xsl:for-each select="..">
          <xsl:call-template name="problem"><xsl:with-param name="what" select="'markup inside a text'"/></xsl:call-template>
        </xsl:for-each>
      </xsl:if>
      <xsl:if test="string-length(translate(., $bad, '')) != string-length(.)">
        <xsl:for-each select="..">
          <xsl:call-template name="problem"><xsl:with-param name="what" select="'control, format or markup character in a text'"/></xsl:call-template>
        </xsl:for-each>
      </xsl:if>
      <xsl:if test=". != normalize-space(.)">
        <xsl:for-each select="..">
          <xsl:call-template name="problem"><xsl:with-param name="what" select="'text with surrounding or doubled spaces'"/></xsl:call-template>
        </xsl:for-each>
      </xsl:if>
    </xsl:for-each>
    <xsl:if test="self::c:measure">
      <xsl:if test="normalize-space(@threats) = ''">
        <xsl:call-template name="problem"><xsl:with-param name="what" select="'answers no threat'"/></xsl:call-template>
      </xsl:if>
      <xsl:call-template name="threat-refs">
        <xsl:with-param name="list" select="@threats"/>
      </xsl:call-template>
      <xsl:if test="normalize-space(@threats) != ''">
        <xsl:variable name="mine" select="concat(' ', normalize-space(@threats), ' ')"/>
        <xsl:variable name="answered" select="../c:threat[contains($mine, concat(' ', @id, ' '))]"/>
        <xsl:call-template name="covered">
          <xsl:with-param name="list" select="@risk-types"/>
          <xsl:with-param name="threats" select="$answered"/>
          <xsl:with-param name="which" select="'risk-types'"/>
        </xsl:call-template>
        <xsl:call-template name="covered">
          <xsl:with-param name="list" select="@sources"/>
          <xsl:with-param name="threats" select="$answered"/>
          <xsl:with-param name="which" select="'sources'"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:if>
    <xsl:if test="self::c:threat">
      <xsl:variable name="pad" select="concat(' ', @id, ' ')"/>
      <xsl:variable name="n" select="count(../c:measure[contains(concat(' ', normalize-space(@threats), ' '), $pad)])"/>
      <xsl:if test="$n &lt; 2">
        <xsl:call-template name="problem">
          <xsl:with-param name="what" select="concat('answered by ', $n, ' measures (at least 2)')"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="$n &gt; 0">
        <xsl:variable name="answers" select="../c:measure[contains(concat(' ', normalize-space(@threats), ' '), $pad)]"/>
        <xsl:call-template name="covered">
          <xsl:with-param name="list" select="@risk-types"/>
          <xsl:with-param name="threats" select="$answers"/>
          <xsl:with-param name="which" select="'risk-types'"/>
          <xsl:with-param name="others" select="'measures'"/>
        </xsl:call-template>
        <xsl:call-template name="covered">
          <xsl:with-param name="list" select="@sources"/>
          <xsl:with-param name="threats" select="$answers"/>
          <xsl:with-param name="which" select="'sources'"/>
          <xsl:with-param name="others" select="'measures'"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
EOF

# Every reference, one a line.
cat >"$T/refs.xsl" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:c="urn:dpia:catalogue:1">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/">
    <xsl:for-each select="//c:ref">
      <xsl:value-of select="../@id"/>
      <xsl:text>|</xsl:text>
      <xsl:value-of select="."/>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
EOF

# check FILE: the problems found in FILE in $T/problems, the counts in
# $T/counts.
check() {
    xsltproc --nonet "$T/check.xsl" "$1" >"$T/report" 2>"$T/xsl-err" || {
        echo "  xsltproc failed on $1:"
        sed 's/^/  | /' "$T/xsl-err" | head -10
        return 1
    }
    grep -v -e '^counts: ' -e '^category ' -e '^type ' -e '^risk-type ' "$T/report" >"$T/problems"
    grep -e '^counts: ' -e '^category ' -e '^type ' -e '^risk-type ' "$T/report" >"$T/counts"
    return 0
}

# --- the checker finds what it must ----------------------------------------
# A small catalogue with one fault of each kind planted.
long=$(printf '%0650d' 0 | tr 0 x)
cat >"$T/planted.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<catalogue xmlns="urn:dpia:catalogue:1" version="1" id="planted" title="Planted faults">
  <threat id="t.good" risk-types="illegitimate-access" sources="staff">
    <title>A good threat</title><description>Answered twice.</description><ref>Art. 32(1)(b)</ref>
  </threat>
  <threat id="t.twice" risk-types="other" sources="controller">
    <title>First of two</title><description>Same id as the next.</description>
  </threat>
  <threat id="t.twice" risk-types="other" sources="controller">
    <title>Second of two</title><description>Same id as the previous.</description>
  </threat>
  <threat id="t.values" risk-types="disappearance loss" sources="accident accident">
    <title>Odd values</title><description>A risk type outside the list, a source twice.</description>
  </threat>
  <threat id="t.empty" risk-types="other" sources="public">
    <title>Empty description</title><description> </description>
  </threat>
  <threat id="t.orphan" risk-types="other" sources="public">
    <title>Orphan</title><description>Answered by one measure only.</description>
  </threat>
  <threat id="t.uncovered" risk-types="illegitimate-access" sources="staff public">
    <title>Uncovered source</title><description>No measure answers its source public.</description>
  </threat>
  <measure id="m.unknown" category="technical" type="technical" risk-types="illegitimate-access" sources="staff" threats="t.good t.twice t.values t.empty t.orphan t.uncovered t.no-such-threat">
    <title>Names an unknown threat</title><description>Answers the rest.</description>
  </measure>
  <measure id="m.long" category="organisational" type="organisational" risk-types="other" sources="staff" threats="t.good t.twice t.values t.empty t.uncovered">
    <title>Long</title><description>$long</description>
  </measure>
  <measure id="m.c1" category="legal" type="legal" risk-types="other" sources="staff" threats="t.good">
    <title>C1&#x85;control</title><description>A next-line character in the title.</description>
  </measure>
  <measure id="m.tab" category="rights" type="legal" risk-types="other" sources="staff" threats="t.good">
    <title>A&#9;tab</title><description>A tab in the title.</description>
  </measure>
  <measure id="m.bidi" category="rights" type="legal" risk-types="other" sources="staff" threats="t.good">
    <title>Bidi</title><description>A right-to-left override &#x202E; in the text.</description>
  </measure>
  <measure id="m.escaped" category="legal" type="legal" risk-types="other" sources="staff" threats="t.good">
    <title>Escaped &lt;b&gt;markup&lt;/b&gt;</title><description>Markup as text.</description>
  </measure>
  <measure id="m.element" category="legal" type="legal" risk-types="other" sources="staff" threats="t.good">
    <title>An <b xmlns="">element</b> inside</title><description>Markup as an element.</description>
  </measure>
  <measure id="m.wider" category="technical" type="technical" risk-types="illegitimate-access disappearance" sources="staff public" threats="t.good">
    <title>Wider than its threats</title><description>A risk type and a source none of its threats has.</description>
  </measure>
  <measure id="m.none" category="legal" type="legal" risk-types="other" sources="staff">
    <title>Answers nothing</title><description>No threats attribute.</description>
  </measure>
</catalogue>
EOF

checks=$((checks + 1))
if "$XMLLINT" --noout --relaxng "$RNG" "$T/planted.xml" >/dev/null 2>&1; then
    fail "the schema accepts the catalogue with planted faults"
else
    pass "the schema refuses the catalogue with planted faults"
fi
if check "$T/planted.xml"; then
    contains "$T/problems" "t.twice: the id is used 2 times" "a duplicate id is found"
    contains "$T/problems" "m.unknown: names the unknown threat t.no-such-threat" "an unknown threat is found"
    contains "$T/problems" "t.values: risk type loss is not allowed" "a risk type outside the list is found"
    contains "$T/problems" "t.values: source accident is given twice" "a source given twice is found"
    contains "$T/problems" "t.empty: empty description" "an empty description is found"
    contains "$T/problems" "m.long: description of 650 characters (at most 600)" "a description over 600 characters is found"
    contains "$T/problems" "m.c1: control, format or markup character in a text" "a C1 control character is found"
    contains "$T/problems" "m.tab: control, format or markup character in a text" "a tab is found"
    contains "$T/problems" "m.bidi: control, format or markup character in a text" "a bidi override is found"
    contains "$T/problems" "m.escaped: control, format or markup character in a text" "escaped markup is found"
    contains "$T/problems" "m.element: markup inside a text" "an element inside a title is found"
    contains "$T/problems" "m.none: answers no threat" "a measure that answers nothing is found"
    contains "$T/problems" "t.orphan: answered by 1 measures (at least 2)" "a threat one measure answers is found"
    contains "$T/problems" "m.wider: risk-types has disappearance, which none of its threats has" "a measure's risk type none of its threats has is found"
    contains "$T/problems" "m.wider: sources has public, which none of its threats has" "a measure's source none of its threats has is found"
    lacks "$T/problems" "m.wider: risk-types has illegitimate-access" "a measure's risk type its threat has is not reported"
    contains "$T/problems" "t.uncovered: sources has public, which none of its measures has" "a threat's source none of its measures has is found"
    lacks "$T/problems" "t.uncovered: sources has staff" "a threat's source its measures have is not reported"
    lacks "$T/problems" "t.good:" "a good threat is not reported"
else
    fail "the checker did not run on the planted catalogue"
fi

# --- the shipped catalogue -------------------------------------------------
run 0 "$XMLLINT" --noout --relaxng "$RNG" "$CAT" &&
    pass "data/catalogue.xml validates against data/catalogue.rng"

if check "$CAT"; then
    checks=$((checks + 1))
    if [ -s "$T/problems" ]; then
        fail "data/catalogue.xml: $(wc -l <"$T/problems") problems"
        sed 's/^/  | /' "$T/problems" | head -40
    else
        pass "no duplicate id, unknown value, unanswered threat, empty, long or unclean text"
    fi
    sed 's/^/  /' "$T/counts"
    # at_least WHAT N: the line of $T/counts for WHAT gives at least N.
    at_least() {
        checks=$((checks + 1))
        n=$(sed -n "s/^$1: \([0-9]*\).*/\1/p" "$T/counts")
        if [ "${n:-0}" -ge "$2" ]; then
            pass "$1: $n (at least $2)"
        else
            fail "$1: ${n:-0}, fewer than $2"
        fi
    }
    # counts: M measures, T threats
    m=$(sed -n 's/^counts: \([0-9]*\) measures.*/\1/p' "$T/counts")
    t=$(sed -n 's/^counts: [0-9]* measures, \([0-9]*\) threats/\1/p' "$T/counts")
    checks=$((checks + 2))
    if [ "${m:-0}" -ge 80 ]; then pass "$m measures (at least 80)"; else fail "${m:-0} measures, fewer than 80"; fi
    if [ "${t:-0}" -ge 30 ]; then pass "$t threats (at least 30)"; else fail "${t:-0} threats, fewer than 30"; fi
    at_least "category technical" 25
    at_least "category organisational" 15
    at_least "category legal" 10
    at_least "category rights" 10
    at_least "risk-type illegitimate-access" 5
    at_least "risk-type unwanted-modification" 3
    at_least "risk-type disappearance" 3
    at_least "risk-type other" 5
else
    fail "the checker did not run on data/catalogue.xml"
fi

# Each of the seven sources is the source of some threat.
for s in staff external-attackers processors recipients controller public accident; do
    checks=$((checks + 1))
    if grep -q "<threat [^>]*sources=\"\([a-z-]* \)*${s}[ \"]" "$CAT"; then
        pass "some threat comes from $s"
    else
        fail "no threat comes from $s"
    fi
done

# --- references --------------------------------------------------------------
# odd_refs FILE: the lines "ID|REFERENCE" of FILE whose reference has
# none of the forms the catalogue uses: GDPR articles as "Art. N",
# "Art. N(p)" or "Art. N(p)(x)" (articles 1-99), recitals, the ePrivacy
# Directive's articles, and guidance by its usual name.
odd_refs() {
    grep -v -E \
        -e '\|Art\. [1-9][0-9]?(\([1-9][0-9]?\)(\([a-j]\))?)?$' \
        -e '\|Recital [1-9][0-9]{0,2}$' \
        -e '\|Directive 2002/58/EC, Art\. [0-9]+(\([0-9]+\))?$' \
        -e '\|EDPB (Guidelines|Recommendations) [0-9]{1,2}/20[12][0-9] on [a-z0-9 ]+$' \
        -e '\|EDPB Guidelines [0-9]{1,2}/20[12][0-9] on Article [0-9]+$' \
        -e '\|WP29 Opinion [0-9]{2}/20[0-9]{2} on [a-z ]+ \(WP[0-9]+\)$' \
        -e '\|WP2[0-9]{2} rev\.01$' \
        "$1"
}
# The forms are told apart: four good, four bad.
printf '%s\n' 'm.a|Art. 32(1)(a)' 'm.a|Art. 5' 'm.a|Recital 26' 'm.a|WP248 rev.01' \
    'm.b|Art. 32(1)(z)' 'm.b|Article 5' 'm.b|Art. 5(1)(a) ' 'm.b|GDPR' >"$T/sample"
checks=$((checks + 1))
if [ "$(odd_refs "$T/sample" | cut -d'|' -f1 | tr '\n' ' ')" = "m.b m.b m.b m.b " ]; then
    pass "the reference check tells good forms from bad ones"
else
    fail "the reference check is wrong on the sample: $(odd_refs "$T/sample" | tr '\n' ' ')"
fi

xsltproc --nonet "$T/refs.xsl" "$CAT" >"$T/refs"
checks=$((checks + 1))
n=$(wc -l <"$T/refs")
if [ "$n" -ge 100 ]; then pass "$n references"; else fail "only $n references"; fi
odd_refs "$T/refs" >"$T/oddrefs"
checks=$((checks + 1))
if [ -s "$T/oddrefs" ]; then
    fail "references of an unknown form"
    sed 's/^/  | /' "$T/oddrefs" | head -20
else
    pass "every reference has a known form"
fi
checks=$((checks + 1))
awk -F'|' '/\|Recital / { split($2, a, " "); if (a[2] + 0 > 173) print }' "$T/refs" >"$T/oddrefs"
if [ -s "$T/oddrefs" ]; then fail "recitals beyond 173: $(cat "$T/oddrefs")"; else pass "every recital exists"; fi
# Every measure and threat cites something.
checks=$((checks + 1))
cut -d'|' -f1 "$T/refs" | sort -u >"$T/cited"
grep -o '<\(threat\|measure\) id="[^"]*"' "$CAT" | sed 's/.*id="//; s/"$//' | sort -u >"$T/all"
comm -23 "$T/all" "$T/cited" >"$T/uncited"
if [ -s "$T/uncited" ]; then
    fail "entries without a reference: $(tr '\n' ' ' <"$T/uncited")"
else
    pass "every entry has a reference"
fi

done_testing
