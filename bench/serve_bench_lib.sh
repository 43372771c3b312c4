# Shared setup of bench/web_bench.sh and bench/api_bench.sh (sourced, not run): a demo
# database with a controllo user, `traguardi serve` on a free port, nginx serving static files
# of the same sizes from $tmp/www, and wrk at 64 connections. Both benchmarks compare the
# server with nginx in the same run, so that the ratio does not depend on the machine.
# Expects to be sourced from the repository root after `set -euo pipefail`.

bin=build/traguardi
command -v wrk >/dev/null && command -v nginx >/dev/null || {
  echo "servono wrk e nginx-light (scripts/install-deps --test)" >&2; exit 2; }
tmp=$(mktemp -d)
server_pid="" nginx_pid=""
bench_cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap bench_cleanup EXIT

# bench_demo ENTI OBJECTIVES: sets db and ente (the first comune); user "bench" (controllo).
bench_demo() {
  db="$tmp/bench.db"
  "$bin" demo --db "$db" --enti "$1" --objectives "$2" >/dev/null
  ente=$("$bin" summary --all --db "$db" 2>/dev/null |
    awk 'NR>1 && $1 ~ /^C_/ && !e {e=$1} END {print e}')
  ente="${ente:-C_VALDORA}"
  echo "password-benchmark" | "$bin" user add bench --ruolo controllo --ente "$ente" \
    --password-stdin --db "$db" >/dev/null
}

# bench_serve [SERVE OPTIONS...]: starts the server on $db; sets base and server_pid.
bench_serve() {
  "$bin" serve --db "$db" --port 0 --senza-log "$@" >"$tmp/serve.out" 2>"$tmp/serve.err" &
  server_pid=$!
  for _ in $(seq 100); do grep -q 'in ascolto' "$tmp/serve.out" 2>/dev/null && break; sleep 0.1; done
  base=$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/serve.out")
}

# bench_nginx CONTENT_TYPE: nginx serving $tmp/www (fill it first); sets nport and nginx_pid.
bench_nginx() {
  chmod 755 "$tmp"
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
  server { listen 127.0.0.1:$nport; root $tmp/www; default_type $1; }
}
CONF
  chmod -R a+rX "$tmp/www"
  nginx -c "$tmp/nginx.conf" -g 'daemon off;' &
  nginx_pid=$!
  sleep 0.5
}

# bench_measure URL [HEADER]: "req/s p50 p99" of wrk at 64 connections for $seconds seconds;
# fails on any non-2xx answer (a benchmark of refusals measures nothing).
bench_measure() {
  local out rps p50 p99 non2xx
  out=$(wrk -t2 -c64 -d"${seconds}s" --latency ${2:+-H "$2"} "$1")
  rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
  p50=$(awk '$1=="50%"{print $2}' <<<"$out")
  p99=$(awk '$1=="99%"{print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/{print $NF}' <<<"$out")
  [ -z "$non2xx" ] || { echo "risposte non 2xx: $non2xx" >&2; exit 1; }
  echo "$rps $p50 $p99"
}

# bench_warm URL [HEADER]: 2 s of the same load, not measured. A server just started opens
# its per-worker database connections and fills its memo on the first requests; a server in
# use has done so long before. nginx gets the same warm-up.
bench_warm() {
  wrk -t2 -c64 -d2s ${2:+-H "$2"} "$1" >/dev/null
}

# bench_compare NAME URL HEADER FILE: the server's URL against nginx's copy FILE (in $tmp/www),
# one after the other, each after its warm-up; prints a Markdown table row.
bench_compare() {
  local rps p50 p99 nrps np99 size ratio
  bench_warm "$2" "$3"
  bench_warm "http://127.0.0.1:$nport/$4"
  read -r rps p50 p99 <<<"$(bench_measure "$2" "$3")"
  read -r nrps _ np99 <<<"$(bench_measure "http://127.0.0.1:$nport/$4")"
  size=$(stat -c %s "$tmp/www/$4")
  ratio=$(awk -v a="$rps" -v b="$nrps" 'BEGIN{printf "%.2f", a/b}')
  echo "| | $1 | $size | $rps | $p50 | $p99 | $nrps | $np99 | ${ratio}× |"
}

# bench_load: the load average now, printed with the figures (the machine is shared).
bench_load() {
  echo "carico (uptime): $(awk '{print $1, $2, $3}' /proc/loadavg), $(nproc) CPU"
}
