#!/usr/bin/env bash
# PostgreSQL benchmark (BENCHMARKS.md "## PostgreSQL"): loads `traguardi demo --enti N
# --objectives M` into a throwaway cluster, reports load time, peak memory of the load and
# database size, then times the derived figures against a hand-written SQL aggregate.
#
#   bench/pg_bench.sh [ENTI] [OBJECTIVES]   (build dir: $BUILD, default build)
set -euo pipefail
cd "$(dirname "$0")/.."
ENTI="${1:-2000}" OBJ="${2:-250}" BUILD="${BUILD:-build}"
exec scripts/with-postgres bash -c '
  set -euo pipefail
  createdb traguardi_bench
  url="postgresql://postgres@127.0.0.1:$PGPORT/traguardi_bench"
  echo "carico: traguardi demo --enti '"$ENTI"' --objectives '"$OBJ"'"
  /usr/bin/time -f "caricamento: %e s, memoria di picco del client %M KB" \
    '"$BUILD"'/traguardi demo --db "$url" --enti '"$ENTI"' --objectives '"$OBJ"' 2>&1 \
    | grep -v "^.generati" || true
  psql -d traguardi_bench -qtAc "VACUUM ANALYZE" >/dev/null
  psql -d traguardi_bench -qtAc "SELECT '"'"'righe: '"'"' || sum(n_live_tup) FROM pg_stat_user_tables"
  server_kb=$(ps -C postgres -o rss= | sort -n | tail -1)
  echo "memoria del processo server più grande (RSS): ${server_kb} KB"
  /usr/bin/time -f "cifre: %e s, memoria di picco %M KB" \
    '"$BUILD"'/bench/pg_figures_bench "$url"
'
