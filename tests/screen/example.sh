#!/bin/sh
# The worked example at the keyboard: an empty database offers it, x
# loads it, the screening says a DPIA is required because of criteria 1,
# 4 and 5, the approved assessment is read-only until a new revision is
# opened, and the report is exported from the interface (with a
# confirmation before a file is replaced).
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DB=$T/db.sqlite
tmux_start 120 40 -d "$DB"
tmux_wait "x to load the worked example" && pass "empty database offers the example"
tmux_keys x
tmux_wait "Viewing factoids" && pass "the example opens"
tmux_wait "DPIA required"

# The screening outcome page (the last item of the screening section).
tmux_keys End
tmux_wait "Screening outcome"
tmux_wait "(1, 4, 5)" && pass "criteria 1, 4 and 5 fired"
tmux_wait "WP248 criteria met:"

# Decided: read-only until a new revision.
tmux_keys Home Enter
tmux_wait ": read-only as signed. Press R to open a new revision." &&
    pass "approved assessment is read-only"
tmux_wait "Question (read-only)" && pass "its answer opens to be read"
tmux_keys Escape
tmux_wait_gone "Question (read-only)"

# The register, the last page of the risks section.
tmux_keys g 5 End
tmux_wait "Risk register"
tmux_wait "Before L/S"
tmux_wait "R1 " && pass "risks listed"

# Export the HTML report from the interface.
tmux_keys e
tmux_wait "Export"
tmux_keys Enter
tmux_wait "Report options" && pass "a report asks what it includes"
tmux_wait "Condensed change log, without the template's guidance"
tmux_keys Enter
tmux_wait "Export to"
tmux_wait "dpia-viewing-factoids" && pass "default file name from the title"
tmux_keys Enter
tmux_wait "Written: $(cd "$T" && pwd -P)/dpia-viewing-factoids" && pass "report written"
f=$(ls "$T"/dpia-viewing-factoids-*.html 2>/dev/null | head -1)
checks=$((checks + 1))
[ -n "$f" ] && pass "file in the current folder: $(basename "$f")" || fail "no exported file in $T"
if [ -n "$f" ]; then
    contains "$f" "Viewing factoids: social media campaign"
    contains "$f" "Approve with conditions"
    cp "$f" "$T/first.html"
    # Again: the file exists, so it asks; n keeps the file.
    echo "marker" >>"$f"
    tmux_keys e Enter
    tmux_wait "Report options"
    tmux_keys Enter
    tmux_wait "Export to"
    tmux_keys Enter
    tmux_wait "exists. Replace it?" && pass "asks before replacing"
    tmux_keys n
    contains "$f" "marker" "the file was left alone after n"
    tmux_keys e Enter
    tmux_wait "Report options"
    tmux_keys Enter
    tmux_wait "Export to"
    tmux_keys Enter
    tmux_wait "exists. Replace it?"
    tmux_keys y
    tmux_wait "Written:"
    lacks "$f" "marker" "replaced after y"
fi

# A new revision makes it editable again.
tmux_keys g 1
tmux_wait "question 1 of"
tmux_keys R
tmux_wait "Open revision 2?"
tmux_keys y
tmux_wait "Revision 2 opened: a draft, with no sign-offs yet." && pass "new revision opened"
tmux_keys L
tmux_wait "Assessments"
tmux_wait "Draft" && pass "listed as a draft again"
tmux_keys q
tmux_wait_exit >/dev/null
"$DPIA" -d "$DB" history 1 --format tsv >"$T/hist"
contains "$T/hist" "approved-with-conditions" "the approval stays in the history"
done_testing
