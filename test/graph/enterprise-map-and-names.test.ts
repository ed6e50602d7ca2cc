import { describe, expect, it } from 'vitest';
import { uniquePrefix } from '../support/test-graph';
import { useGraphTest } from '../support/use-graph-test';
import { dataOf } from '../support/test-server';

/**
 * Enterprises found on a map and by their local name: two Keqiao plants, a
 * Ningbo port and a Fuquan mine with coordinates, and a trade firm without.
 */
const p = uniquePrefix('mapnames');
const id = (name: string) => `${p}-${name}`;
const enterprise = (key: string, name: string, nameLocal: string | null, lat: number | null, lon: number | null) => ({
  id: id(key),
  name,
  nameLocal,
  kind: 'OTHER',
  region: `${p}-Region`,
  lat,
  lon,
});
const t = useGraphTest(p, {
  document: {
    enterprises: [
      enterprise('dye', 'Keqiao Dyeing', '柯桥印染', 30.08, 120.49),
      enterprise('market', 'China Textile City', '中国轻纺城', 30.09, 120.5),
      enterprise('port', 'Beilun Port', '宁波舟山港北仑港区', 29.9, 121.85),
      enterprise('mine', 'Fuquan Mine', '福泉磷矿', 26.7, 107.5),
      enterprise('trade', 'Trade Firm', null, null, null),
    ],
    links: [],
  },
});

const ENTERPRISES = `query($filter: EnterpriseFilter) {
  enterprises(first: 100, filter: $filter) { totalCount edges { node { id name nameLocal lat lon } } } }`;

/** Names of this file's enterprises matching the filter (the test graph holds other files' too). */
async function namesMatching(filter: Record<string, unknown>): Promise<string[]> {
  const data = dataOf(await t.server.gql(ENTERPRISES, { filter: { search: p, ...filter } }));
  return data.enterprises.edges.map((e: any) => e.node.name).sort();
}

const keqiaoBox = { minLat: 29.9, minLon: 120.3, maxLat: 30.2, maxLon: 120.7 };

describe('enterprise filter by bounding box', () => {
  it('finds the enterprises inside the box, edges included, never those without coordinates', async () => {
    expect(await namesMatching({ bbox: keqiaoBox })).toEqual(['China Textile City', 'Keqiao Dyeing']);
    expect(await namesMatching({ bbox: { minLat: 29.9, minLon: 120.49, maxLat: 30.08, maxLon: 121.85 } })).toEqual([
      'Beilun Port',
      'Keqiao Dyeing',
    ]);
    expect(await namesMatching({ bbox: { minLat: -90, minLon: -180, maxLat: 90, maxLon: 180 } })).toHaveLength(4);
    expect(await namesMatching({ bbox: { minLat: 0, minLon: 0, maxLat: 1, maxLon: 1 } })).toEqual([]);
  });

  it('combines with the other filters and counts the same rows', async () => {
    const data = dataOf(
      await t.server.gql(ENTERPRISES, { filter: { search: 'port', bbox: keqiaoBox, ids: [id('port')] } }),
    );
    expect(data.enterprises.totalCount).toBe(0);
    const wide = dataOf(
      await t.server.gql(ENTERPRISES, { filter: { search: `${p}-port`, bbox: { ...keqiaoBox, maxLon: 122 } } }),
    );
    expect(wide.enterprises).toMatchObject({ totalCount: 1, edges: [{ node: { name: 'Beilun Port', lat: 29.9 } }] });
  });

  it('refuses a box outside -90..90 / -180..180 or with min above max, naming the field', async () => {
    const refused = async (bbox: Record<string, number>) => {
      const response = await t.server.gql(ENTERPRISES, { filter: { bbox } });
      expect(response.data ?? null).toBeNull();
      const [error] = response.errors ?? [];
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      return (error.extensions?.problems as { path: string; message: string }[]).map((x) => `${x.path}: ${x.message}`);
    };
    expect(await refused({ ...keqiaoBox, minLat: -91 })).toEqual([
      'filter.bbox.minLat: bbox.minLat must be a latitude from -90 to 90',
    ]);
    expect(await refused({ ...keqiaoBox, maxLon: 180.5 })).toEqual([
      'filter.bbox.maxLon: bbox.maxLon must be a longitude from -180 to 180',
    ]);
    expect(await refused({ minLat: 31, minLon: 121, maxLat: 30, maxLon: 120 })).toEqual([
      'filter.bbox.minLat: bbox.minLat must be at most bbox.maxLat',
      'filter.bbox.minLon: bbox.minLon must be at most bbox.maxLon',
    ]);
  });
});

describe('enterprise search by name in any language', () => {
  it('finds an enterprise by part of its local name, as by its name', async () => {
    const found = async (search: string) => {
      const ids = [id('dye'), id('market'), id('port'), id('mine'), id('trade')];
      const data = dataOf(await t.server.gql(ENTERPRISES, { filter: { search, ids } }));
      return data.enterprises.edges.map((e: any) => e.node.name).sort();
    };
    expect(await found('柯桥')).toEqual(['Keqiao Dyeing']);
    expect(await found('KEQIAO')).toEqual(['Keqiao Dyeing']);
    expect(await found('中国轻纺城')).toEqual(['China Textile City']);
    expect(await found('港')).toEqual(['Beilun Port']);
    expect(await found('磷矿')).toEqual(['Fuquan Mine']);
  });

  it('returns nameLocal, null when the enterprise has none', async () => {
    const data = dataOf(
      await t.server.gql(
        `query($a: ID!, $b: ID!) { a: enterprise(id: $a) { nameLocal } b: enterprise(id: $b) { nameLocal } }`,
        {
          a: id('market'),
          b: id('trade'),
        },
      ),
    );
    expect(data).toEqual({ a: { nameLocal: '中国轻纺城' }, b: { nameLocal: null } });
  });
});
