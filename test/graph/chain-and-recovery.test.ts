import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../src/app/seed-demo-data';
import { keqiaoFixture } from '../support/keqiao-fixture';
import { uniquePrefix } from '../support/test-graph';
import { useGraphTest } from '../support/use-graph-test';
import { dataOf } from '../support/test-server';

const p = uniquePrefix('chain');
const fixture = keqiaoFixture(p);
const t = useGraphTest(p, { document: fixture, at: new Date('2020-02-01T00:00:00Z') });

const CHAIN = `query($id: ID!, $direction: ChainDirection, $maxDepth: Int, $products: [String!], $maxNodes: Int) {
  chain(id: $id, direction: $direction, maxDepth: $maxDepth, products: $products, maxNodes: $maxNodes) {
    nodes { depth tier enterprise { id } } links { id } truncated } }`;

const tiers = (chain: any) =>
  Object.fromEntries(chain.nodes.map((n: any) => [n.enterprise.id.slice(p.length + 1), n.tier]));

describe('chain', () => {
  it("draws a dyeing plant's downstream chain to the trade firms, each node with its tier", async () => {
    const chain = dataOf(await t.server.gql(CHAIN, { id: `${p}-dye`, direction: 'DOWNSTREAM' })).chain;
    expect(tiers(chain)).toEqual({ dye: 0, market: 1, trade1: 2, trade2: 2 });
    expect(chain.links.map((l: any) => l.id)).toEqual([`${p}-l-fabric`, `${p}-l-t1`, `${p}-l-t2`]);
    expect(chain.truncated).toBe(false);
  });

  it('walks both ways with negative tiers upstream, and follows only the products asked for', async () => {
    const both = dataOf(await t.server.gql(CHAIN, { id: `${p}-market`, direction: 'BOTH' })).chain;
    expect(tiers(both)).toEqual({ fiber: -2, chem: -2, dye: -1, market: 0, trade1: 1, trade2: 1 });
    const dyestuff = dataOf(
      await t.server.gql(CHAIN, { id: `${p}-dye`, direction: 'UPSTREAM', products: ['dyestuff'] }),
    ).chain;
    expect(tiers(dyestuff)).toEqual({ chem: -1, dye: 0 });
  });

  it('stops at maxDepth and says when maxNodes cut the chain', async () => {
    const shallow = dataOf(await t.server.gql(CHAIN, { id: `${p}-dye`, maxDepth: 1 })).chain;
    expect(tiers(shallow)).toEqual({ dye: 0, market: 1 });
    const capped = dataOf(await t.server.gql(CHAIN, { id: `${p}-dye`, maxNodes: 3 })).chain;
    expect(capped.nodes).toHaveLength(3);
    expect(capped.truncated).toBe(true);
  });

  it('refuses an unknown enterprise and a depth out of range', async () => {
    const unknown = await t.server.gql(CHAIN, { id: `${p}-nobody` });
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    const deep = await t.server.gql(CHAIN, { id: `${p}-dye`, maxDepth: 50 });
    expect(deep.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringMatching(/maxDepth must be at most 10/),
    });
  });
});

describe('chain links on the demo data', () => {
  beforeAll(async () => {
    await loadDemoData(t.services, 'test');
  });

  const DEMO_CHAIN = `query($links: ChainLinks) {
    chain(id: "kq-dye-alice", direction: DOWNSTREAM, maxDepth: 3, links: $links) { nodes { tier enterprise { id } } links { id fromId toId } } }`;

  it('Alice downstream, depth 3: every link among the drawn enterprises, also the three the walk skipped', async () => {
    const all = dataOf(await t.server.gql(DEMO_CHAIN)).chain;
    const walked = dataOf(await t.server.gql(DEMO_CHAIN, { links: 'WALKED' })).chain;
    expect(all.nodes).toEqual(walked.nodes);
    expect(all.nodes).toHaveLength(19);
    const ids = (chain: any) => chain.links.map((l: any) => l.id);
    expect(ids(walked)).toHaveLength(29);
    expect(ids(all)).toHaveLength(32);
    // Links between enterprises of the last tier: no walk goes on from there.
    expect(ids(all).filter((id: string) => !ids(walked).includes(id))).toEqual([
      'kq-l-port-keqiao-to-port-beilun',
      'kq-l-port-keqiao-to-port-beilun-printed-fabric',
      'nb-l-huayi-platform-to-port-beilun',
    ]);
    expect(ids(all)).toEqual([...ids(all)].sort());
    const drawn = new Set(all.nodes.map((n: any) => n.enterprise.id));
    for (const link of all.links) expect(drawn.has(link.fromId) && drawn.has(link.toId)).toBe(true);
  });
});

