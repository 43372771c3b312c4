#!/usr/bin/env python3
"""Edits racing imports and each other, in separate processes, on SQLite and PostgreSQL:
no update may be lost.

Why: a lost update once turned up on SQLite (issue 15, defect 1): `update-phase` read the ente,
`import` replaced it, and the edit then wrote back every field of its old snapshot. Rounds:
  1. edit vs import: `update-phase --avanzamento` started at points spread over an `import` of a
     file that changes the fase's description and peso. Either the import is merged over the
     edits committed before it (the fase has the file's description and peso), or it is refused
     whole as a conflict; an edit never writes back the snapshot it read before the import.
  2. edit vs edit: two `update-phase` on the same fase, one --avanzamento and one --note,
     both without --versione. Each edit that exits 0 must be visible at the end, unless a
     later successful edit of the same field replaced it; a refused one (exit 4) changes nothing.
Used by scripts/race-test (docs/reliability.md).

    race_test.py BINARY [--rounds N]
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

BIN = sys.argv[1]
ROUNDS = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 6
EDITS = 6
IMPORT_SECONDS = 1.0  # measured in main() on this machine
EXTRA = 600  # objectives that make the import last
ENV = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8")
ENV.pop("TRAGUARDI_DB", None)
failures = []


def plan(description, weight, progress, extra_objectives=0):
    objectives = [{"vista": "V", "code": "2025_S01_01", "level": "peg", "year": 2025,
                   "phases": [{"order": 1, "description": description, "weight": weight,
                               "progress": progress},
                              {"order": 2, "description": "Altra", "weight": "10"}]}]
    # Extra objectives make the import last long enough to overlap the edits.
    for i in range(extra_objectives):
        objectives.append({"vista": "V", "code": f"2025_S02_{i:03d}", "level": "peg",
                           "description": "riempitivo " * 40,
                           "phases": [{"order": k, "description": "f", "weight": "10"}
                                      for k in range(1, 6)]})
    return {"format": "traguardi", "format_version": 1,
            "enti": [{"ente": {"code": "C_GARA", "name": "Comune di Gara"},
                      "vistas": [{"code": "V"}], "objectives": objectives}]}


def phase(db, work):
    out = os.path.join(work, "state.json")
    r = subprocess.run([BIN, "export", "--db", db, "--out", out], env=ENV,
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"race-test: export: {r.stderr}")
    d = json.load(open(out, encoding="utf-8"))
    for o in d["enti"][0]["objectives"]:
        if o["code"] == "2025_S01_01":
            return o["phases"][0]
    raise SystemExit("race-test: fase scomparsa")


def start(args):
    return subprocess.Popen([BIN, *args], env=ENV, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def databases(work):
    yield "sqlite", lambda n: os.path.join(work, f"r{n}.db")
    url = os.environ.get("TRAGUARDI_TEST_PG_URL")
    if not url:
        if os.environ.get("CI") == "true":
            failures.append("TRAGUARDI_TEST_PG_URL assente: PostgreSQL non provato (CI)")
        return
    pid = os.getpid()

    def pg(n):
        name = f"race_{pid}_{n}"
        subprocess.run(["psql", url, "-qc", f"CREATE DATABASE {name}"], check=True,
                       capture_output=True)
        return urllib.parse.urlunsplit(urllib.parse.urlsplit(url)._replace(path="/" + name))
    yield "postgresql", pg


def edit_vs_import(name, make_db, work, n):
    old = os.path.join(work, "old.json")
    new = os.path.join(work, "new.json")
    json.dump(plan("VECCHIA", "70", "10"), open(old, "w"))
    json.dump(plan("DAL_FILE", "30", "20", extra_objectives=EXTRA), open(new, "w"))
    db = make_db(n)
    subprocess.run([BIN, "import", old, "--db", db], env=ENV, check=True, capture_output=True)
    # Edits start at points spread over the import, so that some read the old ente and
    # write after the import committed: the race of defect 1.
    imp = start(["import", new, "--db", db])
    edits = []
    for k in range(EDITS):
        time.sleep(IMPORT_SECONDS / EDITS)
        edits.append(start(["update-phase", "--db", db, "--obiettivo", "2025_S01_01", "--fase",
                            "1", "--avanzamento", str(70 + k)]))
    imp.communicate()
    results = []
    for e in edits:
        err = e.communicate()[1].strip()
        results.append((e.returncode, err))
    f = phase(db, work)
    # Either the import went through (merged over the edits committed before it) or it was
    # refused whole as a conflict (exit 4) and the fase is the old one: never a mix, never an
    # edit that wrote back the snapshot it read before the import.
    merged = imp.returncode == 0 and f["description"] == "DAL_FILE" and f["weight"] == "30"
    refused = imp.returncode in (4, 5) and f["description"] == "VECCHIA" and f["weight"] == "70"
    ok = (merged or refused) and all(rc in (0, 4, 5) for rc, _ in results)
    if not ok:
        message = (f"{name} modifica contro import (giro {n}): fase {f['description']}/"
                   f"{f['weight']}, import exit {imp.returncode}, modifiche {results}")
        failures.append(message)
    return f["progress"]


def edit_vs_edit(name, make_db, work, n):
    old = os.path.join(work, "old.json")
    json.dump(plan("VECCHIA", "70", "10"), open(old, "w"))
    db = make_db(n)
    subprocess.run([BIN, "import", old, "--db", db], env=ENV, check=True, capture_output=True)
    a = start(["update-phase", "--db", db, "--obiettivo", "2025_S01_01", "--fase", "1",
               "--avanzamento", "66"])
    b = start(["update-phase", "--db", db, "--obiettivo", "2025_S01_01", "--fase", "1",
               "--note", f"nota {n}"])
    a.communicate()
    _, b_err = b.communicate()
    f = phase(db, work)
    lost = []
    if a.returncode == 0 and f.get("progress") != "66":
        lost.append("avanzamento")
    if b.returncode == 0 and f.get("note") != f"nota {n}":
        lost.append("note")
    if lost or a.returncode not in (0, 4, 5) or b.returncode not in (0, 4, 5):
        failures.append(f"{name} modifica contro modifica (giro {n}): perse {lost}, exit "
                        f"{a.returncode}/{b.returncode} {b_err.strip()}")


def measure(work):
    global IMPORT_SECONDS
    new = os.path.join(work, "measure.json")
    json.dump(plan("DAL_FILE", "30", "20", extra_objectives=EXTRA), open(new, "w"))
    t0 = time.monotonic()
    subprocess.run([BIN, "import", new, "--db", os.path.join(work, "measure.db")], env=ENV,
                   check=True, capture_output=True)
    IMPORT_SECONDS = time.monotonic() - t0


def main():
    work = tempfile.mkdtemp(prefix="traguardi-race-")
    try:
        measure(work)
        for name, make_db in databases(work):
            outcomes = []
            for n in range(ROUNDS):
                outcomes.append(edit_vs_import(name, make_db, work, 2 * n))
                edit_vs_edit(name, make_db, work, 2 * n + 1)
            print(f"race-test: {name}: {ROUNDS} giri modifica/import (avanzamento finale "
                  f"{sorted(set(outcomes))}) e {ROUNDS} giri modifica/modifica")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for f in failures:
        print("race-test: ERRORE:", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
