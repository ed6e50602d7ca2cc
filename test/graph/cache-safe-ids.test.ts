import { InMemoryCache, gql } from '@apollo/client';
import { print, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { uniquePrefix } from '../support/test-graph';
import { dataOf } from '../support/test-server';
import { useGraphTest } from '../support/use-graph-test';

/**
 * What-if rows in a normalised client cache (Apollo Client's InMemoryCache,
 * as a frontend keeps it): S supplies A with 2 days of stock, A supplies B.
 * Blocking the link S-A stalls A on day 2; taking A down stalls it on day 0.
 * The same enterprise has a different row in each scenario, so the row ids
 * are scoped to the answer and the cache keeps both.
 */
const p = uniquePrefix('cache');
const id = (name: string) => `${p}-${name}`;
const enterprise = (name: string) => ({ id: id(name), name, kind: 'MANUFACTURER', region: `${p}-Region` });
const link = (from: string, to: string, product: string) => ({
  id: id(`${from}-${to}`),
  from: id(from),
  to: id(to),
  product,
  mode: 'ROAD',
  inventoryDays: 2,
});
const t = useGraphTest(p, {
  document: {
    enterprises: [enterprise('S'), enterprise('A'), enterprise('B')],
    links: [link('S', 'A', 'yarn'), link('A', 'B', 'fabric')],
  },
});

const IMPACT = gql`
  query Impact($scenario: ScenarioInput!) {
    impact(scenario: $scenario) {
      stalledCount
      stalled(first: 10) {
        edges {
          node {
            id
            direct
            stallsOnDay
            enterprise {
              id
              name
            }
          }
        }
      }
      graph(maxNodes: 10) {
        nodes {
          id
          stallsOnDay
        }
      }
    }
  }
`;

const SIMULATE = gql`
  query Simulate($input: SimulationInput!) {
    simulate(input: $input) {
      trajectories(first: 10) {
        edges {
          node {
            id
            firstStallDay
            enterprise {
              id
            }
          }
        }
      }
      watched {
        id
        series
      }
    }
  }
`;

const linkBlocked = { scenario: { blockLinks: [id('S-A')] } };
const plantDown = { scenario: { blockEnterprises: [id('A')] } };

/** Asks the service the way Apollo Client does: the cache's own document, with __typename added. */
async function fetchInto(cache: InMemoryCache, query: DocumentNode, variables: Record<string, unknown>) {
  const document = cache.transformDocument(query);
  const data = dataOf(await t.server.gql(print(document), variables));
  cache.writeQuery({ query: document, variables, data });
  return data;
}

/** Enterprise id -> stallsOnDay of the stalled rows of an impact answer. */
const stallDays = (impact: any) =>
  Object.fromEntries(impact.stalled.edges.map((e: any) => [e.node.enterprise.id, e.node.stallsOnDay]));

describe('cache-safe what-if rows', () => {
  it('two impact queries with different scenarios in one InMemoryCache each read back their own rows', async () => {
    const cache = new InMemoryCache();
    const blocked = await fetchInto(cache, IMPACT, linkBlocked);
    const down = await fetchInto(cache, IMPACT, plantDown);
    expect(stallDays(blocked.impact)).toEqual({ [id('A')]: 2, [id('B')]: 4 });
    expect(stallDays(down.impact)).toEqual({ [id('A')]: 0, [id('B')]: 2 });

    const readBlocked = cache.readQuery({ query: IMPACT, variables: linkBlocked }) as any;
    const readDown = cache.readQuery({ query: IMPACT, variables: plantDown }) as any;
    expect(stallDays(readBlocked.impact)).toEqual({ [id('A')]: 2, [id('B')]: 4 });
    expect(stallDays(readDown.impact)).toEqual({ [id('A')]: 0, [id('B')]: 2 });
    expect(readBlocked.impact.graph.nodes.map((n: any) => n.stallsOnDay).sort()).toEqual([2, 4]);
    expect(readDown.impact.graph.nodes.map((n: any) => n.stallsOnDay).sort()).toEqual([0, 2]);
    // The enterprise itself is one cache entry, shared by both answers.
    expect(cache.identify({ __typename: 'Enterprise', id: id('A') })).toBe(`Enterprise:${id('A')}`);
    expect(cache.extract()[`Enterprise:${id('A')}`]).toMatchObject({ name: 'A' });
  });

  it('row ids are <scope>:<enterprise id>, the same for the same scenario however it is spelled', async () => {
    const once = dataOf(await t.server.gql(print(IMPACT), linkBlocked)).impact;
    const again = dataOf(
      await t.server.gql(print(IMPACT), {
        scenario: { blockLinks: [id('S-A'), id('S-A')], blockEnterprises: [], includeCurrentState: false },
      }),
    ).impact;
    const other = dataOf(await t.server.gql(print(IMPACT), plantDown)).impact;
    const rowA = (impact: any) => impact.stalled.edges.find((e: any) => e.node.enterprise.id === id('A')).node.id;
    expect(rowA(once)).toMatch(new RegExp(`^impact-[0-9a-f]{16}:${id('A')}$`));
    expect(rowA(again)).toBe(rowA(once));
    expect(rowA(other)).not.toBe(rowA(once));
    // The drawing's nodes are the same rows as the lists', so a cache holds each row once.
    expect(once.graph.nodes.map((n: any) => n.id)).toContain(rowA(once));
  });

  it('bare enterprise ids, as AffectedEnterprise had them, would make the second scenario overwrite the first', async () => {
    const cache = new InMemoryCache();
    const document = cache.transformDocument(IMPACT);
    const bare = (data: any) => JSON.parse(JSON.stringify(data).replace(/"impact-[0-9a-f]{16}:/g, '"'));
    for (const variables of [linkBlocked, plantDown]) {
      const data = bare(dataOf(await t.server.gql(print(document), variables)));
      cache.writeQuery({ query: document, variables, data });
    }
    const readBlocked = cache.readQuery({ query: IMPACT, variables: linkBlocked }) as any;
    expect(stallDays(readBlocked.impact)).toEqual({ [id('A')]: 0, [id('B')]: 2 });
  });

  it('two simulations in one InMemoryCache each read back their own trajectories and series', async () => {
    const cache = new InMemoryCache();
    const input = (day: number) => ({
      input: { horizonDays: 8, restockRate: 0, events: [{ day, block: { links: [id('S-A')] } }], watch: [id('A')] },
    });
    await fetchInto(cache, SIMULATE, input(0));
    await fetchInto(cache, SIMULATE, input(3));
    const firstStall = (sim: any) =>
      Object.fromEntries(sim.trajectories.edges.map((e: any) => [e.node.enterprise.id, e.node.firstStallDay]));
    const early = (cache.readQuery({ query: SIMULATE, variables: input(0) }) as any).simulate;
    const late = (cache.readQuery({ query: SIMULATE, variables: input(3) }) as any).simulate;
    expect(firstStall(early)).toEqual({ [id('A')]: 2, [id('B')]: 4 });
    expect(firstStall(late)).toEqual({ [id('A')]: 5, [id('B')]: 7 });
    expect(early.watched[0].series).toEqual([1, 1, 0, 0, 0, 0, 0, 0]);
    expect(late.watched[0].series).toEqual([1, 1, 1, 1, 1, 0, 0, 0]);
  });
});
