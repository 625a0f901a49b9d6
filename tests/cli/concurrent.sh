#!/bin/sh
# Twenty clients write answers to one assessment at the same time, each
# a dpia process of its own: thirteen each write their own question,
# round after round; three write one question without a check (the last
# write wins, each is made on the value it replaces: none is lost from
# the log); four write another with the conflict check (dpia answer
# --expect), each on the value it last saw. No process fails with an
# error; of the four, each write is saved or refused as a conflict (exit
# 3), never overwriting a value its writer did not see; every value
# expected is there; and the change log holds exactly the writes made,
# in an unbroken chain for each shared question.
#
# The database is CONCURRENT_DB, an argument as -d takes it (default: an
# SQLite file in the test's folder), so that another back end can run
# the same test.
. "$TOP_SRCDIR/tests/lib.sh"

DB=${CONCURRENT_DB:-$(test_db db.sqlite)}
ROUNDS=${CONCURRENT_ROUNDS:-5}
OWN="scr.project desc.roles desc.collection desc.use desc.storage desc.functional desc.scale
     desc.retention desc.relationship desc.expectations desc.concerns desc.novelty desc.purposes"
PLAIN=cons.experts
NPLAIN=3
SHARED=cons.dpo
SAME=4
FIRST_PLAIN=14
FIRST_SAME=$((FIRST_PLAIN + NPLAIN))
[ $((FIRST_SAME + SAME - 1)) = 20 ] || fail "not twenty clients"

run 0 "$DPIA" -d "$DB" new --title "Twenty at once" && id=$(cat "$T/out")
# The twenty clients are its contributors.
k=1
while [ "$k" -le 20 ]; do
    "$DPIA" -d "$DB" member "$id" add "client$k" contributor >/dev/null || fail "client$k not added"
    k=$((k + 1))
done

# own K Q: client K writes question Q, ROUNDS times; one exit status a line.
own() {
    r=1
    while [ "$r" -le "$ROUNDS" ]; do
        DPIA_USER=client$1 "$DPIA" -d "$DB" answer "$id" "$2" "client $1 round $r" \
            >/dev/null 2>>"$T/own$1.err"
        echo "$r $?" >>"$T/own$1.status"
        r=$((r + 1))
    done
}
# shared_writer K: client K writes the shared question ROUNDS times, each on
# the value it last saw: its own once saved, the one a refusal names.
shared_writer() {
    seen= r=1
    while [ "$r" -le "$ROUNDS" ]; do
        v="client $1 round $r"
        DPIA_USER=client$1 "$DPIA" -d "$DB" answer "$id" "$SHARED" "$v" --expect "$seen" \
            >/dev/null 2>"$T/same$1.last"
        rc=$?
        echo "$r $rc" >>"$T/same$1.status"
        cat "$T/same$1.last" >>"$T/same$1.err"
        if [ "$rc" = 0 ]; then
            seen=$v
            echo "$v" >>"$T/saved"
        elif [ "$rc" = 3 ]; then
            seen=$(sed -n 's/.* made it read: \(.*\); nothing was saved$/\1/p' "$T/same$1.last")
        fi
        r=$((r + 1))
    done
}

pids=
k=1
for q in $OWN; do
    own "$k" "$q" &
    pids="$pids $!"
    k=$((k + 1))
done
k=$FIRST_PLAIN
while [ "$k" -lt "$FIRST_SAME" ]; do
    own "$k" "$PLAIN" &
    pids="$pids $!"
    k=$((k + 1))
done
k=$FIRST_SAME
while [ "$k" -lt $((FIRST_SAME + SAME)) ]; do
    shared_writer "$k" &
    pids="$pids $!"
    k=$((k + 1))
done
for p in $pids; do wait "$p"; done

# --- no error -------------------------------------------------------------------
k=1
while [ "$k" -lt "$FIRST_SAME" ]; do
    checks=$((checks + 1))
    if [ "$(grep -cv ' 0$' "$T/own$k.status")" = 0 ] && [ ! -s "$T/own$k.err" ]; then
        pass "client $k: $ROUNDS answers saved, nothing on stderr"
    else
        fail "client $k: exit statuses $(cut -d' ' -f2 "$T/own$k.status" | tr '\n' ' ')"
        head -5 "$T/own$k.err"
    fi
    k=$((k + 1))
done
saved=0 refused=0
k=$FIRST_SAME
while [ "$k" -lt $((FIRST_SAME + SAME)) ]; do
    checks=$((checks + 1))
    bad=$(grep -cv ' [03]$' "$T/same$k.status")
    n3=$(grep -c ' 3$' "$T/same$k.status")
    nerr=$(grep -c 'is not what was expected' "$T/same$k.err")
    if [ "$bad" = 0 ] && [ "$n3" = "$nerr" ] && [ "$(grep -cv 'is not what was expected' "$T/same$k.err")" = 0 ]; then
        pass "client $k: each write saved or refused as a conflict ($n3 refused)"
    else
        fail "client $k: exit statuses $(cut -d' ' -f2 "$T/same$k.status" | tr '\n' ' ')"
        head -5 "$T/same$k.err"
    fi
    saved=$((saved + $(grep -c ' 0$' "$T/same$k.status")))
    refused=$((refused + n3))
    k=$((k + 1))
