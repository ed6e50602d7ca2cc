import { describe, expect, it, vi } from 'vitest';
import type { EnterpriseInput } from '../../src/features/enterprise/enterprise.input';
import { ImportRunRepository } from '../../src/features/import/import-run.repository';
import { JSON_ROW_LABELS } from '../../src/features/import/graph-document';
import type { GraphRowSource } from '../../src/features/import/read-graph-source';
import { validateGraphRows } from '../../src/features/import/validate-graph-document';
import { graphSnapshot } from '../support/graph-snapshot';
import { keqiaoFixture } from '../support/keqiao-fixture';
import { uniquePrefix } from '../support/test-graph';
import { badUserInput } from '../../src/platform/graphql/user-errors';
import { dataOf } from '../support/test-server';
import { useGraphTest } from '../support/use-graph-test';

const p = uniquePrefix('staged');
const t = useGraphTest(p);

async function graphVersion(): Promise<number> {
  const result = await t.db.read(
    "OPTIONAL MATCH (m:GraphMeta {key: 'graph'}) RETURN coalesce(m.version, 0) AS version",
  );
  return result.records[0].get('version') as number;
}

/** What a run left staged: enterprises under StagedEnterprise, links and history entries marked with it. */
async function leftStaged(runId: string) {
  const result = await t.db.read(
    `CALL () { MATCH (e:StagedEnterprise {importId: $runId}) RETURN count(e) AS enterprises }
     CALL () { MATCH (:StagedEnterprise {importId: $runId})-[s:SUPPLIES]-() RETURN count(DISTINCT s) AS links }
     RETURN enterprises, links`,
    { runId },
  );
  const r = result.records[0];
  return { enterprises: r.get('enterprises'), links: r.get('links') };
}

