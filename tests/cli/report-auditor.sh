#!/bin/sh
# The report as an auditor reads it: a one-page summary first, a cover
# that says who is responsible and who accepted what, heat maps beside
# the register with their levels in words, a legend and each risk's
# movement; the template's guidance only when asked for; the change log
# condensed by person and day, whole when asked for, questions named by
# their prompt. The options come from the settings file too, the
# command's options overriding them.
. "$TOP_SRCDIR/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || skip "python3 is not installed"

D="$DPIA -d $T/db.sqlite"
export SOURCE_DATE_EPOCH=1771954200
export XDG_CONFIG_HOME=$T/config
run 0 $D import "$TOP_SRCDIR/data/examples/streaming-factoids.xml"
run 0 $D export 1 --format html -o "$T/r.html"
h=$T/r.html

# The text of an element of the page, tags dropped and white space
# folded, from the element with the given id or class to its end.
part() {
    python3 - "$1" "$2" <<'EOF'
import html.parser, re, sys
path, want = sys.argv[1], sys.argv[2]
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.depth = 0
        self.out = []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self.depth:
            self.depth += 1
            self.out.append(" ")
        elif a.get("id") == want or want in (a.get("class") or "").split():
            self.depth = 1
    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
            self.out.append(" ")
    def handle_data(self, d):
        if self.depth:
            self.out.append(d)
p = P()
p.feed(open(path, encoding="utf-8").read())
print(re.sub(r"\s+", " ", "".join(p.out)).strip())
EOF
}

# The summary: what is processed and why, the decision with its
# conditions, the next review, the highest risks before and after.
part "$h" summary >"$T/summary"
contains "$T/summary" "The processing The Brand and Social team of Kestrel Streaming wants to run"
contains "$T/summary" "Decision Approve with conditions , Luca Bianchi, Chief Marketing Officer (2026-02-24) Conditions: Approved on the conditions set out in the DPO's advice"
contains "$T/summary" "Next review 2026-07-01"
contains "$T/summary" "R1. Re-identification of subscribers from small counts: High → Medium (lowered)"
contains "$T/summary" "and 1 more in the risk register."
contains "$T/summary" "M7: No extracts; deletion 90 days after the last post (Campaign manager, Brand and Social, due 2027-03-31)"
# The decision comes before the screening, so that it is read first.
checks=$((checks + 1))
if python3 -c 'import sys; t=open(sys.argv[1]).read(); sys.exit(not (t.index("Decision") < t.index("Screening (WP248)")))' "$T/summary"; then
    pass "the decision is read before the screening"; else fail "the decision comes after the screening"; fi

# The cover: the controller and the DPO's contact details (not recorded
# in this example), who approved the measures and accepted the residual
# risks.
part "$h" cover >"$T/cover"
contains "$T/cover" "Controller Not recorded"
contains "$T/cover" "The DPO's contact details Not recorded"
contains "$T/cover" 'Measures approved by Luca Bianchi, Chief Marketing Officer (2026-02-24), by the decision "Approve with conditions"'
contains "$T/cover" 'Residual risks accepted by Luca Bianchi, Chief Marketing Officer (2026-02-24), by the decision "Approve with conditions"'

# The maps sit under the register's heading, before its table, with the
# level of each cell in words, a legend and the movement of each risk.
checks=$((checks + 1))
if python3 - "$h" <<'EOF'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
reg = t.index("<h3>Risk register</h3>")
maps = t.index('<div class="maps">')
table = t.index('<table class="grid register">')
sys.exit(not (reg < maps < table))
EOF
then pass "heat maps beside the register"; else fail "the heat maps are not beside the register"; fi
part "$h" legend >"$T/legend"
contains "$T/legend" "Levels Low Medium High (high: Art. 36 if it remains)"
contains "$T/legend" "Movement R1: High → Medium (lowered) R2: High → Low (lowered)"
contains "$h" 'fill="#444">High</text>' "a cell's level in words"

# Guidance only on request.
lacks "$h" 'class="intro' "no guidance by default"
lacks "$h" "Example for the streaming campaign" "the template's example not printed by default"
run 0 $D export 1 --format html --with-guidance -o "$T/g.html"
contains "$T/g.html" "Example for the streaming campaign" "guidance with --with-guidance"

# The change log condensed by default: one row per person and day, the
# sections whose questions were answered, the notes named by prompt.
part "$h" changes >"$T/log"
contains "$T/log" "Day Who Changes What"
contains "$T/log" "2026-01-15 mkowalczyk 22 Answers (22): Description of the processing: 22"
contains "$T/log" "Note on: How and when are people told about the processing?"
contains "$T/log" "Risks: R1, R2, R3, R4, R5, R6"
contains "$T/log" "2026-02-19 avermeulen 5 Sign-offs: Data Protection Officer"
lacks "$T/log" "scr.project" "no internal id for a reader"
# Two people taking turns on one day: one row each, whatever the order.
# anna starts it and lets ben work on it too.
DPIA_USER=anna run 0 $D new --title "Turns"
tid=$(cat "$T/out")
DPIA_USER=anna run 0 $D member "$tid" add ben contributor
DPIA_USER=anna run 0 $D answer "$tid" scr.project "First words"
DPIA_USER=ben run 0 $D answer "$tid" scr.evaluation yes
DPIA_USER=anna run 0 $D answer "$tid" scr.project "Second words"
DPIA_USER=anna run 0 $D risk add "$tid" --title "A risk"
run 0 $D export "$tid" --format html -o "$T/turns.html"
part "$T/turns.html" changes >"$T/tlog"
n=$(grep -o "anna" "$T/tlog" | wc -l)
checks=$((checks + 1))
[ "$n" -eq 1 ] && pass "one row for anna" || fail "anna in $n rows: $(cat "$T/tlog")"
contains "$T/tlog" "anna 5 Answers (2): Screening: is a DPIA needed?: 2 ; Risks: R1 People: ben"
contains "$T/tlog" "ben 1 Answers (1): Screening: is a DPIA needed?: 1"

