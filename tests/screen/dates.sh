#!/bin/sh
# Dates typed in the interface as people write them: in the answer to a
# date question, the review date's dialog and the due date of a
# measure's form, 2027-03-31, 31/03/2027 and 31.03.2027 are stored as the same
# ISO date (read back with the command line), a date from today (+2w,
# +6m) as the day it names; an impossible date is refused with the forms
# accepted.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

command -v date >/dev/null 2>&1 && date -d 2027-01-31 +%F >/dev/null 2>&1 ||
    skip "GNU date is needed to work out the expected relative dates"

DB=$T/db.sqlite
d() { "$DPIA" -d "$DB" "$@"; }
d import "$TOP_SRCDIR/data/examples/streaming-factoids.xml" >/dev/null || fail "import"
# A new revision of the approved example: editable again.
d revise 1 >/dev/null || fail "revise"

# stored WHAT TEXT: the JSON summary of assessment 1 holds TEXT.
stored() {
    d show 1 --format json >"$T/json" 2>&1
    contains "$T/json" "$2" "$1"
}

# to_section NAME: Page Down until the section's name heads the page.
to_section() {
    n=0
    while ! tmux_screen | grep -qF -- "│ $1" && [ "$n" -lt 10 ]; do
        tmux_keys ']'
        sleep 0.1
        n=$((n + 1))
    done
}

tmux_start 100 30 -d "$DB"
tmux_wait "Viewing factoids"
tmux_keys Enter
tmux_wait "question 1 of"

# The answer to a date question, in its dialog.
to_section "Description of the processing"
n=0
while ! tmux_screen | grep -qF "When is the processing planned to start?" && [ "$n" -lt 30 ]; do
    tmux_keys Down
    sleep 0.1
    n=$((n + 1))
done
# set_answer TEXT: types TEXT as the answer to the question shown.
set_answer() {
    tmux_keys Enter
    tmux_wait "As 2027-03-31, 31/03/2027, 31.03.2027"
    tmux_wait "(empty clears it)"
    tmux_keys C-u
    [ -n "$1" ] && tmux_type "$1"
    tmux_keys Enter
    tmux_wait_gone "(empty clears it)"
}
for given in 01/02/2027 01.02.2027 2027-02-01; do
    set_answer ""
    tmux_wait "(no date: Enter to set one)"
    set_answer "$given"
    tmux_wait "2027-02-01" && pass "answer '$given' shown as 2027-02-01"
    d history 1 >"$T/hist"
    tail -1 "$T/hist" >"$T/last"
    grep -q "Answer desc.start: 2027-02-01\$" "$T/last" &&
        pass "answer '$given' stored as 2027-02-01" ||
        fail "answer '$given' stored otherwise: $(cat "$T/last")"
done
set_answer "+2w"
want=$(date -d "+14 days" +%F)
tmux_wait "$want" && pass "answer +2w shown as $want"
d history 1 | tail -1 >"$T/last"
contains "$T/last" "Answer desc.start: 2027-02-01 → $want" "answer +2w stored as $want"

# The review date, on the sign-off page, at 80x24: the dialog's prompt
# fits whole.
tmux_resize 80 24
to_section "Sign-off and outcome"
tmux_keys End
tmux_wait "Sign-off of revision 2"
# set_review TEXT: types TEXT in the review date's dialog (the row is
# selected anew: the list of what is missing above it changes).
set_review() {
    tmux_select "Review date:"
    tmux_keys Enter
    tmux_wait "When the DPIA will be reviewed"
    tmux_wait "31/03/2027, 2027-03-31 or +1y:"
    tmux_keys C-u
    [ -n "$1" ] && tmux_type "$1"
    tmux_keys Enter
}
for given in 31/03/2027 31.03.2027 2027-03-31; do
    set_review ""
    tmux_wait "Review date: (not set)"
    stored "review date cleared" '"review_date": ""'
    set_review "$given"
    tmux_wait "Review date: 2027-03-31" && pass "review date '$given' shown as 2027-03-31"
    stored "review date '$given' stored as 2027-03-31" '"review_date": "2027-03-31"'
done
set_review "+6m"
# Six months from today, the day clamped to the end of a shorter month.
y=$(date +%Y) m=$(date +%m) dd=$(date +%d)
total=$((y * 12 + ${m#0} - 1 + 6))
first=$(printf '%04d-%02d-01' $((total / 12)) $((total % 12 + 1)))
last=$(date -d "$first +1 month -1 day" +%d)
[ "${dd#0}" -gt "${last#0}" ] && dd=$last
want=$(printf '%s-%02d' "${first%-01}" "${dd#0}")
tmux_wait "Review date: $want" && pass "review date +6m shown as $want"
stored "review date +6m stored as $want" "\"review_date\": \"$want\""
set_review "31/04/2027"
tmux_wait "Not a date" && pass "31/04/2027 refused"
tmux_wait "'31/04/2027' is not a day of the calendar"
tmux_wait "DD/MM/YYYY" && pass "the refusal names the forms accepted"
tmux_keys Enter
tmux_wait "When the DPIA will be reviewed"
tmux_keys Escape
tmux_wait_gone "When the DPIA will be reviewed"
tmux_wait "Review date: $want" && pass "a refused date changes nothing"

# A measure's due date, in its form.
tmux_keys '['
tmux_wait "Measures and action plan"
tmux_select "M1 "
# set_due TEXT: types TEXT as the due date of the selected measure.
set_due() {
    tmux_keys Enter
    tmux_wait "Due date"
    tmux_keys Tab Tab Tab Tab C-u
    [ -n "$1" ] && tmux_type "$1"
    tmux_keys Escape
}
for given in 15/01/2027 15.01.2027 2027-01-15; do
    set_due ""
    tmux_wait_gone "Due date"
    d show 1 --format json >"$T/json"
    grep -q '"number": 1, .*"due": ""' "$T/json" && pass "due date of M1 cleared" ||
        fail "due date of M1 not cleared: $(grep '"number": 1,' "$T/json")"
    set_due "$given"
    tmux_wait_gone "Due date"
    d show 1 --format json >"$T/json"
    grep -q '"number": 1, .*"due": "2027-01-15"' "$T/json" &&
        pass "due date '$given' stored as 2027-01-15" ||
        fail "due date '$given' not stored as 2027-01-15: $(grep '"number": 1,' "$T/json")"
done
set_due "31/06/2027"
tmux_wait "Cannot close yet" && pass "a form with 31/06/2027 does not close"
tmux_wait "'31/06/2027' is not a day of the calendar"
tmux_keys Enter
tmux_keys F8
tmux_wait "Discard"
tmux_keys y
tmux_wait_gone "Due date"

tmux_keys q
tmux_wait_exit >/dev/null
done_testing
