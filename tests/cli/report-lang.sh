#!/bin/sh
# dpia export --lang: the worked example's reports in German and French
# (HTML, ODT, DOCX, PDF): the headings and labels in the language, <html
# lang>, the English headings gone, the PDF's page header and footer;
# --lang en and no --lang give the same English report; an unknown
# language refused with exit status 2, naming the languages.
. "$TOP_SRCDIR/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || skip "python3 is not installed"

D="$DPIA -d $T/db.sqlite"
SOURCE_DATE_EPOCH=1767225600
export SOURCE_DATE_EPOCH
run 0 $D import "$TOP_SRCDIR/data/examples/streaming-factoids.xml"

# part ZIP ENTRY: an entry of a zip, to standard output.
part() {
    python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))' "$1" "$2"
}
# headings FILE: the text of its headings, a line each.
headings() {
    grep -o '<h[1-3][^>]*>[^<]*' "$1" | sed 's/<[^>]*>//'
}

run 0 $D export 1 --format html --lang de -o "$T/de.html"
grep -q '<html lang="en">' "$T/de.html" && skip "dpia was built without NLS: the reports are in English only"
contains "$T/de.html" '<html lang="de">'
headings "$T/de.html" >"$T/de.h"
for h in Zusammenfassung Risikoregister Maßnahmenplan Freigaben 'Anhang: Änderungsprotokoll' \
    'Anhang: Integrität dieses Berichts' 'Begründung der Bewertungen'; do
    contains "$T/de.h" "$h" "German headings"
done
for h in Summary 'Risk register' 'Action plan' Sign-offs 'Appendix: change log' 'Reasons for the scores'; do
    lacks "$T/de.h" "$h" "German headings"
done
for l in '<th>Entscheidung</th>' '<th>Verantwortlicher</th>' '<th>Datenschutzbeauftragter</th>' \
    'Vorherige Konsultation (Art. 36 DSGVO)' '<th>Eintrittswahrscheinlichkeit</th>' '<th>Schwere</th>' \
    'Datenschutz-Folgenabschätzung' '"Seite "'; do
    contains "$T/de.html" "$l" "German labels"
done
lacks "$T/de.html" '<th>Decision</th>' "German labels"
lacks "$T/de.html" '<th>Prior consultation' "German labels"

run 0 $D export 1 --format html --lang fr -o "$T/fr.html"
contains "$T/fr.html" '<html lang="fr">'
headings "$T/fr.html" >"$T/fr.h"
for h in Synthèse 'Registre des risques' "Plan d'action" Validations 'Annexe : journal des modifications'; do
    contains "$T/fr.h" "$h" "French headings"
done
for h in Summary 'Risk register' 'Action plan' Sign-offs; do
    lacks "$T/fr.h" "$h" "French headings"
done
for l in '<th>Décision</th>' '<th>Responsable du traitement</th>' '<th>Délégué à la protection des données</th>' \
    'Consultation préalable (article 36 du RGPD)' '<th>Vraisemblance</th>' '<th>Gravité</th>' \
    "Analyse d'impact relative à la protection des données"; do
    contains "$T/fr.html" "$l" "French labels"
done

# The documents in German.
run 0 $D export 1 --format odt --lang de -o "$T/de.odt"
part "$T/de.odt" content.xml >"$T/de-content.xml"
for h in '>Zusammenfassung<' '>Risikoregister<' '>Maßnahmenplan<' '>Entscheidung<'; do
    contains "$T/de-content.xml" "$h" "ODT content.xml in German"
done
lacks "$T/de-content.xml" '>Risk register<' "ODT content.xml in German"
part "$T/de.odt" styles.xml >"$T/de-styles.xml"
contains "$T/de-styles.xml" 'fo:language="de"' "ODT styles.xml"
run 0 $D export 1 --format docx --lang de -o "$T/de.docx"
part "$T/de.docx" word/document.xml >"$T/de-document.xml"
for h in '>Zusammenfassung<' '>Risikoregister<' '>Maßnahmenplan<' '>Entscheidung<'; do
    contains "$T/de-document.xml" "$h" "DOCX word/document.xml in German"
done
lacks "$T/de-document.xml" '>Action plan<' "DOCX word/document.xml in German"
run 0 $D export 1 --format docx --lang fr -o "$T/fr.docx"
part "$T/fr.docx" word/document.xml >"$T/fr-document.xml"
contains "$T/fr-document.xml" '>Registre des risques<' "DOCX word/document.xml in French"

# The PDF, printed from the German HTML report: its page header and
# footer in German too.
if command -v weasyprint >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
    run 0 $D export 1 --format pdf --lang de -o "$T/de.pdf"
    pdftotext "$T/de.pdf" "$T/de-pdf.txt" 2>/dev/null
    contains "$T/de-pdf.txt" "Seite 1 von" "the German PDF"
    contains "$T/de-pdf.txt" "Vertraulich: Unterlage zum Datenschutz" "the German PDF"
    contains "$T/de-pdf.txt" "Risikoregister" "the German PDF"
else
    pass "no PDF check: WeasyPrint or pdftotext is not installed"
fi

# English: --lang en is the report without --lang.
run 0 $D export 1 --format html -o "$T/en.html"
run 0 $D export 1 --format html --lang en -o "$T/en2.html"
same "$T/en.html" "$T/en2.html" "--lang en gives the English report"
contains "$T/en.html" '<html lang="en">'
headings "$T/en.html" >"$T/en.h"
contains "$T/en.h" 'Risk register' "English headings"
run 0 $D export 1 --format odt -o "$T/en.odt"
run 0 $D export 1 --format odt --lang en -o "$T/en2.odt"
same "$T/en.odt" "$T/en2.odt" "--lang en gives the English ODT"

# An unknown language.
run 2 $D export 1 --format html --lang es
contains "$T/err" "unknown language 'es'"
contains "$T/err" "en, fr or de"
run 2 $D export 1 --format html --lang ''
[ -s "$T/out" ] && fail "a refused export wrote something" || pass "a refused export writes nothing"

done_testing
