#!/usr/bin/env node
'use strict';
/**
 * Where the time of one impact goes, without HTTP/GraphQL: reads the graph of
 * DATA_DIR (or NEO4J_URI) and renumbers it as the service's graph keeper
 * does, then times for each block
 *   propagate  = runScenario (the stall propagation alone),
 *   evaluate   = evaluateScenario (propagation + the result's per-enterprise columns).
 *
 *   DATA_DIR=/tmp/linkfall-bench-100000/data node bench/engine-profile.js [--runs 5] [--blocks link,hub,region,mode]
 *     [--region R] [--link ID] [--hub ID]     (use --max-old-space-size=12288 at 1M)
 * Add node --cpu-prof --cpu-prof-dir=/tmp/prof to see the hot functions.
 */
const { benchBlocks, requireDist, neo4jTarget, stats, round } = require('./lib');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

async function main() {
  require(require.resolve('reflect-metadata', { paths: [require('./lib').ROOT] }));
  const { GraphDatabase } = requireDist('platform/neo4j/graph-database.js');
  const { GraphSnapshotReader } = requireDist('features/engine-runtime/graph-snapshot-reader.js');
  const { evaluateScenario, prepareGraph, renumberInRankOrder } = requireDist('engine/index.js');
  const { runScenario } = requireDist('engine/evaluate-scenario.js');
  const { resolveScenario } = requireDist('engine/scenario.js');
  const runs = Number(arg('runs', 5));

  // Read and renumbered as the service's graph keeper does.
  const db = new GraphDatabase(await neo4jTarget());
  let t = performance.now();
  const { graph: read } = await new GraphSnapshotReader(db).load();
  const readMs = performance.now() - t;
  await db.close();
  t = performance.now();
  const graph = renumberInRankOrder(read);
  const renumberMs = performance.now() - t;
  t = performance.now();
  prepareGraph(graph);
  const prepareMs = performance.now() - t;
  console.log(
    JSON.stringify({
      enterprises: graph.nodeCount,
      links: graph.linkCount,
      neo4jReadAndBuildMs: round(readMs),
      renumberMs: round(renumberMs),
      prepareMs: round(prepareMs),
    }),
  );

  // The same blocks as impact-bench.js by default.
  const scenarios = benchBlocks(graph, { hub: arg('hub', null), region: arg('region', null), link: arg('link', null) });

  const only = arg('blocks', 'link,hub,region,mode').split(',');
  for (const [key, scenario] of Object.entries(scenarios)) {
    if (!only.includes(key)) continue;
    const resolved = resolveScenario(graph, scenario);
    const time = (fn) => {
      fn();
      const times = [];
      for (let i = 0; i < runs; i++) {
        const s = performance.now();
        fn();
        times.push(performance.now() - s);
      }
      const st = stats(times);
      return { p50: round(st.p50), min: round(st.min) };
    };
    let touched = 0;
    let steps = null;
    let converged = null;
    const propagate = time(() => {
      const run = runScenario(graph, resolved);
      touched = run.touchedNodes.length;
      steps = run.fractionSteps ?? null; // internals, if present: recomputations of the fraction pass
      converged = run.converged ?? null;
    });
    let result;
    const evaluate = time(() => {
      result = evaluateScenario(graph, scenario);
    });
    console.log(
      JSON.stringify({
        block: key,
        scenario,
        touched,
        fractionSteps: steps,
        converged,
        stalled: result.stalledCount,
        partial: result.partialCount,
        propagateMs: propagate,
        evaluateMs: evaluate,
      }),
    );
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error.stack ?? error);
    process.exit(1);
  },
);
