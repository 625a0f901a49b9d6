# Walking an assessment to a decision at the keyboard (sourced after
# tmux.sh by the screen tests that do): every shown question answered as
# its widget on screen asks (u finds the next one), a risk of each
# feared event, a measure, the DPO's advice, the assessor, the decision.
# What depends on the template the test sets before walk_questions:
#   WALK_YES     the yes/no questions answered Yes (an extended regular
#                expression on the screen), the others No
#   WALK_FOLLOW  the text questions then marked for follow-up (idem;
#                empty: none)
#   WALK_TEXT    the sentence of every text answer
#   WALK_DATE    the date of every date question
#   WALK_ENTRY   the entry of every list
#   WALK_RISK_ACCESS, WALK_RISK_MODIFICATION, WALK_RISK_DISAPPEARANCE
#                the titles of the risks of each feared event
#   walk_row REF a function: fills the form of the new row REF (D1, P1...)
#                of a table question, the cursor in its first field
# shellcheck shell=sh

WALK_FOLLOW=${WALK_FOLLOW:-}

# What the screen shows above the status bar (the question or page
# selected, the list of the section), to see that a key moved.
head_line() {
    tmux_screen | sed '$d' | cksum
}

# after_u OLD: waits until u has moved off the question OLD showed, or
# said that nothing is left.
after_u() {
    i=0
    while [ "$i" -lt $((WAIT_TENTHS * 2)) ]; do
        scr=$(tmux_screen)
        [ "$(printf '%s\n' "$scr" | sed '$d' | cksum)" != "$1" ] && return 0
        case "$scr" in *"Every shown question is answered."*) return 0 ;; esac
        sleep 0.05
        i=$((i + 1))
    done
    fail "u did not move from: $1"
    tmux_screen | sed 's/^/  | /'
    return 1
}

# press_until KEY TEXT: presses KEY until the screen shows TEXT (a value
# cycled with Left/Right).
press_until() {
    n=0
    while [ "$n" -lt 12 ]; do
        tmux_screen | grep -qF -- "$2" && return 0
        before=$(tmux_screen)
        tmux_keys "$1"
        i=0
        while [ "$i" -lt "$WAIT_TENTHS" ] && [ "$(tmux_screen)" = "$before" ]; do
            sleep 0.05
            i=$((i + 1))
        done
        n=$((n + 1))
    done
    tmux_wait "$2"
}

# focused LABEL: true when the field LABEL of the form on screen has the
# focus (its label drawn apart from the others, so that an attribute
# starts right before it).
focused() {
    tmux_cmd capture-pane -p -e -t t | grep -q "$(printf '\033')\[[0-9;]*m$1"
}

# form_field LABEL: Tab in a form until the field LABEL has the focus
# (at most 24 fields on).
form_field() {
    checks=$((checks + 1))
    n=0
    while [ "$n" -le 24 ]; do
        focused "$1" && return 0
        before=$(tmux_cmd capture-pane -p -e -t t)
        tmux_keys Tab
        i=0
        while [ "$i" -lt 20 ] && [ "$(tmux_cmd capture-pane -p -e -t t)" = "$before" ]; do
            sleep 0.05
            i=$((i + 1))
        done
        n=$((n + 1))
    done
    fail "the form has no field '$1'"
    tmux_screen | sed 's/^/  | /'
    return 1
}

# left_pane: the left-hand pane (sections, progress, status).
left_pane() {
    tmux_screen | sed 's/│.*//'
}

# goto_section NAME: g, then the section picked by its name.
goto_section() {
    tmux_keys g
    tmux_wait "Go to section"
    tmux_select "> $1"
    tmux_keys Enter
    tmux_wait_gone "Go to section"
}

