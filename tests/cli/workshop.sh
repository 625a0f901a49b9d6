#!/bin/sh
# Workshops (dpia workshop ID start|end|list): a session started with
# its date, place, agenda and participants, the questions answered or
# changed while it is open linked to it, ended with its minutes and open
# points; one open at a time, none on a decided revision; in the change
# log; carried by the XML record (valid against its schema) and read back
# by an import; listed in the HTML report, the ODT and the DOCX documents
# as evidence of consultation.
. "$TOP_SRCDIR/tests/lib.sh"

D="$DPIA -d $(test_db db.sqlite)"
ex=$TOP_SRCDIR/data/examples/streaming-factoids.xml

run 0 $D new --title "Staff rota" && id=$(cat "$T/out")
run 0 $D answer "$id" scr.project "Before any workshop"
run 0 $D workshop "$id" list
contains "$T/out" "no workshop yet"

# --- usage and refusals before anything is written -----------------------
run 2 $D workshop "$id"
contains "$T/err" "usage: dpia workshop ID start"
run 2 $D workshop "$id" list --minutes "x"
contains "$T/err" "usage: dpia workshop ID start"
run 2 $D workshop "$id" start --open-point "x|y"
run 1 $D workshop "$id" end
contains "$T/err" "no workshop of assessment $id is open"
run 1 $D workshop "$id" start --agenda screening,nowhere
contains "$T/err" "there is no section 'nowhere'"
run 2 $D workshop "$id" start --participant "|DPO"
contains "$T/err" "a participant is written NAME|ROLE|ORGANISATION|yes or no"
run 2 $D workshop "$id" start --participant "Pat|rep|Union|maybe"
contains "$T/err" "'maybe': whether a participant represents the people concerned is yes or no"
run 0 $D workshop "$id" list
contains "$T/out" "no workshop yet" "a refused start writes nothing"

# --- a workshop --------------------------------------------------------------
run 0 $D workshop "$id" start --date 2026-03-02 --place "Room 4.12 and a call" \
    --agenda "screening, description" \
    --participant "Dana Officer|DPO|Acme Retail|no" \
    --participant "Pat Doe|staff representative|Works council|oui"
contains "$T/out" "workshop 1 started"
run 1 $D workshop "$id" start
contains "$T/err" "workshop 1 of assessment $id is still open; end it first"
run 0 $D answer "$id" scr.project "Rota planning for 300 staff"
run 0 $D answer "$id" scr.project "Rota planning for 300 staff" --note "Agreed with the works council"
run 0 $D table "$id" desc.purpose-list add purpose=Rota basis=contract
run 0 $D workshop "$id" list
contains "$T/out" "workshop 1: 2026-03-02, Room 4.12 and a call (open)"
contains "$T/out" "scr.project"
printf 'We agreed on the scope.\nLogs to be checked.\n' >"$T/minutes.txt"
run 0 $D workshop "$id" end --minutes - --open-point "Ask IT how long logs are kept|Sam Admin" \
    --open-point "Check the retention policy|" <"$T/minutes.txt"
contains "$T/out" "workshop 1 ended"
run 1 $D workshop "$id" end
contains "$T/err" "no workshop of assessment $id is open"
# After the end: no longer linked.
run 0 $D answer "$id" scr.innovative yes
run 0 $D workshop "$id" list
contains "$T/out" "workshop 1: 2026-03-02, Room 4.12 and a call (ended)"
contains "$T/out" "Dana Officer, DPO, Acme Retail"
contains "$T/out" "Pat Doe, staff representative, Works council (represents the people concerned)" \
    "a participant marked 'oui' (French for yes) represents the people concerned"
lacks "$T/out" "Dana Officer, DPO, Acme Retail (represents" "only the representative is marked"
contains "$T/out" "scr.project  Describe the project"
contains "$T/out" "desc.purpose-list"
lacks "$T/out" "scr.innovative" "a change after the end is not the workshop's"
contains "$T/out" "minutes: We agreed on the scope."
contains "$T/out" "Ask IT how long logs are kept (Sam Admin)"
contains "$T/out" "Check the retention policy"
run 0 $D history "$id"
contains "$T/out" "Workshop 1 started: 2026-03-02, Room 4.12 and a call"
contains "$T/out" "Workshop 1 ended: We agreed on the scope."