describe('a streamed import', () => {
  it('stages new rows in batches out of sight, then publishes them all in one transaction', async () => {
    const fixture = keqiaoFixture(`${p}-a`);
    const ids = fixture.enterprises.map((e) => e.id);
    const before = await graphVersion();
    const seen: { written: number; visible: number; links: number; version: number; state: string }[] = [];
    const result = await t.services.imports.importGraph('test', fixture, {
      runId: `${p}-a-run`,
      batchSize: 2,
      onProgress: async (written) => {
        const [visible, links, version, [run]] = await Promise.all([
          t.services.enterprises.findByIds(ids),
          t.services.links.findByIds(fixture.links.map((l) => l.id)),
          graphVersion(),
          t.services.imports.findRuns([`${p}-a-run`]),
        ]);
        seen.push({ written, visible: visible.length, links: links.length, version, state: run.state });
      },
    });
    expect(result).toEqual({
      runId: `${p}-a-run`,
      enterprisesCreated: 6,
      enterprisesUpdated: 0,
      linksCreated: 5,
      linksUpdated: 0,
    });
    // Three batches of enterprises and three of links, two at a time, each committed, none visible,
    // the version still. Progress only grows (a batch committing after a later one reports nothing).
    const staging = seen.slice(0, -1);
    const written = staging.map((s) => s.written);
    expect(written).toEqual([...new Set(written)].sort((a, b) => a - b));
    expect(written.every((w) => [2, 4, 6, 8, 10, 11].includes(w))).toBe(true);
    expect(written.at(-1)).toBe(11);
    expect(staging.every((s) => s.visible === 0 && s.links === 0 && s.version === before)).toBe(true);
    expect(staging.every((s) => s.state === 'STAGING')).toBe(true);
    expect(seen.at(-1)).toMatchObject({ written: 11, visible: 6, links: 5, version: before + 1, state: 'PUBLISHED' });
    expect(await leftStaged(`${p}-a-run`)).toMatchObject({ enterprises: 0, links: 0 });
    const [run] = await t.services.imports.findRuns([`${p}-a-run`]);
    expect(run).toMatchObject({ state: 'PUBLISHED', total: 11, written: 11, enterprisesCreated: 6, linksCreated: 5 });
  });

  it('reports its steps in order as they end: checked, enterprises staged, links checked, links staged, published', async () => {
    const fixture = keqiaoFixture(`${p}-i`);
    let written = 0;
    const totals = new Set<number>();
    const phases: { phase: string; written: number }[] = [];
    await t.services.imports.importGraph('test', fixture, {
      runId: `${p}-i-run`,
      batchSize: 4,
      onProgress: (rows, total) => {
        written = rows;
        totals.add(total);
      },
      onPhase: (phase) => phases.push({ phase, written }),
    });
    // Six enterprises and five links: every enterprise is staged before the first link batch starts.
    expect(phases).toEqual([
      { phase: 'checked', written: 0 },
      { phase: 'enterprisesStaged', written: 6 },
      { phase: 'linksChecked', written: 6 },
      { phase: 'linksStaged', written: 11 },
      { phase: 'published', written: 11 },
    ]);
    // A whole document's run counts every row from its start.
    expect([...totals]).toEqual([11]);
  });

  it('stores each staged row with the properties it gives, false and 0 included, and none for a field it leaves unset', async () => {
    const fixture = keqiaoFixture(`${p}-v`);
    fixture.enterprises[0] = {
      ...fixture.enterprises[0],
      whitelisted: false,
      dailyCapacity: 0,
    } as (typeof fixture.enterprises)[0];
    fixture.links[1] = { ...fixture.links[1], inventoryDays: 0 } as (typeof fixture.links)[1];
    await t.services.imports.importGraph('test', fixture, { runId: `${p}-v-run`, batchSize: 4 });
    const stored = await t.db.read(
      `MATCH (e:Enterprise {id: $enterprise}) MATCH ()-[s:SUPPLIES {id: $link}]->()
       RETURN properties(e) AS enterprise, properties(s) AS link`,
      { enterprise: fixture.enterprises[0].id, link: fixture.links[1].id },
    );
    const { importId: enterpriseRun, ...enterprise } = stored.records[0].get('enterprise') as Record<string, unknown>;
    const { importId: linkRun, ...link } = stored.records[0].get('link') as Record<string, unknown>;
    expect([enterpriseRun, linkRun]).toEqual([`${p}-v-run`, `${p}-v-run`]);
    expect(enterprise).toEqual({
      id: `${p}-v-fiber`,
      name: `fiber of ${p}-v`,
      kind: 'FIBER',
      region: `${p}-v-Shaoxing/Keqiao`,
      dailyCapacity: 0,
      whitelisted: false,
      status: 'OPERATING',
      capacityRecovery: 1,
    });
    expect(link).toEqual({
      id: `${p}-v-l-dyestuff`,
      product: 'dyestuff',
      mode: 'ROAD',
      inventoryDays: 0,
      status: 'OPEN',
    });
  });

  it('stores each link exactly: 17-digit decimals, large and small numbers, newlines, quotes, control characters, empty strings, live ends either side', async () => {
    const fixture = keqiaoFixture(`${p}-x`);
    const [yarn, dyestuff, fabric, ...rest] = fixture.links;
    const links = [
      { ...yarn, volume: 0.1 + 0.2, unit: 't', source: 'report §3, p. 2', note: 'line one\nline "two"' },
      { ...dyestuff, source: '', note: 'a\u001fb\u001ec' },
      { ...fabric, volume: 1e21, inventoryDays: 2.5e-7 },
    ];
    await t.services.imports.importGraph('test', { ...fixture, links: [...links, ...rest] }, { runId: `${p}-x-run` });
    // A second import links a new enterprise to live ones: each live end found by its id.
    const later = {
      enterprises: [{ id: `${p}-x-new`, name: 'new mill', kind: 'WEAVING', region: `${p}-x-Shaoxing/Keqiao` }],
      links: [
        { id: `${p}-x-l-in`, from: `${p}-x-dye`, to: `${p}-x-new`, product: 'dyed fabric', mode: 'ROAD', volume: 3 },
        { id: `${p}-x-l-out`, from: `${p}-x-new`, to: `${p}-x-market`, product: 'cloth', mode: 'ROAD' },
        { id: `${p}-x-l-back`, from: `${p}-x-new`, to: `${p}-x-dye`, product: 'offcuts', mode: 'ROAD', note: '' },
      ],
    };
    await t.services.imports.importGraph('test', later, { runId: `${p}-x-run2` });
    const ids = [...links, ...later.links].map((link) => link.id);
    const stored = await t.db.read(
      `UNWIND $ids AS id MATCH (a:Enterprise)-[s:SUPPLIES {id: id}]->(b:Enterprise)
       RETURN a.id AS from, b.id AS to, properties(s) AS link`,
      { ids },
    );
    const storedLinks = stored.records.map((r) => {
      const { importId: _run, ...link } = r.get('link') as Record<string, unknown>;
      return { from: r.get('from') as string, to: r.get('to') as string, ...link };
    });
    expect(storedLinks).toEqual([...[...links, ...later.links].map((link) => ({ ...link, status: 'OPEN' }))]);
  });

  it('stages batches side by side, links into one hub from both at once, and publishes every row', async () => {
    const region = `${p}-g-Keqiao`;
    const spokes = Array.from({ length: 40 }, (_, i) => `${p}-g-s${i}`);
    const hub = `${p}-g-hub`;
    const enterprises = [hub, ...spokes].map((id) => ({ id, name: id, kind: 'MARKET', region }));
    const links = spokes.flatMap((id, i) => [
      { id: `${p}-g-in${i}`, from: id, to: hub, product: 'grey fabric', mode: 'ROAD' },
      { id: `${p}-g-out${i}`, from: hub, to: id, product: 'dyed fabric', mode: 'ROAD' },
    ]);
    const result = await t.services.imports.importGraph(
      'test',
      { enterprises, links },
      { runId: `${p}-g-run`, batchSize: 8, streams: 2 },
    );
    expect(result).toMatchObject({ enterprisesCreated: 41, linksCreated: 80 });
    const after = await graphSnapshot(t.db, `${p}-g`);
    expect(after.enterprises).toHaveLength(41);
    expect(after.links).toHaveLength(80);
    expect(await leftStaged(`${p}-g-run`)).toEqual({ enterprises: 0, links: 0 });
  });

  it('stops staging when one batch fails while another runs, and discards both, leaving the graph as it was', async () => {
    const region = `${p}-h-Keqiao`;
    const enterprises = Array.from({ length: 30 }, (_, i) => ({
      id: `${p}-h-e${i}`,
      name: `e${i}`,
      kind: 'MARKET',
      region,
    }));
    const links = enterprises.slice(1).map((e, i) => ({
      id: `${p}-h-l${i}`,
      from: enterprises[i].id,
      to: e.id,
      product: 'grey fabric',
      mode: 'ROAD',
    }));
    const reported: number[] = [];
    const failure = t.services.imports.importGraph(
      'test',
      { enterprises, links },
      {
        runId: `${p}-h-run`,
        batchSize: 5,
        onProgress: (written) => {
          reported.push(written);
          if (written >= 40) throw new Error('the progress display broke');
        },
      },
    );
    await expect(failure).rejects.toThrow('the progress display broke');
    // Nothing after the failing batch was started: the other stream's batch at most committed beside it.
    expect(Math.max(...reported)).toBeLessThanOrEqual(45);
    expect(await leftStaged(`${p}-h-run`)).toEqual({ enterprises: 0, links: 0 });
    const after = await graphSnapshot(t.db, `${p}-h`);
    expect(after.enterprises).toEqual([]);
    expect(after.links).toEqual([]);
    const [run] = await t.services.imports.findRuns([`${p}-h-run`]);
    expect(run).toMatchObject({ state: 'FAILED', error: 'the progress display broke' });
  });

  it('discards what it staged when the publish finds a staged link gone, leaving the graph as it was', async () => {
    const fixture = keqiaoFixture(`${p}-b`);
    const [live, ...fresh] = fixture.enterprises;
    await t.services.imports.importGraph('test', { enterprises: [live], links: [] });
    const before = await graphSnapshot(t.db, `${p}-b`);
    let deleted = false;
    const failure = t.services.imports.importGraph(
      'test',
      { enterprises: fresh, links: fixture.links },
      {
        runId: `${p}-b-run`,
        onProgress: async (written) => {
          // The last staged batch is in: another writer deletes the live fibre plant, and its staged yarn link with it.
          if (written < fresh.length + fixture.links.length || deleted) return;
          deleted = true;
          await t.services.enterprises.delete('test', live.id, true);
        },
      },
    );
    await expect(failure).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: expect.stringMatching(/^Import failed, nothing was changed: staged 5 enterprises and 5 links/),
    });
    expect(await leftStaged(`${p}-b-run`)).toEqual({ enterprises: 0, links: 0 });
    const after = await graphSnapshot(t.db, `${p}-b`);
    expect(after.enterprises).toEqual([]);
    expect(after.links).toEqual([]);
    expect(before.enterprises).toHaveLength(1);
    const [run] = await t.services.imports.findRuns([`${p}-b-run`]);
    expect(run).toMatchObject({ state: 'FAILED', error: expect.stringMatching(/was deleted while it ran/) });
  });

  it('stages no link to a live end deleted before its batch, and the publish refuses, leaving the graph as it was', async () => {
    const fixture = keqiaoFixture(`${p}-e`);
    const [live, ...fresh] = fixture.enterprises;
    await t.services.imports.importGraph('test', { enterprises: [live], links: [] });
    // The yarn link from the live fibre plant comes last, a batch of its own.
    const [yarn, ...others] = fixture.links;
    const failure = t.services.imports.importGraph(
      'test',
      { enterprises: fresh, links: [...others, yarn] },
      {
        runId: `${p}-e-run`,
        batchSize: 1,
        streams: 1,
        onProgress: async (written) => {
          // The links are checked and the first is staged: another writer deletes the live fibre plant.
          if (written === fresh.length + 1) await t.services.enterprises.delete('test', live.id, true);
        },
      },
    );
    await expect(failure).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: expect.stringMatching(
        /^Import failed, nothing was changed: staged 5 enterprises and 5 links, but 5 and 4/,
      ),
    });
    expect(await leftStaged(`${p}-e-run`)).toEqual({ enterprises: 0, links: 0 });
    const after = await graphSnapshot(t.db, `${p}-e`);
    expect(after.enterprises).toEqual([]);
    expect(after.links).toEqual([]);
  });

  it('fails with CONFLICT, and discards its rows, when another write creates a staged enterprise meanwhile', async () => {
    const fixture = keqiaoFixture(`${p}-c`);
    const failure = t.services.imports.importGraph('test', fixture, {
      runId: `${p}-c-run`,
      onProgress: async (written) => {
        if (written !== fixture.enterprises.length) return;
        const market = { ...fixture.enterprises[3], name: 'made live meanwhile' } as EnterpriseInput;
        await t.services.enterprises.upsert('test', market);
      },
    });
    await expect(failure).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: expect.stringContaining(`"${p}-c-market" were created by another write while the import ran`),
    });
    expect(await leftStaged(`${p}-c-run`)).toEqual({ enterprises: 0, links: 0 });
    const after = await graphSnapshot(t.db, `${p}-c`);
    expect(after.enterprises.map((e: { name: string }) => e.name)).toEqual(['made live meanwhile']);
    expect(after.links).toEqual([]);
  });

  it('writes only the existing rows that change something: a re-import adds no history, a status change one entry', async () => {
    const fixture = keqiaoFixture(`${p}-d`);
    await t.services.imports.importGraph('test', fixture);
    const first = await graphSnapshot(t.db, `${p}-d`);
    expect(await t.services.imports.importGraph('test', fixture)).toMatchObject({
      enterprisesCreated: 0,
      enterprisesUpdated: 6,
      linksCreated: 0,
      linksUpdated: 5,
    });
    expect(await graphSnapshot(t.db, `${p}-d`)).toEqual(first);
    const changed = {
      enterprises: [{ ...fixture.enterprises[4], status: 'OPERATING' }],
      links: [{ ...fixture.links[0], volume: 41 }],
    };
    await t.services.imports.importGraph('test', changed);
    const after = await graphSnapshot(t.db, `${p}-d`);
    expect(after.history.length).toBe(first.history.length + 1);
    expect(after.enterprises.find((e: { id: string }) => e.id === `${p}-d-trade1`)).toMatchObject({
      status: 'OPERATING',
    });
    expect(after.links.find((l: { id: string }) => l.id === `${p}-d-l-yarn`)).toMatchObject({ volume: 41 });
  });

  it('gives up a run that stopped making progress, and the next import discards what it staged', async () => {
    const fixture = keqiaoFixture(`${p}-e`);
    const runs = new ImportRunRepository(t.db, 120_000);
    const imports = t.services.imports;
    // A run whose process died after its first batch, three minutes ago.
    expect(
      await runs.begin({ id: `${p}-e-dead`, actor: 'test', note: null, total: 6, at: new Date().toISOString() }),
    ).toBe(true);
    await runs.stageEnterprises(`${p}-e-dead`, [{ ...fixture.enterprises[0], status: 'OPERATING' }]);
    expect(await leftStaged(`${p}-e-dead`)).toEqual({ enterprises: 1, links: 0 });
    await t.db.write('MATCH (r:ImportRun {id: $id}) SET r.heartbeatAt = datetime() - duration({minutes: 3})', {
      id: `${p}-e-dead`,
    });
    await imports.importGraph('test', { enterprises: [fixture.enterprises[1]], links: [] });
    expect(await leftStaged(`${p}-e-dead`)).toEqual({ enterprises: 0, links: 0 });
    const [dead] = await imports.findRuns([`${p}-e-dead`]);
    expect(dead).toMatchObject({ state: 'FAILED', error: expect.stringMatching(/^abandoned/) });
    // Its batches can no longer be staged.
    await expect(runs.stageEnterprises(`${p}-e-dead`, [fixture.enterprises[2]])).rejects.toThrow(
      /is FAILED, not STAGING/,
    );
  });

  it('is followed over GraphQL by its run id; a taken run id is refused with CONFLICT', async () => {
    const fixture = keqiaoFixture(`${p}-f`);
    const IMPORT = `mutation($input: GraphImportInput!, $runId: ID) {
      importGraph(input: $input, runId: $runId) { runId enterprisesCreated linksCreated }
    }`;
    const RUN = `query($id: ID!) {
      importRun(id: $id) { id state total written enterprisesCreated linksCreated error startedAt finishedAt }
    }`;
    const input = { enterprises: fixture.enterprises, links: fixture.links };
    const report = dataOf(await t.server.gql(IMPORT, { input, runId: `${p}-f-run` })).importGraph;
    expect(report).toEqual({ runId: `${p}-f-run`, enterprisesCreated: 6, linksCreated: 5 });
    const run = dataOf(await t.server.gql(RUN, { id: `${p}-f-run` })).importRun;
    expect(run).toMatchObject({ state: 'PUBLISHED', total: 11, written: 11, enterprisesCreated: 6, error: null });
    expect(Date.parse(run.finishedAt)).toBeGreaterThanOrEqual(Date.parse(run.startedAt));
    const again = await t.server.gqlWithStatus(IMPORT, { input, runId: `${p}-f-run` });
    expect(again.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining(`import run id "${p}-f-run" is taken`),
      extensions: { code: 'CONFLICT' },
    });
    expect(dataOf(await t.server.gql(RUN, { id: `${p}-f-nope` })).importRun).toBeNull();
    const bad = await t.server.gqlWithStatus(IMPORT, { input, runId: 'has spaces' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

/**
 * A document read as the import command reads a CSV folder: the enterprises at once, the links
 * only when `release` is called (as if still being read); `failLinks` makes reading them fail.
 */
function gatedSource(document: { enterprises: unknown[]; links: unknown[] }, failLinks?: Error) {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const source: GraphRowSource = {
    labels: JSON_ROW_LABELS,
    eachEnterprise: async (each) => document.enterprises.forEach(each),
    eachLink: async (each) => {
      await released;
      if (failLinks) throw failLinks;
      document.links.forEach(each);
    },
  };
  return { source, release };
}

/** The import runs with this id (none once a refused run is forgotten). */
async function runsWithId(id: string): Promise<number> {
  const result = await t.db.read('MATCH (r:ImportRun {id: $id}) RETURN count(r) AS runs', { id });
  return result.records[0].get('runs') as number;
}

describe('an import read as it runs (the import command)', () => {
  it('stages the new enterprises while the links are still being read, then stages and publishes the links', async () => {
    const fixture = keqiaoFixture(`${p}-rg`);
    const { source, release } = gatedSource(fixture);
    const checked = await validateGraphRows(source);
    const totals: number[] = [];
    const importing = t.services.imports.importValidated('test', checked, {
      runId: `${p}-rg-run`,
      batchSize: 4,
      onProgress: (_written, total) => {
        totals.push(total);
      },
    });
    // Every new enterprise is staged, out of sight, before a single link is read.
    await vi.waitFor(async () => expect(await leftStaged(`${p}-rg-run`)).toMatchObject({ enterprises: 6 }), {
      timeout: 20_000,
    });
    expect(await t.services.enterprises.findByIds(fixture.enterprises.map((e) => e.id))).toEqual([]);
    release();
    expect(await importing).toMatchObject({ enterprisesCreated: 6, linksCreated: 5 });
    // The run began with its six enterprise rows; the five links joined the total once read.
    expect(totals[0]).toBe(6);
    expect(totals.at(-1)).toBe(11);
    const [run] = await t.services.imports.findRuns([`${p}-rg-run`]);
    expect(run).toMatchObject({ state: 'PUBLISHED', total: 11, written: 11 });
  });

  it('checks a whole document (importGraph) against the graph before it stages anything', async () => {
    const fixture = keqiaoFixture(`${p}-rw`);
    fixture.links.push({ ...fixture.links[0], id: `${p}-rw-orphan`, from: `${p}-rw-nowhere` });
    const phases: string[] = [];
    await expect(
      t.services.imports.importGraph('test', fixture, { runId: `${p}-rw-run`, onPhase: (phase) => phases.push(phase) }),
    ).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', problems: [{ path: `links[5] (${p}-rw-orphan)` }] },
    });
    expect(phases).toEqual([]);
    expect(await runsWithId(`${p}-rw-run`)).toBe(0);
  });

  it('keeps its run heard of while it waits for the links, so no other import gives it up', async () => {
    const runs = new ImportRunRepository(t.db, 4_000);
    const id = `${p}-rl-run`;
    expect(await runs.begin({ id, actor: 'test', note: null, total: 1, at: new Date().toISOString() })).toBe(true);
    const heardAt = async () => Date.parse((await t.services.imports.findRuns([id]))[0].heartbeatAt);
    const began = await heardAt();
    // Links still being read for 2.5 s: a beat every second (a quarter of the 4 s stale time).
    const links = new Promise<string>((resolve) => setTimeout(() => resolve('read'), 2_500));
    expect(await runs.heardOfWhile(id, links)).toBe('read');
    expect(await heardAt()).toBeGreaterThan(began);
  });

  it('refuses a bad link row read after the enterprises were staged, and leaves nothing: no row, no staged row, no run', async () => {
    const fixture = keqiaoFixture(`${p}-rh`);
    fixture.links[2] = { ...fixture.links[2], volume: -1 } as (typeof fixture.links)[2];
    fixture.links.push({ ...fixture.links[0], id: `${p}-rh-orphan`, from: `${p}-rh-nowhere` });
    const before = await graphSnapshot(t.db, `${p}-rh`);
    const version = await graphVersion();
    const { source, release } = gatedSource(fixture);
    const importing = t.services.imports.importValidated('test', await validateGraphRows(source), {
      runId: `${p}-rh-run`,
      batchSize: 4,
      onPhase: (phase) => {
        if (phase === 'enterprisesStaged') release();
      },
    });
    await expect(importing).rejects.toMatchObject({
      extensions: {
        code: 'BAD_USER_INPUT',
        problems: [
          { path: `links[2] (${fixture.links[2].id})`, message: 'volume must not be negative' },
          {
            path: `links[5] (${p}-rh-orphan)`,
            message: `refers to enterprise "${p}-rh-nowhere", which is neither in the import nor in the graph`,
          },
        ],
      },
    });
    expect(await leftStaged(`${p}-rh-run`)).toMatchObject({ enterprises: 0, links: 0 });
    expect(await runsWithId(`${p}-rh-run`)).toBe(0);
    expect(await graphSnapshot(t.db, `${p}-rh`)).toEqual(before);
    expect(await graphVersion()).toBe(version);
  });

  it('leaves nothing either when the links cannot be read after the enterprises were staged', async () => {
    const fixture = keqiaoFixture(`${p}-rj`);
    const unreadable = badUserInput('links.csv line 3: Invalid Closing Quote');
    const { source, release } = gatedSource(fixture, unreadable);
    const importing = t.services.imports.importValidated('test', await validateGraphRows(source), {
      runId: `${p}-rj-run`,
      batchSize: 4,
      onPhase: (phase) => {
        if (phase === 'enterprisesStaged') release();
      },
    });
    await expect(importing).rejects.toBe(unreadable);
    expect(await leftStaged(`${p}-rj-run`)).toMatchObject({ enterprises: 0, links: 0 });
    expect(await runsWithId(`${p}-rj-run`)).toBe(0);
    expect(await t.services.enterprises.findByIds(fixture.enterprises.map((e) => e.id))).toEqual([]);
  });

  it('refuses a bad enterprise row before anything is staged, listing the link problems read after it too', async () => {
    const fixture = keqiaoFixture(`${p}-rk`);
    fixture.enterprises[1] = { ...fixture.enterprises[1], kind: 'DYEHOUSE' } as (typeof fixture.enterprises)[1];
    fixture.links[0] = { ...fixture.links[0], volume: -1 } as (typeof fixture.links)[0];
    const { source, release } = gatedSource(fixture);
    const phases: string[] = [];
    const importing = t.services.imports.importValidated('test', await validateGraphRows(source), {
      runId: `${p}-rk-run`,
      onPhase: (phase) => phases.push(phase),
    });
    release();
    const refused = await importing.catch((error: unknown) => error);
    expect(
      (refused as { extensions: { problems: { path: string }[] } }).extensions.problems.map((x) => x.path),
    ).toEqual([
      `enterprises[1] (${p}-rk-chem)`,
      `links[0] (${fixture.links[0].id})`,
      // The dyestuff link's end is the enterprise refused above.
      `links[1] (${fixture.links[1].id})`,
    ]);
    expect(phases).toEqual([]);
    expect(await runsWithId(`${p}-rk-run`)).toBe(0);
  });
});
