#!/bin/sh
# The register screen at 80x24: r on the list opens it; every
# assessment with its status, decision, risk, review date (a passed one
# marked "!"), open and overdue measures and the person responsible; s
# goes through the orders, f shows one status at a time, o the measures
# overdue across assessments with their owners; Enter opens the
# selected assessment and L comes back; e writes the register as HTML
# and CSV into the export folder; q goes back to the list (it does not
# leave dpia there). In French, the headers are French.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

command -v date >/dev/null 2>&1 && date -d 2027-01-31 +%F >/dev/null 2>&1 ||
    skip "GNU date is needed to work out dates relative to today"
ago() { date -d "-$1 days" +%F; }
ahead() { date -d "+$1 days" +%F; }

DB=$T/db.sqlite
d() { "$DPIA" -d "$DB" "$@" >/dev/null || fail "$*"; }
d new --title "Alpha CRM"
d review 1 "$(ago 30)"
d measure add 1 --title "Encrypt the backups" --owner "Bob Owner" --due "$(ago 10)"
d new --title "Bravo payroll"
d review 2 "$(ahead 60)"
d measure add 2 --title "Train the staff" --owner "Eve Trainer" --due "$(ago 3)"
d measure add 2 --title "Later measure" --owner "Zed" --due "$(ahead 90)"
d signoff 2 --role dpo --name "Dana Officer" --advice "Proceed"
d new --title "Charlie cameras"
d status 3 review
d new --title "Delta newsletter"
d review 4 "$(ahead 10)"

# order: the titles' first words as the screen lists them, top down.
order() {
    tmux_screen | sed -n 3,6p | grep -oE "^ (Alpha|Bravo|Charlie|Delta) " | tr -d ' ' |
        tr '\n' ' '
}
is_order() {
    checks=$((checks + 1))
    got=$(order)
    [ "$got" = "$1" ] && pass "$2" || fail "$2: the order is '$got', not '$1'"
}

tmux_start 80 24 -d "$DB"
tmux_wait "Alpha CRM"
tmux_keys r
tmux_wait "Register of assessments" && pass "r opens the register"
tmux_wait "sorted by next date due"
tmux_wait "Responsible" && pass "the headers fit at 80 columns"
tmux_wait "$(ago 30)!" && pass "the passed review date is marked"
tmux_wait "1/1!" && pass "an overdue measure is counted and marked"
tmux_wait "2/1!" && pass "open and overdue measures of the other"
tmux_wait "Dana Officer" && pass "the DPO who signed is responsible"
tmux_wait "! overdue" && pass "the legend of the mark"
checks=$((checks + 1))
tmux_screen | grep -F "$(ahead 10)" | grep -qF "$(ahead 10)!" &&
    fail "a review still to come is marked" || pass "a review still to come is not marked"
# Every header on one line in its order, and each row whole on its own.
checks=$((checks + 1))
tmux_screen | grep -qE "^ Title .*Status .*Decision .*Risk .*Review .*Measures .*Responsible" &&
    pass "the headers in their columns" || fail "the headers are not in one line"
checks=$((checks + 1))
tmux_screen | grep -qE "^ Alpha CRM +Draft +- +- +$(ago 30)! +1/1! +- *$" &&
    pass "a row whole on its line" || fail "the row of Alpha CRM is not whole"
is_order "Alpha Bravo Delta Charlie " "by the next date due, none last"
tmux_wait "Alpha CRM · owners of open measures: Bob Owner" &&
    pass "the selected assessment in full under the list"
tmux_keys Down
tmux_wait "Bravo payroll · responsible: Dana Officer · owners of open measures: Eve" &&
    pass "the person responsible and the owners of the open measures"
checks=$((checks + 1))
tmux_screen | grep -qE "owners of open measures: Eve Tra.*…$" &&
    pass "the line too long for 80 columns is cut with an ellipsis" || fail "the detail line is not cut"

tmux_keys s
tmux_wait "sorted by title" && pass "s changes the order"
is_order "Alpha Bravo Charlie Delta " "by title"

