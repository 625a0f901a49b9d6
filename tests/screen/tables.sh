#!/bin/sh
# Table answers at the keyboard, at 80x24: Enter on a table question
# opens the editor of its rows; rows added through a form (a yes/no
# picked, references ticked among the cited table's rows with their
# first cells), listed with their references and cells cut to their
# columns inside the box (wide characters too, and when the terminal is
# too small nothing is drawn but the message); a row changed; a row that
# another row cites is not deleted and the refusal names the citer; a row
# deleted; the record then holds exactly what was typed. A change made
# in another session meanwhile is put to the person as for any answer.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

mkdir "$T/tpl"
cp "$TOP_SRCDIR/tests/fixtures/templates/tables.xml" "$T/tpl/tables.xml"
DB=$T/db.sqlite
DPIA_TEMPLATE_PATH="$T/tpl" "$DPIA" -d "$DB" new --title "Table test" --template tables \
    >/dev/null || fail "new with the tables template"

# Every row of the box ends with its right border: nothing drawn past it.
inside_box() {
    checks=$((checks + 1))
    tmux_screen >"$T/box"
    bad=$(sed -n '3,22p' "$T/box" | grep -v '│$' || true)
    if [ -n "$bad" ]; then
        fail "$1: a row runs past the box"
        sed 's/^/  | /' "$T/box"
    else
        pass "$1"
    fi
}

DPIA_ENV="DPIA_TEMPLATE_PATH='$T/tpl'" tmux_start 80 24 -d "$DB"
tmux_wait "Table test"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_keys g 3
tmux_wait "Which personal data are processed?"
tmux_wait "(no rows: Enter to edit the table)" && pass "an empty table says how to fill it"
tmux_keys Enter
tmux_wait "No rows yet: a adds one." && pass "Enter opens the editor of the rows"
tmux_wait "Enter open  D delete  a add  Esc back" && pass "the status bar lists its keys"

# D1, with a yes/no picked and a retention.
tmux_keys a
tmux_wait "New row D1"
tmux_type "Viewing history"
tmux_keys Tab
tmux_wait "< (empty) >"
tmux_keys Right
tmux_wait "< Yes >" && pass "a yes/no cell is picked in the form"
tmux_keys Tab
tmux_type "2 years"
tmux_keys Escape
tmux_wait "Row D1 added." && pass "a row added"

# D2: long, with wide characters, cut to its column inside the box.
tmux_keys a
tmux_wait "New row D2"
tmux_type "E-mail address 電子郵件地址 kept with the newsletter preferences of each account"
tmux_keys Escape
tmux_wait "Row D2 added."
tmux_screen >"$T/rows"
checks=$((checks + 2))
if grep -q '│ D1 *Viewing history *Yes *2 years *│' "$T/rows"; then
    pass "D1 listed with its cells in columns"
else
    fail "no row D1 with its cells"; sed 's/^/  | /' "$T/rows"
fi
if grep -q '│ D2 *E-mail address 電子.*… ' "$T/rows"; then
    pass "D2 listed, its long cell cut with an ellipsis"
else
    fail "no row D2 cut with an ellipsis"; sed 's/^/  | /' "$T/rows"
fi
inside_box "long cells and wide characters stay inside the box"
# The selected row is shown whole under the table.
tmux_wait "preferences of each account" && pass "the selected row whole, wrapped, under the table"

# Too small: the message alone; back to 80x24: the editor again.
tmux_resize 60 20
tmux_wait "Terminal too small" && pass "a terminal too small says so"
tmux_wait_gone "Viewing history" && pass "nothing of the table drawn in a terminal too small"
tmux_resize 80 24
tmux_wait "Viewing history" && pass "the editor comes back at 80x24"

# D1 changed through Enter.
tmux_keys Up Enter
tmux_wait "Row D1"
tmux_keys Tab Tab End C-u
tmux_type "3 years"
tmux_keys Escape
tmux_wait "Row D1 saved." && pass "Enter changes the selected row"
tmux_wait "3 years"

# A purpose citing D1, ticked among the data items with their first cells.
tmux_keys Escape
tmux_wait "question 1 of 2"
tmux_wait "D1   Viewing history" && pass "the question shows its rows"
tmux_keys Down
tmux_wait "For which purposes?"
tmux_keys Enter a
tmux_wait "New row P1"
tmux_type "Recommendations"
tmux_keys Tab
tmux_wait "< (empty) >"
tmux_keys Right
tmux_wait "< Consent >"
tmux_keys Tab
tmux_wait "[ ] D1  [ ] D2"
tmux_wait "D1 Viewing history" && pass "the rows to cite listed with their first cells"
tmux_keys Space
tmux_wait "[x] D1"
tmux_keys Escape
tmux_wait "Row P1 added."
tmux_wait "P1   Recommendations  Consent       D1" && pass "P1 cites D1"
tmux_wait "P1 Data items: D1 Viewing history" && pass "the row cited spelt out with its first cell"

