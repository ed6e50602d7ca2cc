import { describe, expect, it } from 'vitest';
import { SupplyGraph, findSupplyPaths } from '../../src/engine';
import { enterprise, link } from './graph-builders';

// Fibre -> dyeing plant -> trade firm -> port, and a garment maker that also ships through the trade firm.
const graph = SupplyGraph.build({
  enterprises: [
    enterprise('Fiber', 'FIBER'),
    enterprise('Dye', 'PRINTING_DYEING'),
    enterprise('Garment', 'GARMENT'),
    enterprise('Trade', 'FOREIGN_TRADE'),
    enterprise('Market', 'MARKET'),
    enterprise('Port', 'LOGISTICS'),
  ],
  links: [
    link('Fiber', 'Dye', 'polyester yarn'),
    link('Dye', 'Trade', 'dyed fabric'),
    link('Dye', 'Market', 'dyed fabric'),
    link('Market', 'Garment', 'dyed fabric'),
    link('Garment', 'Trade', 'garments'),
    link('Trade', 'Port', 'garments'),
    link('Market', 'Port', 'dyed fabric'),
  ],
});

describe('findSupplyPaths', () => {
  it('keeps product continuity through pass-throughs: dyed fabric entering a trade firm cannot leave it as garments', () => {
    const paths = findSupplyPaths(graph, 'Fiber', 'Port', { maxDepth: 6, first: 10 });
    // Fiber -> Dye -> Trade -> Port is shorter, but the trade firm gets fabric and ships garments.
    expect(paths).toEqual([
      { enterpriseIds: ['Fiber', 'Dye', 'Market', 'Port'], linkIds: ['Fiber->Dye', 'Dye->Market', 'Market->Port'] },
    ]);
  });

  it('lets producers turn their inputs into other products, and lists every shortest path up to first', () => {
    const toTrade = findSupplyPaths(graph, 'Fiber', 'Trade', { maxDepth: 6, first: 10 });
    expect(toTrade.map((p) => p.linkIds)).toEqual([['Fiber->Dye', 'Dye->Trade']]);
    const garments = findSupplyPaths(graph, 'Dye', 'Port', { maxDepth: 6, first: 10 });
    expect(garments.map((p) => p.enterpriseIds)).toEqual([['Dye', 'Market', 'Port']]);
    const viaGarments = findSupplyPaths(graph, 'Market', 'Trade', { maxDepth: 6, first: 10 });
    expect(viaGarments.map((p) => p.enterpriseIds)).toEqual([['Market', 'Garment', 'Trade']]);
  });

  it('honours maxDepth and first', () => {
    expect(findSupplyPaths(graph, 'Fiber', 'Port', { maxDepth: 2, first: 10 })).toEqual([]);
    const wide = SupplyGraph.build({
      enterprises: ['A', 'B1', 'B2', 'B3', 'C'].map((id) => enterprise(id, 'WEAVING')),
      links: ['B3', 'B1', 'B2'].flatMap((b) => [link('A', b, 'yarn'), link(b, 'C', 'grey fabric')]),
    });
    const paths = findSupplyPaths(wide, 'A', 'C', { maxDepth: 4, first: 2 });
    expect(paths.map((p) => p.linkIds)).toEqual([
      ['A->B1', 'B1->C'],
      ['A->B2', 'B2->C'],
    ]);
    expect(findSupplyPaths(wide, 'A', 'A', { maxDepth: 4, first: 2 })).toEqual([]);
  });
});
