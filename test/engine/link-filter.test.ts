import { describe, expect, it } from 'vitest';
import { SupplyGraph, findUnknownLinkFilterNames, linkFilterKey, matchLinks, type LinkFilter } from '../../src/engine';
import { enterprise, link } from './graph-builders';

// Fuquan: phosphate leaves by road through the highway checkpoint and by rail; a local road link stays inside.
const fuquan = { region: 'Guizhou/Fuquan' };
const graph = SupplyGraph.build({
  enterprises: [
    enterprise('P', 'CHEMICAL', fuquan),
    enterprise('H', 'LOGISTICS', fuquan),
    enterprise('R', 'LOGISTICS', fuquan),
    enterprise('L', 'MANUFACTURER', fuquan),
    enterprise('K', 'MANUFACTURER', { region: 'Guangdong/Foshan' }),
    enterprise('S', 'CHEMICAL', { region: 'Guangdong/Foshan' }),
  ],
  links: [
    link('P', 'H', 'phosphate'),
    link('H', 'K', 'phosphate'),
    link('P', 'R', 'phosphate', { mode: 'RAIL' }),
    link('R', 'K', 'phosphate', { mode: 'RAIL' }),
    link('P', 'L', 'phosphate', { mode: 'LOCAL' }),
    link('S', 'P', 'sulphuric acid'),
  ],
});
const ids = (filter: LinkFilter) => [...matchLinks(graph, filter)].map((l) => graph.linkId(l));

describe('link filter', () => {
  it('every road link leaving Fuquan is one filter', () => {
    expect(ids({ modes: ['ROAD'], fromRegions: ['Guizhou/Fuquan'], crossRegion: true })).toEqual(['H->K']);
  });

  it('fields are ANDed and values within a field ORed; the result is in link order', () => {
    expect(ids({ modes: ['RAIL', 'ROAD'], toRegions: ['Guangdong/Foshan'] })).toEqual(['H->K', 'R->K']);
    expect(ids({ products: ['phosphate'], crossRegion: false })).toEqual(['P->H', 'P->R', 'P->L']);
    expect(ids({ crossRegion: true })).toEqual(['H->K', 'R->K', 'S->P']);
    expect(ids({ products: ['sulphuric acid', 'phosphate'], toRegions: ['Guizhou/Fuquan'], modes: ['ROAD'] })).toEqual([
      'P->H',
      'S->P',
    ]);
  });

  it('an absent or null field does not narrow; an empty list matches nothing', () => {
    expect(ids({})).toHaveLength(6);
    expect(ids({ modes: null, products: null, crossRegion: null })).toHaveLength(6);
    expect(ids({ modes: [] })).toEqual([]);
    expect(ids({ fromRegions: [] })).toEqual([]);
  });

  it('names unknown products, regions and modes so that callers can refuse them, and refuses to match them', () => {
    const filter = { products: ['copper', 'phosphate'], fromRegions: ['Atlantis'], toRegions: ['Atlantis', 'Lemuria'] };
    expect(findUnknownLinkFilterNames(graph, filter)).toEqual({
      modes: [],
      products: ['copper'],
      regions: ['Atlantis', 'Lemuria'],
    });
    expect(findUnknownLinkFilterNames(graph, { modes: ['ROAD'], products: ['phosphate'] })).toBeNull();
    expect(() => matchLinks(graph, filter)).toThrow(/copper, Atlantis, Lemuria/);
  });

  it('filters naming the same values in another order are the same filter', () => {
    expect(linkFilterKey({ modes: ['ROAD', 'RAIL'], products: ['a', 'a'] })).toBe(
      linkFilterKey({ products: ['a'], modes: ['RAIL', 'ROAD'], crossRegion: null }),
    );
    expect(linkFilterKey({ modes: ['ROAD'] })).not.toBe(linkFilterKey({ modes: ['ROAD'], crossRegion: true }));
    expect(linkFilterKey({})).not.toBe(linkFilterKey({ modes: [] }));
  });
});
