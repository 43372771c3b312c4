#!/usr/bin/env python3
"""Bulk load into PostgreSQL: `traguardi demo` into an empty database against restoring a
dump of the same data (BENCHMARKS.md).

In a throwaway cluster (scripts/with-postgres: loopback, fsync off) each run creates an empty
database and times, as whole processes, `traguardi demo --enti N --objectives M` into it; the
first load is dumped once with pg_dump (custom format and plain SQL), and each run also times
`pg_restore -d` and `psql -f` of those dumps into fresh empty databases. Runs alternate; the
best wall time of each is compared. Peak memory is the client's (the server's work is the
same COPY for all three).

    bench/pg_load_bench.py [BUILD_DIR] [ENTI] [OBJECTIVES] [RUNS]  (defaults: build 500 250 3)
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    enti = sys.argv[2] if len(sys.argv) > 2 else "500"
    objectives = sys.argv[3] if len(sys.argv) > 3 else "250"
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    benchlib.under_postgres()
    binary = os.path.join(benchlib.ROOT, build, "traguardi")
    work = tempfile.mkdtemp(prefix="traguardi-pg-load-bench-")
    out = os.path.join(work, "out.txt")
    print(benchlib.load_line())
    custom, plain = os.path.join(work, "dump.custom"), os.path.join(work, "dump.sql")
    ours, restore, replay = [], [], []
    for k in range(runs):
        db = f"load_{k}"
        benchlib.psql(f"CREATE DATABASE {db}")
        ours.append(benchlib.run([binary, "demo", "--db", benchlib.pg_url(db), "--enti", enti,
                                  "--objectives", objectives], out))
        if k == 0:
            rows = subprocess.run(
                ["psql", "-X", "-qtA", "-d", db, "-c",
                 "SELECT sum(n_live_tup) FROM pg_stat_user_tables"],
                check=True, capture_output=True, text=True).stdout.strip()
            subprocess.run(["pg_dump", "-Fc", "-Z0", "-f", custom, db], check=True)
            subprocess.run(["pg_dump", "-f", plain, db], check=True)
            print(f"demo --enti {enti} --objectives {objectives}: {rows} righe; dump "
                  f"{os.path.getsize(custom)/1e6:.0f} MB (custom, non compresso), "
                  f"{os.path.getsize(plain)/1e6:.0f} MB (SQL)")
        benchlib.psql(f"DROP DATABASE {db}")
        benchlib.psql(f"CREATE DATABASE r_{k}")
        restore.append(benchlib.run(["pg_restore", "-d", f"r_{k}", custom], out))
        benchlib.psql(f"DROP DATABASE r_{k}")
        benchlib.psql(f"CREATE DATABASE p_{k}")
        replay.append(benchlib.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", f"p_{k}",
                                    "-f", plain], out))
        benchlib.psql(f"DROP DATABASE p_{k}")
    o, r, p = benchlib.best(ours), benchlib.best(restore), benchlib.best(replay)
    print(f"traguardi demo (una transazione):   {o[0]:.2f} s, memoria di picco {o[2]/1024:.0f} MB")
    print(f"pg_restore del dump (custom):       {r[0]:.2f} s, memoria di picco {r[2]/1024:.0f} MB")
    print(f"psql del dump (SQL):                {p[0]:.2f} s, memoria di picco {p[2]/1024:.0f} MB")
    print(f"rapporto: {o[0]/r[0]:.2f}x pg_restore, {o[0]/p[0]:.2f}x psql (migliore di {runs}, "
          "tempo reale)")
    subprocess.run(["rm", "-rf", work], check=True)


if __name__ == "__main__":
    main()
