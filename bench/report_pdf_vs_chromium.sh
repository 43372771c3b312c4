#!/usr/bin/env bash
# Scheda PEG di rendicontazione of a 300-objective comune: traguardi's own PDF (cairo/pango,
# including loading the SQLite database) against headless Chromium printing the HTML rendition
# of the same report (HTML generation not counted for Chromium). Same machine, same run.
# Usage: bench/report_pdf_vs_chromium.sh [build-dir] [runs]
set -euo pipefail
BUILD=${1:-build}
RUNS=${2:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v chromium >/dev/null; then
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
fi
# Configure only a new build directory: an existing one keeps its options.
[ -f "$ROOT/$BUILD/CMakeCache.txt" ] || cmake -S "$ROOT" -B "$ROOT/$BUILD" -DTRAGUARDI_POSTGRES=OFF >/dev/null
make -C "$ROOT/$BUILD" -j2 traguardi >/dev/null
T="$ROOT/$BUILD/traguardi"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export SOURCE_DATE_EPOCH=1700000000 TZ=UTC LC_ALL=C.UTF-8
"$T" demo --objectives 300 --db "$WORK/d.db" >/dev/null
"$T" report scheda-peg-rendicontazione --db "$WORK/d.db" --format html --out "$WORK/s.html" >/dev/null

# Wall seconds and CPU seconds (user + system of the process and the children it waited for).
# Chromium's renderer and GPU helpers are not waited for by its launcher, so its CPU figure is
# a lower bound and only the wall-clock ratio compares like with like.
measure() {
  /usr/bin/time -f "%e %U %S" -o "$WORK/time" "$@" >/dev/null 2>&1
  awk '{printf "%.2f/%.2f", $1, $2 + $3}' "$WORK/time"
}
best() { sort -t/ -k1,1n | head -1; }

LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
ours=(); theirs=()
for i in $(seq "$RUNS"); do
  ours+=("$(measure "$T" report scheda-peg-rendicontazione --db "$WORK/d.db" --format pdf --out "$WORK/t.pdf")")
  rm -rf "$WORK/profile"
  theirs+=("$(measure chromium --headless --no-sandbox --disable-gpu --no-first-run \
    --user-data-dir="$WORK/profile" --no-pdf-header-footer --print-to-pdf="$WORK/c.pdf" \
    "file://$WORK/s.html")")
done
o=$(printf '%s\n' "${ours[@]}" | best)
c=$(printf '%s\n' "${theirs[@]}" | best)
op=$(pdfinfo "$WORK/t.pdf" | awk '/^Pages:/{print $2}')
cp=$(pdfinfo "$WORK/c.pdf" | awk '/^Pages:/{print $2}')
echo "load average before the runs: $LOAD"
echo "traguardi PDF : wall/cpu s per run ${ours[*]}; best $o; $op pages; $(stat -c %s "$WORK/t.pdf") bytes"
echo "chromium PDF  : wall/cpu s per run ${theirs[*]}; best $c; $cp pages; $(stat -c %s "$WORK/c.pdf") bytes"
echo "$c $o" | awk '{split($1, c, "/"); split($2, o, "/");
  printf "ratio chromium/traguardi (wall clock, best runs): %.1fx\n", c[1] / o[1]}'
