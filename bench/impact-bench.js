#!/usr/bin/env node
'use strict';
/**
 * Impact benchmark: starts the service in-process on DATA_DIR (its managed
 * Neo4j, already loaded by run-import.sh or bulk-load.sh), then measures
 * end-to-end through GraphQL over HTTP:
 *   - the snapshot load (the first impact after start loads the whole graph into the engine),
 *   - impact of blocking one link, the hub enterprise, the largest region, and the ROAD mode
 *     (warm-up runs, then timed runs: p50 / p95 / min),
 *   - criticalLinks(top: 20),
 *   - the naive Cypher reachability ("everything downstream") for the same four blocks, run
 *     directly with neo4j-driver under a transaction timeout, for the count and speed comparison.
 *
 *   DATA_DIR=/tmp/linkfall-bench-100000/data node bench/impact-bench.js --label 100k
 *
 * Options (all optional):
 *   --label NAME           name in the output (default: enterprise count)
 *   --runs N               timed impact runs per scenario (15)      --warmup N  warm-up runs (1)
 *   --impact-slow S        a scenario whose warm-up takes longer than S seconds (10) is timed only
 *   --slow-runs N          N times (3) instead of --runs
 *   --critical-runs N      timed criticalLinks(top: 20) runs (3; 0 skips it)
 *   --naive-runs N         timed naive Cypher runs per scenario (3; 0 skips the naive comparison)
 *   --naive-timeout S      transaction timeout of each naive query in seconds (120)
 *   --naive-slow S         after a run slower than this, stop timing that query (30)
 *   --link ID              the link to block (default: first inbound link by id of the hub)
 *   --idle-seconds S       after the impact runs, wait S seconds and record RSS again (0: not)
 *   --out FILE             JSON results (default: bench/results/impact-<label>.json)
 * Env: DATA_DIR (or NEO4J_URI/USER/PASSWORD), NEO4J_HEAP / NEO4J_PAGECACHE if it has to start
 * the managed Neo4j, LINKFALL_ROOT (project root with a built dist/, default: above bench/).
 * Run node with --expose-gc to measure RSS after a full GC, and --max-old-space-size for 1M.
 * With `-r ./bench/thread-memory.js` it also records each thread's heap and array buffers and the
 * resident memory by mapping, after the first impact and after the impact runs.
 */
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, projectRequire, requireDist, openDriver, parseArgs, stats, round } = require('./lib');

const DEFAULTS = {
  label: null,
  runs: 15,
  warmup: 1,
  'critical-runs': 3,
  'impact-slow': 10,
  'slow-runs': 3,
  'naive-runs': 3,
  'naive-timeout': 120,
  'naive-slow': 30,
  link: null,
  out: null,
  'idle-seconds': 0,
};

const log = (...parts) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...parts);
const ms = (start) => performance.now() - start;

const IMPACT = `query Impact($s: ScenarioInput!) {
  impact(scenario: $s) {
    stalledCount partialCount lostOutputValue
    stalled(first: 20) { totalCount edges { node { enterprise { id } stallsOnDay } } }
  }
}`;
const CRITICAL = `{ criticalLinks(top: 20) { link { id } stalledCount lostOutputValue } }`;

/** Naive reachability: everything downstream of the blocked set, alternative suppliers ignored. */
const NAIVE = {
  link: 'MATCH ()-[l:SUPPLIES {id: $id}]->(t) MATCH (t)-[:SUPPLIES*0..]->(d) RETURN count(DISTINCT d) AS n',
  hub: 'MATCH (s:Enterprise {id: $id}) MATCH (s)-[:SUPPLIES*0..]->(d) RETURN count(DISTINCT d) AS n',
  region: 'MATCH (s:Enterprise {region: $region}) MATCH (s)-[:SUPPLIES*0..]->(d) RETURN count(DISTINCT d) AS n',
  mode:
    'MATCH ()-[l:SUPPLIES {mode: $mode}]->(t) WITH DISTINCT t ' +
    'MATCH (t)-[:SUPPLIES*0..]->(d) RETURN count(DISTINCT d) AS n',
};

