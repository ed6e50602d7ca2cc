import { describe, expect, it } from 'vitest';
import { SupplyGraph, evaluateScenario, findUnknownScenarioIds } from '../../src/engine';
import { enterprise, link } from './graph-builders';

const graph = SupplyGraph.build({
  enterprises: [enterprise('C', 'CHEMICAL'), enterprise('D', 'PRINTING_DYEING', { region: 'Shanghai/Songjiang' })],
  links: [link('C', 'D', 'dyestuff')],
});

describe('findUnknownScenarioIds', () => {
  it('returns null when every id is known', () => {
    expect(
      findUnknownScenarioIds(graph, {
        blockLinks: ['C->D'],
        blockEnterprises: ['C'],
        blockRegions: ['Shanghai/Songjiang'],
      }),
    ).toBeNull();
    expect(findUnknownScenarioIds(graph, {})).toBeNull();
  });

  it('lists unknown links, enterprises and regions', () => {
    expect(
      findUnknownScenarioIds(graph, { blockLinks: ['C->D', 'x'], blockEnterprises: ['y'], blockRegions: ['Mars'] }),
    ).toEqual({ links: ['x'], enterprises: ['y'], regions: ['Mars'], linkFilters: [] });
  });

  it('names the products and regions of a link filter the graph does not know, per filter', () => {
    expect(
      findUnknownScenarioIds(graph, {
        blockLinksWhere: [{ products: ['dyestuff'] }, { products: ['silk'], fromRegions: ['Mars', 'Shaoxing/Keqiao'] }],
      }),
    ).toEqual({
      links: [],
      enterprises: [],
      regions: [],
      linkFilters: [{ index: 1, modes: [], products: ['silk'], regions: ['Mars'] }],
    });
  });
});

describe('blockLinksWhere', () => {
  // Fuquan ships phosphate out by road and by rail; a local truck link inside Fuquan feeds the plant.
  const fuquan = SupplyGraph.build({
    enterprises: [
      enterprise('Mine', 'RAW_MATERIAL', { region: 'Guizhou/Fuquan' }),
      enterprise('P', 'CHEMICAL', { region: 'Guizhou/Fuquan' }),
      enterprise('K1', 'MANUFACTURER', { region: 'Guangdong/Foshan' }),
      enterprise('K2', 'MANUFACTURER', { region: 'Chongqing/Changshou' }),
    ],
    links: [
      link('Mine', 'P', 'phosphate rock', { mode: 'ROAD' }),
      link('P', 'K1', 'phosphate', { mode: 'RAIL' }),
      link('P', 'K2', 'phosphate', { mode: 'ROAD' }),
    ],
  });

  it('"the highway out of Fuquan is closed, rail open": only road links leaving the region are blocked', () => {
    const result = evaluateScenario(fuquan, {
      blockLinksWhere: [{ modes: ['ROAD'], fromRegions: ['Guizhou/Fuquan'], crossRegion: true }],
    });
    expect(result.affected.map((a) => a.id)).toEqual(['K2']);
    expect([...result.failedLinkIndices].map((l) => fuquan.linkId(l))).toEqual(['P->K2']);
    // blockModes closes the local truck link too, and with it the plant and everything it supplies.
    expect(evaluateScenario(fuquan, { blockModes: ['ROAD'] }).stalledCount).toBe(3);
  });

  it('unions several filters, and an empty list in a filter matches nothing', () => {
    const result = evaluateScenario(fuquan, {
      blockLinksWhere: [{ products: ['phosphate'], toRegions: ['Guangdong/Foshan'] }, { modes: [] }],
    });
    expect(result.affected.map((a) => a.id)).toEqual(['K1']);
    expect(() => evaluateScenario(fuquan, { blockLinksWhere: [{ products: ['silk'] }] })).toThrow(/silk/);
  });
});

describe('SupplyGraph and scenario validation', () => {
  it('rejects links to unknown enterprises, naming them, and duplicate enterprise ids', () => {
    expect(() =>
      SupplyGraph.build({ enterprises: [enterprise('C', 'CHEMICAL')], links: [link('C', 'Q', 'dyestuff')] }),
    ).toThrow(/C->Q \(to Q\)/);
    expect(() =>
      SupplyGraph.build({ enterprises: [enterprise('C', 'CHEMICAL'), enterprise('C', 'FIBER')], links: [] }),
    ).toThrow(/Duplicate enterprise ids: C/);
  });

  it('indexes ids both ways', () => {
    expect(graph.nodeIndex('D')).toBe(1);
    expect(graph.nodeIndex('nope')).toBe(-1);
    expect(graph.linkIndex('C->D')).toBe(0);
    expect(graph.linkIndex('nope')).toBe(-1);
    expect(graph.enterpriseId(0)).toBe('C');
    expect(graph.linkId(0)).toBe('C->D');
  });

  it('rejects unknown ids and durations that are not positive', () => {
    expect(() => evaluateScenario(graph, { blockLinks: ['x'] })).toThrow(/unknown links x/);
    expect(() => evaluateScenario(graph, { blockLinks: ['C->D'], durationDays: 0 })).toThrow(RangeError);
  });

  it('blocks a whole region, and evaluates virtual links without changing the graph', () => {
    const region = evaluateScenario(graph, { blockRegions: ['Shanghai/Songjiang'] });
    expect(region.affected.map((a) => [a.id, a.direct])).toEqual([['D', true]]);
    const virtual = evaluateScenario(
      graph,
      { blockLinks: ['C->D'] },
      { extraLinks: [{ ...link('C', 'D', 'dyestuff'), id: 'spare' }] },
    );
    expect(virtual.stalledCount).toBe(0);
    expect(virtual.affected.map((a) => [a.id, a.outputFraction])).toEqual([['D', 0.5]]);
    expect(graph.linkCount).toBe(1);
    expect(evaluateScenario(graph, { blockLinks: ['C->D'] }).stalledCount).toBe(1);
  });

  it('compares with the current state when asked: a stalled plant is not stalled again by the scenario', () => {
    const current = SupplyGraph.build({
      enterprises: [
        enterprise('C', 'CHEMICAL', { status: 'CLOSED' }),
        enterprise('D', 'PRINTING_DYEING', { capacityRecovery: 0.6 }),
      ],
      links: [link('C', 'D', 'dyestuff')],
    });
    expect(evaluateScenario(current, { blockLinks: ['C->D'], includeCurrentState: true }).affected).toEqual([]);
    expect(evaluateScenario(current, { blockLinks: ['C->D'] }).stalledCount).toBe(1);
  });
});
