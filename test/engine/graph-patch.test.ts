import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SupplyGraph,
  evaluateScenario,
  prepareGraph,
  rankCriticalLinks,
  type CriticalEntry,
  type EngineEnterprise,
  type EngineLink,
  type GraphPatch,
  type Scenario,
  type SupplyGraphInput,
} from '../../src/engine';
import { sourceVariable, targetVariable, variableOrderOf } from '../../src/engine/topological-rank';
import { arbitraryGraph, arbitraryScenario } from './random-graphs';
import { applyToInput, arbitraryCase, arbitraryLink } from './random-patches';

/** What two graphs answer for a scenario, in a comparable form. */
function answers(
  graph: SupplyGraph,
  input: SupplyGraphInput,
  scenario: Scenario,
  strategy: 'auto' | 'propagate' | 'sweep' = 'auto',
) {
  const result = evaluateScenario(graph, scenario, { strategy });
  return {
    stalledCount: result.stalledCount,
    partialCount: result.partialCount,
    lostOutputValue: result.lostOutputValue,
    lostTradeValue: result.lostTradeValue,
    rows: result.affected.map((a) => ({
      id: a.id,
      stalled: a.stalled,
      direct: a.direct,
      partial: a.partial,
      stallsOnDay: a.stallsOnDay,
      missingInputs: a.missingInputs,
      outputFraction: a.outputFraction,
      baselineFraction: a.baselineFraction,
    })),
    failedLinks: [...result.failedLinkIndices].map((l) => graph.linkId(l)).sort(),
    ids: input.enterprises.map((e) => graph.nodeIndex(e.id)),
    linkIds: input.links.map((l) => graph.linkIndex(l.id)),
  };
}

function expectSameAnswers(a: ReturnType<typeof answers>, b: ReturnType<typeof answers>): void {
  expect(a.ids).toEqual(b.ids);
  expect(a.linkIds).toEqual(b.linkIds);
  expect(a.stalledCount).toBe(b.stalledCount);
  expect(a.partialCount).toBe(b.partialCount);
  expect(a.lostOutputValue).toBeCloseTo(b.lostOutputValue, 6);
  expect(a.lostTradeValue).toBeCloseTo(b.lostTradeValue, 6);
  expect(a.failedLinks).toEqual(b.failedLinks);
  expect(a.rows.length).toBe(b.rows.length);
  a.rows.forEach((row, i) => {
    const other = b.rows[i];
    expect({ ...row, outputFraction: 0, baselineFraction: 0 }).toEqual({
      ...other,
      outputFraction: 0,
      baselineFraction: 0,
    });
    expect(row.outputFraction).toBeCloseTo(other.outputFraction, 12);
    expect(row.baselineFraction).toBeCloseTo(other.baselineFraction, 12);
  });
}

/**
 * Same impacts position by position; the same ids, except that entries whose
 * impacts tie to float precision may come in either order (ports numbered
 * differently sum in a different order), and a tie cut off by `top` may
 * keep either.
 */
function expectSameRanking(a: CriticalEntry[], b: CriticalEntry[]): void {
  expect(a.length).toBe(b.length);
  const close = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  a.forEach((entry, i) => {
    expect(entry.stalledCount).toBe(b[i].stalledCount);
    expect(close(entry.lostOutputValue, b[i].lostOutputValue)).toBe(true);
  });
  const tied = (x: CriticalEntry, y: CriticalEntry) =>
    x.stalledCount === y.stalledCount && close(x.lostOutputValue, y.lostOutputValue);
  for (let start = 0; start < a.length;) {
    let end = start + 1;
    while (end < a.length && tied(a[end], a[start])) end++;
    // A tie reaching the end of the list may continue past it, with other ids kept.
    if (end < a.length) {
      const ids = (list: CriticalEntry[]) =>
        list
          .slice(start, end)
          .map((e) => e.id)
          .sort();
      expect(ids(a)).toEqual(ids(b));
    }
    start = end;
  }
}

