#!/usr/bin/env bash
# Generates N enterprises (seed S) and imports them through the service's own import path
# (dist/cli/import.js: validation, staged batches published in one short transaction, history
# entries) into a FRESH managed Neo4j on its default memory, timing both; then records the
# node/relationship counts.
#
#   bench/run-import.sh [N=100000] [SEED=1]
#
# Env: LINKFALL_ROOT (project root, default: the folder above bench/; dist/ must be built),
#      BENCH_WORK (default /tmp/linkfall-bench-N; wiped first), NEO4J_HEAP and NEO4J_PAGECACHE (2g each,
#      the managed defaults),
#      KEEP_NEO4J=1 to leave the Neo4j running afterwards (default: stopped),
#      WARM_UP=1 to time the import into a Neo4j that has already imported a graph of the same size
#      (seed SEED+1, then emptied): its JIT has compiled the write path, as in a server that has run
#      a while; results go to import-N-warm.json,
#      RESULTS_DIR (default bench/results) for import-N.json,
#      BULK=1 to import with --bulk (neo4j-admin's offline load into the empty database, the server
#      stopped and started again): results go to import-N-bulk.json, without Neo4j's CPU by thread.
# Also records the CPU seconds Neo4j's threads spent during the import, by kind (the writing Bolt
# workers, the JIT compilers, GC, network), read from /proc: the import is CPU-bound on 2 cores.
# Afterwards: DATA_DIR=$BENCH_WORK/data node bench/impact-bench.js ...
set -euo pipefail

N=${1:-100000}
SEED=${2:-1}
export NEO4J_HEAP=${NEO4J_HEAP:-2g} NEO4J_PAGECACHE=${NEO4J_PAGECACHE:-2g}
# shellcheck source=bench/bench-env.sh
source "$(dirname "$0")/bench-env.sh"

if [ "${BULK:-0}" = 1 ] && [ "${WARM_UP:-0}" = 1 ]; then
  echo "BULK=1 restarts Neo4j for the load, so WARM_UP=1 would warm nothing" >&2
  exit 2
fi
IMPORT_ARGS=()
if [ "${BULK:-0}" = 1 ]; then IMPORT_ARGS=(--bulk); fi

[ -f "$DIST/cli/generate.js" ] || { echo "build first: (cd $ROOT && npm ci && npm run build)" >&2; exit 1; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

rm -rf "$WORK"
mkdir -p "$WORK" "$RESULTS_DIR"

echo "== generate $N enterprises (seed $SEED) -> $WORK/graph" >&2
t0=$(now)
node "$DIST/cli/generate.js" --enterprises "$N" --seed "$SEED" --out "$WORK/graph" >&2
t1=$(now)
GEN_S=$(secs "$t0" "$t1")
ENT_ROWS=$(($(wc -l <"$WORK/graph/enterprises.csv") - 1))
LINK_ROWS=$(($(wc -l <"$WORK/graph/links.csv") - 1))
echo "generated $ENT_ROWS enterprises, $LINK_ROWS links in ${GEN_S}s" >&2

echo "== start a fresh managed Neo4j in $DATA_DIR (heap $NEO4J_HEAP, page cache $NEO4J_PAGECACHE)" >&2
t0=$(now)
node "$DIST/cli/neo4j.js" start >&2
t1=$(now)
START_S=$(secs "$t0" "$t1")
if [ "${KEEP_NEO4J:-0}" != 1 ]; then
  trap 'node "$DIST/cli/neo4j.js" stop >&2 || true' EXIT
fi

if [ "${WARM_UP:-0}" = 1 ]; then
  echo "== warm-up: import seed $((SEED + 1)), then empty the graph" >&2
  node "$DIST/cli/generate.js" --enterprises "$N" --seed "$((SEED + 1))" --out "$WORK/warm-up" >&2
  node "$DIST/cli/import.js" "$WORK/warm-up" >"$WORK/warm-up.out" 2>"$WORK/warm-up.err" || {
    tail -c 3000 "$WORK/warm-up.err" >&2
    exit 1
  }
  node "$BENCH/db-tool.js" empty
fi

# CPU seconds per thread of the managed Neo4j, "tid<TAB>kind<TAB>seconds"; a thread's kind is its name
# (15 characters at most, as /proc keeps it) less a trailing number: "C2 CompilerThre", "GC Thread".
NEO4J_PID=$(cat "$DATA_DIR/neo4j/neo4j.pid")
CLK=$(getconf CLK_TCK)
thread_cpu() {
  for task in /proc/"$NEO4J_PID"/task/*; do
    awk -v tid="${task##*/}" -v name="$(sed 's/[-#0-9]*$//' "$task/comm" 2>/dev/null)" -v hz="$CLK" \
      '{ printf "%s\t%s\t%.2f\n", tid, name, ($14 + $15) / hz }' "$task/stat" 2>/dev/null || true
  done
}
thread_cpu >"$WORK/threads-before.tsv"

