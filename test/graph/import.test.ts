import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGraphSource } from '../../src/features/import/read-graph-source';
import { graphSnapshot } from '../support/graph-snapshot';
import { keqiaoFixture } from '../support/keqiao-fixture';
import { uniquePrefix } from '../support/test-graph';
import { useGraphTest } from '../support/use-graph-test';
import { dataOf } from '../support/test-server';

const p = uniquePrefix('import');
const t = useGraphTest(p);

const IMPORT = `mutation($input: GraphImportInput!) {
  importGraph(input: $input) { enterprisesCreated enterprisesUpdated linksCreated linksUpdated }
}`;

describe('importGraph', () => {
  it('upserts a document by id: a second import of the same rows updates, creating nothing', async () => {
    const fixture = keqiaoFixture(`${p}-a`);
    const input = { enterprises: fixture.enterprises, links: fixture.links };
    expect(dataOf(await t.server.gql(IMPORT, { input })).importGraph).toMatchObject({
      enterprisesCreated: 6,
      enterprisesUpdated: 0,
      linksCreated: 5,
      linksUpdated: 0,
    });
    expect(dataOf(await t.server.gql(IMPORT, { input })).importGraph).toMatchObject({
      enterprisesCreated: 0,
      enterprisesUpdated: 6,
      linksCreated: 0,
      linksUpdated: 5,
    });
  });

  it('rejects the whole import when one row is bad, listing every problem by row, and changes nothing', async () => {
    const fixture = keqiaoFixture(`${p}-b`);
    await t.services.imports.importGraph('test', fixture);
    const before = await graphSnapshot(t.db, `${p}-b`);
    const input = {
      enterprises: [
        { ...fixture.enterprises[0], name: 'renamed, must not stick' },
        { ...fixture.enterprises[1], capacityRecovery: 1.7 },
        { ...fixture.enterprises[2] },
        { ...fixture.enterprises[2] },
      ],
      links: [
        { ...fixture.links[0], volume: 99 },
        { ...fixture.links[1], to: `${p}-b-missing` },
      ],
    };
    const response = await t.server.gql(IMPORT, { input });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toMatch(/^Import rejected, nothing was changed\. 3 problems:/);
    expect(response.errors?.[0].extensions?.problems).toEqual([
      { path: `enterprises[1] (${p}-b-chem)`, message: 'capacityRecovery must be from 0 to 1' },
      { path: `enterprises[3] (${p}-b-dye)`, message: `duplicate id "${p}-b-dye", also at enterprises[2]` },
      {
        path: `links[1] (${p}-b-l-dyestuff)`,
        message: `refers to enterprise "${p}-b-missing", which is neither in the import nor in the graph`,
      },
    ]);
    expect(await graphSnapshot(t.db, `${p}-b`)).toEqual(before);
  });

  it('rolls back everything when the database refuses a write half way', async () => {
    const fixture = keqiaoFixture(`${p}-c`);
    await t.services.imports.importGraph('test', fixture);
    // A SUPPLIES relationship with this id between nodes that are not enterprises,
    // made behind the service's back: validation passes, the uniqueness
    // constraint fails on the last statement, after the enterprises were written.
    await t.db.write('CREATE (:Stray {id: $id})-[:SUPPLIES {id: $link}]->(:Stray {id: $id})', {
      id: `${p}-c-stray`,
      link: `${p}-c-l-clash`,
    });
    const before = await graphSnapshot(t.db, `${p}-c`);
    const input = {
      enterprises: [
        ...fixture.enterprises.map((e) => ({ ...e, name: 'renamed, must not stick' })),
        { id: `${p}-c-new`, name: 'New', kind: 'WEAVING', region: fixture.region },
      ],
      links: [{ ...fixture.links[0], id: `${p}-c-l-clash` }],
    };
    await expect(t.services.imports.importGraph('test', input, { batchSize: 1 })).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
    expect(await graphSnapshot(t.db, `${p}-c`)).toEqual(before);
    await t.db.write('MATCH (s:Stray {id: $id}) DETACH DELETE s', { id: `${p}-c-stray` });
  });

  it('reads the CSV folder format with the same columns, and names bad rows by file and line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkfall-csv-'));
    const region = `${p}-csv`;
    fs.writeFileSync(
      path.join(dir, 'enterprises.csv'),
      [
        'id,name,nameLocal,kind,region,status,capacityRecovery,dailyCapacity,whitelisted',
        `${p}-csv-dye,"Alice Dyeing, Keqiao",柯桥爱丽丝印染,PRINTING_DYEING,${region},PARTIAL,0.8,300,true`,
        `${p}-csv-fiber,Hengming Fibre,,FIBER,${region},,,100,`,
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(dir, 'links.csv'),
      [
        'id,from,to,product,mode,volume,inventoryDays',
        `${p}-csv-l1,${p}-csv-fiber,${p}-csv-dye,polyester yarn,ROAD,40,2`,
      ].join('\n'),
    );
    const { document, labels } = await readGraphSource(dir);
    expect(await t.services.imports.importGraph('test', document, { labels })).toMatchObject({
      enterprisesCreated: 2,
      enterprisesUpdated: 0,
      linksCreated: 1,
      linksUpdated: 0,
    });
    const [dye] = await t.services.enterprises.findByIds([`${p}-csv-dye`]);
    expect(dye).toMatchObject({
      name: 'Alice Dyeing, Keqiao',
      nameLocal: '柯桥爱丽丝印染',
      status: 'PARTIAL',
      capacityRecovery: 0.8,
      dailyCapacity: 300,
      whitelisted: true,
    });
    // An empty cell is no local name.
    expect((await t.services.enterprises.findByIds([`${p}-csv-fiber`]))[0].nameLocal).toBeNull();
    const [link] = await t.services.links.findByIds([`${p}-csv-l1`]);
    expect(link).toMatchObject({ volume: 40, inventoryDays: 2, status: 'OPEN' });

    fs.appendFileSync(path.join(dir, 'enterprises.csv'), `\n${p}-csv-bad,Bad,,DYEHOUSE,${region},,1.4,,`);
    const bad = await readGraphSource(dir);
    await expect(t.services.imports.importGraph('test', bad.document, { labels: bad.labels })).rejects.toMatchObject({
      extensions: {
        code: 'BAD_USER_INPUT',
        problems: [
          { path: `enterprises.csv line 4 (${p}-csv-bad)`, message: expect.stringMatching(/^kind must be one of/) },
          { path: `enterprises.csv line 4 (${p}-csv-bad)`, message: 'capacityRecovery must be from 0 to 1' },
        ],
      },
    });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loads the demo dataset, and exports the graph in the import format', async () => {
    const { document } = await readGraphSource(path.resolve(__dirname, '../../data/demo.json'));
    const counts = await t.services.imports.importGraph('test', document);
    expect(counts.enterprisesCreated + counts.enterprisesUpdated).toBe(document.enterprises?.length);
    const exported = await t.services.exports.exportGraph();
    const alice = exported.enterprises.find((e) => e.id === 'kq-dye-alice');
    expect(alice).toMatchObject({
      kind: 'PRINTING_DYEING',
      region: 'Shaoxing/Keqiao',
      nameLocal: '浙江爱丽丝印染有限公司',
    });
    expect(Object.values(alice ?? {})).not.toContain(null);
  });
});
