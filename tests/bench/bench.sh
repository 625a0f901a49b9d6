#!/bin/sh
# The benchmarks, run by `make bench` (tests/bench/README.md). Prints one
# line per figure:
#
#     NAME  MEDIAN UNIT  TARGET VERDICT  (min MIN, max MAX)
#
# with TARGET and VERDICT "-" for the figures given for the record (the
# floors, the scaling table). Times are CPU time of the program alone
# (user + system, from wait4), never wall time; each command runs
# BENCH_RUNS times, A and B in turn when it is compared with a floor.
# Exit status 1 when a target is missed.
#
# Environment (set by bench.mk): DPIA, BENCH_BIN (the helper programs),
# TOP_SRCDIR. BENCH_RUNS (10) runs of each command; BENCH_PAIRS (5) pairs
# of typing runs of BENCH_KEYS (100) keys at BENCH_RATE (10) a second;
# BENCH_SCALE=0 leaves out the scaling table; BENCH_DIR keeps the
# databases there (and uses those already made). BENCH_ONLY=clients runs
# the concurrent clients alone (make bench-clients); BENCH_CLIENTS_DB is
# the database they write; BENCH_PG=0 leaves out their run on a
# throwaway PostgreSQL server. HAVE_LIBPQ (from configure) says whether
# dpia can reach one.
set -u
: "${DPIA:?}" "${BENCH_BIN:?}" "${TOP_SRCDIR:?}"
RUNS=${BENCH_RUNS:-10}
PAIRS=${BENCH_PAIRS:-5}
KEYS=${BENCH_KEYS:-100}
RATE=${BENCH_RATE:-10}
SCALE=${BENCH_SCALE:-1}
if [ -n "${BENCH_DIR:-}" ]; then
    W=$BENCH_DIR
    mkdir -p "$W"
else
    W=$(mktemp -d "${TMPDIR:-/tmp}/dpia-bench.XXXXXX")
    trap 'rm -rf "$W"' EXIT
fi
# The interface needs a UTF-8 locale and a terminal type; nothing of the user's.
LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color HOME=$W DPIA_USER=bench
export LANG LC_ALL TERM HOME DPIA_USER
unset DPIA_DB DPIA_TEMPLATE_PATH XDG_DATA_HOME NO_COLOR

