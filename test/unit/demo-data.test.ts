import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Integrity of data/demo.json (import format of README §7) and the
 * figures data/README.md promises: Fuquan 92 of 92 resumed, Keqiao 0.92
 * capacity-weighted recovery, and the what-if examples it names.
 */

interface DemoEnterprise {
  id: string;
  name: string;
  nameLocal: string;
  kind: string;
  region: string;
  park: string;
  lat: number;
  lon: number;
  status: string;
  capacityRecovery: number;
  workforceReturned: number;
  dailyCapacity: number;
  unit: string;
  dailyOutputValue?: number;
  whitelisted: boolean;
  source: string;
  note: string;
}

interface DemoLink {
  id: string;
  from: string;
  to: string;
  product: string;
  mode: string;
  volume: number;
  unit: string;
  status: string;
  inventoryDays: number;
  source?: string;
  note?: string;
}

const demo = JSON.parse(readFileSync(join(__dirname, '../../data/demo.json'), 'utf8')) as {
  enterprises: DemoEnterprise[];
  links: DemoLink[];
};
const { enterprises, links } = demo;
const byId = new Map(enterprises.map((e) => [e.id, e]));

/** The dated history of data/demo-history.json. */
interface DemoStatusChange {
  id: string;
  at: string;
  status: string;
  capacityRecovery: number;
  workforceReturned: number;
  note: string;
}
const history = JSON.parse(readFileSync(join(__dirname, '../../data/demo-history.json'), 'utf8')) as {
  enterprises: DemoStatusChange[];
  links: { id: string; at: string; status: string; reason: string }[];
};

/** The prices of data/demo-prices.json that the values are derived from. */
const prices = JSON.parse(readFileSync(join(__dirname, '../../data/demo-prices.json'), 'utf8')) as {
  products: Record<string, { unit: string; price: number }>;
  madeBy: { idPrefix: string; product: string; unit: string; price: number }[];
};

/** The status rule of data/README.md: STALLED or CLOSED iff no capacity, else OPERATING from 0.95, else PARTIAL. */
function statusRuleHolds(status: string, capacityRecovery: number): boolean {
  if (status === 'STALLED' || status === 'CLOSED') return capacityRecovery === 0;
  return capacityRecovery > 0 && (status === 'OPERATING') === capacityRecovery >= 0.95;
}

const KINDS = [
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
];
const STATUSES = ['OPERATING', 'PARTIAL', 'STALLED', 'CLOSED'];
const MODES = ['ROAD', 'RAIL', 'WATER', 'AIR', 'PIPELINE', 'LOCAL'];
const PASS_THROUGH = new Set(['MARKET', 'FOREIGN_TRADE', 'LOGISTICS']);
const REPORTS = [
  '000_3c0cad088b9b8758.txt',
  '001_0d46fde0b0c5cd20.txt',
  '002_bda905828655d4a4.txt',
  '003_40802aa4b065bc9e.txt',
  '004_ad7e9ed414415fbe.txt',
  'illustrative',
];
const ENTERPRISE_FIELDS = [
  'id',
  'name',
  'nameLocal',
  'kind',
  'region',
  'park',
  'lat',
  'lon',
  'status',
  'capacityRecovery',
  'workforceReturned',
  'dailyCapacity',
  'unit',
  'whitelisted',
  'source',
  'note',
];
const LINK_FIELDS = ['id', 'from', 'to', 'product', 'mode', 'volume', 'unit', 'status', 'inventoryDays'];

function weightedRecovery(list: DemoEnterprise[]): number {
  const total = list.reduce((s, e) => s + e.dailyCapacity, 0);
  return list.reduce((s, e) => s + e.dailyCapacity * e.capacityRecovery, 0) / total;
}

/**
 * The stall rule of README §3, greatest solution by iteration: returns
 * the ids stalled by a scenario compared with the all-running baseline.
 */