done
checks=$((checks + 1))
[ "$refused" -ge $((SAME - 1)) ] && [ "$saved" -ge 1 ] &&
    pass "the shared question: $saved writes saved, $refused refused as conflicts" ||
    fail "the shared question: $saved saved, $refused refused (the first round alone refuses $((SAME - 1)))"

# --- every value, and exactly the writes made in the change log -----------------
run 0 "$DPIA" -d "$DB" export "$id" --format xml -o "$T/record.xml"
value() {
    sed -n "/<question id=\"$1\"/,/<\/question>/p" "$T/record.xml" |
        sed -n 's/.*<value>\(.*\)<\/value>.*/\1/p'
}
run 0 "$DPIA" -d "$DB" history "$id" --format tsv
cp "$T/out" "$T/log"
k=1
for q in $OWN; do
    checks=$((checks + 1))
    [ "$(value "$q")" = "client $k round $ROUNDS" ] && pass "$q holds client $k's last value" ||
        fail "$q holds '$(value "$q")'"
    # The log of this question: client k's writes, in order, each on the one before.
    awk -F'\t' -v q="answer $q" '$3 == q { print $2 "|" $4 "|" $5 }' "$T/log" >"$T/got"
    r=1 prev=
    : >"$T/want"
    while [ "$r" -le "$ROUNDS" ]; do
        echo "client$k|$prev|client $k round $r" >>"$T/want"
        prev="client $k round $r"
        r=$((r + 1))
    done
    same "$T/want" "$T/got" "the log of $q: client $k's $ROUNDS writes, each on the one before"
    k=$((k + 1))
done
# The question written without a check: every write in the log, each
# on the value the one before it left, the last one what it holds.
awk -F'\t' -v q="answer $PLAIN" '$3 == q { print $4 "|" $5 }' "$T/log" >"$T/plain"
checks=$((checks + 1))
[ "$(wc -l <"$T/plain")" = $((NPLAIN * ROUNDS)) ] &&
    pass "the log holds the $((NPLAIN * ROUNDS)) writes of $PLAIN" ||
    fail "the log holds $(wc -l <"$T/plain") writes of $PLAIN, not $((NPLAIN * ROUNDS))"
checks=$((checks + 1))
if awk -F'|' 'NR == 1 && $1 != "" { exit 1 } NR > 1 && $1 != prev { exit 1 } { prev = $2 }' "$T/plain"; then
    pass "each write of $PLAIN was made on the value the one before it left"
else
    fail "the log of $PLAIN is not one chain"
    cat "$T/plain"
fi
checks=$((checks + 1))
[ "$(value "$PLAIN")" = "$(tail -1 "$T/plain" | cut -d'|' -f2)" ] &&
    pass "$PLAIN holds the last write" || fail "$PLAIN holds '$(value "$PLAIN")'"

# The shared question: one entry per write saved, each on the value the
# one before it left (no write was lost or made on a value unseen), the
# last one what the answer holds.
awk -F'\t' -v q="answer $SHARED" '$3 == q { print $4 "|" $5 }' "$T/log" >"$T/shared"
checks=$((checks + 1))
[ "$(wc -l <"$T/shared")" = "$saved" ] && pass "the log holds the $saved writes saved of $SHARED" ||
    fail "the log holds $(wc -l <"$T/shared") writes of $SHARED, not $saved"
checks=$((checks + 1))
if awk -F'|' 'NR == 1 && $1 != "" { exit 1 } NR > 1 && $1 != prev { exit 1 } { prev = $2 }' "$T/shared"; then
    pass "each write of $SHARED was made on the value the one before it left"
else
    fail "a write of $SHARED was made on a value it had not seen"
    cat "$T/shared"
fi
checks=$((checks + 1))
[ "$(value "$SHARED")" = "$(tail -1 "$T/shared" | cut -d'|' -f2)" ] &&
    pass "$SHARED holds the last write saved" || fail "$SHARED holds '$(value "$SHARED")'"
cut -d'|' -f2 "$T/shared" | sort >"$T/shared-new"
sort "$T/saved" >"$T/saved-sorted"
same "$T/saved-sorted" "$T/shared-new" "the writes saved are the writes in the log"
n=$(grep -c "	answer " "$T/log")
want=$(( ($(echo $OWN | wc -w) + NPLAIN) * ROUNDS + saved ))
checks=$((checks + 1))
[ "$n" = "$want" ] && pass "the log holds $want answers, the writes made, no more" ||
    fail "the log holds $n answers, not $want"

done_testing
