'use strict';
/**
 * The first impact after a service restart, with and without the engine's
 * snapshot file (ENGINE_SNAPSHOT_FILE). Runs `node dist/cli/start.js` as a
 * child process on the running managed Neo4j of DATA_DIR (start it first:
 * `npm run neo4j -- start`), three times:
 *
 *   1. cold: no snapshot file, so the engine reads the whole graph from Neo4j;
 *      then one write (setLinkStatus of a link to its own status), which names
 *      the database (GraphMeta.graphId) when nothing had yet, and waits until
 *      the engine has saved its snapshot;
 *   2. warm: started again, the engine takes the graph from the file;
 *   3. warm after a write made while the service was down (through a second,
 *      snapshot-less instance), so the restart patches the snapshot.
 *
 * Each run: seconds from spawn to /ready 200 (the engine can evaluate), and to
 * the answer of the first impact of one blocked link. Writes
 * results/restart-<label>.json and a markdown table on stdout.
 *
 *   DATA_DIR=/tmp/linkfall-bench-1000000/data node bench/restart-bench.js --label 1000000
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { openDriver, parseArgs, ROOT } = require('./lib');

const { label, port } = parseArgs(process.argv.slice(2), { label: 'restart', port: 4917 });
const RESULTS_DIR = process.env.RESULTS_DIR || path.join(__dirname, 'results');
const dataDir = path.resolve(process.env.DATA_DIR || '.data');
const snapshotFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'linkfall-restart-')), 'engine-snapshot.bin');
const url = `http://127.0.0.1:${port}`;
const round = (value, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const log = (message) => process.stderr.write(`[restart-bench] ${message}\n`);

async function gql(query, variables, base = url) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Services still running, stopped if the bench fails. */
const running = new Set();

function startService(env) {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'cli', 'start.js')], {
    env: { ...process.env, DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'info', ANONYMOUS_ROLE: 'editor', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = [];
  let rest = '';
  child.stdout.on('data', (chunk) => {
    const text = rest + chunk.toString();
    const parts = text.split('\n');
    rest = parts.pop();
    for (const line of parts) {
      try {
        lines.push(JSON.parse(line));
      } catch {
        // not a log line
      }
    }
  });
  running.add(child);
  const exited = new Promise((resolve) => child.on('exit', resolve)).finally(() => running.delete(child));
  return { child, lines, exited };
}

async function stopService(service) {
  service.child.kill('SIGTERM');
  await service.exited;
}

async function until(check, what, ms = 30 * 60_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const ready = (base) => () =>
  fetch(`${base}/ready`).then(
    (r) => r.status === 200,
    () => false,
  );

/** One start: seconds to /ready and to the first impact answer; the log lines of the engine. */
async function timedStart(linkId, name) {
  const started = performance.now();
  const service = startService({ PORT: String(port), ENGINE_SNAPSHOT_FILE: snapshotFile });
  await until(ready(url), '/ready');
  const readySeconds = (performance.now() - started) / 1000;
  const impact = await gql(`query($s: ScenarioInput!) { impact(scenario: $s) { stalledCount partialCount } }`, {
    s: { blockLinks: [linkId] },
  });
  const firstImpactSeconds = (performance.now() - started) / 1000;
  const engine = service.lines.find((line) => /impact engine (loaded|took)/.test(line.msg ?? ''));
  log(`${name}: ready ${round(readySeconds)} s, first impact ${round(firstImpactSeconds)} s (${engine?.msg})`);
  return {
    service,
    row: {
      run: name,
      readySeconds: round(readySeconds),
      firstImpactSeconds: round(firstImpactSeconds),
      engine: engine?.msg ?? null,
      engineMs: engine?.ms ?? null,
      restoredFrom: engine?.restoredFrom ?? null,
      impact,
    },
  };
}

async function main() {
  const { driver, database } = await openDriver();
  let linkId;
  try {
    const result = await driver.executeQuery(
      'MATCH ()-[s:SUPPLIES]->() RETURN s.id AS id, s.status AS status LIMIT 1',
      {},
      { database },
    );
    linkId = result.records[0].get('id');
  } finally {
    await driver.close();
  }
  const setLink = `mutation($id: ID!) { setLinkStatus(id: $id, status: OPEN) { status } }`;
  const rows = [];

  const cold = await timedStart(linkId, 'cold (no snapshot file)');
  rows.push(cold.row);
  await gql(setLink, { id: linkId });
  await gql(`query($s: ScenarioInput!) { impact(scenario: $s) { stalledCount } }`, { s: { blockLinks: [linkId] } });
  await until(
    () => cold.service.lines.some((line) => line.msg === 'engine snapshot saved'),
    'the snapshot to be saved',
  );
  const saved = cold.service.lines.find((line) => line.msg === 'engine snapshot saved');
  await stopService(cold.service);
  const snapshotBytes = fs.statSync(snapshotFile).size;
  log(`snapshot saved in ${saved.ms} ms, ${round(snapshotBytes / 2 ** 20, 1)} MiB`);

  const warm = await timedStart(linkId, 'warm (snapshot file)');
  rows.push(warm.row);
  await stopService(warm.service);

  // A write while the snapshot's service is down, through an instance without a snapshot file.
  const otherPort = port + 1;
  const other = startService({ PORT: String(otherPort), ENGINE_SNAPSHOT_FILE: 'none' });
  await until(ready(`http://127.0.0.1:${otherPort}`), 'the other instance');
  await gql(setLink, { id: linkId }, `http://127.0.0.1:${otherPort}`);
  await stopService(other);

  const patched = await timedStart(linkId, 'warm, one write behind (snapshot file + patch)');
  rows.push(patched.row);
  await stopService(patched.service);
  fs.rmSync(path.dirname(snapshotFile), { recursive: true, force: true });

  const result = {
    label,
    at: new Date().toISOString(),
    dataDir,
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    snapshotSaveMs: saved.ms,
    snapshotBytes,
    runs: rows,
  };
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, `restart-${label}.json`), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`#### Restart: first impact after the service starts (${label})\n`);
  console.log(`Snapshot file ${round(snapshotBytes / 2 ** 20, 1)} MiB, saved in ${round(saved.ms / 1000, 1)} s.\n`);
  console.log('| start | /ready | first impact (one link) | engine |');
  console.log('|---|---:|---:|---|');
  for (const r of rows) console.log(`| ${r.run} | ${r.readySeconds} s | ${r.firstImpactSeconds} s | ${r.engine} |`);
}

main().catch((error) => {
  console.error(error);
  for (const child of running) child.kill('SIGKILL');
  process.exit(1);
});