describe('paths', () => {
  it('finds the shortest supply paths between two enterprises', async () => {
    const data = dataOf(
      await t.server.gql(
        `query($from: ID!, $to: ID!) { paths(fromId: $from, toId: $to) { length enterprises { id } links { id } } }`,
        { from: `${p}-chem`, to: `${p}-trade1` },
      ),
    );
    expect(data.paths).toEqual([
      {
        length: 3,
        enterprises: ['chem', 'dye', 'market', 'trade1'].map((id) => ({ id: `${p}-${id}` })),
        links: ['l-dyestuff', 'l-fabric', 'l-t1'].map((id) => ({ id: `${p}-${id}` })),
      },
    ]);
  });

  it('returns no path upstream or beyond maxDepth', async () => {
    const query = `query($from: ID!, $to: ID!, $d: Int) { paths(fromId: $from, toId: $to, maxDepth: $d) { length } }`;
    expect(dataOf(await t.server.gql(query, { from: `${p}-trade1`, to: `${p}-chem` })).paths).toEqual([]);
    expect(dataOf(await t.server.gql(query, { from: `${p}-chem`, to: `${p}-trade1`, d: 2 })).paths).toEqual([]);
  });
});

describe('recovery', () => {
  it('counts enterprises by status and weights capacity recovery by dailyCapacity', async () => {
    const data = dataOf(
      await t.server.gql(
        `query($f: EnterpriseFilter) { recovery(groupBy: REGION, filter: $f) {
      key enterpriseCount resumedCount resumedShare capacityRecovery workforceReturned byStatus { status count } } }`,
        { f: { region: [fixture.region] } },
      ),
    );
    // dailyCapacity (capacityRecovery): fiber 100 (1.0), chem 50 (1.0), dye 300 (0.8),
    // trade1 100 (0, STALLED), trade2 100 (1.0); market none.
    expect(data.recovery).toEqual([
      {
        key: fixture.region,
        enterpriseCount: 6,
        resumedCount: 5,
        resumedShare: 5 / 6,
        capacityRecovery: (100 + 50 + 240 + 0 + 100) / 650,
        workforceReturned: 0.9,
        byStatus: [
          { status: 'OPERATING', count: 4 },
          { status: 'PARTIAL', count: 1 },
          { status: 'STALLED', count: 1 },
          { status: 'CLOSED', count: 0 },
        ],
      },
    ]);
  });

  it('groups by kind and by park', async () => {
    const query = `query($g: RecoveryGrouping, $f: EnterpriseFilter) {
      recovery(groupBy: $g, filter: $f) { key enterpriseCount }
    }`;
    const byKind = dataOf(await t.server.gql(query, { g: 'KIND', f: { region: [fixture.region] } })).recovery;
    expect(byKind).toContainEqual({ key: 'FOREIGN_TRADE', enterpriseCount: 2 });
    const byPark = dataOf(await t.server.gql(query, { g: 'PARK', f: { region: [fixture.region] } })).recovery;
    expect(byPark).toEqual([
      { key: '', enterpriseCount: 5 },
      { key: 'Binhai', enterpriseCount: 1 },
    ]);
  });

  it('replays the status history into a timeline, day by day', async () => {
    await t.server.gql(
      `mutation {
        setEnterpriseStatus(
          id: "${p}-trade1", status: PARTIAL, capacityRecovery: 0.5, at: "2020-02-03T12:00:00Z"
        ) { id }
      }`,
    );
    await t.server.gql(
      `mutation { setEnterpriseStatus(id: "${p}-trade1", status: OPERATING, at: "2020-02-05T12:00:00Z") { id } }`,
    );
    const data = dataOf(
      await t.server.gql(
        `query($f: EnterpriseFilter) {
          recoveryTimeline(
            groupBy: KIND, filter: $f, from: "2020-01-31T00:00:00Z", to: "2020-02-06T00:00:00Z", interval: DAY
          ) {
      key points { at enterpriseCount resumedCount capacityRecovery } } }`,
        { f: { region: [fixture.region], kind: ['FOREIGN_TRADE'] } },
      ),
    );
    const [trade] = data.recoveryTimeline;
    expect(trade.key).toBe('FOREIGN_TRADE');
    expect(
      trade.points.map((point: any) => [
        point.at.slice(0, 10),
        point.enterpriseCount,
        point.resumedCount,
        point.capacityRecovery,
      ]),
    ).toEqual([
      ['2020-02-01', 2, 1, 0.5],
      ['2020-02-02', 2, 1, 0.5],
      ['2020-02-03', 2, 1, 0.5],
      ['2020-02-04', 2, 2, 0.75],
      ['2020-02-05', 2, 2, 0.75],
      ['2020-02-06', 2, 2, 1],
    ]);
  });

  it('refuses a timeline whose range is backwards or too long', async () => {
    const query = `query($from: String!, $to: String!, $i: TimelineInterval) {
      recoveryTimeline(from: $from, to: $to, interval: $i) { key }
    }`;
    const backwards = await t.server.gql(query, { from: '2020-03-01T00:00:00Z', to: '2020-02-01T00:00:00Z' });
    expect(backwards.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: 'from must be before to',
    });
    const long = await t.server.gql(query, { from: '2000-01-01T00:00:00Z', to: '2020-01-01T00:00:00Z', i: 'DAY' });
    expect(long.errors?.[0].message).toMatch(/at most 1000 are allowed/);
  });
});
