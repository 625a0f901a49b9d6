#!/bin/sh
# dpia import refuses broken and hostile records with FILE:LINE: message
# and writes nothing to the database.
. "$TOP_SRCDIR/tests/lib.sh"

fx=$TOP_SRCDIR/tests/fixtures/records
D="$DPIA -d $(test_db db.sqlite)"

cd "$fx" || exit 1
while IFS="$(printf '\t')" read -r file message; do
    checks=$((checks + 1))
    out=$($D import "$file" 2>&1)
    st=$?
    if [ "$st" -ne 1 ]; then
        fail "$file: exit $st, expected 1"
    elif [ "$out" != "dpia: $message" ]; then
        fail "$file: got '$out', expected 'dpia: $message'"
    else
        pass "$file refused: $message"
    fi
done <"$fx/expected.tsv"
cd "$T" || exit 1
checks=$((checks + 1))
if [ -e "$T/db.sqlite" ]; then fail "a refused import created the database"; else pass "nothing written"; fi

# The external entity never leaked.
$D import "$fx/bad-xxe.xml" >"$T/out" 2>&1
lacks "$T/out" "root:" "no /etc/passwd content in the output"

# Huge files fail before parsing (1 GiB and a byte, without the disk
# space: a file with a hole); deep nesting with a line number.
echo '<?xml version="1.0"?><record xmlns="urn:dpia:record:1" version="1"><generator>' >"$T/huge.xml"
truncate -s 1073741825 "$T/huge.xml"
run 1 $D import "$T/huge.xml" && contains "$T/err" "huge.xml:1: larger than the limit of 1073741824 bytes"
# Below that, libxml2's own limits stand: a text of more than 10 MB.
{
    echo '<?xml version="1.0"?><record xmlns="urn:dpia:record:1" version="1"><generator>'
    head -c 11000000 /dev/zero | tr '\0' 'a'
    echo '</generator></record>'
} >"$T/long.xml"
run 1 $D import "$T/long.xml"
{
    echo '<?xml version="1.0"?>'
    echo '<record xmlns="urn:dpia:record:1" version="1">'
    i=0; while [ $i -lt 200 ]; do printf '<x>'; i=$((i + 1)); done; echo
    i=0; while [ $i -lt 200 ]; do printf '</x>'; i=$((i + 1)); done; echo
    echo '</record>'
} >"$T/deep.xml"
run 1 $D import "$T/deep.xml" && contains "$T/err" "deep.xml:3: elements nested deeper than"

# Something that is not a file, or no argument.
run 1 $D import "$T/missing.xml"
run 2 $D import

# After all that, a good record goes in as number 1.
run 0 $D import "$fx/good-minimal.xml" && contains "$T/out" "1"
run 0 $D list && contains "$T/out" "Minimal record"
done_testing
