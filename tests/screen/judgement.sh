#!/bin/sh
# The DPO's judgement at the keyboard: J on a section opens its form;
# the verdict "To be improved" with a comment is saved, the section list
# marks the section I, and the command line sees the judgement and its
# entry in the change log. The Contacts row of the sign-off page edits
# the controller's and the DPO's contact details. On a decided revision
# J shows the judgement to read, unchanged.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DB=$(test_db db.sqlite)
"$DPIA" -d "$DB" new --title "Judged at the keyboard" >/dev/null || fail "new"

tmux_start 110 34 -d "$DB"
tmux_wait "Judged at the keyboard"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_keys g 2
tmux_wait "Description of the processing"
tmux_keys J
tmux_wait "The DPO's judgement: Description of the processing" && pass "J opens the form"
tmux_wait "< Acceptable >" && pass "the verdict offered first is Acceptable"
tmux_keys Right
tmux_wait "< To be improved >"
tmux_keys Tab
tmux_type "Say who receives the data."
tmux_keys Escape
tmux_wait "Judgement recorded: To be improved." && pass "the judgement is saved"
tmux_screen >"$T/screen"
grep -E '^ *2 Description[^│]* I [0-9]+%' "$T/screen" >/dev/null &&
    pass "the section list marks the section I" ||
    { fail "no I mark beside the section"; sed 's/^/  | /' "$T/screen"; }
contains "$T/screen" "DPO: A acceptable  I improve" "the marks explained under the list"
checks=$((checks + 1))
# The other sections carry no mark.
grep -E '^ *3 Necessity[^│]* (A|I) [0-9]+%' "$T/screen" >/dev/null &&
    fail "a section not judged is marked" || pass "a section not judged carries no mark"

# What is typed in the form outlives a kill -9 (a draft, kept about once
# a second) and is offered back when the form opens again.
tmux_keys g 3
tmux_wait "Necessity and proportionality"
tmux_keys J
tmux_wait "The DPO's judgement: Necessity and proportionality"
tmux_keys Tab
tmux_type "Retention not justified"
checks=$((checks + 1))
i=0
until db_query "$DB" "SELECT content FROM drafts WHERE key = 'judgement:necessity'" \
        2>/dev/null | grep -qF "Retention not justified"; do
    i=$((i + 1))
    [ "$i" -ge "$WAIT_TENTHS" ] && break
    sleep 0.1
done
[ "$i" -lt "$WAIT_TENTHS" ] && pass "the form is kept as a draft" || fail "no draft kept"
kill -KILL "$(tmux_pid)"
tmux_wait_exit >/dev/null
tmux_kill
tmux_start 110 34 -d "$DB"
tmux_wait "Judged at the keyboard"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_keys g 3
tmux_wait "Necessity and proportionality"
tmux_keys J
tmux_wait "Restore what was typed before dpia stopped?" && pass "the draft is offered back"
tmux_keys y
tmux_wait "Retention not justified"
tmux_keys Escape
tmux_wait "Judgement recorded: Acceptable." && pass "the restored judgement is saved"
tmux_wait "DPO: A acceptable  I improve"

# The contact details, on the sign-off page.
tmux_keys g 7 End
tmux_wait "Sign-off of revision 1"
tmux_wait "Contacts: controller (not set); DPO (not set)" && pass "the Contacts row"
tmux_select "Contacts:"
tmux_keys Enter
tmux_wait "Contact details (Art. 36(3)(d))"
tmux_type "Acme Retail Ltd"
tmux_keys Enter
tmux_type "1 High Street, Leeds"
tmux_keys Tab
tmux_type "dpo@acme.example"
tmux_keys Escape
tmux_wait "Contact details saved." && pass "the contacts are saved"
tmux_wait "Contacts: controller Acme Retail Ltd; DPO dpo@acme.example" &&
    pass "the row shows the first line of each"
tmux_keys q
tmux_wait_exit >/dev/null

"$DPIA" -d "$DB" show 1 --format tsv >"$T/show"
contains "$T/show" "$(printf 'judgement\tdescription\timprove\t')" "the command line sees the judgement"
contains "$T/show" "$(printf '\ttester\tSay who receives the data.')" "with the user's name and the comment"
contains "$T/show" "$(printf 'controller\tAcme Retail Ltd\\n1 High Street, Leeds')"
contains "$T/show" "$(printf 'dpo-contact\tdpo@acme.example')"
contains "$T/show" "$(printf 'judgement\tnecessity\tacceptable\t')" "the judgement typed before the kill"
"$DPIA" -d "$DB" history 1 >"$T/hist"
contains "$T/hist" "DPO's judgement of description: improve: Say who receives the data."

# A form only opened, then dpia told to stop (SIGTERM): nothing is
# recorded that nobody chose.
tmux_kill
tmux_start 110 34 -d "$DB"
tmux_wait "Judged at the keyboard"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_keys g 4
tmux_wait "Consultation"
tmux_keys J
tmux_wait "The DPO's judgement: Consultation"
kill -TERM "$(tmux_pid)"
tmux_wait_exit >/dev/null
"$DPIA" -d "$DB" show 1 --format tsv >"$T/show2"
lacks "$T/show2" "$(printf 'judgement\tconsultation\t')" "an untouched form is not saved when dpia stops"

# A decided revision: J shows the judgement, nothing changes.
"$DPIA" -d "$DB" import "$TOP_SRCDIR/data/examples/streaming-factoids.xml" >/dev/null ||
    fail "import of the worked example"
tmux_kill
tmux_start 110 34 -d "$DB"
tmux_wait "Viewing factoids"
tmux_select "Viewing factoids"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_keys J
tmux_wait "The DPO has not judged this section." && pass "decided: J shows the judgement to read"
tmux_wait "read-only as signed"
tmux_keys Escape
tmux_wait_gone "The DPO has not judged this section."
tmux_keys q
tmux_wait_exit >/dev/null
done_testing