# f: one status at a time (Draft, then In review), then all again.
tmux_keys f
tmux_wait "status: Draft"
tmux_wait_gone "Charlie cameras" && pass "the assessment in review is not a draft"
tmux_keys f
tmux_wait "status: In review"
tmux_wait "Charlie cameras"
tmux_wait_gone "Alpha CRM" && pass "only the assessment in review"
n=0
while ! tmux_screen | grep -qF "status: all" && [ "$n" -lt 10 ]; do
    tmux_keys f
    sleep 0.2
    n=$((n + 1))
done
tmux_wait "status: all" && tmux_wait "Alpha CRM" && pass "f comes round to every status"

# o: the measures overdue across assessments.
tmux_keys o
tmux_wait "of 2 measures overdue"
tmux_wait "Encrypt the backups" && pass "the overdue measure of one assessment"
tmux_wait "Train the staff" && pass "and of the other"
tmux_wait "Eve Trainer" && pass "with its owner"
tmux_wait "$(ago 10)!" && pass "and its due date marked"
tmux_wait_gone "Later measure" && pass "a measure still to come is not listed"
tmux_keys o
tmux_wait "sorted by title"

# Enter opens the selected assessment; L comes back to the register.
tmux_select "Delta newsl"
tmux_keys Enter
tmux_wait_gone "Register of assessments"
tmux_wait "Delta newsletter" && pass "Enter opens the assessment"
tmux_keys L
tmux_wait "Register of assessments" && pass "L comes back to the register"

# e: the register as HTML, then CSV, into the export folder (here the
# current folder of the program).
today=$(date +%F)
tmux_keys e
tmux_wait "Export the register"
tmux_keys Enter
tmux_wait "File to write"
tmux_keys Enter
tmux_wait "Written: $T/dpia-register-$today.html" && pass "the HTML export is said"
checks=$((checks + 1))
[ -s "$T/dpia-register-$today.html" ] && grep -qF "Dana Officer" "$T/dpia-register-$today.html" &&
    pass "the HTML register is written" || fail "no HTML register in $T"
tmux_keys e
tmux_wait "Export the register"
tmux_keys Down Enter
tmux_wait "File to write"
tmux_keys Enter
tmux_wait "Written: $T/dpia-register-$today.csv" && pass "the CSV export is said"
checks=$((checks + 1))
grep -qF "Bravo payroll" "$T/dpia-register-$today.csv" 2>/dev/null &&
    pass "the CSV register is written" || fail "no CSV register in $T"

# Too small a terminal gets the usual message, and the register again
# once it is big enough.
tmux_resize 60 20
tmux_wait "Terminal too small" && pass "60x20: too small"
tmux_resize 80 24
tmux_wait "Register of assessments" && pass "back at 80x24"

# q (and Esc) go back to the list, not out of dpia.
tmux_keys q
tmux_wait "sorted by last change" && pass "q goes back to the list"
tmux_keys r
tmux_wait "Register of assessments"
tmux_keys Escape
tmux_wait "sorted by last change" && pass "Esc goes back to the list"
tmux_keys q
tmux_wait_exit >/dev/null

# In French at 80x24, the headers are French.
if [ "${USE_NLS:-yes}" = yes ] &&
    locale -a 2>/dev/null | grep -qix "fr_fr.utf8"; then
    DPIA_ENV="LANG=fr_FR.UTF-8 LC_ALL=fr_FR.UTF-8"
    tmux_start 80 24 -d "$DB"
    tmux_wait "Alpha CRM"
    tmux_keys r
    tmux_wait "Registre des analyses" && pass "the register's title in French"
    tmux_wait "Responsable" && pass "the headers in French"
    tmux_wait "Décision"
    tmux_wait "triées par prochaine échéance" && pass "the line under the list in French"
    ago30=$(ago 30 | awk -F- '{ print $3 "/" $2 "/" $1 }')
    tmux_wait "$ago30!" && pass "the dates in the French way"
    checks=$((checks + 1))
    tmux_screen | grep -qE "^ Titre .*Décision .*Responsa" &&
        pass "the French headers in their columns" || fail "the French headers are not in one line"
    tmux_keys q
    tmux_wait "Alpha CRM"
    tmux_keys q
    tmux_wait_exit >/dev/null
    DPIA_ENV=
else
    printf '# the fr_FR.UTF-8 locale is missing: the French part is left out\n'
fi
done_testing
