import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSupplyGraph, streamSupplyGraph } from '../../src/generator/generate-supply-graph';
import type { GeneratedSupplyGraph } from '../../src/generator/generate-supply-graph';
import { mulberry32 } from '../../src/generator/mulberry32';
import { KIND_SHARES, LOGISTICS_GOODS_PRICE, PRODUCT_PRICES } from '../../src/generator/generation-products';

const KINDS = new Set([
  'RAW_MATERIAL',
  'CHEMICAL',
  'FIBER',
  'WEAVING',
  'PRINTING_DYEING',
  'GARMENT',
  'MANUFACTURER',
  'MARKET',
  'FOREIGN_TRADE',
  'LOGISTICS',
  'OTHER',
]);
const STATUSES = new Set(['OPERATING', 'PARTIAL', 'STALLED', 'CLOSED']);
const MODES = new Set(['ROAD', 'RAIL', 'WATER', 'AIR', 'PIPELINE', 'LOCAL']);
const PASS_THROUGH = new Set(['MARKET', 'FOREIGN_TRADE', 'LOGISTICS']);

/** Collects every rule violation, then asserts once (fast on thousands of records). */
function expectWellFormed(graph: GeneratedSupplyGraph): void {
  const problems: string[] = [];
  const ids = new Set(graph.enterprises.map((e) => e.id));
  if (ids.size !== graph.enterprises.length) problems.push('duplicate enterprise id');
  if (new Set(graph.links.map((l) => l.id)).size !== graph.links.length) problems.push('duplicate link id');
  const fraction = (x: number): boolean => x >= 0 && x <= 1;
  for (const e of graph.enterprises) {
    if (!KINDS.has(e.kind)) problems.push(`${e.id} kind ${e.kind}`);
    if (!STATUSES.has(e.status)) problems.push(`${e.id} status ${e.status}`);
    if (!fraction(e.capacityRecovery) || !fraction(e.workforceReturned)) problems.push(`${e.id} fraction`);
    if (!(e.dailyCapacity > 0)) problems.push(`${e.id} dailyCapacity`);
    if (!(e.dailyOutputValue > 0) || !Number.isInteger(e.dailyOutputValue)) problems.push(`${e.id} dailyOutputValue`);
  }
  for (const l of graph.links) {
    if (!ids.has(l.from) || !ids.has(l.to)) problems.push(`${l.id} dangling`);
    if (l.from === l.to) problems.push(`${l.id} self loop`);
    if (!MODES.has(l.mode)) problems.push(`${l.id} mode ${l.mode}`);
    if (l.status !== 'OPEN' && l.status !== 'BLOCKED') problems.push(`${l.id} status ${l.status}`);
    if (!(l.volume > 0) || !(l.inventoryDays >= 0)) problems.push(`${l.id} volume/inventory`);
  }
  expect(problems.slice(0, 10)).toEqual([]);
}

describe('mulberry32', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = mulberry32(123);
    const b = mulberry32(123);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    expect(mulberry32(124)()).not.toBe(mulberry32(123)());
  });
});

