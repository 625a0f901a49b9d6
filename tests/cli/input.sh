#!/bin/sh
# Input checked, never cut: standard input read whole (a NUL byte,
# UTF-16 or invalid UTF-8 refused with where it is); one rule for every
# text a person gives (answers, notes, titles, names, positions, advice,
# risk and measure fields): no control character, no bidirectional
# control; a refusal stores nothing. Text already in the database never
# reaches the terminal raw. A multiple choice of 300 options keeps every
# option chosen. A FIFO in a template folder (or as the stylesheet of the
# data folder) is reported, never waited on.
. "$TOP_SRCDIR/tests/lib.sh"

DB=$(test_db db.sqlite)
TOOL=$TOP_BUILDDIR/tests/store/storetool
d() { "$DPIA" -d "$DB" "$@"; }
ESC=$(printf '\033')
RLO=$(printf '\342\200\256') # U+202E RIGHT-TO-LEFT OVERRIDE

run 0 d new --title "Input checks"
run 0 d answer 1 desc.purposes "Earlier text"

# answers DB: question<TAB>value of assessment 1, for "nothing stored".
answers() { "$TOOL" answers "$DB" 1 >"$T/answers"; }
answers
cp "$T/answers" "$T/answers.before"
unchanged() {
    answers
    same "$T/answers.before" "$T/answers" "$1: nothing stored"
}

# --- standard input --------------------------------------------------------------
printf 'abc\000def' >"$T/nul"
run 1 d answer 1 desc.purposes - <"$T/nul" &&
    contains "$T/err" "standard input: a NUL byte at byte offset 3"
unchanged "NUL byte"
printf '\377\376P\000u\000r\000p\000o\000s\000e\000\n\000' >"$T/utf16"
run 1 d answer 1 desc.purposes - <"$T/utf16" &&
    contains "$T/err" "standard input: UTF-16 text (it starts with a UTF-16 byte order mark)"
unchanged "UTF-16 with a byte order mark"
printf 'P\000u\000r\000p\000o\000s\000e\000' >"$T/utf16le"
run 1 d answer 1 desc.purposes - <"$T/utf16le" && contains "$T/err" "standard input: UTF-16 text"
unchanged "UTF-16 without a byte order mark"
printf 'caf\351 au lait\n' >"$T/latin1"
run 1 d answer 1 desc.purposes - <"$T/latin1" &&
    contains "$T/err" "standard input: not valid UTF-8 (byte 0xE9 at byte offset 3)"
unchanged "Latin-1"
printf 'Line one\r\nLine two, caf\303\251\n' >"$T/crlf"
run 0 d answer 1 desc.purposes - <"$T/crlf"
answers
tr '\n\r' '|#' <"$T/answers" >"$T/answers.flat"
contains "$T/answers.flat" "desc.purposes	Line one|Line two, café|" "CRLF text is taken, line feeds kept"
run 0 d answer 1 desc.purposes "Earlier text"

# --- answers and notes -------------------------------------------------------------
run 1 d answer 1 desc.purposes "$(printf 'a\033[2Jb')" &&
    contains "$T/err" "desc.purposes: a control character (U+001B, escape) at byte offset 1"
run 1 d answer 1 desc.purposes "$(printf 'C1 \302\233 here')" &&
    contains "$T/err" "a control character (U+009B) at byte offset 3"
run 1 d answer 1 desc.purposes "$(printf 'evil \342\200\256txt.exe')" &&
    contains "$T/err" "a bidirectional control character (U+202E) at byte offset 5"
run 1 d answer 1 desc.purposes "Fine" --note "$(printf 'note \033]0;x\007')" &&
    contains "$T/err" "desc.purposes note: a control character (U+001B, escape)"
run 1 d answer 1 desc.purposes "Fine" --note "$(printf '\342\201\246isolate')" &&
    contains "$T/err" "desc.purposes note: a bidirectional control character (U+2066)"
unchanged "controls in answers and notes"

# --- titles ----------------------------------------------------------------------------
d list --format tsv >"$T/list.before"
run 1 d new --title "$(printf 'Evil \033[2J title')" &&
    contains "$T/err" "title: a control character (U+001B, escape) at byte offset 5"
