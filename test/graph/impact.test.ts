import { describe, expect, inject, it, vi } from 'vitest';
import { GraphDatabase } from '../../src/platform/neo4j/graph-database';
import type { Scenario, SupplyGraph } from '../../src/engine';
import type { Services } from '../../src/app/create-services';
import { Metrics } from '../../src/platform/metrics/metrics';
import { MAX_LISTED_CHANGES } from '../../src/platform/neo4j/graph-change';
import { writeGraph } from '../../src/platform/neo4j/write-graph';
import { graphSnapshot } from '../support/graph-snapshot';
import { uniquePrefix, testServices } from '../support/test-graph';
import { useGraphTest } from '../support/use-graph-test';
import { dataOf } from '../support/test-server';
import { linkRows } from '../support/link-row';

/**
 * The Fuquan example of README §6 on the real graph: plant P ships phosphate to K
 * through highway checkpoint H (ROAD) and through Kaili rail station R (RAIL);
 * dyeing plant D keeps 5 days of dyestuff from C and ships to market M.
 */
const p = uniquePrefix('impact');
const id = (name: string) => `${p}-${name}`;
const region = `${p}-Guizhou/Fuquan`;
const enterprise = (name: string, kind: string, extra: object = {}) => ({
  id: id(name),
  name,
  kind,
  region,
  dailyCapacity: 100,
  unit: 't',
  dailyOutputValue: 1000,
  ...extra,
});
const link = linkRows(id);
const document = {
  enterprises: [
    enterprise('P', 'CHEMICAL'),
    enterprise('H', 'LOGISTICS', { dailyCapacity: null, dailyOutputValue: null }),
    enterprise('R', 'LOGISTICS', { dailyCapacity: null, dailyOutputValue: null }),
    enterprise('K', 'MANUFACTURER'),
    enterprise('C', 'CHEMICAL'),
    enterprise('D', 'PRINTING_DYEING', { dailyCapacity: 300, unit: 'm', dailyOutputValue: 3000 }),
    enterprise('M', 'MARKET', { dailyCapacity: null, dailyOutputValue: 500 }),
  ],
  links: [
    link('P-H', 'P', 'H', 'phosphate', 'ROAD'),
    link('H-K', 'H', 'K', 'phosphate', 'ROAD'),
    link('P-R', 'P', 'R', 'phosphate', 'RAIL'),
    link('R-K', 'R', 'K', 'phosphate', 'RAIL'),
    link('C-D', 'C', 'D', 'dyestuff', 'ROAD', { inventoryDays: 5 }),
    link('D-M', 'D', 'M', 'dyed fabric', 'LOCAL'),
  ],
};
const t = useGraphTest(p, { document });

const IMPACT = `query($s: ScenarioInput!) { impact(scenario: $s) {
  stalledCount partialCount lostOutputValue lostTradeValue lostOutputByUnit { unit amount } unvaluedProducerCount
  byKind { key stalledCount lostOutputValue lostTradeValue } byRegion { key stalledCount }
  stalled(first: 50) { totalCount edges { node {
    id direct outputFraction lostDailyOutput lostOutputValue lostTradeValue stallsOnDay missingInputs cause
    enterprise { id name }
  } } }
  partial { totalCount edges { node { enterprise { id } outputFraction } } }
  graph { nodes { enterprise { id } } sourceIds sources { id name } links { id } truncated } } }`;

const stalledIds = (report: any) => report.stalled.edges.map((e: any) => e.node.enterprise.id).sort();