# Whole with --full-history: every change, a question by its prompt.
run 0 $D export 1 --format html --full-history -o "$T/f.html"
part "$T/f.html" changes >"$T/flog"
contains "$T/flog" "Every change recorded for this assessment, oldest first"
contains "$T/flog" "Describe the project in a few sentences: what it aims to do and what kind of processing of personal data it involves. Answer scr.project"
n=$(grep -o '<td class="nowrap">[0-9]*-[0-9]*-[0-9]* [0-9:]* UTC</td>' "$T/f.html" | wc -l)
checks=$((checks + 1))
[ "$n" -eq 111 ] && pass "the whole log has all 111 changes" || fail "$n rows in the whole log"

# The settings give the defaults; the options override them; a value
# dpia cannot use is a warning naming the file and the line.
mkdir -p "$XDG_CONFIG_HOME/dpia"
printf 'export-format = html\nwith-guidance = yes\nfull-history = yes\n' >"$XDG_CONFIG_HOME/dpia/config"
run 0 $D export 1 -o "$T/s.html"
contains "$T/s.html" "Example for the streaming campaign" "with-guidance from the settings"
contains "$T/s.html" "Every change recorded for this assessment" "full-history from the settings"
run 0 $D export 1 --no-guidance --condensed-history -o "$T/o.html"
lacks "$T/o.html" "Example for the streaming campaign" "--no-guidance overrides the settings"
lacks "$T/o.html" "Every change recorded for this assessment" "--condensed-history overrides the settings"
printf 'export-format = pdfx\nwith-guidance = maybe\n' >"$XDG_CONFIG_HOME/dpia/config"
run 0 $D export 1 -o "$T/x.xml"
contains "$T/x.xml" '<record xmlns="urn:dpia:record:1"' "xml when the settings' format is unusable"
contains "$T/err" "config:1: export-format 'pdfx' is not a format dpia writes"
contains "$T/err" "config:2: with-guidance takes yes or no, not 'maybe'"

# The controller, the DPO's contact details and the DPO's judgement of
# the sections, where they are recorded: on the cover, in the summary
# and under each section's heading, in every report.
run 0 $D new --title "Judged"
jid=$(cat "$T/out")
run 0 $D member "$jid" add avermeulen dpo
run 0 $D contacts "$jid" --controller "Kestrel Streaming Europe B.V., Amsterdam <legal@kestrel.example>" \
    --dpo-contact "dpo@kestrel.example, +31 20 555 0100"
DPIA_USER=avermeulen run 0 $D judge "$jid" screening acceptable --name "Dr. Anja Vermeulen" --date 2026-02-19
DPIA_USER=avermeulen run 0 $D judge "$jid" description improve --comment "Say which teams see the raw events." \
    --name "Dr. Anja Vermeulen" --date 2026-02-19
run 0 $D export "$jid" --format html -o "$T/j.html"
part "$T/j.html" cover >"$T/jcover"
contains "$T/jcover" "Controller Kestrel Streaming Europe B.V., Amsterdam <legal@kestrel.example>"
contains "$T/jcover" "The DPO's contact details dpo@kestrel.example, +31 20 555 0100"
contains "$T/j.html" "&lt;legal@kestrel.example&gt;" "markup in a contact is text"
part "$T/j.html" summary >"$T/jsum"
contains "$T/jsum" "The DPO's judgement by section Screening: is a DPIA needed?: Acceptable (Dr. Anja Vermeulen, 2026-02-19)"
contains "$T/jsum" "Description of the processing: To be improved (Dr. Anja Vermeulen, 2026-02-19)"
contains "$T/jsum" "Necessity and proportionality: Not judged"
part "$T/j.html" s-description >"$T/jdesc"
contains "$T/jdesc" "The DPO's judgement: To be improved (Dr. Anja Vermeulen, 2026-02-19) Say which teams see the raw events."
for f in odt docx; do
    run 0 $D export "$jid" --format $f -o "$T/j.$f"
    python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); sys.stdout.write(z.read(sys.argv[2]).decode())' \
        "$T/j.$f" "$([ $f = odt ] && echo content.xml || echo word/document.xml)" >"$T/j.$f.xml"
    contains "$T/j.$f.xml" "Kestrel Streaming Europe B.V., Amsterdam &lt;legal@kestrel.example&gt;" "$f: the controller"
    contains "$T/j.$f.xml" "dpo@kestrel.example, +31 20 555 0100" "$f: the DPO's contact details"
    contains "$T/j.$f.xml" "To be improved" "$f: a judgement"
    contains "$T/j.$f.xml" "Say which teams see the raw events." "$f: the judgement's comment"
done

# The options are in --help, whole.
run 0 $DPIA --help
contains "$T/out" "[--with-guidance|--no-guidance] [--full-history|--condensed-history]" "--help shows the export options whole"

done_testing
