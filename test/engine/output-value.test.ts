import { describe, expect, it } from 'vitest';
import { OutputLossAccumulator, SupplyGraph, lostValueOf, summarizeOutputLoss } from '../../src/engine';
import { enterprise, link } from './graph-builders';

// Alice dyes fabric (metres) for Buting's garments (pieces); the market M forwards Alice's fabric.
const graph = SupplyGraph.build({
  enterprises: [
    enterprise('Alice', 'PRINTING_DYEING', { dailyCapacity: 40_000, unit: 'm', dailyOutputValue: 1_200_000 }),
    enterprise('Buting', 'GARMENT', { dailyCapacity: 5_000, unit: 'pieces', dailyOutputValue: 900_000 }),
    enterprise('Weaver', 'WEAVING', { dailyCapacity: 10_000, unit: 'm' }),
    enterprise('Loose', 'OTHER', { dailyCapacity: 7, dailyOutputValue: 10 }),
    enterprise('M', 'MARKET', { dailyOutputValue: 3_000_000 }),
  ],
  links: [link('Alice', 'Buting', 'dyed fabric'), link('Alice', 'M', 'dyed fabric')],
});
const v = (id: string) => graph.nodeIndex(id);

describe('§8 output value and loss accounting', () => {
  it('lost value of one enterprise is dailyOutputValue x (baseline - scenario fraction), null when unknown', () => {
    expect(lostValueOf(graph, v('Alice'), 1, 0.25)).toBe(900_000);
    expect(lostValueOf(graph, v('Weaver'), 1, 0)).toBeNull();
  });

  it('sums value over producers only, keeps pass-throughs apart, adds physical output per unit only, and states coverage', () => {
    const nodes = ['Alice', 'Buting', 'Weaver', 'Loose', 'M'].map(v);
    const totals = summarizeOutputLoss(graph, nodes, [1, 1, 1, 1, 1], [0, 0.5, 0, 0, 0]);
    expect(totals).toEqual({
      lostOutputValue: 1_200_000 + 450_000 + 10,
      lostTradeValue: 3_000_000,
      lostOutputByUnit: [
        { unit: 'm', amount: 40_000 + 10_000 },
        { unit: 'pieces', amount: 2_500 },
        { unit: null, amount: 7 },
      ],
      affectedProducerCount: 4,
      unvaluedProducerCount: 1,
    });
  });

  it('the accumulator adds lost shares over days (lost normal days) and counts coverage only for affected enterprises', () => {
    const accumulator = new OutputLossAccumulator(graph);
    expect(accumulator.add(v('Alice'), 2.5, true)).toBe(3_000_000);
    expect(accumulator.add(v('Weaver'), 0.1, false)).toBe(0);
    expect(accumulator.add(v('M'), -0.5, false)).toBe(-1_500_000);
    expect(accumulator.totals()).toMatchObject({
      lostOutputValue: 3_000_000,
      lostTradeValue: -1_500_000,
      affectedProducerCount: 1,
      unvaluedProducerCount: 0,
    });
    accumulator.clear();
    expect(accumulator.totals()).toEqual({
      lostOutputValue: 0,
      lostTradeValue: 0,
      lostOutputByUnit: [],
      affectedProducerCount: 0,
      unvaluedProducerCount: 0,
    });
  });

  it('refuses arrays of different lengths', () => {
    expect(() => summarizeOutputLoss(graph, [0, 1], [1], [0, 0])).toThrow(RangeError);
  });

  it('the graph reads dailyOutputValue and unit, null where unknown', () => {
    expect(graph.dailyOutputValue(v('Alice'))).toBe(1_200_000);
    expect(graph.dailyOutputValue(v('Weaver'))).toBeNull();
    expect(graph.unit(v('Buting'))).toBe('pieces');
    expect(graph.unit(v('Loose'))).toBeNull();
  });
});
