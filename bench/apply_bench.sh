#!/usr/bin/env bash
# `traguardi apply` of a 10,000-row CSV against SQLite's own `.import` of the same rows, in the
# same run (BENCHMARKS.md "### apply of a spreadsheet").
#
#   bench/apply_bench.sh [COPIES]     (build dir: $BUILD, default build; COPIES default 4)
#
# The plan: `traguardi demo --objectives 495` (2,954 rows) copied into COPIES viste of one ente
# (4 → 11,816 rows), imported, exported with `export --format csv`, and one value changed in every
# row (a note for fasi and indicators, the descrizione of objectives). Timed: `apply` of that file
# on a fresh copy of the database (parse, validate every row and every objective, one
# transaction with one audit entry per row), best of three; `sqlite3 :memory: .import` of the
# same file, best of three. Prints both times and their ratio.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build}
copies=${1:-4}
exe="$build/traguardi"
[ -x "$exe" ] || { echo "apply_bench: manca $exe (scripts/build)" >&2; exit 1; }
tmp=${APPLY_BENCH_DIR:-$(mktemp -d)}; mkdir -p "$tmp"
[ -n "${APPLY_BENCH_DIR:-}" ] || trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

"$exe" demo --db demo.db --objectives 495 >/dev/null
"$exe" export --db demo.db --out demo.json
python3 - "$copies" <<'PY'
import copy, json, sys
n = int(sys.argv[1])
d = json.load(open("demo.json"))
e = d["enti"][0]
base = e["vistas"][0]["code"]
for k in range(1, n):
    code = f"{base}_{k}"
    v = copy.deepcopy(e["vistas"][0]); v["code"] = code; e["vistas"].append(v)
    for a in [a for a in e["areas"] if a["vista"] == base]:
        a = copy.deepcopy(a); a["vista"] = code; e["areas"].append(a)
    for o in [o for o in e["objectives"] if o["vista"] == base]:
        o = copy.deepcopy(o); o["vista"] = code; e["objectives"].append(o)
json.dump(d, open("plan.json", "w"))
PY
"$exe" import plan.json --db base.db >/dev/null
"$exe" export --db base.db --format csv --out piano.csv
python3 - <<'PY'
rows = open("piano.csv", encoding="utf-8-sig", newline="").read().split("\r\n")
head = rows[0].split(";")
note, desc = head.index("note"), head.index("descrizione")
out = [rows[0]]
import csv, io
for line in rows[1:]:
    if not line:
        continue
    cells = next(csv.reader(io.StringIO(line), delimiter=";"))
    if cells[0] == "obiettivo":
        cells[desc] += " (rivista)"
    else:
        cells[note] = "rivisto"
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="").writerow(cells)
    out.append(buf.getvalue())
open("modificato.csv", "w", encoding="utf-8-sig", newline="").write("\r\n".join(out) + "\r\n")
# sqlite3's .import reads the same rows; the BOM would become part of the first header.
open("sqlite.csv", "w", encoding="utf-8", newline="").write("\r\n".join(out) + "\r\n")
PY
rows=$(( $(wc -l < modificato.csv) - 1 ))

best_apply=0
for _ in 1 2 3; do
  cp base.db run.db
  s=$(date +%s%N)
  "$exe" apply --db run.db modificato.csv > apply.out
  e=$(date +%s%N)
  t=$(( (e - s) / 1000000 ))
  { [ "$best_apply" -eq 0 ] || [ "$t" -lt "$best_apply" ]; } && best_apply=$t
done
grep -q "Applicate $rows righe su $rows" apply.out || { cat apply.out; exit 1; }

best_sqlite=0
for _ in 1 2 3; do
  s=$(date +%s%N)
  n=$(sqlite3 :memory: -cmd ".mode csv" -cmd ".separator ;" ".import sqlite.csv piano" \
      "select count(*) from piano")
  e=$(date +%s%N)
  t=$(( (e - s) / 1000000 ))
  { [ "$best_sqlite" -eq 0 ] || [ "$t" -lt "$best_sqlite" ]; } && best_sqlite=$t
done
[ "$n" -eq "$rows" ] || { echo "sqlite3 ha letto $n righe, attese $rows" >&2; exit 1; }

echo "righe: $rows (un valore cambiato in ogni riga)"
echo "traguardi apply:        ${best_apply} ms (migliore di 3)"
echo "sqlite3 :memory: .import: ${best_sqlite} ms (migliore di 3)"
python3 -c "print(f'rapporto apply / .import: {$best_apply / max($best_sqlite, 1):.1f}x')"
