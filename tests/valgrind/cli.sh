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
DPIA_VALGRIND=$(command -v valgrind) || { echo "valgrind: not installed"; exit 1; }
# Not VALGRIND: LibreOffice's soffice would run itself under it.
export DPIA_VALGRIND

logs=$(mktemp -d "${TMPDIR:-/tmp}/dpia-vg.XXXXXX")
# Some tests run dpia as another user (setpriv): it must write its report.
chmod 1777 "$logs"
DPIA=$here/dpia-vg DPIA_REAL=$build/dpia DPIA_VG_LOGS=$logs
TOP_SRCDIR=$src TOP_BUILDDIR=$build TMUX_PROG=$(command -v tmux || true)
XMLLINT=$(command -v xmllint || true) LANG=C.UTF-8 LC_ALL=C.UTF-8
# The French and German catalogues, uninstalled, as make check builds them.
DPIA_LOCALEDIR=$build/tests/locale
# One dpia run in $VG_EVERY (default 3) of each test goes under
# valgrind, the first among them (dpia-vg); VG_EVERY=1 checks them all
# (but in pg-store, pg-records and pg-team: one in three times as many).
DPIA_VG_EVERY=${VG_EVERY:-3}
export DPIA_VG_EVERY
# Under valgrind each run is ~20 times slower: a smaller "many" listing,
# a smaller big record, fewer damaged files, longer screen waits.
DPIA_MANY=300 DPIA_BIG_ANSWERS=500 DPIA_BIG_HISTORY=2000 DPIA_FLIPS=16 DPIA_TEST_WAIT=200
export DPIA DPIA_REAL DPIA_VG_LOGS TOP_SRCDIR TOP_BUILDDIR TMUX_PROG XMLLINT LANG LC_ALL DPIA_LOCALEDIR \
    DPIA_MANY DPIA_BIG_ANSWERS DPIA_BIG_HISTORY DPIA_FLIPS DPIA_TEST_WAIT
unset TMUX DPIA_DB DPIA_TEMPLATE_PATH XDG_DATA_HOME LANGUAGE LC_MESSAGES
# The tests against PostgreSQL (tests/pg.sh) run when dpia has it.
HAVE_LIBPQ=no
grep -q '^#define HAVE_LIBPQ 1' "$build/config.h" 2>/dev/null && HAVE_LIBPQ=yes
export HAVE_LIBPQ

# The tests run in $VG_JOBS lanes (default: the number of processors);
# each lane takes the next test nobody has taken (mkdir is the claim),
# the longest first so that the lanes end together.
jobs=${VG_JOBS:-$(nproc 2>/dev/null || echo 1)}
order=
for slow in pg-store pg-team workflow pg-records store-hostile input store-commands report-revision; do
    for t in "$@"; do
        [ "$(basename "$t" .sh)" = "$slow" ] && order="$order $t"
    done
done
for t in "$@"; do
    case " $order " in *" $t "*) ;; *) order="$order $t" ;; esac
done
lane() {
    for t in $order; do
        name=$(basename "$t" .sh)
        mkdir "$logs/claim.$name" 2>/dev/null || continue
        chmod 1777 "$logs/claim.$name"
        start=$(date +%s)
        # The runners that take SQLite's tests to PostgreSQL again run
        # code valgrind sees there already, but for the database layer:
        # one run in three times as many.
        every=$DPIA_VG_EVERY
        case $name in pg-store | pg-records | pg-team) every=$((every * 3)) ;; esac
        DPIA_VG_EVERY=$every DPIA_VG_LOGS=$logs/claim.$name sh "$t" >"$logs/$name.log" 2>&1
        echo "$? $(( $(date +%s) - start ))" >"$logs/claim.$name/result"
    done
}
i=0
while [ $i -lt "$jobs" ]; do
    lane &
    i=$((i + 1))
done
wait

passed=0 failed=0 skipped=0
for t in "$@"; do
    name=$(basename "$t" .sh)
    read -r rc secs <"$logs/claim.$name/result" || { rc=1 secs=0; }
    case $rc in
    0) passed=$((passed + 1)); verdict=PASS ;;
    77) skipped=$((skipped + 1)); verdict=SKIP ;;
    *) failed=$((failed + 1)); verdict=FAIL ;;
    esac
    echo "$verdict: $name ($secs s)"
    [ "$verdict" = FAIL ] && tail -n 40 "$logs/$name.log"
done
# Every report valgrind wrote, whichever test it came from.
reports=0
for f in "$logs"/claim.*/vg.*; do
    [ -s "$f" ] || continue
    reports=$((reports + 1))
    echo "---- valgrind report from $(basename "$(dirname "$f")" | cut -d. -f2-): $f"
    head -n 60 "$f"
done
[ "$reports" -eq 0 ] || failed=$((failed + 1))
rm -rf "$logs"
echo "valgrind checked one dpia run in $DPIA_VG_EVERY of each test"
echo "valgrind: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