describe('impact', () => {
  it('blocking the highway checkpoint leaves K running over rail; blocking both stalls K', async () => {
    const checkpoint = dataOf(await t.server.gql(IMPACT, { s: { blockEnterprises: [id('H')] } })).impact;
    expect(stalledIds(checkpoint)).toEqual([id('H')]);
    expect(checkpoint.stalled.edges[0].node).toMatchObject({ direct: true, stallsOnDay: 0, cause: [] });

    const both = dataOf(await t.server.gql(IMPACT, { s: { blockEnterprises: [id('H'), id('R')] } })).impact;
    expect(stalledIds(both)).toEqual([id('H'), id('K'), id('R')].sort());
    const k = both.stalled.edges.find((e: any) => e.node.enterprise.id === id('K')).node;
    expect(k).toMatchObject({
      direct: false,
      outputFraction: 0,
      lostDailyOutput: 100,
      lostOutputValue: 1000,
      lostTradeValue: null,
      stallsOnDay: 0,
      missingInputs: ['phosphate'],
      enterprise: { name: 'K' },
    });
    expect([[id('H-K')], [id('R-K')]]).toContainEqual(k.cause);
    // §8: K's output is valued; the checkpoint and the station carry no value of their own.
    expect(both).toMatchObject({
      lostOutputValue: 1000,
      lostTradeValue: 0,
      lostOutputByUnit: [{ unit: 't', amount: 100 }],
      unvaluedProducerCount: 0,
    });
    expect(both.byKind).toContainEqual({
      key: 'MANUFACTURER',
      stalledCount: 1,
      lostOutputValue: 1000,
      lostTradeValue: 0,
    });
  });

  it('blockModes: [ROAD] alone keeps K running over rail, at the rail share of its supply', async () => {
    const road = dataOf(await t.server.gql(IMPACT, { s: { blockModes: ['ROAD'] } })).impact;
    const mine = road.stalled.edges
      .filter((e: any) => e.node.enterprise.id.startsWith(p))
      .map((e: any) => e.node.enterprise.id);
    expect(mine).not.toContain(id('K'));
    expect(road.partial.edges.map((e: any) => e.node)).toContainEqual({
      enterprise: { id: id('K') },
      outputFraction: 0.5,
    });
  });

  it('inventories buffer a block for its duration: 3 days nothing stalls, 7 days D stalls on day 5', async () => {
    const short = dataOf(await t.server.gql(IMPACT, { s: { blockLinks: [id('C-D')], durationDays: 3 } })).impact;
    expect(short.stalledCount).toBe(0);
    expect(short.lostOutputValue).toBe(0);
    const long = dataOf(await t.server.gql(IMPACT, { s: { blockLinks: [id('C-D')], durationDays: 7 } })).impact;
    const d = long.stalled.edges.find((e: any) => e.node.enterprise.id === id('D')).node;
    expect(d).toMatchObject({ stallsOnDay: 5, cause: [id('C-D')], lostDailyOutput: 300, lostOutputValue: 3000 });
    expect(stalledIds(long)).toEqual([id('D'), id('M')].sort());
    // The market forwards D's fabric: its loss is trade value, kept apart from D's output value.
    expect(long).toMatchObject({ lostOutputValue: 3000, lostTradeValue: 500 });
    expect(long.lostOutputByUnit).toEqual([{ unit: 'm', amount: 300 }]);
    expect(long.graph.links.map((l: any) => l.id).sort()).toEqual([id('C-D'), id('D-M')].sort());
    expect(long.graph.sourceIds).toEqual([id('C')]);
    expect(long.graph.sources).toEqual([{ id: id('C'), name: 'C' }]);
  });

  it('compares the current state with the all-running baseline when includeCurrentState is set', async () => {
    await t.services.links.setStatus('test', { id: id('P-R'), status: 'BLOCKED' as never, reason: 'rail closed' });
    try {
      const current = dataOf(
        await t.server.gql(IMPACT, { s: { blockEnterprises: [id('H')], includeCurrentState: true } }),
      ).impact;
      expect(stalledIds(current)).toEqual([id('H'), id('K')].sort());
    } finally {
      await t.services.links.setStatus('test', { id: id('P-R'), status: 'OPEN' as never });
    }
  });

  it('answers enterprise { id } of the affected rows from the answer itself, and reads Neo4j for more', async () => {
    const read = vi.spyOn(t.services.enterprises, 'findByIds');
    const query = (fields: string) =>
      `query($s: ScenarioInput!) { impact(scenario: $s) { stalled { edges { node { enterprise { ${fields} } } } } } }`;
    const ids = (body: any) => body.data.impact.stalled.edges.map((e: any) => e.node.enterprise);
    const s = { blockEnterprises: [id('H'), id('R')] };
    try {
      const onlyIds = ids(await t.server.gql(query('id __typename ... on Node { id }'), { s }));
      expect(onlyIds).toContainEqual({ id: id('K'), __typename: 'Enterprise' });
      expect(read).not.toHaveBeenCalled();
      expect(ids(await t.server.gql(query('id name'), { s }))).toContainEqual({ id: id('K'), name: 'K' });
      expect(read).toHaveBeenCalledTimes(1);
    } finally {
      read.mockRestore();
    }
  });

  it('refuses unknown ids naming every one of them, and never writes', async () => {
    const before = await graphSnapshot(t.db, p);
    const version = await t.services.changes.version();
    const response = await t.server.gql(IMPACT, {
      s: { blockLinks: [id('nope')], blockEnterprises: [id('ghost')], blockRegions: ['Atlantis'] },
    });
    expect(response.errors?.[0]).toMatchObject({
      extensions: {
        code: 'BAD_USER_INPUT',
        problems: [
          { path: 'scenario.blockLinks', message: `unknown supply link "${id('nope')}"` },
          { path: 'scenario.blockEnterprises', message: `unknown enterprise "${id('ghost')}"` },
          { path: 'scenario.blockRegions', message: 'unknown region "Atlantis"' },
        ],
      },
    });
    dataOf(await t.server.gql(IMPACT, { s: { blockRegions: [region], durationDays: 2 } }));
    expect(await graphSnapshot(t.db, p)).toEqual(before);
    expect(await t.services.changes.version()).toBe(version);
    for (const durationDays of [-1, 0]) {
      const refused = await t.server.gql(IMPACT, { s: { durationDays } });
      expect(refused.errors?.[0]).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', problems: [{ path: 'durationDays', message: expect.any(String) }] },
        message: expect.stringMatching(/durationDays must be more than 0/),
      });
    }
  });
});