echo "== import (${IMPORT_ARGS[*]:-staged batches, one publish}) with /usr/bin/time -v" >&2
TIME=()
if [ -x /usr/bin/time ]; then TIME=(/usr/bin/time -v -o "$WORK/import.time"); fi
t0=$(now)
"${TIME[@]}" node "$DIST/cli/import.js" "${IMPORT_ARGS[@]}" "$WORK/graph" >"$WORK/import.out" 2>"$WORK/import.err" || {
  echo "import FAILED:" >&2
  tail -c 3000 "$WORK/import.err" >&2
  cat "$WORK/import.time" >&2 2>/dev/null || true
  exit 1
}
t1=$(now)
IMPORT_S=$(secs "$t0" "$t1")
# A JSON object of CPU seconds by thread kind during the import (kinds under 0.5 s left out), and the total.
NEO4J_CPU=null
if [ "${BULK:-0}" != 1 ]; then
  thread_cpu >"$WORK/threads-after.tsv"
  NEO4J_CPU=$(awk -F'\t' 'NR == FNR { before[$1] = $3; next }
    { spent = $3 - before[$1]; kind[$2] += spent; total += spent }
    END { printf "{"; for (k in kind) if (kind[k] >= 0.5) printf "\"%s\": %.1f, ", k, kind[k]; printf "\"total\": %.1f}", total }' \
    "$WORK/threads-before.tsv" "$WORK/threads-after.tsv")
fi
echo "Neo4j CPU seconds during the import: $NEO4J_CPU" >&2
cat "$WORK/import.out" >&2
PEAK_KB=null
IMPORT_CPU_S=null
if [ -f "$WORK/import.time" ]; then
  PEAK_KB=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/import.time")
  IMPORT_CPU_S=$(awk '/User time/ { u = $NF } /System time/ { s = $NF } END { printf "%.1f", u + s }' "$WORK/import.time")
fi
COUNTS=$(node "$BENCH/db-tool.js" counts)
echo "counts: $COUNTS" >&2
STORE_MB=$(du -sm "$DATA_DIR/neo4j/data" | cut -f1)

OUT=$RESULTS_DIR/import-$N.json
if [ "${WARM_UP:-0}" = 1 ]; then OUT=$RESULTS_DIR/import-$N-warm.json; fi
if [ "${BULK:-0}" = 1 ]; then OUT=$RESULTS_DIR/import-$N-bulk.json; fi
cat >"$OUT" <<EOF
{
  "enterprises": $N,
  "seed": $SEED,
  "rows": { "enterprises": $ENT_ROWS, "links": $LINK_ROWS },
  "generateSeconds": $GEN_S,
  "neo4jStartSeconds": $START_S,
  "neo4jWarmedUp": $([ "${WARM_UP:-0}" = 1 ] && echo true || echo false),
  "bulk": $([ "${BULK:-0}" = 1 ] && echo true || echo false),
  "importWallSeconds": $IMPORT_S,
  "importCli": $(cat "$WORK/import.out" | tail -n 1),
  "importPeakRssKb": $PEAK_KB,
  "importCpuSeconds": $IMPORT_CPU_S,
  "neo4jCpuSeconds": $NEO4J_CPU,
  "neo4jHeap": "$NEO4J_HEAP",
  "neo4jPageCache": "$NEO4J_PAGECACHE",
  "counts": $COUNTS,
  "storeMb": $STORE_MB,
  "dataDir": "$DATA_DIR"
}
EOF
cat "$OUT"
