/**
 * Rough timings, not a test: `npx tsc` this file to a scratch folder and run
 * it with node, e.g. `node perf-sanity.js 100000`.
 */
import { SupplyGraph, evaluateScenario, rankCriticalEnterprises, rankCriticalLinks } from '../src/engine';
import { propagationFor } from '../src/engine/state-propagation';
import { variableOrderOf } from '../src/engine/topological-rank';
import { generateClusterGraph } from '../test/engine/generate-cluster-graph';

const n = Number(process.argv[2] ?? 100_000);
const rank = process.argv.includes('--rank');
const backShare = Number(process.argv.find((a) => a.startsWith('--back='))?.slice(7) ?? 0.005);
const time = <T>(label: string, f: () => T): T => {
  const start = process.hrtime.bigint();
  const value = f();
  console.log(`${label}: ${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(1)} ms`);
  return value;
};
const input = time('generate', () => generateClusterGraph(n, 4, backShare));
global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const graph = time('build', () => SupplyGraph.build(input));
console.log(`nodes ${graph.nodeCount} links ${graph.linkCount} ports ${graph.portCount}`);
const order = time('topological order', () => variableOrderOf(graph));
console.log(`enterprises on cycles: ${order.cyclic.reduce((sum, c) => sum + c, 0)}`);
time('baseline all-operating + first link eval', () => evaluateScenario(graph, { blockLinks: ['l0'] }));
time('baseline current state + first eval', () =>
  evaluateScenario(graph, { blockLinks: ['l0'], includeCurrentState: true }),
);
global.gc?.();
const megabytes = (bytes: number) => (bytes / 1e6).toFixed(0);
console.log(
  `heap for graph+baselines+scratch: ${megabytes(process.memoryUsage().heapUsed - heapBefore)} MB ` +
    `(+ typed arrays outside heap: ${megabytes(process.memoryUsage().arrayBuffers)} MB)`,
);
let affected = 0;
const samples = Number(process.argv.find((a) => a.startsWith('--samples='))?.slice(10) ?? 200);
time(`${samples} single-link evaluations`, () => {
  for (let i = 0; i < samples; i++) {
    const id = `l${(i * 7919) % graph.linkCount}`;
    affected += evaluateScenario(graph, { blockLinks: [id] }).affected.length;
  }
});
console.log(`mean affected per link: ${(affected / samples).toFixed(1)}`);
const propagation = propagationFor(graph);
console.log(
  `last run: touched ${propagation.touchedNodes.length}, fraction steps ${propagation.fractionSteps}, ` +
    `failed links ${propagation.failedLinks.length}`,
);
const region = time('block region-7', () => evaluateScenario(graph, { blockRegions: ['region-7'] }));
console.log(`  stalled ${region.stalledCount} partial ${region.partialCount}`);
const mode = time('block mode ROAD', () => evaluateScenario(graph, { blockModes: ['ROAD'] }));
console.log(`  stalled ${mode.stalledCount} partial ${mode.partialCount}`);
const windowed = time('block mode ROAD for 3 days', () =>
  evaluateScenario(graph, { blockModes: ['ROAD'], durationDays: 3 }),
);
console.log(`  stalled ${windowed.stalledCount} partial ${windowed.partialCount}`);
if (rank) {
  for (const measure of ['STALLED_COUNT', 'LOST_OUTPUT'] as const) {
    const top = time(`rankCriticalLinks top 20 by ${measure}`, () => rankCriticalLinks(graph, { top: 20, measure }));
    console.log(top.slice(0, 2));
  }
  const nodes = time('rankCriticalEnterprises top 20 by LOST_OUTPUT', () =>
    rankCriticalEnterprises(graph, { top: 20, measure: 'LOST_OUTPUT' }),
  );
  console.log(nodes.slice(0, 2));
}
