#!/usr/bin/env node
'use strict';
/**
 * Where the time of one impact goes, without HTTP/GraphQL: loads the graph of
 * DATA_DIR (or NEO4J_URI) the way the service does, then times for each block
 *   propagate  = runScenario (the stall propagation alone),
 *   evaluate   = evaluateScenario (propagation + one result object per affected enterprise, sorted),
 * and, with --service, ImpactService.impact (evaluate + byKind/byRegion summaries).
 *
 *   DATA_DIR=/tmp/linkfall-bench-100000/data node bench/engine-profile.js [--runs 5] [--blocks link,hub,region,mode]
 *     [--region R] [--link ID] [--hub ID]     (use --max-old-space-size=12288 at 1M)
 * Add node --cpu-prof --cpu-prof-dir=/tmp/prof to see the hot functions.
 */
const { requireDist, neo4jTarget, stats, round } = require('./lib');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

async function main() {
  require(require.resolve('reflect-metadata', { paths: [require('./lib').ROOT] }));
  const { GraphDatabase } = requireDist('platform/neo4j/graph-database.js');
  const { GraphSnapshotRepository } = requireDist('features/impact/graph-snapshot.repository.js');
  const { SupplyGraph, evaluateScenario } = requireDist('engine/index.js');
  const { runScenario } = requireDist('engine/evaluate-scenario.js');
  const { resolveScenario } = requireDist('engine/scenario.js');
  const runs = Number(arg('runs', 5));

  const db = new GraphDatabase(await neo4jTarget());
  let t = performance.now();
  const { input } = await new GraphSnapshotRepository(db).load();
  const readMs = performance.now() - t;
  t = performance.now();
  const graph = SupplyGraph.build(input);
  const buildMs = performance.now() - t;
  await db.close();
  console.log(
    JSON.stringify({
      enterprises: input.enterprises.length,
      links: input.links.length,
      neo4jReadMs: round(readMs),
      buildMs: round(buildMs),
    }),
  );

  // The same blocks as impact-bench.js by default.
  const outbound = new Map();
  const regions = new Map();
  for (const l of input.links) outbound.set(l.from, (outbound.get(l.from) ?? 0) + 1);
  for (const e of input.enterprises) regions.set(e.region, (regions.get(e.region) ?? 0) + 1);
  const byCount = (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1);
  const hub = arg('hub', [...outbound].sort(byCount)[0][0]);
  const region = arg('region', [...regions].sort(byCount)[0][0]);
  const link = arg(
    'link',
    input.links
      .filter((l) => l.to === hub)
      .map((l) => l.id)
      .sort()[0],
  );
  const scenarios = {
    link: { blockLinks: [link] },
    hub: { blockEnterprises: [hub] },
    region: { blockRegions: [region] },
    mode: { blockModes: ['ROAD'] },
  };
  input.enterprises.length = 0;
  input.links.length = 0;

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