# D1 is cited: not deleted, the refusal names P1; D2 is deleted.
tmux_keys Escape
tmux_wait "question 2 of 2"
tmux_keys Up Enter
tmux_wait "Which personal data are processed?"
tmux_keys D
tmux_wait "Delete row D1"
tmux_keys y
tmux_wait "Not deleted"
tmux_wait "D1 is cited by P1" && pass "deleting a cited row is refused, naming the citer"
tmux_keys Enter
tmux_wait_gone "Not deleted"
tmux_wait "D1   Viewing history" && pass "the cited row stays"
tmux_keys Down D
tmux_wait "Delete row D2"
tmux_keys y
tmux_wait "Row D2 deleted." && pass "a row not cited is deleted"
tmux_wait_gone "E-mail address"
tmux_keys Escape
tmux_wait "question 1 of 2"
tmux_keys q
tmux_wait_exit >/dev/null

# dpia table lists exactly what was typed, and nothing of D2.
same_as() {
    checks=$((checks + 1))
    if printf '%b' "$2" | cmp -s - "$1"; then
        pass "$3"
    else
        fail "$3: got"
        sed 's/^/  | /' "$1"
    fi
}
"$DPIA" -d "$DB" table 1 data-items >"$T/items" || fail "dpia table data-items"
same_as "$T/items" 'ref\titem\tspecial\tretention\nD1\tViewing history\tyes\t3 years\n' \
    "dpia table: the data items exactly as typed"
"$DPIA" -d "$DB" table 1 purposes >"$T/purposes" || fail "dpia table purposes"
same_as "$T/purposes" 'ref\tpurpose\tbasis\titems\nP1\tRecommendations\tconsent\tD1\n' \
    "dpia table: the purpose exactly as typed, citing D1"
# The record holds the same, and nothing of D2.
"$DPIA" -d "$DB" export 1 --format xml >"$T/record.xml" || fail "export"
contains "$T/record.xml" "$(printf '<value>1\tViewing history\tyes\t3 years</value>')" \
    "the data items as typed"
contains "$T/record.xml" "$(printf '<value>1\tRecommendations\tconsent\tD1</value>')" \
    "the purpose as typed, citing D1"
grep '<value>' "$T/record.xml" >"$T/values"
lacks "$T/values" "E-mail" "no answer holds the deleted row"

# The table changed in another session while the editor is open: the
# answers' question, kept theirs (nothing claimed added), then mine.
DPIA_ENV="DPIA_TEMPLATE_PATH='$T/tpl'" tmux_start 80 24 -d "$DB"
tmux_wait "Table test"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_keys g 3
tmux_wait "Which personal data are processed?"
tmux_keys Enter
tmux_wait "D1   Viewing history"
"$DPIA" -d "$DB" answer 1 data-items "$(printf '1\tViewing history\tyes\t3 years\n2\tCookies\t\t')" \
    || fail "answer from another session"
tmux_keys a
tmux_wait "New row D2"
tmux_type "Location"
tmux_keys Escape
tmux_wait "Changed elsewhere" && pass "a conflict is put to the person"
tmux_keys n
tmux_wait "Kept the other session's answer." && pass "the other session's table kept"
tmux_wait "D2   Cookies" && pass "the editor shows the other session's row"
tmux_screen >"$T/theirs"
lacks "$T/theirs" "Row D2 added" "no row claimed added when theirs was kept"
"$DPIA" -d "$DB" answer 1 data-items \
    "$(printf '1\tViewing history\tyes\t3 years\n2\tCookies\t\t\n3\tDevice id\t\t')" \
    || fail "answer from another session"
tmux_keys a
tmux_wait "New row D3"
tmux_type "Location"
tmux_keys Escape
tmux_wait "Changed elsewhere"
tmux_keys y
tmux_wait "Row D3 added." && pass "mine replaces theirs when the person says so"
tmux_keys Escape q
tmux_wait_exit >/dev/null
"$DPIA" -d "$DB" export 1 --format xml >"$T/record.xml" || fail "export"
awk '/<value>/ { v = 1 } v { print } /<\/value>/ { v = 0 }' "$T/record.xml" >"$T/values"
contains "$T/values" "$(printf '3\tLocation\t\t</value>')" "the row typed, saved on a conflict"
lacks "$T/values" "Device id" "the other session's version replaced"
done_testing