missed=0
# line NAME MEDIAN UNIT [MIN MAX [OP LIMIT]]: prints a figure and checks
# its target.
line() {
    range=
    [ $# -ge 5 ] && [ "$4" != - ] && range="(min $4, max $5)"
    if [ $# -ge 7 ]; then
        ok=$(awk -v v="$2" -v l="$7" -v op="$6" \
            'BEGIN { print ((op == "<=" && v <= l) || (op == "<" && v < l)) ? "met" : "MISSED" }')
        [ "$ok" = met ] || missed=$((missed + 1))
        printf '%-36s %10s %-3s %-7s %-6s %s\n' "$1" "$2" "$3" "$6$7" "$ok" "$range"
    else
        printf '%-36s %10s %-3s %-7s %-6s %s\n' "$1" "$2" "$3" - - "$range"
    fi
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a - b }'; }
per() { awk -v a="$1" -v n="$2" 'BEGIN { printf "%.1f", a * 1000 / n }'; }
f() { echo "$1" | cut -d' ' -f"$2"; }
die() { echo "bench: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "$1 is needed (apt-get install $2)"; }
need sqlite3 sqlite3
need xsltproc xsltproc

# run [-p] ARGS...: bench-run's "CPU_MIN CPU_MEDIAN CPU_MAX WALL RSS" (a
# second line with --vs).
run() { "$BENCH_BIN/bench-run" -n "$RUNS" "$@" || die "failed: $*"; }
# cpu_line NAME "MIN MED MAX ..." [OP LIMIT]: the CPU figure of a run.
cpu_line() { line "$1" "$(f "$2" 2)" ms "$(f "$2" 1)" "$(f "$2" 3)" ${3:+"$3"} ${4:+"$4"}; }
now_ms() { date +%s%N | cut -b1-13; }

# --- twenty clients ------------------------------------------------------------
# bench-clients: BENCH_CLIENTS (20) processes linked with dpia's objects
# save answers to one assessment at the same time, each its own question,
# BENCH_CLIENT_ROUNDS (50) saves each, in BENCH_CLIENT_RUNS (3) runs:
# answers saved a second over a whole run, the wall time of a save
# (waiting for the others is what is measured) at the 50th, 90th and
# 99th percentiles and the longest, the medians of the runs with the
# lowest and highest; and the saves that failed, which must be none.
# BENCH_CLIENTS_DB is the database they write, as -d takes it (default:
# a new SQLite file; each run makes a new assessment in it). Then the
# same through `dpia answer` processes, one a save, for the record.
# Without BENCH_CLIENTS_DB, all of it again on a database of a
# throwaway PostgreSQL server (tests/pg.sh; fsync off, as in the tests),
# the figures named pg_clients..., when dpia has PostgreSQL and initdb
# is there; else a line on the standard error says why not.
CLIENTS=${BENCH_CLIENTS:-20}
CROUNDS=${BENCH_CLIENT_ROUNDS:-50}
CRUNS=${BENCH_CLIENT_RUNS:-3}
med3() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)], v[1], v[NR] }'; }
# clients PREFIX DB: the figures of DB, named PREFIXclientsN_...
clients() {
    c=${1}clients$CLIENTS
    db=$2
    : >"$W/clients.out"
    i=0
    while [ "$i" -lt "$CRUNS" ]; do
        "$BENCH_BIN/bench-clients" "$db" "$CLIENTS" "$CROUNDS" >>"$W/clients.out" ||
            echo "bench: bench-clients: a save failed" >&2
        i=$((i + 1))
    done
    col() { cut -d' ' -f"$1" "$W/clients.out" | med3; }
    set -- $(col 4); line "${c}_answers_per_s" "$1" n/s "$2" "$3"
    set -- $(col 5); line "${c}_save_p50_ms" "$1" ms "$2" "$3"
    set -- $(col 6); line "${c}_save_p90_ms" "$1" ms "$2" "$3"
    set -- $(col 7); line "${c}_save_p99_ms" "$1" ms "$2" "$3"
    set -- $(col 8); line "${c}_save_longest_ms" "$1" ms "$2" "$3"
    failed=$(awk '{ n += $2 } END { print n + 0 }' "$W/clients.out")
    line "${c}_saves_failed" "$failed" n - - "<=" 0
    out=$("$BENCH_BIN/bench-clients" -x "$DPIA" "$db" "$CLIENTS" 10) ||
        echo "bench: bench-clients -x: a save failed" >&2
    line "${c}_dpia_answer_per_s" "$(f "$out" 4)" n/s
    line "${c}_dpia_answer_p50_ms" "$(f "$out" 5)" ms
    line "${c}_dpia_answer_p99_ms" "$(f "$out" 7)" ms
    line "${c}_dpia_answer_failed" "$(f "$out" 2)" n - - "<=" 0
}
# pg_clients: the same on a throwaway PostgreSQL server, stopped after.
pg_clients() {
    rm -f "$W/pg.missed"
    (
        T=$W/pg-logs
        mkdir -p "$T"
        cleanup_hooks=
        skip() {
            echo "bench: no figures on PostgreSQL: $*" >&2
            exit 0
        }
        # shellcheck source=../pg.sh
        . "$TOP_SRCDIR/tests/pg.sh"
        trap pg_stop EXIT
        db=$(pg_db clients) || exit 1
        clients pg_ "$db"
        echo "$missed" >"$W/pg.missed"
    ) || echo "bench: the PostgreSQL server for the clients did not start" >&2
    [ -s "$W/pg.missed" ] && missed=$((missed + $(cat "$W/pg.missed")))
    rm -rf "$W/pg-logs" "$W/pg.missed"
}
if [ -n "${BENCH_CLIENTS_DB:-}" ]; then
    clients "" "$BENCH_CLIENTS_DB"
else
    rm -f "$W/clients.sqlite" "$W/clients.sqlite-wal" "$W/clients.sqlite-shm"
    clients "" "$W/clients.sqlite"
    [ "${BENCH_PG:-1}" = 0 ] || pg_clients
fi
if [ "${BENCH_ONLY:-}" = clients ]; then
    echo "targets missed: $missed"
    [ "$missed" -eq 0 ]
    exit
fi

