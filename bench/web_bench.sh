#!/usr/bin/env bash
# Web benchmark (issue 10): the objective page and the dashboard of `traguardi serve` at 64
# connections with wrk, against nginx serving a static file of the same size, in the same run
# (setup shared with api_bench.sh: serve_bench_lib.sh).
# Usage: bench/web_bench.sh [ENTI] [OBJECTIVES_PER_ENTE] [SECONDS]
#   default 1 ente × 30 PEG objectives (the demo comune); e.g. 200 250 for the large run.
# Prints the load average and one Markdown table row per target (req/s, p50, p99, ratio).
set -euo pipefail
cd "$(dirname "$0")/.."
enti="${1:-1}" objectives="${2:-30}" seconds="${3:-10}"
source bench/serve_bench_lib.sh

bench_demo "$enti" "$objectives"
bench_serve

# Sign in once; wrk sends the session cookie.
curl -s -c "$tmp/jar" "$base/accesso" -o "$tmp/login.html"
csrf=$(grep -o 'name="csrf" value="[0-9a-f]*"' "$tmp/login.html" | head -1 | sed 's/.*value="//;s/"//')
curl -s -b "$tmp/jar" -c "$tmp/jar" -o /dev/null --data "csrf=$csrf&nome=bench&password=password-benchmark" "$base/accesso"
cookie="Cookie: tg_sessione=$(awk '$6=="tg_sessione"{print $7}' "$tmp/jar")"
objective=$(curl -s -b "$tmp/jar" "$base/piano?livello=peg" | grep -o 'href="/obiettivo/[^"]*"' | head -1 | sed 's/href="//;s/"//')

# nginx serves files of the same sizes as the two pages.
mkdir -p "$tmp/www"
curl -s -b "$tmp/jar" "$base$objective" -o "$tmp/www/objective.html"
curl -s -b "$tmp/jar" "$base/" -o "$tmp/www/dashboard.html"
bench_nginx text/html

bench_load
echo "| $enti enti × $objectives obiettivi | pagina | byte | req/s | p50 | p99 | nginx req/s | nginx p99 | rapporto |"
echo "|---|---|---|---|---|---|---|---|---|"
bench_compare objective "$base$objective" "$cookie" objective.html
bench_compare dashboard "$base/" "$cookie" dashboard.html
bench_load
