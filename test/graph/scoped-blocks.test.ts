import { describe, expect, it } from 'vitest';
import { uniquePrefix } from '../support/test-graph';
import { useGraphTest } from '../support/use-graph-test';
import { dataOf } from '../support/test-server';
import { linkRows } from '../support/link-row';

/**
 * README "Link filters" on the real graph: the roads out of Fuquan against
 * every road link, and the same filter listing links and narrowing the
 * critical rankings.
 *
 *   Fuquan:  Q --ore, ROAD--> P --phosphate, ROAD--> L <--packaging, ROAD-- V (Foshan)
 *   P --phosphate, ROAD and RAIL--> K (Foshan);  P --phosphate, ROAD--> K2 (Foshan)
 *   Keqiao:  C --dyestuff, ROAD, 10 days' stock--> D <--steam, PIPELINE-- U;  D --fabric, ROAD--> M
 */
const p = uniquePrefix('scoped');
const id = (name: string) => `${p}-${name}`;
const fuquan = `${p}-Guizhou/Fuquan`;
const foshan = `${p}-Guangdong/Foshan`;
const keqiao = `${p}-Shaoxing/Keqiao`;
const enterprise = (name: string, region: string, kind: string, dailyOutputValue: number) => ({
  id: id(name),
  name,
  kind,
  region,
  dailyCapacity: 100,
  unit: 't',
  dailyOutputValue,
});
const link = linkRows(id);
const document = {
  enterprises: [
    enterprise('Q', fuquan, 'RAW_MATERIAL', 100),
    enterprise('P', fuquan, 'CHEMICAL', 1000),
    enterprise('L', fuquan, 'MANUFACTURER', 300),
    enterprise('V', foshan, 'MANUFACTURER', 50),
    enterprise('K', foshan, 'MANUFACTURER', 2000),
    enterprise('K2', foshan, 'MANUFACTURER', 700),
    enterprise('C', keqiao, 'CHEMICAL', 400),
    enterprise('U', keqiao, 'OTHER', 200),
    enterprise('D', keqiao, 'PRINTING_DYEING', 3000),
    enterprise('M', keqiao, 'MANUFACTURER', 5000),
  ],
  links: [
    link('Q-P', 'Q', 'P', 'ore', 'ROAD'),
    link('P-L', 'P', 'L', 'phosphate', 'ROAD'),
    link('V-L', 'V', 'L', 'packaging', 'ROAD'),
    link('P-K-road', 'P', 'K', 'phosphate', 'ROAD'),
    link('P-K-rail', 'P', 'K', 'phosphate', 'RAIL'),
    link('P-K2', 'P', 'K2', 'phosphate', 'ROAD'),
    link('C-D', 'C', 'D', 'dyestuff', 'ROAD', { inventoryDays: 10 }),
    link('U-D', 'U', 'D', 'steam', 'PIPELINE'),
    link('D-M', 'D', 'M', 'dyed fabric', 'ROAD'),
  ],
};
const t = useGraphTest(p, { document });

const ROADS_OUT_OF_FUQUAN = { modes: ['ROAD'], fromRegions: [fuquan], crossRegion: true };
const name = (prefixed: string) => prefixed.slice(p.length + 1);

const IMPACT = `query($s: ScenarioInput!) { impact(scenario: $s) {
  stalledCount lostOutputValue byRegion { key stalledCount lostOutputValue }
  stalled(first: 100) { edges { node { enterprise { id } } } }
  partial(first: 100) { edges { node { enterprise { id } outputFraction } } }
} }`;
/** The stalled and partial enterprises of this file, by name, sorted. */
async function impactOf(scenario: object) {
  const report = dataOf(await t.server.gql(IMPACT, { s: scenario })).impact;
  const mine = (connection: any) =>
    connection.edges
      .map((edge: any) => edge.node.enterprise.id)
      .filter((enterpriseId: string) => enterpriseId.startsWith(p))
      .map(name)
      .sort();
  return {
    stalled: mine(report.stalled),
    partial: mine(report.partial),
    lostOutputValue: report.lostOutputValue,
    byRegion: report.byRegion.filter((group: any) => group.key.startsWith(p)),
  };
}

