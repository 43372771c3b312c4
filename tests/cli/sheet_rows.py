#!/usr/bin/env python3
"""Prints a CSV file or the first worksheet of an XLSX file as the test cases read it back.

One line per row, cells joined by " | ". XLSX: the first line is the worksheet's name; a text
cell is its text, a number cell "#" and the shortest decimal of its stored value (so a test sees that numbers were
written as numbers, not as text). CSV: the first line says whether the file has the UTF-8 byte
order mark and CRLF line ends an Italian Excel needs; fields are split on ';' per RFC 4180.
Only the standard library: the case runner has nothing else."""
import csv
import io
import re
import sys
import zipfile
from xml.etree import ElementTree

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def column_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord("A") + 1
    return n - 1


def show_csv(path):
    data = open(path, "rb").read()
    lines = data.count(b"\n")
    print("BOM" if data.startswith(b"\xef\xbb\xbf") else "senza BOM",
          "CRLF" if lines and data.count(b"\r\n") == lines else "non CRLF")
    text = data.decode("utf-8-sig")
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=";"):
        print(" | ".join(row))


def main(path):
    if path.endswith(".csv"):
        show_csv(path)
        return
    z = zipfile.ZipFile(path)
    book = ElementTree.fromstring(z.read("xl/workbook.xml"))
    print(book.find("m:sheets/m:sheet", NS).get("name"))
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ElementTree.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    sheet = ElementTree.fromstring(z.read("xl/worksheets/sheet1.xml"))
    for row in sheet.findall("m:sheetData/m:row", NS):
        cells = []
        for c in row.findall("m:c", NS):
            i = column_index(c.get("r"))
            cells.extend([""] * (i - len(cells)))
            v = c.find("m:v", NS)
            if v is None:
                text = "".join(t.text or "" for t in c.iter("{%s}t" % NS["m"]))
            elif c.get("t") == "s":
                text = shared[int(v.text)]
            elif c.get("t") in ("str", "inlineStr"):
                text = v.text or ""
            else:  # the shortest decimal that reads back as the stored double
                number = float(v.text)
                text = "#" + (str(int(number)) if number.is_integer() else repr(number))
            cells.append(text)
        print(" | ".join(cells))


if __name__ == "__main__":
    main(sys.argv[1])