# A second one: numbered on, its own links.
run 0 $D workshop "$id" start --place "Video call"
run 0 $D answer "$id" scr.innovative no
run 0 $D workshop "$id" end
run 0 $D workshop "$id" list
contains "$T/out" "workshop 2: "
contains "$T/out" ", Video call (ended)"

# --- the XML record and the HTML report ----------------------------------------
validates() {
    [ -n "${XMLLINT:-}" ] || return 0
    checks=$((checks + 1))
    if "$XMLLINT" --noout --relaxng "$TOP_SRCDIR/templates/dpia-record.rng" "$1" 2>"$T/err"; then
        pass "$(basename "$1") validates"
    else
        fail "$(basename "$1") does not validate"
        cat "$T/err"
    fi
}
run 0 $D export "$id" --format xml -o "$T/w.xml"
validates "$T/w.xml"
contains "$T/w.xml" '<workshop date="2026-03-02" ended="'
contains "$T/w.xml" '<place>Room 4.12 and a call</place>'
contains "$T/w.xml" '<section id="screening">'
contains "$T/w.xml" '<participant represents="yes">'
contains "$T/w.xml" '<name>Pat Doe</name>'
contains "$T/w.xml" '<organisation>Works council</organisation>'
contains "$T/w.xml" '<question id="scr.project">'
contains "$T/w.xml" '<question id="desc.purpose-list">'
contains "$T/w.xml" '<point who="Sam Admin">Ask IT how long logs are kept</point>'
contains "$T/w.xml" '<question id="scr.innovative">' "the second workshop settled scr.innovative"
run 0 $D export "$id" --format html -o "$T/w.html"
contains "$T/w.html" '<h2>Workshops and consultation</h2>'
contains "$T/w.html" '<h3>Workshop 1, 2026-03-02, Room 4.12 and a call</h3>'
contains "$T/w.html" '<td>Pat Doe</td><td>staff representative</td><td>Works council</td><td class="nowrap">Yes</td>'
contains "$T/w.html" '<a href="#q-scr.project">Describe the project'
contains "$T/w.html" 'Ask IT how long logs are kept</span> (taken by Sam Admin)'
contains "$T/w.html" '<a href="#workshops">Workshops and consultation</a>' "the contents list the workshops"

