#!/bin/sh
# xsl-lang.sh LANG PO IN.xsl ITS OUT.xsl: the report stylesheet IN.xsl
# in language LANG, its text translated by the catalogue PO (msgfmt,
# then itstool with the rules ITS), and the language it declares to the
# reader (html lang, the document's default language) set to LANG.
# Without itstool ($ITSTOOL empty: a build without NLS) OUT.xsl is
# IN.xsl, in English. $GMSGFMT and $ITSTOOL name the programs.
set -e
lang=$1 po=$2 in=$3 its=$4 out=$5
tmp=$out.tmp
rm -f "$tmp" "$tmp.mo"
if [ -z "${ITSTOOL:-}" ]; then
    cp "$in" "$tmp"
else
    case $lang in
    fr) region=fr-FR ;;
    de) region=de-DE ;;
    *) region=$lang ;;
    esac
    ${GMSGFMT:-msgfmt} -c -o "$tmp.mo" "$po"
    $ITSTOOL -i "$its" -m "$tmp.mo" -l "$lang" -o "$tmp.its" "$in"
    rm -f "$tmp.mo"
    sed -e "s|<html lang=\"en\">|<html lang=\"$lang\">|" \
        -e "s|fo:language=\"en\"|fo:language=\"$lang\"|" \
        -e "s|<w:lang w:val=\"en-GB\"/>|<w:lang w:val=\"$region\"/>|" \
        "$tmp.its" >"$tmp"
    rm -f "$tmp.its"
fi
mv "$tmp" "$out"