/** Ids stalled in a scenario, as one instance's impact service answers. */
async function stalledIn(services: Services, scenario: Scenario): Promise<{ version: number; ids: string[] }> {
  const needs = {
    pages: [{ group: 'STALLED' as const, backward: false, offset: 0, size: 500 }],
    summaries: [],
    drawings: [],
  };
  const report = await services.impact.impact(scenario, needs);
  return { version: report.graphVersion, ids: report.answer.pages[0].rows.map((row) => row.id) };
}

/** A service instance of its own on the same Neo4j (its own driver, engine threads and graph), and how it refreshed. */
async function otherInstance() {
  const db = new GraphDatabase(inject('neo4j'));
  const metrics = new Metrics();
  const refreshed = vi.spyOn(metrics, 'snapshotRefreshed');
  const services = testServices(db, { metrics });
  return {
    services,
    /** How each refresh since the last call brought the graph up to date. */
    refreshes: () => {
      const kinds = refreshed.mock.calls.map(([event]) => (event.patched ? 'patch' : 'load'));
      refreshed.mockClear();
      return kinds;
    },
    close: async () => {
      await services.engine.close();
      await db.close();
    },
  };
}

/**
 * Other test files write to the same database meanwhile, some of them unlisted changes (which make
 * every instance read the graph again): a refresh may read it all only when one of those came in.
 */
async function expectPatchedSince(instance: { refreshes(): string[] }, since: number): Promise<void> {
  const kinds = instance.refreshes();
  const unlisted = (await t.services.changes.since(since)).some((change) => !change.listed);
  if (!unlisted) expect(kinds).not.toContain('load');
}

