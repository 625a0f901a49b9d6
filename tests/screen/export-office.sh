#!/bin/sh
# The export dialog offers the ODT and DOCX documents and the PDF: each
# is proposed under a name with its own extension and written as the
# package of its format, as dpia export writes it (the PDF with the
# record inside; without WeasyPrint, the message names the package).
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
tmux_wait "$T/out/dpia-minutes-$day.odt" && pass "an .odt name proposed"
tmux_keys Enter
tmux_wait "Written: $T/out/dpia-minutes-$day.odt"
checks=$((checks + 1))
if $Z layout "$T/out/dpia-minutes-$day.odt" mimetype META-INF/manifest.xml content.xml \
    styles.xml meta.xml 2>"$T/why"; then pass "an ODT package written"; else
    fail "the ODT: $(cat "$T/why")"; fi

tmux_keys e
tmux_wait "DOCX document"
tmux_keys Down Down Down Enter
tmux_wait "$T/out/dpia-minutes-$day.docx" && pass "a .docx name proposed"
tmux_keys Enter
tmux_wait "Written: $T/out/dpia-minutes-$day.docx"
checks=$((checks + 1))
if $Z layout "$T/out/dpia-minutes-$day.docx" "[Content_Types].xml" _rels/.rels \
    docProps/core.xml word/document.xml word/styles.xml word/_rels/document.xml.rels \
    word/footer1.xml 2>"$T/why"; then pass "a DOCX package written"; else
    fail "the DOCX: $(cat "$T/why")"; fi

tmux_keys e
tmux_wait "PDF/A document (archival, the record inside; needs WeasyPrint)" && pass "PDF offered"
tmux_keys Down Down Down Down Enter
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
