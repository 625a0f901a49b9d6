#!/bin/sh
# dpia export -o writes regular files only: a FIFO, a device, a folder,
# a symbolic link (dangling or not) or the database is refused with the
# reason and left as it was, with or without --force; --follow-symlinks
# writes the file a link points to; a file replaced keeps its mode (and
# its owner, as root); no temporary file is left behind.
. "$TOP_SRCDIR/tests/lib.sh"

DB=$T/db.sqlite
D="$DPIA -d $DB"
run 0 $D import "$TOP_SRCDIR/tests/fixtures/records/good-minimal.xml"
mkdir "$T/w"
W=$T/w

no_temporary() {
    checks=$((checks + 1))
    left=$(find "$W" "$T" -maxdepth 1 -name '.dpia-tmp-*' | wc -l)
    [ "$left" -eq 0 ] && pass "no temporary file left ($1)" || fail "$left temporary files left ($1)"
}

# export_refused TARGET TEXT [OPTION]...: refused with TEXT in the message.
export_refused() {
    target=$1
    text=$2
    shift 2
    run 1 timeout 10 $D export 1 --format xml -o "$target" "$@" &&
        contains "$T/err" "$text" "$(basename "$target") $*: refused ($text)"
}

# --- a FIFO: never opened, never replaced ------------------------------------
mkfifo "$W/pipe.xml"
export_refused "$W/pipe.xml" "is a FIFO, not a regular file"
export_refused "$W/pipe.xml" "is a FIFO, not a regular file" --force
checks=$((checks + 1))
[ -p "$W/pipe.xml" ] && pass "the FIFO is still a FIFO" || fail "the FIFO was replaced"
no_temporary "FIFO"

# --- a device: made here, so that no real device is at risk --------------------
if [ "$(id -u)" = 0 ] && mknod "$W/null.xml" c 1 3 2>/dev/null; then
    export_refused "$W/null.xml" "is a character device, not a regular file" --force
    checks=$((checks + 1))
    [ -c "$W/null.xml" ] && pass "the device is still a character device" ||
        fail "the device was replaced by $(stat -c %F "$W/null.xml")"
    no_temporary "device"
else
    echo "not root (or no mknod): the device part is not run"
fi

# --- a folder ----------------------------------------------------------------
mkdir "$W/folder.xml"
export_refused "$W/folder.xml" "is a folder; name a file in it" --force
checks=$((checks + 1))
[ -d "$W/folder.xml" ] && pass "the folder is still a folder" || fail "the folder was replaced"
no_temporary "folder"

# --- symbolic links: never replaced --------------------------------------------
echo "the real file" >"$W/real.xml"
ln -s real.xml "$W/link.xml"
export_refused "$W/link.xml" "is a symbolic link, which dpia does not replace"
export_refused "$W/link.xml" "is a symbolic link, which dpia does not replace" --force
checks=$((checks + 1))
[ -L "$W/link.xml" ] && pass "the link is still a link" || fail "the link was replaced"
contains "$W/real.xml" "the real file" "the file the link points to is untouched"

ln -s nowhere.xml "$W/dangling.xml"
export_refused "$W/dangling.xml" "is a symbolic link, which dpia does not replace"
export_refused "$W/dangling.xml" "is a symbolic link, which dpia does not replace" --force
checks=$((checks + 1))
[ -L "$W/dangling.xml" ] && pass "the dangling link is still a link" ||
    fail "the dangling link was replaced"
checks=$((checks + 1))
[ ! -e "$W/nowhere.xml" ] && pass "nothing made where the dangling link points" ||
    fail "the dangling link's target was created"
export_refused "$W/dangling.xml" "a symbolic link to a file that does not exist" --follow-symlinks --force

# --follow-symlinks: the file pointed to is written (an existing one only
# with --force), the link stays.
export_refused "$W/link.xml" "real.xml exists; use --force" --follow-symlinks
run 0 $D export 1 --format xml -o "$W/link.xml" --follow-symlinks --force
checks=$((checks + 1))
[ -L "$W/link.xml" ] && pass "--follow-symlinks keeps the link" || fail "--follow-symlinks replaced the link"
contains "$W/real.xml" '<record xmlns="urn:dpia:record:1"' "--follow-symlinks writes the file pointed to"
ln -s pipe.xml "$W/to-pipe.xml"
export_refused "$W/to-pipe.xml" "is a FIFO, not a regular file" --follow-symlinks --force
no_temporary "links"

# --- the database itself ---------------------------------------------------------
export_refused "$DB" "is the database" --force
run 0 $D show 1 && contains "$T/out" "Minimal record" "the database is intact"

# --- a file replaced keeps its mode (and owner) -------------------------------------
for m in 600 640 604; do
    echo "old" >"$W/mode-$m.xml"
    chmod "$m" "$W/mode-$m.xml"
    run 0 $D export 1 --format xml -o "$W/mode-$m.xml" --force
    got=$(stat -c %a "$W/mode-$m.xml")
    checks=$((checks + 1))
    [ "$got" = "$m" ] && pass "mode $m kept" || fail "mode $m came back $got"
done
# A new file gets 0666 less the umask.
(umask 027 && $D export 1 --format xml -o "$W/new.xml") || fail "export to a new file"
got=$(stat -c %a "$W/new.xml")
checks=$((checks + 1))
[ "$got" = 640 ] && pass "a new file: 0666 less the umask" || fail "a new file has mode $got"
if [ "$(id -u)" = 0 ]; then
    echo "old" >"$W/owned.xml"
    chown 12345:23456 "$W/owned.xml"
    run 0 $D export 1 --format xml -o "$W/owned.xml" --force
    got=$(stat -c %u:%g "$W/owned.xml")
    checks=$((checks + 1))
    [ "$got" = 12345:23456 ] && pass "owner kept" || fail "owner came back $got"
fi
no_temporary "modes"

# --- a failure after the temporary file is made leaves nothing behind ---------------
cat >"$W/stop.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/"><xsl:message terminate="yes">stop</xsl:message></xsl:template>
</xsl:stylesheet>
XSL
run 1 $D export 1 --format html --stylesheet "$W/stop.xsl" -o "$W/stopped.html"
checks=$((checks + 1))
[ ! -e "$W/stopped.html" ] && pass "a failed export makes no file" || fail "a failed export left a file"
no_temporary "failed export"
done_testing
