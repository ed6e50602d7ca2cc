import { describe, expect, it } from 'vitest';
import { SupplyGraph, planResumption } from '../../src/engine';
import { enterprise, link } from './graph-builders';

describe('planResumption', () => {
  it('reopens the link that restarts the most output first, then the closed weaving mill', () => {
    const graph = SupplyGraph.build({
      enterprises: [
        enterprise('F', 'FIBER', { dailyCapacity: 5 }),
        enterprise('D', 'PRINTING_DYEING', { dailyCapacity: 100 }),
        enterprise('M', 'MARKET', { dailyCapacity: 50 }),
        enterprise('T', 'FOREIGN_TRADE', { dailyCapacity: 20 }),
        enterprise('W', 'WEAVING', { dailyCapacity: 10, status: 'CLOSED' }),
        enterprise('G', 'GARMENT', { dailyCapacity: 30 }),
        enterprise('S', 'OTHER', { status: 'STALLED' }),
      ],
      links: [
        link('F', 'D', 'yarn', { status: 'BLOCKED' }),
        link('D', 'M', 'dyed fabric'),
        link('M', 'T', 'dyed fabric'),
        link('W', 'G', 'grey fabric'),
      ],
    });
    const steps = planResumption(graph, 10);
    expect(steps).toEqual([
      { kind: 'LINK', id: 'F->D', recoveredDailyOutput: 170, cumulativeRecoveredDailyOutput: 170, restartedCount: 3 },
      { kind: 'ENTERPRISE', id: 'W', recoveredDailyOutput: 40, cumulativeRecoveredDailyOutput: 210, restartedCount: 2 },
      { kind: 'ENTERPRISE', id: 'S', recoveredDailyOutput: 0, cumulativeRecoveredDailyOutput: 210, restartedCount: 1 },
    ]);
    expect(planResumption(graph, 1)).toHaveLength(1);
  });
});
