#!/usr/bin/env node
'use strict';
/**
 * The impact engine alone, in process, on a generated graph (no Neo4j, no
 * HTTP, no GraphQL): build, memory, and p50/p95 of the answers the service
 * gives, over the compiled dist/ (npm run build first).
 *
 *   node --expose-gc bench/engine-bench.js --enterprises 100000 [--seed 1] [--runs 15] [--warmup 2]
 *       [--critical-runs 3] [--chains 10000,25000] [--patch-runs 10] [--label 100k] [--out FILE]
 *       [--blocks link,hub,region,mode] [--only-blocks]
 *   node --expose-gc --max-old-space-size=8192 bench/engine-bench.js --enterprises 1000000 --runs 5 --critical-runs 1
 *
 * Blocks as in impact-bench.js: link = first inbound link (by id) of the hub, hub = enterprise with most
 * outbound links, region = region with most enterprises, mode = ROAD. "answer" = evaluateScenario +
 * stalledCount/partialCount/lostDailyOutput + the first page of 20 stalled and 20 partial rows (with cause
 * chains and missing inputs) + byKind and byRegion summaries: what the impact query of README asks for.
 * --blocks times only the blocks named; --only-blocks skips everything after them (critical links, patches,
 * worker, chains), e.g. to time region and mode at 1M alone.
 * Writes JSON (--out, default bench/results/engine-<label>.json) and prints a markdown table.
 */
const fs = require('node:fs');
const path = require('node:path');
const { Worker } = require('node:worker_threads');
const { DIST, ROOT, benchBlocks, stats, round } = require('./lib');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** A module of dist/ by file name, wherever the layout puts it (src/ is being reorganised). */
function requireDistFile(fileName) {
  const stack = [DIST];
  while (stack.length > 0) {
    const dir = stack.pop();
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (entry.name === fileName) return require(full);
    }
  }
  throw new Error(`${fileName} not found under ${DIST}: run "npm ci && npm run build" in ${ROOT}`);
}

const engine = require(path.join(DIST, 'engine', 'index.js'));
const { SupplyGraphBuilder, evaluateScenario, prepareGraph, rankCriticalLinks, renumberInRankOrder } = engine;
const { streamSupplyGraph } = requireDistFile('generate-supply-graph.js');

const n = Number(arg('enterprises', 100000));
const seed = Number(arg('seed', 1));
const runs = Number(arg('runs', 15));
const warmup = Number(arg('warmup', 2));
const criticalRuns = Number(arg('critical-runs', 3));
const patchRuns = Number(arg('patch-runs', 10));
const chainLengths = String(arg('chains', '10000,25000')).split(',').filter(Boolean).map(Number);
const label = arg('label', n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);
const out = arg('out', path.join(__dirname, 'results', `engine-${label}.json`));
const blockNames = String(arg('blocks', 'link,hub,region,mode')).split(',').filter(Boolean);
const onlyBlocks = process.argv.includes('--only-blocks');

const gc = () => {
  if (global.gc) {
    global.gc();
    global.gc();
  }
};
const mb = (bytes) => Math.round(bytes / 1048576);
function memory() {
  gc();
  const m = process.memoryUsage();
  return {
    rssMB: mb(m.rss),
    heapUsedMB: mb(m.heapUsed),
    externalMB: mb(m.external),
    arrayBuffersMB: mb(m.arrayBuffers),
  };
}

/** Wall-clock p50/p95/min/max of fn over `count` runs after `warm` unmeasured ones, and the CPU time p50 (this process). */
function time(fn, count = runs, warm = warmup, between = () => {}) {
  let value;
  for (let i = 0; i < warm; i++) value = fn();
  const times = [];
  const cpu = [];
  for (let i = 0; i < count; i++) {
    between();
    const usage = process.cpuUsage();
    const start = performance.now();
    value = fn();
    times.push(performance.now() - start);
    const used = process.cpuUsage(usage);
    cpu.push((used.user + used.system) / 1000);
  }
  const s = stats(times);
  return {
    timing: {
      runs: s.runs,
      p50: round(s.p50),
      p95: round(s.p95),
      min: round(s.min),
      max: round(s.max),
      cpuP50: round(stats(cpu).p50),
    },
    value,
  };
}

