#!/bin/sh
# A DPO's first session at the keyboard: an empty database says what to
# do; a new assessment is created (method, title), questions of every
# type are answered with UTF-8 text (tables through the table editor: a
# data item, a purpose citing it on legitimate interests, which opens the
# legitimate-interest tests), the program is left and reopened, and the
# answers are there, on screen and in the database.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DB=$(test_db db.sqlite)
tmux_start 110 34 -d "$DB"
tmux_wait "No assessments yet" && pass "empty database says what to do"
tmux_wait "n to start a new assessment"

# New: the method (CNIL default), then the title.
tmux_keys n
tmux_wait "EDPB DPIA template, consultation version 1.0 (edpb-2026, built-in)"
tmux_keys Enter
tmux_wait "Risk method"
tmux_keys Enter
tmux_wait "Language of the assessment"
# English first, as the interface speaks it; the default template is
# translated, which French says.
tmux_wait "> English (English)" && pass "the language offered first is the interface's"
tmux_keys Down
tmux_wait "The questions, the answers and the reports in French." &&
    pass "French: the template speaks it"
tmux_keys Up
tmux_wait "The questions, the answers and the reports in English."
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

# A choice question: the screening's decision, its last question.
tmux_select "Will a DPIA be carried out?"
tmux_keys Enter Enter
tmux_wait "(*) Yes: a DPIA will be carried out" && pass "choice saved"
# No purpose has legitimate interests as its basis yet: the necessity
# section (3) holds no legitimate-interest test.
tmux_keys g 3
tmux_wait "question 1 of"
tmux_wait "Why does the lawful basis of each purpose apply?"
tmux_screen >"$T/nec"
lacks "$T/nec" "Legitimate interests, purpose test" "no legitimate-interest test without such a basis"

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

# Tables: a data item, then a purpose citing it on legitimate interests,
# each added as a row through the table editor.
tmux_select "Which personal data items are processed?"
tmux_wait "(no rows: Enter to edit the table)"
tmux_keys Enter a
tmux_wait "New row D1"
tmux_type "Historique de visionnage 映画"
tmux_keys Tab Tab Tab
tmux_type "2 ans"
tmux_keys Escape
tmux_wait "Row D1 added." && pass "a table row added through the editor"
tmux_keys Escape
tmux_wait "D1   Historique de visionnage 映画" && pass "the row shown on the question"
tmux_select "List each purpose"
tmux_wait "(no rows: Enter to edit the table)"
tmux_keys Enter a
tmux_wait "New row P1"
tmux_type "Factoïdes sur les réseaux sociaux"
tmux_keys Tab
tmux_wait "[ ] D1"
tmux_keys Space
tmux_wait "[x] D1"
tmux_keys Tab
tmux_wait "< (empty) >"
tmux_keys Right Right Right Right Right Right
tmux_wait "< Legitimate interests of the controller" && pass "the lawful basis picked in the row form"
tmux_keys Escape
tmux_wait "Row P1 added."
tmux_keys Escape
tmux_wait "P1   Factoïdes" && pass "the purpose row shown on the question"
# The legitimate-interest tests now appear in the necessity section.
tmux_keys g 3
tmux_wait "question 1 of"
tmux_wait "Legitimate interests, purpose test" && pass "legitimate interests open the tests"

# A date that does not exist is refused, a real one kept.
tmux_keys g 2
tmux_wait "question 1 of"
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
contains "$T/hist" "carry-out"
# (history writes a table's tabs as \t)
contains "$T/hist" '1\tHistorique de visionnage 映画\t\t\t2 ans' "the data item as typed"
contains "$T/hist" '1\tFactoïdes sur les réseaux sociaux\tD1\tlegitimate-interests' \
    "the purpose as typed, citing D1, on legitimate interests"
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
