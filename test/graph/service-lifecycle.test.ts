import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app/start-app';
import { readConfig } from '../../src/platform/config/config';
import { createLogger } from '../../src/platform/logging/create-logger';
import {
  findFreePort,
  generatePassword,
  managedNeo4jPaths,
  startManagedNeo4j,
  stopManagedNeo4j,
} from '../../src/platform/neo4j/managed-neo4j';

/**
 * The service as `npm start` runs it: each one with its own DATA_DIR, its own
 * managed Neo4j and demo data, side by side; Neo4j stopped and started again
 * under a running service.
 */
const dirs = ['a', 'b', 'c'].map((name) => fs.mkdtempSync(path.join(os.tmpdir(), `linkfall-${name}-`)));
const apps: RunningApp[] = [];
const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
const configFor = (dataDir: string) =>
  readConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    NEO4J_HEAP: '512m',
    NEO4J_PAGECACHE: '128m',
    SEED_DEMO: 'true',
    // The load below is one principal sending as fast as it can.
    RATE_LIMIT_PER_MINUTE: '0',
  });

async function post(app: RunningApp, query: string, variables: Record<string, unknown> = {}, token?: string) {
  return fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
}

async function gql(app: RunningApp, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await post(app, query, variables, token);
  return (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** The service as `npm start` runs it, with the engine worker script bundled for the tests. */
const start = (config: ReturnType<typeof readConfig>) =>
  startApp(config, logger, { engineWorkerScript: inject('engineWorkerScript') });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every file and folder under `dir` whose mode lets anyone but its owner in. */
function openToOthers(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    const open = (fs.statSync(full).mode & 0o077) !== 0 ? [full] : [];
    return entry.isDirectory() ? [...open, ...openToOthers(full)] : open;
  });
}

const readyStatus = async (app: RunningApp) => (await fetch(`${app.url}/ready`)).status;

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`not within ${timeoutMs} ms`);
}

afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop()));
  await Promise.all(dirs.map((dir) => stopManagedNeo4j(dir)));
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
}, 120_000);

