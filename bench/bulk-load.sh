#!/usr/bin/env bash
# Bench set-up for large graphs (1M enterprises and up): generates N enterprises
# (seed S) as the generator's CSV folder, converts it to neo4j-admin's typed
# CSV (bench/to-admin-csv.js, streaming), and loads it with Neo4j's offline
# bulk importer into a FRESH, stopped managed Neo4j; then starts it, builds the
# service's constraints and indexes (cypher/schema.cypher, waiting as long as it
# takes) and records counts. No history entries are written (the service import
# would write one per enterprise and link).
#
#   bench/bulk-load.sh [N=1000000] [SEED=1]
#
# Env: LINKFALL_ROOT (project root with a built dist/, default: the folder above bench/),
#      BENCH_WORK (default /tmp/linkfall-bench-N; wiped first), NEO4J_HEAP (4g), NEO4J_PAGECACHE (4g),
#      IMPORT_MEMORY (off-heap memory of the bulk importer, 4g), IMPORT_THREADS (2),
#      KEEP_NEO4J=1 to leave the Neo4j running afterwards (default: stopped),
#      KEEP_CSV=1 to keep the CSV files (default: deleted once loaded), RESULTS_DIR (bench/results).
# Afterwards: DATA_DIR=$BENCH_WORK/data node --max-old-space-size=12288 bench/impact-bench.js ...
set -euo pipefail

N=${1:-1000000}
SEED=${2:-1}
export NEO4J_HEAP=${NEO4J_HEAP:-4g}
# shellcheck source=bench/bench-env.sh
source "$(dirname "$0")/bench-env.sh"
HOME_DIR=$DATA_DIR/neo4j

[ -f "$DIST/cli/generate.js" ] || { echo "build first: (cd $ROOT && npm ci && npm run build)" >&2; exit 1; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
neo4j_cli() { node "$DIST/cli/neo4j.js" "$@"; }

rm -rf "$WORK"
mkdir -p "$WORK" "$RESULTS_DIR"

echo "== generate $N enterprises (seed $SEED) -> $WORK/graph" >&2
t0=$(now)
node "$DIST/cli/generate.js" --enterprises "$N" --seed "$SEED" --out "$WORK/graph" >&2
GEN_S=$(secs "$t0" "$(now)")

echo "== convert to neo4j-admin CSV -> $WORK/admin" >&2
t0=$(now)
CONVERT=$(node "$BENCH/to-admin-csv.js" "$WORK/graph" "$WORK/admin")
CONVERT_S=$(secs "$t0" "$(now)")
echo "$CONVERT" >&2
rm -rf "$WORK/graph"

echo "== first start of the managed Neo4j (creates conf, password, classpath), then stop" >&2
neo4j_cli start >&2
neo4j_cli stop >&2
trap 'neo4j_cli stop >&2 || true' EXIT

echo "== neo4j-admin database import full" >&2
t0=$(now)
NEO4J_HOME=$HOME_DIR NEO4J_CONF=$HOME_DIR/conf \
  java -Xmx1g -cp "$(cat "$HOME_DIR/classpath.txt")" org.neo4j.cli.AdminTool \
  database import full neo4j --overwrite-destination \
  --nodes=Enterprise="$WORK/admin/nodes.csv" \
  --relationships=SUPPLIES="$WORK/admin/rels.csv" \
  --max-off-heap-memory="${IMPORT_MEMORY:-4g}" --threads="${IMPORT_THREADS:-2}" \
  --report-file="$WORK/import.report" >"$WORK/admin-import.log" 2>&1 || {
  echo "admin import FAILED:" >&2; tail -n 40 "$WORK/admin-import.log" >&2; exit 1; }
ADMIN_S=$(secs "$t0" "$(now)")
tail -n 12 "$WORK/admin-import.log" >&2
if [ "${KEEP_CSV:-0}" != 1 ]; then rm -rf "$WORK/admin"; fi

echo "== start, build the service's constraints and indexes, count" >&2
t0=$(now)
neo4j_cli start >&2
START_S=$(secs "$t0" "$(now)")
t0=$(now)
MIGRATE=$(node "$BENCH/db-tool.js" migrate)
MIGRATE_S=$(secs "$t0" "$(now)")
echo "$MIGRATE" >&2
COUNTS=$(node "$BENCH/db-tool.js" counts)
echo "counts: $COUNTS" >&2
node "$BENCH/db-tool.js" sample >"$WORK/sample.json"
STORE_MB=$(du -sm "$DATA_DIR/neo4j/data" | cut -f1)
if [ "${KEEP_NEO4J:-0}" = 1 ]; then trap - EXIT; fi

OUT=$RESULTS_DIR/bulk-load-$N.json
cat >"$OUT" <<EOF
{
  "enterprises": $N,
  "seed": $SEED,
  "generateSeconds": $GEN_S,
  "convertSeconds": $CONVERT_S,
  "convert": $CONVERT,
  "adminImportSeconds": $ADMIN_S,
  "neo4jStartSeconds": $START_S,
  "indexBuildSeconds": $MIGRATE_S,
  "migrate": $MIGRATE,
  "counts": $COUNTS,
  "sample": $(cat "$WORK/sample.json"),
  "storeMb": $STORE_MB,
  "dataDir": "$DATA_DIR"
}
EOF
cat "$OUT"
