import { describe, expect, it } from 'vitest';
import { SupplyGraph, evaluateScenario, type ImpactResult } from '../../src/engine';
import { enterprise, link } from './graph-builders';

const byId = (result: ImpactResult, id: string) => result.affected.find((a) => a.id === id);
const stalledIds = (result: ImpactResult) =>
  result.affected
    .filter((a) => a.stalled)
    .map((a) => a.id)
    .sort();
const partialIds = (result: ImpactResult) =>
  result.affected
    .filter((a) => a.partial)
    .map((a) => a.id)
    .sort();

describe('README §6 worked examples', () => {
  it('Example 1: blocking F->D stalls D, M and T in the chain F -> D -> M -> T', () => {
    const graph = SupplyGraph.build({
      enterprises: [
        enterprise('F', 'FIBER', { dailyCapacity: 10, unit: 't', dailyOutputValue: 80_000 }),
        enterprise('D', 'PRINTING_DYEING', { dailyCapacity: 100, unit: 'm', dailyOutputValue: 1_000 }),
        enterprise('M', 'MARKET', { dailyCapacity: 50, unit: 'm', dailyOutputValue: 500 }),
        enterprise('T', 'FOREIGN_TRADE', { dailyCapacity: 20, unit: 'm', dailyOutputValue: 200 }),
      ],
      links: [link('F', 'D', 'polyester yarn'), link('D', 'M', 'dyed fabric'), link('M', 'T', 'dyed fabric')],
    });
    const result = evaluateScenario(graph, { blockLinks: ['F->D'] });
    expect(stalledIds(result)).toEqual(['D', 'M', 'T']);
    expect(result.affected.map((a) => a.id)).toEqual(['D', 'M', 'T']);
    expect(result.stalledCount).toBe(3);
    expect(result.partialCount).toBe(0);
    for (const a of result.affected) {
      expect(a.direct).toBe(false);
      expect(a.partial).toBe(false);
      expect(a.baselineFraction).toBe(1);
      expect(a.outputFraction).toBe(0);
      expect(a.stallsOnDay).toBe(0);
    }
    expect(byId(result, 'D')?.missingInputs).toEqual(['polyester yarn']);
    expect(byId(result, 'M')?.missingInputs).toEqual(['dyed fabric']);
    expect(byId(result, 'T')?.cause).toEqual(['F->D', 'D->M', 'M->T']);
    expect(byId(result, 'D')?.cause).toEqual(['F->D']);
    // §8: only D is a producer; the market and the trade firm forward D's fabric, so their loss is trade value.
    expect(result.lostOutputValue).toBe(1_000);
    expect(result.lostTradeValue).toBe(700);
    expect(result.lostOutputByUnit).toEqual([{ unit: 'm', amount: 100 }]);
    expect(byId(result, 'D')).toMatchObject({ lostDailyOutput: 100, lostOutputValue: 1_000, lostTradeValue: null });
    expect(byId(result, 'M')).toMatchObject({ lostOutputValue: null, lostTradeValue: 500 });
    expect(result.failedLinks.map((l) => graph.linkId(l)).sort()).toEqual(['D->M', 'F->D', 'M->T']);
  });

  it('Example 2: with two dyestuff suppliers, blocking C1->D stalls nothing and D runs at w(C2->D)', () => {
    const graph = SupplyGraph.build({
      enterprises: [
        enterprise('C1', 'CHEMICAL'),
        enterprise('C2', 'CHEMICAL'),
        enterprise('D', 'PRINTING_DYEING', { dailyCapacity: 100 }),
      ],
      links: [link('C1', 'D', 'dyestuff', { volume: 30 }), link('C2', 'D', 'dyestuff', { volume: 10 })],
    });
    const result = evaluateScenario(graph, { blockLinks: ['C1->D'] });
    expect(result.stalledCount).toBe(0);
    expect(partialIds(result)).toEqual(['D']);
    const d = byId(result, 'D')!;
    expect(d.outputFraction).toBeCloseTo(0.25, 12);
    expect(d.lostDailyOutput).toBeCloseTo(75, 9);
    expect(d.stallsOnDay).toBeNull();
    expect(d.missingInputs).toEqual([]);
    expect(d.cause).toEqual(['C1->D']);
    expect(result.lostOutputByUnit).toEqual([{ unit: null, amount: expect.closeTo(75, 9) }]);
    expect(result.unvaluedProducerCount).toBe(1);
  });

  it('Example 3: blocking W->D stalls D and everything that depends only on D', () => {
    const graph = SupplyGraph.build({
      enterprises: [
        enterprise('C1', 'CHEMICAL'),
        enterprise('W', 'WEAVING'),
        enterprise('D', 'PRINTING_DYEING'),
        enterprise('D2', 'PRINTING_DYEING'),
        enterprise('G', 'GARMENT'),
        enterprise('G2', 'GARMENT', { dailyCapacity: 40 }),
      ],
      links: [
        link('C1', 'D', 'dyestuff'),
        link('W', 'D', 'grey fabric'),
        link('D', 'G', 'dyed fabric'),
        link('D', 'G2', 'dyed fabric', { volume: 3 }),
        link('D2', 'G2', 'dyed fabric', { volume: 1 }),
      ],
    });
    const result = evaluateScenario(graph, { blockLinks: ['W->D'] });
    expect(stalledIds(result)).toEqual(['D', 'G']);
    expect(partialIds(result)).toEqual(['G2']);
    expect(byId(result, 'D')?.missingInputs).toEqual(['grey fabric']);
    expect(byId(result, 'G')?.cause).toEqual(['W->D', 'D->G']);
    expect(byId(result, 'G2')?.outputFraction).toBeCloseTo(0.25, 12);
    expect(byId(result, 'G2')?.lostDailyOutput).toBeCloseTo(30, 9);
    expect(byId(result, 'G2')?.cause).toEqual(['W->D', 'D->G2']);
    expect(byId(result, 'C1')).toBeUndefined();
  });

  describe('Example 4: Fuquan phosphate from P to K through highway checkpoint H and rail station R', () => {
    const graph = SupplyGraph.build({
      enterprises: [
        enterprise('P', 'CHEMICAL', { region: 'Qiannan/Fuquan' }),
        enterprise('H', 'LOGISTICS', { region: 'Qiannan/Fuquan' }),
        enterprise('R', 'LOGISTICS', { region: 'Qiannan/Fuquan' }),
        enterprise('K', 'MANUFACTURER', { region: 'Guiyang', dailyCapacity: 200, dailyOutputValue: 2_000 }),
      ],
      links: [
        link('P', 'H', 'phosphate', { mode: 'ROAD' }),
        link('H', 'K', 'phosphate', { mode: 'ROAD' }),
        link('P', 'R', 'phosphate', { mode: 'RAIL' }),
        link('R', 'K', 'phosphate', { mode: 'RAIL' }),
      ],
    });

    it('Example 4: blocking H keeps K running over rail', () => {
      const result = evaluateScenario(graph, { blockEnterprises: ['H'] });
      expect(stalledIds(result)).toEqual(['H']);
      expect(byId(result, 'H')?.direct).toBe(true);
      expect(byId(result, 'H')?.cause).toEqual([]);
      expect(byId(result, 'K')?.stalled).toBe(false);
      expect(byId(result, 'K')?.partial).toBe(true);
      expect(byId(result, 'K')?.outputFraction).toBeCloseTo(0.5, 12);
      expect(byId(result, 'K')?.cause).toEqual(['H->K']);
      expect(result.lostOutputValue).toBeCloseTo(1_000, 6);
    });

    it('Example 4: blocking H and R stalls K', () => {
      const result = evaluateScenario(graph, { blockEnterprises: ['H', 'R'] });
      expect(stalledIds(result)).toEqual(['H', 'K', 'R']);
      expect(byId(result, 'K')?.direct).toBe(false);
      expect(byId(result, 'K')?.stallsOnDay).toBe(0);
      expect(byId(result, 'K')?.missingInputs).toEqual(['phosphate']);
      expect(result.lostOutputValue).toBe(2_000);
      expect(result.lostTradeValue).toBe(0);
    });

    it('Example 4: blockModes ROAD alone keeps K running over rail', () => {
      const result = evaluateScenario(graph, { blockModes: ['ROAD'] });
      expect(byId(result, 'K')?.stalled).toBe(false);
      expect(byId(result, 'K')?.outputFraction).toBeCloseTo(0.5, 12);
      expect(byId(result, 'H')?.stalled).toBe(true);
      expect(byId(result, 'H')?.direct).toBe(false);
      expect(byId(result, 'R')).toBeUndefined();
      expect(byId(result, 'P')).toBeUndefined();
    });
  });

  it('Example 5: blocking D->M stalls T1 but not T2 and leaves market M partial', () => {
    const graph = SupplyGraph.build({
      enterprises: [
        enterprise('D', 'PRINTING_DYEING'),
        enterprise('Y', 'FIBER'),
        enterprise('M', 'MARKET', { dailyCapacity: 80 }),
        enterprise('T1', 'FOREIGN_TRADE'),
        enterprise('T2', 'FOREIGN_TRADE'),
      ],
      links: [
        link('D', 'M', 'dyed fabric'),
        link('Y', 'M', 'yarn'),
        link('M', 'T1', 'dyed fabric'),
        link('M', 'T2', 'yarn'),
      ],
    });
    const result = evaluateScenario(graph, { blockLinks: ['D->M'] });
    expect(stalledIds(result)).toEqual(['T1']);
    expect(partialIds(result)).toEqual(['M']);
    expect(byId(result, 'T2')).toBeUndefined();
    const m = byId(result, 'M')!;
    expect(m.missingInputs).toEqual(['dyed fabric']);
    expect(m.outputFraction).toBeCloseTo(0.5, 12);
    expect(m.lostDailyOutput).toBeCloseTo(40, 9);
    expect(m.cause).toEqual(['D->M']);
    expect(byId(result, 'T1')?.cause).toEqual(['D->M', 'M->T1']);
  });

  describe('Example 6: D keeps 5 days of dyestuff from C', () => {
    const graph = SupplyGraph.build({
      enterprises: [
        enterprise('C', 'CHEMICAL'),
        enterprise('D', 'PRINTING_DYEING', { dailyCapacity: 100 }),
        enterprise('G', 'GARMENT'),
      ],
      links: [link('C', 'D', 'dyestuff', { inventoryDays: 5 }), link('D', 'G', 'dyed fabric', { inventoryDays: 1 })],
    });

    it('Example 6: blocking C->D for 3 days stalls nothing and loses nothing', () => {
      const result = evaluateScenario(graph, { blockLinks: ['C->D'], durationDays: 3 });
      expect(result.affected).toEqual([]);
      expect(result.lostOutputValue).toBe(0);
      expect(result.failedLinks.map((l) => graph.linkId(l))).toEqual(['C->D']);
    });

    it('Example 6: blocking C->D for 7 days stalls D on day 5, and G on day 6 once its stock runs out', () => {
      const result = evaluateScenario(graph, { blockLinks: ['C->D'], durationDays: 7 });
      expect(stalledIds(result)).toEqual(['D', 'G']);
      expect(byId(result, 'D')?.stallsOnDay).toBe(5);
      expect(byId(result, 'G')?.stallsOnDay).toBe(6);
      expect(byId(result, 'D')?.lostDailyOutput).toBe(100);
      expect(result.affected.map((a) => a.id)).toEqual(['D', 'G']);
    });

    it('Example 6: blocking C->D for 6 days stalls D on day 5 while G still runs on its stock', () => {
      const result = evaluateScenario(graph, { blockLinks: ['C->D'], durationDays: 6 });
      expect(stalledIds(result)).toEqual(['D']);
      expect(byId(result, 'G')).toBeUndefined();
    });

    it('Example 6: without a duration D stalls on day 5', () => {
      const result = evaluateScenario(graph, { blockLinks: ['C->D'] });
      expect(byId(result, 'D')?.stallsOnDay).toBe(5);
      expect(byId(result, 'D')?.cause).toEqual(['C->D']);
    });
  });
});
