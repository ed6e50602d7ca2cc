import { describe, expect, it } from 'vitest';
import { SupplyGraph, findAlternativeRoutes, findAlternativeSuppliers } from '../../src/engine';
import { enterprise, link } from './graph-builders';

describe('findAlternativeSuppliers', () => {
  const graph = SupplyGraph.build({
    enterprises: [
      enterprise('D', 'PRINTING_DYEING'),
      enterprise('W', 'WEAVING'),
      enterprise('X', 'GARMENT'),
      enterprise('Y', 'GARMENT'),
      enterprise('C1', 'CHEMICAL'),
      enterprise('C2', 'CHEMICAL', { dailyCapacity: 50 }),
      enterprise('C3', 'CHEMICAL', { dailyCapacity: 500, region: 'Shanghai/Songjiang' }),
      enterprise('C4', 'CHEMICAL', { dailyCapacity: 50 }),
      enterprise('C5', 'CHEMICAL', { dailyCapacity: 1000 }),
      enterprise('C6', 'CHEMICAL', { dailyCapacity: 1000 }),
    ],
    links: [
      link('C1', 'D', 'dyestuff'),
      link('W', 'D', 'grey fabric'),
      link('W', 'X', 'grey fabric'),
      link('C2', 'X', 'dyestuff'),
      link('C3', 'Y', 'dyestuff'),
      link('C4', 'Y', 'dyestuff'),
      link('C5', 'X', 'dyestuff'),
      link('C6', 'X', 'pigment'),
    ],
  });

  it('ranks shippers of the product: same region, then capacity, then hops, then id', () => {
    const found = findAlternativeSuppliers(graph, 'D', 'dyestuff', { blockLinks: ['C1->D'], blockEnterprises: ['C5'] });
    expect(found.map((s) => s.id)).toEqual(['C2', 'C4', 'C1', 'C3']);
    expect(found[0]).toMatchObject({
      sameRegion: true,
      dailyCapacity: 50,
      hops: 3,
      alreadySupplies: false,
      wouldUnstall: true,
    });
    expect(found[1]).toMatchObject({ id: 'C4', hops: null, wouldUnstall: true });
    expect(found[2]).toMatchObject({ id: 'C1', hops: 1, alreadySupplies: true, dailyCapacity: null });
    expect(found[3]).toMatchObject({ id: 'C3', sameRegion: false });
    expect(findAlternativeSuppliers(graph, 'D', 'dyestuff', { blockLinks: ['C1->D'] }, 2).map((s) => s.id)).toEqual([
      'C5',
      'C2',
    ]);
  });

  it('reports that a new dyestuff supplier would not restart a plant that also lost its grey fabric', () => {
    const found = findAlternativeSuppliers(graph, 'D', 'dyestuff', { blockLinks: ['C1->D', 'W->D'] });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((s) => !s.wouldUnstall)).toBe(true);
  });

  it('returns nothing for an unknown product and throws for an unknown enterprise', () => {
    expect(findAlternativeSuppliers(graph, 'D', 'unobtainium', {})).toEqual([]);
    expect(() => findAlternativeSuppliers(graph, 'nope', 'dyestuff', {})).toThrow(/nope/);
  });
});

describe('findAlternativeRoutes', () => {
  const graph = SupplyGraph.build({
    enterprises: [
      enterprise('P', 'CHEMICAL'),
      enterprise('H', 'LOGISTICS'),
      enterprise('R', 'LOGISTICS'),
      enterprise('K', 'MANUFACTURER'),
      enterprise('Z', 'CHEMICAL'),
    ],
    links: [
      link('P', 'H', 'phosphate', { mode: 'ROAD' }),
      link('H', 'K', 'phosphate', { mode: 'ROAD' }),
      link('P', 'R', 'phosphate', { mode: 'RAIL' }),
      link('R', 'K', 'phosphate', { mode: 'RAIL' }),
      link('P', 'Z', 'phosphate', { mode: 'ROAD' }),
      link('Z', 'K', 'phosphate', { mode: 'ROAD' }),
    ],
  });

  it('Fuquan: with checkpoint H closed, phosphate still reaches K by rail through R', () => {
    expect(findAlternativeRoutes(graph, 'P', 'K', 'phosphate', { blockEnterprises: ['H'] })).toEqual([
      { linkIds: ['P->R', 'R->K'], enterpriseIds: ['P', 'R', 'K'], modes: ['RAIL', 'RAIL'] },
    ]);
  });

  it('lists every open pass-through route shortest first, then by link ids, and honours blocked modes and maxHops', () => {
    expect(findAlternativeRoutes(graph, 'P', 'K', 'phosphate', {}).map((r) => r.linkIds)).toEqual([
      ['P->H', 'H->K'],
      ['P->R', 'R->K'],
    ]);
    expect(
      findAlternativeRoutes(graph, 'P', 'K', 'phosphate', { blockModes: ['ROAD'] }).map((r) => r.enterpriseIds),
    ).toEqual([['P', 'R', 'K']]);
    expect(findAlternativeRoutes(graph, 'P', 'K', 'phosphate', {}, { maxHops: 1 })).toEqual([]);
    expect(findAlternativeRoutes(graph, 'P', 'K', 'phosphate', {}, { limit: 1 })).toHaveLength(1);
    expect(findAlternativeRoutes(graph, 'P', 'K', 'phosphate', { blockEnterprises: ['H', 'R'] })).toEqual([]);
  });
});
