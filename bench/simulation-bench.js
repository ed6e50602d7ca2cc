#!/usr/bin/env node
'use strict';
/**
 * The day-by-day simulation (README §9) in-process, on a generated graph: no
 * Neo4j, no HTTP. Generates N enterprises with the project's generator (seed
 * 1 by default), builds the engine index, then simulates 90 days, rho 0.1,
 * with (--scenario region, the default) the largest region locked down for
 * days 0..13 (unblocked on day 14), or (--scenario hubs) the 50 producers
 * with most customers down for days 0..13:
 *   cold = first simulate() on a fresh graph (flow order, port needs and the
 *          baseline are computed and memoised on the graph, as after a reload),
 *   warm = later runs on the same graph (the service's cached snapshot).
 * Memory: heap and RSS after building the graph, and the heap a simulation
 * keeps alive at its peak (sampled after a forced GC, --expose-gc).
 *
 *   npm run build
 *   node --expose-gc bench/simulation-bench.js [--enterprises 100000] [--seed 1] [--runs 5]
 *     [--horizon 90] [--lockdown 14] [--current-state] [--out bench/results/simulation-100k.json]
 *   node --expose-gc --max-old-space-size=12288 bench/simulation-bench.js --enterprises 1000000 --runs 3
 *
 * The generator has no output values yet (issue 9): the bench derives
 * dailyOutputValue from dailyCapacity at a flat price per unit (PRICE below),
 * so that lost value is not all zero.
 */
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');
const { requireDist, stats, round } = require('./lib');

/** CNY per unit of daily capacity: bench assumption, not data. */
const PRICE = { t: 6000, m: 12, pcs: 60 };

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const flag = (name) => process.argv.includes(`--${name}`);
const mb = (bytes) => Math.round(bytes / 1048576);
const gc = () => global.gc && global.gc();

/** The largest region, and the 50 producers with most customers (both deterministic for a seed). */
function pickBlocks(input) {
  const regionSize = new Map();
  for (const e of input.enterprises) regionSize.set(e.region, (regionSize.get(e.region) ?? 0) + 1);
  const [region, regionEnterprises] = [...regionSize].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  const customers = new Map();
  for (const l of input.links) customers.set(l.from, (customers.get(l.from) ?? 0) + 1);
  const passThrough = new Set(
    input.enterprises.filter((e) => ['MARKET', 'FOREIGN_TRADE', 'LOGISTICS'].includes(e.kind)).map((e) => e.id),
  );
  const hubs = [...customers]
    .filter(([id]) => !passThrough.has(id))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 50)
    .map(([id]) => id);
  return { region, regionEnterprises, hubs };
}

