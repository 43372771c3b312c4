#!/usr/bin/env bash
# API benchmark (issue 11): GET one objective and a 100-objective page of /api/v1 at 64
# connections with wrk (bearer token), against nginx serving static JSON files of the same
# sizes, in the same run.
# Usage: bench/api_bench.sh [OBJECTIVES] [SECONDS]   (default 120 PEG objectives, 10 s)
# Prints one Markdown table row per target (req/s, p50, p99, ratio to nginx).
set -euo pipefail
cd "$(dirname "$0")/.."
objectives="${1:-120}" seconds="${2:-10}"
bin=build/traguardi
command -v wrk >/dev/null && command -v nginx >/dev/null || {
  echo "servono wrk e nginx-light (scripts/install-deps --test)" >&2; exit 2; }
tmp=$(mktemp -d)
server_pid="" nginx_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

db="$tmp/bench.db"
"$bin" demo --db "$db" --enti 1 --objectives "$objectives" >/dev/null
ente=$("$bin" summary --all --db "$db" 2>/dev/null | awk 'NR>1 && $1 ~ /^C_/ && !e {e=$1} END {print e}')
ente="${ente:-C_VALDORA}"
echo "password-benchmark" | "$bin" user add bench --ruolo controllo --ente "$ente" \
  --password-stdin --db "$db" >/dev/null
token=$("$bin" token add bench --db "$db" 2>/dev/null | tail -n 1)

# No rate limit in the way of the measurement.
"$bin" serve --db "$db" --port 0 --senza-log --api-limite 1000000 >"$tmp/serve.out" \
  2>"$tmp/serve.err" &
server_pid=$!
for _ in $(seq 100); do grep -q 'in ascolto' "$tmp/serve.out" 2>/dev/null && break; sleep 0.1; done
base=$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/serve.out")
auth="Authorization: Bearer $token"
page_url="$base/api/v1/enti/$ente/objectives?limit=100"
first=$(curl -s -H "$auth" "$base/api/v1/enti/$ente/objectives?livello=peg&limit=1" |
  python3 -c 'import json,sys; o=json.load(sys.stdin)["items"][0]; print(o["vista"]+"/"+o["code"])')
objective_url="$base/api/v1/enti/$ente/objectives/$first"
count=$(curl -s -H "$auth" "$page_url" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))')
[ "$count" = 100 ] || { echo "la pagina ha $count obiettivi, non 100" >&2; exit 1; }

chmod 755 "$tmp"
mkdir -p "$tmp/www"
curl -s -H "$auth" "$objective_url" -o "$tmp/www/objective.json"
curl -s -H "$auth" "$page_url" -o "$tmp/www/page.json"
nport=$((20000 + RANDOM % 20000))
cat >"$tmp/nginx.conf" <<CONF
worker_processes 2;
pid $tmp/nginx.pid;
error_log $tmp/nginx.err;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $tmp/body; proxy_temp_path $tmp/proxy; fastcgi_temp_path $tmp/fcgi;
  uwsgi_temp_path $tmp/uwsgi; scgi_temp_path $tmp/scgi;
  server { listen 127.0.0.1:$nport; root $tmp/www; default_type application/json; }
}
CONF
chmod -R a+rX "$tmp/www"
nginx -c "$tmp/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
sleep 0.5

measure() { # url [header] -> "req/s p50 p99"
  local out
  out=$(wrk -t2 -c64 -d"${seconds}s" --latency ${2:+-H "$2"} "$1")
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
  p50=$(awk '$1=="50%"{print $2}' <<<"$out")
  p99=$(awk '$1=="99%"{print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/{print $NF}' <<<"$out")
  [ -z "$non2xx" ] || { echo "risposte non 2xx: $non2xx" >&2; exit 1; }
  echo "$rps $p50 $p99"
}

echo "| $objectives obiettivi | risorsa | byte | req/s | p50 | p99 | nginx req/s | nginx p99 | rapporto |"
echo "|---|---|---|---|---|---|---|---|---|"
for what in objective page; do
  if [ $what = objective ]; then url="$objective_url"; else url="$page_url"; fi
  read -r rps p50 p99 <<<"$(measure "$url" "$auth")"
  read -r nrps _ np99 <<<"$(measure "http://127.0.0.1:$nport/$what.json")"
  size=$(stat -c %s "$tmp/www/$what.json")
  ratio=$(awk -v a="$rps" -v b="$nrps" 'BEGIN{printf "%.2f", a/b}')
  echo "| | $what | $size | $rps | $p50 | $p99 | $nrps | $np99 | ${ratio}× |"
done