# --- the databases ---------------------------------------------------------
# mkgen NAME WHAT ARGS...: `bench-gen WHAT $W/NAME.sqlite ARGS` unless
# that database is there already (BENCH_DIR); its one assessment is 1.
mkgen() {
    name=$1 what=$2
    shift 2
    [ -s "$W/$name.sqlite" ] && return
    t0=$(now_ms)
    "$BENCH_BIN/bench-gen" "$what" "$W/$name.sqlite" "$@" >/dev/null || die "bench-gen $what failed"
    line "gen_$name" $(( $(now_ms) - t0 )) ms
}
mkgen fresh fresh
mkgen big big 2000 500
for n in 1000 10000 100000; do mkgen "many$n" many "$n"; done
if [ ! -s "$W/example.sqlite" ]; then
    # The worked example is decided (read-only as signed): a new
    # revision makes it a draft to type into.
    "$DPIA" -d "$W/example.sqlite" import "$TOP_SRCDIR/data/examples/streaming-factoids.xml" \
        >/dev/null && "$DPIA" -d "$W/example.sqlite" revise 1 >/dev/null ||
        die "cannot import the worked example"
fi
mkgen hist100k big 50 10 100000

# --- first frame -------------------------------------------------------------
# What dpia runs to draw its first screen (store_open's checks and pragmas,
# then the home screen's count and page: tui/store/store_int.h), run by
# sqlite3 on the same file.
LIST_SQL="PRAGMA trusted_schema = OFF; PRAGMA application_id; PRAGMA user_version;
  SELECT count(*) FROM sqlite_master;
  SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY CASE type WHEN 'trigger' THEN 0
    WHEN 'view' THEN 1 WHEN 'table' THEN 2 ELSE 3 END, name;
  PRAGMA foreign_keys = ON; PRAGMA cache_size = -256; PRAGMA journal_mode = WAL;
  PRAGMA synchronous = FULL;
  SELECT (SELECT count(*) FROM assessments) - CASE WHEN 0 THEN 0 ELSE
    (SELECT count(*) FROM assessments WHERE status = 'archived') END;
  SELECT a.id, a.uuid, a.title, a.status, t.template_id, a.percent, a.highest_level,
    a.highest_name, a.highest_high, a.review_date, a.updated
    FROM assessments a JOIN templates t ON t.id = a.template
    WHERE (0 OR a.status <> 'archived') AND ('' = '' OR instr(lower(a.title), lower('')) > 0)
    ORDER BY a.updated DESC, a.id DESC LIMIT 26 OFFSET 0;"
# The floors of the processes themselves: dpia drawing an empty database
# (every library loaded, the terminal set up), sqlite3 answering SELECT 1.
rm -f "$W/empty.sqlite"*
out=$(run -p "$DPIA" --first-frame -d "$W/empty.sqlite" --vs sqlite3 "$W/many1000.sqlite" "SELECT 1")
dpia0=$(echo "$out" | sed -n 1p) sql0=$(echo "$out" | sed -n 2p)
cpu_line first_frame_empty_db_cpu "$dpia0"
cpu_line sqlite3_select_1_cpu "$sql0"
line first_frame_empty_db_peak_rss "$(f "$dpia0" 5)" kB
for n in 1000 10000 100000; do
    out=$(run -p "$DPIA" --first-frame -d "$W/many$n.sqlite" --vs sqlite3 "$W/many$n.sqlite" "$LIST_SQL")
    d=$(echo "$out" | sed -n 1p) q=$(echo "$out" | sed -n 2p)
    k=$((n / 1000))k
    if [ "$n" = 100000 ]; then
        cpu_line "first_frame_${k}_cpu" "$d" "<" 20
    else
        cpu_line "first_frame_${k}_cpu" "$d"
    fi
    cpu_line "sqlite3_same_queries_${k}_cpu" "$q"
    if [ "$n" = 1000 ]; then
        line "first_frame_over_sqlite3_$k" "$(ratio "$(f "$d" 2)" "$(f "$q" 2)")" x
    else
        line "first_frame_over_sqlite3_$k" "$(ratio "$(f "$d" 2)" "$(f "$q" 2)")" x - - "<=" 1.2
    fi
    # The listing's own work: each less its process floor.
    line "first_frame_${k}_less_empty_db" "$(minus "$(f "$d" 2)" "$(f "$dpia0" 2)")" ms
    line "sqlite3_same_queries_${k}_less_select_1" "$(minus "$(f "$q" 2)" "$(f "$sql0" 2)")" ms
    line "first_frame_${k}_peak_rss" "$(f "$d" 5)" kB
    eval "ff_$k=\$(f \"\$d\" 2) fq_$k=\$(f \"\$q\" 2)"
done

