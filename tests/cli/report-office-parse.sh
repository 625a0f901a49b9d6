#!/bin/sh
# The ODT and DOCX documents read by the parsers of their formats
# (odfpy, python-docx), as another program would read them: the title,
# every risk and every measure of the worked example, the decision,
# and the register, the action plan and the sign-offs as real tables.
. "$TOP_SRCDIR/tests/lib.sh"
PY=
for p in python3 /usr/bin/python3; do
    if command -v $p >/dev/null 2>&1 && $p -c 'import docx, odf' 2>/dev/null; then PY=$p; break; fi
done
[ -n "$PY" ] || skip "python3-docx and python3-odf are not installed"

D="$DPIA -d $T/db.sqlite"
run 0 $D import "$TOP_SRCDIR/data/examples/streaming-factoids.xml"
run 0 $D export 1 --format xml -o "$T/r.xml"
run 0 $D export 1 --format odt -o "$T/r.odt"
run 0 $D export 1 --format docx -o "$T/r.docx"

checks=$((checks + 1))
if $PY - "$T/r.xml" "$T/r.odt" "$T/r.docx" >"$T/why" 2>&1 <<'PY'
import sys
import xml.etree.ElementTree as ET
import docx
import odf.opendocument, odf.table, odf.text
from odf import teletype

ns = {"r": "urn:dpia:record:1"}
rec = ET.parse(sys.argv[1]).getroot()
title = rec.find("r:assessment/r:title", ns).text
risks = [r.find("r:title", ns).text for r in rec.findall("r:risks/r:risk", ns)]
measures = [m.find("r:title", ns).text for m in rec.findall("r:measures/r:measure", ns)]
assert len(risks) == 6 and len(measures) == 7

def check(kind, text, tables):
    for want in [title, "Approve with conditions"] + risks + measures:
        assert want in text, "%s: '%s' not found" % (kind, want)
    for name in ("Risk register", "Action plan", "Sign-offs"):
        assert name in tables, "%s: no table %s (tables: %s)" % (kind, name, tables)

o = odf.opendocument.load(sys.argv[2])
text = "\n".join(teletype.extractText(p) for p in o.getElementsByType(odf.text.P))
text += "\n".join(teletype.extractText(h) for h in o.getElementsByType(odf.text.H))
tables = [t.getAttribute("name") for t in o.getElementsByType(odf.table.Table)]
check("ODT", text, tables)

d = docx.Document(sys.argv[3])
parts = [p.text for p in d.paragraphs]
for t in d.tables:
    for row in t.rows:
        for cell in row.cells:
            parts.append(cell.text)
text = "\n".join(parts)
# A DOCX table has no name: each is known by its header row.
heads = {" | ".join(c.text for c in t.rows[0].cells) for t in d.tables}
named = []
if "Risk | Description | Before measures | Measures | After measures | Movement" in heads:
    named.append("Risk register")
if "Measure | Description | Type | Owner | Due | Status | Risks" in heads:
    named.append("Action plan")
if "Role | Name and position | Date | Advice, decision or comment" in heads:
    named.append("Sign-offs")
check("DOCX", text, named)
print("title, 6 risks, 7 measures, the decision and the tables in both")
PY
then pass "$(tail -1 "$T/why")"; else fail "the parsers: $(cat "$T/why")"; fi

done_testing
