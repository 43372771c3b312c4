#!/usr/bin/env python3
"""What a traguardi process costs before any work (BENCHMARKS.md "## Start-up").

Builds an empty C program linked against each group of libraries the `traguardi` binary
loads (nothing else, -Wl,--no-as-needed) and times, as whole processes, each of them,
`traguardi --version` and `traguardi summary` of the demo comune (SQLite). Each runs RUNS
times; the median CPU time (user + system) and the page faults of the process are printed.

    bench/startup_bench.py [BUILD_DIR] [RUNS]    (defaults: build, 30)
"""
import os
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

GROUPS = [
    ("nessuna libreria", []),
    ("libstdc++", ["-lstdc++"]),
    ("tcmalloc_minimal (allocatore)", ["-ltcmalloc_minimal"]),
    ("sqlite3 + sodium + fmt", ["-lsqlite3", "-lsodium", "-lfmt"]),
    ("libpq (PostgreSQL)", ["-lpq"]),
    ("poppler-cpp (import da PDF)", ["-lpoppler-cpp"]),
    ("pango + cairo (report PDF)", ["pkg:pangocairo cairo"]),
    ("xlsxwriter (report XLSX)", ["-lxlsxwriter"]),
]


def libs(spec):
    out = []
    for s in spec:
        if s.startswith("pkg:"):
            out += subprocess.run(["pkg-config", "--libs"] + s[4:].split(), check=True,
                                  capture_output=True, text=True).stdout.split()
        else:
            out.append(s)
    return out


def measure(argv, runs):
    cpu, faults = [], []
    for _ in range(runs):
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(proc.pid, 0)
        cpu.append((usage.ru_utime + usage.ru_stime) * 1000)
        faults.append(usage.ru_minflt)
    return statistics.median(cpu), statistics.median(faults)


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    binary = os.path.join(benchlib.ROOT, build, "traguardi")
    work = tempfile.mkdtemp(prefix="traguardi-startup-bench-")
    source = os.path.join(work, "vuoto.c")
    with open(source, "w") as f:
        f.write("int main(void) { return 0; }\n")
    print(benchlib.load_line())
    for label, spec in GROUPS:
        exe = os.path.join(work, "p%d" % GROUPS.index((label, spec)))
        subprocess.run(["cc", source, "-o", exe, "-Wl,--no-as-needed"] + libs(spec), check=True)
        count = len(subprocess.run(["ldd", exe], capture_output=True, text=True).stdout
                    .splitlines())
        cpu, faults = measure([exe], runs)
        print(f"  {label:32} {count:3} librerie  {cpu:6.1f} ms CPU  {faults:6.0f} page fault")
    count = len(subprocess.run(["ldd", binary], capture_output=True, text=True).stdout
                .splitlines())
    db = os.path.join(work, "valdora.sqlite")
    subprocess.run([binary, "demo", "--solo-comune", "--db", db], check=True,
                   capture_output=True)
    for label, argv in (("traguardi --version", [binary, "--version"]),
                        ("traguardi summary (Valdora)", [binary, "summary", "--db", db])):
        cpu, faults = measure(argv, runs)
        print(f"  {label:32} {count:3} librerie  {cpu:6.1f} ms CPU  {faults:6.0f} page fault")
    subprocess.run(["rm", "-rf", work], check=True)


if __name__ == "__main__":
    main()