/** What the impact query asks for: counts, totals, first pages and summaries. */
function answer(graph, scenario) {
  const result = evaluateScenario(graph, scenario);
  const stalled = result.rows('STALLED', 0, 20);
  const partial = result.rows('PARTIAL', 0, 20);
  const byKind = result.summarize('KIND');
  const byRegion = result.summarize('REGION');
  return { result, stalled, partial, byKind, byRegion };
}

async function main() {
  const report = {
    label,
    date: new Date().toISOString(),
    node: process.version,
    cpus: require('node:os').cpus().length,
    cpuModel: require('node:os').cpus()[0]?.model,
    loadAverageAtStart: require('node:os').loadavg(),
    enterprises: n,
    seed,
  };
  const before = memory();

  // Build: generated rows streamed straight into the builder, never held as objects.
  let start = performance.now();
  const streams = streamSupplyGraph({ enterprises: n, seed });
  let generatedLinks = 0;
  for (const _ of streams.links()) generatedLinks++;
  const generateOnlyMs = performance.now() - start;
  start = performance.now();
  const builder = new SupplyGraphBuilder();
  for (const e of streams.enterprises()) {
    builder.addEnterprise({ ...e, park: e.park || null });
  }
  for (const l of streams.links()) builder.addLink(l);
  let graph = builder.build();
  const buildStreamedMs = performance.now() - start;
  // As the service does with a graph it reads whole.
  start = performance.now();
  graph = renumberInRankOrder(graph);
  const renumberMs = performance.now() - start;
  start = performance.now();
  prepareGraph(graph);
  const prepareMs = performance.now() - start;
  start = performance.now();
  prepareGraph(graph, { lossBounds: true });
  const lossBoundsMs = performance.now() - start;
  report.graph = { enterprises: graph.nodeCount, links: graph.linkCount, ports: graph.portCount, generatedLinks };
  report.buildMs = {
    generateOnly: round(generateOnlyMs),
    streamedBuildIncludingGeneration: round(buildStreamedMs),
    renumberInRankOrder: round(renumberMs),
    prepare: round(prepareMs),
    lossBounds: round(lossBoundsMs),
  };
  report.memory = { before, afterBuild: memory(), graph: graph.memoryUsage() };

  const blocks = benchBlocks(graph);
  report.blocks = {};
  for (const [key, scenario] of Object.entries(blocks)) {
    if (!blockNames.includes(key)) continue;
    const evaluate = time(() => evaluateScenario(graph, scenario));
    const full = time(() => answer(graph, scenario));
    const { result, stalled, partial } = full.value;
    report.blocks[key] = {
      scenario,
      stalledCount: result.stalledCount,
      partialCount: result.partialCount,
      lostOutputValue: result.lostOutputValue,
      strategy: propagationStrategy(graph),
      firstStalled: stalled
        .slice(0, 3)
        .map((a) => ({ id: a.id, stallsOnDay: a.stallsOnDay, causeLength: a.cause.length })),
      firstPartial: partial.slice(0, 1).map((a) => a.id),
      evaluateMs: evaluate.timing,
      answerMs: full.timing,
    };
    console.error(`${key}: evaluate p50 ${evaluate.timing.p50} ms, answer p50 ${full.timing.p50} ms`);
  }
  report.memory.afterBlocks = memory();
  if (onlyBlocks) {
    finish(report);
    return;
  }

  // Critical links.
  if (criticalRuns > 0) {
    report.critical = {};
    for (const measure of ['STALLED_COUNT', 'LOST_OUTPUT']) {
      const ranked = time(() => rankCriticalLinks(graph, { top: 20, measure }), criticalRuns, 0);
      report.critical[measure] = { ms: ranked.timing, top3: ranked.value.slice(0, 3) };
      console.error(`criticalLinks ${measure}: p50 ${ranked.timing.p50} ms`);
    }
  }

  // Patch, then the next impact: the cost of a write before the next answer. Each patch applies to the
  // graph the previous one produced, as the service applies writes one after another.
  const ids = (k) => graph.enterpriseId(Math.floor(((k + 1) * 2654435761) % n));
  const patches = {
    upsertSupplyLink: {
      make: (k) => ({
        upsertLinks: [
          {
            id: `bench-l-${k}`,
            from: ids(k),
            to: ids(k + 7),
            product: 'grey fabric',
            mode: 'ROAD',
            volume: 10,
            status: 'OPEN',
            inventoryDays: 2,
          },
        ],
      }),
      scenario: blocks.link,
    },
    'setLinkStatus BLOCKED (answer with includeCurrentState)': {
      make: (k) => ({ linkStatuses: [{ id: graph.linkId((k * 7919) % graph.linkCount), status: 'BLOCKED' }] }),
      scenario: { ...blocks.link, includeCurrentState: true },
    },
    deleteSupplyLink: {
      make: (k) => ({ deleteLinks: [graph.linkId((k * 104729) % graph.linkCount)] }),
      scenario: blocks.link,
    },
  };
  report.patch = {};
  for (const [key, { make, scenario }] of Object.entries(patches)) {
    let current = graph;
    let k = 0;
    // Between runs (untimed) the graphs patched before are collected, as a service drops the snapshot it replaced.
    const patchOnly = time(() => (current = current.patch(make(k++))), patchRuns, 1, gc);
    current = graph;
    k = 1000;
    const withImpact = time(
      () => {
        current = current.patch(make(k++));
        return answer(current, scenario);
      },
      patchRuns,
      1,
      gc,
    );
    report.patch[key] = { patchMs: patchOnly.timing, patchAndAnswerLinkMs: withImpact.timing };
    console.error(`patch ${key}: patch p50 ${patchOnly.timing.p50} ms, patch+answer p50 ${withImpact.timing.p50} ms`);
  }

  // A graph handed to a worker thread: post, rebuild there, answer there.
  report.worker = await workerRoundTrip(graph, blocks.link);

  // Chains of enterprises blocked at the head.
  report.chains = {};
  for (const length of chainLengths) report.chains[length] = chainBench(length);

  finish(report);
}