# add_risk TYPE TITLE: from a question of the risks section, the register
# (End), a new risk of TYPE scored likelihood 3 and severity 3 before
# measures, 1 and 2 after.
nrisks=0
add_risk() {
    tmux_keys End
    tmux_wait "Risk register"
    tmux_keys a
    tmux_wait "New risk"
    tmux_type "$2"
    tmux_keys Tab
    press_until Right "< $1 >"
    # The scores, each followed by its reason.
    form_field "Likelihood before"
    tmux_keys 3 Tab Tab 3 Tab Tab 1 Tab Tab 2 Escape
    nrisks=$((nrisks + 1))
    tmux_wait "Risk R$nrisks added." && pass "risk R$nrisks added: $1"
}

# walk_answer: answers the question on screen ($T/q) as its widget asks.
walk_answer() {
    q=$T/q
    if grep -qF "No risk of illegitimate access" "$q"; then
        add_risk "Illegitimate access" "$WALK_RISK_ACCESS"
    elif grep -qF "No risk of unwanted modification" "$q"; then
        add_risk "Unwanted modification" "$WALK_RISK_MODIFICATION"
    elif grep -qF "No risk of disappearance" "$q"; then
        add_risk "Disappearance" "$WALK_RISK_DISAPPEARANCE"
    elif grep -qF "( ) Yes    ( ) No" "$q"; then
        # The right-hand pane, its lines joined: the prompt whole.
        if sed 's/^[^│]*│ *//' "$q" | tr '\n' ' ' | tr -s ' ' | grep -qE "$WALK_YES"; then
            tmux_keys y
            tmux_wait "is now Yes"
        else
            tmux_keys n
            tmux_wait "is now No"
        fi
        yesno=$((yesno + 1))
    elif grep -qF "(not answered: Enter to write)" "$q"; then
        tmux_keys Enter
        tmux_type "$WALK_TEXT"
        tmux_keys Escape
        if [ -n "$WALK_FOLLOW" ] && grep -qE "$WALK_FOLLOW" "$q"; then
            tmux_wait_gone "editing"
            tmux_keys f
            tmux_wait "is marked for follow-up."
        fi
        text=$((text + 1))
    elif grep -qF "(no date: Enter to set" "$q"; then
        tmux_keys Enter
        tmux_wait "(empty clears it)"
        tmux_type "$WALK_DATE"
        tmux_keys Enter
        dates=$((dates + 1))
    elif grep -qF "(no entries: Enter to edit the list)" "$q"; then
        tmux_keys Enter a
        tmux_wait "Add an entry"
        tmux_type "$WALK_ENTRY"
        tmux_keys Enter Escape
        lists=$((lists + 1))
    elif grep -qF "(no rows: Enter to edit the table)" "$q"; then
        # A row through the table editor, filled by the test.
        tmux_keys Enter a
        tmux_wait "New row "
        ref=$(tmux_screen | sed -n 's/.*New row \([A-Z]*[0-9]*\) .*/\1/p' | head -1)
        walk_row "$ref"
        tmux_keys Escape
        tmux_wait "Row $ref added."
        tmux_keys Escape
        tmux_wait "question "
        tables=$((tables + 1))
    elif grep -qE "│ \[ \] " "$q"; then
        tmux_keys Enter Space Enter
        choices=$((choices + 1))
    elif grep -qE "│ \( \) " "$q"; then
        tmux_keys Enter Enter
        choices=$((choices + 1))
    fi
}

# walk_questions: every question, found with u (never by counting rows),
# until none is left; the widget on screen says what kind of answer it
# takes. Counts each kind in yesno, text, dates, lists, tables, choices
# and the risks in nrisks; $T/q holds the last screen.
walk_questions() {
    yesno=0 text=0 dates=0 lists=0 tables=0 choices=0
    rounds=0
    while [ "$rounds" -lt 120 ]; do
        rounds=$((rounds + 1))
        tmux_settled >"$T/q"
        grep -qF "Every shown question is answered." "$T/q" && break
        grep -qE "question [0-9]+ of [0-9]+" "$T/q" && walk_answer
        old=$(head_line)
        tmux_keys u
        after_u "$old" || break
    done
    checks=$((checks + 1))
    grep -qF "Every shown question is answered." "$T/q" &&
        pass "u: every shown question answered ($yesno yes/no, $text texts, $dates dates, $lists lists, $tables tables, $choices choices, $nrisks risks)" ||
        fail "questions left after $rounds rounds"
}

