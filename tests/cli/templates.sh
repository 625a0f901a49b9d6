#!/bin/sh
# dpia templates and dpia template check: the shipped templates load, and
# every broken or hostile template is refused with FILE:LINE: message.
. "$TOP_SRCDIR/tests/lib.sh"

fx=$TOP_SRCDIR/tests/fixtures/templates

# The shipped templates are valid, from their files.
run 0 "$DPIA" template check "$TOP_SRCDIR/templates/gdpr-dpia.xml" &&
    contains "$T/out" "valid template 'gdpr-dpia'"
run 0 "$DPIA" template check "$TOP_SRCDIR/templates/edpb-2026.xml" &&
    contains "$T/out" "valid template 'edpb-2026' version 1.0"
run 0 "$DPIA" template check "$fx/minimal.xml" &&
    contains "$T/out" "valid template 'minimal'"

# The built-in ones are listed; one in DPIA_TEMPLATE_PATH too, with its source.
mkdir -p "$T/tpl" "$T/empty"
cp "$fx/minimal.xml" "$T/tpl/"
cp "$fx/bad-xxe.xml" "$T/tpl/"
DPIA_TEMPLATE_PATH="$T/empty:$T/tpl" run 1 "$DPIA" templates
grep "^gdpr-dpia " "$T/out" >"$T/line"
contains "$T/line" "built-in" "the default template is built in"
grep "^edpb-2026 " "$T/out" >"$T/line"
contains "$T/line" "built-in" "the EDPB template is built in"
grep "minimal" "$T/out" >"$T/line"
contains "$T/line" "DPIA_TEMPLATE_PATH" "minimal comes from DPIA_TEMPLATE_PATH"
contains "$T/line" "$T/tpl/minimal.xml" "its path is shown"
contains "$T/err" "bad-xxe.xml:2: a DOCTYPE is not allowed" "a broken template in the path is reported"

# The user's data folder.
mkdir -p "$HOME/.local/share/dpia/templates"
cp "$fx/minimal.xml" "$HOME/.local/share/dpia/templates/"
run 0 "$DPIA" templates && grep minimal "$T/out" >"$T/line" && contains "$T/line" "user"

# Every broken template fails with exactly the expected message.
cd "$fx" || exit 1
while IFS="$(printf '\t')" read -r file message; do
    checks=$((checks + 1))
    out=$("$DPIA" template check "$file" 2>&1)
    st=$?
    if [ "$st" -ne 1 ]; then
        fail "$file: exit $st, expected 1"
    elif [ "$out" != "dpia: $message" ]; then
        fail "$file: got '$out', expected 'dpia: $message'"
    else
        pass "$file refused: $message"
    fi
done <"$fx/expected.tsv"
cd "$T" || exit 1

# The external entity never leaked the file's content.
"$DPIA" template check "$fx/bad-xxe.xml" >"$T/out" 2>&1
lacks "$T/out" "root:" "no /etc/passwd content in the output"

# A file over the 4 MiB limit fails fast, before parsing.
{
    echo '<?xml version="1.0"?><template xmlns="urn:dpia:template:1"><title>'
    head -c 5000000 /dev/zero | tr '\0' 'a'
    echo '</title></template>'
} >"$T/huge.xml"
run 1 "$DPIA" template check "$T/huge.xml"
contains "$T/err" "huge.xml:1: larger than the limit"

# Deep nesting: refused with a line number, whatever the depth.
for depth in 100 100000; do
    awk -v n="$depth" 'BEGIN {
        printf "<?xml version=\"1.0\"?>\n<template xmlns=\"urn:dpia:template:1\" format=\"1\" id=\"d\" version=\"1\">\n";
        for (i = 0; i < n; i++) printf "<a>"; for (i = 0; i < n; i++) printf "</a>";
        printf "\n</template>\n" }' >"$T/deep.xml"
    run 1 "$DPIA" template check "$T/deep.xml"
    contains "$T/err" "deep.xml:3:" "nesting of $depth refused with a line"
done

# Several files: each is reported; the status says one failed.
run 1 "$DPIA" template check "$fx/minimal.xml" "$fx/bad-dup-question.xml"
contains "$T/out" "valid template 'minimal'"
contains "$T/err" "bad-dup-question.xml:36:"

# Usage errors.
run 2 "$DPIA" template check
run 2 "$DPIA" templates extra

done_testing