function stalledBy(scenario: { blockLinks?: string[]; blockEnterprises?: string[]; blockModes?: string[] }): string[] {
  const solve = (blocked: { links: Set<string>; enterprises: Set<string>; modes: Set<string> }) => {
    const linkBlocked = (l: DemoLink) => blocked.links.has(l.id) || blocked.modes.has(l.mode);
    const outputs = new Map<string, Set<string>>();
    for (const e of enterprises) {
      const touching = links.filter((l) => l.from === e.id || (PASS_THROUGH.has(e.kind) && l.to === e.id));
      const products = new Set(touching.map((l) => l.product));
      outputs.set(e.id, blocked.enterprises.has(e.id) ? new Set() : products);
    }
    const running = new Map(enterprises.map((e) => [e.id, !blocked.enterprises.has(e.id)]));
    const inbound = new Map<string, DemoLink[]>();
    for (const l of links) inbound.set(l.to, [...(inbound.get(l.to) ?? []), l]);
    const delivers = (l: DemoLink) => !linkBlocked(l) && (outputs.get(l.from)?.has(l.product) ?? false);
    for (let changed = true; changed;) {
      changed = false;
      for (const e of enterprises) {
        if (!running.get(e.id)) continue;
        const ins = inbound.get(e.id) ?? [];
        const products = new Set(ins.map((l) => l.product));
        const out = outputs.get(e.id) ?? new Set<string>();
        if (PASS_THROUGH.has(e.kind)) {
          for (const p of products) {
            if (out.has(p) && !ins.some((l) => l.product === p && delivers(l))) {
              out.delete(p);
              changed = true;
            }
          }
          if (out.size === 0) running.set(e.id, false);
        } else if (![...products].every((p) => ins.some((l) => l.product === p && delivers(l)))) {
          running.set(e.id, false);
          outputs.set(e.id, new Set());
          changed = true;
        }
      }
    }
    return running;
  };
  const none = { links: new Set<string>(), enterprises: new Set<string>(), modes: new Set<string>() };
  const base = solve(none);
  const scen = solve({
    links: new Set(scenario.blockLinks),
    enterprises: new Set(scenario.blockEnterprises),
    modes: new Set(scenario.blockModes),
  });
  return enterprises
    .filter((e) => base.get(e.id) && !scen.get(e.id))
    .map((e) => e.id)
    .sort();
}

