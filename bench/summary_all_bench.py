#!/usr/bin/env python3
"""`traguardi summary --all` against a hand-written SQL aggregate (BENCHMARKS.md).

Both are whole processes computing the same figures per ente (objectives, PEG objectives,
mean objective progress, mean objective achievement): traguardi through its Store, the
reference with bench/summary_all.sqlite.sql (sqlite3) and bench/summary_all.pg.sql (psql).
Runs alternate; the best wall time of each is compared, with peak memory of the client
process. PostgreSQL runs with max_parallel_workers_per_gather = 0 on both sides (serial
plans; traguardi's scan is serial anyway) in a throwaway cluster (scripts/with-postgres).
The printed figures are cross-checked: same enti, counts, and means within 0.01.

    bench/summary_all_bench.py [BUILD_DIR] [SQLITE_ENTI] [PG_ENTI] [RUNS]
                               (defaults: build 200 500 5; 250 PEG objectives per ente)
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

OBJECTIVES = "250"


def traguardi_figures(binary, db, env):
    out = subprocess.run([binary, "summary", "--all", "--json", "--db", db], env=env,
                         check=True, capture_output=True).stdout
    rows = {}
    for e in json.loads(out)["enti"]:
        rows[e["ente"]] = (e["objectives"], e["peg_objectives"], e["progress"], e["achievement"])
    return rows


def sql_figures(path):
    rows = {}
    with open(path) as f:
        for line in f:
            parts = line.strip().split("|")
            if len(parts) == 5:
                rows[parts[0]] = (int(parts[1]), int(parts[2]), parts[3] or None, parts[4] or None)
    return rows


def cross_check(ours, ref):
    if ours.keys() != ref.keys():
        sys.exit("ATTENZIONE: enti diversi tra traguardi e SQL")
    for ente, (n, peg, p, a) in ours.items():
        rn, rpeg, rp, ra = ref[ente]
        for x, y in ((p, rp), (a, ra)):
            if (x is None) != (y is None) or (x is not None and abs(float(x) - float(y)) > 0.011):
                sys.exit(f"ATTENZIONE: {ente}: traguardi {ours[ente]} SQL {ref[ente]}")
        if (n, peg) != (rn, rpeg):
            sys.exit(f"ATTENZIONE: {ente}: traguardi {ours[ente]} SQL {ref[ente]}")
    return len(ours)


def compare(label, ours_argv, ref_argv, ref_stdin, runs, work, env):
    ours, ref = [], []
    for _ in range(runs):
        ours.append(benchlib.run(ours_argv, os.path.join(work, "out_traguardi.txt"), env=env))
        ref.append(benchlib.run(ref_argv, os.path.join(work, "out_sql.txt"), ref_stdin, env=env))
    o, r = benchlib.best(ours), benchlib.best(ref)
    print(f"{label}:")
    print(f"  traguardi summary --all: {o[0]*1000:.0f} ms (CPU del processo {o[1]*1000:.0f} ms), "
          f"memoria di picco {o[2]/1024:.1f} MB")
    print(f"  SQL scritto a mano:      {r[0]*1000:.0f} ms (CPU del processo {r[1]*1000:.0f} ms), "
          f"memoria di picco {r[2]/1024:.1f} MB")
    print(f"  rapporto: {o[0]/r[0]:.2f}x (migliore di {runs}, tempo reale)")


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    sqlite_enti = sys.argv[2] if len(sys.argv) > 2 else "200"
    pg_enti = sys.argv[3] if len(sys.argv) > 3 else "500"
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    benchlib.under_postgres()
    binary = os.path.join(benchlib.ROOT, build, "traguardi")
    here = os.path.dirname(os.path.abspath(__file__))
    work = tempfile.mkdtemp(prefix="traguardi-summary-bench-")
    env = dict(os.environ, PGOPTIONS="-c max_parallel_workers_per_gather=0")
    print(benchlib.load_line())

    db = os.path.join(work, "demo.sqlite")
    subprocess.run([binary, "demo", "--db", db, "--enti", sqlite_enti, "--objectives", OBJECTIVES],
                   check=True, capture_output=True)
    out_sql = os.path.join(work, "out_sql.txt")
    benchlib.run(["sqlite3", db], out_sql, os.path.join(here, "summary_all.sqlite.sql"))
    n = cross_check(traguardi_figures(binary, db, env), sql_figures(out_sql))
    compare(f"SQLite, {n} enti x {OBJECTIVES} obiettivi di PEG (risultati verificati)",
            [binary, "summary", "--all", "--db", db], ["sqlite3", db],
            os.path.join(here, "summary_all.sqlite.sql"), runs, work, env)

    benchlib.psql("CREATE DATABASE traguardi_summary")
    url = benchlib.pg_url("traguardi_summary")
    subprocess.run([binary, "demo", "--db", url, "--enti", pg_enti, "--objectives", OBJECTIVES],
                   check=True, capture_output=True)
    benchlib.psql("VACUUM ANALYZE", "traguardi_summary")
    psql = ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", "traguardi_summary"]
    benchlib.run(psql, out_sql, os.path.join(here, "summary_all.pg.sql"), env=env)
    n = cross_check(traguardi_figures(binary, url, env), sql_figures(out_sql))
    compare(f"PostgreSQL, {n} enti x {OBJECTIVES} obiettivi di PEG, piani seriali "
            "(risultati verificati)", [binary, "summary", "--all", "--db", url], psql,
            os.path.join(here, "summary_all.pg.sql"), runs, work, env)
    subprocess.run(["rm", "-rf", work], check=True)


if __name__ == "__main__":
    main()
