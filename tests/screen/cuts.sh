#!/bin/sh
# No silent cut: a text the interface cuts to fit ends in an ellipsis,
# and what is cut can be read in full where it is selected. At 80x24: the
# new-assessment dialog's method description read to its end, a long
# lawful basis (a choice in a table's row form, and its cell in the
# table's row), a long list entry and the levels of a risk scale cut with
# "…" and shown whole under the cursor or when chosen. At 120x36: the
# status bar's hints end in "…" when some are left out; an approved
# revision's risk, selected with End, opened and its long description
# read to its last word.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

ELL="…"
DB=$T/db.sqlite

# The screen's lines that end in the ellipsis.
cut_lines() {
    tmux_screen | grep -- "$ELL *\$"
}

# press_until TEXT KEY: presses KEY, waiting for the screen to change
# after each press, until the screen shows TEXT (at most 30 presses).
press_until() {
    checks=$((checks + 1))
    n=0
    while [ "$n" -lt 30 ]; do
        before=$(tmux_screen)
        case "$before" in *"$1"*) return 0 ;; esac
        tmux_keys "$2"
        # Until the screen changes, then until it stays as it is (a
        # slow run draws in pieces).
        i=0
        while [ "$i" -lt "$WAIT_TENTHS" ] && [ "$(tmux_screen)" = "$before" ]; do
            sleep 0.1
            i=$((i + 1))
        done
        now=$(tmux_screen)
        i=0
        while [ "$i" -lt "$WAIT_TENTHS" ]; do
            sleep 0.2
            again=$(tmux_screen)
            [ "$again" = "$now" ] && break
            now=$again
            i=$((i + 1))
        done
        n=$((n + 1))
    done
    fail "never reached '$1'"
    return 1
}

# --- 80x24: the method's description --------------------------------------

tmux_start 80 24 -d "$DB"
tmux_wait "No assessments yet"
# What to do is wrapped, not cut, at 80 columns.
tmux_wait "campaign)." && pass "the empty list's help is wrapped whole"
checks=$((checks + 1))
# (Above the status bar, whose list of keys ends in an ellipsis.)
if tmux_screen | head -n 20 | grep -qF "…"; then
    fail "the empty list's help is cut"
else
    pass "nothing cut on the empty list"
fi
tmux_keys n
tmux_wait "EDPB DPIA template, consultation version 1.0 (edpb-2026, built-in)"
tmux_keys Enter
tmux_wait "Risk method"
tmux_wait "PgDn/PgUp read on" && pass "a description longer than the box says it scrolls"
# The CNIL method's description ends "...supervisory authority (Art. 36)."
checks=$((checks + 1))
if tmux_screen | grep -qF "authority (Art. 36)."; then
    fail "the description's end should not fit at 80x24 without scrolling"
else
    pass "the description's end is below the box at first"
fi
tmux_keys NPage
tmux_wait "authority (Art. 36)." && pass "PgDn reads the method's description to its end"
tmux_keys PPage
tmux_wait "Each risk is a feared event" && pass "PgUp goes back to its start"
tmux_keys Enter
tmux_wait "Language of the assessment"
tmux_keys Enter
tmux_wait "Title (the processing"
tmux_type "Cuts"
tmux_keys Enter
tmux_wait "question 1 of"

# --- a long lawful basis ---------------------------------------------------

# A purpose's lawful basis, a choice in the row form of the purposes'
# table: cut in the form and in the table's row, whole in the selected
# row under the table.
tmux_keys g 2
tmux_wait "question 1 of"
tmux_select "List each purpose with the data items"
tmux_wait "(no rows: Enter to edit the table)"
tmux_keys Enter a
tmux_wait "New row P1"
tmux_type "Billing"
tmux_keys Tab Tab
tmux_wait "< (empty) >"
tmux_keys Right Right
tmux_wait "< Performance of a contract with the person, or $ELL" &&
    pass "a lawful basis too long for its row in the form ends in an ellipsis"
checks=$((checks + 1))
tmux_screen | grep -F "< Performance of a contract" | grep -qF "6(1)(b))" &&
    fail "the cut option's row should not show its end" ||
    pass "the cut option's row does not show its end"
tmux_wait "Lawful basis: Performance of a contract with the person" &&
    pass "the cut option is read whole under the fields"
