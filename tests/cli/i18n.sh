#!/bin/sh
# The translations are complete and in step with the English: every
# message of the program, every text of the default template and every
# paragraph of the man pages has a French and a German translation, none
# fuzzy, and none kept for an English text that has since changed. A new
# message without its translations fails here.
. "$TOP_SRCDIR/tests/lib.sh"
[ "${USE_NLS:-yes}" = yes ] || skip "dpia was built without NLS (gettext): it speaks English only"

for tool in xgettext msgmerge msgfmt; do
    command -v $tool >/dev/null 2>&1 || skip "$tool (gettext) is not installed"
done
S=$TOP_SRCDIR
LINGUAS=$(sed -e '/^#/d' "$S/po/LINGUAS")

# Checks every language's catalogue of one kind against its template.
complete() {
    kind=$1 pot=$2 dir=$3 pattern=$4
    for l in $LINGUAS; do
        po=$dir/$(printf "$pattern" "$l")
        checks=$((checks + 1))
        if [ ! -f "$po" ]; then
            fail "$kind: no $l translation ($po)"
            continue
        fi
        g=$(po_gaps "$po" "$pot")
        if [ -z "$g" ]; then
            pass "$kind: $l complete"
        else
            fail "$kind: $l lacks $(printf '%s\n' "$g" | wc -l) translation(s):"
            printf '%s\n' "$g" | head -n 10 | sed 's/^/    /'
        fi
    done
}

# --- the program's messages ------------------------------------------------
# Every file that marks messages is listed in po/POTFILES.in.
checks=$((checks + 1))
unlisted=$(cd "$S" && grep -l -E '\b(_|N_|P_)\(' $(find tui -name '*.[ch]' ! -path 'tui/gen/*' | sort) |
    grep -v -x -F -f "$S/po/POTFILES.in")
[ -z "$unlisted" ] && pass "po/POTFILES.in lists every file with messages" ||
    fail "po/POTFILES.in lacks: $unlisted"

# The catalogue made from the sources as they are, as `make update-po` does.
program_pot() {
    (cd "$S" && xgettext --default-domain=dpia --from-code=UTF-8 --keyword=_ --keyword=N_ \
        --keyword=P_:1,2 --add-comments=TRANSLATORS: --package-name=dpia \
        --files-from="$1" -o "$2") 2>&1 | grep -v 'msgid-bugs-address' || true
}
sed -e '/^#/d' "$S/po/POTFILES.in" > "$T/files"
program_pot "$T/files" "$T/dpia.pot"
[ -s "$T/dpia.pot" ] || fail "xgettext made no catalogue"
complete "messages" "$T/dpia.pot" "$S/po" "%s.po"

# A message added to the sources without its translations is caught: the
# same check on the sources and one more file fails.
mkdir -p "$T/src"
cat > "$T/src/new.c" <<'C'
static const char *m(void) { return _("A message nobody has translated yet"); }
C
cp "$T/files" "$T/files2"
echo "$T/src/new.c" >> "$T/files2"
program_pot "$T/files2" "$T/dpia2.pot"
checks=$((checks + 1))
g=$(po_gaps "$S/po/fr.po" "$T/dpia2.pot")
case $g in
*"A message nobody has translated yet"*) pass "a new message without its translation is caught" ;;
*) fail "a new message without its translation went unnoticed" ;;
esac

# Every catalogue compiles, with its formats checked against the English.
for l in $LINGUAS; do
    checks=$((checks + 1))
    if msgfmt -c -o /dev/null "$S/po/$l.po" 2>"$T/err"; then
        pass "po/$l.po compiles with its formats checked"
    else
        fail "po/$l.po: $(head -n 3 "$T/err")"
    fi
done

# --- the default template ---------------------------------------------------
if command -v itstool >/dev/null 2>&1; then
    itstool -i "$S/templates/template.its" -o "$T/gdpr-dpia.pot" "$S/templates/gdpr-dpia.xml"
    complete "template" "$T/gdpr-dpia.pot" "$S/po/gdpr-dpia" "%s.po"
    # As built in: every text translated, said by the program itself.
    run 0 "$DPIA" template check "$TOP_BUILDDIR/tui/gen/gdpr-dpia.xml"
    contains "$T/out" "translated into"
    contains "$T/out" "every text complete"
    # A text whose English changed loses its translations when the
    # template is built again (translations are matched to the English),
    # and the check names it with its line.
    sed 's|<prompt>Which authority.s list was checked?</prompt>|<prompt>Which list was checked?</prompt>|' \
        "$S/templates/gdpr-dpia.xml" > "$T/changed-src.xml"
    mkdir -p "$T/mo"
    for l in $LINGUAS; do msgfmt -o "$T/mo/$l.mo" "$S/po/gdpr-dpia/$l.po"; done
    itstool -i "$S/templates/template.its" -j "$T/changed-src.xml" -o "$T/changed.xml" "$T"/mo/*.mo
    run 1 "$DPIA" template check "$T/changed.xml"
    contains "$T/err" "<prompt> has no translation into French (fr)"
    contains "$T/err" "<prompt> has no translation into German (de)"
    contains "$T/err" "2 texts are not translated"
else
    echo "# itstool is not installed: the template's translations are not checked"
fi

# --- the man pages -----------------------------------------------------------
if command -v po4a-updatepo >/dev/null 2>&1; then
    for page in dpia.1 dpia-template.5; do
        po4a-updatepo -f man -M UTF-8 -m "$S/doc/$page" -p "$T/$page.pot" >/dev/null 2>&1
        complete "$page" "$T/$page.pot" "$S/po/man" "$page.%s.po"
    done
else
    echo "# po4a is not installed: the man pages' translations are not checked"
fi

done_testing
