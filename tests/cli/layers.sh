#!/bin/sh
# The layers of doc/HACKING.md, kept: every #include of a .c or .h file
# under tui/ goes down the arrows (main -> ui, cli -> ops -> report,
# store -> core -> util, io/ between core/ and the layers above it), and
# the system headers stay in their layer (curses in ui/ alone, SQLite
# and libpq in store/ alone), and a folder's internal header (*_int.h)
# in its folder. One line per include that crosses a layer the wrong way.
#
# By hand, on any tui/ folder (a copy, a branch's tree):
#     sh tests/cli/layers.sh --check tui
# prints the violations and exits 1 when there are any.
#
# Under make check: first a small tree of its own with planted faults
# (the checker must find each of them and nothing else), then the real
# tree, which must have none.

# Each folder of tui/ and the folders it may include ("main" is
# tui/main.c, which may include anything). Keep in step with the table
# in doc/HACKING.md.
LAYERS='
util    util
core    core util
io      io core util
store   store core util
report  report io core util
ops     ops store report io core util
cli     cli ops store report io core util
ui      ui ops store report io core util
main    *
'

# check_layers DIR: DIR is a tui/ folder. Files under DIR/gen/ are made
# by the build (tools/embed) and are not checked.
check_layers() {
    root=${1%/}
    if [ ! -d "$root" ]; then
        echo "$root: no such folder" >&2
        return 2
    fi
    find "$root" -type f \( -name '*.c' -o -name '*.h' \) ! -path "$root/gen/*" |
        LC_ALL=C sort |
        LAYERS=$LAYERS LC_ALL=C awk -v root="$root" '
        function no(what, why) {
            print name ":" line ": " who " may not include " what " (" why ")"
            bad++
        }
        BEGIN {
            n = split(ENVIRON["LAYERS"], rows, "\n")
            for (i = 1; i <= n; i++) {
                k = split(rows[i], w, " ")
                if (k < 2)
                    continue
                may[w[1]] = " "
                said[w[1]] = ""
                for (j = 2; j <= k; j++) {
                    may[w[1]] = may[w[1]] w[j] " "
                    said[w[1]] = said[w[1]] (j > 2 ? ", " : "") w[j] "/"
                }
            }
            curses = "^(n?cursesw?\\.h|ncursesw?/.*|term\\.h|term_entry\\.h|termcap\\.h|" \
                     "unctrl\\.h|panel\\.h|menu\\.h|form\\.h)$"
            database = "^(sqlite3\\.h|sqlite3ext\\.h|libpq-fe\\.h|libpq/.*|postgresql/.*)$"
            top = root
            sub(/.*\//, "", top)
            bad = 0
        }
        {
            file = $0
            rel = substr(file, length(root) + 2)
            name = top "/" rel
            layer = split(rel, parts, "/") == 1 ? "main" : parts[1]
            if (!(layer in may)) {
                print name ": " layer "/ is not a layer (add it to doc/HACKING.md " \
                      "and to the table of tests/cli/layers.sh)"
                bad++
                next
            }
            who = layer == "main" ? "main.c" : layer "/"
            line = 0
            while ((getline text < file) > 0) {
                line++
                if (text !~ /^[ \t]*#[ \t]*include[ \t]*[<"]/)
                    continue
                sub(/^[ \t]*#[ \t]*include[ \t]*/, "", text)
                inc = substr(text, 2)
                if (substr(text, 1, 1) == "<") {
                    sub(/>.*/, "", inc)
                    if (inc ~ curses && layer != "ui")
                        no("<" inc ">", "curses belongs to ui/ alone")
                    else if (inc ~ database && layer != "store")
                        no("<" inc ">", "the database belongs to store/ alone")
                    continue
                }
                sub(/".*/, "", inc)
                dir = inc
                sub(/\/.*/, "", dir)
                if (inc == "config.h")
                    continue
                else if (inc !~ /\// || inc ~ /^\.\.?\//)
                    no("\"" inc "\"", "an include names its folder: \"util/err.h\"")
                else if (inc ~ /_int\.h$/ && dir != layer)
                    no("\"" inc "\"", "it is for " dir "/ alone")
                else if (may[layer] != " * " && !index(may[layer], " " dir " "))
                    no("\"" inc "\"", who " includes only " said[layer])
            }
            close(file)
        }
        END { exit (bad > 0) }'
}

if [ "${1:-}" = --check ]; then
    check_layers "${2:-tui}"
    exit $?
fi

. "$TOP_SRCDIR/tests/lib.sh"

# --- the checker finds what it must ---------------------------------------
F=$T/fake/tui
# plant FILE LINE...: a file of the fake tree.
plant() {
    mkdir -p "$(dirname "$F/$1")"
    f=$1
    shift
    printf '%s\n' "$@" >"$F/$f"
}
# Allowed where they are: none of these may be reported.
plant util/ok.c '#include "config.h"' '#include "util/buf.h"' '#include <string.h>'
plant core/ok.h '#include "core/assess.h"' '#include "util/err.h"' '#include <libxml/tree.h>'
plant io/ok.c '#include "io/io.h"' '#include "core/tmpl.h"' '#include "util/sink.h"'
plant store/ok.c '#include "store/store_int.h"' '#include "core/logic.h"' '#include <sqlite3.h>'
plant report/ok.c '#include "report/report.h"' '#include "io/io.h"' \
    '#include <libxslt/transform.h>'
plant ops/ok.c '#include "ops/ops.h"' '#include "store/store.h"' '#include "report/report.h"' \
    '#include "io/io.h"'
plant cli/ok.c '#include "cli/cli.h"' '#include "ops/ops.h"' '#include "store/store.h"'
plant ui/ok.c '#include "ui/app.h"' '#include "ops/ops.h"' '#include <curses.h>' '#include <term.h>'
plant main.c '#include "cli/cli.h"' '#include "ui/ui.h"' '#include "util/err.h"'
plant gen/resources.c '#include "ui/app.h"'
# Each of these is wrong once.
plant core/x.c '#include "config.h"' '#include "core/assess.h"' '#include "util/err.h"' \
    '#include "ui/app.h"' '#include <string.h>' '#include <ncurses.h>' '  #  include <sqlite3.h>' \
    '#include "../ui/app.h"' '#include "tmpl.h"'
plant util/x.h '#include "util/err.h"' '#include "core/assess.h"'
plant io/x.c '#include "store/store.h"'
plant store/x.c '#include "io/io.h"' '#include "report/report.h"' '#include <ncursesw/curses.h>'
plant report/x.c '#include "store/store.h"' '#include <sqlite3.h>'
plant ops/x.c '#include "ui/app.h"' '#include "cli/commands.h"' '#include <curses.h>'
plant cli/x.c '#include "ui/keys.h"' '#include <term.h>' '#include "report/report_int.h"'
plant ui/x.c '#include "cli/cli.h"' '#include <libpq-fe.h>'
plant extra/x.c '#include "util/err.h"'
cat >"$T/expected" <<'EOF'
tui/cli/x.c:1: cli/ may not include "ui/keys.h" (cli/ includes only cli/, ops/, store/, report/, io/, core/, util/)
tui/cli/x.c:2: cli/ may not include <term.h> (curses belongs to ui/ alone)
tui/cli/x.c:3: cli/ may not include "report/report_int.h" (it is for report/ alone)
tui/core/x.c:4: core/ may not include "ui/app.h" (core/ includes only core/, util/)
tui/core/x.c:6: core/ may not include <ncurses.h> (curses belongs to ui/ alone)
tui/core/x.c:7: core/ may not include <sqlite3.h> (the database belongs to store/ alone)
tui/core/x.c:8: core/ may not include "../ui/app.h" (an include names its folder: "util/err.h")
tui/core/x.c:9: core/ may not include "tmpl.h" (an include names its folder: "util/err.h")
tui/extra/x.c: extra/ is not a layer (add it to doc/HACKING.md and to the table of tests/cli/layers.sh)
tui/io/x.c:1: io/ may not include "store/store.h" (io/ includes only io/, core/, util/)
tui/ops/x.c:1: ops/ may not include "ui/app.h" (ops/ includes only ops/, store/, report/, io/, core/, util/)
tui/ops/x.c:2: ops/ may not include "cli/commands.h" (ops/ includes only ops/, store/, report/, io/, core/, util/)
tui/ops/x.c:3: ops/ may not include <curses.h> (curses belongs to ui/ alone)
tui/report/x.c:1: report/ may not include "store/store.h" (report/ includes only report/, io/, core/, util/)
tui/report/x.c:2: report/ may not include <sqlite3.h> (the database belongs to store/ alone)
tui/store/x.c:1: store/ may not include "io/io.h" (store/ includes only store/, core/, util/)
tui/store/x.c:2: store/ may not include "report/report.h" (store/ includes only store/, core/, util/)
tui/store/x.c:3: store/ may not include <ncursesw/curses.h> (curses belongs to ui/ alone)
tui/ui/x.c:1: ui/ may not include "cli/cli.h" (ui/ includes only ui/, ops/, store/, report/, io/, core/, util/)
tui/ui/x.c:2: ui/ may not include <libpq-fe.h> (the database belongs to store/ alone)
tui/util/x.h:2: util/ may not include "core/assess.h" (util/ includes only util/)
EOF
run 1 check_layers "$F" && pass "the checker fails on a tree with faults"
same "$T/out" "$T/expected" "the checker reports each planted fault, and nothing else"

rm -r "$F/core/x.c" "$F/util/x.h" "$F/io/x.c" "$F/store/x.c" "$F/report/x.c" "$F/ops/x.c" \
    "$F/cli/x.c" "$F/ui/x.c" "$F/extra"
run 0 check_layers "$F" && pass "the checker passes the same tree without them"

# --- the real tree --------------------------------------------------------
checks=$((checks + 1))
if check_layers "$TOP_SRCDIR/tui" >"$T/real" 2>&1; then
    pass "every #include in tui/ follows the layers"
else
    fail "includes that cross a layer the wrong way (see doc/HACKING.md):"
    sed 's/^/  /' "$T/real"
fi
checks=$((checks + 1))
n=$(find "$TOP_SRCDIR/tui" -type f \( -name '*.c' -o -name '*.h' \) \
    ! -path "$TOP_SRCDIR/tui/gen/*" | wc -l)
if [ "$n" -ge 50 ]; then
    pass "$n files checked"
else
    fail "only $n .c and .h files found under tui/"
fi

# --- the workflow layer ---------------------------------------------------
# No screen or command writes through the store itself: every change
# goes through ops/, which asks the workflow rules first (doc/HACKING.md,
# "The workflow layer").
checks=$((checks + 1))
grep -n -E '(^|[^A-Za-z0-9_])store_(create|set_|add_|update_|delete|insert)[A-Za-z0-9_]*[[:space:]]*\(' \
    "$TOP_SRCDIR"/tui/ui/*.[ch] "$TOP_SRCDIR"/tui/cli/*.[ch] "$TOP_SRCDIR/tui/main.c" \
    >"$T/writes"
if [ -s "$T/writes" ]; then
    fail "the interface or the command line writes through the store, not through ops/:"
    sed "s|^$TOP_SRCDIR/||; s/^/  /" "$T/writes"
else
    pass "ui/ and cli/ change nothing but through ops/"
fi

# The table above and the one in doc/HACKING.md name the same folders.
for layer in $(printf '%s\n' "$LAYERS" | awk 'NF && $1 != "main" { print $1 }'); do
    contains "$TOP_SRCDIR/doc/HACKING.md" "| \`$layer/\`" "doc/HACKING.md has $layer/ in its table"
done

done_testing
