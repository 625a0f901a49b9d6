#!/bin/sh
# The catalogue at the keyboard: C on the risk register offers the
# catalogue's threats, and the one chosen fills a new risk's form (its
# title, type, sources and description), saved like any risk; C on the
# action plan asks for which risk, offers the measures of that risk's
# type, and the one chosen fills a new measure's form, linked to the
# risk. What is saved is a copy: the record has the text, not a link.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

export XDG_DATA_HOME=$T/data
DB=$T/db.sqlite
"$DPIA" -d "$DB" new --title "Catalogue test" >/dev/null
# The first threat of illegitimate access and a measure for it, as the
# catalogue lists them.
threat=$("$DPIA" catalogue --threats --type illegitimate-access | awk 'NR == 2 { print $1 }')
ttitle=$("$DPIA" catalogue show "$threat" | head -1 | sed 's/^[^:]*: //')
mtitle=$("$DPIA" catalogue --measures --type illegitimate-access | awk 'NR == 2 { print $1 }' |
    xargs "$DPIA" catalogue show | head -1 | sed 's/^[^:]*: //')
[ -n "$ttitle" ] && [ -n "$mtitle" ] || fail "no threat or measure of illegitimate access"
short() { printf %s "$1" | cut -c1-30; }

tmux_start 130 40 -d "$DB"
tmux_wait "Catalogue test"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_keys g 5
tmux_wait "question 1 of 4"
tmux_keys End
tmux_wait "Risk register"
tmux_keys C
tmux_wait "A risk from the catalogue's threats" && pass "C offers the threats"
tmux_wait "$(short "$ttitle")"
# The details of the highlighted threat are shown under the list.
tmux_wait "Risk types:" && pass "the threat's details shown"
# Down to the threat looked for (the list is in the catalogue's order),
# seen highlighted before it is taken.
idx=$("$DPIA" catalogue --threats | awk -v id="$threat" 'NR > 1 && $1 == id { print NR - 2 }')
i=0
while [ "$i" -lt "$idx" ]; do tmux_keys Down; i=$((i + 1)); done
tmux_wait "> $(short "$ttitle")"
tmux_keys Enter
tmux_wait "New risk from the catalogue" && pass "the risk's form opens"
tmux_wait "< Illegitimate access >" && pass "the type filled in"
tmux_keys Escape
tmux_wait "Risk R1 added." && pass "the risk saved"

"$DPIA" -d "$DB" export 1 --format csv-risks -o "$T/risks.csv"
contains "$T/risks.csv" "$ttitle" "the risk has the threat's title"
contains "$T/risks.csv" "Illegitimate access" "the risk has the threat's type"

# The action plan: for R1, the measures of its type.
tmux_keys ']'
tmux_wait "Measures and action plan"
tmux_keys C
tmux_wait "for which risk?" && pass "C asks for which risk"
tmux_wait "R1 $(short "$ttitle")"
tmux_wait "Any risk: the whole catalogue"
tmux_keys Enter
tmux_wait "A measure from the catalogue"
# The first measure of R1's type comes first.
tmux_wait "> $(short "$mtitle")" && pass "the measures of R1's type offered"
tmux_keys Enter
tmux_wait "New measure from the catalogue" && pass "the measure's form opens"
tmux_keys Escape
tmux_wait "M1" && pass "the measure saved"

"$DPIA" -d "$DB" export 1 --format csv-measures -o "$T/measures.csv"
contains "$T/measures.csv" "$mtitle" "the measure has the catalogue's title"
contains "$T/measures.csv" "R1" "the measure addresses R1"

tmux_keys q
tmux_wait_exit >/dev/null
done_testing