describe('generateSupplyGraph', () => {
  const graph = generateSupplyGraph({ enterprises: 5000, seed: 42 });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateSupplyGraph({ enterprises: 5000, seed: 42 })).toEqual(graph);
    const other = generateSupplyGraph({ enterprises: 5000, seed: 43 });
    expect(other.links.map((l) => `${l.from}>${l.to}`)).not.toEqual(graph.links.map((l) => `${l.from}>${l.to}`));
  });

  it('streams the same records it returns as arrays', () => {
    const streams = streamSupplyGraph({ enterprises: 5000, seed: 42 });
    expect([...streams.links()]).toEqual(graph.links);
    expect([...streams.enterprises()]).toEqual(graph.enterprises);
  });

  it('has stable, padded ids', () => {
    expect(graph.enterprises[123].id).toBe('g-e-0000123');
    expect(graph.links[456].id).toBe('g-l-0000456');
  });

  it('is well formed: unique ids, endpoints exist, enums and fractions valid', () => {
    expectWellFormed(graph);
  });

  it('values output by what an enterprise makes and how much: capacity times its product price, within 25%', () => {
    const problems: string[] = [];
    for (const e of graph.enterprises) {
      const share = KIND_SHARES.find((k) => k.kind === e.kind)!;
      const prices =
        e.kind === 'LOGISTICS'
          ? [LOGISTICS_GOODS_PRICE]
          : share.outputs.length > 0
            ? share.outputs.map(([p]) => PRODUCT_PRICES[p])
            : PRODUCT_PRICES;
      const perUnit = e.dailyOutputValue / e.dailyCapacity;
      if (!prices.some((price) => perUnit >= price * 0.74 && perUnit <= price * 1.26))
        problems.push(`${e.id} (${e.kind}): ${perUnit} CNY per ${e.unit}`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
    // A dyeing plant's day is worth more than a dyestuff maker's, a garment maker's more than an accessory maker's.
    const median = (kind: string) => {
      const values = graph.enterprises.filter((e) => e.kind === kind).map((e) => e.dailyOutputValue);
      return values.sort((x, y) => x - y)[Math.floor(values.length / 2)];
    };
    expect(median('PRINTING_DYEING')).toBeGreaterThan(median('CHEMICAL'));
    expect(median('GARMENT')).toBeGreaterThan(median('CHEMICAL'));
  });

  it('has about four links per enterprise', () => {
    const perEnterprise = graph.links.length / graph.enterprises.length;
    expect(perEnterprise).toBeGreaterThan(3.5);
    expect(perEnterprise).toBeLessThan(4.5);
  });

  it('multi-sources some inputs (2-3 suppliers of one product) and single-sources others', () => {
    const suppliers = new Map<string, Set<string>>();
    for (const l of graph.links) {
      const key = `${l.to}|${l.product}`;
      const set = suppliers.get(key) ?? new Set<string>();
      set.add(l.from);
      suppliers.set(key, set);
    }
    const sizes = [...suppliers.values()].map((s) => s.size);
    expect(sizes.filter((n) => n >= 2).length).toBeGreaterThan(sizes.length * 0.2);
    expect(sizes.filter((n) => n === 1).length).toBeGreaterThan(sizes.length * 0.2);
  });

  it('skews customer counts: a few suppliers have many customers', () => {
    const customers = new Map<string, number>();
    for (const l of graph.links) customers.set(l.from, (customers.get(l.from) ?? 0) + 1);
    const counts = [...customers.values()].sort((a, b) => b - a);
    const median = counts[Math.floor(counts.length / 2)];
    expect(counts[0]).toBeGreaterThan(10 * median);
  });

  it('has pass-through nodes forwarding products, and logistics hubs on ROAD, RAIL and WATER', () => {
    const kindOf = new Map(graph.enterprises.map((e) => [e.id, e.kind]));
    for (const kind of PASS_THROUGH) {
      const inbound = new Set(graph.links.filter((l) => kindOf.get(l.to) === kind).map((l) => `${l.to}|${l.product}`));
      const forwarded = graph.links.filter((l) => kindOf.get(l.from) === kind && inbound.has(`${l.from}|${l.product}`));
      expect(forwarded.length, kind).toBeGreaterThan(0);
    }
    const hubModes = new Set(graph.links.filter((l) => kindOf.get(l.from) === 'LOGISTICS').map((l) => l.mode));
    for (const mode of ['ROAD', 'RAIL', 'WATER']) expect(hubModes.has(mode as never), mode).toBe(true);
  });

  it('covers the tiers, 20+ regions, inventory buffers and a small share of non-running states', () => {
    const kinds = new Set(graph.enterprises.map((e) => e.kind));
    for (const kind of KINDS) expect(kinds.has(kind as never), kind).toBe(true);
    expect(new Set(graph.enterprises.map((e) => e.region)).size).toBeGreaterThanOrEqual(20);
    expect(graph.links.filter((l) => l.inventoryDays > 0).length).toBeGreaterThan(graph.links.length * 0.2);
    const operating = graph.enterprises.filter((e) => e.status === 'OPERATING').length / graph.enterprises.length;
    expect(operating).toBeGreaterThan(0.85);
    expect(operating).toBeLessThan(1);
    const blocked = graph.links.filter((l) => l.status === 'BLOCKED').length;
    expect(blocked).toBeGreaterThan(0);
    expect(blocked).toBeLessThan(graph.links.length * 0.02);
  });

  it('handles tiny graphs', () => {
    expect(generateSupplyGraph({ enterprises: 0, seed: 1 })).toEqual({ enterprises: [], links: [] });
    const one = generateSupplyGraph({ enterprises: 1, seed: 1 });
    expect(one.enterprises).toHaveLength(1);
    expect(one.links).toHaveLength(0);
    const ten = generateSupplyGraph({ enterprises: 10, seed: 1 });
    expect(ten.enterprises).toHaveLength(10);
    expectWellFormed(ten);
    // the first ten form a chain from raw material to a port
    expect(ten.enterprises.map((e) => e.kind)).toEqual([
      'RAW_MATERIAL',
      'RAW_MATERIAL',
      'CHEMICAL',
      'FIBER',
      'WEAVING',
      'PRINTING_DYEING',
      'MARKET',
      'GARMENT',
      'FOREIGN_TRADE',
      'LOGISTICS',
    ]);
    expect(ten.links.some((l) => l.product === 'dyed fabric')).toBe(true);
    expect(ten.links.some((l) => l.to === 'g-e-0000009')).toBe(true);
  });

  it('rejects invalid sizes and seeds', () => {
    expect(() => generateSupplyGraph({ enterprises: -1, seed: 1 })).toThrow(RangeError);
    expect(() => generateSupplyGraph({ enterprises: 1.5, seed: 1 })).toThrow(RangeError);
    expect(() => generateSupplyGraph({ enterprises: 10, seed: Number.NaN })).toThrow(RangeError);
  });

  it('is well formed for any small size and seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: -1000, max: 1_000_000 }), (n, seed) => {
        expectWellFormed(generateSupplyGraph({ enterprises: n, seed }));
      }),
      { numRuns: 40 },
    );
  });
});
