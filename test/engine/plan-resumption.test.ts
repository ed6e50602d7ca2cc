import { describe, expect, it } from 'vitest';
import { SupplyGraph, planResumption, type ResumptionStep } from '../../src/engine';
import { enterprise, link } from './graph-builders';

const graph = SupplyGraph.build({
  enterprises: [
    enterprise('F', 'FIBER', { dailyOutputValue: 5 }),
    enterprise('D', 'PRINTING_DYEING', { dailyOutputValue: 100, status: 'PARTIAL', capacityRecovery: 0.5 }),
    enterprise('M', 'MARKET', { dailyOutputValue: 50 }),
    enterprise('T', 'FOREIGN_TRADE', { dailyOutputValue: 20 }),
    enterprise('W', 'WEAVING', { dailyOutputValue: 10, status: 'CLOSED', capacityRecovery: 0 }),
    enterprise('G', 'GARMENT', { dailyOutputValue: 30 }),
    enterprise('S', 'OTHER', { status: 'STALLED', capacityRecovery: 0 }),
    // Like Feidiao: a plant at 30% that needs copper (its link blocked) and plastics (their maker stalled).
    enterprise('Cu', 'RAW_MATERIAL', { dailyOutputValue: 0 }),
    enterprise('Pl', 'CHEMICAL', { dailyOutputValue: 40, status: 'STALLED', capacityRecovery: 0 }),
    enterprise('X', 'MANUFACTURER', { dailyOutputValue: 1_000, status: 'PARTIAL', capacityRecovery: 0.3 }),
  ],
  links: [
    link('F', 'D', 'yarn', { status: 'BLOCKED' }),
    link('D', 'M', 'dyed fabric'),
    link('M', 'T', 'dyed fabric'),
    link('W', 'G', 'grey fabric'),
    link('Cu', 'X', 'copper', { status: 'BLOCKED' }),
    link('Pl', 'X', 'plastics'),
  ],
});

const plain = (steps: ResumptionStep[]) =>
  steps.map(({ kind, id, recoveredOutputValue, cumulativeRecoveredOutputValue, restartedCount }) => ({
    kind,
    id,
    recovered: recoveredOutputValue,
    cumulative: cumulativeRecoveredOutputValue,
    restartedCount,
  }));

describe('planResumption', () => {
  it('runs every enterprise at its capacityRecovery: reopening a link into a plant held by another input recovers nothing yet', () => {
    expect(plain(planResumption(graph, { top: 10 }))).toEqual([
      // D runs at half capacity: its fabric, not the market's and trade firm's forwarding, counts.
      { kind: 'LINK', id: 'F->D', recovered: 50, cumulative: 50, restartedCount: 3 },
      // A tie at 40: the weaving mill restarts two enterprises, the plastics maker one.
      { kind: 'ENTERPRISE', id: 'W', recovered: 40, cumulative: 90, restartedCount: 2 },
      { kind: 'ENTERPRISE', id: 'Pl', recovered: 40, cumulative: 130, restartedCount: 1 },
      // Only now does the copper link bring X back, at its 30%.
      { kind: 'LINK', id: 'Cu->X', recovered: 300, cumulative: 430, restartedCount: 1 },
      { kind: 'ENTERPRISE', id: 'S', recovered: 0, cumulative: 430, restartedCount: 1 },
    ]);
    expect(planResumption(graph, { top: 1 })).toHaveLength(1);
  });

  it('runs every enterprise at full capacity without the current state', () => {
    const steps = plain(planResumption(graph, { top: 10, includeCurrentState: false }));
    expect(steps.map((s) => [s.id, s.recovered])).toEqual([
      ['F->D', 100],
      ['W', 40],
      ['Pl', 40],
      ['Cu->X', 1_000],
      ['S', 0],
    ]);
  });

  it('names each step by index and id', () => {
    const [first] = planResumption(graph, { top: 1 });
    expect(graph.linkId(first.index)).toBe('F->D');
  });
});
