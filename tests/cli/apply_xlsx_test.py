#!/usr/bin/env python3
"""`apply` of an XLSX written by `export --format xlsx` and edited with a real spreadsheet
library (openpyxl, Debian's python3-openpyxl), including a bad row (issue 8).

Proves: the workbook openpyxl saves (shared strings, numbers, real dates) is read back; a file
saved unchanged changes nothing; a bad row is reported with its spreadsheet row and nothing is
applied; the corrected file applies exactly the edited values. Missing openpyxl fails under
CI=true (a test that cannot run must not pass) and is skipped (77) elsewhere.
"""
import datetime
import os
import subprocess
import sys
import tempfile

try:
    import openpyxl
except ImportError:
    system = "/usr/bin/python3"
    if os.path.exists(system) and os.path.realpath(sys.executable) != os.path.realpath(system) \
            and not os.environ.get("TRAGUARDI_APPLY_REEXEC"):
        os.environ["TRAGUARDI_APPLY_REEXEC"] = "1"
        os.execv(system, [system] + sys.argv)
    print("openpyxl mancante: installare python3-openpyxl (scripts/install-deps --test)")
    sys.exit(1 if os.environ.get("CI") == "true" else 77)

PLAN = """{"format": "traguardi", "format_version": 1,
 "enti": [{"ente": {"code": "C_PROVA", "name": "Comune di Prova"},
   "vistas": [{"code": "DUP_2025_2027"}],
   "objectives": [
     {"vista": "DUP_2025_2027", "code": "2025_S01_01", "level": "peg", "year": 2025,
      "description": "@Riqualificare gli alloggi", "state": "In Corso",
      "phases": [
        {"order": 1, "description": "Analisi", "weight": "40", "progress": "100",
         "planned_start": "2025-01-01", "planned_end": "2025-03-31"},
        {"order": 2, "description": "Lavori", "weight": "60", "progress": "0"}],
      "indicators": [{"order": 1, "description": "Spesa", "scale": "euro", "target": "1134.5"}]}]}]}
"""

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FALLITO:", what)


def main():
    exe = sys.argv[1]
    with tempfile.TemporaryDirectory() as d:
        db = os.path.join(d, "t.db")

        def run(*args):
            env = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8")
            return subprocess.run([exe, *args, "--db", db], capture_output=True, text=True,
                                  env=env)

        def csv():
            out = os.path.join(d, "check.csv")
            assert run("export", "--format", "csv", "--out", out).returncode == 0
            with open(out, encoding="utf-8-sig") as f:
                return f.read()

        with open(os.path.join(d, "plan.json"), "w") as f:
            f.write(PLAN)
        assert run("import", os.path.join(d, "plan.json")).returncode == 0
        exported = os.path.join(d, "piano.xlsx")
        r = run("export", "--format", "xlsx", "--out", exported)
        check(r.returncode == 0, f"export xlsx: {r.stderr}")
        original = csv()

        wb = openpyxl.load_workbook(exported)
        ws = wb.worksheets[0]
        header = [c.value for c in ws[1]]
        col = {name: i + 1 for i, name in enumerate(header)}
        rows = {}
        for r_ in range(2, ws.max_row + 1):
            key = (ws.cell(r_, col["tipo_riga"]).value, ws.cell(r_, col["n"]).value)
            rows[key] = r_
        check(ws.cell(rows[("fase", 1)], col["peso"]).value == 40, "peso esportato come numero")
        check(isinstance(ws.cell(rows[("fase", 1)], col["inizio_previsto"]).value,
                         datetime.datetime), "data esportata come data")

        # Saved by openpyxl without edits: nothing changes.
        same = os.path.join(d, "uguale.xlsx")
        wb.save(same)
        r = run("apply", same)
        check(r.returncode == 0 and "Nessuna modifica" in r.stdout, f"apply invariato: {r}")

        # Edits, and a bad row (peso 120 in row of fase 1).
        fase1, fase2, ind = rows[("fase", 1)], rows[("fase", 2)], rows[("indicatore", 1)]
        ws.cell(fase2, col["avanzamento"]).value = 30
        ws.cell(fase2, col["inizio_effettivo"]).value = datetime.datetime(2025, 3, 3)
        ws.cell(ind, col["raggiunto"]).value = 1134.75
        ws.cell(ind, col["note"]).value = "fonte: ragioneria"
        ws.cell(fase1, col["peso"]).value = 120
        edited = os.path.join(d, "modificato.xlsx")
        wb.save(edited)
        r = run("apply", edited)
        check(r.returncode == 2, f"riga errata: exit {r.returncode}")
        check(f"modificato.xlsx:{fase1}: peso: deve essere compreso tra 0 e 100" in r.stderr,
              f"resoconto per riga: {r.stderr}")
        check("Nessuna modifica applicata" in r.stderr, "nulla applicato")
        check(csv() == original, "dati invariati dopo il rifiuto")

        # Corrected: the edits are applied, exactly.
        ws.cell(fase1, col["peso"]).value = 40
        wb.save(edited)
        r = run("apply", edited, "--utente", "ufficio")
        check(r.returncode == 0, f"apply corretto: {r.stderr}")
        check("Applicate 2 righe su 4" in r.stdout, f"righe applicate: {r.stdout}")
        after = csv()
        check("fase;DUP_2025_2027;2025_S01_01;2;2;;;;;Lavori;;;;;;;;;;60,00;30,00;;;03/03/2025;"
              in after, f"fase 2 modificata: {after}")
        check(";euro;crescente;1.134,50;1.134,75;fonte: ragioneria" in after,
              f"indicatore modificato: {after}")

        # Round trip of the new state.
        r = run("export", "--format", "xlsx", "--out", exported)
        r = run("apply", exported)
        check(r.returncode == 0 and "Nessuna modifica" in r.stdout, f"andata e ritorno: {r}")
    if failures:
        sys.exit(1)
    print("ok")


main()
