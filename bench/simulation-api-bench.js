#!/usr/bin/env node
'use strict';
/**
 * The `simulate` query end to end: starts the service in-process on DATA_DIR (its managed Neo4j,
 * loaded by run-import.sh or bulk-load.sh), then measures over GraphQL and HTTP:
 *   - the engine index load (the first engine query after start reads the whole graph),
 *   - `simulate` of 90 days with the largest region locked down on day 0 and reopened on day 14
 *     (issue 11's benchmark): the first run (which also builds the simulation's per-graph memo:
 *     flow order, solved start, baseline), then warm runs (p50 / p95 / min),
 *   - the same for the 50 producers with most customers (upstream hubs) and a 90-day run with no events,
 *   - memory: RSS and heap after a full GC before and after, and the process's peak RSS.
 *
 *   DATA_DIR=/tmp/linkfall-bench-100000/data node --expose-gc bench/simulation-api-bench.js --label 100k
 *
 * Options: --label NAME, --runs N (9), --horizon DAYS (90), --reopen DAY (14), --hubs N (50),
 *          --out FILE (default bench/results/simulation-api-<label>.json)
 * Env: DATA_DIR (or NEO4J_URI/USER/PASSWORD), NEO4J_HEAP / NEO4J_PAGECACHE if it has to start the
 * managed Neo4j, LINKFALL_ROOT (project root with a built dist/, default: above bench/).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT, projectRequire, requireDist, openDriver, parseArgs, stats, round } = require('./lib');

const log = (...parts) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...parts);
const ms = (start) => performance.now() - start;
const mb = (bytes) => Math.round(bytes / 2 ** 20);

const SIMULATE = `query Simulate($input: SimulationInput!) {
  simulate(input: $input) {
    graphVersion horizonDays peakDay converged unvaluedAffectedProducers
    cumulativeLostOutputValue cumulativeDirectLostOutputValue cumulativeIndirectLostOutputValue cumulativeLostTradeValue
    days { day stalledCount partialCount lostOutputValue directLostOutputValue indirectLostOutputValue lostTradeValue }
    trajectories(first: 20) {
      totalCount
      edges { node { id firstAffectedDay firstStallDay recoveredOnDay minFraction lostOutputValue } }
    }
  }
}`;
const LOAD_INDEX = '{ impact(scenario: {}) { stalledCount } }';

/** Memory of this process (the service runs in it) after a full GC when --expose-gc is on. */
function memory() {
  if (global.gc) global.gc();
  const m = process.memoryUsage();
  return {
    rssMb: mb(m.rss),
    heapUsedMb: mb(m.heapUsed),
    arrayBuffersMb: mb(m.arrayBuffers),
    externalMb: mb(m.external),
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2), { label: null, runs: 9, horizon: 90, reopen: 14, hubs: 50, out: null });
  const { readConfig } = requireDist('platform/config/config.js');
  const { startApp } = requireDist('app/start-app.js');
  const pino = projectRequire('pino');
  const logger = pino(
    { level: 'info' },
    { write: (line) => /"level":(50|60)/.test(line) && process.stderr.write(`service: ${line}`) },
  );
  const config = readConfig({ ...process.env, SEED_DEMO: 'false', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' });
  const result = {
    label: args.label,
    root: ROOT,
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    loadAverageAtStart: os.loadavg().map((x) => round(x, 2)),
    startedAt: new Date().toISOString(),
    horizonDays: args.horizon,
    reopenDay: args.reopen,
  };

  log(`starting the service on ${config.neo4j.kind === 'managed' ? config.dataDir : config.neo4j.uri}`);
  const app = await startApp(config, logger);
  for (const started = performance.now(); ;) {
    const ready = await fetch(`${app.url}/ready`).then(
      (r) => r.status,
      () => 0,
    );
    if (ready === 200) break;
    if (ms(started) > 3600_000) throw new Error('/ready never turned 200');
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  const gql = async (query, variables) => {
    const started = performance.now();
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    const elapsed = ms(started);
    const body = JSON.parse(text);
    if (!response.ok || body.errors) throw new Error(`GraphQL ${response.status}: ${text.slice(0, 2000)}`);
    return { data: body.data, ms: elapsed, bytes: text.length };
  };

  const { driver, database } = await openDriver();
  const cypher = async (query, params = {}) => {
    const session = driver.session({ database, defaultAccessMode: 'READ' });
    try {
      return (await session.run(query, params)).records;
    } finally {
      await session.close();
    }
  };

  try {
    const counts = (
      await cypher(
        'CALL () { MATCH (e:Enterprise) RETURN count(e) AS e } CALL () { MATCH ()-[s:SUPPLIES]->() RETURN count(s) AS s } RETURN e, s',
      )
    )[0];
    result.graph = { enterprises: counts.get('e'), links: counts.get('s') };
    result.label ??= String(result.graph.enterprises);
    const regionRecord = (
      await cypher(
        'MATCH (e:Enterprise) WITH e.region AS region, count(*) AS n ORDER BY n DESC, region LIMIT 1 RETURN region, n',
      )
    )[0];
    const region = { name: regionRecord.get('region'), enterprises: regionRecord.get('n') };
    const hubs = (
      await cypher(
        `MATCH (e:Enterprise)-[s:SUPPLIES]->()
         WHERE NOT e.kind IN ['MARKET', 'FOREIGN_TRADE', 'LOGISTICS']
         WITH e, count(s) AS out ORDER BY out DESC, e.id LIMIT $n RETURN e.id AS id`,
        { n: projectRequire('neo4j-driver').int(args.hubs) },
      )
    ).map((r) => r.get('id'));
    result.subjects = { region, hubs: { count: hubs.length, first: hubs.slice(0, 3) } };
    log(`graph ${JSON.stringify(result.graph)}, region ${JSON.stringify(region)}`);

    result.memoryBefore = memory();
    const load = await gql(LOAD_INDEX);
    result.indexLoadSeconds = round(load.ms / 1000, 2);
    result.memoryWithIndex = memory();
    log(`engine index loaded in ${result.indexLoadSeconds}s`);

    const lockdown = (block) => ({
      horizonDays: args.horizon,
      events: [
        { day: 0, block },
        { day: args.reopen, unblock: block },
      ],
    });
    const scenarios = [
      {
        key: 'region',
        title: `largest region (${region.name}) locked down days 0-${args.reopen - 1}`,
        input: lockdown({ regions: [region.name] }),
      },
      {
        key: 'hubs',
        title: `${hubs.length} biggest producers down days 0-${args.reopen - 1}`,
        input: lockdown({ enterprises: hubs }),
      },
      { key: 'none', title: `${args.horizon} days, no events`, input: { horizonDays: args.horizon, events: [] } },
    ];
    result.scenarios = {};
    for (const scenario of scenarios) {
      const first = await gql(SIMULATE, { input: scenario.input });
      const times = [];
      let last = first;
      for (let i = 0; i < args.runs; i++) {
        last = await gql(SIMULATE, { input: scenario.input });
        times.push(last.ms);
      }
      const sim = last.data.simulate;
      const pick = (d) => ({ day: d.day, stalled: d.stalledCount, partial: d.partialCount });
      result.scenarios[scenario.key] = {
        title: scenario.title,
        firstMs: round(first.ms),
        warmMs: Object.fromEntries(
          Object.entries(stats(times)).map(([k, v]) => [k, typeof v === 'number' && k !== 'runs' ? round(v) : v]),
        ),
        responseBytes: last.bytes,
        trajectories: sim.trajectories.totalCount,
        peakDay: sim.peakDay,
        converged: sim.converged,
        unvaluedAffectedProducers: sim.unvaluedAffectedProducers,
        cumulativeLostOutputValue: sim.cumulativeLostOutputValue,
        days: [0, 3, 7, 13, args.reopen, args.horizon - 1]
          .filter((d) => d < sim.days.length)
          .map((d) => pick(sim.days[d])),
      };
      log(
        `${scenario.key}: first ${round(first.ms)} ms, warm p50 ${round(stats(times).p50)} ms, ${sim.trajectories.totalCount} trajectories`,
      );
    }
    result.memoryAfter = memory();
    result.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    result.loadAverageAtEnd = os.loadavg().map((x) => round(x, 2));
  } finally {
    await driver.close();
    await app.stop();
  }

  const out = args.out ?? path.join(__dirname, 'results', `simulation-api-${result.label}.json`);
  fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  log(`wrote ${out}`);
  const rows = Object.entries(result.scenarios).map(
    ([key, s]) =>
      `| ${key} | ${s.firstMs} ms | ${s.warmMs.p50} ms (${s.warmMs.min}) | ${s.trajectories} | ${Math.round(s.responseBytes / 1024)} KB |`,
  );
  console.log(
    [
      `index load ${result.indexLoadSeconds} s; memory ${JSON.stringify(result.memoryWithIndex)} -> ${JSON.stringify(result.memoryAfter)}; peak RSS ${result.peakRssMb} MB`,
      '| scenario | first | warm p50 (min) | trajectories | response |',
      '|---|---|---|---|---|',
      ...rows,
    ].join('\n'),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
