#!/bin/sh
# An assessment has a language: chosen when it is created (default: the
# interface's), changed with `dpia language` (and the change logged), and
# its reports are written in it whatever the interface speaks. Here an
# assessment in German under a French interface: the HTML report's
# headings, labels and legal references are German, as are the record's
# labels and the CSV headers, while the messages of the command line are
# French.
. "$TOP_SRCDIR/tests/lib.sh"
[ "${USE_NLS:-yes}" = yes ] || skip "dpia was built without NLS (gettext): it speaks English only"

locale -a 2>/dev/null | grep -qix 'fr_fr.utf8' || skip "the locale fr_FR.UTF-8 is not generated"
DB=$(test_db db.sqlite)
OTHER=$(test_db other.sqlite)
# has_line FILE LINE: FILE has LINE, whole.
has_line() {
    checks=$((checks + 1))
    if grep -qxF -- "$2" "$1"; then pass "$(basename "$1") is '$2'"
    else fail "$(basename "$1") is not '$2': $(head -n 3 "$1")"; fi
}
fr() { LANGUAGE= LC_ALL=fr_FR.UTF-8 "$DPIA" -d "$DB" "$@"; }
de() { LANGUAGE= LC_ALL=de_DE.UTF-8 "$DPIA" -d "$DB" "$@"; }

# The default is the interface's language.
run 0 fr new --title "Anecdotes"
run 0 fr language 1
has_line "$T/out" "fr	français"
run 0 "$DPIA" -d "$DB" new --title "Factoids"
run 0 "$DPIA" -d "$DB" language 2
has_line "$T/out" "en	English"

# German, chosen under the French interface.
run 0 fr new --title "Werbe-Tweets" --lang de
id=$(cat "$T/out")
run 0 fr language "$id"
has_line "$T/out" "de	allemand"
run 0 fr answer "$id" scr.project "Tweets über Sehgewohnheiten einzelner Abonnenten"
run 0 fr answer "$id" scr.evaluation yes
run 0 fr risk add "$id" --title "Bloßstellung" --type illegitimate-access --likelihood 3 --severity 3
run 0 fr show "$id"
contains "$T/out" "Vorprüfung"

run 0 fr export "$id" --format html -o "$T/report.html"
f=$T/report.html
contains "$f" '<html lang="de"'
contains "$f" "Risikoregister"
contains "$f" "Maßnahmenplan"
contains "$f" "Entscheidung"
contains "$f" "Vorprüfung"
contains "$f" "DSGVO"
contains "$f" "Art. 35 Abs."
contains "$f" "Entwurf"
lacks "$f" "Registre des risques"
lacks "$f" "Risk register"
lacks "$f" "Brouillon"

run 0 fr export "$id" --format xml -o "$T/record.xml"
contains "$T/record.xml" 'lang="de"'
contains "$T/record.xml" 'status-label="Entwurf"'
run 0 fr export "$id" --format csv-risks
checks=$((checks + 1))
head -n 1 "$T/out" | grep -q '^Risiko,' && pass "the CSV headers are German" ||
    fail "the CSV headers are not German: $(head -n 1 "$T/out")"

# --lang asks for another language for one export only.
run 0 fr export "$id" --format html --lang en -o "$T/en.html"
contains "$T/en.html" "Risk register"
contains "$T/en.html" '<html lang="en"'
run 0 fr language "$id"
has_line "$T/out" "de	allemand"

# Changed: logged, and the reports follow; the record keeps it through
# an export and an import.
run 0 de language "$id" fr
run 0 "$DPIA" -d "$DB" history "$id"
contains "$T/out" "Language: German → French"
# The list's highest risk is named in the new language.
run 0 "$DPIA" -d "$DB" list
contains "$T/out" "Élevé"
run 0 fr export "$id" --format html -o "$T/fr.html"
contains "$T/fr.html" '<html lang="fr"'
contains "$T/fr.html" "Registre des risques"
contains "$T/fr.html" "Vérification préalable"
run 0 fr export "$id" --format xml -o "$T/fr.xml"
run 0 "$DPIA" -d "$OTHER" import "$T/fr.xml"
run 0 "$DPIA" -d "$OTHER" language 1
has_line "$T/out" "fr	French"

# A revision's record is kept in the assessment's language, whoever
# opens the next revision in whatever language: a German assessment,
# closed on its screening and revised under the French interface.
run 0 fr new --title "Kantinenumfrage" --lang de
nr=$(cat "$T/out")
run 0 fr answer "$nr" scr.project "Eine anonyme Umfrage zu den Menüs der Kantine"
for q in evaluation automated-decision monitoring sensitive large-scale matching vulnerable \
    innovative prevents-rights art35-3a art35-3b art35-3c sa-list; do
    run 0 fr answer "$nr" "scr.$q" no
done
run 0 fr answer "$nr" scr.decision not-carry-out
run 0 fr signoff "$nr" --role dpo --name "Dr. Anja Vermeulen" --date 2026-02-20 \
    --advice "Kein Kriterium ist erfüllt."
run 0 fr close "$nr"
run 0 fr revise "$nr"
run 0 fr export "$nr" --revision 1 --format xml -o "$T/rev1.xml"
contains "$T/rev1.xml" 'status="not-required" status-label="DSFA nicht erforderlich"'
lacks "$T/rev1.xml" "AIPD non requise"

# The warnings a decision acknowledges are kept in the assessment's
# language: the worked example revised, written in German from then on,
# decided again under the French interface.
run 0 fr import "$TOP_SRCDIR/data/examples/streaming-factoids.xml"
ex=$(cat "$T/out")
run 0 fr revise "$ex"
run 0 fr language "$ex" de
run 0 fr signoff "$ex" --role dpo --name "Dana Officer" --advice "Mit Auflagen vertretbar." --followed yes
run 0 fr review "$ex" +6m
run 0 fr decide "$ex" approve-with-conditions --name "Lena Bianchi" \
    --conditions "Nur mit Widerspruchsmöglichkeit" --acknowledge
run 0 fr export "$ex" --format xml -o "$T/decided.xml"
contains "$T/decided.xml" "nec.information ist zur Wiedervorlage markiert."
# ...with its dates written the German way.
contains "$T/decided.xml" "Maßnahme M7 ist am 31.03.2027 fällig, nach Beginn der Verarbeitung (01.04.2026)."
lacks "$T/decided.xml" "est marqué à suivre"

# The command line speaks the interface's language.
run 2 fr new --title "X" --lang xx
contains "$T/err" "'xx'"
LANGUAGE= LC_ALL=fr_FR.UTF-8 "$DPIA" --help > "$T/help" 2>&1
contains "$T/help" "Commandes"
run 2 fr language "$id" es
run 1 fr language 99 de
done_testing
