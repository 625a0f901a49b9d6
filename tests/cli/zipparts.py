#!/usr/bin/env python3
"""Reads the zip packages of the ODT and DOCX exports for the tests.

  zipparts.py layout FILE NAME...   the entries are exactly NAME... in
                                    that order; an ODT's mimetype entry
                                    is stored, without extra field, so
                                    that its type sits at offset 38
  zipparts.py extract FILE DIR      writes each entry under DIR
  zipparts.py tags FILE.xml         prints each element's name, one a
                                    line ({namespace}local)
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
    elif cmd == "text":
        text(path)
    else:
        sys.exit("unknown command " + cmd)


main()
