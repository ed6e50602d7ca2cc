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

/** Every candidate blocked alone through the public evaluateScenario, then sorted by the documented order. */
function bruteForce(
  ids: string[],
  impact: (id: string) => { stalledCount: number; lostDailyOutput: number },
  measure: CriticalMeasure,
  top: number,
): Omit<CriticalEntry, 'index'>[] {
  const entries = ids.map((id) => ({ id, ...impact(id) }));
  const primary = (e: { stalledCount: number; lostDailyOutput: number }) =>
    measure === 'STALLED_COUNT' ? e.stalledCount : e.lostDailyOutput;
  const secondary = (e: { stalledCount: number; lostDailyOutput: number }) =>
    measure === 'STALLED_COUNT' ? e.lostDailyOutput : e.stalledCount;
  const hasImpact = (e: { stalledCount: number; lostDailyOutput: number }) =>
    e.stalledCount > 0 || e.lostDailyOutput > 0;
  entries.sort((a, b) => {
    if (hasImpact(a) !== hasImpact(b)) return hasImpact(a) ? -1 : 1;
    if (!hasImpact(a)) return a.id < b.id ? -1 : 1;
    return primary(b) - primary(a) || secondary(b) - secondary(a) || (a.id < b.id ? -1 : 1);
  });
  return entries.slice(0, top).map((e) => (hasImpact(e) ? e : { ...e, stalledCount: 0, lostDailyOutput: 0 }));
}

const strip = (entries: CriticalEntry[]) =>
  entries.map(({ id, stalledCount, lostDailyOutput }) => ({ id, stalledCount, lostDailyOutput }));

describe('rankCriticalLinks and rankCriticalEnterprises', () => {
  it('rank the chain links by how much stalls downstream of them', () => {
    const graph = SupplyGraph.build({
      enterprises: [
        enterprise('F', 'FIBER', { dailyCapacity: 5 }),
        enterprise('D', 'PRINTING_DYEING', { dailyCapacity: 100 }),
        enterprise('M', 'MARKET', { dailyCapacity: 50 }),
        enterprise('T', 'FOREIGN_TRADE', { dailyCapacity: 20 }),
      ],
      links: [link('F', 'D', 'yarn'), link('D', 'M', 'dyed fabric'), link('M', 'T', 'dyed fabric')],
    });
    expect(strip(rankCriticalLinks(graph, { top: 5, measure: 'STALLED_COUNT' }))).toEqual([
      { id: 'F->D', stalledCount: 3, lostDailyOutput: 170 },
      { id: 'D->M', stalledCount: 2, lostDailyOutput: 70 },
      { id: 'M->T', stalledCount: 1, lostDailyOutput: 20 },
    ]);
    expect(rankCriticalEnterprises(graph, { top: 2, measure: 'LOST_OUTPUT' }).map((e) => e.id)).toEqual(['F', 'D']);
    expect(
      rankCriticalLinks(graph, { top: 5, measure: 'STALLED_COUNT', candidate: (l) => l !== 0 }).map((e) => e.id),
    ).toEqual(['D->M', 'M->T']);
  });

  it('agree with blocking every candidate alone through evaluateScenario, over random graphs', () => {
    fc.assert(
      fc.property(
        arbitraryGraph(8, 16),
        fc.boolean(),
        fc.constantFrom<CriticalMeasure>('STALLED_COUNT', 'LOST_OUTPUT'),
        fc.integer({ min: 1, max: 12 }),
        (input, includeCurrentState, measure, top) => {
          const graph = SupplyGraph.build(input);
          const linkImpact = (id: string) => evaluateScenario(graph, { blockLinks: [id], includeCurrentState });
          const nodeImpact = (id: string) => evaluateScenario(graph, { blockEnterprises: [id], includeCurrentState });
          const expectedLinks = bruteForce(
            input.links.map((l) => l.id),
            linkImpact,
            measure,
            top,
          );
          const expectedNodes = bruteForce(
            input.enterprises.map((e) => e.id),
            nodeImpact,
            measure,
            top,
          );
          const links = strip(rankCriticalLinks(graph, { top, measure, includeCurrentState }));
          const nodes = strip(rankCriticalEnterprises(graph, { top, measure, includeCurrentState }));
          expect(links.map((e) => e.id)).toEqual(expectedLinks.map((e) => e.id));
          expect(nodes.map((e) => e.id)).toEqual(expectedNodes.map((e) => e.id));
          links.forEach((e, i) => {
            expect(e.stalledCount).toBe(expectedLinks[i].stalledCount);
            expect(e.lostDailyOutput).toBeCloseTo(expectedLinks[i].lostDailyOutput, 9);
          });
          nodes.forEach((e, i) => {
            expect(e.stalledCount).toBe(expectedNodes[i].stalledCount);
            expect(e.lostDailyOutput).toBeCloseTo(expectedNodes[i].lostDailyOutput, 9);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
