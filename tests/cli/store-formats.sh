#!/bin/sh
# Output for scripts: --format tsv and json of list, show and history;
# control characters escaped (\uXXXX in JSON, \t \n \\ in TSV), never raw.
. "$TOP_SRCDIR/tests/lib.sh"

DB=$T/dpia.sqlite
d() { "$DPIA" -d "$DB" "$@"; }

# Such a title is refused (core/textrule.h); written behind dpia's back,
# it is escaped in every format.
run 1 d new --title "$(printf 'Tab\there, quote " and \\ and ESC \033[31m red')"
run 0 d new --title "Placeholder"
"$TOP_BUILDDIR/tests/store/storetool" sql "$DB" "UPDATE assessments SET title = 'Tab' || char(9) || 'here, quote \" and \\ and ESC ' || char(27) || '[31m red' WHERE id = 1" >/dev/null ||
    fail "storetool sql"
run 0 d new --title "Plain"
run 0 d answer 1 desc.purposes "$(printf 'line one\nline two')"
run 0 d risk add 1 --title "Risk with \"quotes\"" --likelihood 2 --severity 3

run 0 d list --format tsv
contains "$T/out" "$(printf 'id\tuuid\tstatus\tpercent\trisk\thigh\ttemplate\treview\tupdated\ttitle')"
contains "$T/out" 'Tab\there, quote " and \\ and ESC \u001B[31m red'
lacks "$T/out" "$(printf '\033')" "tsv has no raw ESC"
lines=$(wc -l < "$T/out")
[ "$lines" -eq 3 ] && pass "tsv: header and one line per assessment" || fail "tsv has $lines lines"
fields=$(awk -F'\t' 'NR == 2 { print NF }' "$T/out")
[ "$fields" -eq 10 ] && pass "tsv: ten fields" || fail "tsv: $fields fields"

run 0 d list --format json
contains "$T/out" '"title": "Tab\u0009here, quote \" and \\ and ESC \u001b[31m red"'
contains "$T/out" '"title": "Plain"'
lacks "$T/out" "$(printf '\033')" "json has no raw ESC"

run 0 d show 1 --format json
contains "$T/out" '"screening": {"outcome": '
contains "$T/out" '"title": "Risk with \"quotes\""'
cp "$T/out" "$T/show.json"
run 0 d history 1 --format json
contains "$T/out" '"new": "line one\u000aline two"'
cp "$T/out" "$T/history.json"
run 0 d list --format json
cp "$T/out" "$T/list.json"
if command -v python3 >/dev/null 2>&1; then
    for f in list show history; do
        run 0 python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$T/$f.json"
    done
else
    echo "python3 not found: JSON syntax not checked"
fi

run 0 d show 1 --format tsv
contains "$T/out" "$(printf 'status\tdraft')"
contains "$T/out" "$(printf 'risk\tR1\t')"
contains "$T/out" "$(printf 'screening\t')"
contains "$T/out" "$(printf 'missing\t')"
run 0 d history 1 --format tsv
contains "$T/out" 'line one\nline two'

# An empty database in json is an empty array.
run 0 "$DPIA" -d "$T/none.sqlite" list --format json
contains "$T/out" "[]"

done_testing