# walk_measure TITLE OWNER DUE [GROUP [STATUS]]: on the page of the
# measures, a new measure with its owner and due date (in GROUP, at
# STATUS when given) addressing every risk.
walk_measure() {
    tmux_wait "Measures and action plan"
    tmux_keys a
    tmux_wait "New measure"
    tmux_type "$1"
    form_field "Owner"
    tmux_type "$2"
    form_field "Due"
    tmux_type "$3"
    if [ -n "${4:-}" ]; then
        form_field "Group"
        press_until Right "< $4"
    fi
    if [ -n "${5:-}" ]; then
        form_field "Status"
        press_until Right "< $5 >"
    fi
    form_field "Risks addressed"
    all=""
    r=1
    while [ "$r" -le "$nrisks" ]; do
        [ "$r" -gt 1 ] && tmux_keys Right
        tmux_keys Space
        all="$all${all:+  }[x] R$r"
        r=$((r + 1))
    done
    tmux_wait "$all"
    tmux_keys Escape
}

# record_dpo NAME ADVICE: on the sign-off page, the DPO's advice,
# followed.
record_dpo() {
    tmux_keys End
    tmux_select "DPO's advice:"
    tmux_keys Enter
    tmux_wait "Data Protection Officer"
    tmux_type "$1"
    tmux_keys Tab Tab Tab
    tmux_type "$2"
    tmux_keys Tab
    press_until Right "< Yes, followed >"
    tmux_keys Escape
    tmux_wait "DPO's advice: $2  [followed]"
}

# record_assessor NAME: on the sign-off page, the assessor.
record_assessor() {
    tmux_select "Assessor:"
    tmux_keys Enter
    tmux_wait "Comment"
    tmux_type "$1"
    tmux_keys Escape
    tmux_wait "Assessor: $1"
}

# wait_either A B: waits until the screen shows A or B; sets seen to
# the one shown.
wait_either() {
    checks=$((checks + 1))
    seen=
    i=0
    while [ "$i" -lt "$WAIT_TENTHS" ]; do
        scr=$(tmux_screen)
        case "$scr" in
        *"$1"*) seen=$1; return 0 ;;
        *"$2"*) seen=$2; return 0 ;;
        esac
        sleep 0.1
        i=$((i + 1))
    done
    fail "screen never showed '$1' nor '$2'"
    tmux_screen | sed 's/^/  | /'
    return 1
}

# record_decision DECISION NAME [CONDITIONS [REVIEW]]: on the sign-off
# page, the controller's DECISION ("Approve" the first of the list),
# REVIEW typed if the review date is asked for, the CONDITIONS written
# in the form; the warnings, if any, kept in $T/warn and acknowledged.
# Sets review_asked and warned to yes or no, for the test to check.
# shellcheck disable=SC2034
record_decision() {
    rm -f "$T/warn"
    review_asked=no warned=no
    tmux_select "Decision:"
    tmux_keys Enter
    tmux_wait "Approve with conditions"
    if [ "$1" = Approve ]; then
        tmux_keys Home
    else
        tmux_select "> $1"
    fi
    tmux_keys Enter
    wait_either "When the DPIA will be reviewed" "Controller's decision-maker"
    if [ "$seen" = "When the DPIA will be reviewed" ]; then
        review_asked=yes
        tmux_type "${4:-}"
        tmux_keys Enter
        tmux_wait "Controller's decision-maker"
    fi
    tmux_type "$2"
    if [ -n "${3:-}" ]; then
        tmux_wait "Conditions"
        form_field "Conditions"
        tmux_type "$3"
    fi
    tmux_keys Escape
    wait_either "Record the decision with these warnings acknowledged?" "Decision recorded:"
    if [ "$seen" = "Record the decision with these warnings acknowledged?" ]; then
        warned=yes
        tmux_screen >"$T/warn"
        tmux_keys y
    fi
}
