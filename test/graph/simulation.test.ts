import { describe, expect, it } from 'vitest';
import { listTrajectories, simulate, type SimulationInput } from '../../src/engine';
import { graphSnapshot } from '../support/graph-snapshot';
import { uniquePrefix } from '../support/test-graph';
import { dataOf } from '../support/test-server';
import { useGraphTest } from '../support/use-graph-test';
import { linkRows } from '../support/link-row';

/**
 * The `simulate` query and saved timelines on the real graph (README §9).
 *
 * Fuquan: plant P ships phosphate to customer K by road through highway
 * checkpoint H and by rail through Kaili station R; K keeps 3 days of stock on
 * each route (volume 1 a day each, so 6 tonnes against a need of 2 a day).
 * A single-supplier chain A -> B -> C -> D with stocks of 2.5 and 3 days
 * checks the §5 consistency through the API.
 */
const p = uniquePrefix('simulation');
const id = (name: string) => `${p}-${name}`;
const region = `${p}-Guizhou/Fuquan`;
const enterprise = (name: string, kind: string, extra: object = {}) => ({
  id: id(name),
  name,
  kind,
  region,
  dailyCapacity: 100,
  ...extra,
});
const anyLink = linkRows(id);
// Links here carry one unit a day unless a test says otherwise.
const link = (name: string, from: string, to: string, product: string, mode: string, extra: object = {}) =>
  anyLink(name, from, to, product, mode, { volume: 1, ...extra });
const document = {
  enterprises: [
    enterprise('P', 'CHEMICAL'),
    enterprise('H', 'LOGISTICS', { dailyCapacity: null }),
    enterprise('R', 'LOGISTICS', { dailyCapacity: null }),
    enterprise('K', 'MANUFACTURER', { unit: 't' }),
    enterprise('A', 'RAW_MATERIAL'),
    enterprise('B', 'FIBER'),
    enterprise('C', 'WEAVING'),
    enterprise('D', 'GARMENT'),
  ],
  links: [
    link('P-H', 'P', 'H', 'phosphate', 'ROAD'),
    link('H-K', 'H', 'K', 'phosphate', 'ROAD', { inventoryDays: 3 }),
    link('P-R', 'P', 'R', 'phosphate', 'RAIL'),
    link('R-K', 'R', 'K', 'phosphate', 'RAIL', { inventoryDays: 3 }),
    link('A-B', 'A', 'B', 'fibre', 'LOCAL', { inventoryDays: 2.5 }),
    link('B-C', 'B', 'C', 'yarn', 'LOCAL', { inventoryDays: 3 }),
    link('C-D', 'C', 'D', 'fabric', 'LOCAL'),
  ],
};
const t = useGraphTest(p, { document });

/** Highway closed from day 0 for good; the rail route opens on day 7 (blocked before). */
const FUQUAN_TIMELINE = {
  horizonDays: 14,
  events: [
    { day: 0, block: { enterprises: [id('H'), id('R')] } },
    { day: 7, unblock: { enterprises: [id('R')] } },
  ],
};

const DAY_FIELDS = `day stalledCount partialCount lostOutputValue lostTradeValue directLostOutputValue
  indirectLostOutputValue unvaluedAffectedProducers`;
const TRAJECTORY_FIELDS = `id passThrough baselineFraction firstAffectedDay firstStallDay recoveredOnDay minFraction
  lostOutputValue lostTradeValue series enterprise { id name }`;
const RESULT_FIELDS = `graphVersion horizonDays restockRate days { ${DAY_FIELDS} }
  cumulativeLostOutputValue cumulativeLostTradeValue cumulativeDirectLostOutputValue
  cumulativeIndirectLostOutputValue cumulativeLostOutputByUnit { unit amount } unvaluedAffectedProducers
  peakDay converged watched { baselineFraction series enterprise { id } }`;

const SIMULATE = `query Simulate($input: SimulationInput!, $first: Int!, $after: String) {
  simulate(input: $input) {
    ${RESULT_FIELDS}
    trajectories(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { ${TRAJECTORY_FIELDS} } }
    }
  }
}`;

async function simulateOverApi(input: object, first = 100, after?: string) {
  return dataOf(await t.server.gql(SIMULATE, { input, first, after })).simulate;
}

/** The engine run directly, on this thread, on the graph the service's engine holds: what the API must answer. */
async function simulateInEngine(input: SimulationInput) {
  const { graph } = await t.services.engine.snapshot();
  const result = simulate(graph, input);
  return { result, trajectories: listTrajectories(graph, result) };
}

