#!/usr/bin/env python3
"""Checks that texts of an XML record are in a PDF's text.

pdftext.py displays RECORD.xml TEXT.txt
    Every answer's displayed text (answer/display) of the record must be
    found in TEXT.txt (a choice of several, item by item) (what pdftotext wrote), whitespace normalised and
    the running header and footer of each page taken out, so that a
    text cut by a page break is found whole. Prints what is missing.
"""
import re
import sys
import xml.etree.ElementTree as ET

NS = "{urn:dpia:record:1}"


def norm(s):
    return " ".join(s.split())


def page_text(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    keep = []
    for line in text.replace("\f", "\n").split("\n"):
        s = line.strip()
        if re.fullmatch(r"Page \d+ of \d+", s):
            continue
        if s.startswith("Data Protection Impact Assessment: ") or \
                s == "Confidential: data protection record":
            continue
        keep.append(s)
    return norm(" ".join(keep))


def main():
    if len(sys.argv) != 4 or sys.argv[1] != "displays":
        sys.exit(__doc__)
    root = ET.parse(sys.argv[2]).getroot()
    text = page_text(sys.argv[3])
    missing = []
    count = 0
    for ans in root.iter(NS + "answer"):
        d = ans.find(NS + "display")
        if d is None or not (d.text or "").strip():
            continue
        count += 1
        want = norm(d.text)
        # A choice of several is shown one item a line: each is looked for.
        parts = want.split("; ")
        if want not in text and any(p not in text for p in parts):
            missing.append(want)
    for m in missing:
        print("missing: " + m[:200])
    print("%d answers, %d missing" % (count, len(missing)))
    sys.exit(1 if missing or count == 0 else 0)


if __name__ == "__main__":
    main()