const SUPPLY_LINKS = `query($w: LinkFilterInput, $f: SupplyLinkFilter) {
  supplyLinks(where: $w, filter: $f, first: 500) { edges { node { id } } }
}`;
async function linksWhere(where: object, filter?: object): Promise<string[]> {
  const edges = dataOf(await t.server.gql(SUPPLY_LINKS, { w: where, f: filter })).supplyLinks.edges;
  return edges.map((edge: any) => edge.node.id).filter((linkId: string) => linkId.startsWith(p));
}

describe('scoped blocks', () => {
  it('blocking every road link leaving Fuquan stalls only what the road out stalls; blockModes: [ROAD] stalls the local truck links too', async () => {
    const roadsOut = await impactOf({ blockLinksWhere: [ROADS_OUT_OF_FUQUAN] });
    // K2 has no other way; K runs on at the rail share; P, L and Keqiao keep their trucks.
    expect(roadsOut.stalled).toEqual(['K2']);
    expect(roadsOut.partial).toEqual(['K']);
    expect(roadsOut.lostOutputValue).toBe(700 + 2000 / 2);

    // Every road link out of Fuquan, local trucks included: no ore reaches P, so nothing of P's reaches anyone.
    const roadsFromFuquan = await impactOf({ blockLinksWhere: [{ modes: ['ROAD'], fromRegions: [fuquan] }] });
    expect(roadsFromFuquan.stalled).toEqual(['K', 'K2', 'L', 'P']);

    // Every road link anywhere (the whole test database): here P, L, K, K2, and in Keqiao D and M.
    const everyRoad = await impactOf({ blockModes: ['ROAD'] });
    expect(everyRoad.byRegion.map((group: any) => [group.key, group.stalledCount]).sort()).toEqual(
      [
        [fuquan, 2],
        [foshan, 2],
        [keqiao, 2],
      ].sort(),
    );
  });

  it('several filters block the union of their links, and each blocks what its links blocked by id block', async () => {
    // Each names this file's regions: the test database holds other files' links too.
    const filters = [
      ROADS_OUT_OF_FUQUAN,
      { crossRegion: false, fromRegions: [fuquan, keqiao] },
      { products: ['phosphate'], toRegions: [foshan] },
      { modes: ['PIPELINE'], toRegions: [keqiao] },
      { fromRegions: [keqiao], modes: ['ROAD', 'RAIL'] },
    ];
    for (const filter of filters) {
      const byFilter = await impactOf({ blockLinksWhere: [filter] });
      const byIds = await impactOf({ blockLinks: await linksWhere(filter) });
      expect(byFilter, JSON.stringify(filter)).toEqual(byIds);
    }
    const union = await impactOf({
      blockLinksWhere: [ROADS_OUT_OF_FUQUAN, { modes: ['PIPELINE'], toRegions: [keqiao] }],
    });
    expect(union.stalled).toEqual(['D', 'K2', 'M']);
  });

  it('supplyLinks(where:) lists the links the same filter blocks, and combines with filter', async () => {
    expect(await linksWhere(ROADS_OUT_OF_FUQUAN)).toEqual([id('P-K-road'), id('P-K2')]);
    // Inbound road links are not "leaving": V's packaging arrives in Fuquan.
    expect(await linksWhere({ modes: ['ROAD'], toRegions: [fuquan], crossRegion: true })).toEqual([id('V-L')]);
    expect(await linksWhere({ crossRegion: false, fromRegions: [fuquan] })).toEqual([id('P-L'), id('Q-P')]);
    expect(await linksWhere({ products: ['phosphate'], toRegions: [foshan] })).toEqual([
      id('P-K-rail'),
      id('P-K-road'),
      id('P-K2'),
    ]);
    expect(await linksWhere({ products: ['phosphate'] }, { mode: ['RAIL'] })).toEqual([id('P-K-rail')]);
    // A field given as an empty list matches nothing.
    expect(await linksWhere({ modes: [] })).toEqual([]);
    // A region or product the graph does not have is refused, named, rather than matching nothing.
    const unknownRegion = await t.server.gql(SUPPLY_LINKS, { w: { toRegions: [`${p}-Atlantis`] } });
    expect(unknownRegion.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ path: 'where.toRegions', message: `no enterprise lies in region "${p}-Atlantis"` }],
    });
    const unknownProduct = await t.server.gql(SUPPLY_LINKS, { w: { products: ['unobtainium'] } });
    expect(unknownProduct.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ path: 'where.products', message: 'no link carries product "unobtainium"' }],
    });
  });
});

