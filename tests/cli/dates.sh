#!/bin/sh
# Dates as people write them on the command line: 2027-03-31, 31/03/2027
# and 31.03.2027 are stored as the same ISO date, a date relative to
# today (+30d, +2w, +6m, +1y) as the day it names, in every option that
# takes a date (review, measure add --due, signoff --date, decide --date,
# the answer to a date question); impossible dates are refused with the
# forms accepted, and nothing is stored.
. "$TOP_SRCDIR/tests/lib.sh"

command -v date >/dev/null 2>&1 && date -d 2027-01-31 +%F >/dev/null 2>&1 ||
    skip "GNU date is needed to work out the expected relative dates"

DB=$(test_db dpia.sqlite)
d() { "$DPIA" -d "$DB" "$@"; }

# review_is WANT: the review date of assessment 1 as show prints it.
review_is() {
    run 0 d show 1 --format json
    contains "$T/out" "\"review_date\": \"$1\"" "${2:-review date stored as $1}"
}

run 0 d new --title "Dates"

# The three written forms, one date.
for given in 2027-03-31 31/03/2027 31.03.2027 " 31/3/2027 "; do
    run 0 d review 1 "" && review_is ""
    run 0 d review 1 "$given"
    review_is 2027-03-31 "review '$given' stored as 2027-03-31"
done

# Relative to today (the local date, as dpia counts it), months and years
# ending on the last day of a shorter month.
today=$(date +%F)
plus_months() {
    y=$(date -d "$today" +%Y)
    m=$(date -d "$today" +%m)
    dd=$(date -d "$today" +%d)
    total=$((y * 12 + ${m#0} - 1 + $1))
    ty=$((total / 12))
    tm=$((total % 12 + 1))
    first=$(printf '%04d-%02d-01' "$ty" "$tm")
    last=$(date -d "$first +1 month -1 day" +%d)
    [ "${dd#0}" -gt "${last#0}" ] && dd=$last
    printf '%04d-%02d-%02d\n' "$ty" "$tm" "${dd#0}"
}
run 0 d review 1 +30d
review_is "$(date -d "$today +30 days" +%F)"
run 0 d review 1 +2w
review_is "$(date -d "$today +14 days" +%F)"
run 0 d review 1 +6m
review_is "$(plus_months 6)"
run 0 d review 1 +1y
review_is "$(plus_months 12)"
[ "$(date +%F)" = "$today" ] || skip "the date changed while the test ran"

# Impossible or unknown dates: refused, the forms named, nothing kept.
for bad in 2027-02-30 31/04/2027 29.02.2027 03/31/2027 +6x tomorrow; do
    run 1 d review 1 "$bad"
    contains "$T/err" "'$bad' is not" "review '$bad' refused"
    contains "$T/err" "YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY" "the message for '$bad' names the forms"
done
review_is "$(plus_months 12)" "a refused date leaves the review date as it was"
run 0 d review 1 29/02/2028
review_is 2028-02-29 "a leap day is a date"

# Measures: --due in every form.
run 0 d measure add 1 --title "First" --due 15/01/2027
run 0 d measure add 1 --title "Second" --due 15.01.2027
run 0 d measure add 1 --title "Third" --due 2027-01-15
run 0 d measure add 1 --title "Fourth" --due +2w
run 1 d measure add 1 --title "Fifth" --due 31/06/2027
contains "$T/err" "'31/06/2027' is not a day of the calendar"
run 0 d show 1 --format json
n=$(grep -c '"due": "2027-01-15"' "$T/out")
[ "$n" = 3 ] && pass "three forms of --due stored as 2027-01-15" ||
    fail "$n measures due 2027-01-15, not 3"
contains "$T/out" "\"due\": \"$(date -d "$today +14 days" +%F)\"" "--due +2w stored as a date"
lacks "$T/out" "Fifth" "a measure with an impossible due date is not added"

# A sign-off's date.
run 0 d signoff 1 --role dpo --name "Dana Officer" --advice "Go ahead." --date 02.03.2027
run 0 d show 1
contains "$T/out" "2027-03-02" "signoff --date 02.03.2027 stored as 2027-03-02"
run 1 d signoff 1 --role dpo --name "Dana Officer" --advice "Go ahead." --date 31.11.2027
contains "$T/err" "'31.11.2027' is not a day of the calendar"

# The controller's decision: a bad date is refused before anything else.
run 1 d decide 1 approve --name "Carla Controller" --date 2027-13-01
contains "$T/err" "'2027-13-01' is not a day of the calendar"

# The answer to a date question.
run 0 d answer 1 desc.start 01/02/2027
run 0 d history 1
contains "$T/out" "Answer desc.start: 2027-02-01" "an answer 01/02/2027 stored as 2027-02-01"
run 0 d answer 1 desc.start +1d
run 0 d history 1
contains "$T/out" "Answer desc.start: 2027-02-01 → $(date -d "$today +1 day" +%F)" \
    "an answer +1d stored as tomorrow"
run 1 d answer 1 desc.start 30/02/2027
contains "$T/err" "desc.start: '30/02/2027' is not a day of the calendar"

done_testing
