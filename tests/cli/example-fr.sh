#!/bin/sh
# The French worked example (data/examples/streaming-factoids.fr.xml):
# it imports with its digest checked (a changed copy is refused), its
# language is French, dpia show and the HTML report carry the template's
# French section titles and the French answers, risks and measures, and
# an export after the import gives back the file (the import's own entry
# in the change log, the update time and the record's digest aside; two
# exports with SOURCE_DATE_EPOCH are byte-identical).
. "$TOP_SRCDIR/tests/lib.sh"
[ "${USE_NLS:-yes}" = yes ] || skip "dpia was built without NLS (gettext): it speaks English only"

ex=$TOP_SRCDIR/data/examples/streaming-factoids.fr.xml
D="$DPIA -d $T/db.sqlite"

run 0 $D import "$ex" && contains "$T/out" "1"
checks=$((checks + 1))
if [ -s "$T/err" ]; then fail "import said: $(cat "$T/err")"; else pass "import silent"; fi

# The digest is checked: the same file with one answer changed is refused.
sed 's|>Inchangée.<|>Modifiée.<|' "$ex" >"$T/changed.xml"
checks=$((checks + 1))
if cmp -s "$ex" "$T/changed.xml"; then fail "no text to change in the example"; else pass "one text changed"; fi
run 1 $DPIA -d "$T/other.sqlite" import "$T/changed.xml"
contains "$T/err" "digest does not match" "a changed copy is refused for its digest"

run 0 $D language 1 && contains "$T/out" "fr" "the assessment is in French"

run 0 $D show 1
contains "$T/out" "campagne sur les réseaux sociaux à partir des habitudes de visionnage" "show: the French title"
contains "$T/out" "Description du traitement" "show: a French section title"
contains "$T/out" "Nécessité et proportionnalité" "show: another French section title"
contains "$T/out" "Réidentification d'abonnés" "show: a French risk"
lacks "$T/out" "Re-identification of subscribers" "show: no English risk"

run 0 $D export 1 --format html -o "$T/r.html"
contains "$T/r.html" "Description du traitement" "HTML: a French section title"
contains "$T/r.html" "L'équipe Marque et réseaux sociaux de Kestrel Streaming souhaite" "HTML: the French project description"
contains "$T/r.html" "Northpeak Cloud Services Ltd, en qualité de sous-traitant" "HTML: a French list entry"
contains "$T/r.html" "Journaux de lecture du service" "HTML: a French table cell"
contains "$T/r.html" "Liste d'exclusion des contenus sensibles" "HTML: a French measure"
contains "$T/r.html" "consultation préalable au titre de l'article 36 du RGPD" "HTML: the DPO's advice in French"
lacks "$T/r.html" "The Brand and Social team of Kestrel" "HTML: no English answer"
lacks "$T/r.html" "Sensitive-content exclusion list" "HTML: no English measure"
# The report is written in French: its headings and the record's labels.
contains "$T/r.html" '<html lang="fr"' "HTML: declared French"
contains "$T/r.html" "Registre des risques" "HTML: a French heading"
contains "$T/r.html" "Approuvée sous conditions" "HTML: the status in French"
contains "$ex" 'status-label="Approuvée sous conditions"' "the record's labels are French"

# An export gives back the file: the same bytes but for what an import
# changes (its entry in the change log, the update time, the digest, and
# whoever imports a record without members as its owner).
SOURCE_DATE_EPOCH=1771954200 run 0 $D export 1 --format xml -o "$T/a.xml"
SOURCE_DATE_EPOCH=1771954200 run 0 $D export 1 --format xml -o "$T/b.xml"
same "$T/a.xml" "$T/b.xml" "two exports with SOURCE_DATE_EPOCH are identical"
strip() {
    sed -e 's/ updated="[^"]*"//' -e 's|<digest algorithm="sha256">[0-9a-f]*</digest>||' \
        -e '/^  <members>$/d' -e '/^    <member person="tester" role="owner" /d' \
        -e '/^  <\/members>$/d' "$1" |
        awk '/<change at=/ { held = $0; next }
             held != "" { if ($0 ~ /<what>imported<\/what>/) { skip = 1; held = ""; next }
                          print held; held = "" }
             skip { if ($0 ~ /<\/change>/) skip = 0; next }
             { print }'
}
strip "$ex" >"$T/ex.stripped"
strip "$T/a.xml" >"$T/a.stripped"
same "$T/ex.stripped" "$T/a.stripped" "the re-export is the example, byte for byte, but for the import's traces"
contains "$T/a.xml" '<what>imported</what>'

done_testing