tmux_wait "6(1)(b))"
tmux_keys Escape
tmux_wait "Row P1 added."
tmux_wait "P1   Billing"
checks=$((checks + 1))
tmux_screen | grep -q "│ P1 *Billing *Performance of a contract $ELL" &&
    pass "the lawful basis cut to its column ends in an ellipsis" ||
    fail "the basis is not cut with an ellipsis: $(tmux_screen | grep -F 'P1   Billing')"
tmux_wait "P1 Lawful basis: Performance of a contract" &&
    pass "the selected row's lawful basis is shown whole"
tmux_wait "6(1)(b))"
tmux_wait "entering into it"
tmux_keys Escape
tmux_wait_gone "6(1)(b))"

# A column's label longer than the form's column of labels: cut there,
# read whole under the fields while its field has the focus.
tmux_keys g 2
tmux_wait "question 1 of"
tmux_select "Which personal data items"
tmux_keys Enter a
tmux_wait "New row D1"
checks=$((checks + 1))
tmux_screen | grep -qF "Special category or offence data" &&
    fail "the long label should be cut while its field has no focus" ||
    pass "the long label is cut while its field has no focus"
tmux_keys Tab
tmux_wait "Special category or offence data" &&
    pass "the long label is read whole while its field has the focus"
tmux_keys Escape
tmux_wait_gone "New row D1"
tmux_keys Escape

# --- a long list entry -----------------------------------------------------

LONG="Regional marketing partners who receive the weekly aggregated extract, each under a contract that forbids any further use, ending with KINGFISHER"
tmux_keys g 2
tmux_wait "question 1 of"
tmux_select "Who will receive or have access"
tmux_wait "(no entries: Enter to edit the list)"
tmux_keys Enter a
tmux_wait "Add an entry"
tmux_type "$LONG"
tmux_keys Enter
tmux_wait "KINGFISHER" && pass "the new entry, under the cursor, is shown whole"
tmux_keys a
tmux_wait "Add an entry"
tmux_type "Legal"
tmux_keys Enter
tmux_wait " 2. Legal"
tmux_keys Escape
tmux_wait_gone "KINGFISHER"
tmux_wait " 1. Regional marketing partners" && pass "the entry is listed"
checks=$((checks + 1))
cut_lines | grep -qF " 1. Regional marketing partners" &&
    pass "a list entry too long for its row ends in an ellipsis" ||
    fail "the long entry is not cut with an ellipsis: $(tmux_screen | grep -F ' 1. ')"
tmux_keys Enter
tmux_wait "KINGFISHER" && pass "the selected entry is shown whole, to its last word"
tmux_keys Escape
tmux_wait_gone "KINGFISHER"

# --- the levels of a scale in the risk form ---------------------------------

tmux_keys g 5 End
tmux_wait "Risk register"
tmux_keys a
tmux_wait "New risk"
press_until "1 Negligible:" Tab
tmux_wait "4 Maximum: Bringing the risk about" && pass "the likelihood levels are listed"
checks=$((checks + 1))
tmux_screen | grep -qF "open to anyone who asks)." &&
    fail "a level's definition should be cut at 80 columns until chosen" ||
    pass "the levels' definitions are cut to a row"
tmux_wait "Bringing the risk about appears extremely easy for the risk $ELL" &&
    pass "a cut definition ends in an ellipsis"
tmux_keys 4
tmux_wait "open to anyone who asks)." && pass "the chosen level's definition is whole"
tmux_keys F8
tmux_wait_gone "New risk"
tmux_wait "Risk register"

# --- 120x36: the status bar ------------------------------------------------

tmux_resize 120 36
tmux_wait "Risk register"
checks=$((checks + 1))
bar=$(tmux_screen | tail -1 | sed -e 's/ *$//' -e 's/  saved [0-9:]*$//')
case "$bar" in
*"  $ELL") pass "the status bar ends in an ellipsis after whole hints" ;;
*"$ELL"*) fail "the status bar is cut inside a hint: '$bar'" ;;
*) [ "$(printf '%s' "$bar" | wc -m)" -lt 118 ] && pass "the status bar's hints fit" ||
       fail "the status bar is cut without a sign: '$bar'" ;;
