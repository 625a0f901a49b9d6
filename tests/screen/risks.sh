#!/bin/sh
# The risk register at the keyboard: the risks section asks why no risk
# of each feared event is in the register, and the register comes last
# (End); a risk of a type, scored before and after measures with the
# scale definitions on screen, takes its question away; its level is
# coloured in the table, its id in the right cells of both heat maps; a
# measure addresses it; the sign-off page then reports what is still
# missing.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DB=$(test_db db.sqlite)
"$DPIA" -d "$DB" new --title "Risk test" >/dev/null

tmux_start 130 40 -d "$DB"
tmux_wait "Risk test"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_keys g 5
tmux_wait "No risk of illegitimate access is in the register" &&
    pass "the risks section opens on the question of the first feared event"
tmux_wait "question 1 of 4"
tmux_keys End
tmux_wait "Risk register" && pass "End: the register"
tmux_wait "No risks yet"
if tmux_screen | grep -qF "saved "; then fail "the status bar says saved before anything was"; fi

tmux_keys a
tmux_wait "New risk"
tmux_type "Re-identification from small counts"
# The type, right after the title, chosen with Left/Right.
tmux_keys Tab
tmux_wait "< Not said >"
tmux_keys Right
tmux_wait "< Illegitimate access >" && pass "the type is chosen in the form"
tmux_keys Tab Tab Tab Tab Tab
tmux_wait "Likelihood before"
# The scale definitions show while scoring.
tmux_wait "4 Maximum:" && pass "likelihood definitions on screen while scoring"
tmux_keys 3 Tab Tab 4 Tab Tab 1 Tab Tab 2 Escape
tmux_wait "R1" && pass "risk R1 in the table"
# Nothing was answered in this session: the status bar says "saved" for
# the risk itself.
tmux_wait "saved " && pass "the status bar says when the risk was saved"
tmux_wait "3/4 High" && pass "scored high before measures"
tmux_wait "1/2 Low" && pass "scored low after measures"

# The heat maps, side by side at this width.
tmux_keys m
tmux_wait "Before measures (inherent)"
tmux_wait "After measures (residual)"
tmux_screen >"$T/map"
# Before: likelihood 3 is the second row from the top of a 4x4 map,
# severity 4 the last column; after: likelihood 1 (bottom), severity 2.
sed -n '/Before measures/,/S1/p' "$T/map" >"$T/rows"
row_l3=$(grep -n "L3" "$T/rows" | head -1 | cut -d: -f2-)
row_l1=$(grep -n "L1" "$T/rows" | head -1 | cut -d: -f2-)
checks=$((checks + 2))
case "$row_l3" in *R1*) pass "R1 in the likelihood-3 row before" ;; *) fail "no R1 in row L3: $row_l3" ;; esac
case "$row_l1" in *R1*) pass "R1 in the likelihood-1 row after" ;; *) fail "no R1 in row L1: $row_l1" ;; esac
tmux_keys m

# A risk of illegitimate access: its question is gone, the other two stay.
tmux_keys Home
tmux_wait "question 1 of 3"
tmux_wait "No risk of unwanted modification is in the register" &&
    pass "the question of a feared event goes with a risk of its type"
tmux_keys End
tmux_wait "Risk register"

# A measure addressing R1.
tmux_keys ']'
tmux_wait "Measures and action plan"
tmux_keys a
tmux_wait "New measure"
tmux_type "Aggregate to groups of 10,000 or more"
tmux_keys Tab Tab Tab
tmux_type "Data team lead"
tmux_keys Tab
tmux_type "2027-01-31"
tmux_keys Tab Tab
tmux_wait "[ ] R1"
tmux_keys Space Escape
tmux_wait "M1" && pass "measure M1 listed"
tmux_wait "Data team lead"
# An edit says what it changed: the field, the new value and the old.
tmux_keys Enter
tmux_wait "Measure M1"
tmux_keys Tab Tab Tab C-u
tmux_type "Privacy lead"
tmux_keys Escape
tmux_wait "Measure M1: owner is now Privacy lead (was Data team lead)." &&
    pass "a changed measure is named with the old and new value"

# Sign-off: after its questions, the page lists the gaps; the DPO's
# advice is missing.
tmux_keys ']'
tmux_wait "question 1 of 3"
tmux_keys End
tmux_wait "missing for sign-off" && pass "sign-off lists what is missing"
tmux_wait "DPO's advice: (not recorded)"
tmux_wait "Prior consultation (Art. 36): not required"
# A risk not yet scored (added by a command meanwhile, read again on the
# way back from the help): Art. 36 is no longer said not to be required.
"$DPIA" -d "$DB" risk add 1 --title "Not yet scored" >/dev/null || fail "risk add"
tmux_keys '?'
tmux_wait "Keys on this screen"
tmux_keys Escape
tmux_wait_gone "Keys on this screen"
tmux_wait "Prior consultation (Art. 36): to be judged once the risks are scored" &&
    pass "Art. 36 judged only on a register scored whole"
tmux_keys q
tmux_wait_exit >/dev/null

"$DPIA" -d "$DB" show 1 >"$T/show"
contains "$T/show" "Re-identification from small counts"
contains "$T/show" "Aggregate to groups of 10,000 or more"
done_testing