/** Created for the naive mode query only. */
const NAIVE_MODE_INDEX = 'bench_naive_supplies_mode';

async function main() {
  const args = parseArgs(process.argv.slice(2), DEFAULTS);
  const { readConfig } = requireDist('platform/config/config.js');
  const { startApp } = requireDist('app/start-app.js');
  const pino = projectRequire('pino');

  // The service's logs go to a file; the engine's own load time is picked out of them.
  const logLines = [];
  let engineLoad = null;
  const logger = pino(
    { level: 'info', base: { service: 'linkfall' } },
    {
      write(line) {
        logLines.push(line);
        if (line.includes('impact engine loaded the graph')) engineLoad = JSON.parse(line);
        if (/"level":(50|60)/.test(line)) process.stderr.write(`service: ${line}`);
      },
    },
  );

  const env = { ...process.env, SEED_DEMO: 'false', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' };
  const config = readConfig(env);
  const result = {
    label: args.label,
    root: ROOT,
    dataDir: config.dataDir,
    node: process.version,
    maxOldSpaceMb: Math.round(require('node:v8').getHeapStatistics().heap_size_limit / 2 ** 20),
    startedAt: new Date().toISOString(),
    failures: [],
  };

  log(`starting the service on ${config.neo4j.kind === 'managed' ? config.dataDir : config.neo4j.uri}`);
  let started = performance.now();
  const app = await startApp(config, logger);
  result.serviceStartSeconds = round(ms(started) / 1000, 2);
  // Migrations may still be building indexes on a bulk-loaded graph: wait for /ready.
  started = performance.now();
  for (;;) {
    const ready = await fetch(`${app.url}/ready`).then(
      (r) => r.status,
      () => 0,
    );
    if (ready === 200) break;
    if (ms(started) > 4 * 3600_000) throw new Error('/ready never turned 200');
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  result.readyWaitSeconds = round(ms(started) / 1000, 2);
  log(`service at ${app.url} (start ${result.serviceStartSeconds}s, ready after ${result.readyWaitSeconds}s more)`);

  const { driver, database } = await openDriver();
  const cypher = async (query, params = {}, timeoutMs, defaultAccessMode = 'READ') => {
    const session = driver.session({ database, defaultAccessMode });
    try {
      return (await session.run(query, params, timeoutMs ? { timeout: timeoutMs } : undefined)).records;
    } finally {
      await session.close();
    }
  };

  const gql = async (query, variables) => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (!response.ok || body.errors) {
      throw new Error(`GraphQL ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 2000)}`);
    }
    return body.data;
  };

  try {
    // --- the graph and the blocks to measure --------------------------------------------
    const counts = (
      await cypher(
        'CALL () { MATCH (e:Enterprise) RETURN count(e) AS e } ' +
          'CALL () { MATCH ()-[s:SUPPLIES]->() RETURN count(s) AS s } RETURN e, s',
      )
    )[0];
    result.graph = { enterprises: counts.get('e'), links: counts.get('s') };
    result.label ??= String(result.graph.enterprises);
    const hubRecord = (
      await cypher(
        'MATCH (e:Enterprise)-[s:SUPPLIES]->() WITH e, count(s) AS out ORDER BY out DESC, e.id LIMIT 1 ' +
          'RETURN e.id AS id, out, e.kind AS kind',
      )
    )[0];
    const hub = { id: hubRecord.get('id'), outboundLinks: hubRecord.get('out'), kind: hubRecord.get('kind') };
    const regionRecord = (
      await cypher(
        'MATCH (e:Enterprise) WITH e.region AS region, count(*) AS n ORDER BY n DESC, region LIMIT 1 RETURN region, n',
      )
    )[0];
    const region = { name: regionRecord.get('region'), enterprises: regionRecord.get('n') };
    let linkId = args.link;
    if (!linkId) {
      const inbound = await cypher(
        'MATCH ()-[s:SUPPLIES]->(:Enterprise {id: $id}) RETURN s.id AS id ORDER BY id LIMIT 1',
        { id: hub.id },
      );
      const outbound = await cypher(
        'MATCH (:Enterprise {id: $id})-[s:SUPPLIES]->() RETURN s.id AS id ORDER BY id LIMIT 1',
        { id: hub.id },
      );
      linkId = (inbound[0] ?? outbound[0]).get('id');
    }
    const roadLinks = (await cypher("MATCH ()-[s:SUPPLIES {mode: 'ROAD'}]->() RETURN count(s) AS n"))[0].get('n');
    result.subjects = { link: linkId, hub, region, mode: { name: 'ROAD', links: roadLinks } };
    log(`graph ${JSON.stringify(result.graph)}, blocks ${JSON.stringify(result.subjects)}`);

    const scenarios = [
      { key: 'link', title: `one link (${linkId})`, scenario: { blockLinks: [linkId] }, naive: { id: linkId } },
      {
        key: 'hub',
        title: `hub enterprise (${hub.id}, ${hub.outboundLinks} outbound links)`,
        scenario: { blockEnterprises: [hub.id] },
        naive: { id: hub.id },
      },
      {
        key: 'region',
        title: `largest region (${region.name}, ${region.enterprises} enterprises)`,
        scenario: { blockRegions: [region.name] },
        naive: { region: region.name },
      },
      {
        key: 'mode',
        title: `mode ROAD (${roadLinks} links)`,
        scenario: { blockModes: ['ROAD'] },
        naive: { mode: 'ROAD' },
      },
    ];

    // --- snapshot load: the first impact after start ---------------------------------------
    const rssBefore = process.memoryUsage().rss;
    started = performance.now();
    await gql(IMPACT, { s: scenarios[0].scenario });
    const firstMs = ms(started);
    global.gc?.();
    const memory = process.memoryUsage();
    result.snapshot = {
      firstImpactMs: round(firstMs),
      engineLoadMs: engineLoad?.ms ?? null,
      engineLog: engineLoad,
      rssBeforeMb: Math.round(rssBefore / 2 ** 20),
      rssAfterMb: Math.round(memory.rss / 2 ** 20),
      heapUsedAfterMb: Math.round(memory.heapUsed / 2 ** 20),
      arrayBuffersAfterMb: Math.round(memory.arrayBuffers / 2 ** 20),
      afterFullGc: Boolean(global.gc),
    };
    if (globalThis.threadMemory) result.snapshot.memory = await globalThis.threadMemory();
    log(`snapshot: ${JSON.stringify(result.snapshot)}`);

    // --- impact over GraphQL -----------------------------------------------------------------
    result.impact = {};
    for (const s of args.runs > 0 ? scenarios : []) {
      try {
        let warmMs = 0;
        for (let i = 0; i < args.warmup; i++) {
          started = performance.now();
          await gql(IMPACT, { s: s.scenario });
          warmMs = ms(started);
        }
        // A scenario slower than --impact-slow seconds is timed fewer times (--slow-runs).
        const slow = warmMs > args['impact-slow'] * 1000;
        const runs = slow ? Math.min(args.runs, args['slow-runs']) : args.runs;
        if (slow) log(`impact ${s.key}: warm-up took ${(warmMs / 1000).toFixed(1)} s, timing ${runs} runs only`);
        const times = [];
        let last;
        for (let i = 0; i < runs; i++) {
          started = performance.now();
          last = await gql(IMPACT, { s: s.scenario });
          times.push(ms(started));
          if (slow) log(`impact ${s.key} run ${i + 1}: ${(times[i] / 1000).toFixed(2)} s`);
        }
        const report = last.impact;
        const st = stats(times);
        result.impact[s.key] = {
          title: s.title,
          scenario: s.scenario,
          p50: round(st.p50),
          p95: round(st.p95),
          min: round(st.min),
          max: round(st.max),
          runs: st.runs,
          warmupMs: round(warmMs),
          stalledCount: report.stalledCount,
          partialCount: report.partialCount,
          lostOutputValue: report.lostOutputValue,
          stalledTotalCount: report.stalled.totalCount,
          firstStalled: report.stalled.edges
            .slice(0, 3)
            .map((e) => ({ id: e.node.enterprise.id, stallsOnDay: e.node.stallsOnDay })),
          timesMs: times.map((t) => round(t)),
        };
        log(
          `impact ${s.key}: p50 ${round(st.p50)} ms, p95 ${round(st.p95)} ms, min ${round(st.min)} ms, ` +
            `stalled ${report.stalledCount}, partial ${report.partialCount}`,
        );
      } catch (error) {
        result.failures.push({ what: `impact ${s.key}`, scenario: s.scenario, error: String(error.message ?? error) });
        log(`impact ${s.key} FAILED: ${error.message ?? error}`);
      }
    }

    if (globalThis.threadMemory) {
      global.gc?.();
      result.memoryAfterImpactRuns = await globalThis.threadMemory();
      log(`memory after the impact runs: ${JSON.stringify(result.memoryAfterImpactRuns)}`);
    }
    if (args['idle-seconds'] > 0) {
      // The service at rest after the runs: engine workers give back their scratch space once idle.
      const rssAfterRunsMb = Math.round(process.memoryUsage().rss / 2 ** 20);
      await new Promise((resolve) => setTimeout(resolve, args['idle-seconds'] * 1000));
      global.gc?.();
      const rssAfterIdleMb = Math.round(process.memoryUsage().rss / 2 ** 20);
      result.idle = { seconds: args['idle-seconds'], rssAfterRunsMb, rssAfterIdleMb };
      if (globalThis.threadMemory) result.idle.threads = await globalThis.threadMemory();
      log(
        `RSS after the impact runs ${rssAfterRunsMb} MiB, after ${args['idle-seconds']} s idle ${rssAfterIdleMb} MiB`,
      );
    }

    // --- criticalLinks(top: 20) ------------------------------------------------------------------
    if (args['critical-runs'] > 0) {
      const times = [];
      const healthMs = [];
      let top;
      try {
        for (let i = 0; i < args['critical-runs']; i++) {
          started = performance.now();
          // /health every 100 ms while the ranking runs: engine work must not hold the event loop.
          let ranking = true;
          const probe = (async () => {
            while (ranking) {
              const sent = performance.now();
              await fetch(`${app.url}/health`);
              healthMs.push(ms(sent));
              await new Promise((resolve) => setTimeout(resolve, 100));
            }
          })();
          top = (await gql(CRITICAL).finally(() => (ranking = false))).criticalLinks;
          await probe;
          times.push(ms(started));
          log(`criticalLinks(top: 20) run ${i + 1}: ${(times[i] / 1000).toFixed(2)} s`);
        }
      } catch (error) {
        result.failures.push({ what: 'criticalLinks(top: 20)', error: String(error.message ?? error) });
        log(`criticalLinks FAILED: ${error.message ?? error}`);
      }
      const st = stats(times);
      result.criticalLinks = {
        runs: times.length,
        secondsEach: times.map((t) => round(t / 1000, 2)),
        p50Seconds: round((st.p50 ?? NaN) / 1000, 2),
        minSeconds: round((st.min ?? NaN) / 1000, 2),
        healthDuringRanking: {
          probes: healthMs.length,
          p50Ms: round(stats(healthMs).p50),
          maxMs: round(Math.max(...healthMs)),
        },
        top3: top
          ?.slice(0, 3)
          .map((c) => ({ link: c.link.id, stalledCount: c.stalledCount, lostOutputValue: c.lostOutputValue })),
      };
    }

    // --- naive Cypher reachability ---------------------------------------------------------------
    if (args['naive-runs'] > 0) {
      result.naive = {};
      const timeoutMs = args['naive-timeout'] * 1000;
      // The index a plain Cypher user would add for the mode query; the service's schema has none
      // (cypher/schema.cypher), and the bench removes it again after.
      await cypher(`CREATE INDEX ${NAIVE_MODE_INDEX} IF NOT EXISTS FOR ()-[s:SUPPLIES]-() ON (s.mode)`, {}, 0, 'WRITE');
      await cypher('CALL db.awaitIndexes(600)');
      for (const s of scenarios) {
        const entry = {
          query: NAIVE[s.key],
          params: s.naive,
          timeoutSeconds: args['naive-timeout'],
          timesMs: [],
          count: null,
          timedOut: false,
        };
        result.naive[s.key] = entry;
        const once = async () => {
          const t = performance.now();
          const records = await cypher(NAIVE[s.key], s.naive, timeoutMs);
          return { time: ms(t), count: records[0].get('n') };
        };
        try {
          const warm = await once();
          entry.count = warm.count;
          entry.warmupMs = round(warm.time);
          log(`naive ${s.key}: warm-up ${(warm.time / 1000).toFixed(2)} s, count ${warm.count}`);
          let slow = warm.time > args['naive-slow'] * 1000;
          for (let i = 0; i < args['naive-runs'] && !slow; i++) {
            const run = await once();
            entry.timesMs.push(round(run.time));
            slow = run.time > args['naive-slow'] * 1000;
          }
          // Too slow to repeat: the warm-up is the measurement.
          if (entry.timesMs.length === 0) entry.timesMs.push(round(warm.time));
        } catch (error) {
          const message = String(error.message ?? error);
          if (/timeout|terminated|TransactionTimedOut/i.test(message + (error.code ?? ''))) {
            entry.timedOut = true;
            log(`naive ${s.key}: timed out after ${args['naive-timeout']} s`);
          } else {
            entry.error = message;
            result.failures.push({ what: `naive ${s.key}`, error: message });
            log(`naive ${s.key} FAILED: ${message}`);
          }
        }
        const st = stats(entry.timesMs);
        entry.p50 = round(st.p50);
        entry.min = round(st.min);
      }
      await cypher(`DROP INDEX ${NAIVE_MODE_INDEX} IF EXISTS`, {}, 0, 'WRITE');
    }
  } finally {
    await driver.close();
    result.finishedAt = new Date().toISOString();
    const out = args.out ?? path.join(__dirname, 'results', `impact-${result.label ?? 'run'}.json`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    fs.writeFileSync(out.replace(/\.json$/, '.service.log'), logLines.join(''));
    log(`results in ${out}`);
    printTables(result);
    await app.stop();
  }
}

function printTables(r) {
  const lines = [];
  lines.push(`\n### ${r.label}: ${r.graph?.enterprises} enterprises, ${r.graph?.links} links\n`);
  if (r.snapshot) {
    const s = r.snapshot;
    lines.push(
      `Snapshot load (first impact after start): ${s.firstImpactMs} ms end-to-end, engine log ${s.engineLoadMs} ms; ` +
        `RSS ${s.rssBeforeMb} -> ${s.rssAfterMb} MB, heap used ${s.heapUsedAfterMb} MB, ` +
        `array buffers ${s.arrayBuffersAfterMb} MB\n`,
    );
  }
  lines.push(
    '| block | p50 ms | p95 ms | min ms | stalledCount | partialCount | naive count | naive time ' +
      '| speed-up (naive / impact p50) |',
  );
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const key of ['link', 'hub', 'region', 'mode']) {
    const i = r.impact?.[key];
    const n = r.naive?.[key];
    if (!i) continue;
    let naiveTime = '-';
    let ratio = '-';
    if (n?.timedOut) {
      naiveTime = `timed out (${n.timeoutSeconds} s)`;
      ratio = `> ${Math.round((n.timeoutSeconds * 1000) / i.p50)}x`;
    } else if (n?.p50 !== null && n?.p50 !== undefined) {
      naiveTime = `${n.p50} ms (${n.timesMs.length} runs)`;
      ratio = `${(n.p50 / i.p50).toFixed(1)}x`;
    }
    const cells = [i.title, i.p50, i.p95, i.min, i.stalledCount, i.partialCount, n?.count ?? '-', naiveTime, ratio];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  if (r.criticalLinks) {
    const h = r.criticalLinks.healthDuringRanking;
    lines.push(`\ncriticalLinks(top: 20): ${r.criticalLinks.secondsEach.join(' s, ')} s`);
    lines.push(`/health meanwhile: ${h.probes} probes, p50 ${h.p50Ms} ms, max ${h.maxMs} ms`);
  }
  if (r.failures.length) lines.push(`\nFAILURES: ${JSON.stringify(r.failures, null, 1)}`);
  console.log(lines.join('\n'));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error.stack ?? error);
    process.exit(1);
  },
);
