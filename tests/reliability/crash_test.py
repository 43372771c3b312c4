#!/usr/bin/env python3
"""Kill -9 at spread points during import, import-sheet and edits; after each kill the database
must hold the state before or the state after the command, and pass PRAGMA integrity_check.

Why: a kill (power cut, OOM killer, Ctrl-\\) must never leave half a change. Each scenario first
runs the command to the end to learn its duration and the "after" state, then repeats it on a
fresh copy of the "before" database and kills it at points spread over that duration.
Back-ends: SQLite always; PostgreSQL when TRAGUARDI_TEST_PG_URL is set (scripts/with-postgres).
A disk-full case runs on a small tmpfs when the machine allows mounting one (skipped with a
message otherwise). Used by scripts/crash-test (docs/reliability.md).

    crash_test.py BINARY SOURCE_DIR [--trials N]
"""
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse

BIN, SRC = sys.argv[1], sys.argv[2]
TRIALS = int(sys.argv[sys.argv.index("--trials") + 1]) if "--trials" in sys.argv else 8
ENV = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8", SOURCE_DATE_EPOCH="1700000000")
ENV.pop("TRAGUARDI_DB", None)
failures = []
checked = 0


def run(*args, check=True):
    r = subprocess.run([BIN, *args], env=ENV, capture_output=True, text=True)
    if check and r.returncode != 0:
        raise SystemExit(f"crash-test: {' '.join(args)} -> {r.returncode}\n{r.stderr}")
    return r


def export(db, out):
    """The plan as exported, with the audit log reduced to what each entry did: the entries'
    times and hashes differ between the measuring run and the killed ones, but a kill must leave
    either all of a command's entries or none of them."""
    r = run("export", "--db", db, "--out", out, check=False)
    if r.returncode != 0:
        return None
    with open(out, encoding="utf-8") as f:
        doc = json.load(f)
    for ente in doc["enti"]:
        ente["audit_log"] = [[e["action"], e["target"], e["field"], e["before"], e["after"]]
                             for e in ente.get("audit_log", [])]
    return json.dumps(doc, sort_keys=True)


def integrity(path):
    c = sqlite3.connect(path)
    try:
        return c.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        c.close()


class Sqlite:
    name = "sqlite"

    def __init__(self, work):
        self.work = work

    def fresh(self, template, tag):
        path = os.path.join(self.work, f"{tag}.db")
        for s in ("", "-wal", "-shm"):
            if os.path.exists(path + s):
                os.remove(path + s)
        shutil.copy(template, path)
        return path

    def check(self, db):
        state = integrity(db)
        return None if state == "ok" else f"integrity_check: {state}"


class Postgres:
    name = "postgresql"

    def __init__(self, work, url):
        self.work, self.url, self.n = work, url, 0

    def admin(self, sql):
        import_ok = subprocess.run(["psql", self.url, "-v", "ON_ERROR_STOP=1", "-qc", sql],
                                   capture_output=True, text=True)
        if import_ok.returncode != 0:
            raise SystemExit(f"crash-test: psql: {import_ok.stderr}")

    def fresh(self, template_json, tag):
        self.n += 1
        name = f"crash_{os.getpid()}_{self.n}"
        self.admin(f"CREATE DATABASE {name}")
        parts = urllib.parse.urlsplit(self.url)
        url = urllib.parse.urlunsplit(parts._replace(path="/" + name))
        if template_json:
            run("import", template_json, "--db", url)
        return url

    def check(self, db):
        return None  # PostgreSQL checks its own pages; the state comparison is what matters


