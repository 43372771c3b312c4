#!/usr/bin/env python3
"""The rarely used libraries are loaded on first use (src/cli/lazy_libraries.cpp).

`traguardi` must not record poppler, pango, cairo, xlsxwriter or cpp-httplib as needed
libraries (a new call into one of them that is not in the trampoline list would link it again,
silently: start-up would only get slower), must not load them or OpenSSL at start-up, and must
still reach them through the trampolines: a PDF report, an XLSX report and the import of that
PDF, in one run each.

    lazy_libraries_test.py TRAGUARDI
"""
import os
import subprocess
import sys
import tempfile

LAZY = ["libpoppler-cpp.so", "libpoppler.so", "libpangocairo-1.0.so", "libpango-1.0.so",
        "libgobject-2.0.so", "libcairo.so", "libxlsxwriter.so", "libcpp-httplib.so",
        "libssl.so", "libcrypto.so"]


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def main():
    binary = sys.argv[1]
    failures = []
    dynamic = run(["readelf", "-d", binary]).stdout
    needed = [line.split("[")[1].rstrip("]") for line in dynamic.splitlines() if "(NEEDED)" in line]
    if not needed:
        failures.append("readelf non elenca alcuna libreria: controllo non eseguito")
    for lib in needed:
        if any(lib.startswith(l) for l in LAZY):
            failures.append(f"{lib} è registrata come libreria necessaria (manca dalla lista "
                            "di src/cli/lazy_libraries.cpp?)")
    loaded = run([binary, "--version"], env=dict(os.environ, LD_TRACE_LOADED_OBJECTS="1")).stdout
    for l in LAZY:
        if l in loaded:
            failures.append(f"{l} è caricata all'avvio")

    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "demo.sqlite")
        steps = [
            [binary, "demo", "--db", db],
            [binary, "report", "scheda-peg-rendicontazione", "--db", db, "--ente", "C_VALDORA",
             "--format", "pdf", "--out", os.path.join(tmp, "r.pdf")],
            [binary, "report", "scheda-peg-rendicontazione", "--db", db, "--ente", "C_VALDORA",
             "--format", "xlsx", "--out", os.path.join(tmp, "r.xlsx")],
            [binary, "import-sheet", "--dry-run", "--db", os.path.join(tmp, "nuovo.sqlite"),
             os.path.join(tmp, "r.pdf")],
        ]
        for args in steps:
            r = run(args)
            # The import of a printed report finds errors (exit 1): it must have read the PDF.
            ok = r.returncode == 0 or (args[1] == "import-sheet" and "30 obiettivi" in r.stdout)
            if not ok:
                failures.append(f"{' '.join(args[1:3])}: uscita {r.returncode}: {r.stderr[-500:]}")
        for name, magic in [("r.pdf", b"%PDF"), ("r.xlsx", b"PK")]:
            path = os.path.join(tmp, name)
            if not os.path.exists(path) or open(path, "rb").read(len(magic)) != magic:
                failures.append(f"{name} non scritto")

    for f in failures:
        print("ERRORE:", f)
    print(f"librerie registrate: {', '.join(needed)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
