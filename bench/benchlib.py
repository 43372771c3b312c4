"""Helpers shared by the whole-process benchmarks in bench/ (timing, peak memory, PostgreSQL)."""
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(argv, out_path, stdin_path=None, env=None, ok=(0,)):
    """Runs argv with stdout and stderr captured in a file.

    Returns (wall seconds, CPU seconds user + system, peak RSS in KB) of that process. The
    command runs under /usr/bin/time, which reports its peak memory: a child forked from this
    Python process would inherit Python's peak (ru_maxrss survives exec)."""
    rss_path = out_path + ".rss"
    with open(out_path, "wb") as out:
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        try:
            start = time.perf_counter()
            proc = subprocess.Popen(["/usr/bin/time", "-q", "-f", "%M", "-o", rss_path] + argv,
                                    stdout=out, stderr=subprocess.STDOUT, stdin=stdin, env=env)
            _, status, usage = os.wait4(proc.pid, 0)  # includes the waited-for command
            wall = time.perf_counter() - start
        finally:
            if stdin_path:
                stdin.close()
    with open(rss_path) as f:
        usage_rss = int(f.read().split()[-1])
    code = os.waitstatus_to_exitcode(status)
    if code not in ok:
        with open(out_path, "rb") as f:
            tail = f.read()[-2000:].decode(errors="replace")
        sys.exit(f"{' '.join(argv[:3])}… è terminato con stato {code}:\n{tail}")
    return wall, usage.ru_utime + usage.ru_stime, usage_rss


def best(samples, by=0):
    """The least disturbed run: least wall time (by=0) or least CPU time (by=1)."""
    return min(samples, key=lambda s: s[by])


def load_line():
    a, b, c = os.getloadavg()
    return f"carico della macchina: {a:.2f} {b:.2f} {c:.2f} (2 core)"


def under_postgres():
    """Re-runs this script inside scripts/with-postgres unless a cluster is already given."""
    if "TRAGUARDI_TEST_PG_URL" not in os.environ:
        script = os.path.join(ROOT, "scripts", "with-postgres")
        os.execv(script, [script, sys.executable] + sys.argv)


def pg_url(database):
    return f"postgresql://postgres@127.0.0.1:{os.environ['PGPORT']}/{database}"


def psql(sql, database="postgres"):
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", sql],
                   check=True, stdout=subprocess.DEVNULL)
