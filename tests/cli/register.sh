#!/bin/sh
# The register across assessments and what is due: dpia register lists
# sixty assessments with their overdue reviews and measures, owners and
# the person responsible, sorted and filtered, as text, HTML (escaped,
# dated by SOURCE_DATE_EPOCH, the same bytes twice) and CSV (formulas
# neutralised), written through the export's safe path; dpia due exits
# 1 and lists what is overdue, 0 when nothing is, and --within widens
# what it lists.
. "$TOP_SRCDIR/tests/lib.sh"

command -v date >/dev/null 2>&1 && date -d 2027-01-31 +%F >/dev/null 2>&1 ||
    skip "GNU date is needed to work out dates relative to today"

DB=$(test_db dpia.sqlite)
d() { "$DPIA" -d "$DB" "$@"; }
ago() { date -d "-$1 days" +%F; }
ahead() { date -d "+$1 days" +%F; }

i=1
while [ "$i" -le 60 ]; do
    if [ "$i" -eq 3 ]; then
        d new --title 'Payroll <script>alert(1)</script>' >/dev/null
    else
        d new --title "Processing $i" >/dev/null
    fi
    i=$((i + 1))
done
run 0 d list
checks=$((checks + 1))
[ "$(grep -c '^[0-9]' "$T/out")" -eq 60 ] && pass "sixty assessments" ||
    fail "$(grep -c '^[0-9]' "$T/out") assessments, not sixty"

# Overdue: the review of 10 (40 days ago) and of 20 (5 days ago), M1 of
# 3 (20 days ago) and M1 of 30 (in progress, 2 days ago); not the done
# measure of 40, nor the review of 50 and M2 of 3 still to come.
run 0 d review 10 "$(ago 40)"
run 0 d review 20 "$(ago 5)"
run 0 d review 50 "$(ahead 20)"
run 0 d measure add 3 --title "Encrypt the exports" --owner "Bob <b@example.org>" --due "$(ago 20)"
run 0 d measure add 3 --title "Train the staff" --owner "Eve" --due "$(ahead 10)"
run 0 d measure add 30 --title "Pseudonymise" --owner "=Carol" --due "$(ago 2)" --status in-progress
run 0 d measure add 40 --title "Old and done" --owner "Dave" --due "$(ago 90)" --status done
run 0 d signoff 10 --role dpo --name "Dana Officer" --advice "Proceed"
run 0 d contacts 20 --controller "ACME SA"
run 0 d status 7 review
run 0 d archive 60

run 0 d register
contains "$T/out" "owners: Bob <b@example.org>; Eve" "the owners of the open measures"
contains "$T/out" "Dana Officer" "the DPO who signed is responsible"
contains "$T/out" "ACME SA" "else the controller organisation"
contains "$T/out" "$(ago 40) !" "an overdue review is marked"
lacks "$T/out" "$(ahead 20) !" "a review still to come is not marked"
contains "$T/out" "2 measures overdue:" "two measures overdue"
contains "$T/out" "Encrypt the exports (Payroll" "the overdue list names the assessment"
contains "$T/out" "Pseudonymise (Processing 30)" "an overdue measure in progress"
lacks "$T/out" "Old and done" "a done measure is not overdue"
lacks "$T/out" "Processing 60" "the archived assessment is left out"
checks=$((checks + 1))
[ "$(sed '/^! overdue/q' "$T/out" | grep -c '^[0-9]')" -eq 59 ] && pass "59 rows" ||
    fail "$(sed '/^! overdue/q' "$T/out" | grep -c '^[0-9]') rows"

# Sorted: by default the most pressing first (10's review 40 days ago,
# then 3's measure 20 days ago); by title; filtered by status.
run 0 d register --format tsv
checks=$((checks + 1))
[ "$(sed -n '2p;3p' "$T/out" | cut -f1 | tr '\n' ' ')" = "10 3 " ] &&
    pass "the most pressing first" || fail "order: $(sed -n '2,4p' "$T/out" | cut -f1 | tr '\n' ' ')"
run 0 d register --format tsv --sort title
checks=$((checks + 1))
[ "$(sed -n '2p' "$T/out" | cut -f1)" = 3 ] && [ "$(sed -n '3p' "$T/out" | cut -f14)" = "Processing 1" ] &&
    pass "by title" || fail "by title: $(sed -n '2,3p' "$T/out" | cut -f1,14 | tr '\n' ' ')"
