#!/bin/sh
# dpia catalogue: the built-in catalogue of measures and threats listed,
# filtered by kind, risk type, source and text; one entry shown whole
# with the measures that answer a threat; a catalogue file of one's own
# checked (a schema error with its line, a bidi control, a measure that
# answers a threat nobody wrote), and, in the user's data folder, adding
# entries and replacing a built-in one; a broken file of one's own is a
# warning that leaves the built-in entries there.
. "$TOP_SRCDIR/tests/lib.sh"

export XDG_DATA_HOME=$T/data
run 0 $DPIA catalogue
head -1 "$T/out" >"$T/head"
contains "$T/head" "ID                               KIND            RISK TYPES"
n=$(tail -n +2 "$T/out" | wc -l)
checks=$((checks + 1))
[ "$n" -ge 2 ] && pass "$n entries listed" || fail "only $n entries"
run 0 $DPIA catalogue --threats
threat=$(awk 'NR == 2 { print $1 }' "$T/out")
lacks "$T/out" " technical " "--threats lists no measure"
run 0 $DPIA catalogue --measures
lacks "$T/out" " threat " "--measures lists no threat"
measure=$(awk 'NR == 2 { print $1 }' "$T/out")

# One entry whole; a threat says which measures answer it.
run 0 $DPIA catalogue show "$threat"
contains "$T/out" "$threat: "
contains "$T/out" "Threat"
contains "$T/out" "Answered by: m."
contains "$T/out" "From: built-in"
run 0 $DPIA catalogue show "$measure"
contains "$T/out" "Risk types: "
contains "$T/out" "Sources: "
run 1 $DPIA catalogue show m.no-such-thing
contains "$T/err" "there is no entry 'm.no-such-thing'"

# Filters: a risk type, a source, a word.
run 0 $DPIA catalogue --type illegitimate-access
checks=$((checks + 1))
if tail -n +2 "$T/out" | awk '{ print $3 }' | grep -v access >/dev/null; then
    fail "--type shows an entry of another type"; else pass "--type keeps to its risk type"; fi
run 2 $DPIA catalogue --type nothing
contains "$T/err" "--type takes illegitimate-access"
run 2 $DPIA catalogue --source aliens
contains "$T/err" "--source takes staff"
run 0 $DPIA catalogue PHISHING
contains "$T/out" "hishing" "a word found whatever its case"
run 0 $DPIA catalogue zzqqxx-nothing
contains "$T/err" "nothing in the catalogue matches"

# A file of one's own: checked, then used from the data folder.
mkdir -p "$XDG_DATA_HOME/dpia"
own=$XDG_DATA_HOME/dpia/catalogue.xml
cat >"$own" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<catalogue xmlns="urn:dpia:catalogue:1" version="1" id="ours" title="Our own">
  <measure id="m.our-badge-rule" category="organisational" type="organisational"
           risk-types="illegitimate-access" sources="staff" threats="$threat">
    <title>Badges checked at the archive room</title>
    <description>Only staff on the archive list enter, with their badge.</description>
  </measure>
  <threat id="$threat" risk-types="illegitimate-access other" sources="staff">
    <title>Our wording of the threat</title>
    <description>Said our way.</description>
  </threat>
</catalogue>
XML
run 0 $DPIA catalogue check "$own"
contains "$T/out" "valid catalogue: measures: 1, threats: 1 (1 new"
run 0 $DPIA catalogue --measures
contains "$T/out" "m.our-badge-rule" "the user's measure listed"
run 0 $DPIA catalogue show "$threat"
contains "$T/out" "Our wording of the threat" "the user's entry replaces the built-in one"
contains "$T/out" "Answered by: m.our-badge-rule"
contains "$T/out" "From: $own"

# Bad files: the schema's complaint with the line; a bidi control; a
# threat nobody wrote.
printf '<?xml version="1.0"?>\n<catalogue xmlns="urn:dpia:catalogue:1" version="1" id="x" title="x">\n<measure id="m.x" category="magic" type="technical" risk-types="other" sources="staff"><title>x</title><description>x</description></measure>\n</catalogue>\n' >"$T/bad.xml"
run 1 $DPIA catalogue check "$T/bad.xml"
contains "$T/err" "$T/bad.xml:3:"
printf '<?xml version="1.0"?>\n<catalogue xmlns="urn:dpia:catalogue:1" version="1" id="x" title="x">\n<threat id="t.x" risk-types="other" sources="staff"><title>A \342\200\256 turn</title><description>x</description></threat>\n</catalogue>\n' >"$T/bidi.xml"
run 1 $DPIA catalogue check "$T/bidi.xml"
contains "$T/err" "$T/bidi.xml:3:" "a bidi control refused with its line"
printf '<?xml version="1.0"?>\n<catalogue xmlns="urn:dpia:catalogue:1" version="1" id="x" title="x">\n<measure id="m.x" category="legal" type="legal" risk-types="other" sources="staff" threats="t.nobody"><title>x</title><description>x</description></measure>\n</catalogue>\n' >"$T/dangling.xml"
run 1 $DPIA catalogue check "$T/dangling.xml"
contains "$T/err" "m.x answers t.nobody, which is not a threat of the catalogue"
printf '<!DOCTYPE x [<!ENTITY e SYSTEM "/etc/passwd">]>\n<catalogue/>\n' >"$T/dtd.xml"
run 1 $DPIA catalogue check "$T/dtd.xml"

# A broken file of one's own: a warning, the built-in entries still there.
cp "$T/bad.xml" "$own"
run 0 $DPIA catalogue --threats
contains "$T/err" "$own:3:"
contains "$T/err" "its entries are left out"
contains "$T/out" "$threat" "the built-in entries still listed"

done_testing