# The ODT and DOCX documents carry the same part, their tables square
# and every DOCX cell with a paragraph.
if command -v python3 >/dev/null 2>&1; then
    Z="python3 $TOP_SRCDIR/tests/cli/zipparts.py"
    settled=$(sed -n 's|.*<question id="scr.project">\(.*\)</question>.*|\1|p' "$T/w.xml" | head -n 1)
    [ -n "$settled" ] || fail "w.xml: no prompt for the settled scr.project"
    run 0 $D export "$id" --format odt -o "$T/w.odt"
    run 0 $D export "$id" --format docx -o "$T/w.docx"
    for doc in odt:content.xml docx:word/document.xml; do
        f=${doc%%:*} part=${doc#*:}
        rm -rf "$T/$f" && mkdir "$T/$f" && $Z extract "$T/w.$f" "$T/$f"
        checks=$((checks + 1))
        if $Z tables "$T/$f/$part" 2>"$T/why"; then
            pass "$f: the tables are square"
        else
            fail "$f: $(cat "$T/why")"
        fi
        $Z text "$T/$f/$part" >"$T/$f.txt"
        contains "$T/$f.txt" 'Workshops and consultation' "$f: the part's heading"
        contains "$T/$f.txt" 'Workshop 1, 2026-03-02, Room 4.12 and a call' "$f: the session"
        contains "$T/$f.txt" 'Pat Doe' "$f: a participant"
        contains "$T/$f.txt" 'Works council' "$f: the participant's organisation"
        contains "$T/$f.txt" 'Represents the people concerned (Art. 35(9))' "$f: the Art. 35(9) mark"
        contains "$T/$f.txt" "$settled (scr.project)" "$f: a question it settled"
        contains "$T/$f.txt" 'Ask IT how long logs are kept (taken by Sam Admin)' "$f: an open point"
    done
fi

# Export and import keep them; an export of the import is the same.
run 0 $D import "$T/w.xml" && id2=$(cat "$T/out")
run 0 $D workshop "$id2" list
contains "$T/out" "Pat Doe, staff representative, Works council (represents the people concerned)"
contains "$T/out" "Ask IT how long logs are kept (Sam Admin)"
contains "$T/out" "scr.project  Describe the project"
run 0 $D export "$id2" --format xml -o "$T/w2.xml"
sed -n '/<workshops>/,/<\/workshops>/p' "$T/w.xml" >"$T/ws1"
sed -n '/<workshops>/,/<\/workshops>/p' "$T/w2.xml" >"$T/ws2"
same "$T/ws1" "$T/ws2" "the imported workshops are exported as they were"
# An answer after the import is linked to no workshop: all are ended.
run 0 $D answer "$id2" scr.large-scale yes
run 0 $D workshop "$id2" list
lacks "$T/out" "scr.large-scale"

# A record naming a question the template does not have is refused.
sed 's/<question id="scr.project">/<question id="scr.nowhere">/' "$T/w.xml" >"$T/bad.xml"
if sh "$TOP_SRCDIR/tests/fixtures/records/redigest.sh" "$T/bad.xml" 2>/dev/null; then
    run 1 $D import "$T/bad.xml"
    contains "$T/err" "unknown question 'scr.nowhere'"
fi

# In French and German.
if [ -n "${DPIA_LOCALEDIR:-}" ] && $DPIA --version >/dev/null 2>&1; then
    run 0 $D language "$id" fr
    run 0 $D export "$id" --format html -o "$T/w.fr.html"
    contains "$T/w.fr.html" '<h2>Ateliers et consultation</h2>'
    contains "$T/w.fr.html" 'Représente les personnes concernées'
    if command -v python3 >/dev/null 2>&1; then
        run 0 $D export "$id" --format docx -o "$T/w.fr.docx"
        rm -rf "$T/frd" && mkdir "$T/frd" && $Z extract "$T/w.fr.docx" "$T/frd"
        $Z text "$T/frd/word/document.xml" >"$T/frd.txt"
        contains "$T/frd.txt" 'Ateliers et consultation' "docx in French: the part's heading"
        contains "$T/frd.txt" 'Représente les personnes concernées (art. 35, paragraphe 9)' "docx in French: the Art. 35(9) mark"
    fi
    run 0 $D language "$id" de
    run 0 $D export "$id" --format html -o "$T/w.de.html"
    contains "$T/w.de.html" '<h2>Workshops und Konsultation</h2>'
    if command -v python3 >/dev/null 2>&1; then
        run 0 $D export "$id" --format odt -o "$T/w.de.odt"
        rm -rf "$T/deo" && mkdir "$T/deo" && $Z extract "$T/w.de.odt" "$T/deo"
        $Z text "$T/deo/content.xml" >"$T/deo.txt"
        contains "$T/deo.txt" 'Workshops und Konsultation' "odt in German: the part's heading"
        contains "$T/deo.txt" 'Vertritt die betroffenen Personen (Art. 35 Abs. 9)' "odt in German: the Art. 35(9) mark"
    fi
fi

# --- a decided revision: refused like any change -----------------------------
run 0 $D import "$ex" && exid=$(cat "$T/out")
run 1 $D workshop "$exid" start --place "Too late"
contains "$T/err" "is decided"
run 0 $D workshop "$exid" list
contains "$T/out" "no workshop yet"

# --- no decision while a workshop is open: it is ended first ------------------
run 0 $D revise "$exid"
run 0 $D workshop "$exid" start --place "Decision meeting"
run 0 $D signoff "$exid" --role dpo --name "Dana Officer" --advice "Go ahead." --followed yes
run 0 $D review "$exid" +6m
run 1 $D decide "$exid" approve-with-conditions --name "Lena Bianchi" --conditions "Opt-out" \
    --acknowledge
contains "$T/err" "Workshop 1 is still open: end it, with its minutes, first."
run 0 $D workshop "$exid" end --minutes "Decision prepared."
run 0 $D decide "$exid" approve-with-conditions --name "Lena Bianchi" --conditions "Opt-out" \
    --acknowledge
done_testing