# --- typing ------------------------------------------------------------------
# bench-type: KEYS keys typed one at a time into the first answer of the
# assessment through the real screen on a pseudo-terminal, autosave
# included, less a run that types nothing, per key; interleaved pairs.
typing() { "$BENCH_BIN/bench-type" -n "$PAIRS" -k "$KEYS" -r "$RATE" "$@" || die "bench-type $* failed"; }
# The floor: bench-echo, a curses program that only shows the keys.
out=$(typing -x "$W/fresh.sqlite" "$W/work.sqlite" "$BENCH_BIN/bench-echo")
line keystroke_floor_curses_us "$(f "$out" 2)" us "$(f "$out" 1)" "$(f "$out" 3)"
line keystroke_floor_curses_us_while_typing "$(f "$out" 8)" us
for which in fresh example big; do
    out=$(typing "$W/$which.sqlite" "$W/work.sqlite" "$DPIA")
    case $which in
    example) line keystroke_example_us "$(f "$out" 2)" us "$(f "$out" 1)" "$(f "$out" 3)" "<" 50 ;;
    big) line keystroke_big_us "$(f "$out" 2)" us "$(f "$out" 1)" "$(f "$out" 3)" "<" 80 ;;
    *) line "keystroke_${which}_us" "$(f "$out" 2)" us "$(f "$out" 1)" "$(f "$out" 3)" ;;
    esac
    # The cross-check: CPU between the first key and the last, per key.
    line "keystroke_${which}_us_while_typing" "$(f "$out" 8)" us
    line "keystroke_${which}_saves_per_run" "$(f "$out" 6)" n
    line "interface_${which}_open_and_quit_cpu" "$(f "$out" 4)" ms
    if [ "$which" = big ]; then
        line interface_big_peak_rss "$(f "$out" 7)" kB - - "<" 16384
    else
        line "interface_${which}_peak_rss" "$(f "$out" 7)" kB
    fi
done

# --- saving ------------------------------------------------------------------
cp "$W/big.sqlite" "$W/save.sqlite" && rm -f "$W/save.sqlite-wal" "$W/save.sqlite-shm"
out=$("$BENCH_BIN/bench-save" "$W/save.sqlite" 1 scr.project 100) || die "bench-save failed"
line save_big_us "$(f "$out" 2)" us "$(f "$out" 1)" "$(f "$out" 3)" "<" 1000

# --- exports -------------------------------------------------------------------
for which in example big; do
    "$DPIA" -d "$W/$which.sqlite" export 1 --format xml > "$W/$which.xml" || die "export failed"
    out=$(run "$DPIA" -d "$W/$which.sqlite" export 1 --format html \
        --vs xsltproc "$TOP_SRCDIR/templates/report.xsl" "$W/$which.xml")
    h=$(echo "$out" | sed -n 1p) x=$(echo "$out" | sed -n 2p)
    if [ "$which" = big ]; then
        cpu_line export_html_big_cpu "$h" "<" 200
    else
        cpu_line export_html_example_cpu "$h"
    fi
    cpu_line "xsltproc_$which" "$x"
    line "export_html_${which}_over_xsltproc" "$(ratio "$(f "$h" 2)" "$(f "$x" 2)")" x
    line "export_html_${which}_peak_rss" "$(f "$h" 5)" kB
    out=$(run "$DPIA" -d "$W/$which.sqlite" export 1 --format xml)
    cpu_line "export_xml_${which}_cpu" "$out"
    line "export_xml_${which}_peak_rss" "$(f "$out" 5)" kB
done

