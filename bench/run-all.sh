#!/usr/bin/env bash
# The whole benchmark at one size, as `npm run bench -- N [SEED]`: generate and import N
# enterprises into a fresh managed Neo4j (bulk import from 500k up), then, end to end through
# GraphQL, impact by block kind, criticalLinks with /health probed, the naive Cypher
# comparison and memory (impact-bench.js); simulate (simulation-api-bench.js); the first impact
# after a restart with and without the engine's snapshot file (restart-bench.js); the engine alone
# (engine-bench.js). Each writes bench/results/*-<label>.json; the markdown tables they print
# are appended to bench/RESULTS.md under a dated heading.
#
# Env: NEO4J_HEAP / NEO4J_PAGECACHE, RESULTS_DIR, BENCH_WORK (see bench-env.sh); RUNS (15).
set -euo pipefail
N=${1:-100000}
SEED=${2:-1}
BENCH=$(cd "$(dirname "$0")" && pwd)
LABEL=${LABEL:-$N}
RUNS=${RUNS:-15}
RESULTS_MD=${RESULTS_MD:-$BENCH/RESULTS.md}
RESULTS_DIR=${RESULTS_DIR:-$BENCH/results}
# As npm start and the image run the service (README, Configuration): freed buffers go back to the system.
export MALLOC_MMAP_THRESHOLD_=${MALLOC_MMAP_THRESHOLD_:-131072}
# From 500k the staged service import would take many minutes (about 6k rows/s on 2 cores):
# the bench database is empty, so neo4j-admin's bulk importer loads it.
if [ "$N" -ge 500000 ]; then
  KEEP_NEO4J=1 "$BENCH/bulk-load.sh" "$N" "$SEED"
  HEAP=--max-old-space-size=12288
else
  KEEP_NEO4J=1 "$BENCH/run-import.sh" "$N" "$SEED"
  HEAP=
fi
export DATA_DIR=${BENCH_WORK:-/tmp/linkfall-bench-$N}/data
tables=$(mktemp)
trap 'node "$BENCH/../dist/cli/neo4j.js" stop >/dev/null 2>&1 || true; rm -f "$tables"' EXIT
if [ -f "$RESULTS_DIR/import-$N.json" ] && [ "$N" -lt 500000 ]; then
  node -e '
    const r = require(process.argv[1]);
    const rows = r.rows.enterprises + r.rows.links;
    console.log("| import (npm run import, staged) | rows | wall | rows/s | peak RSS of the command | Neo4j heap |");
    console.log("|---|---:|---:|---:|---:|---|");
    console.log(`| ${r.enterprises} enterprises | ${rows} | ${r.importWallSeconds} s | ${Math.round(rows / r.importCli.seconds)} |` +
      ` ${Math.round(r.importPeakRssKb / 1024)} MB | ${r.neo4jHeap} |\n`);
  ' "$RESULTS_DIR/import-$N.json" >>"$tables"
fi
# shellcheck disable=SC2086
node --expose-gc $HEAP "$BENCH/impact-bench.js" --label "$LABEL" --runs "$RUNS" \
  --out "$RESULTS_DIR/impact-$LABEL.json" >>"$tables"
# shellcheck disable=SC2086
node --expose-gc $HEAP "$BENCH/simulation-api-bench.js" --label "$LABEL" --runs 9 \
  --out "$RESULTS_DIR/simulation-api-$LABEL.json" >>"$tables"
RESULTS_DIR=$RESULTS_DIR node "$BENCH/restart-bench.js" --label "$LABEL" >>"$tables"
# shellcheck disable=SC2086
node --expose-gc $HEAP "$BENCH/engine-bench.js" --enterprises "$N" --seed "$SEED" --label "$LABEL" \
  --out "$RESULTS_DIR/engine-$LABEL.json" >>"$tables"
{
  printf '\n## npm run bench -- %s (%s UTC, commit %s)\n\n' "$N" "$(date -u +'%Y-%m-%d %H:%M')" \
    "$(git -C "$BENCH/.." rev-parse --short HEAD 2>/dev/null || echo unknown)"
  cat "$tables"
} >>"$RESULTS_MD"
echo "results appended to $RESULTS_MD" >&2