run 1 d new --title "$(printf 'Two\nlines')" &&
    contains "$T/err" "title: a line break at byte offset 3; it is one line"
run 1 d new --title "$(printf 'Tab\there')" && contains "$T/err" "title: a tab at byte offset 3"
run 1 d new --title "Invoice ${RLO}fdp.exe" &&
    contains "$T/err" "title: a bidirectional control character (U+202E) at byte offset 8"
run 1 d new --title "$(printf 'bad \377 byte')" &&
    contains "$T/err" "title: not valid UTF-8 (byte 0xFF at byte offset 4)"
d list --format tsv >"$T/list.after"
same "$T/list.before" "$T/list.after" "no assessment made by a refused title"

# --- risks and measures -------------------------------------------------------------------
run 1 d risk add 1 --title "$(printf 'Risk \033[31m red')" &&
    contains "$T/err" "risk title: a control character (U+001B, escape) at byte offset 5"
run 1 d risk add 1 --title "Fine" --source "$(printf 'two\nlines')" &&
    contains "$T/err" "risk source: a line break"
run 1 d risk add 1 --title "Fine" --description "$(printf 'ok\n\tindented \033 not')" &&
    contains "$T/err" "risk description: a control character (U+001B, escape) at byte offset 13"
run 1 d risk add 1 --title "Fine" --likelihood-why "$RLO" &&
    contains "$T/err" "risk likelihood why: a bidirectional control character (U+202E)"
run 1 d risk add 1 --title "Fine" --impacts "$(printf 'C1\302\205')" &&
    contains "$T/err" "risk impacts: a control character (U+0085)"
run 1 d measure add 1 --title "$(printf 'Measure\033')" && contains "$T/err" "measure title: a control character"
run 1 d measure add 1 --title "Fine" --owner "$(printf 'I\342\200\217T')" &&
    contains "$T/err" "measure owner: a bidirectional control character (U+200F)"
run 1 d measure add 1 --title "Fine" --description "$(printf 'x\r\ny')" &&
    contains "$T/err" "measure description: a carriage return (U+000D) at byte offset 1"
run 0 d show 1 --format tsv
lacks "$T/out" "$(printf 'risk\tR')" "no risk was added"
lacks "$T/out" "$(printf 'measure\tM')" "no measure was added"
# Several lines where a field has them.
run 0 d risk add 1 --title "Re-identification" --description "$(printf 'First line\n\tand an indented one')"
run 0 d measure add 1 --title "Pseudonymise" --description "$(printf 'a\nb')" --owner "IT"

# --- sign-offs and the decision ---------------------------------------------------------------
run 1 d signoff 1 --role dpo --name "$(printf 'Dana\033[8m')" &&
    contains "$T/err" "sign-off dpo name: a control character (U+001B, escape) at byte offset 4"
run 1 d signoff 1 --role dpo --name "Dana" --position "$(printf 'D\342\200\256PO')" &&
    contains "$T/err" "sign-off dpo position: a bidirectional control character (U+202E)"
run 1 d signoff 1 --role dpo --name "Dana" --advice "$(printf 'Proceed\007')" &&
    contains "$T/err" "sign-off dpo advice: a control character (U+0007)"
run 1 d signoff 1 --role assessor --name "Alex" --why-not "$(printf 'x\033')" &&
    contains "$T/err" "sign-off assessor why not: a control character"
run 1 d decide 1 reject --name "$(printf 'Chris\033')" &&
    contains "$T/err" "sign-off controller name: a control character (U+001B, escape)"
run 0 d show 1 --format tsv
lacks "$T/out" "Dana" "no sign-off was recorded"
lacks "$T/out" "Chris" "no decision was recorded"
run 0 d signoff 1 --role dpo --name "Dana Officer" --advice "$(printf 'Two\nlines\tand a tab')"

# --- text already in the database is never shown raw ---------------------------------------------
db_sql "$DB" "UPDATE assessments SET title = 'Stored ' || char(27) || '[2J' || char(8238) || 'evil' || char(8297) || ' title' WHERE id = 1;
UPDATE risks SET title = 'Risk ' || char(8238) || 'txt.exe' || char(155) WHERE assessment = 1;" ||
    fail "could not write behind dpia's back"