describe('SupplyGraph.patch', () => {
  it('gives a graph that evaluates exactly like one built from the patched rows, over random graphs and patch sequences', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ input, patches, patched, scenarios }) => {
        let graph = SupplyGraph.build(input);
        for (const patch of patches) {
          // Derived structures memoised on the old graph are carried over only where they still hold.
          prepareGraph(graph, { lossBounds: true });
          graph = graph.patch(patch);
        }
        const fresh = SupplyGraph.build(patched);
        expect(graph.nodeCount).toBe(fresh.nodeCount);
        expect(graph.linkCount).toBe(fresh.linkCount);
        for (const scenario of scenarios) {
          for (const strategy of ['propagate', 'sweep'] as const) {
            expectSameAnswers(answers(graph, patched, scenario, strategy), answers(fresh, patched, scenario, strategy));
          }
        }
        for (const measure of ['STALLED_COUNT', 'LOST_OUTPUT'] as const) {
          for (const includeCurrentState of [false, true]) {
            const options = { top: 5, measure, includeCurrentState };
            expectSameRanking(rankCriticalLinks(graph, options), rankCriticalLinks(fresh, options));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('extends the index and the variable order when links are only appended: the same arrays as a fresh index', () => {
    fc.assert(
      fc.property(
        arbitraryGraph(10, 22),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (input, added, seed) => {
          const ids = input.enterprises.map((e) => e.id);
          const links = fc
            .sample(arbitraryLink([], ids), { numRuns: added, seed })
            .map((l, k) => ({ ...l, id: `appended-${k}` }));
          const graph = prepareGraph(SupplyGraph.build(input));
          const patched = graph.patch({ upsertLinks: links });
          const fresh = SupplyGraph.build({ enterprises: input.enterprises, links: [...input.links, ...links] });
          const index = (g: SupplyGraph) => (g as unknown as { index: Record<string, ArrayLike<number>> }).index;
          for (const [name, array] of Object.entries(index(fresh))) {
            expect([name, Array.from(index(patched)[name])]).toEqual([name, Array.from(array)]);
          }
          // The order kept or extended is a topological order of the variables: every link points forward or stays inside a cycle.
          const order = variableOrderOf(patched);
          for (let l = 0; l < patched.linkCount; l++) {
            const x = sourceVariable(patched, l);
            const y = targetVariable(patched, l);
            const inside = order.cyclic[x] === 1 && order.componentStart[x] === order.componentStart[y];
            expect(order.rank[x] < order.rank[y] || inside).toBe(true);
          }
          // The orders may differ (extended vs. fresh), and with them the last digit of a fraction solved on a cycle.
          const rows = { enterprises: input.enterprises, links: [...input.links, ...links] };
          for (const scenario of fc.sample(arbitraryScenario(input), { numRuns: 2, seed })) {
            for (const strategy of ['propagate', 'sweep'] as const) {
              expectSameAnswers(answers(patched, rows, scenario, strategy), answers(fresh, rows, scenario, strategy));
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('after statuses that only make things worse, derives the current state from the previous one, as a fresh build computes it', () => {
    fc.assert(
      fc.property(arbitraryGraph(10, 22), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (input, seed) => {
        const [choice] = fc.sample(
          fc.record({
            links: fc.subarray(input.links.map((l) => l.id)),
            closed: fc.subarray(input.enterprises.map((e) => e.id)),
            lowered: fc.subarray(input.enterprises.map((e) => e.id)),
          }),
          { numRuns: 1, seed },
        );
        const patch: GraphPatch = {
          linkStatuses: choice.links.map((id) => ({ id, status: 'BLOCKED' as const })),
          enterpriseStatuses: [
            ...choice.closed.map((id) => ({ id, status: 'CLOSED' as const })),
            ...choice.lowered
              .filter((id) => !choice.closed.includes(id))
              .map((id) => {
                const e = input.enterprises.find((x) => x.id === id)!;
                return { id, status: e.status, capacityRecovery: Math.min(1, Math.max(0, e.capacityRecovery)) / 2 };
              }),
          ],
        };
        const graph = prepareGraph(SupplyGraph.build(input));
        const patched = graph.patch(patch);
        const fresh = SupplyGraph.build(applyToInput(input, patch));
        for (const scenario of fc.sample(arbitraryScenario(input), { numRuns: 3, seed })) {
          const current = { ...scenario, includeCurrentState: true };
          expectSameAnswers(answers(patched, input, current), answers(fresh, input, current));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('leaves the graph it was applied to as it was', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ input, patches }) => {
        const graph = SupplyGraph.build(input);
        const scenarios = fc.sample(arbitraryScenario(input), { numRuns: 3 });
        const before = scenarios.map((s) => answers(graph, input, s));
        graph.patch(patches[0]);
        scenarios.forEach((s, i) => expectSameAnswers(answers(graph, input, s), before[i]));
      }),
      { numRuns: 100 },
    );
  });

  it('lets two patches of the same graph append rows without seeing each other’s', () => {
    const e = (id: string): EngineEnterprise => ({
      id,
      kind: 'CHEMICAL',
      region: 'R',
      park: null,
      status: 'OPERATING',
      capacityRecovery: 1,
      dailyCapacity: 10,
    });
    const link = (id: string, from: string, to: string): EngineLink => ({
      id,
      from,
      to,
      product: 'p',
      mode: 'ROAD',
      volume: 1,
      status: 'OPEN',
      inventoryDays: 0,
    });
    const graph = SupplyGraph.build({ enterprises: [e('a'), e('b'), e('c')], links: [link('ab', 'a', 'b')] });
    const first = graph.patch({ upsertLinks: [link('bc', 'b', 'c')] });
    const second = graph.patch({ upsertLinks: [link('ac', 'a', 'c')] });
    const third = first.patch({ upsertLinks: [link('ca', 'c', 'a')] });
    expect([graph.linkIndex('bc'), graph.linkIndex('ac'), graph.linkCount]).toEqual([-1, -1, 1]);
    expect([first.linkIndex('bc'), first.linkIndex('ac'), first.linkId(1), first.linkFrom[1]]).toEqual([
      1,
      -1,
      'bc',
      1,
    ]);
    expect([second.linkIndex('ac'), second.linkIndex('bc'), second.linkId(1), second.linkFrom[1]]).toEqual([
      1,
      -1,
      'ac',
      0,
    ]);
    expect([third.linkIndex('ca'), third.linkIndex('bc'), first.linkIndex('ca')]).toEqual([2, 1, -1]);
    expect(evaluateScenario(first, { blockLinks: ['ab'] }).stalledCount).toBe(2);
    expect(evaluateScenario(second, { blockLinks: ['ab'] }).stalledCount).toBe(1);
  });

  it('refuses unknown ids and links to unknown enterprises, naming them', () => {
    const graph = SupplyGraph.build({
      enterprises: [
        {
          id: 'a',
          kind: 'CHEMICAL',
          region: 'R',
          park: null,
          status: 'OPERATING',
          capacityRecovery: 1,
          dailyCapacity: 1,
        },
      ],
      links: [],
    });
    expect(() => graph.patch({ deleteLinks: ['nope'] })).toThrow(/unknown link nope/);
    expect(() => graph.patch({ deleteEnterprises: ['ghost'] })).toThrow(/unknown enterprise ghost/);
    expect(() =>
      graph.patch({
        upsertLinks: [
          { id: 'l', from: 'a', to: 'b', product: 'p', mode: 'ROAD', volume: 1, status: 'OPEN', inventoryDays: 0 },
        ],
      }),
    ).toThrow(/Links to unknown enterprises: l \(to b\)/);
    expect(() => graph.patch({ linkStatuses: [{ id: 'l', status: 'BLOCKED' }] })).toThrow(/unknown link l/);
    expect(graph.nodeIndex('a')).toBe(0);
  });

  it('keeps a region or product that no longer has any row out of the graph, as a fresh build would', () => {
    const e = (id: string, region: string): EngineEnterprise => ({
      id,
      kind: 'CHEMICAL',
      region,
      park: null,
      status: 'OPERATING',
      capacityRecovery: 1,
      dailyCapacity: null,
    });
    const graph = SupplyGraph.build({
      enterprises: [e('a', 'North'), e('b', 'South')],
      links: [
        { id: 'l', from: 'a', to: 'b', product: 'yarn', mode: 'ROAD', volume: 1, status: 'OPEN', inventoryDays: 0 },
      ],
    });
    const patched = graph.patch({ deleteEnterprises: ['b'] });
    expect(patched.regionIndex('South')).toBe(-1);
    expect(patched.productIndex('yarn')).toBe(-1);
    expect(patched.regionIndex('North')).toBe(0);
    expect(graph.regionIndex('South')).toBe(1);
  });
});
