import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SupplyGraph,
  evaluateScenario,
  rankCriticalEnterprises,
  rankCriticalLinks,
  type CriticalEntry,
  type CriticalMeasure,
} from '../../src/engine';
import { enterprise, link } from './graph-builders';
import { arbitraryGraph } from './random-graphs';

type Impact = { stalledCount: number; lostOutputValue: number };

/** Every candidate blocked alone through the public evaluateScenario, then sorted by the documented order. */
function bruteForce(
  ids: string[],
  impact: (id: string) => Impact,
  measure: CriticalMeasure,
  top: number,
): Omit<CriticalEntry, 'index'>[] {
  const entries = ids.map((id) => {
    const { stalledCount, lostOutputValue } = impact(id);
    return { id, stalledCount, lostOutputValue };
  });
  const primary = (e: Impact) => (measure === 'STALLED_COUNT' ? e.stalledCount : e.lostOutputValue);
  const secondary = (e: Impact) => (measure === 'STALLED_COUNT' ? e.lostOutputValue : e.stalledCount);
  const hasImpact = (e: Impact) => e.stalledCount > 0 || e.lostOutputValue > 0;
  entries.sort((a, b) => {
    if (hasImpact(a) !== hasImpact(b)) return hasImpact(a) ? -1 : 1;
    if (!hasImpact(a)) return a.id < b.id ? -1 : 1;
    return primary(b) - primary(a) || secondary(b) - secondary(a) || (a.id < b.id ? -1 : 1);
  });
  return entries.slice(0, top).map((e) => (hasImpact(e) ? e : { ...e, stalledCount: 0, lostOutputValue: 0 }));
}

const strip = (entries: CriticalEntry[]) =>
  entries.map(({ id, stalledCount, lostOutputValue }) => ({ id, stalledCount, lostOutputValue }));

/** Rankings equal the brute force: the same ids in the same order, counts exact, values to 1e-6. */
function expectSameRanking(actual: CriticalEntry[], expected: Omit<CriticalEntry, 'index'>[]): void {
  const ranked = strip(actual);
  expect(ranked.map((e) => e.id)).toEqual(expected.map((e) => e.id));
  ranked.forEach((e, i) => {
    expect(e.stalledCount).toBe(expected[i].stalledCount);
    expect(e.lostOutputValue).toBeCloseTo(expected[i].lostOutputValue, 6);
  });
}

describe('rankCriticalLinks and rankCriticalEnterprises', () => {
  it('rank the chain links by how much stalls downstream of them, and by lost output value over producers', () => {
    const graph = SupplyGraph.build({
      enterprises: [
        enterprise('F', 'FIBER', { dailyOutputValue: 5 }),
        enterprise('D', 'PRINTING_DYEING', { dailyOutputValue: 100 }),
        enterprise('M', 'MARKET', { dailyOutputValue: 50 }),
        enterprise('T', 'FOREIGN_TRADE', { dailyOutputValue: 20 }),
      ],
      links: [link('F', 'D', 'yarn'), link('D', 'M', 'dyed fabric'), link('M', 'T', 'dyed fabric')],
    });
    expect(strip(rankCriticalLinks(graph, { top: 5, measure: 'STALLED_COUNT' }))).toEqual([
      { id: 'F->D', stalledCount: 3, lostOutputValue: 100 },
      { id: 'D->M', stalledCount: 2, lostOutputValue: 0 },
      { id: 'M->T', stalledCount: 1, lostOutputValue: 0 },
    ]);
    // The market and the trade firm forward D's fabric: their loss is trade value, which does not rank.
    expect(strip(rankCriticalEnterprises(graph, { top: 2, measure: 'LOST_OUTPUT' }))).toEqual([
      { id: 'F', stalledCount: 4, lostOutputValue: 105 },
      { id: 'D', stalledCount: 3, lostOutputValue: 100 },
    ]);
    expect(
      rankCriticalLinks(graph, { top: 5, measure: 'STALLED_COUNT', candidate: (l) => l !== 0 }).map((e) => e.id),
    ).toEqual(['D->M', 'M->T']);
  });

  it('within a duration, count only what stalls before it ends', () => {
    const graph = SupplyGraph.build({
      enterprises: [
        enterprise('C', 'CHEMICAL', { dailyOutputValue: 10 }),
        enterprise('D', 'PRINTING_DYEING', { dailyOutputValue: 100 }),
        enterprise('W', 'WEAVING', { dailyOutputValue: 30 }),
        enterprise('G', 'GARMENT', { dailyOutputValue: 60 }),
      ],
      links: [
        link('C', 'D', 'dyestuff', { inventoryDays: 5 }),
        link('W', 'G', 'grey fabric', { inventoryDays: 1 }),
        link('D', 'G', 'dyed fabric', { inventoryDays: 0 }),
      ],
    });
    const unbounded = strip(rankCriticalLinks(graph, { top: 3, measure: 'STALLED_COUNT' }));
    expect(unbounded.map((e) => e.id)).toEqual(['C->D', 'D->G', 'W->G']);
    const threeDays = strip(rankCriticalLinks(graph, { top: 3, measure: 'STALLED_COUNT', durationDays: 3 }));
    expect(threeDays).toEqual([
      { id: 'D->G', stalledCount: 1, lostOutputValue: 60 },
      { id: 'W->G', stalledCount: 1, lostOutputValue: 60 },
      { id: 'C->D', stalledCount: 0, lostOutputValue: 0 },
    ]);
    expect(() => rankCriticalLinks(graph, { top: 1, measure: 'STALLED_COUNT', durationDays: 0 })).toThrow(RangeError);
  });

  it('agree with blocking every candidate alone through evaluateScenario, over random graphs, durations and candidates', () => {
    fc.assert(
      fc.property(
        arbitraryGraph(8, 16),
        fc.boolean(),
        fc.constantFrom<CriticalMeasure>('STALLED_COUNT', 'LOST_OUTPUT'),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(null, null, 0.5, 2, 4, 10),
        fc.constantFrom(null, 2, 3),
        (input, includeCurrentState, measure, top, durationDays, every) => {
          const graph = SupplyGraph.build(input);
          // A candidate filter: every n-th link and enterprise, or all of them.
          const chosen = <T extends { id: string }>(rows: readonly T[]) =>
            rows.filter((_, i) => every === null || i % every === 0).map((r) => r.id);
          const linkImpact = (id: string) =>
            evaluateScenario(graph, { blockLinks: [id], includeCurrentState, durationDays });
          const nodeImpact = (id: string) =>
            evaluateScenario(graph, { blockEnterprises: [id], includeCurrentState, durationDays });
          const candidate = (ids: string[], idOf: (i: number) => string) => {
            const allowed = new Set(ids);
            return (i: number) => allowed.has(idOf(i));
          };
          expectSameRanking(
            rankCriticalLinks(graph, {
              top,
              measure,
              includeCurrentState,
              durationDays,
              candidate: candidate(chosen(input.links), (l) => graph.linkId(l)),
            }),
            bruteForce(chosen(input.links), linkImpact, measure, top),
          );
          expectSameRanking(
            rankCriticalEnterprises(graph, {
              top,
              measure,
              includeCurrentState,
              durationDays,
              candidate: candidate(chosen(input.enterprises), (v) => graph.enterpriseId(v)),
            }),
            bruteForce(chosen(input.enterprises), nodeImpact, measure, top),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
