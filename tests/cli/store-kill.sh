#!/bin/sh
# Durability: a writer killed with SIGKILL at random moments, 50 times.
# After each kill the file passes PRAGMA integrity_check and holds every
# answer the writer had reported as saved.
. "$TOP_SRCDIR/tests/lib.sh"

TOOL=$TOP_BUILDDIR/tests/store/storetool
DB=$T/dpia.sqlite
run 0 "$DPIA" -d "$DB" new --title "Killed again and again"

# A random pause of 0 to 99 ms: a fresh number each time from /dev/urandom.
pause() {
    ms=$(od -An -N1 -tu1 /dev/urandom | tr -d ' ')
    ms=$((ms % 100))
    sleep "0.$(printf '%03d' "$ms")"
}

round=1
lost=0
while [ $round -le 50 ]; do
    "$TOOL" writer "$DB" 1 "k$round" 0 >"$T/saved" 2>"$T/writer.err" &
    pid=$!
    pause
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    if ! "$TOOL" check "$DB" >"$T/check" 2>&1; then
        fail "round $round: integrity check failed"
        sed 's/^/  | /' "$T/check" | head -5
    fi
    "$TOOL" answers "$DB" 1 | cut -f1 > "$T/stored"
    while read -r q; do
        grep -qx "$q" "$T/stored" || { lost=$((lost + 1)); echo "round $round: $q lost"; }
    done < "$T/saved"
    [ -s "$T/writer.err" ] && { fail "round $round: the writer complained"; cat "$T/writer.err"; }
    round=$((round + 1))
done
total=$(wc -l < "$T/stored")
checks=$((checks + 1))
if [ "$lost" -eq 0 ]; then
    pass "50 kills, $total answers stored, none reported saved was lost"
else
    fail "$lost answers reported saved were lost"
fi
run 0 "$TOOL" check "$DB"
contains "$T/out" "ok"

done_testing
