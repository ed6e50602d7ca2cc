import fc from 'fast-check';
import type {
  EngineEnterprise,
  EngineLink,
  EnterpriseKind,
  SupplyGraphInput,
  TransportMode,
} from '../../src/engine/graph-input';
import type { Scenario } from '../../src/engine/scenario';

const KINDS: EnterpriseKind[] = [
  'CHEMICAL',
  'WEAVING',
  'PRINTING_DYEING',
  'GARMENT',
  'MARKET',
  'LOGISTICS',
  'FOREIGN_TRADE',
];
const REGIONS = ['Keqiao', 'Songjiang', 'Fuquan'];
const PRODUCTS = ['dyestuff', 'grey fabric', 'dyed fabric'];
const MODES: TransportMode[] = ['ROAD', 'RAIL', 'WATER'];

/** Small random supply graphs: cycles, self-loops, multi-sourced products, pass-throughs, current states. */
export const arbitraryGraph = (maxNodes = 10, maxLinks = 22): fc.Arbitrary<SupplyGraphInput> =>
  fc.integer({ min: 1, max: maxNodes }).chain((n) =>
    fc
      .record({
        enterprises: fc.array(
          fc.record({
            kind: fc.constantFrom(...KINDS),
            region: fc.constantFrom(...REGIONS),
            status: fc.constantFrom('OPERATING', 'OPERATING', 'OPERATING', 'PARTIAL', 'STALLED', 'CLOSED' as const),
            capacityRecovery: fc.constantFrom(1, 1, 0.8, 0.5, 0),
            dailyCapacity: fc.constantFrom(null, 10, 100),
            dailyOutputValue: fc.constantFrom(null, 50, 1000, 20000),
          }),
          { minLength: n, maxLength: n },
        ),
        links: fc.array(
          fc.record({
            from: fc.nat({ max: n - 1 }),
            to: fc.nat({ max: n - 1 }),
            product: fc.constantFrom(...PRODUCTS),
            mode: fc.constantFrom(...MODES),
            volume: fc.constantFrom(null, 1, 2, 5, 0),
            status: fc.constantFrom('OPEN', 'OPEN', 'OPEN', 'BLOCKED' as const),
            inventoryDays: fc.constantFrom(null, 0, 1, 3, 5),
          }),
          { maxLength: maxLinks },
        ),
      })
      .map(({ enterprises, links }) => ({
        enterprises: enterprises.map((e, i): EngineEnterprise => ({ id: `e${i}`, park: null, ...e })),
        links: links.map((l, i): EngineLink => ({ ...l, id: `l${i}`, from: `e${l.from}`, to: `e${l.to}` })),
      })),
  );

/** A random scenario over the given graph's ids. */
export const arbitraryScenario = (graph: SupplyGraphInput): fc.Arbitrary<Scenario> =>
  fc.record({
    blockLinks: fc.subarray(
      graph.links.map((l) => l.id),
      { maxLength: Math.min(3, graph.links.length) },
    ),
    blockEnterprises: rarely(
      fc.subarray(
        graph.enterprises.map((e) => e.id),
        { maxLength: Math.min(2, graph.enterprises.length) },
      ),
    ),
    blockRegions: rarely(fc.subarray([...new Set(graph.enterprises.map((e) => e.region))], { maxLength: 1 })),
    blockModes: rarely(fc.subarray(MODES, { maxLength: 1 })),
    blockLinksWhere: rarely(
      fc.array(
        fc.record(
          {
            modes: fc.subarray(MODES, { maxLength: 2 }),
            products: fc.subarray([...new Set(graph.links.map((l) => l.product))]),
            fromRegions: fc.subarray([...new Set(graph.enterprises.map((e) => e.region))]),
            crossRegion: fc.boolean(),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 2 },
      ),
    ),
    includeCurrentState: fc.boolean(),
    durationDays: fc.constantFrom(undefined, null, 0.5, 1, 2, 4, 6, 10),
  });

export const arbitraryGraphAndScenario = (maxNodes?: number, maxLinks?: number) =>
  arbitraryGraph(maxNodes, maxLinks).chain((graph) =>
    arbitraryScenario(graph).map((scenario) => ({ graph, scenario })),
  );

/** Mostly empty: blocks of whole regions or modes would otherwise dominate every scenario. */
function rarely<T>(arbitrary: fc.Arbitrary<T[]>): fc.Arbitrary<T[]> {
  return fc.oneof({ arbitrary: fc.constant<T[]>([]), weight: 3 }, { arbitrary, weight: 1 });
}
