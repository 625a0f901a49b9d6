#!/bin/sh
# Makes the seed databases of the database fuzzer (corpus/database):
#   sh tests/fuzz/mkdb.sh BUILDDIR OUTDIR
# Small real files written by dpia itself (the minimal template of a
# record, pages of 512 bytes): no assessment; one with answers, risks, a
# linked measure, a sign-off and its change log; the same with a closed
# revision; the same in schema 1, for the migration.
set -eu
B=$1
OUT=$2
SRC=$(cd "$(dirname "$0")/../.." && pwd)
DPIA=$B/dpia
TOOL=$B/tests/store/storetool
W=$(mktemp -d "${TMPDIR:-/tmp}/dpia-mkdb.XXXXXX")
trap 'rm -rf "$W"' EXIT
DPIA_USER=seed
export DPIA_USER
mkdir -p "$OUT"

# small NAME: the file at $W/NAME in pages of 512 bytes, into OUT.
small() {
    "$TOOL" sql "$W/$1" "PRAGMA journal_mode = DELETE; PRAGMA page_size = 512; VACUUM;
        PRAGMA journal_mode = WAL" >/dev/null
    cp "$W/$1" "$OUT/$1"
}

"$TOOL" gen "$W/empty.sqlite" 0
small empty.sqlite

D=$W/one.sqlite
"$DPIA" -d "$D" import "$SRC/tests/fixtures/records/good-minimal.xml" >/dev/null
"$DPIA" -d "$D" review 1 2030-01-31 >/dev/null
"$DPIA" -d "$D" risk add 1 --title "Seed risk" --likelihood 2 --severity 1 >/dev/null
"$DPIA" -d "$D" measure add 1 --title "Seed measure" --risks 1 >/dev/null
"$DPIA" -d "$D" signoff 1 --role dpo --name "Dana" --advice "Fine" >/dev/null
cp "$D" "$W/revised.sqlite"
cp "$D" "$W/schema1.sqlite"
small one.sqlite

# A closed revision: its record kept as a blob.
"$TOOL" sql "$W/revised.sqlite" "INSERT INTO revisions VALUES (1, 1, 'approved',
    '2026-01-02', 1767312000, CAST('<record/>' AS BLOB));
    UPDATE assessments SET revision = 2, replaces_date = '2026-01-02'" >/dev/null
small revised.sqlite

"$TOOL" sql "$W/schema1.sqlite" "PRAGMA foreign_keys = OFF;
    ALTER TABLE assessments DROP COLUMN revision;
    ALTER TABLE assessments DROP COLUMN replaces_date;
    ALTER TABLE assessments DROP COLUMN archived_from;
    ALTER TABLE risks DROP COLUMN type;
    ALTER TABLE signoffs DROP COLUMN acknowledged;
    DROP TABLE revisions;
    PRAGMA user_version = 1" >/dev/null
small schema1.sqlite
ls -l "$OUT"
