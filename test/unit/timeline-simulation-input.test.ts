import { describe, expect, it } from 'vitest';
import { timelineSimulationInput } from '../../src/features/scenario/timeline-simulation-input';

/**
 * How a saved scenario's blocks and its timeline become one simulation (the
 * explorer's timeline panel follows the same rule, checked end to end in
 * test/e2e/timeline.test.ts): the scenario's blocks start on day 0 and, with
 * a duration, reopen on day ceil(durationDays) if that is within the horizon.
 */
const scenario = {
  blockLinks: ['l-1'],
  blockEnterprises: ['e-1'],
  blockRegions: [],
  blockModes: [],
  blockLinksWhere: [],
  includeCurrentState: true,
  durationDays: null as number | null,
};
const timeline = {
  horizonDays: 30,
  restockRate: 0.2,
  events: [{ day: 7, unblock: { enterprises: ['e-1'] } }],
};

describe('a saved scenario with a timeline, as a simulation', () => {
  it('blocks the scenario’s links and enterprises from day 0 to the end, then applies the timeline', () => {
    expect(timelineSimulationInput(scenario, timeline, ['w'])).toEqual({
      horizonDays: 30,
      restockRate: 0.2,
      includeCurrentState: true,
      events: [
        { day: 0, block: { links: ['l-1'], enterprises: ['e-1'], regions: [], modes: [], linksWhere: [] } },
        { day: 7, unblock: { enterprises: ['e-1'] } },
      ],
      watch: ['w'],
    });
  });

  it('reopens the scenario’s blocks on day ceil(durationDays), when that day is within the horizon', () => {
    const blocks = { links: ['l-1'], enterprises: ['e-1'], regions: [], modes: [], linksWhere: [] };
    const reopened = timelineSimulationInput({ ...scenario, durationDays: 2.5 }, timeline, null).events;
    expect(reopened.slice(0, 2)).toEqual([
      { day: 0, block: blocks },
      { day: 3, unblock: blocks },
    ]);
    const beyond = timelineSimulationInput({ ...scenario, durationDays: 30 }, timeline, null).events;
    expect(beyond.map((e) => e.day)).toEqual([0, 7]);
  });

  it('adds no block event for a scenario that blocks nothing', () => {
    const empty = { ...scenario, blockLinks: [], blockEnterprises: [] };
    expect(timelineSimulationInput(empty, timeline, null).events).toEqual(timeline.events);
  });
});
