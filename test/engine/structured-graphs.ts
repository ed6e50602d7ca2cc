import fc from 'fast-check';
import type {
  EngineEnterprise,
  EngineLink,
  EnterpriseKind,
  SupplyGraphInput,
  TransportMode,
} from '../../src/engine/graph-input';
import type { Scenario } from '../../src/engine/scenario';

const PRODUCERS: EnterpriseKind[] = ['CHEMICAL', 'WEAVING', 'PRINTING_DYEING', 'GARMENT'];
const PASS_THROUGHS: EnterpriseKind[] = ['MARKET', 'LOGISTICS', 'FOREIGN_TRADE'];
const PRODUCTS = ['dyestuff', 'grey fabric', 'dyed fabric'];
const MODES: TransportMode[] = ['ROAD', 'RAIL', 'WATER'];

/** A deterministic random stream for the shapes below (fast-check supplies the seed). */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

interface Shape {
  enterprises: EngineEnterprise[];
  links: EngineLink[];
  random: () => number;
}

function shape(seed: number): Shape {
  return { enterprises: [], links: [], random: randomFrom(seed) };
}

function addEnterprise(s: Shape, passThroughShare: number): string {
  const r = s.random;
  const id = `e${s.enterprises.length}`;
  const passThrough = r() < passThroughShare;
  const kinds = passThrough ? PASS_THROUGHS : PRODUCERS;
  s.enterprises.push({
    id,
    kind: kinds[Math.floor(r() * kinds.length)],
    region: r() < 0.5 ? 'Keqiao' : 'Fuquan',
    park: null,
    status: r() < 0.03 ? 'STALLED' : r() < 0.1 ? 'PARTIAL' : 'OPERATING',
    capacityRecovery: r() < 0.2 ? 0.5 : 1,
    dailyCapacity: r() < 0.2 ? null : 1 + Math.floor(r() * 100),
  });
  return id;
}

function addLink(s: Shape, from: string, to: string, product: string): string {
  const r = s.random;
  const id = `l${s.links.length}`;
  s.links.push({
    id,
    from,
    to,
    product,
    mode: MODES[Math.floor(r() * MODES.length)],
    volume: r() < 0.3 ? null : 1 + Math.floor(r() * 9),
    status: r() < 0.02 ? 'BLOCKED' : 'OPEN',
    inventoryDays: r() < 0.6 ? null : Math.floor(r() * 6),
  });
  return id;
}

/** Fisher-Yates on a copy: input order unrelated to the chain, so indices do not follow it. */
function shuffled<T>(items: T[], random: () => number): T[] {
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/**
 * A chain of `length` enterprises, each supplying the next, with a few side
 * suppliers of the same product (multi-sourcing), a few second inputs, and
 * the enterprises listed in random order.
 */
export function longChain(length: number, seed: number): SupplyGraphInput & { head: string } {
  const s = shape(seed);
  const chain: string[] = [];
  for (let i = 0; i < length; i++) chain.push(addEnterprise(s, 0.3));
  let head = '';
  let product = PRODUCTS[0];
  for (let i = 1; i < length; i++) {
    // A producer makes something else; a pass-through forwards what it gets.
    const passes = PASS_THROUGHS.includes(s.enterprises[i - 1].kind);
    if (!passes) product = PRODUCTS[i % PRODUCTS.length];
    const link = addLink(s, chain[i - 1], chain[i], product);
    if (i === 1) head = link;
    if (s.random() < 0.05) addLink(s, addEnterprise(s, 0), chain[i], product);
    if (s.random() < 0.03) addLink(s, addEnterprise(s, 0), chain[i], 'auxiliaries');
  }
  // Start of the chain operating and open, so that blocking its head cuts everything downstream.
  s.enterprises[0] = { ...s.enterprises[0], status: 'OPERATING' };
  s.links[0] = { ...s.links[0], status: 'OPEN' };
  return { enterprises: shuffled(s.enterprises, s.random), links: shuffled(s.links, s.random), head };
}

/**
 * Many small strongly connected groups and one big one: random links inside
 * each group (self-loops included) closed into a ring so every group is one
 * component, and links from each group to later ones.
 */
export function denseCycles(groups: number, bigSize: number, seed: number): SupplyGraphInput {
  const s = shape(seed);
  const members: string[][] = [];
  for (let g = 0; g < groups; g++) {
    const size = g === 0 ? bigSize : 2 + Math.floor(s.random() * 5);
    const group: string[] = [];
    for (let i = 0; i < size; i++) group.push(addEnterprise(s, 0.4));
    members.push(group);
  }
  for (const group of members) {
    const product = PRODUCTS[Math.floor(s.random() * PRODUCTS.length)];
    for (let i = 0; i < group.length; i++) addLink(s, group[i], group[(i + 1) % group.length], product);
    const extra = group.length * 2;
    for (let k = 0; k < extra; k++) {
      const from = group[Math.floor(s.random() * group.length)];
      const to = group[Math.floor(s.random() * group.length)];
      addLink(s, from, to, s.random() < 0.8 ? product : PRODUCTS[Math.floor(s.random() * PRODUCTS.length)]);
    }
  }
  for (let g = 1; g < groups; g++) {
    const earlier = members[Math.floor(s.random() * g)];
    const group = members[g];
    for (let k = 0; k < 2; k++) {
      const from = earlier[Math.floor(s.random() * earlier.length)];
      const to = group[Math.floor(s.random() * group.length)];
      addLink(s, from, to, PRODUCTS[Math.floor(s.random() * PRODUCTS.length)]);
    }
  }
  return { enterprises: shuffled(s.enterprises, s.random), links: shuffled(s.links, s.random) };
}

/** A scenario of a few random blocks over the graph, sometimes with a window. */
export const scenarioOver = (graph: SupplyGraphInput, extraLinks: string[] = []): fc.Arbitrary<Scenario> =>
  fc.record({
    blockLinks: fc
      .subarray(
        graph.links.map((l) => l.id),
        { maxLength: 3 },
      )
      .map((ids) => [...new Set([...ids, ...extraLinks])]),
    blockEnterprises: fc.subarray(
      graph.enterprises.map((e) => e.id),
      { maxLength: 2 },
    ),
    includeCurrentState: fc.boolean(),
    durationDays: fc.constantFrom(undefined, 2, 4.5),
  });
