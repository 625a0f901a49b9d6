#!/bin/sh
# The interface in a room: the section view uses the screen it is
# given (the questions of the section listed, the section names whole on
# a wide screen, still usable at 80x24); presentation mode shows the
# question alone; a signed assessment, or a database opened with
# --read-only, is read in full; typing outside an edit changes nothing,
# and every change says what it was.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DB=$T/db.sqlite
"$DPIA" -d "$DB" import "$TOP_SRCDIR/data/examples/streaming-factoids.xml" >/dev/null || fail "import of the worked example"
"$DPIA" -d "$DB" new --title "Workshop draft" >/dev/null || fail "new"
# answer_of ID QUESTION: the stored value, from the record.
answer_of() {
    "$DPIA" -d "$DB" export "$1" --format xml |
        grep -A6 "id=\"$2\"" | sed -n 's/.*<value>\(.*\)<\/value>.*/\1/p' | head -1
}
DR=$("$DPIA" -d "$DB" list --format tsv | awk -F'\t' '/Workshop draft/ {print $1; exit}')

# --- 200x50: the section shown as a list, the names whole ------------------
tmux_start 200 50 -d "$DB"
tmux_wait "Workshop draft"
tmux_select "Viewing factoids"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_keys ']'
tmux_wait "Description of the processing  "
tmux_screen >"$T/wide"
for s in "Screening: is a DPIA needed?" "Description of the processing" \
    "Necessity and proportionality" "Consultation" "Risks to people's rights and freedoms" \
    "Measures to address the risks" "Sign-off and outcome"; do
    checks=$((checks + 1))
    grep -qF -- "$s " "$T/wide" && pass "the section name '$s' is whole at 200 columns" ||
        fail "the section name '$s' is cut at 200 columns"
done
# The prompts of the section, each on its row of the list (their
# beginnings, as the list may cut their ends).
shown=0
for p in "Who is the controller" "How is the personal data collected" \
    "What will be done with the data" "Where and how is the data stored" \
    "Give a functional description" "Who will receive or have access" \
    "On which assets does the processing" "Which kinds of personal data" \
    "Whose data is processed" "What is the scale of the process"; do
    grep -qF -- "$p" "$T/wide" && shown=$((shown + 1))
done
checks=$((checks + 1))
[ "$shown" -ge 8 ] && pass "$shown prompts of the section are listed at 200x50" ||
    fail "only $shown prompts of the section are listed at 200x50"
# The list follows the selection; the selected question is shown in full.
tmux_select "Whose data is processed"
tmux_wait "Subscribers (account holders)"
checks=$((checks + 1))
tmux_screen | grep -q "question [0-9]* of [0-9]*" && pass "the selected question beside the list" ||
    fail "no question beside the list"

# --- presentation mode ------------------------------------------------------
tmux_keys P
tmux_wait "Presentation mode: P leaves it."
tmux_screen >"$T/present"
checks=$((checks + 1))
head -1 "$T/present" | grep -q "Description of the processing .*%  (question [0-9]* of" &&
    pass "presenting, the title bar names the section and the progress" ||
    fail "presenting, the title bar is: $(head -1 "$T/present")"
checks=$((checks + 1))
grep -q "Done: \|Necessity and proportionality" "$T/present" &&
    fail "presenting, the section list is still drawn" ||
    pass "presenting, the question is alone"
grep -qF "Whose data is processed" "$T/present" && pass "the question presented" ||
    fail "the question is not presented"
tmux_keys Down
tmux_wait "(question"
tmux_keys P
tmux_wait "Presentation mode left."
tmux_wait "Done: "

# --- a signed revision is read in full -------------------------------------
tmux_keys Home
tmux_wait "question 1 of"
tmux_keys Enter
tmux_wait "Question (read-only)"
tmux_wait "There are no joint controllers." && pass "a signed answer read to its last sentence"
tmux_keys Escape
tmux_wait_gone "Question (read-only)"
tmux_kill

# --- 80x24: the section view still works ------------------------------------
tmux_start 80 24 -d "$DB"
tmux_wait "Workshop draft"
tmux_select "Workshop draft"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_wait "Describe the project in a few"
tmux_screen >"$T/narrow"
checks=$((checks + 1))
[ "$(grep -c "│ [·✓*]" "$T/narrow")" -ge 3 ] && pass "the question list is shown at 80x24" ||
    fail "no question list at 80x24"

# --- typing outside an edit ---------------------------------------------------
tmux_select "Does the processing evaluate or score"
tmux_wait "question 2 of"
tmux_type "yes I think it does, fine"
tmux_wait "That looked like typing outside an answer: nothing was changed."
tmux_wait "question 2 of"
checks=$((checks + 1))
got=$(answer_of "$DR" scr.evaluation)
[ -z "$got" ] && pass "a sentence typed outside an edit changes no answer" ||
    fail "typing set the answer to '$got'"
tmux_wait "question 2 of"
# A deliberate one-key answer, as the status bar offers it, says what
# it did.
tmux_wait "y yes  n no"
# A deliberate key comes after a pause, not hard on the heels of typing.
sleep 0.3
tmux_keys y
tmux_wait "is now Yes (was (not answered))"
tmux_keys n
tmux_wait "is now No (was Yes)"
checks=$((checks + 1))
[ "$(answer_of "$DR" scr.evaluation)" = no ] && pass "the one-key answer is stored" ||
    fail "the one-key answer is not stored"
# U takes the last change back: the previous answer again.
tmux_keys U
tmux_wait "back to"
checks=$((checks + 1))
[ "$(answer_of "$DR" scr.evaluation)" = yes ] && pass "U restores the previous answer" ||
    fail "after U the answer is '$(answer_of "$DR" scr.evaluation)'"
# A letter that is no command says so.
tmux_keys Down
tmux_wait "question 3 of"
tmux_keys Up
tmux_wait "question 2 of"
tmux_keys z
tmux_wait "That key is no command here; nothing was changed."
# y and n are not offered, and do nothing, on a text question.
tmux_keys Home
tmux_wait "question 1 of"
tmux_screen | tail -1 | grep -q "y yes" && fail "y is offered on a text question" ||
    pass "y and n are offered only on a yes/no question"
tmux_kill

# --- --read-only: everything read, nothing changed --------------------------
tmux_start 100 30 --read-only -d "$DB"
tmux_wait "READ-ONLY"
tmux_select "Workshop draft"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_keys Down
tmux_wait "question 2 of"
tmux_keys Enter
tmux_wait "Answer: Yes" && pass "--read-only: an answer opened to read"
tmux_keys Escape
tmux_wait_gone "Question (read-only)"
tmux_kill
run 1 "$DPIA" --read-only -d "$DB" answer "$DR" scr.evaluation yes &&
    contains "$T/err" "read-only"
done_testing
