#!/bin/sh
# reports-pot.sh SRCDIR OUT.pot: the messages of the report stylesheets
# (templates/report.xsl, odt.xsl, docx.xsl) for translators, extracted
# by itstool with the rules templates/xsl.its. One run per stylesheet,
# joined by msgcat (itstool given the three at once mixes the spacing
# of a message met in more than one). $ITSTOOL and $MSGCAT name the
# programs.
set -e
src=$1 out=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/reports-pot.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
for f in report odt docx; do
    (cd "$src" && ${ITSTOOL:-itstool} -i templates/xsl.its -o "$tmp/$f.pot" "templates/$f.xsl")
done
${MSGCAT:-msgcat} --use-first -o "$tmp/all.pot" "$tmp/report.pot" "$tmp/odt.pot" "$tmp/docx.pot"
# No creation date: the file changes only when a message does.
sed -e '/^"POT-Creation-Date:/d' -e 's/^"Project-Id-Version: PACKAGE VERSION/"Project-Id-Version: dpia reports/' "$tmp/all.pot" >"$out"