# The assessment of 100,000 changes: show reads none of them, the record
# all. Its floors: SQLite reading those rows, SHA-256 of the record.
out=$(run "$DPIA" -d "$W/hist100k.sqlite" show 1)
cpu_line show_history_100k_cpu "$out" "<" 100
out=$(run "$DPIA" -d "$W/hist100k.sqlite" export 1 --format xml \
    --vs sqlite3 "$W/hist100k.sqlite" "SELECT id, at, who, what, old_value, new_value FROM history
        WHERE assessment = 1 AND id >= 0 ORDER BY id")
x=$(echo "$out" | sed -n 1p) q=$(echo "$out" | sed -n 2p)
cpu_line export_xml_history_100k_cpu "$x" "<" 100
line export_xml_history_100k_peak_rss "$(f "$x" 5)" kB
cpu_line sqlite3_history_100k_rows_cpu "$q"
"$DPIA" -d "$W/hist100k.sqlite" export 1 --format xml > "$W/hist100k.xml"
line export_xml_history_100k_bytes "$(wc -c < "$W/hist100k.xml")" B
line sha256_of_that_record_cpu "$("$BENCH_BIN/bench-gen" sha "$W/hist100k.xml")" ms

# --- import ----------------------------------------------------------------------
# Time per answer, from 500 to 20,000 answers: flat within 2x.
lo= hi=
for n in 500 2000 8000 20000; do
    mkgen "imp$n" big "$n" 10
    [ -s "$W/imp$n.xml" ] || "$DPIA" -d "$W/imp$n.sqlite" export 1 --format xml > "$W/imp$n.xml"
    rm -f "$W/into.sqlite"*
    out=$(run "$DPIA" -d "$W/into.sqlite" import "$W/imp$n.xml")
    p=$(per "$(f "$out" 2)" "$n")
    line "import_${n}_answers_cpu" "$(f "$out" 2)" ms "$(f "$out" 1)" "$(f "$out" 3)"
    line "import_${n}_answers_us_per_answer" "$p" us
    lo=$(awk -v a="$p" -v b="${lo:-$p}" 'BEGIN { print (a < b ? a : b) }')
    hi=$(awk -v a="$p" -v b="${hi:-$p}" 'BEGIN { print (a > b ? a : b) }')
done
line import_per_answer_max_over_min "$(ratio "$hi" "$lo")" x - - "<=" 2

# --- scaling ---------------------------------------------------------------------
# Each figure at three sizes of one dimension, the others small, and how
# much it grows from one size to the next.
if [ "$SCALE" != 0 ]; then
    mkgen ans100 big 100 10
    mkgen ans2k big 2000 10
    mkgen ans20k big 20000 10
    mkgen hist100 big 50 10 100
    mkgen hist10k big 50 10 10000
    mkgen risk10 big 100 10
    mkgen risk500 big 100 500
    mkgen risk5k big 100 5000
    growth() { awk -v a="$1" -v b="$2" 'BEGIN { printf "x%.1f", (a > 0 ? b / a : 0) }'; }
    echo "scaling: figure at each size, and its growth from the size before"
    printf '  %-10s %-28s %10s %10s %10s  %s\n' axis figure small medium large growth
    # The assessments: the first frame, and sqlite3 on the same queries.
    printf '  %-10s %-28s %10s %10s %10s  %s %s\n' "1k/10k/100k" "first frame (ms)" \
        "$ff_1k" "$ff_10k" "$ff_100k" "$(growth "$ff_1k" "$ff_10k")" "$(growth "$ff_10k" "$ff_100k")"
    printf '  %-10s %-28s %10s %10s %10s  %s %s\n' "" "sqlite3, same queries (ms)" \
        "$fq_1k" "$fq_10k" "$fq_100k" "$(growth "$fq_1k" "$fq_10k")" "$(growth "$fq_10k" "$fq_100k")"
    for axis in "ans100 ans2k ans20k answers:100/2k/20k" "hist100 hist10k hist100k history:100/10k/100k" \
                "risk10 risk500 risk5k risks:10/500/5k"; do
        set -- $axis
        label=$4
        key= keyin= save= show= xml=
        for db in $1 $2 $3; do
            t=$("$BENCH_BIN/bench-type" -n 1 -k "$KEYS" -r "$RATE" "$W/$db.sqlite" \
                "$W/work.sqlite" "$DPIA") || die "bench-type failed"
            key="$key $(f "$t" 2)" keyin="$keyin $(f "$t" 8)"
            cp "$W/$db.sqlite" "$W/save.sqlite"
            rm -f "$W/save.sqlite-wal" "$W/save.sqlite-shm"
            save="$save $("$BENCH_BIN/bench-save" "$W/save.sqlite" 1 scr.project 50 | cut -d' ' -f2)"
            show="$show $(run "$DPIA" -d "$W/$db.sqlite" show 1 | cut -d' ' -f2)"
            xml="$xml $(run "$DPIA" -d "$W/$db.sqlite" export 1 --format xml | cut -d' ' -f2)"
        done
        for fig in "key, wait4 difference (us)|$key" "key, while typing (us)|$keyin" \
                   "save (us)|$save" "dpia show (ms)|$show" "XML export (ms)|$xml"; do
            name=${fig%%|*} vals=${fig#*|}
            set -- $vals
            printf '  %-10s %-28s %10s %10s %10s  %s %s\n' "$label" "$name" "$1" "$2" "$3" \
                "$(growth "$1" "$2")" "$(growth "$2" "$3")"
            label=
        done
    done
fi

echo "targets missed: $missed"
[ "$missed" -eq 0 ]
