#!/usr/bin/env python3
"""`apply` of damaged workbooks and CSV files never crashes (issue 8).

Takes the XLSX and CSV written by `export`, damages them in seeded, reproducible ways (random
byte flips, truncations, a member that inflates far beyond its declared size, a cell at a
far-away column) and checks that every run ends with exit 0, 2 or 4 (never a signal or an
internal error) with messages in valid UTF-8 (a flip may also be a valid edit, which is then
applied). Only Python's standard library.
"""
import os
import random
import struct
import subprocess
import sys
import tempfile
import zipfile

PLAN = """{"format": "traguardi", "format_version": 1,
 "enti": [{"ente": {"code": "C_PROVA", "name": "Comune di Prova"},
   "vistas": [{"code": "DUP_2025_2027"}],
   "objectives": [
     {"vista": "DUP_2025_2027", "code": "2025_S01_01", "level": "peg", "year": 2025,
      "phases": [{"order": 1, "description": "Analisi", "weight": "100", "progress": "10"}],
      "indicators": [{"order": 1, "description": "Pratiche", "target": "12"}]}]}]}
"""


def main():
    exe = sys.argv[1]
    bad = []
    with tempfile.TemporaryDirectory() as d:
        db = os.path.join(d, "t.db")

        def run(*args):
            return subprocess.run([exe, *args, "--db", db], capture_output=True, text=True,
                                  errors="replace", env=dict(os.environ, LC_ALL="C.UTF-8"))

        def csv_text():
            out = os.path.join(d, "stato.csv")
            assert run("export", "--format", "csv", "--out", out).returncode == 0
            return open(out, "rb").read()

        open(os.path.join(d, "plan.json"), "w").write(PLAN)
        assert run("import", os.path.join(d, "plan.json")).returncode == 0
        xlsx = os.path.join(d, "piano.xlsx")
        assert run("export", "--format", "xlsx", "--out", xlsx).returncode == 0
        good_xlsx = open(xlsx, "rb").read()
        good_csv = csv_text()
        del csv_text

        cases = []
        rnd = random.Random(8)
        for i in range(60):
            data = bytearray(good_xlsx)
            for _ in range(rnd.randint(1, 8)):
                data[rnd.randrange(len(data))] = rnd.randrange(256)
            cases.append((f"flip{i}.xlsx", bytes(data)))
        for cut in (0, 4, 22, 100, len(good_xlsx) // 2, len(good_xlsx) - 10):
            cases.append((f"cut{cut}.xlsx", good_xlsx[:cut]))
        for i in range(30):
            data = bytearray(good_csv)
            for _ in range(rnd.randint(1, 6)):
                data[rnd.randrange(len(data))] = rnd.choice(b';"\r\n\x00\xff-=x9,/')
            cases.append((f"flip{i}.csv", bytes(data)))
        # A member that inflates to 32 MiB of zeros while the archive's index says 1,000 bytes:
        # unpacking stops at the declared size and the file is refused.
        bomb = os.path.join(d, "bomba.xlsx")
        with zipfile.ZipFile(xlsx) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
            for item in src.infolist():
                if item.filename != "xl/sharedStrings.xml":
                    z.writestr(item.filename, src.read(item.filename))
            z.writestr("xl/sharedStrings.xml", b"\0" * (32 << 20))
        data = bytearray(open(bomb, "rb").read())
        at = data.find(b"PK\x01\x02")
        while at >= 0:
            n = struct.unpack_from("<H", data, at + 28)[0]
            if data[at + 46:at + 46 + n] == b"xl/sharedStrings.xml":
                struct.pack_into("<I", data, at + 24, 1000)
            at = data.find(b"PK\x01\x02", at + 4)
        cases.append(("bomba.xlsx", bytes(data)))
        # A cell at column XFD (16384) on every row.
        wide = os.path.join(d, "largo.xlsx")
        with zipfile.ZipFile(xlsx) as src, zipfile.ZipFile(wide, "w", zipfile.ZIP_DEFLATED) as z:
            for item in src.infolist():
                body = src.read(item.filename)
                if item.filename == "xl/worksheets/sheet1.xml":
                    body = body.replace(b"</row>", b'<c r="XFD1"><v>1</v></c></row>')
                z.writestr(item.filename, body)
        cases.append(("largo.xlsx", open(wide, "rb").read()))

        for name, data in cases:
            path = os.path.join(d, name)
            open(path, "wb").write(data)
            r = run("apply", path)
            if r.returncode not in (0, 2, 4) or "errore interno" in r.stderr \
                    or "\ufffd" in r.stderr:
                bad.append(f"{name}: exit {r.returncode}: {r.stderr[-300:]}")
        r = run("apply", os.path.join(d, "largo.xlsx"))
        if r.returncode != 2 or "celle oltre la colonna 1024" not in r.stderr:
            bad.append(f"largo.xlsx: {r.returncode} {r.stderr}")
        r = run("apply", os.path.join(d, "bomba.xlsx"))
        if r.returncode != 2 or "dati compressi non validi" not in r.stderr:
            bad.append(f"bomba.xlsx: {r.returncode} {r.stderr}")
    for b in bad:
        print("FALLITO:", b)
    print(f"{len(cases)} file danneggiati, {len(bad)} problemi")
    sys.exit(1 if bad else 0)


main()