describe('service lifecycle on a managed Neo4j', () => {
  it('runs two services with different DATA_DIR and PORT at once, each with its own Neo4j and demo data', async () => {
    apps.push(...(await Promise.all(dirs.slice(0, 2).map((dir) => start(configFor(dir))))));
    const [a, b] = apps;
    expect(a.port).not.toBe(b.port);
    const ports = dirs.slice(0, 2).map((dir) => fs.readFileSync(managedNeo4jPaths(dir).port, 'utf8').trim());
    expect(ports[0]).not.toBe(ports[1]);
    for (const dir of dirs.slice(0, 2)) {
      const passwordFile = managedNeo4jPaths(dir).password;
      expect(fs.statSync(passwordFile).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(passwordFile, 'utf8').trim()).not.toBe('neo4j');
      // DATA_DIR and all in it, the store files, auth.ini and the admin token included, are the owner's alone.
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
      expect(fs.existsSync(managedNeo4jPaths(dir).authFile)).toBe(true);
      expect(openToOthers(dir)).toEqual([]);
      expect(fs.readFileSync(path.join(managedNeo4jPaths(dir).conf, 'neo4j.conf'), 'utf8')).toContain(
        'db.transaction.timeout=10m',
      );
    }
    for (const app of apps) {
      // Ready once the engine has read the graph (503, `warming`, until then).
      await waitFor(async () => (await readyStatus(app)) === 200, 30_000);
      expect((await fetch(`${app.url}/health`)).status).toBe(200);
      expect((await gql(app, '{ __typename }')).data).toEqual({ __typename: 'Query' });
      const demo = await gql(app, '{ enterprise(id: "kq-dye-alice") { kind } }');
      expect(demo.data?.enterprise).toEqual({ kind: 'PRINTING_DYEING' });
    }
  }, 240_000);

  it('writes an admin token to DATA_DIR/admin-token on the first start; anonymous loopback clients are analysts', async () => {
    const [a] = apps;
    const key = fs.readFileSync(path.join(dirs[0], 'admin-token'), 'utf8').trim();
    expect((await gql(a, '{ me { actor role } }', {}, key)).data?.me).toEqual({
      actor: 'token:initial-admin',
      role: 'ADMIN',
    });
    expect((await gql(a, '{ me { actor role } }')).data?.me).toEqual({ actor: 'anonymous', role: 'ANALYST' });
    // Anonymous and not allowed: 401, a token would help.
    const refused = await post(a, 'mutation { deleteSupplyLink(id: "kq-l-none") { id } }');
    expect(refused.status).toBe(401);
  });

  it('turns /ready 503 within 5 s when Neo4j is killed under load, answers SERVICE_UNAVAILABLE, keeps every acknowledged write, and recovers by itself', async () => {
    const [a, b] = apps;
    const admin = fs.readFileSync(path.join(dirs[0], 'admin-token'), 'utf8').trim();
    const upsert = 'mutation($input: EnterpriseInput!) { upsertEnterprise(input: $input) { id } }';
    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
    let running = true;
    const writer = async (w: number) => {
      for (let i = 0; running; i += 1) {
        const id = `fault-${w}-${i}`;
        const input = { id, name: id, kind: 'OTHER', region: 'fault-region' };
        const response = await post(a, upsert, { input }, admin);
        count(response.status);
        const body: any = await response.json();
        if (response.status === 200 && body.data?.upsertEnterprise?.id === id) acknowledged.push(id);
        await sleep(10);
      }
    };
    const reader = async () => {
      while (running) {
        count((await post(a, '{ enterprises(first: 5) { totalCount } }')).status);
        await sleep(10);
      }
    };
    // A bounded load: three writers and two readers, one request in flight each.
    const load = Promise.all([writer(0), writer(1), writer(2), reader(), reader()]);
    await waitFor(async () => acknowledged.length >= 5, 30_000);
    const pid = Number(fs.readFileSync(managedNeo4jPaths(dirs[0]).pid, 'utf8'));
    process.kill(pid, 'SIGKILL');
    const tookMs = await waitFor(async () => (await readyStatus(a)) === 503, 5_000);
    expect(tookMs).toBeLessThan(5_000);
    const down = await gql(a, '{ enterprise(id: "kq-dye-alice") { id } }');
    expect(down.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    // The other service, on its own Neo4j, answers on.
    expect(await readyStatus(b)).toBe(200);
    await sleep(2_000);
    const config = configFor(dirs[0]);
    await startManagedNeo4j({ dataDir: dirs[0], ...config.managed });
    await waitFor(async () => (await readyStatus(a)) === 200, 90_000);
    const writtenBefore = acknowledged.length;
    await waitFor(async () => acknowledged.length >= writtenBefore + 5, 30_000);
    running = false;
    await load;

    // Refusals while Neo4j was down were 503s, never a 500.
    expect([...statuses.keys()].sort()).toEqual([200, 503]);
    const present = new Set<string>();
    let after: string | null = null;
    do {
      const page: any = (
        await gql(
          a,
          'query($after: String) { enterprises(first: 500, after: $after, filter: { region: ["fault-region"] }) { edges { node { id } } pageInfo { endCursor hasNextPage } } }',
          { after },
          admin,
        )
      ).data?.enterprises;
      for (const edge of page.edges) present.add(edge.node.id);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(acknowledged.filter((id) => !present.has(id))).toEqual([]);
    const again = await gql(a, '{ enterprise(id: "kq-dye-alice") { id } }');
    expect(again.data?.enterprise).toEqual({ id: 'kq-dye-alice' });
  }, 240_000);

  it('reuses the data on a second start of the same DATA_DIR', async () => {
    const b = apps.pop() as RunningApp;
    await b.stop();
    await gql(apps[0], '{ __typename }');
    const restarted = await start(configFor(dirs[1]));
    apps.push(restarted);
    const count = await gql(restarted, '{ enterprises { totalCount } }');
    expect(count.data?.enterprises.totalCount).toBeGreaterThanOrEqual(100);
  }, 240_000);

  it('starts against an external Neo4j that is down, then migrates and seeds the demo data once it is up', async () => {
    // A Neo4j that has never run yet: its port and password are chosen before it starts.
    const dataDir = dirs[2];
    const sizing = configFor(dataDir).managed;
    const port = await findFreePort();
    const password = generatePassword();
    fs.mkdirSync(managedNeo4jPaths(dataDir).home, { recursive: true, mode: 0o700 });
    fs.writeFileSync(managedNeo4jPaths(dataDir).password, `${password}\n`, { mode: 0o600 });
    const app = await start(
      readConfig({ NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_PASSWORD: password, PORT: '0', SEED_DEMO: 'true' }),
    );
    apps.push(app);
    expect(await readyStatus(app)).toBe(503);
    await startManagedNeo4j({ dataDir, ...sizing, port });
    await waitFor(async () => (await readyStatus(app)) === 200, 60_000);
    const count = await gql(app, '{ enterprises { totalCount } }');
    expect(count.data?.enterprises.totalCount).toBeGreaterThanOrEqual(100);
  }, 240_000);
});
