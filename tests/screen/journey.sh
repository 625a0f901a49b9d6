#!/bin/sh
# A DPO's first session at the keyboard: an empty database says what to
# do; a new assessment is created (method, title), questions of every
# type are answered with UTF-8 text, the program is left and reopened,
# and the answers are there, on screen and in the database.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DB=$T/db.sqlite
tmux_start 110 34 -d "$DB"
tmux_wait "No assessments yet" && pass "empty database says what to do"
tmux_wait "n to start a new assessment"

# New: the method (CNIL default), then the title.
tmux_keys n
tmux_wait "EDPB DPIA template, consultation version 1.0 (edpb-2026, built-in)"
tmux_keys Enter
tmux_wait "Risk method"
tmux_keys Enter
tmux_wait "Title (the processing"
tmux_type "Café factoids — 日本"
tmux_keys Enter
tmux_wait "Describe the" || tmux_wait "question 1 of"
tmux_wait "Screening" && pass "the assessment opens on the screening section"

# A text answer with accents and CJK, typed into the editor.
tmux_keys Enter
tmux_type "Tweets about subscribers' viewing: naïve “factoids”, 映画."
# Saved while still in the field, within a second or so of idling.
tmux_wait "saved " && pass "autosave while the field is open"
tmux_keys Escape
tmux_wait "映画" && pass "typed UTF-8 text is shown"

# Yes/no answers by key.
tmux_keys Down y Down n Down n Down y Down y
tmux_wait "question 6 of"
tmux_keys Up
tmux_wait "(*) Yes" && pass "yes is marked"

# A choice question: the lawful basis, in the necessity section (3).
tmux_keys g
tmux_wait "Go to section"
tmux_keys 3
tmux_wait "question 1 of"
tmux_keys Down
tmux_wait "lawful basis"
tmux_keys Enter Down Down Down Down Down Enter
tmux_wait "(*) Legitimate interests" && pass "choice saved"
# The legitimate-interest test now appears.
tmux_keys Down Down
tmux_wait "Legitimate interests" 

# A list: the recipients (description section, 2).
tmux_keys g 2
tmux_wait "question 1 of"
tmux_keys Down Down Down Down Down
tmux_wait "recipients"
tmux_keys Enter a
tmux_wait "Add an entry"
tmux_type "Équipe réseaux sociaux"
tmux_keys Enter a
tmux_type "Legal, compliance"
tmux_keys Enter Escape
tmux_wait " 2. Legal, compliance" && pass "list entries shown in order"
tmux_wait " 1. Équipe réseaux sociaux" && pass "accented text drawn in place"

# A date that does not exist is refused, a real one kept.
tmux_keys ']' Up
tmux_wait "(no date: Enter to set one)"
tmux_keys Enter
tmux_wait "Date"
tmux_keys C-u
tmux_type "2027-02-30"
tmux_keys Enter
tmux_wait "Not a date" && pass "an impossible date is refused"
tmux_keys Enter C-u
tmux_type "2027-03-31"
tmux_keys Enter
tmux_wait "2027-03-31" && pass "a real date is kept"

tmux_keys L
tmux_wait "Assessments"
tmux_wait "Café factoids"
tmux_keys q
status=$(tmux_wait_exit)
checks=$((checks + 1))
[ "$status" = 0 ] && pass "q exits 0" || fail "exit status '$status'"

# The database holds exactly what was typed.
"$DPIA" -d "$DB" history 1 --format tsv >"$T/hist" 2>&1
contains "$T/hist" "Tweets about subscribers' viewing: naïve “factoids”, 映画."
contains "$T/hist" "Équipe réseaux sociaux"
contains "$T/hist" "legitimate-interests"
contains "$T/hist" "2027-03-31"
lacks "$T/hist" "2027-02-30"

# Reopen: the list shows it; the answers are on screen.
tmux_kill
tmux_start 110 34 -d "$DB"
tmux_wait "Café factoids — 日本" && pass "the list shows the new assessment"
tmux_keys Enter
tmux_wait "映画" && pass "the answer is there after reopening"
tmux_keys q
tmux_wait_exit >/dev/null
done_testing
