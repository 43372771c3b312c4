#!/usr/bin/env python3
"""Whole-process import benchmark (BENCHMARKS.md "## Importing many sheets").

Times `traguardi import-sheet --dry-run` over
  - 80 and 160 DIFFERENT sheets, made from the shared seed sheets F003, F001, F000 by
    renumbering the vista (DUP_2021_2023 -> V07_2021_2023) and the PEG objective codes
    (2021_S08_03 -> 2021_H08_03) per group of three, so every group brings its own
    objectives and its own series across years;
  - 120 copies of the three seed sheets (40 each);
against `grep -c .` over the same files in the same run, with grep's output captured (GNU grep
stops at the first match when its output is /dev/null). Each command runs RUNS times,
alternating with the reference; the best run is reported, with CPU time (user + system) and
peak memory (max RSS) of the process.

    bench/import_sheet_bench.py [BUILD_DIR] [RUNS]     (defaults: build, 5)
"""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

ROOT = benchlib.ROOT
SEEDS = os.path.join(ROOT, "..", "shared", "seeds")

VISTA = re.compile(rb"\bDUP_(\d{4}_\d{4})\b")
PEG = re.compile(rb"\b(\d{4})_([A-Z])(\d{2})_(\d{2})\b")


def renumbered(text, group):
    letter = chr(ord("A") + group % 26).encode()
    shift = 10 * (group // 26)
    text = VISTA.sub(lambda m: b"V%02d_" % (group % 100) + m.group(1), text)
    return PEG.sub(
        lambda m: m.group(1) + b"_" + letter + b"%02d" % ((int(m.group(3)) + shift) % 100)
        + b"_" + m.group(4), text)


def seed(prefix):
    for name in sorted(os.listdir(SEEDS)):
        if name.startswith(prefix + "_"):
            with open(os.path.join(SEEDS, name), "rb") as f:
                return f.read()
    sys.exit(f"seed {prefix} non trovato in {SEEDS}")


def write_set(directory, texts):
    os.makedirs(directory)
    paths = []
    for k, text in enumerate(texts):
        path = os.path.join(directory, f"scheda_{k:03d}.txt")
        with open(path, "wb") as f:
            f.write(text)
        paths.append(path)
    return paths


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    binary = os.path.join(ROOT, build, "traguardi")
    texts = [seed("003"), seed("001"), seed("000")]
    work = tempfile.mkdtemp(prefix="traguardi-import-bench-")
    sets = {
        "80 schede diverse": write_set(os.path.join(work, "d80"),
                                       [renumbered(texts[k % 3], k // 3) for k in range(80)]),
        "160 schede diverse": write_set(os.path.join(work, "d160"),
                                        [renumbered(texts[k % 3], k // 3) for k in range(160)]),
        "120 copie": write_set(os.path.join(work, "c120"), [texts[k % 3] for k in range(120)]),
    }
    print(benchlib.load_line())
    results = {}
    for label, paths in sets.items():
        size = sum(os.path.getsize(p) for p in paths)
        ours, ref = [], []
        db = os.path.join(work, "mai_creato.sqlite")
        for _ in range(runs):
            ours.append(benchlib.run([binary, "import-sheet", "--dry-run", "--db", db] + paths,
                            os.path.join(work, "out_traguardi.txt")))
            ref.append(benchlib.run(["grep", "-c", "."] + paths, os.path.join(work, "out_grep.txt")))
        assert not os.path.exists(db), "--dry-run ha creato il database"
        o, g = benchlib.best(ours, by=1), benchlib.best(ref, by=1)
        results[label] = o
        mb = size / 1e6
        print(f"{label}: {len(paths)} file, {mb:.1f} MB")
        print(f"  traguardi import-sheet --dry-run: {o[0]*1000:.0f} ms reali, "
              f"{o[1]*1000:.0f} ms CPU ({mb/o[1]:.0f} MB/s), memoria di picco {o[2]/1024:.1f} MB")
        print(f"  grep -c . (uscita catturata):      {g[0]*1000:.0f} ms reali, "
              f"{g[1]*1000:.0f} ms CPU ({mb/g[1]:.0f} MB/s), memoria di picco {g[2]/1024:.1f} MB")
        print(f"  rapporto traguardi / grep (CPU): 1/{o[1]/g[1]:.1f}; "
              f"(tempo reale): 1/{o[0]/g[0]:.1f}")
    growth = results["160 schede diverse"][1] / results["80 schede diverse"][1]
    print(f"160 schede diverse / 80 schede diverse (CPU): {growth:.2f}x")
    subprocess.run(["rm", "-rf", work], check=True)


if __name__ == "__main__":
    main()