function finish(report) {
  report.memory.end = memory();
  report.loadAverageAtEnd = require('node:os').loadavg();
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(markdown(report));
  console.error(`wrote ${out}`);
}

function chainBench(length) {
  const builder = new SupplyGraphBuilder();
  const kinds = ['FIBER', 'WEAVING', 'PRINTING_DYEING', 'MARKET', 'GARMENT', 'FOREIGN_TRADE'];
  for (let i = 0; i < length; i++) {
    builder.addEnterprise({
      id: `c-${String(i).padStart(6, '0')}`,
      kind: kinds[i % kinds.length],
      region: 'Chain',
      park: null,
      status: 'OPERATING',
      capacityRecovery: 1,
      dailyCapacity: 100,
    });
  }
  let product = 'p0';
  for (let i = 1; i < length; i++) {
    // A producer makes something new; a pass-through forwards what it gets.
    if (!['MARKET', 'FOREIGN_TRADE'].includes(kinds[(i - 1) % kinds.length])) product = `p${i % 5}`;
    builder.addLink({
      id: `c-l-${i}`,
      from: `c-${String(i - 1).padStart(6, '0')}`,
      to: `c-${String(i).padStart(6, '0')}`,
      product,
      mode: 'ROAD',
      volume: 1,
      status: 'OPEN',
      inventoryDays: i % 3,
    });
  }
  const graph = builder.build();
  prepareGraph(graph);
  const scenario = { blockLinks: ['c-l-1'] };
  const last = graph.nodeIndex(`c-${String(length - 1).padStart(6, '0')}`);
  const answered = time(
    () => {
      const { result, stalled } = answer(graph, scenario);
      return { result, stalled, lastCause: result.row(last).cause.length };
    },
    Math.max(3, Math.min(runs, 10)),
    1,
  );
  const { result, lastCause } = answered.value;
  console.error(`chain ${length}: answer p50 ${answered.timing.p50} ms`);
  return { stalledCount: result.stalledCount, lastCauseLength: lastCause, answerWithLastRowMs: answered.timing };
}

/** Whether the last evaluation swept the graph or propagated from the blocks. */
function propagationStrategy(graph) {
  const { propagationFor } = require(path.join(DIST, 'engine', 'state-propagation.js'));
  return propagationFor(graph).swept ? 'sweep' : 'propagate';
}