describe('the engine graph across service instances', () => {
  it('sees a write made through another instance or the import path, by the graph version', async () => {
    const other = await otherInstance();
    try {
      const query = { blockEnterprises: [id('H')], includeCurrentState: true };
      expect((await stalledIn(t.services, query)).ids).not.toContain(id('K'));
      await other.services.links.setStatus('test', {
        id: id('R-K'),
        status: 'BLOCKED' as never,
        reason: 'rail closed',
      });
      const afterLinkWrite = await stalledIn(t.services, query);
      expect(afterLinkWrite.ids).toContain(id('K'));

      await other.services.imports.importGraph('test', { links: [{ ...document.links[3], status: 'OPEN' }] });
      const afterImport = await stalledIn(t.services, query);
      expect(afterImport.ids).not.toContain(id('K'));
      expect(afterImport.version).toBeGreaterThan(afterLinkWrite.version);
    } finally {
      await other.close();
    }
  });

  it('patches its graph with structural writes made through another instance: upserts and deletes', async () => {
    const other = await otherInstance();
    const mine = await otherInstance();
    try {
      const road = { blockEnterprises: [id('H')] };
      const start = await stalledIn(mine.services, road);
      expect(start.ids).not.toContain(id('K'));
      expect(mine.refreshes()).toEqual(['load']);

      // A new enterprise and a link from it: K gets a second phosphate supplier that is not the road checkpoint.
      await other.services.enterprises.upsert('test', {
        ...document.enterprises[0],
        id: id('P2'),
        name: 'P2',
        kind: 'CHEMICAL',
      } as never);
      await other.services.links.upsert('test', {
        id: id('P2-K'),
        from: id('P2'),
        to: id('K'),
        product: 'phosphate',
        mode: 'LOCAL',
      } as never);
      const both = { blockEnterprises: [id('H'), id('R')] };
      expect((await stalledIn(mine.services, both)).ids).not.toContain(id('K'));
      await expectPatchedSince(mine, start.version);

      await other.services.links.delete('test', id('P2-K'));
      expect((await stalledIn(mine.services, both)).ids).toContain(id('K'));
      await other.services.enterprises.delete('test', id('P2'), true);
      const after = await stalledIn(mine.services, both);
      expect(after.ids).toContain(id('K'));
      await expectPatchedSince(mine, start.version);
      const { graph } = await mine.services.engine.snapshot();
      expect(graph.nodeIndex(id('P2'))).toBe(-1);
    } finally {
      await other.close();
      await mine.close();
    }
  });
});

describe('the engine graph after writes', () => {
  it('patches status and row changes, keeps the graph over saved scenarios, reads it all after an unlisted write', async () => {
    const mine = await otherInstance();
    try {
      const first = await mine.services.engine.snapshot();
      const blockedNow = (snapshot: { graph: SupplyGraph }) =>
        snapshot.graph.linkBlocked[snapshot.graph.linkIndex(id('R-K'))];
      expect(blockedNow(first)).toBe(0);
      expect(mine.refreshes()).toEqual(['load']);

      await t.services.links.setStatus('test', { id: id('R-K'), status: 'BLOCKED' as never });
      const second = await mine.services.engine.snapshot();
      expect(blockedNow(second)).toBe(1);
      await expectPatchedSince(mine, first.version);

      // A saved scenario moves the version but not the graph: the same graph, nothing read.
      const scenario = {
        blockLinks: [],
        blockEnterprises: [id('H')],
        blockRegions: [],
        blockModes: [],
        blockLinksWhere: [],
        includeCurrentState: false,
        durationDays: null,
      };
      const saved = await t.services.scenarios.save('test', 'cache test', scenario, null);
      const afterSave = await mine.services.engine.snapshot();
      if (afterSave.version === second.version + 1) expect(afterSave.graph).toBe(second.graph);
      await t.services.scenarios.delete('test', saved.id, null);

      await t.services.links.setStatus('test', { id: id('R-K'), status: 'OPEN' as never });
      await t.services.imports.importGraph('test', { enterprises: [document.enterprises[0]] });
      expect(blockedNow(await mine.services.engine.snapshot())).toBe(0);
      await expectPatchedSince(mine, first.version);

      // More than MAX_LISTED_CHANGES things in one write: only counted, so the graph is read again.
      const items = Array.from({ length: MAX_LISTED_CHANGES + 1 }, (_, i) => ({
        subject: 'ENTERPRISE' as const,
        id: `${p}-nothing-${i}`,
        op: 'UPSERT' as const,
      }));
      await writeGraph(t.db, { actor: 'test', operation: 'unlisted' }, async (write) => write.changed(items));
      await mine.services.engine.snapshot();
      expect(mine.refreshes()).toContain('load');
    } finally {
      await mine.close();
    }
  });
});