describe('simulate', () => {
  it('Fuquan: highway closed from day 0, rail route opening on day 7: K runs on stock, stalls, then runs on rail', async () => {
    const sim = await simulateOverApi({ ...FUQUAN_TIMELINE, watch: [id('K')] });
    expect(sim).toMatchObject({ horizonDays: 14, restockRate: 0.1, converged: true });
    const counts = sim.days.map((d: any) => [d.stalledCount, d.partialCount]);
    // H and R down from day 0; K's 6 tonnes last 3 days; rail delivers 1 of the 2 it needs from day 7.
    expect(counts).toEqual([[2, 0], [2, 0], [2, 0], [3, 0], [3, 0], [3, 0], [3, 0], ...Array(7).fill([1, 1])]);
    const k = sim.watched[0];
    expect(k).toMatchObject({ baselineFraction: 1, enterprise: { id: id('K') } });
    // Day 7: half its need by rail; then the refill at rho (0.1 of the rail volume) tops each day up.
    expect(k.series.slice(0, 8)).toEqual([1, 1, 1, 0, 0, 0, 0, 0.5]);
    for (const fraction of k.series.slice(8)) expect(fraction).toBeCloseTo(0.55, 9);

    const rows = new Map(sim.trajectories.edges.map((e: any) => [e.node.enterprise.id, e.node]));
    expect(sim.trajectories.totalCount).toBe(3);
    expect(rows.get(id('H'))).toMatchObject({ passThrough: true, firstStallDay: 0, recoveredOnDay: null });
    expect(rows.get(id('R'))).toMatchObject({ passThrough: true, firstStallDay: 0, recoveredOnDay: 7 });
    expect(rows.get(id('K'))).toMatchObject({
      passThrough: false,
      firstAffectedDay: 3,
      firstStallDay: 3,
      recoveredOnDay: null,
      minFraction: 0,
      enterprise: { name: 'K' },
    });
    expect((rows.get(id('K')) as any).series).toEqual(k.series);
    expect((rows.get(id('H')) as any).series).toBeNull();
    // No dailyOutputValue in the fixture: values are 0 and the coverage says K is left out.
    expect(sim.unvaluedAffectedProducers).toBe(1);
    expect(sim.days[3].unvaluedAffectedProducers).toBe(1);
    // Physical loss per unit: 100 t a day, 4 days stalled, half a day on day 7, 0.45 for six days.
    expect(sim.cumulativeLostOutputByUnit).toHaveLength(1);
    expect(sim.cumulativeLostOutputByUnit[0].amount).toBeCloseTo(100 * (4 + 0.5 + 6 * 0.45), 6);
  });

  it('answers what the engine computes on the same graph', async () => {
    const input = { ...FUQUAN_TIMELINE, restockRate: 0.2, watch: [id('K'), id('P')] };
    const sim = await simulateOverApi(input);
    const engine = await simulateInEngine({ ...input, includeCurrentState: false });
    expect(sim.days).toEqual(engine.result.days);
    expect(sim.peakDay).toBe(engine.result.peakDay);
    expect(sim.cumulativeLostOutputValue).toBe(engine.result.cumulativeLostOutputValue);
    expect(sim.cumulativeLostOutputByUnit).toEqual(engine.result.cumulativeLostOutputByUnit);
    expect(sim.watched.map((w: any) => w.series)).toEqual(engine.result.watched.map((w) => w.series));
    const mine = (rows: { id: string }[]) => rows.filter((row) => row.id.startsWith(p)).map((row) => row.id);
    expect(mine(sim.trajectories.edges.map((e: any) => e.node.enterprise))).toEqual(mine(engine.trajectories));
  });

  it('pages through the trajectories in their order: first affected day, then largest loss', async () => {
    const first = await simulateOverApi(FUQUAN_TIMELINE, 2);
    expect(first.trajectories.totalCount).toBe(3);
    expect(first.trajectories.edges.map((e: any) => e.node.enterprise.id).sort()).toEqual([id('H'), id('R')].sort());
    expect(first.trajectories.pageInfo.hasNextPage).toBe(true);
    const next = await simulateOverApi(FUQUAN_TIMELINE, 2, first.trajectories.pageInfo.endCursor);
    expect(next.trajectories.edges.map((e: any) => e.node.enterprise.id)).toEqual([id('K')]);
    expect(next.trajectories.pageInfo.hasNextPage).toBe(false);
  });

  it('builds every page of trajectories a query asks for, through aliases and fragments', async () => {
    const first = await simulateOverApi(FUQUAN_TIMELINE, 1);
    const query = `query($input: SimulationInput!, $after: String) {
      simulate(input: $input) { one: trajectories(first: 1) { edges { node { enterprise { id } } } } ...Rest }
    }
    fragment Rest on SimulationResult { rest: trajectories(first: 5, after: $after) { edges { node { enterprise { id } } } } }`;
    const both = dataOf(
      await t.server.gql(query, { input: FUQUAN_TIMELINE, after: first.trajectories.pageInfo.endCursor }),
    ).simulate;
    const ids = (page: any) => page.edges.map((e: any) => e.node.enterprise.id);
    expect(ids(both.one)).toEqual(ids(first.trajectories));
    expect([...ids(both.one), ...ids(both.rest)].sort()).toEqual([id('H'), id('K'), id('R')].sort());

    // A page the job did not build beforehand is computed again, the same.
    const report = await t.services.simulation.simulate({ ...FUQUAN_TIMELINE, includeCurrentState: false });
    expect(report.answer.pages).toEqual([]);
    expect((await t.services.simulation.trajectories(report, 1, 2)).map((row) => row.enterpriseId)).toEqual(
      ids(both.rest),
    );
  });

  it('§5 consistency: a single-supplier chain blocked for the whole horizon, rho 0, stalls on day ceil(T)', async () => {
    const horizonDays = 30;
    const impact = dataOf(
      await t.server.gql(
        `query($s: ScenarioInput!) { impact(scenario: $s) { stalled(first: 50) { edges { node { enterprise { id } stallsOnDay } } } } }`,
        { s: { blockEnterprises: [id('A')] } },
      ),
    ).impact;
    const stallsOnDay = new Map<string, number>(
      impact.stalled.edges.map((e: any) => [e.node.enterprise.id, e.node.stallsOnDay]),
    );
    // B runs 2.5 days on its fibre, C 3 days more on its yarn, D has no stock of its own.
    expect(Object.fromEntries(stallsOnDay)).toEqual({ [id('A')]: 0, [id('B')]: 2.5, [id('C')]: 5.5, [id('D')]: 5.5 });
    const sim = await simulateOverApi({
      horizonDays,
      restockRate: 0,
      events: [{ day: 0, block: { enterprises: [id('A')] } }],
    });
    const firstStall = Object.fromEntries(
      sim.trajectories.edges.map((e: any) => [e.node.enterprise.id, e.node.firstStallDay]),
    );
    for (const [enterpriseId, day] of stallsOnDay) expect(firstStall[enterpriseId]).toBe(Math.ceil(day));
  });

  it('refuses a bad input with every problem named by its path, and never writes', async () => {
    const version = await t.services.changes.version();
    const before = await graphSnapshot(t.db, p);
    const { status, body } = await t.server.gqlWithStatus(SIMULATE, {
      first: 10,
      input: {
        horizonDays: 10,
        restockRate: -1,
        events: [
          {
            day: 10,
            block: { links: [id('ghost-link')], regions: ['Atlantis'], linksWhere: [{ products: ['unobtainium'] }] },
          },
          { day: -1, setCapacity: [{ enterpriseId: id('K'), capacity: 1.5 }, { capacity: 0.5 }] },
          { day: 3, unblock: { enterprises: [id('nobody')] }, setCapacity: [{ region: 'Atlantis', capacity: 0 }] },
        ],
        watch: [id('K'), id('nobody')],
      },
    });
    expect(status).toBe(400);
    const error = body.errors![0];
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.problems.map((problem: any) => problem.path)).toEqual([
      'restockRate',
      'events[0].day',
      'events[0].block.links[0]',
      'events[0].block.regions[0]',
      'events[0].block.linksWhere[0].products',
      'events[1].day',
      'events[1].setCapacity[0].capacity',
      'events[1].setCapacity[1]',
      'events[2].unblock.enterprises[0]',
      'events[2].setCapacity[0].region',
      'watch[1]',
    ]);
    expect(error.extensions?.problems[1].message).toMatch(/from 0 to 9/);
    expect(error.message).toMatch(/11 problem/);
    expect(await t.services.changes.version()).toBe(version);
    expect(await graphSnapshot(t.db, p)).toEqual(before);
  });

  it('refuses a horizon outside 1..365 and oversized lists before running anything', async () => {
    for (const horizonDays of [0, 366]) {
      const { status, body } = await t.server.gqlWithStatus(SIMULATE, { first: 1, input: { horizonDays, events: [] } });
      expect(status).toBe(400);
      expect(body.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        problems: [{ path: 'horizonDays', message: expect.stringMatching(/1 to 365/) }],
      });
    }
    const tooMany = Array.from({ length: 1001 }, () => ({ day: 0 }));
    const { body } = await t.server.gqlWithStatus(SIMULATE, { first: 1, input: { horizonDays: 5, events: tooMany } });
    expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: 'events' }] });
  });
});

