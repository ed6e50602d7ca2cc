import fc from 'fast-check';
import type { SupplyGraphInput, TransportMode } from '../../src/engine/graph-input';
import type { LinkFilter } from '../../src/engine/link-filter';
import type { BlockSet, SimulationEvent, SimulationInput } from '../../src/engine/simulation/simulation-input';
import { arbitraryGraph } from './random-graphs';

const MODES: TransportMode[] = ['ROAD', 'RAIL', 'WATER'];

/** Random graphs of random-graphs.ts with values, units and some unknown values. */
export const arbitraryValuedGraph = (maxNodes?: number, maxLinks?: number): fc.Arbitrary<SupplyGraphInput> =>
  arbitraryGraph(maxNodes, maxLinks).chain((graph) =>
    fc
      .array(fc.constantFrom(null, 1000, 250, 40), {
        minLength: graph.enterprises.length,
        maxLength: graph.enterprises.length,
      })
      .map((values) => ({
        links: graph.links,
        enterprises: graph.enterprises.map((e, i) => ({ ...e, dailyOutputValue: values[i], unit: i % 2 ? 'm' : 't' })),
      })),
  );

/** A random timeline of events over the graph's own ids. */
export const arbitrarySimulationInput = (graph: SupplyGraphInput): fc.Arbitrary<SimulationInput> => {
  const linkIds = graph.links.map((l) => l.id);
  const enterpriseIds = graph.enterprises.map((e) => e.id);
  const regions = [...new Set(graph.enterprises.map((e) => e.region))];
  const products = [...new Set(graph.links.map((l) => l.product))];
  const filter: fc.Arbitrary<LinkFilter> = fc.record(
    {
      modes: fc.subarray(MODES, { minLength: 1 }),
      products: fc.subarray(products, { minLength: Math.min(1, products.length) }),
      fromRegions: fc.subarray(regions, { minLength: 1 }),
      toRegions: fc.subarray(regions, { minLength: 1 }),
      crossRegion: fc.boolean(),
    },
    { requiredKeys: [] },
  );
  const blockSet: fc.Arbitrary<BlockSet> = fc.record(
    {
      links: fc.subarray(linkIds, { maxLength: Math.min(3, linkIds.length) }),
      enterprises: fc.subarray(enterpriseIds, { maxLength: Math.min(2, enterpriseIds.length) }),
      regions: fc.subarray(regions, { maxLength: 1 }),
      modes: fc.subarray(MODES, { maxLength: 1 }),
      linksWhere: fc.array(filter, { maxLength: 1 }),
    },
    { requiredKeys: [] },
  );
  return fc.integer({ min: 1, max: 12 }).chain((horizon) => {
    const day = fc.nat({ max: horizon - 1 });
    const capacity = fc.array(
      fc.oneof(
        fc.record({ enterpriseId: fc.constantFrom(...enterpriseIds), capacity: fc.constantFrom(0, 0.3, 0.6, 1) }),
        fc.record({ region: fc.constantFrom(...regions), capacity: fc.constantFrom(0, 0.5, 1) }),
      ),
      { maxLength: 2 },
    );
    const loose = fc.record(
      { day, block: blockSet, unblock: blockSet, setCapacity: capacity },
      { requiredKeys: ['day'] },
    );
    // A block lifted later, so that recoveries and refills happen often.
    const window = fc.tuple(day, day, blockSet).map(([a, b, set]): SimulationEvent[] => [
      { day: Math.min(a, b), block: set },
      { day: Math.max(a, b), unblock: set },
    ]);
    return fc.record({
      horizonDays: fc.constant(horizon),
      restockRate: fc.constantFrom(undefined, 0, 0.1, 0.5, 2),
      includeCurrentState: fc.boolean(),
      events: fc
        .tuple(fc.array(loose as fc.Arbitrary<SimulationEvent>, { maxLength: 4 }), fc.array(window, { maxLength: 2 }))
        .map(([events, windows]) => [...events, ...windows.flat()]),
      watch: fc.subarray(enterpriseIds, { maxLength: Math.min(2, enterpriseIds.length) }),
    });
  });
};
