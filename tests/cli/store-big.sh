#!/bin/sh
# A record dpia writes is one dpia can read back, however large: an
# assessment of 20,000 answers with 100,000 entries in its change log
# (made by the store itself) exports to a record far larger than the
# 16 MiB import once refused, and imports back whole: the same answers,
# the change log and the import's own entry. The figures are printed for
# the record. DPIA_BIG_ANSWERS and DPIA_BIG_HISTORY make it smaller (the
# valgrind run).
. "$TOP_SRCDIR/tests/lib.sh"

TOOL=$TOP_BUILDDIR/tests/store/storetool
N=${DPIA_BIG_ANSWERS:-20000}
H=${DPIA_BIG_HISTORY:-100000}
now_ms() { date +%s%N | cut -b1-13; }

t0=$(now_ms)
run 0 "$TOOL" big "$T/big.sqlite" "$N" "$H"
id=$(cat "$T/out")
t1=$(now_ms)
run 0 "$DPIA" -d "$T/big.sqlite" export "$id" --format xml -o "$T/big.xml"
t2=$(now_ms)
run 0 "$DPIA" -d "$T/back.sqlite" import "$T/big.xml"
back=$(cat "$T/out")
t3=$(now_ms)
size=$(wc -c < "$T/big.xml")
echo "$N answers, $H changes: made in $((t1 - t0)) ms, exported in $((t2 - t1)) ms" \
    "($size bytes), imported in $((t3 - t2)) ms"
if [ "$N" -ge 20000 ]; then
    checks=$((checks + 1))
    [ "$size" -gt 16777216 ] && pass "the record is larger than 16 MiB" ||
        fail "the record is only $size bytes"
fi

# The same answers, in the same words.
run 0 "$TOOL" answers "$T/big.sqlite" "$id"
mv "$T/out" "$T/answers.before"
run 0 "$TOOL" answers "$T/back.sqlite" "$back"
checks=$((checks + 1))
cmp -s "$T/answers.before" "$T/out" && pass "the answers came back" ||
    fail "the answers differ after the round trip"
checks=$((checks + 1))
[ "$(wc -l < "$T/out")" -eq "$N" ] && pass "$N answers" || fail "$(wc -l < "$T/out") answers"

# The whole change log, and the import's entry after it.
run 0 "$DPIA" -d "$T/back.sqlite" history "$back" --format tsv
checks=$((checks + 1))
[ "$(wc -l < "$T/out")" -eq $((H + 2)) ] && pass "$H changes and the import in the change log" ||
    fail "$(($(wc -l < "$T/out") - 1)) entries in the change log"
tail -n 1 "$T/out" > "$T/last"
contains "$T/last" "imported"
# What the list says of it agrees with show.
run 0 "$DPIA" -d "$T/back.sqlite" list --format tsv
listed=$(awk -F'\t' -v id="$back" '$1 == id { print $4 }' "$T/out")
run 0 "$DPIA" -d "$T/back.sqlite" show "$back" --format tsv
shown=$(awk -F'\t' '$1 == "percent" { print $2 }' "$T/out")
checks=$((checks + 1))
[ -n "$listed" ] && [ "$listed" = "$shown" ] && pass "progress $shown% in the list and in show" ||
    fail "the list says '$listed', show says '$shown'"
done_testing