describe('critical links and enterprises, alternatives, resumption', () => {
  it('ranks single points of failure by the exact impact of blocking each alone', async () => {
    const data = dataOf(
      await t.server.gql(
        `query($f: SupplyLinkFilter) {
          criticalLinks(filter: $f, top: 3) { link { id } stalledCount lostOutputValue }
        }`,
        { f: { product: ['dyestuff', 'dyed fabric'] } },
      ),
    );
    const mine = data.criticalLinks.filter((c: any) => c.link.id.startsWith(p));
    expect(mine[0]).toEqual({ link: { id: id('C-D') }, stalledCount: 2, lostOutputValue: 3000 });
    const enterprises = dataOf(
      await t.server.gql(
        `query($f: EnterpriseFilter) {
          criticalEnterprises(filter: $f, top: 2, measure: LOST_OUTPUT) {
            enterprise { id } stalledCount lostOutputValue
          }
        }`,
        { f: { region: [region] } },
      ),
    );
    expect(enterprises.criticalEnterprises[0].enterprise.id).toBe(id('C'));
  });

  it('finds the rail route when the road checkpoint is blocked', async () => {
    const data = dataOf(
      await t.server.gql(
        `query($s: ScenarioInput) {
          alternativeRoutes(fromId: "${id('P')}", toId: "${id('K')}", product: "phosphate", scenario: $s) {
            modes links { id } enterprises { id }
          }
        }`,
        { s: { blockEnterprises: [id('H')] } },
      ),
    );
    expect(data.alternativeRoutes).toEqual([
      {
        modes: ['RAIL', 'RAIL'],
        links: [{ id: id('P-R') }, { id: id('R-K') }],
        enterprises: [id('P'), id('R'), id('K')].map((x) => ({ id: x })),
      },
    ]);
  });

  it('validates a scenario given inside other arguments as it does at the top', async () => {
    const query = `query($s: ScenarioInput) {
      alternativeSuppliers(id: "${id('K')}", product: "phosphate", scenario: $s) { hops }
    }`;
    const refused = await t.server.gql(query, { s: { durationDays: 0 } });
    expect(refused.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringMatching(/durationDays must be more than 0/),
    });
  });

  it('lists alternative suppliers and whether each alone would unstall the enterprise', async () => {
    const data = dataOf(
      await t.server.gql(
        `query($s: ScenarioInput) {
          alternativeSuppliers(id: "${id('K')}", product: "phosphate", scenario: $s) {
            enterprise { id } sameRegion alreadySupplies wouldUnstall
          }
        }`,
        { s: { blockEnterprises: [id('H'), id('R')] } },
      ),
    );
    expect(data.alternativeSuppliers).toContainEqual({
      enterprise: { id: id('P') },
      sameRegion: true,
      alreadySupplies: false,
      wouldUnstall: true,
    });
  });

  it('plans the resumption of the current state, most recovered output first', async () => {
    await t.services.enterprises.setStatus('test', { id: id('C'), status: 'STALLED' as never });
    try {
      const data = dataOf(
        await t.server.gql(
          `{
            resumptionPlan(top: 50) {
              step kind enterprise { id } link { id } recoveredOutputValue cumulativeRecoveredOutputValue restartedCount
            }
          }`,
        ),
      );
      const restartC = data.resumptionPlan.find((s: any) => s.enterprise?.id === id('C'));
      // C's own output and D's: the market's forwarding is trade value.
      expect(restartC).toMatchObject({ kind: 'ENTERPRISE', link: null, recoveredOutputValue: 4000, restartedCount: 3 });
    } finally {
      await t.services.enterprises.setStatus('test', { id: id('C'), status: 'OPERATING' as never });
    }
  });
});

