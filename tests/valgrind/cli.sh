#!/bin/sh
# The command-line tests (tests/cli/*.sh) with every dpia run under
# valgrind memcheck (see dpia-vg). Usage: cli.sh BUILDDIR [TEST...].
# Prints a line per test and "valgrind: N passed, N failed, N skipped";
# exits 1 if any failed or valgrind reported anything.
set -u
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=$(cd "${1:?usage: cli.sh BUILDDIR [TEST...]}" && pwd)
shift
[ $# -gt 0 ] || set -- "$src"/tests/cli/*.sh
command -v valgrind >/dev/null || { echo "valgrind: not installed"; exit 1; }

logs=$(mktemp -d "${TMPDIR:-/tmp}/dpia-vg.XXXXXX")
# Some tests run dpia as another user (setpriv): it must write its report.
chmod 1777 "$logs"
DPIA=$here/dpia-vg DPIA_REAL=$build/dpia DPIA_VG_LOGS=$logs
TOP_SRCDIR=$src TOP_BUILDDIR=$build TMUX_PROG=$(command -v tmux || true)
XMLLINT=$(command -v xmllint || true) LANG=C.UTF-8 LC_ALL=C.UTF-8
# Under valgrind each run is ~20 times slower: a smaller "many" listing,
# a smaller big record, longer screen waits.
DPIA_MANY=300 DPIA_BIG_ANSWERS=500 DPIA_BIG_HISTORY=2000 DPIA_TEST_WAIT=200
export DPIA DPIA_REAL DPIA_VG_LOGS TOP_SRCDIR TOP_BUILDDIR TMUX_PROG XMLLINT LANG LC_ALL \
    DPIA_MANY DPIA_BIG_ANSWERS DPIA_BIG_HISTORY DPIA_TEST_WAIT
unset TMUX DPIA_DB DPIA_TEMPLATE_PATH XDG_DATA_HOME

passed=0 failed=0 skipped=0
for t in "$@"; do
    name=$(basename "$t" .sh)
    start=$(date +%s)
    sh "$t" >"$logs/$name.log" 2>&1
    rc=$?
    case $rc in
    0) passed=$((passed + 1)); verdict=PASS ;;
    77) skipped=$((skipped + 1)); verdict=SKIP ;;
    *) failed=$((failed + 1)); verdict=FAIL ;;
    esac
    echo "$verdict: $name ($(( $(date +%s) - start )) s)"
    [ "$verdict" = FAIL ] && tail -n 40 "$logs/$name.log"
done
# Every report valgrind wrote, whichever test it came from.
reports=0
for f in "$logs"/vg.*; do
    [ -s "$f" ] || continue
    reports=$((reports + 1))
    echo "---- valgrind report $f"
    head -n 60 "$f"
done
[ "$reports" -eq 0 ] || failed=$((failed + 1))
rm -rf "$logs"
echo "valgrind: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