esac
tmux_keys q
tmux_wait_exit >/dev/null
tmux_kill

# Where the terminal cannot show "…", a cut ends in "...".
DPIA_ENV="LANG=C LC_ALL=C" tmux_start 80 24 -d "$DB"
tmux_wait "Cuts"
tmux_keys Enter
tmux_wait "question 1 of"
checks=$((checks + 1))
bar=$(tmux_screen | tail -1 | sed -e 's/ *$//')
case "$bar" in
*"  ...") pass "without UTF-8 the status bar ends in three dots" ;;
*) fail "without UTF-8 the status bar should end in '...': '$bar'" ;;
esac
tmux_keys q
tmux_wait_exit >/dev/null
tmux_kill

# --- an approved revision's risk, read in full -----------------------------

# The worked example, revised, with a risk whose description is longer
# than the reader's page, approved again.
D2=$T/approved.sqlite
WORDS=$(i=1; while [ $i -le 400 ]; do printf 'word%d ' $i; i=$((i + 1)); done)
DESC="How the risk comes about: $WORDS and the last word is HERONRY."
run 0 "$DPIA" -d "$D2" import "$TOP_SRCDIR/data/examples/streaming-factoids.xml"
run 0 "$DPIA" -d "$D2" revise 1
run 0 "$DPIA" -d "$D2" risk add 1 --title "Extracts kept on laptops" \
    --type illegitimate-access --description "$DESC" \
    --likelihood 2 --severity 2 --likelihood-after 1 --severity-after 1
run 0 "$DPIA" -d "$D2" signoff 1 --role dpo --name "Dana Officer" \
    --advice "Proceed with the measures" --followed yes
run 0 "$DPIA" -d "$D2" review 1 2099-01-01
run 0 "$DPIA" -d "$D2" decide 1 approve-with-conditions --name "Chris Controller" \
    --conditions "Only aggregates are posted" --acknowledge
contains "$T/out" "Approved with conditions"

tmux_start 120 36 -d "$D2"
tmux_wait "Viewing factoids"
# The list cuts the long title; the selected one is whole below it.
tmux_wait "Viewing factoids: social media campaign on subscr$ELL" &&
    pass "a title too long for its column ends in an ellipsis"
tmux_wait "· Viewing factoids: social media campaign on subscribers' viewing habits" &&
    pass "the selected assessment's title is whole below the list"
tmux_keys Enter
tmux_wait "question 1 of"
# The screening outcome: the criteria met, whole where there is room.
tmux_keys End
tmux_wait "Screening outcome"
tmux_wait "1. Does the processing evaluate or score people"
tmux_wait "location?" && pass "the criteria on the outcome page are whole"
tmux_keys g 5 End
tmux_wait "Risk register"
tmux_wait "R7 "
# End: the last risk; Enter opens it to read.
tmux_keys End Enter
tmux_wait "Risk R7 (read-only)" && pass "End selects the last risk; Enter opens it, read-only"
tmux_wait "Read-only: this can be read here but not changed."
tmux_wait "How the risk comes about: word1 word2"
tmux_wait "Down/PgDn read on"
checks=$((checks + 1))
tmux_screen | grep -qF "HERONRY" && fail "the description should be longer than the page" ||
    pass "the description goes on below the page"
tmux_keys NPage
tmux_wait "HERONRY." && pass "the description is read to its last word"
tmux_keys End
tmux_wait "End of the text." && pass "End of the risk's text is said"
tmux_wait "Level after measures: Low" && pass "every field is shown, the last one too"
# Nothing can be typed into it.
tmux_type "xyz"
tmux_keys Escape
tmux_wait_gone "Risk R7 (read-only)"
# The action plan the same way: End, the last measure, read-only.
tmux_keys g 6 End
tmux_wait "Measures and action plan"
tmux_keys End Enter
tmux_wait "Measure M7 (read-only)" && pass "End selects the last measure; Enter opens it to read"
tmux_wait "Risks addressed: R6"
tmux_keys Escape
tmux_wait_gone "Measure M7 (read-only)"
tmux_keys q
tmux_wait_exit >/dev/null
run 0 "$DPIA" -d "$D2" show 1
lacks "$T/out" "xyz" "nothing was changed by reading"
done_testing
