#!/usr/bin/env python3
"""Reads the zip packages of the ODT and DOCX exports for the tests.

  zipparts.py layout FILE NAME...   the entries are exactly NAME... in
                                    that order; an ODT's mimetype entry
                                    is stored, without extra field, so
                                    that its type sits at offset 38
  zipparts.py extract FILE DIR      writes each entry under DIR
  zipparts.py tags FILE.xml         prints each element's name, one a
                                    line ({namespace}local)
  zipparts.py tables FILE.xml       every table is square: in ODF, each
                                    row has as many cells as the table
                                    has columns; in WordprocessingML,
                                    the table has a grid, each row as
                                    many cells as the grid has columns
                                    and each cell a paragraph
  zipparts.py text FILE.xml         prints the text of each paragraph
                                    and heading (ODF text:p and text:h,
                                    WordprocessingML w:p), one a line

Exit status 0 when it holds, 1 with the reason on stderr otherwise.
"""
import os
import sys
import xml.etree.ElementTree as ET
import zipfile


def layout(path, names):
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
        got = [i.filename for i in infos]
        if got != names:
            sys.exit("%s: entries %s, expected %s" % (path, got, names))
        first = infos[0]
        if first.filename == "mimetype":
            if first.compress_type != zipfile.ZIP_STORED:
                sys.exit("%s: mimetype is compressed" % path)
            if first.extra:
                sys.exit("%s: mimetype has an extra field" % path)
            with open(path, "rb") as f:
                head = f.read(38 + 39)
            if head[30:38] != b"mimetype" or \
                    head[38:] != b"application/vnd.oasis.opendocument.text":
                sys.exit("%s: no ODF magic at offset 30: %r" % (path, head[30:]))
        bad = z.testzip()
        if bad:
            sys.exit("%s: %s is damaged" % (path, bad))


def extract(path, folder):
    with zipfile.ZipFile(path) as z:
        for i in z.infolist():
            out = os.path.join(folder, i.filename)
            os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
            with open(out, "wb") as f:
                f.write(z.read(i))


def tags(path):
    for el in ET.parse(path).iter():
        print(el.tag)


TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def tables(path):
    root = ET.parse(path).getroot()
    n = 0
    for t in root.iter(TABLE + "table"):
        n += 1
        cols = sum(int(c.get(TABLE + "number-columns-repeated", "1"))
                   for c in t.findall(TABLE + "table-column"))
        for i, row in enumerate(t.iter(TABLE + "table-row")):
            cells = len(row.findall(TABLE + "table-cell"))
            if cells != cols:
                sys.exit("%s: table %s, row %d: %d cells, %d columns" %
                         (path, t.get(TABLE + "name"), i + 1, cells, cols))
    for t in root.iter(W + "tbl"):
        n += 1
        grid = t.find(W + "tblGrid")
        if grid is None:
            sys.exit("%s: table %d has no grid" % (path, n))
        cols = len(grid.findall(W + "gridCol"))
        for i, row in enumerate(t.findall(W + "tr")):
            cells = row.findall(W + "tc")
            if len(cells) != cols:
                sys.exit("%s: table %d, row %d: %d cells, %d grid columns" %
                         (path, n, i + 1, len(cells), cols))
            for c in cells:
                if c.find(W + "p") is None:
                    sys.exit("%s: table %d, row %d: a cell without a paragraph" %
                             (path, n, i + 1))
    if n == 0:
        sys.exit("%s: no table" % path)


def text(path):
    for el in ET.parse(path).iter():
        if el.tag.rsplit("}", 1)[-1] in ("p", "h"):
            print("".join(el.itertext()))


def main():
    cmd, path, rest = sys.argv[1], sys.argv[2], sys.argv[3:]
    if cmd == "layout":
        layout(path, rest)
    elif cmd == "extract":
        extract(path, rest[0])
    elif cmd == "tags":
        tags(path)
    elif cmd == "tables":
        tables(path)
    elif cmd == "text":
        text(path)
    else:
        sys.exit("unknown command " + cmd)


main()