describe('data/demo.json integrity', () => {
  it('has at least 100 enterprises with every field set and valid values', () => {
    expect(enterprises.length).toBeGreaterThanOrEqual(100);
    const problems: string[] = [];
    for (const e of enterprises) {
      for (const f of ENTERPRISE_FIELDS) {
        if ((e as unknown as Record<string, unknown>)[f] === undefined) problems.push(`${e.id}: missing ${f}`);
      }
      if (!/^(kq|fq|sj|nb)-[a-z0-9]+(-[a-z0-9]+)*$/.test(e.id))
        problems.push(`${e.id}: id not kebab-case with place prefix`);
      if (!KINDS.includes(e.kind)) problems.push(`${e.id}: kind ${e.kind}`);
      if (!STATUSES.includes(e.status)) problems.push(`${e.id}: status ${e.status}`);
      if (!/^[A-Z][A-Za-z]+\/[A-Z][A-Za-z-]+$/.test(e.region)) problems.push(`${e.id}: region ${e.region}`);
      for (const f of ['capacityRecovery', 'workforceReturned'] as const) {
        if (!(e[f] >= 0 && e[f] <= 1)) problems.push(`${e.id}: ${f} ${e[f]}`);
      }
      if (!(e.dailyCapacity > 0)) problems.push(`${e.id}: dailyCapacity`);
      if (Math.abs(e.lat) > 90 || Math.abs(e.lon) > 180) problems.push(`${e.id}: coordinates`);
      if (typeof e.whitelisted !== 'boolean') problems.push(`${e.id}: whitelisted`);
      if (!REPORTS.includes(e.source)) problems.push(`${e.id}: source ${e.source}`);
      if (e.note.trim() === '') problems.push(`${e.id}: empty note`);
      if (!statusRuleHolds(e.status, e.capacityRecovery))
        problems.push(`${e.id}: ${e.status} at capacityRecovery ${e.capacityRecovery} breaks the status rule`);
    }
    expect(problems).toEqual([]);
  });

  it('gives every enterprise a Chinese name, with the place names the English names carry', () => {
    const han = /\p{Script=Han}/u;
    expect(enterprises.filter((e) => !han.test(e.nameLocal)).map((e) => e.id)).toEqual([]);
    // A search for 柯桥 finds at least every enterprise a search for Keqiao finds by name.
    const keqiao = enterprises.filter((e) => /keqiao/i.test(e.name));
    expect(keqiao.length).toBeGreaterThan(5);
    expect(keqiao.filter((e) => !e.nameLocal.includes('柯桥')).map((e) => e.id)).toEqual([]);
    expect(enterprises.filter((e) => /fuquan/i.test(e.name)).every((e) => e.nameLocal.includes('福泉'))).toBe(true);
    const byId = new Map(enterprises.map((e) => [e.id, e.nameLocal]));
    expect(byId.get('kq-market-textile-city')).toBe('中国轻纺城');
    expect(byId.get('fq-chem-chuandong')).toBe('福泉川东化工');
    expect(byId.get('fq-kaili-station')).toMatch(/^凯里火车站/);
  });

  it('has unique ids', () => {
    expect(new Set(enterprises.map((e) => e.id)).size).toBe(enterprises.length);
    expect(new Set(links.map((l) => l.id)).size).toBe(links.length);
  });

  it('has links between existing enterprises with valid enums and values', () => {
    const problems: string[] = [];
    for (const l of links) {
      for (const f of LINK_FIELDS) {
        if ((l as unknown as Record<string, unknown>)[f] === undefined) problems.push(`${l.id}: missing ${f}`);
      }
      if (!/^(kq|fq|sj|nb)-l-[a-z0-9-]+$/.test(l.id)) problems.push(`${l.id}: id`);
      if (!byId.has(l.from)) problems.push(`${l.id}: from ${l.from} missing`);
      if (!byId.has(l.to)) problems.push(`${l.id}: to ${l.to} missing`);
      if (l.from === l.to) problems.push(`${l.id}: self loop`);
      if (!MODES.includes(l.mode)) problems.push(`${l.id}: mode ${l.mode}`);
      if (l.status !== 'OPEN' && l.status !== 'BLOCKED') problems.push(`${l.id}: status ${l.status}`);
      if (!(l.volume > 0) || !(l.inventoryDays >= 0)) problems.push(`${l.id}: volume/inventory`);
      if (l.source !== undefined && !REPORTS.includes(l.source)) problems.push(`${l.id}: source ${l.source}`);
    }
    expect(problems).toEqual([]);
  });

  it('makes pass-through nodes forward the products they receive', () => {
    for (const e of enterprises.filter((x) => PASS_THROUGH.has(x.kind))) {
      const ins = new Set(links.filter((l) => l.to === e.id).map((l) => l.product));
      const outs = links.filter((l) => l.from === e.id);
      for (const l of outs) expect(ins.has(l.product), `${e.id} forwards ${l.product}`).toBe(true);
    }
  });

  it('covers the four places from their reports', () => {
    const regions = new Set(enterprises.map((e) => e.region));
    for (const r of ['Shaoxing/Keqiao', 'Guizhou/Fuquan', 'Shanghai/Songjiang', 'Ningbo/Yinzhou'])
      expect(regions.has(r), r).toBe(true);
    for (const report of REPORTS.slice(0, 5)) {
      expect(
        enterprises.some((e) => e.source === report),
        report,
      ).toBe(true);
    }
  });
});

describe('report figures', () => {
  it('Fuquan: exactly 92 enterprises, all resumed (report 004: 92 firms, 100% resumed)', () => {
    const fuquan = enterprises.filter((e) => e.region === 'Guizhou/Fuquan');
    expect(fuquan).toHaveLength(92);
    expect(fuquan.every((e) => e.status === 'OPERATING' || e.status === 'PARTIAL')).toBe(true);
  });

  it('Keqiao: capacity-weighted recovery is 0.92 over its dyeing plants and the whole region (report 003)', () => {
    const keqiao = enterprises.filter((e) => e.region === 'Shaoxing/Keqiao');
    const dyeing = keqiao.filter((e) => e.kind === 'PRINTING_DYEING');
    expect(dyeing.length).toBeGreaterThanOrEqual(20);
    expect(Math.abs(weightedRecovery(dyeing) - 0.92)).toBeLessThan(1e-9);
    expect(Math.abs(weightedRecovery(keqiao) - 0.92)).toBeLessThan(1e-9);
    expect(keqiao.every((e) => e.status === 'OPERATING' || e.status === 'PARTIAL')).toBe(true);
  });

  it('uses the named report figures', () => {
    expect(byId.get('kq-dye-alice')).toMatchObject({
      kind: 'PRINTING_DYEING',
      capacityRecovery: 0.8,
      workforceReturned: 0.9,
    });
    expect(byId.get('kq-market-textile-city')).toMatchObject({ kind: 'MARKET', capacityRecovery: 0.821 });
    expect(byId.get('sj-hejing-silicon')).toMatchObject({ whitelisted: true, capacityRecovery: 0.5 });
    expect(byId.get('sj-feidiao-electric')).toMatchObject({ whitelisted: true, capacityRecovery: 0.3 });
    expect(byId.get('nb-fiocco-masks')?.dailyCapacity).toBe(200000);
    expect(byId.get('nb-fiocco-gowns')?.dailyCapacity).toBe(8000);
    expect(byId.get('kq-logistics-freight-pass')?.dailyCapacity).toBe(94);
    expect(byId.get('sj-suzhou-alt-factory')?.region).toBe('Jiangsu/Suzhou');
  });
});

