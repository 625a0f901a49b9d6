#!/bin/sh
# Exports where the user wants them: with export-dir in the settings file
# (~/.config/dpia/config), the export dialog offers a file in that folder
# as a full path, the folder is made, the file lands there and the
# message says the full path; a name typed alone goes into the same
# folder. A line of the settings that dpia cannot use is shown, with the
# file and the line, before the export.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DB=$T/db.sqlite
"$DPIA" -d "$DB" new --title "Minutes" >/dev/null || fail "new"
mkdir -p "$HOME/.config/dpia"
cat >"$HOME/.config/dpia/config" <<'CONF'
# Where the reports go.
export-dir = ~/Reports/dpia/
export_dir = /somewhere/else
CONF
OUT=$HOME/Reports/dpia
day=$(date +%F)

tmux_start 120 30 -d "$DB"
tmux_wait "1 of 1"
tmux_keys e
# The line it cannot use, said with the file and the line, before
# anything is offered.
tmux_wait "Some lines of the settings file are ignored" && pass "settings warnings shown"
tmux_wait "$HOME/.config/dpia/config:3: 'export_dir'" && pass "the bad line named by file and line"
tmux_wait "(known: export-dir, export-format"
tmux_keys Enter
tmux_wait "HTML report"
tmux_keys Enter
tmux_wait "Report options"
tmux_keys Enter
tmux_wait "Export to"
tmux_wait "$OUT/dpia-minutes-$day.html" && pass "the full path in the export folder is offered"
tmux_keys Enter
tmux_wait "Written: $OUT/dpia-minutes-$day.html" && pass "the message says the full path"
checks=$((checks + 1))
[ -s "$OUT/dpia-minutes-$day.html" ] && pass "the report is in the export folder (made for it)" ||
    fail "no report in $OUT: $(ls -la "$OUT" 2>&1)"
contains "$OUT/dpia-minutes-$day.html" "Minutes"
checks=$((checks + 1))
if ls "$T"/dpia-minutes-* >/dev/null 2>&1; then fail "a report in the current folder"; else
    pass "nothing written in the current folder"; fi

# A name alone goes into the export folder too; the XML record this time.
tmux_keys e
tmux_wait "Some lines of the settings file are ignored"
tmux_keys Enter
tmux_wait "HTML report"
tmux_keys Down Enter
tmux_wait "$OUT/dpia-minutes-$day.xml" && pass "a record asks no report options"
tmux_keys C-u
tmux_type "record.xml"
tmux_keys Enter
tmux_wait "Written: $OUT/record.xml" && pass "a name alone written in the export folder"
contains "$OUT/record.xml" "Minutes"

# The settings put right: no warning; "~/" typed is the home folder.
printf 'export-dir = %s/elsewhere\n' "$T" >"$HOME/.config/dpia/config"
tmux_keys e
tmux_wait "HTML report"
tmux_keys Enter
tmux_wait "Report options"
tmux_keys Enter
tmux_wait "Export to"
tmux_screen >"$T/scr"
lacks "$T/scr" "Some lines of the settings file" "no warning once the file is right"
contains "$T/scr" "$T/elsewhere/dpia-minutes-$day.html" "a change of the settings counts at once"
tmux_keys C-u
tmux_type "~/mine.html"
tmux_keys Enter
tmux_wait "Written: $HOME/mine.html" && pass "~/ typed is the home folder"

tmux_keys q
tmux_wait_exit >/dev/null
done_testing