describe('saved scenarios with a timeline', () => {
  const SAVE = `mutation($name: String!, $scenario: ScenarioInput!, $timeline: SimulationTimelineInput) {
    saveScenario(name: $name, scenario: $scenario, timeline: $timeline) {
      id timeline { horizonDays restockRate events { day block { enterprises links regions modes linksWhere { modes crossRegion } }
        unblock { enterprises } setCapacity { enterpriseId region capacity } } }
    }
  }`;
  const RERUN = `query($id: ID!, $watch: [ID!]) {
    scenario(id: $id) { simulation(watch: $watch) { ${RESULT_FIELDS} trajectories(first: 100) { edges { node { enterprise { id } firstStallDay } } } } }
  }`;

  it('keeps the timeline and re-runs it on the graph as it is now, on top of the scenario’s blocks', async () => {
    // The highway block is the scenario's own (from day 0, for good); the timeline has the rail station.
    const saved = dataOf(
      await t.server.gql(SAVE, {
        name: `${p} Fuquan switch to rail`,
        scenario: { blockEnterprises: [id('H')] },
        timeline: {
          horizonDays: 14,
          events: [
            { day: 0, block: { enterprises: [id('R')] } },
            { day: 7, unblock: { enterprises: [id('R')] }, setCapacity: [{ enterpriseId: id('P'), capacity: 1 }] },
          ],
        },
      }),
    ).saveScenario;
    expect(saved.timeline).toEqual({
      horizonDays: 14,
      restockRate: 0.1,
      events: [
        {
          day: 0,
          block: { enterprises: [id('R')], links: [], regions: [], modes: [], linksWhere: [] },
          unblock: null,
          setCapacity: [],
        },
        {
          day: 7,
          block: null,
          unblock: { enterprises: [id('R')] },
          setCapacity: [{ enterpriseId: id('P'), region: null, capacity: 1 }],
        },
      ],
    });

    const rerun = dataOf(await t.server.gql(RERUN, { id: saved.id, watch: [id('K')] })).scenario.simulation;
    const direct = await simulateOverApi({ ...FUQUAN_TIMELINE, watch: [id('K')] });
    expect(rerun.days).toEqual(direct.days);
    expect(rerun.watched).toEqual(direct.watched);

    // More stock on the road route (13 tonnes): re-run, K runs short from day 6 but never stalls.
    const setStock = async (inventoryDays: number) =>
      dataOf(
        await t.server.gql('mutation($input: SupplyLinkInput!) { upsertSupplyLink(input: $input) { id } }', {
          input: { ...link('H-K', 'H', 'K', 'phosphate', 'ROAD'), inventoryDays },
        }),
      );
    await setStock(10);
    try {
      const later = dataOf(await t.server.gql(RERUN, { id: saved.id, watch: [id('K')] })).scenario.simulation;
      expect(later.graphVersion).toBeGreaterThan(rerun.graphVersion);
      expect(later.watched[0].series.slice(0, 8)).toEqual([1, 1, 1, 1, 1, 1, 0.5, 0.5]);
      const k = later.trajectories.edges.find((e: any) => e.node.enterprise.id === id('K')).node;
      expect(k.firstStallDay).toBeNull();
    } finally {
      await setStock(3);
    }
  });

  it('a saved scenario without a timeline has no simulation', async () => {
    const saved = dataOf(
      await t.server.gql(SAVE, { name: `${p} plain`, scenario: { blockEnterprises: [id('H')] } }),
    ).saveScenario;
    expect(saved.timeline).toBeNull();
    expect(dataOf(await t.server.gql(RERUN, { id: saved.id })).scenario.simulation).toBeNull();
  });

  it('refuses to save a timeline naming what the graph lacks, with paths under timeline, and saves nothing', async () => {
    const count = async () => dataOf(await t.server.gql('{ scenarios { totalCount } }')).scenarios.totalCount as number;
    const before = await count();
    const { status, body } = await t.server.gqlWithStatus(SAVE, {
      name: `${p} bad`,
      scenario: {},
      timeline: { horizonDays: 5, events: [{ day: 5, block: { enterprises: [id('ghost')] } }] },
    });
    expect(status).toBe(400);
    expect(body.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [
        { path: 'timeline.events[0].day', message: expect.any(String) },
        { path: 'timeline.events[0].block.enterprises[0]', message: `unknown enterprise "${id('ghost')}"` },
      ],
    });
    expect(await count()).toBe(before);
  });
});