describe('what-if examples named in data/README.md (stall rule of README §3)', () => {
  it('Fuquan, README §6 example 4: checkpoint and Kaili rail station', () => {
    expect(links.find((l) => l.id === 'fq-l-chuandong-to-checkpoint')).toMatchObject({
      from: 'fq-chem-chuandong',
      to: 'fq-checkpoint-highway',
      mode: 'ROAD',
    });
    expect(links.find((l) => l.id === 'fq-l-chuandong-to-kaili')).toMatchObject({
      from: 'fq-chem-chuandong',
      to: 'fq-kaili-station',
      mode: 'RAIL',
    });
    expect(links.find((l) => l.id === 'fq-l-checkpoint-to-foshan')).toMatchObject({
      to: 'fq-cust-guangdong-foshan',
      mode: 'ROAD',
    });
    expect(links.find((l) => l.id === 'fq-l-kaili-to-foshan')).toMatchObject({
      to: 'fq-cust-guangdong-foshan',
      mode: 'RAIL',
    });
    expect(stalledBy({ blockEnterprises: ['fq-checkpoint-highway'] })).not.toContain('fq-cust-guangdong-foshan');
    expect(stalledBy({ blockEnterprises: ['fq-checkpoint-highway', 'fq-kaili-station'] })).toContain(
      'fq-cust-guangdong-foshan',
    );
    const road = stalledBy({ blockModes: ['ROAD'] });
    expect(road).not.toContain('fq-cust-guangdong-foshan');
    expect(road).not.toContain('fq-chem-chuandong');
    expect(road).toContain('fq-cust-chongqing-changshou');
  });

  it("Keqiao single point of failure: Alice's only dyestuff link", () => {
    const spof = links.find((l) => l.id === 'kq-l-chem-dyestuff-binhai-to-dye-alice');
    expect(spof).toMatchObject({ product: 'dyestuff', inventoryDays: 5 });
    expect(stalledBy({ blockLinks: ['kq-l-chem-dyestuff-binhai-to-dye-alice'] })).toEqual([
      'kq-dye-alice',
      'kq-garment-keqiao-1',
      'kq-trade-buting',
    ]);
  });

  it('Keqiao multi-sourcing: blocking one grey-fabric supply of Alice stalls nothing', () => {
    expect(stalledBy({ blockLinks: ['kq-l-weave-lanting-to-dye-alice'] })).toEqual([]);
  });

  it('Songjiang: the Suzhou factory keeps the re-routed order alive', () => {
    expect(stalledBy({ blockEnterprises: ['sj-xinqiao-factory'] })).toEqual(['sj-xinqiao-factory']);
    expect(stalledBy({ blockEnterprises: ['sj-xinqiao-factory', 'sj-suzhou-alt-factory'] })).toContain(
      'sj-cust-order-owner',
    );
  });
});

