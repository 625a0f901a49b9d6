#!/bin/sh
# The man pages in French and German: made from the English ones and the
# translations of po/man, they render without warnings, speak the
# language in their headings and document every command --help lists.
. "$TOP_SRCDIR/tests/lib.sh"

command -v groff >/dev/null 2>&1 || skip "groff is not installed"
if [ ! -f "$TOP_BUILDDIR/doc/fr/dpia.1" ]; then
    command -v po4a-translate >/dev/null 2>&1 || skip "po4a is not installed: no translated man pages"
    fail "po4a is installed but doc/fr/dpia.1 was not made"
    done_testing
fi
"$DPIA" --help > "$T/help"
for l in fr de; do
    for page in dpia.1 dpia-template.5; do
        f=$TOP_BUILDDIR/doc/$l/$page
        checks=$((checks + 1))
        if [ -s "$f" ]; then pass "$l/$page made"; else fail "$l/$page missing"; continue; fi
        checks=$((checks + 1))
        head -n 1 "$f" | grep -q 'coding: UTF-8' && pass "$l/$page says its encoding" ||
            fail "$l/$page does not say its encoding"
        groff -k -man -Tutf8 -ww -z "$f" 2>"$T/warn"
        checks=$((checks + 1))
        [ -s "$T/warn" ] && fail "$l/$page: groff warns: $(head -n 3 "$T/warn")" ||
            pass "$l/$page renders without warnings"
        groff -k -man -Tutf8 -P-cbou "$f" 2>/dev/null > "$T/$l-$page.txt"
    done
done
contains "$T/fr-dpia.1.txt" "NOM"
contains "$T/fr-dpia.1.txt" "analyse d'impact relative à la protection des données"
contains "$T/fr-dpia.1.txt" "ENVIRONNEMENT"
contains "$T/de-dpia.1.txt" "ÜBERSICHT"
contains "$T/de-dpia.1.txt" "nach der DSGVO"
contains "$T/de-dpia.1.txt" "UMGEBUNGSVARIABLEN"
contains "$T/fr-dpia-template.5.txt" "modèle"
contains "$T/de-dpia-template.5.txt" "Vorlage"
# Every command of --help is documented in each translated page.
sed -n 's/^  \([a-z][a-z]*\( add\| check\)\{0,1\}\)\( .*\)\{0,1\}$/\1/p' "$T/help" | sort -u > "$T/commands"
checks=$((checks + 1))
[ "$(wc -l < "$T/commands")" -ge 25 ] && pass "--help lists $(wc -l < "$T/commands") commands" ||
    fail "only $(wc -l < "$T/commands") commands read from --help"
for l in fr de; do
    missing=""
    while read -r c; do
        grep -q -- "$c" "$T/$l-dpia.1.txt" || missing="$missing $c"
    done < "$T/commands"
    checks=$((checks + 1))
    [ -z "$missing" ] && pass "$l/dpia.1 documents every command" ||
        fail "$l/dpia.1 lacks:$missing"
done
done_testing