async function workerRoundTrip(graph, scenario) {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const engine = require(${JSON.stringify(path.join(DIST, 'engine', 'index.js'))});
    parentPort.once('message', (shared) => {
      const start = performance.now();
      const graph = engine.SupplyGraph.fromTransferable(shared);
      const rebuiltMs = performance.now() - start;
      const result = engine.evaluateScenario(graph, workerData.scenario);
      const rows = result.rows('ALL', 0, 20).map((a) => a.id);
      parentPort.postMessage({ rebuiltMs, answerMs: performance.now() - start - rebuiltMs, stalledCount: result.stalledCount, partialCount: result.partialCount, rows });
    });`;
  const here = evaluateScenario(graph, scenario);
  const worker = new Worker(code, { eval: true, workerData: { scenario } });
  const start = performance.now();
  const reply = new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  worker.postMessage(graph.toTransferable());
  const postMs = performance.now() - start;
  const answer = await reply;
  const totalMs = performance.now() - start;
  await worker.terminate();
  const rows = here.rows('ALL', 0, 20).map((a) => a.id);
  const sameAnswer =
    answer.stalledCount === here.stalledCount &&
    answer.partialCount === here.partialCount &&
    JSON.stringify(answer.rows) === JSON.stringify(rows);
  return {
    sameAnswer,
    postMs: round(postMs),
    rebuildInWorkerMs: round(answer.rebuiltMs),
    answerInWorkerMs: round(answer.answerMs),
    roundTripMs: round(totalMs),
  };
}

function markdown(r) {
  const ms = (t) => (t ? `${t.p50} / ${t.p95} (cpu ${t.cpuP50})` : '–');
  const lines = [
    `### Engine ${r.label}: ${r.graph.enterprises.toLocaleString('en')} enterprises, ${r.graph.links.toLocaleString('en')} links (seed ${r.seed})`,
    '',
    `Build ${r.buildMs.streamedBuildIncludingGeneration} ms streamed from the generator (generation alone ${r.buildMs.generateOnly} ms), renumbered in rank order ${r.buildMs.renumberInRankOrder} ms, prepare ${r.buildMs.prepare} ms, loss bounds ${r.buildMs.lossBounds} ms. ` +
      `Memory after build: RSS ${r.memory.afterBuild.rssMB} MB, heap ${r.memory.afterBuild.heapUsedMB} MB, array buffers ${r.memory.afterBuild.arrayBuffersMB} MB ` +
      `(ids ${mb(r.memory.graph.ids)} MB, columns ${mb(r.memory.graph.columns)} MB, derived ${mb(r.memory.graph.derived)} MB); end of run RSS ${r.memory.end.rssMB} MB.`,
    '',
    '| what | stalled | partial | evaluate p50 / p95 ms (cpu p50) | answer p50 / p95 ms (cpu p50) |',
    '|---|---:|---:|---:|---:|',
  ];
  for (const [key, b] of Object.entries(r.blocks)) {
    lines.push(
      `| ${key} (${b.strategy}) | ${b.stalledCount} | ${b.partialCount} | ${ms(b.evaluateMs)} | ${ms(b.answerMs)} |`,
    );
  }
  for (const [measure, c] of Object.entries(r.critical ?? {}))
    lines.push(`| criticalLinks top 20, ${measure} | | | | ${ms(c.ms)} |`);
  for (const [length, c] of Object.entries(r.chains ?? {})) {
    lines.push(
      `| chain of ${Number(length).toLocaleString('en')}, head blocked (+ last row, cause of ${c.lastCauseLength}) | ${c.stalledCount} | | | ${ms(c.answerWithLastRowMs)} |`,
    );
  }
  for (const [key, p] of Object.entries(r.patch ?? {}))
    lines.push(`| ${key}: patch / patch + answer (link) | | | ${ms(p.patchMs)} | ${ms(p.patchAndAnswerLinkMs)} |`);
  if (r.worker) {
    lines.push(
      `| worker: rebuild from shared form / answer (link) | | | ${r.worker.rebuildInWorkerMs} | ${r.worker.answerInWorkerMs} |`,
    );
  }
  return lines.join('\n');
}

main().catch((error) => {
  console.error(error.stack ?? error);
  process.exit(1);
});
