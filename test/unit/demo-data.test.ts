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
      if ((e.status === 'STALLED' || e.status === 'CLOSED') !== (e.capacityRecovery === 0))
        problems.push(`${e.id}: status vs capacity`);
    }
    expect(problems).toEqual([]);
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
  it('Fuquan: exactly 92 enterprises, all OPERATING (report 004: 92 firms, 100% resumed)', () => {
    const fuquan = enterprises.filter((e) => e.region === 'Guizhou/Fuquan');
    expect(fuquan).toHaveLength(92);
    expect(fuquan.every((e) => e.status === 'OPERATING')).toBe(true);
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
