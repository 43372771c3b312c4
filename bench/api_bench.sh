#!/usr/bin/env bash
# API benchmark (issue 11): GET one objective and a 100-objective page of /api/v1 at 64
# connections with wrk (bearer token), against nginx serving static JSON files of the same
# sizes, in the same run (setup shared with web_bench.sh: serve_bench_lib.sh).
# Usage: bench/api_bench.sh [OBJECTIVES] [SECONDS]   (default 120 PEG objectives, 10 s)
# Prints the load average and one Markdown table row per target (req/s, p50, p99, ratio).
set -euo pipefail
cd "$(dirname "$0")/.."
objectives="${1:-120}" seconds="${2:-10}"
source bench/serve_bench_lib.sh

bench_demo 1 "$objectives"
token=$("$bin" token add bench --db "$db" 2>/dev/null | tail -n 1)
bench_serve --api-limite 1000000 # no rate limit in the way of the measurement
auth="Authorization: Bearer $token"
page_url="$base/api/v1/enti/$ente/objectives?limit=100"
first=$(curl -s -H "$auth" "$base/api/v1/enti/$ente/objectives?livello=peg&limit=1" |
  python3 -c 'import json,sys; o=json.load(sys.stdin)["items"][0]; print(o["vista"]+"/"+o["code"])')
objective_url="$base/api/v1/enti/$ente/objectives/$first"
count=$(curl -s -H "$auth" "$page_url" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))')
[ "$count" = 100 ] || { echo "la pagina ha $count obiettivi, non 100" >&2; exit 1; }

mkdir -p "$tmp/www"
curl -s -H "$auth" "$objective_url" -o "$tmp/www/objective.json"
curl -s -H "$auth" "$page_url" -o "$tmp/www/page.json"
bench_nginx application/json

bench_load
echo "| $objectives obiettivi | risorsa | byte | req/s | p50 | p99 | nginx req/s | nginx p99 | rapporto |"
echo "|---|---|---|---|---|---|---|---|---|"
bench_compare objective "$objective_url" "$auth" objective.json
bench_compare page "$page_url" "$auth" page.json
bench_load
