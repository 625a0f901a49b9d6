#!/bin/sh
# The risk and measure forms made from the field tables: the table rows
# a risk concerns, typed with commas and kept as references separated by
# one space; a measure's group picked among those the template declares,
# and no group field when the template declares none; a risk's declared
# type picked among the template's, right after its type (picked with
# the type not said: other; with another type: not saved, and the form
# comes back), and no such field when it declares none; the action plan
# shows a status's whole label.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DB=$T/db.sqlite
mkdir -p "$T/tpl"
cp "$TOP_SRCDIR/tests/fixtures/templates/grouped.xml" "$T/tpl/"
DPIA_TEMPLATE_PATH="$T/tpl" "$DPIA" -d "$DB" new --title "Grouped test" --template grouped >/dev/null
"$DPIA" -d "$DB" risk add 1 --title "Small counts" >/dev/null
for row in "desc.items add item=E-mail" "desc.purposes add purpose=News" \
    "desc.purposes add purpose=Offers"; do
    # shellcheck disable=SC2086 # the words of a row, split on purpose
    DPIA_TEMPLATE_PATH="$T/tpl" "$DPIA" -d "$DB" table 1 $row >/dev/null || fail "table 1 $row"
done

tmux_start 120 40 -d "$DB"
tmux_wait "Grouped test"
tmux_keys Enter
tmux_wait "Screening"
tmux_keys g 3
tmux_wait "Risk register"
tmux_wait "Small counts"

# The risk's form ends with the table rows it concerns.
tmux_keys Enter
tmux_wait "Risk R1"
tmux_wait "Table rows concerned" && pass "the risk form has the table rows concerned"
tmux_keys Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
tmux_type "D1,P2 D1"
tmux_keys Escape
tmux_wait "concerns is now D1 P2" &&
    pass "the rows typed with a comma are kept one space apart"

# The measure form offers the template's groups.
tmux_keys ']'
tmux_wait "Measures and action plan"
tmux_keys a
tmux_wait "New measure"
tmux_wait "Group" && pass "the measure form has a group"
tmux_wait "< None >"
tmux_type "Encrypt the backups"
tmux_keys Tab Tab Tab Tab Tab Tab
tmux_wait "< None >"
tmux_keys Right Right
tmux_wait "< Security of processing >" && pass "a group of the template is picked"
tmux_keys Tab Space Escape
tmux_wait "M1"
tmux_keys q
"$DPIA" -d "$DB" export 1 --format csv-measures >"$T/m.csv"
contains "$T/m.csv" "M1,Encrypt the backups,,Technical,,,Planned,R1,Security of processing"
"$DPIA" -d "$DB" export 1 --format csv-risks >"$T/r.csv"
contains "$T/r.csv" ",D1 P2,$(printf '\r')"

# The risk types a template declares, picked after the type.
DB3=$T/kinds.sqlite
cp "$TOP_SRCDIR/tests/fixtures/templates/kinds.xml" "$T/tpl/"
DPIA_TEMPLATE_PATH="$T/tpl" "$DPIA" -d "$DB3" new --title "Kinds test" --template kinds >/dev/null
tmux_start 120 40 -d "$DB3"
tmux_wait "Kinds test"
tmux_keys Enter
tmux_wait "Screening"
tmux_keys g 3
tmux_wait "Risk register"
tmux_keys a
tmux_wait "New risk"
tmux_wait "Declared type" && pass "the risk form has the declared types"
tmux_type "Hoarding"
tmux_keys Tab
tmux_wait "< Not said >"
tmux_keys Tab Right
tmux_wait "< Excessive collection >" && pass "a declared type is picked"
tmux_keys Escape
tmux_wait "Risk R1 added" && pass "a risk of a declared type saved with its type not said"
# With another built-in type: not saved, the form comes back.
tmux_keys a
tmux_wait "New risk"
tmux_type "Resale"
tmux_keys Tab Right Right Right
tmux_wait "< Disappearance >"
tmux_keys Tab Right Right
tmux_wait "< Unexpected use >"
tmux_keys Escape
tmux_wait "Not saved"
tmux_wait "('unexpected-use')" && pass "a declared type with another built-in type is refused"
tmux_keys Space
tmux_wait "< Disappearance >"
tmux_keys Tab Right
tmux_wait "< Other harm >"
tmux_keys Escape
tmux_wait "Risk R2 added" && pass "saved once the type is other"
tmux_keys q
"$DPIA" -d "$DB3" export 1 --format csv-risks >"$T/k.csv"
contains "$T/k.csv" "R1,Hoarding,"
contains "$T/k.csv" ",Excessive collection,,Excessive collection$(printf '\r')" \
    "the declared type's name as the type, the declared type in the last column"
contains "$T/k.csv" ",Unexpected use,,Unexpected use$(printf '\r')"
"$DPIA" -d "$DB3" export 1 --format xml -o "$T/k.xml" >/dev/null
contains "$T/k.xml" 'type="other" type-label="Excessive collection"' "the risk is of type other"

# Without groups in the template, no group field.
DB2=$T/plain.sqlite
"$DPIA" -d "$DB2" new --title "Plain test" >/dev/null
"$DPIA" -d "$DB2" measure add 1 --title "Half done" --status in-progress >/dev/null
tmux_start 140 40 -d "$DB2"
tmux_wait "Plain test"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_keys g 5
tmux_wait "question 1 of"
tmux_keys End
tmux_wait "Risk register"
tmux_keys ']'
tmux_wait "Measures and action plan"
tmux_wait "Partially implemented" && pass "a status's whole label in the action plan"
tmux_keys a
tmux_wait "New measure"
tmux_wait "Risks addressed"
tmux_screen >"$T/form"
lacks "$T/form" "Group" "no group field without groups in the template"
contains "$T/form" "Status" "the other fields are there"
tmux_keys F8
tmux_wait "Measures and action plan"
tmux_keys q
tmux_start 140 40 -d "$DB2"
tmux_wait "Plain test"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_keys g 5
tmux_wait "question 1 of"
tmux_keys End
tmux_wait "Risk register"
tmux_keys a
tmux_wait "New risk"
tmux_wait "Risk sources"
tmux_screen >"$T/rform"
lacks "$T/rform" "Declared type" "no declared type without risk types in the template"
contains "$T/rform" "Type" "the risk's type is there"
done_testing
