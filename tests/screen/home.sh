#!/bin/sh
# The list of assessments with more rows than the screen: moving past
# the last visible row, sorting, filtering by title, archiving and
# showing the archived, duplicating and deleting (with a confirmation).
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DB=$T/db.sqlite
i=1
while [ "$i" -le 60 ]; do
    "$DPIA" -d "$DB" new --title "$(printf 'Assessment %02d' "$i")" >/dev/null || fail "new $i"
    i=$((i + 1))
done

tmux_start 100 30 -d "$DB"
tmux_wait "1 of 60" && pass "60 assessments, the first selected"
# Sorted by last change: the newest first.
tmux_screen | sed -n 3p >"$T/first"
contains "$T/first" "Assessment 60" "newest on top"

# Past the bottom of the screen: the list scrolls.
n=0
while [ "$n" -lt 40 ]; do tmux_keys Down; n=$((n + 1)); done
tmux_wait "41 of 60" && pass "moved to row 41"
tmux_wait "Assessment 20" && pass "row 41 (Assessment 20) is on screen"
lacks_screen() { tmux_screen >"$T/scr"; lacks "$T/scr" "$1" "$2"; }
lacks_screen "Assessment 60" "the top rows scrolled away"

# Sort by title: Assessment 01 first.
tmux_keys s
tmux_wait "sorted by title"
tmux_screen | sed -n 3p >"$T/first"
contains "$T/first" "Assessment 01" "title order"

# Filter: only the titles holding "5".
tmux_keys /
tmux_wait "Show assessments whose title contains"
tmux_type "5"
tmux_keys Enter
tmux_wait "filter: 5"
tmux_wait "1 of 15 " && pass "fifteen titles hold a 5 (05, 15, 25, 35, 45, 50-59)"
tmux_screen >"$T/scr"
lacks "$T/scr" "Assessment 01" "filtered out"
contains "$T/scr" "Assessment 55"

# Archive the selected one (Assessment 05), then show archived.
tmux_keys a
tmux_wait "Archived (A shows archived)"
tmux_screen >"$T/scr"
lacks "$T/scr" "Assessment 05" "archived one hidden"
tmux_keys A
tmux_wait "(with archived)"
tmux_wait "Assessment 05" && pass "shown again with A"

# Duplicate and delete.
tmux_keys /
tmux_wait "Show assessments"
tmux_keys C-u Enter
tmux_wait "of 60"
tmux_keys c
tmux_wait "Duplicated" && pass "duplicated"
tmux_wait "of 61"
tmux_keys D
tmux_wait "cannot be undone"
tmux_keys n
tmux_wait "of 61" && pass "n keeps it"
tmux_keys D
tmux_wait "cannot be undone"
tmux_keys y
tmux_wait "Deleted." && pass "deleted after y"
tmux_wait "of 60"
tmux_keys q
tmux_wait_exit >/dev/null
"$DPIA" -d "$DB" list --all --format tsv >"$T/list"
checks=$((checks + 1))
[ "$(tail -n +2 "$T/list" | wc -l)" -eq 60 ] && pass "60 left in the database" || fail "$(wc -l <"$T/list") lines"
done_testing
