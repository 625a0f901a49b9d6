#!/bin/sh
# The reports' translations keep up with the stylesheets: the messages
# extracted again from templates/report.xsl, odt.xsl and docx.xsl
# (tools/reports-pot.sh: itstool with templates/xsl.its) are those of
# po/reports/reports.pot, and po/reports/fr.po and de.po merged with
# them have no message untranslated, fuzzy or obsolete, each keeping
# the placeholders (<_:value-of-1/>) and the bold of its English. An
# English phrase changed without its translations fails here; `make
# update-reports-po` brings the catalogues up to date.
. "$TOP_SRCDIR/tests/lib.sh"
ITSTOOL=$(command -v itstool) || skip "itstool is not installed"
MSGMERGE=${MSGMERGE:-msgmerge}
case $MSGMERGE in :*|'') MSGMERGE=msgmerge ;; esac
command -v "$MSGMERGE" >/dev/null 2>&1 || skip "msgmerge is not installed (gettext)"
for p in msgcat msgattrib msgfmt; do
    command -v $p >/dev/null 2>&1 || skip "$p is not installed (gettext)"
done
export ITSTOOL

P="$TOP_SRCDIR/po/reports"
checks=$((checks + 1))
if sh "$TOP_SRCDIR/tools/reports-pot.sh" "$TOP_SRCDIR" "$T/reports.pot" 2>"$T/why"; then
    pass "the messages extracted from the stylesheets"
else
    fail "tools/reports-pot.sh: $(cat "$T/why")"
fi
# msgids NAME: the messages of a catalogue, one a line, sorted.
msgids() {
    msgcat --no-wrap --no-location --sort-output "$1" | sed -n 's/^msgid //p' >"$T/$2"
}
msgids "$T/reports.pot" new
msgids "$P/reports.pot" kept
checks=$((checks + 1))
if cmp -s "$T/new" "$T/kept"; then
    pass "po/reports/reports.pot has the stylesheets' messages"
else
    fail "po/reports/reports.pot is not the stylesheets' messages (make update-reports-po):"
    diff "$T/kept" "$T/new" | head -20
fi
n=$(wc -l <"$T/new")
checks=$((checks + 1))
[ "$n" -ge 150 ] && pass "$n messages" || fail "only $n messages extracted"
for text in 'Risk register' 'Action plan' 'Prior consultation (Art. 36)' 'Page ' \
    'Confidential: data protection record' 'Level|Likelihood|Severity' \
    'Criterion <_:value-of-1/>: <_:value-of-2/>'; do
    contains "$T/new" "\"$text\"" "the messages"
done
# Nothing of the code: no XPath, no CSS, no colour, no style name.
for code in 'select=' 'test=' '$rec' 'r:' '{' 'font' '#e8c4bf' 'FillHigh' 'Heading_20_' ' PAGE ' \
    'xsl:' 'dpia <_:'; do
    lacks "$T/new" "$code" "the messages"
done

for l in fr de; do
    "$MSGMERGE" --quiet --no-fuzzy-matching -o "$T/$l.po" "$P/$l.po" "$T/reports.pot" 2>"$T/why" ||
        fail "$l.po: msgmerge: $(cat "$T/why")"
    checks=$((checks + 1))
    po_gaps "$P/$l.po" "$T/reports.pot" >"$T/bad"
    if [ -s "$T/bad" ]; then
        fail "$l.po: untranslated, fuzzy or obsolete messages:"
        head -10 "$T/bad" | sed 's/^/  | /'
    else
        pass "$l.po: every message translated, none fuzzy or obsolete"
    fi
    checks=$((checks + 1))
    if msgfmt -c -o /dev/null "$T/$l.po" 2>"$T/why"; then
        pass "$l.po: msgfmt -c"
    else
        fail "$l.po: msgfmt -c: $(cat "$T/why")"
    fi
done

# The placeholders and the bold of each message, kept by its translation.
if command -v python3 >/dev/null 2>&1; then
    for l in fr de; do
        checks=$((checks + 1))
        if python3 - "$T/$l.po" >"$T/why" 2>&1 <<'PY'; then
import re, subprocess, sys
out = subprocess.run(['msgcat', '--no-wrap', sys.argv[1]], capture_output=True, text=True).stdout
pairs = re.findall(r'^msgid "(.*)"\nmsgstr "(.*)"$', out, re.M)
tag = re.compile(r'<_:[a-z-]+-[0-9]+/>|</?strong>')
bad = [(i, s) for i, s in pairs if i and sorted(tag.findall(i)) != sorted(tag.findall(s))]
for i, s in bad:
    print('%s -> %s' % (i, s))
sys.exit(1 if bad else 0)
PY
            pass "$l.po: the placeholders kept"
        else
            fail "$l.po: placeholders lost or added:"
            head -10 "$T/why" | sed 's/^/  | /'
        fi
    done
fi

# The stylesheets the build made (report.LL.xsl...) hold every element
# of the English ones, the placeholders put back where the translation
# puts them: none lost or doubled in the merge.
if command -v python3 >/dev/null 2>&1; then
    for f in report odt docx; do
        for l in fr de; do
            checks=$((checks + 1))
            x="$TOP_BUILDDIR/templates/$f.$l.xsl"
            if [ ! -f "$x" ]; then
                fail "templates/$f.$l.xsl was not built"
            elif python3 - "$TOP_SRCDIR/templates/$f.xsl" "$x" >"$T/why" 2>&1 <<'PY'; then
import collections, sys, xml.etree.ElementTree as ET
# The language the document declares may differ; nothing else.
SKIP = ('lang', '{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}language',
        '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val')
def elements(f):
    return collections.Counter(
        (el.tag, tuple(sorted((k, v) for k, v in el.attrib.items() if k not in SKIP)))
        for el in ET.parse(f).iter())
a, b = elements(sys.argv[1]), elements(sys.argv[2])
for k in sorted(set(a) | set(b), key=str):
    if a[k] != b[k]:
        print('%s: %d in English, %d translated' % (k, a[k], b[k]))
sys.exit(1 if a != b else 0)
PY
                pass "templates/$f.$l.xsl has the elements of $f.xsl"
            else
                fail "templates/$f.$l.xsl lost or added elements:"
                head -10 "$T/why" | sed 's/^/  | /'
            fi
        done
    done
fi

done_testing
