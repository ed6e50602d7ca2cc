import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SupplyGraph, evaluateScenario, listTrajectories, simulate, type SupplyGraphInput } from '../../src/engine';
import { arbitraryGraph, arbitraryScenario } from './random-graphs';

/** Random graphs where every product of every customer has one supplier, and every link carries volume. */
const arbitrarySingleSupplierGraph = arbitraryGraph(12, 26).map((graph): SupplyGraphInput => {
  const seen = new Set<string>();
  const links = graph.links
    .filter((l) => {
      const key = `${l.to}\u0000${l.product}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    // Fractional inventory days too, so that ceil matters.
    .map((l) => ({
      ...l,
      volume: l.volume === 0 ? 1 : l.volume,
      inventoryDays: l.inventoryDays === 3 ? 2.5 : l.inventoryDays,
    }));
  return { enterprises: graph.enterprises, links };
});

describe('§9 is consistent with §5 (time to stall)', () => {
  it('with one supplier per product, everything running, blocks from day 0 for the whole horizon and rho = 0, an enterprise first stalls on day ceil(T(v)) for every T(v) < H', () => {
    fc.assert(
      fc.property(
        arbitrarySingleSupplierGraph.chain((graph) =>
          fc.tuple(fc.constant(graph), arbitraryScenario(graph), fc.integer({ min: 1, max: 12 })),
        ),
        ([graphInput, scenario, horizon]) => {
          const graph = SupplyGraph.build(graphInput);
          // Everything running in the base: an enterprise at capacity c < 1 consumes its stock at c times the
          // normal rate (C = N x f), so its stock outlasts T(v); §5 counts inventory days at full rate.
          const impact = evaluateScenario(graph, { ...scenario, includeCurrentState: false, durationDays: horizon });
          const simulation = simulate(graph, {
            horizonDays: horizon,
            restockRate: 0,
            events: [
              {
                day: 0,
                block: {
                  links: scenario.blockLinks,
                  enterprises: scenario.blockEnterprises,
                  regions: scenario.blockRegions,
                  modes: scenario.blockModes,
                  linksWhere: scenario.blockLinksWhere,
                },
              },
            ],
          });
          const expected = new Map<string, number>();
          for (const a of impact.affected) {
            if (a.stalled && Math.ceil(a.stallsOnDay!) < horizon) {
              expected.set(a.id, Math.ceil(a.stallsOnDay!));
            }
          }
          const stalledInSimulation = new Map<string, number>();
          for (const t of listTrajectories(graph, simulation)) {
            if (t.firstStallDay !== null) stalledInSimulation.set(t.id, t.firstStallDay);
          }
          expect(stalledInSimulation).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});