run 0 d register --format tsv --status review
checks=$((checks + 1))
[ "$(sed 1d "$T/out" | cut -f1)" = 7 ] && pass "--status review keeps 7 alone" ||
    fail "--status review: $(sed 1d "$T/out" | cut -f1 | tr '\n' ' ')"
run 0 d register --format tsv --all
contains "$T/out" "Processing 60" "--all brings the archived one back"
run 0 d register --format tsv --overdue
checks=$((checks + 1))
[ "$(sed 1d "$T/out" | cut -f1,3 | tr '\t\n' ': ')" = "3:M1 30:M1 " ] &&
    pass "the overdue measures, the earliest first" || fail "overdue: $(cat "$T/out")"
run 0 d register --format json
contains "$T/out" '"responsible_as": "dpo"' "JSON says whose name is the responsible"

# HTML: one page, everything escaped, dated by SOURCE_DATE_EPOCH and the
# same bytes each time.
epoch=$(date -d "$(ahead 1) 12:00" +%s)
run 0 env SOURCE_DATE_EPOCH="$epoch" "$DPIA" -d "$DB" register --format html -o "$T/reg.html"
contains "$T/reg.html" "<title>Register of data protection impact assessments</title>"
contains "$T/reg.html" "as of $(date -u -d "@$epoch" +%F)" "dated by SOURCE_DATE_EPOCH"
contains "$T/reg.html" "Payroll &lt;script&gt;alert(1)&lt;/script&gt;" "the title escaped"
lacks "$T/reg.html" "<script" "no script element"
contains "$T/reg.html" "Bob &lt;b@example.org&gt;" "the owner escaped"
contains "$T/reg.html" "Dana Officer (DPO)"
lacks "$T/reg.html" "src=" "nothing loaded from elsewhere"
lacks "$T/reg.html" "href" "no link"
run 0 env SOURCE_DATE_EPOCH="$epoch" "$DPIA" -d "$DB" register --format html -o "$T/reg2.html"
same "$T/reg.html" "$T/reg2.html" "the same page twice"

# The file path of dpia export: no overwrite without --force, no link.
run 1 d register --format html -o "$T/reg.html"
contains "$T/err" "exists"
ln -s "$T/reg.html" "$T/link.html"
run 1 d register --format html -o "$T/link.html" --force
contains "$T/err" "symbolic link"
if on_sqlite; then
    run 1 d register -o "$DB" --force
    contains "$T/err" "is the database"
fi

# CSV: RFC 4180 lines, the formula of an owner neutralised.
run 0 d register --format csv -o "$T/reg.csv"
checks=$((checks + 1))
[ "$(grep -c "$(printf '\r')\$" "$T/reg.csv")" -eq 60 ] && pass "CSV: 60 lines ending in CRLF" ||
    fail "CSV: $(grep -c "$(printf '\r')\$" "$T/reg.csv") lines end in CRLF"
contains "$T/reg.csv" '"Bob <b@example.org>; Eve"'
run 0 d register --format csv --overdue
contains "$T/out" "\"'=Carol\"" "a formula in a CSV cell made text"
lacks "$T/out" ",=Carol" "no formula left"

# dpia due: 1 and the overdue ones; --within widens to what is due soon.
run 1 d due --within 0
contains "$T/out" "overdue  $(ago 40)  10" "the overdue review"
contains "$T/out" "M1      Bob <b@example.org>  Encrypt the exports" "the overdue measure and owner"
contains "$T/out" "overdue  $(ago 2)" "the measure in progress"
lacks "$T/out" "Train the staff" "not what is due in ten days"
run 1 d due --within 15
contains "$T/out" "due      $(ahead 10)" "due in ten days, with --within 15"
lacks "$T/out" "$(ahead 20)" "not what is due in twenty"
run 1 d due
contains "$T/out" "$(ahead 20)" "within 30 days by default"

# Nothing overdue: 0, what is due soon still listed.
DB2=$(test_db two.sqlite)
run 0 "$DPIA" -d "$DB2" new --title "Tidy"
run 0 "$DPIA" -d "$DB2" measure add 1 --title "Soon" --owner "Ann" --due "$(ahead 3)"
run 0 "$DPIA" -d "$DB2" due
contains "$T/out" "due      $(ahead 3)" "due soon, exit 0"
run 0 "$DPIA" -d "$DB2" due --within 1
contains "$T/out" "Nothing is due within 1 day."
run 0 "$DPIA" -d "$DB2" register
contains "$T/out" "No measure is overdue."

# Usage errors.
run 2 d due --within soon
run 2 d due 3
run 2 d register --format pdf
run 2 d register --sort size
run 2 d register --status finished
run 2 d register --overdue
done_testing
