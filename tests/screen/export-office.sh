#!/bin/sh
# The export dialog offers the ODT and DOCX documents and the PDF: each
# is proposed under a name with its own extension and written as the
# package of its format, as dpia export writes it (the PDF with the
# record inside; without WeasyPrint, the message names the package). A
# report asks what it includes (the change log condensed or whole, the
# template's guidance or not), first offering what the settings say; the
# settings' export-format is the format offered first.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"
command -v python3 >/dev/null 2>&1 || skip "python3 is not installed"

DB=$T/db.sqlite
"$DPIA" -d "$DB" new --title "Minutes" >/dev/null || fail "new"
mkdir -p "$HOME/.config/dpia"
printf 'export-dir = %s/out\n' "$T" >"$HOME/.config/dpia/config"
day=$(date +%F)
Z="python3 $TOP_SRCDIR/tests/cli/zipparts.py"

tmux_start 120 30 -d "$DB"
tmux_wait "1 of 1"
tmux_keys e
tmux_wait "ODT document (LibreOffice, Word)" && pass "ODT offered"
tmux_wait "DOCX document (Word, LibreOffice)" && pass "DOCX offered"
tmux_keys Down Down Enter
tmux_wait "Report options"
tmux_wait "Whole change log, with the template's guidance"
tmux_keys Down Down Down Enter
tmux_wait "$T/out/dpia-minutes-$day.odt" && pass "an .odt name proposed"
tmux_keys Enter
tmux_wait "Written: $T/out/dpia-minutes-$day.odt"
checks=$((checks + 1))
if $Z layout "$T/out/dpia-minutes-$day.odt" mimetype META-INF/manifest.xml content.xml \
    styles.xml meta.xml 2>"$T/why"; then pass "an ODT package written"; else
    fail "the ODT: $(cat "$T/why")"; fi
$Z extract "$T/out/dpia-minutes-$day.odt" "$T/odt" && cp "$T/odt/content.xml" "$T/odt.xml"
# The guidance asked for: the screening section's introduction.
contains "$T/odt.xml" "the nine criteria of the WP248 guidelines" "the ODT has the guidance asked for"
contains "$T/odt.xml" "Every change recorded" "the ODT has the whole change log asked for"

# The settings choose the format and the options offered first.
printf 'export-dir = %s/out\nexport-format = docx\nfull-history = yes\n' "$T" >"$HOME/.config/dpia/config"

tmux_keys e
tmux_wait "DOCX document"
tmux_keys Enter
tmux_wait "Report options"
tmux_keys Enter
tmux_wait "$T/out/dpia-minutes-$day.docx" && pass "a .docx name proposed (export-format)"
tmux_keys Enter
tmux_wait "Written: $T/out/dpia-minutes-$day.docx"
checks=$((checks + 1))
if $Z layout "$T/out/dpia-minutes-$day.docx" "[Content_Types].xml" _rels/.rels \
    docProps/core.xml word/document.xml word/styles.xml word/_rels/document.xml.rels \
    word/footer1.xml 2>"$T/why"; then pass "a DOCX package written"; else
    fail "the DOCX: $(cat "$T/why")"; fi
$Z extract "$T/out/dpia-minutes-$day.docx" "$T/docx" && cp "$T/docx/word/document.xml" "$T/docx.xml"
contains "$T/docx.xml" "Every change recorded" "the DOCX has the whole change log (full-history)"
lacks "$T/docx.xml" "the nine criteria of the WP248 guidelines" "the DOCX has no guidance"

tmux_keys e
tmux_wait "PDF/A document (archival, the record inside; needs WeasyPrint)" && pass "PDF offered"
# The dialog opens on DOCX, the settings' format: the PDF is next.
tmux_keys Down Enter
tmux_wait "Report options"
tmux_keys Enter
tmux_wait "$T/out/dpia-minutes-$day.pdf" && pass "a .pdf name proposed"
tmux_keys Enter
if command -v weasyprint >/dev/null 2>&1; then
    tmux_wait "Written: $T/out/dpia-minutes-$day.pdf"
    checks=$((checks + 1))
    [ "$(head -c 5 "$T/out/dpia-minutes-$day.pdf")" = "%PDF-" ] && pass "a PDF written" ||
        fail "the PDF: not a PDF"
    if command -v pdfdetach >/dev/null 2>&1; then
        checks=$((checks + 1))
        pdfdetach -list "$T/out/dpia-minutes-$day.pdf" 2>&1 | grep -q "1: dpia-record.xml" &&
            pass "the PDF carries the record" || fail "the PDF without the record"
    fi
else
    tmux_wait "install the package weasyprint"
    checks=$((checks + 1))
    [ ! -e "$T/out/dpia-minutes-$day.pdf" ] && pass "no PDF without WeasyPrint" ||
        fail "a PDF written without WeasyPrint"
fi

tmux_keys q
tmux_wait_exit >/dev/null
done_testing