function main() {
  const enterprises = Number(arg('enterprises', 100_000));
  const seed = Number(arg('seed', 1));
  const runs = Number(arg('runs', 5));
  const horizon = Number(arg('horizon', 90));
  const lockdown = Number(arg('lockdown', 14));
  const includeCurrentState = flag('current-state');
  const scenarioName = arg('scenario', 'region');
  const label = enterprises >= 1_000_000 ? `${enterprises / 1_000_000}M` : `${enterprises / 1000}k`;
  const suffix = `${scenarioName === 'region' ? '' : `-${scenarioName}`}${includeCurrentState ? '-current' : ''}`;
  const out = arg('out', path.join(__dirname, 'results', `simulation-${label}${suffix}.json`));

  const { streamSupplyGraph } = requireDist('generate/generate-supply-graph.js');
  const { SupplyGraph, simulate } = requireDist('engine/index.js');

  let t = performance.now();
  const streams = streamSupplyGraph({ enterprises, seed });
  const input = { enterprises: [], links: [] };
  for (const e of streams.enterprises()) {
    input.enterprises.push({
      id: e.id,
      kind: e.kind,
      region: e.region,
      park: e.park,
      status: e.status,
      capacityRecovery: e.capacityRecovery,
      dailyCapacity: e.dailyCapacity,
      dailyOutputValue: e.dailyCapacity * (PRICE[e.unit] ?? 10),
      unit: e.unit,
    });
  }
  for (const l of streams.links()) {
    input.links.push({
      id: l.id,
      from: l.from,
      to: l.to,
      product: l.product,
      mode: l.mode,
      volume: l.volume,
      status: l.status,
      inventoryDays: l.inventoryDays,
    });
  }
  const generateMs = performance.now() - t;
  const { region, regionEnterprises, hubs } = pickBlocks(input);

  const blocked = scenarioName === 'hubs' ? { enterprises: hubs } : { regions: [region] };

  t = performance.now();
  const build = () => SupplyGraph.build(input);
  let graph = build();
  const buildMs = performance.now() - t;
  const linkCount = input.links.length;
  input.enterprises.length = 0;
  input.links.length = 0;
  gc();
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.external;
  };
  const graphBytes = used();
  const afterBuild = process.memoryUsage();

  const simulation = {
    horizonDays: horizon,
    restockRate: 0.1,
    includeCurrentState,
    events: [
      { day: 0, block: blocked },
      { day: lockdown, unblock: blocked },
    ],
  };

  // Memory of a run (heap + typed arrays): just after it returns, before any GC (its scratch arrays
  // are still there unless a GC ran meanwhile), and after a GC (the result and the graph's memo).
  t = performance.now();
  let result = simulate(graph, simulation);
  const coldMs = performance.now() - t;
  const justAfter = used() - graphBytes;
  gc();
  const retained = used() - graphBytes;

  const warm = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    result = simulate(graph, simulation);
    warm.push(performance.now() - t);
  }
  gc();
  const afterRuns = process.memoryUsage();

  // Quiet horizon: no events at all (full stocks, everything at base).
  t = performance.now();
  const quiet = simulate(graph, { horizonDays: horizon, events: [] });
  const quietMs = performance.now() - t;

  const days = result.days;
  const stalledPeak = Math.max(...days.map((d) => d.stalledCount));
  const overtake = days.findIndex((d) => d.indirectLostOutputValue > d.directLostOutputValue);
  const recomputed = result.work.recomputations;
  const report = {
    label,
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      totalMemGiB: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
      loadAverageAtStart: os.loadavg().map((x) => round(x, 2)),
    },
    graph: {
      seed,
      enterprises,
      links: linkCount,
      flowVertices: result.work.flowVertices,
      ports: graph.portCount,
    },
    scenario: {
      name: scenarioName,
      blocked:
        scenarioName === 'hubs' ? { enterprises: hubs.length, first: hubs.slice(0, 5) } : { region, regionEnterprises },
      horizonDays: horizon,
      lockdownDays: lockdown,
      restockRate: 0.1,
      includeCurrentState,
    },
    ms: {
      generate: round(generateMs),
      build: round(buildMs),
      simulateCold: round(coldMs),
      simulateWarm: (() => {
        const s = stats(warm);
        return { runs: s.runs, p50: round(s.p50), min: round(s.min), max: round(s.max) };
      })(),
      simulateNoEvents: round(quietMs),
    },
    memoryMB: {
      graph: mb(graphBytes),
      rssAfterBuild: mb(afterBuild.rss),
      simulationJustAfterRun: mb(justAfter),
      simulationRetainedAfterGc: mb(retained),
      rssAfterRuns: mb(afterRuns.rss),
      maxRss: mb(process.resourceUsage().maxRSS * 1024),
    },
    result: {
      stalledPeak,
      peakDay: result.peakDay,
      trajectories: result.trajectories.count,
      cumulativeLostOutputValue: Math.round(result.cumulativeLostOutputValue),
      cumulativeDirectLostOutputValue: Math.round(result.cumulativeDirectLostOutputValue),
      cumulativeIndirectLostOutputValue: Math.round(result.cumulativeIndirectLostOutputValue),
      firstDayIndirectOvertakesDirect: overtake < 0 ? null : overtake,
      converged: result.converged,
      noEventsTrajectories: quiet.trajectories.count,
    },
    work: {
      recomputationsDay0: recomputed[0],
      recomputationsDays1to89: recomputed.slice(1).reduce((a, b) => a + b, 0),
      daysWithNoRecomputation: recomputed.filter((r) => r === 0).length,
      maxRecomputationsAfterDay0: Math.max(0, ...recomputed.slice(1)),
      stockUpdatesTotal: result.work.stockUpdates.reduce((a, b) => a + b, 0),
      noEventsRecomputationsAfterDay0: quiet.work.recomputations.slice(1).reduce((a, b) => a + b, 0),
      noEventsStockUpdatesAfterDay0: quiet.work.stockUpdates.slice(1).reduce((a, b) => a + b, 0),
    },
    days: days.map((d) => ({
      day: d.day,
      stalled: d.stalledCount,
      partial: d.partialCount,
      direct: Math.round(d.directLostOutputValue),
      indirect: Math.round(d.indirectLostOutputValue),
      trade: Math.round(d.lostTradeValue),
      recomputations: recomputed[d.day],
      stockUpdates: result.work.stockUpdates[d.day],
    })),
  };
  graph = null;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(report, null, 1) + '\n');
  const { days: _days, ...summary } = report;
  console.log(JSON.stringify(summary, null, 1));
  console.log(`wrote ${out}`);
}

main();
