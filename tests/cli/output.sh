#!/bin/sh
# What a command prints must reach standard output: written to a full
# disk (/dev/full), every command that prints fails with exit status 1
# and says why; a command that made something (new, import, risk add,
# measure add) says what it made on stderr, since its id was lost.
. "$TOP_SRCDIR/tests/lib.sh"

[ -w /dev/full ] || skip "no /dev/full to write to"

DB=$(test_db db.sqlite)
d() { "$DPIA" -d "$DB" "$@"; }
run 0 d new --title "Output checks"
run 0 d answer 1 desc.purposes "Purposes"

# full CMD...: run with stdout on a full disk; exit 1 and the reason.
full() {
    checks=$((checks + 1))
    "$@" >/dev/full 2>"$T/err"
    rc=$?
    if [ "$rc" -eq 1 ]; then
        pass "$* > /dev/full: exit 1"
    else
        fail "$* > /dev/full exited $rc"
        sed 's/^/  stderr: /' "$T/err"
    fi
    contains "$T/err" "No space left on device" "$*: the reason is said"
}

for f in text tsv json; do
    full d list --format $f
    contains "$T/err" "dpia: cannot write to standard output: No space left on device"
    full d show 1 --format $f
    full d history 1 --format $f
done
full "$DPIA" templates
full d template check "$TOP_SRCDIR/tests/fixtures/templates/minimal.xml"
full "$DPIA" --help
full "$DPIA" --version
full d list --help

# Something made: it exists, and stderr says which it is.
full d new --title "Made all the same"
contains "$T/err" "assessment 2 was created, but its id could not be written to standard output"
run 0 d list --format tsv && contains "$T/out" "Made all the same" "the assessment exists"
full d risk add 1 --title "A risk"
contains "$T/err" "risk R1 was added, but its number could not be written"
full d measure add 1 --title "A measure"
contains "$T/err" "measure M1 was added, but its number could not be written"
full d import "$TOP_SRCDIR/tests/fixtures/records/good-minimal.xml"
contains "$T/err" "the record was imported as assessment 3, but its id could not be written"
# One message, not two.
lines=$(grep -c "standard output" "$T/err")
checks=$((checks + 1))
[ "$lines" -eq 1 ] && pass "the failure is said once" || fail "the failure is said $lines times"
run 0 d show 3 && contains "$T/out" "Minimal record" "the imported assessment exists"

# A command that fails for its own reason keeps its message and status.
checks=$((checks + 1))
d show 42 >/dev/full 2>"$T/err"
rc=$?
[ "$rc" -eq 1 ] && pass "show 42 > /dev/full: exit 1" || fail "show 42 > /dev/full exited $rc"
contains "$T/err" "there is no assessment 42"
done_testing
