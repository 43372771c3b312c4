#!/usr/bin/env bash
# Web benchmark (issue 10): the objective page and the dashboard of `traguardi serve` at 64
# connections with wrk, against nginx serving a static file of the same size, in the same run.
# Usage: bench/web_bench.sh [ENTI] [OBJECTIVES_PER_ENTE] [SECONDS]
#   default 1 ente × 30 PEG objectives (the demo comune); e.g. 200 250 for the large run.
# Prints one Markdown table row per target (req/s, p50, p99, ratio to nginx).
set -euo pipefail
cd "$(dirname "$0")/.."
enti="${1:-1}" objectives="${2:-30}" seconds="${3:-10}"
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
"$bin" demo --db "$db" --enti "$enti" --objectives "$objectives" >/dev/null
ente=$("$bin" summary --all --db "$db" 2>/dev/null | awk 'NR>1 && $1 ~ /^C_/ && !e {e=$1} END {print e}')
ente="${ente:-C_VALDORA}"
echo "password-benchmark" | "$bin" user add bench --ruolo controllo --ente "$ente" \
  --password-stdin --db "$db" >/dev/null

"$bin" serve --db "$db" --port 0 --senza-log >"$tmp/serve.out" 2>"$tmp/serve.err" &
server_pid=$!
for _ in $(seq 100); do grep -q 'in ascolto' "$tmp/serve.out" 2>/dev/null && break; sleep 0.1; done
base=$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/serve.out")

# Sign in once; wrk sends the session cookie.
curl -s -c "$tmp/jar" "$base/accesso" -o "$tmp/login.html"
csrf=$(grep -o 'name="csrf" value="[0-9a-f]*"' "$tmp/login.html" | head -1 | sed 's/.*value="//;s/"//')
curl -s -b "$tmp/jar" -c "$tmp/jar" -o /dev/null --data "csrf=$csrf&nome=bench&password=password-benchmark" "$base/accesso"
cookie="tg_sessione=$(awk '$6=="tg_sessione"{print $7}' "$tmp/jar")"
objective=$(curl -s -b "$tmp/jar" "$base/piano?livello=peg" | grep -o 'href="/obiettivo/[^"]*"' | head -1 | sed 's/href="//;s/"//')

# nginx serves files of the same sizes as the two pages.
chmod 755 "$tmp"
mkdir -p "$tmp/www"
curl -s -b "$tmp/jar" "$base$objective" -o "$tmp/www/objective.html"
curl -s -b "$tmp/jar" "$base/" -o "$tmp/www/dashboard.html"
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
  server { listen 127.0.0.1:$nport; root $tmp/www; default_type text/html; }
}
CONF
chmod -R a+rX "$tmp/www"
nginx -c "$tmp/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
sleep 0.5

measure() { # url [cookie] -> "req/s p50 p99"
  local out
  out=$(wrk -t2 -c64 -d"${seconds}s" --latency ${2:+-H "Cookie: $2"} "$1")
  local rps p50 p99
  rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
  p50=$(awk '$1=="50%"{print $2}' <<<"$out")
  p99=$(awk '$1=="99%"{print $2}' <<<"$out")
  local non2xx
  non2xx=$(awk '/Non-2xx/{print $NF}' <<<"$out")
  [ -z "$non2xx" ] || { echo "risposte non 2xx: $non2xx" >&2; exit 1; }
  echo "$rps $p50 $p99"
}

echo "| $enti enti × $objectives obiettivi | pagina | byte | req/s | p50 | p99 | nginx req/s | nginx p99 | rapporto |"
echo "|---|---|---|---|---|---|---|---|---|"
for page in objective dashboard; do
  if [ $page = objective ]; then url="$base$objective"; else url="$base/"; fi
  read -r rps p50 p99 <<<"$(measure "$url" "$cookie")"
  read -r nrps _ np99 <<<"$(measure "http://127.0.0.1:$nport/$page.html")"
  size=$(stat -c %s "$tmp/www/$page.html")
  ratio=$(awk -v a="$rps" -v b="$nrps" 'BEGIN{printf "%.2f", a/b}')
  echo "| | $page | $size | $rps | $p50 | $p99 | $nrps | $np99 | ${ratio}× |"
done