describe('further what-ifs named in data/README.md', () => {
  it('the Binhai steam plant is a single point of failure for the 12 plants on its pipeline', () => {
    const stalled = stalledBy({ blockEnterprises: ['kq-steam-binhai'] });
    const piped = links.filter((l) => l.from === 'kq-steam-binhai').map((l) => l.to);
    expect(piped).toHaveLength(12);
    for (const plant of piped) expect(stalled).toContain(plant);
  });

  it('blocking China Textile City stalls the buyers that get a product only there', () => {
    const stalled = stalledBy({ blockEnterprises: ['kq-market-textile-city'] });
    expect(stalled).toContain('kq-garment-keqiao-3');
    expect(stalled).not.toContain('kq-trade-huafang');
  });

  it('the components mall is the only source of three small electronics makers', () => {
    const stalled = stalledBy({ blockEnterprises: ['sj-components-mall'] });
    expect(stalled).toEqual(['sj-components-mall', 'sj-maker-dongjing', 'sj-maker-jiuting', 'sj-maker-sijing']);
  });

  it('the Yesgo Valley platform feeds the mask and gown lines and the member firms', () => {
    const stalled = stalledBy({ blockEnterprises: ['nb-yesgo-valley'] });
    for (const id of [
      'nb-fiocco-masks',
      'nb-fiocco-gowns',
      'nb-member-garment-1',
      'nb-member-garment-2',
      'nb-huamei-hospital',
      'nb-epidemic-allocation',
    ]) {
      expect(stalled).toContain(id);
    }
    expect(stalled).not.toContain('nb-fiocco-knitwear');
  });
});

describe('dailyOutputValue (data/README.md, prices in data/demo-prices.json)', () => {
  const inbound = new Map<string, Map<string, number>>();
  const outbound = new Map<string, Map<string, number>>();
  for (const l of links) {
    for (const [map, id] of [
      [outbound, l.from],
      [inbound, l.to],
    ] as const) {
      const flows = map.get(id) ?? new Map<string, number>();
      flows.set(l.product, (flows.get(l.product) ?? 0) + l.volume);
      map.set(id, flows);
    }
  }
  const priceOf = (product: string) => prices.products[product].price;

  /** The rule each value follows: see "Output value" in data/README.md. */
  function expectedValue(e: DemoEnterprise): number {
    const outs = outbound.get(e.id) ?? new Map<string, number>();
    const ins = inbound.get(e.id) ?? new Map<string, number>();
    if (PASS_THROUGH.has(e.kind)) {
      // The goods it forwards in a normal day: per product the larger of what comes in and goes out.
      const products = new Set([...outs.keys(), ...ins.keys()]);
      return [...products].reduce((sum, p) => sum + Math.max(outs.get(p) ?? 0, ins.get(p) ?? 0) * priceOf(p), 0);
    }
    if (outs.size > 0) {
      // Its capacity at the price of what it ships, weighted by its outbound volumes.
      const volume = [...outs.values()].reduce((a, b) => a + b, 0);
      const price = [...outs].reduce((sum, [p, v]) => sum + v * priceOf(p), 0) / volume;
      return e.dailyCapacity * price;
    }
    const made = prices.madeBy.find((m) => e.id.startsWith(m.idPrefix))!;
    expect(made, `${e.id} has a price for what it makes`).toBeDefined();
    expect(made.unit).toBe(e.unit);
    return e.dailyCapacity * made.price;
  }

  it('follows the pricing rule for every enterprise but the hospital and the allocation centre, which make no goods', () => {
    const unvalued = enterprises.filter((e) => e.dailyOutputValue === undefined).map((e) => e.id);
    expect(unvalued.sort()).toEqual(['nb-epidemic-allocation', 'nb-huamei-hospital']);
    for (const [product, { unit }] of Object.entries(prices.products)) {
      for (const l of links.filter((x) => x.product === product)) expect(l.unit, l.id).toBe(unit);
    }
    const problems: string[] = [];
    for (const e of enterprises) {
      if (e.dailyOutputValue === undefined) continue;
      const expected = Math.round(expectedValue(e));
      if (e.dailyOutputValue !== expected) problems.push(`${e.id}: ${e.dailyOutputValue}, the rule gives ${expected}`);
      if (!(e.dailyOutputValue > 0)) problems.push(`${e.id}: value ${e.dailyOutputValue}`);
    }
    expect(problems).toEqual([]);
  });

  it('shows the arithmetic of data/README.md', () => {
    // Alice: 350,000 m a day at 80% is 437,500 m at full capacity, at 8 CNY a metre of dyed fabric.
    expect(byId.get('kq-dye-alice')?.dailyOutputValue).toBe(437_500 * 8);
    // Fiocco: 200,000 masks at 2 CNY and 8,000 isolation gowns at 50 CNY a day (report 000).
    expect(byId.get('nb-fiocco-masks')?.dailyOutputValue).toBe(200_000 * 2);
    expect(byId.get('nb-fiocco-gowns')?.dailyOutputValue).toBe(8_000 * 50);
    // China Textile City forwards 1,350,000 m of dyed and 600,000 m of printed fabric a day.
    expect(byId.get('kq-market-textile-city')?.dailyOutputValue).toBe(1_350_000 * 8 + 600_000 * 10);
    // Each of the 2,056 trade firms exported over 1 million USD in 2019: at least 6.9 million CNY / 300 days.
    for (const e of enterprises.filter((x) => x.kind === 'FOREIGN_TRADE' && x.region === 'Shaoxing/Keqiao'))
      expect(e.dailyOutputValue!, e.id).toBeGreaterThan(6_900_000 / 300);
  });
});