for cmd in "list" "show 1" "history 1"; do
    for f in text tsv json; do
        # shellcheck disable=SC2086
        run 0 d $cmd --format $f
        lacks "$T/out" "$ESC" "$cmd --format $f: no raw ESC"
        lacks "$T/out" "$RLO" "$cmd --format $f: no raw U+202E"
        lacks "$T/out" "$(printf '\302\233')" "$cmd --format $f: no raw C1 control"
    done
done
run 0 d show 1
contains "$T/out" "Stored " "the stored title is shown"
run 0 d list --format json
contains "$T/out" 'Stored \u001b[2J\u202eevil\u2069 title' "JSON escapes the bidirectional controls"
# What is quoted in a message is neutralised too.
run 1 d show "$(printf 'no\033]0;pwned\007such')"
lacks "$T/err" "$ESC" "no raw ESC in an error message"
run 1 d show "no${RLO}such"
lacks "$T/err" "$RLO" "no raw U+202E in an error message"

# --- a multiple choice of 300 options ---------------------------------------------------------------
mkdir "$T/tpl"
{
    sed -n '1,/<title>Description/p' "$TOP_SRCDIR/tests/fixtures/templates/minimal.xml" |
        sed 's/id="minimal"/id="many"/'
    echo '    <question id="desc.many" type="multi" covers="desc">'
    echo '      <prompt>Which of the many?</prompt>'
    i=1
    while [ $i -le 300 ]; do
        echo "      <option value=\"o$i\">Option $i</option>"
        i=$((i + 1))
    done
    echo '    </question>'
    sed -n '/<title>Description/,$p' "$TOP_SRCDIR/tests/fixtures/templates/minimal.xml" | sed 1d
} >"$T/tpl/many.xml"
run 0 d template check "$T/tpl/many.xml" && contains "$T/out" "valid template 'many'"
run 0 env DPIA_TEMPLATE_PATH="$T/tpl" "$DPIA" -d "$DB" new --title "Many options" --template many
id=$(cat "$T/out")
run 0 d answer "$id" desc.many "o300, o3, o257, o256"
"$TOOL" answers "$DB" "$id" | tr '\n' '|' >"$T/many"
contains "$T/many" "desc.many	o3|o256|o257|o300|" "options past the 256th are kept, in template order"
run 0 d export "$id" --format xml
contains "$T/out" "o300" "the record holds the 300th option"
run 1 d answer "$id" desc.many "o301" && contains "$T/err" "'o301' is not one of the options"
"$TOOL" answers "$DB" "$id" | tr '\n' '|' >"$T/many2"
same "$T/many" "$T/many2" "a refused choice changes nothing"

# --- a FIFO (and a device) in a template folder -------------------------------------------------------
mkfifo "$T/tpl/fifo.xml"
[ "$(id -u)" = 0 ] && mknod "$T/tpl/device.xml" c 1 5 2>/dev/null
run 1 timeout 10 env DPIA_TEMPLATE_PATH="$T/tpl" "$DPIA" templates &&
    contains "$T/err" "fifo.xml: a FIFO, not a regular file"
contains "$T/out" "many" "the good templates are still listed"
if [ -c "$T/tpl/device.xml" ]; then
    contains "$T/err" "device.xml: a character device, not a regular file"
fi
run 0 timeout 10 env DPIA_TEMPLATE_PATH="$T/tpl" "$DPIA" -d "$DB" new --title "Beside a FIFO" --template many
run 0 timeout 10 env DPIA_TEMPLATE_PATH="$T/tpl" "$DPIA" -d "$DB" new --title "Built-in, beside a FIFO" --template gdpr-dpia
# The same for the stylesheet found in the data folder.
mkdir -p "$HOME/.local/share/dpia"
mkfifo "$HOME/.local/share/dpia/report.xsl"
run 1 timeout 10 "$DPIA" -d "$DB" export 1 --format html &&
    contains "$T/err" "report.xsl: a FIFO, not a regular file"
done_testing
