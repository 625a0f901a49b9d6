#!/bin/sh
# dpia export --format html: the worked example's report holds what a
# compliance file needs; markup in answers shows as text; the file holds
# no reference to anything outside itself.
. "$TOP_SRCDIR/tests/lib.sh"

D="$DPIA -d $T/db.sqlite"
export SOURCE_DATE_EPOCH=1771954200
run 0 $D import "$TOP_SRCDIR/data/examples/streaming-factoids.xml"
run 0 $D export 1 --format html -o "$T/r.html"
run 0 $D export 1 --format xml -o "$T/r.xml"
h=$T/r.html
for text in "Data Protection Impact Assessment" "Viewing factoids" "Approved with conditions" \
    "DPIA required" "Criterion 4" "Highest residual risk" "Prior consultation (Art. 36)" \
    "Not required: no residual risk is high." "Open measures" "The DPO's advice" \
    "10,000 accounts" "Contents" "Risk register" "Before measures" "After measures (residual)" \
    "<svg" "Action plan" "Sign-offs" "Coverage of Art. 35(7)" "Appendix: change log" \
    "nec.li-balancing" "Art. 6(4)" "Chief Marketing Officer" "dpia 0.1" \
    "Template digest (SHA-256)" "@page" "break-before: page" "break-inside: avoid"; do
    contains "$h" "$text"
done
# The revision on the cover. The assessment is decided: nothing is listed
# as outstanding or to acknowledge any more...
contains "$h" "<th>Revision</th><td>Revision 1</td>"
lacks "$h" "<h3>To acknowledge with the decision</h3>"
lacks "$h" "<h3>Outstanding before sign-off</h3>"
# ...which the controller acknowledged with the decision.
contains "$h" "<p class=\"small\">Warnings acknowledged with the decision:</p><div class=\"text small acknowledged\">nec.information is marked for follow-up.
Measure M7 is due on 2027-03-31, after the processing starts (2026-04-01).</div>"
# Each risk's type; the reasons why no risk of the other feared events
# arises.
contains "$h" "<em>Type:</em> Illegitimate access"
contains "$h" "<em>Type:</em> Other harm"
lacks "$h" "<em>Type:</em> Not said"
contains "$h" 'id="q-risk.no-modification"'
contains "$h" 'id="q-risk.no-disappearance"'
lacks "$h" 'id="q-risk.no-access"' "no reason asked where a risk of illegitimate access is listed"
lacks "$h" "Outstanding before sign-off"

# Risks meet their measures, their places in the heat maps and the
# reasons for their scores (R1: Maximum/Significant before, Limited/
# Significant after; measures 1, 2 and 5 address it).
tr '\n' ' ' <"$h" | sed 's|<tr>|\n<tr>|g; s|<svg|\n<svg|g; s|<div class="why">|\n<div class="why">|g' >"$T/flat"
grep '<td class="id">R1</td>' "$T/flat" >"$T/r1"
contains "$T/r1" "<td>M1, M2, M5</td>" "the register row of R1 lists its measures"
grep '^<svg' "$T/flat" | sed -n 1p >"$T/before"
grep '^<svg' "$T/flat" | sed -n 2p >"$T/after"
label='font-size="12" font-family="Helvetica, Arial, sans-serif" font-weight="bold" fill="#111">R1</text>'
contains "$T/before" "x=\"418\" y=\"74\" $label" "R1 in its cell before measures"
contains "$T/after" "x=\"318\" y=\"186\" $label" "R1 in its cell after measures"
lacks "$T/after" "x=\"418\" y=\"74\" $label" "R1 not where it was before measures"
grep '^<div class="why"><p><strong>R1\.' "$T/flat" >"$T/why"
contains "$T/why" '<dt>Likelihood before measures</dt><dd class="text">As first proposed' \
    "the reason for R1's likelihood before measures"

# The integrity data: the same digests as the XML record.
contains "$h" "$(sed -n 's|.*<digest algorithm="sha256">\([0-9a-f]*\)</digest>.*|\1|p' "$T/r.xml")" \
    "record digest in the report"
contains "$h" "$(grep -o 'digest="[0-9a-f]*"' "$T/r.xml" | head -1 | cut -d'"' -f2)" \
    "template digest in the report"

# Nothing to load: no URL scheme, no protocol-relative reference, no
# CSS url() or @import, no script; one charset declaration.
for bad in "http:" "https:" "//" "url(" "@import" "<script" "<link" "<img" "<iframe" "src="; do
    lacks "$h" "$bad"
done
checks=$((checks + 1))
n=$(grep -o -i 'charset' "$h" | wc -l)
if [ "$n" -eq 1 ]; then pass "one charset declaration"; else fail "$n charset declarations"; fi

# Markup and script payloads in every text field are shown as text.
. "$TOP_SRCDIR/tests/cli/report-payload.sh"
run 0 $D export "$pid" --format html -o "$T/p.html"
lacks "$T/p.html" "<script" "no script element from the payload"
lacks "$T/p.html" "<img" "no img element from the payload"
lacks "$T/p.html" "<b>entry" "no b element from a list item"
contains "$T/p.html" "&lt;script&gt;alert(1)&lt;/script&gt;"
contains "$T/p.html" '"&gt;&lt;img src=x onerror=alert(1)&gt;'
contains "$T/p.html" "]]&gt; &amp;amp; A&amp;B"
contains "$T/p.html" "second &lt;b&gt;entry&lt;/b&gt;"
lacks "$T/p.html" "http:"

# The running header keeps the title inside its CSS string.
grep '@top-left' "$T/p.html" >"$T/top"
lacks "$T/top" "</" "no closing tag in the style sheet"
done_testing