describe('dated history (data/demo-history.json)', () => {
  const entriesOf = new Map<string, DemoStatusChange[]>();
  for (const entry of history.enterprises) entriesOf.set(entry.id, [...(entriesOf.get(entry.id) ?? []), entry]);
  const stateAt = (moment: string, region: string) =>
    enterprises
      .filter((e) => e.region === region)
      .map((e) => (entriesOf.get(e.id) ?? []).filter((x) => Date.parse(x.at) <= Date.parse(moment)).pop())
      .filter((x) => x !== undefined);

  it('gives every enterprise a history in date order that ends in its current state, every entry true to the status rule', () => {
    const problems: string[] = [];
    for (const e of enterprises) {
      const entries = entriesOf.get(e.id) ?? [];
      if (entries.length === 0) problems.push(`${e.id}: no history`);
      entries.forEach((x, i) => {
        if (i > 0 && !(Date.parse(x.at) > Date.parse(entries[i - 1].at)))
          problems.push(`${e.id}: ${x.at} out of order`);
        if (!statusRuleHolds(x.status, x.capacityRecovery))
          problems.push(`${e.id} at ${x.at}: ${x.status} at ${x.capacityRecovery}`);
        if (!(x.workforceReturned >= 0 && x.workforceReturned <= 1)) problems.push(`${e.id} at ${x.at}: workforce`);
        if (x.note.trim() === '') problems.push(`${e.id} at ${x.at}: empty note`);
      });
      const last = entries[entries.length - 1];
      if (
        last &&
        (last.status !== e.status ||
          last.capacityRecovery !== e.capacityRecovery ||
          last.workforceReturned !== e.workforceReturned)
      )
        problems.push(`${e.id}: the last entry is not its current state`);
    }
    for (const l of history.links) {
      const link = links.find((x) => x.id === l.id);
      if (!link) problems.push(`${l.id}: no such link`);
      else if (link.status !== l.status) problems.push(`${l.id}: its last entry is not its current status`);
    }
    expect(problems).toEqual([]);
  });

  it('dates Keqiao, Ningbo and Fuquan in February to April 2020, and Songjiang by its report, April to May 2022', () => {
    for (const x of history.enterprises) {
      const [from, to] = x.id.startsWith('sj-') ? ['2022-03-01', '2022-05-31'] : ['2020-01-01', '2020-04-30'];
      expect(x.at >= from && x.at <= `${to}T23:59:59+08:00`, `${x.id} at ${x.at}`).toBe(true);
    }
  });

  it('draws the restart curve: Fuquan from a handful of firms running in January to 92 of 92 by March', () => {
    const resumed = (moment: string) =>
      stateAt(moment, 'Guizhou/Fuquan').filter((x) => x!.status === 'OPERATING' || x!.status === 'PARTIAL').length;
    expect(resumed('2020-01-31T00:00:00+08:00')).toBeLessThan(5);
    expect(resumed('2020-02-20T00:00:00+08:00')).toBeGreaterThan(20);
    expect(resumed('2020-02-20T00:00:00+08:00')).toBeLessThan(92);
    expect(resumed('2020-03-31T00:00:00+08:00')).toBe(92);
    // Keqiao: China Textile City opened on February 18 and was at 82.1% on February 28 (report 003).
    const market = entriesOf.get('kq-market-textile-city')!;
    expect(market.map((x) => [x.at.slice(0, 10), x.capacityRecovery])).toEqual([
      ['2020-01-24', 0],
      ['2020-02-18', 0.3],
      ['2020-02-28', 0.821],
    ]);
  });
});