const CRITICAL_LINKS = `query($w: LinkFilterInput, $d: Float, $c: Boolean!, $m: CriticalMeasure!) {
  criticalLinks(where: $w, durationDays: $d, includeCurrentState: $c, measure: $m, top: 200) {
    link { id } stalledCount lostOutputValue
  }
}`;
const CRITICAL_ENTERPRISES = `query($f: EnterpriseFilter, $d: Float, $c: Boolean!) {
  criticalEnterprises(filter: $f, durationDays: $d, includeCurrentState: $c, top: 200) {
    enterprise { id } stalledCount lostOutputValue
  }
}`;
async function criticalLinks(where: object, options: { d?: number; c?: boolean; m?: string } = {}) {
  const ranked = dataOf(
    await t.server.gql(CRITICAL_LINKS, {
      w: where,
      d: options.d,
      c: options.c ?? false,
      m: options.m ?? 'STALLED_COUNT',
    }),
  ).criticalLinks;
  return ranked.map((entry: any) => [name(entry.link.id), entry.stalledCount, entry.lostOutputValue]);
}
async function criticalEnterprises(region: string, options: { d?: number; c?: boolean } = {}) {
  const ranked = dataOf(
    await t.server.gql(CRITICAL_ENTERPRISES, { f: { region: [region] }, d: options.d, c: options.c ?? false }),
  ).criticalEnterprises;
  return ranked.map((entry: any) => [name(entry.enterprise.id), entry.stalledCount, entry.lostOutputValue]);
}

describe('critical rankings with a duration, the current state and a candidate filter', () => {
  it('ranks only the candidates the link filter matches', async () => {
    const ranked = await criticalLinks(ROADS_OUT_OF_FUQUAN, { m: 'LOST_OUTPUT' });
    // K runs on at the rail share: the road to it loses more value but stalls no one.
    expect(ranked).toEqual([
      ['P-K-road', 0, 1000],
      ['P-K2', 1, 700],
    ]);
  });

  it("counts only what stalls within durationDays: the steam pipe tops the week, the dyestuff with 10 days' stock does not", async () => {
    const keqiaoLinks = { fromRegions: [keqiao], toRegions: [keqiao], products: ['dyestuff', 'steam'] };
    expect(await criticalLinks(keqiaoLinks)).toEqual([
      ['C-D', 2, 8000],
      ['U-D', 2, 8000],
    ]);
    expect(await criticalLinks(keqiaoLinks, { d: 7 })).toEqual([
      ['U-D', 2, 8000],
      ['C-D', 0, 0],
    ]);
    expect(await criticalEnterprises(keqiao, { d: 7 })).toEqual([
      ['U', 3, 8200],
      ['D', 2, 8000],
      ['M', 1, 5000],
      ['C', 1, 400],
    ]);
    const refused = await t.server.gql(CRITICAL_LINKS, { w: keqiaoLinks, d: 0, c: false, m: 'STALLED_COUNT' });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('ranks against the real state with includeCurrentState: with the rail link closed, the road to K stalls K', async () => {
    const everythingRunning = [
      ['P-K2', 1, 700],
      ['P-K-road', 0, 1000],
    ];
    expect(await criticalLinks(ROADS_OUT_OF_FUQUAN, { c: true })).toEqual(everythingRunning);
    await t.services.links.setStatus('test', { id: id('P-K-rail'), status: 'BLOCKED' as never, reason: 'rail closed' });
    await t.services.enterprises.setStatus('test', { id: id('D'), status: 'STALLED' as never });
    try {
      // K runs at the road share today: closing the road loses that half.
      expect(await criticalLinks(ROADS_OUT_OF_FUQUAN, { c: true })).toEqual([
        ['P-K-road', 1, 1000],
        ['P-K2', 1, 700],
      ]);
      // Without the current state nothing changed.
      expect(await criticalLinks(ROADS_OUT_OF_FUQUAN)).toEqual(everythingRunning);
      // D is down today: C and U stall only themselves.
      const today = await criticalEnterprises(keqiao, { c: true });
      expect(today).toContainEqual(['C', 1, 400]);
      expect(today).toContainEqual(['U', 1, 200]);
      expect(await criticalEnterprises(keqiao)).toContainEqual(['C', 3, 8400]);
    } finally {
      await t.services.links.setStatus('test', { id: id('P-K-rail'), status: 'OPEN' as never });
      await t.services.enterprises.setStatus('test', { id: id('D'), status: 'OPERATING' as never });
    }
  });
});
