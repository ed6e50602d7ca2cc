# Shared set-up of the bench scripts; source it after setting N and the NEO4J_HEAP default.
# Defines BENCH, ROOT, DIST, WORK, RESULTS_DIR and points DATA_DIR at a managed Neo4j of WORK.
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "${LINKFALL_ROOT:-$BENCH/..}" && pwd)
DIST=$ROOT/dist
WORK=${BENCH_WORK:-/tmp/linkfall-bench-$N}
RESULTS_DIR=${RESULTS_DIR:-$BENCH/results}
export LINKFALL_ROOT=$ROOT
export DATA_DIR=$WORK/data
export NEO4J_PAGECACHE=${NEO4J_PAGECACHE:-4g}
unset NEO4J_URI NEO4J_USER NEO4J_PASSWORD NEO4J_PORT