describe('saved scenarios', () => {
  it('saves a scenario, lists it, computes its report on the current graph, and compares two', async () => {
    const save = `mutation($s: ScenarioInput!) {
      saveScenario(name: "Road closed", scenario: $s, note: "checkpoints") {
        id name note scenario { blockModes includeCurrentState }
      }
    }`;
    const saved = dataOf(await t.server.gql(save, { s: { blockEnterprises: [id('H')] } })).saveScenario;
    expect(saved).toMatchObject({
      name: 'Road closed',
      note: 'checkpoints',
      scenario: { blockModes: [], includeCurrentState: false },
    });
    const fetched = dataOf(
      await t.server.gql(
        `query($id: ID!) { scenario(id: $id) { name report { stalledCount } } scenarios(first: 500) { nodes { id } } }`,
        {
          id: saved.id,
        },
      ),
    );
    expect(fetched.scenario.report.stalledCount).toBeGreaterThanOrEqual(1);
    expect(fetched.scenarios.nodes.map((s: any) => s.id)).toContain(saved.id);

    const compare = dataOf(
      await t.server.gql(
        `query($a: ScenarioRef!, $b: ScenarioRef!) {
          compareScenarios(a: $a, b: $b) {
            stalledOnlyInA { totalCount edges { node { enterprise { id } } } }
            stalledOnlyInB { totalCount edges { node { enterprise { id } inA { id enterprise { id } } inB { id stallsOnDay } } } }
            stalledInBoth { totalCount edges { node { enterprise { id } stallDayDifference } } }
            stalledCountDifference lostOutputValueDifference lostTradeValueDifference
          }
        }`,
        {
          a: { id: saved.id },
          b: { scenario: { blockEnterprises: [id('H'), id('R')] } },
        },
      ),
    ).compareScenarios;
    expect(compare.stalledOnlyInA).toEqual({ totalCount: 0, edges: [] });
    const onlyInB = compare.stalledOnlyInB.edges.map((e: any) => e.node);
    expect(onlyInB.map((x: any) => x.enterprise.id).sort()).toEqual([id('K'), id('R')].sort());
    // K runs on in a at the rail share (affected there, not stalled); the station is untouched in a.
    const byId = new Map(onlyInB.map((x: any) => [x.enterprise.id, x]));
    expect(byId.get(id('K'))).toMatchObject({ inA: { enterprise: { id: id('K') } }, inB: { stallsOnDay: 0 } });
    expect(byId.get(id('R'))).toMatchObject({ inA: null, inB: { stallsOnDay: 0 } });
    // Each side's row has its own scenario-scoped id, so a client cache keeps a's and b's rows of K apart.
    const k = byId.get(id('K')) as any;
    expect(k.inA.id).toMatch(new RegExp(`^impact-[0-9a-f]{16}:${id('K')}$`));
    expect(k.inB.id).toMatch(new RegExp(`:${id('K')}$`));
    expect(k.inB.id).not.toBe(k.inA.id);
    expect(compare.stalledInBoth).toEqual({
      totalCount: 1,
      edges: [{ node: { enterprise: { id: id('H') }, stallDayDifference: 0 } }],
    });
    // In a, K still runs at the rail share (half its output): b loses the other half too.
    expect(compare).toMatchObject({
      stalledCountDifference: 2,
      lostOutputValueDifference: 500,
      lostTradeValueDifference: 0,
    });

    const missing = await t.server.gql(`{ scenario(id: "scn-00000000-0000-0000-0000-000000000000") { id } }`);
    expect(missing).toEqual({ data: { scenario: null } });
    const bad = await t.server.gql(
      `mutation { saveScenario(name: "x", scenario: { blockLinks: ["${id('nope')}"] }) { id } }`,
    );
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const blank = await t.server.gql(`mutation { saveScenario(name: "  ", scenario: {}) { id } }`);
    expect(blank.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringMatching(/name must be 1 to 200 characters/),
    });
    const noNote = dataOf(
      await t.server.gql(`mutation { saveScenario(name: "no note", scenario: {}) { id note } }`),
    ).saveScenario;
    expect(noNote.note).toBeNull();
    dataOf(await t.server.gql(`mutation($id: ID!) { deleteScenario(id: $id) { id } }`, { id: noNote.id }));
    dataOf(await t.server.gql(`mutation($id: ID!) { deleteScenario(id: $id) { id } }`, { id: saved.id }));
  });

  it('compares two scenarios in three groups of one shape, with the stall-day and lost-value differences', async () => {
    const node = `enterprise { id } inA { stallsOnDay } inB { stallsOnDay }
      stallDayDifference lostOutputValueDifference lostTradeValueDifference`;
    const compare = dataOf(
      await t.server.gql(
        `query($a: ScenarioRef!, $b: ScenarioRef!) {
          compareScenarios(a: $a, b: $b) {
            stalledOnlyInA { totalCount edges { node { ${node} } } }
            stalledOnlyInB { totalCount edges { node { ${node} } } }
            stalledInBoth { totalCount edges { node { ${node} } } }
            stalledCountDifference lostOutputValueDifference lostTradeValueDifference
          }
        }`,
        {
          // a: C's dyestuff stops for a week, D runs 5 days on its stock; b: the market loses D at once, H closes.
          a: { scenario: { blockLinks: [id('C-D')], durationDays: 7 } },
          b: { scenario: { blockLinks: [id('D-M')], blockEnterprises: [id('H')], durationDays: 7 } },
        },
      ),
    ).compareScenarios;
    const nodes = (group: any) => group.edges.map((edge: any) => edge.node);
    expect(nodes(compare.stalledOnlyInA)).toEqual([
      {
        enterprise: { id: id('D') },
        inA: { stallsOnDay: 5 },
        inB: null,
        stallDayDifference: null,
        lostOutputValueDifference: -3000,
        lostTradeValueDifference: null,
      },
    ]);
    expect(nodes(compare.stalledOnlyInB)).toEqual([
      {
        enterprise: { id: id('H') },
        inA: null,
        inB: { stallsOnDay: 0 },
        stallDayDifference: null,
        lostOutputValueDifference: null,
        lostTradeValueDifference: null,
      },
    ]);
    // The market stalls in both: on day 5 in a, on day 0 in b, so it holds out 5 days less in b.
    expect(nodes(compare.stalledInBoth)).toEqual([
      {
        enterprise: { id: id('M') },
        inA: { stallsOnDay: 5 },
        inB: { stallsOnDay: 0 },
        stallDayDifference: -5,
        lostOutputValueDifference: null,
        lostTradeValueDifference: 0,
      },
    ]);
    // b loses no producer's whole output, but K runs on at its rail share with the highway checkpoint closed.
    expect(compare).toMatchObject({
      stalledCountDifference: 0,
      lostOutputValueDifference: 1000 / 2 - 3000,
      lostTradeValueDifference: 0,
    });
  });
});
