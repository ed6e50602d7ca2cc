import { describe, expect, inject, it } from 'vitest';
import { GraphDatabase } from '../../src/platform/neo4j/graph-database';
import { keqiaoFixture } from '../support/keqiao-fixture';
import { uniquePrefix, testServices } from '../support/test-graph';
import { useGraphTest } from '../support/use-graph-test';
import { dataOf, startTestServer } from '../support/test-server';

const p = uniquePrefix('queries');
const fixture = keqiaoFixture(p);
const t = useGraphTest(p, { document: fixture });

/** Counts the queries sent to Neo4j, to show DataLoader batching. */
class CountingGraphDatabase extends GraphDatabase {
  queries = 0;
  override read: GraphDatabase['read'] = (query, params) => {
    this.queries += 1;
    return super.read(query, params);
  };
}

describe('enterprise and supplyLink lookups', () => {
  it('finds an enterprise by id with its suppliers and customers, and null for an unknown id', async () => {
    const data = dataOf(
      await t.server.gql(
        `query($id: ID!, $none: ID!) {
          enterprise(id: $id) { id name kind region status capacityRecovery passThrough
            suppliers { id product from { id } } dyestuff: suppliers(product: "dyestuff") { id }
            customers { id to { id kind } } }
          missing: enterprise(id: $none) { id }
        }`,
        { id: `${p}-dye`, none: `${p}-nothing` },
      ),
    );
    expect(data.enterprise).toMatchObject({
      id: `${p}-dye`,
      kind: 'PRINTING_DYEING',
      status: 'PARTIAL',
      capacityRecovery: 0.8,
      passThrough: false,
    });
    expect(data.enterprise.suppliers.map((l: any) => l.id)).toEqual([`${p}-l-dyestuff`, `${p}-l-yarn`]);
    expect(data.enterprise.dyestuff).toEqual([{ id: `${p}-l-dyestuff` }]);
    expect(data.enterprise.customers).toEqual([{ id: `${p}-l-fabric`, to: { id: `${p}-market`, kind: 'MARKET' } }]);
    expect(data.missing).toBeNull();
  });

  it('finds a supply link by id with both ends', async () => {
    const data = dataOf(
      await t.server.gql(
        `query($id: ID!) {
          supplyLink(id: $id) { id product mode volume inventoryDays status fromId toId from { name } to { name } }
        }`,
        { id: `${p}-l-dyestuff` },
      ),
    );
    expect(data.supplyLink).toEqual({
      id: `${p}-l-dyestuff`,
      product: 'dyestuff',
      mode: 'ROAD',
      volume: null,
      inventoryDays: 5,
      status: 'OPEN',
      fromId: `${p}-chem`,
      toId: `${p}-dye`,
      from: { name: `chem of ${p}` },
      to: { name: `dye of ${p}` },
    });
  });
});

describe('enterprises and supplyLinks connections', () => {
  it('pages through enterprises in id order with cursors and a total count', async () => {
    const query = `query($f: EnterpriseFilter, $after: String) { enterprises(filter: $f, first: 4, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id } } } }`;
    const filter = { region: [fixture.region] };
    const first = dataOf(await t.server.gql(query, { f: filter })).enterprises;
    expect(first.totalCount).toBe(6);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = dataOf(await t.server.gql(query, { f: filter, after: first.pageInfo.endCursor })).enterprises;
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const ids = [...first.edges, ...second.edges].map((e: any) => e.node.id);
    expect(ids).toEqual(fixture.enterprises.map((e) => e.id).sort());
  });

  it('filters by kind, status, search and ids', async () => {
    const query = `query($f: EnterpriseFilter) { enterprises(filter: $f) { totalCount edges { node { id } } } }`;
    const ids = async (f: object) =>
      dataOf(await t.server.gql(query, { f: { region: [fixture.region], ...f } })).enterprises.edges.map(
        (e: any) => e.node.id,
      );
    expect(await ids({ kind: ['FOREIGN_TRADE'] })).toEqual([`${p}-trade1`, `${p}-trade2`]);
    expect(await ids({ status: ['STALLED'] })).toEqual([`${p}-trade1`]);
    expect(await ids({ search: 'TEXTILE city' })).toEqual([`${p}-market`]);
    expect(await ids({ ids: [`${p}-chem`, `${p}-none`] })).toEqual([`${p}-chem`]);
    expect(await ids({ park: ['Binhai'] })).toEqual([`${p}-chem`]);
  });

  it('filters supply links by product, mode and ends', async () => {
    const query = `query($f: SupplyLinkFilter) { supplyLinks(filter: $f) { totalCount edges { node { id } } } }`;
    const ids = async (f: object) =>
      dataOf(await t.server.gql(query, { f })).supplyLinks.edges.map((e: any) => e.node.id);
    expect(await ids({ from: `${p}-market` })).toEqual([`${p}-l-t1`, `${p}-l-t2`]);
    expect(await ids({ to: `${p}-dye`, product: ['dyestuff'] })).toEqual([`${p}-l-dyestuff`]);
    expect(await ids({ to: `${p}-dye`, mode: ['LOCAL'] })).toEqual([]);
  });

  it('refuses a page size out of range and a cursor it did not issue', async () => {
    const big = await t.server.gql(`{ enterprises(first: 501) { totalCount } }`);
    expect(big.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/first must be at most 500/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const forged = await t.server.gql(`{ enterprises(after: "bogus") { totalCount } }`);
    expect(forged.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(forged.errors?.[0].message).toMatch(/after is not a cursor/);
  });
});

describe('DataLoader batching', () => {
  it('sends the same number of Neo4j queries for a nested query whatever the number of rows', async () => {
    const counting = new CountingGraphDatabase(inject('neo4j'));
    const countingServer = await startTestServer(testServices(counting));
    const nested = `query($f: EnterpriseFilter) { enterprises(filter: $f) { edges { node {
      id suppliers { id from { id suppliers { id from { id } } } } } } } }`;
    const roundTrips = async (ids: string[]) => {
      counting.queries = 0;
      const data = dataOf(await countingServer.gql(nested, { f: { ids: ids.map((id) => `${p}-${id}`) } }));
      expect(data.enterprises.edges).toHaveLength(ids.length);
      return counting.queries;
    };
    try {
      // Every level of both queries has rows, so each level costs its batch.
      // page + count, then at most one batch per level: suppliers, from, suppliers, from.
      const perLevelBound = 6;
      expect(await roundTrips(['trade1'])).toBeLessThanOrEqual(perLevelBound);
      expect(await roundTrips(['market', 'trade1'])).toBeLessThanOrEqual(perLevelBound);
      expect(await roundTrips(['dye', 'market', 'trade1', 'trade2'])).toBeLessThanOrEqual(perLevelBound);
    } finally {
      await countingServer.stop();
      await counting.close();
    }
  });
});
