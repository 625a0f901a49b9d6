#!/bin/sh
# make fuzz-smoke: each libFuzzer target for FUZZ_SECONDS (30) seconds,
# starting from its seed corpus (copied, so the source tree is left as
# it is). Any crash, leak, timeout or sanitizer report fails the run;
# the input that caused it is left in FUZZ_OUT (printed) to be kept in
# regressions/TARGET. Prints one "fuzz TARGET: N runs, F findings" line
# per target.
set -u
: "${FUZZ_BIN:?}" "${FUZZ_SRCDIR:?}"
SECONDS_EACH=${FUZZ_SECONDS:-30}
OUT=${FUZZ_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/dpia-fuzz.XXXXXX")}
mkdir -p "$OUT"
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_OPTIONS UBSAN_OPTIONS
status=0
for target in ${FUZZ_TARGETS:-template import textedit database}; do
    work=$OUT/$target
    rm -rf "$work"
    mkdir -p "$work/corpus"
    cp "$FUZZ_SRCDIR/corpus/$target"/* "$work/corpus/" 2>/dev/null
    cp "$FUZZ_SRCDIR/regressions/$target"/* "$work/corpus/" 2>/dev/null
    TMPDIR=$work "$FUZZ_BIN/f_$target" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
        -max_len=262144 -print_final_stats=1 -artifact_prefix="$work/" \
        "$work/corpus" >"$work/log" 2>&1
    rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -1)
    found=$(find "$work" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' \
        -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
    echo "fuzz $target: ${runs:-?} runs in ${SECONDS_EACH} s, $found findings (exit $rc)"
    if [ "$rc" -ne 0 ] || [ "$found" -ne 0 ]; then
        status=1
        grep -E -A30 'ERROR: |runtime error|==ERROR' "$work/log" | head -60
        ls "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-* 2>/dev/null
    fi
done
exit $status