def trial(backend, label, before_db, command, before, after, duration, k):
    """Runs `command` (with {db}) on a fresh copy and kills it after a spread delay."""
    global checked
    db = backend.fresh(before_db, f"{label}-{k}")
    args = [a.replace("{db}", db) for a in command]
    delay = duration * (k + 0.5) / TRIALS
    p = subprocess.Popen([BIN, *args], env=ENV, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    time.sleep(delay)
    p.send_signal(signal.SIGKILL)
    p.wait()
    problem = backend.check(db) if backend.name == "sqlite" else None
    state = export(db, os.path.join(backend.work, f"{label}-{k}.json"))
    checked += 1
    what = "prima" if state == before else "dopo" if state == after else None
    if problem or what is None:
        failures.append(f"{backend.name} {label} kill dopo {delay:.3f}s: "
                        f"{problem or 'stato né prima né dopo'}")
    return what


def scenario(backend, label, before_db, command):
    """Learns the before/after states and duration, then kills the command at spread points."""
    db = backend.fresh(before_db, f"{label}-ref")
    before = export(db, os.path.join(backend.work, f"{label}-before.json"))
    args = [a.replace("{db}", db) for a in command]
    t0 = time.monotonic()
    r = subprocess.run([BIN, *args], env=ENV, capture_output=True, text=True)
    duration = time.monotonic() - t0
    if r.returncode != 0:
        raise SystemExit(f"crash-test: {label}: {r.stderr}")
    after = export(db, os.path.join(backend.work, f"{label}-after.json"))
    seen = {"prima": 0, "dopo": 0, None: 0}
    for k in range(TRIALS):
        seen[trial(backend, label, before_db, command, before, after, duration, k)] += 1
    print(f"crash-test: {backend.name} {label}: {TRIALS} kill in {duration:.2f}s "
          f"(prima {seen['prima']}, dopo {seen['dopo']}, altro {seen[None]})")


def disk_full(work):
    mnt = os.path.join(work, "tmpfs")
    os.mkdir(mnt)
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mnt],
                       capture_output=True, text=True)
    if r.returncode != 0:
        print("crash-test: disco pieno saltato: impossibile montare un tmpfs "
              f"({r.stderr.strip() or 'permesso negato'})")
        return
    try:
        big = os.path.join(work, "big.json")
        run("demo", "--enti", "40", "--db", os.path.join(work, "big.db"))
        run("export", "--db", os.path.join(work, "big.db"), "--out", big)
        db = os.path.join(mnt, "t.db")
        r = run("import", big, "--db", db, check=False)
        global checked
        checked += 1
        left = os.listdir(mnt)
        if r.returncode != 5 or "spazio su disco esaurito" not in r.stderr or left:
            failures.append(f"disco pieno (database nuovo): exit {r.returncode}, "
                            f"messaggio {r.stderr.strip()!r}, file rimasti {left}")
        small = os.path.join(mnt, "s.db")
        run("demo", "--solo-comune", "--db", small)
        before = export(small, os.path.join(work, "s-before.json"))
        r = run("import", big, "--db", small, check=False)
        checked += 1
        after = export(small, os.path.join(work, "s-after.json"))
        wal = os.path.join(mnt, "s.db-wal")
        if r.returncode != 5 or before != after or integrity(small) != "ok" or (
                os.path.exists(wal) and os.path.getsize(wal) > 0):
            failures.append(f"disco pieno (database esistente): exit {r.returncode}, "
                            f"stato {'invariato' if before == after else 'cambiato'}")
        print(f"crash-test: disco pieno su tmpfs di 1 MB: exit {r.returncode}, "
              f"database {'invariato' if before == after else 'CAMBIATO'}")
    finally:
        subprocess.run(["umount", mnt])


def main():
    work = tempfile.mkdtemp(prefix="traguardi-crash-")
    try:
        base = os.path.join(work, "base.db")
        run("demo", "--solo-comune", "--db", base)
        base_json = os.path.join(work, "base.json")
        run("export", "--db", base, "--out", base_json)
        many = os.path.join(work, "many.db")
        run("demo", "--enti", "25", "--db", many)
        bulk = os.path.join(work, "bulk.json")
        run("export", "--db", many, "--out", bulk)
        sheets = [os.path.join(SRC, "tests/importer/fixtures", f)
                  for f in ("valdora_peg_2020.txt", "valdora_peg_2021.txt")]
        code = "2025_S01_01"
        summary = run("summary", "--json", "--db", base).stdout
        objectives = [o for o in json.loads(summary).get("objectives", [])
                      if o.get("level") == "peg" and o.get("phases")]
        if objectives:
            code = objectives[0]["code"]
        edit = ["update-phase", "--db", "{db}", "--obiettivo", code, "--fase", "1",
                "--avanzamento", "55", "--note", "interrotta?"]
        backends = [(Sqlite(work), base)]
        if os.environ.get("TRAGUARDI_TEST_PG_URL"):
            backends.append((Postgres(work, os.environ["TRAGUARDI_TEST_PG_URL"]), base_json))
        elif os.environ.get("CI") == "true":
            failures.append("TRAGUARDI_TEST_PG_URL assente: PostgreSQL non provato (CI)")
        for backend, before in backends:
            scenario(backend, "import", before, ["import", bulk, "--db", "{db}"])
            scenario(backend, "import-sheet", before, ["import-sheet", *sheets, "--db", "{db}",
                                                       "--ente", "C_VALDORA"])
            scenario(backend, "update-phase", before, edit)
        disk_full(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for f in failures:
        print("crash-test: ERRORE:", f)
    print(f"crash-test: {checked} verifiche, {len(failures)} errori")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
