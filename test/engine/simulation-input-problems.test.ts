import { describe, expect, it } from 'vitest';
import { SupplyGraph, findSimulationInputProblems, simulate, type SimulationInput } from '../../src/engine';
import { enterprise, link } from './graph-builders';

const graph = SupplyGraph.build({
  enterprises: [enterprise('C', 'CHEMICAL'), enterprise('D', 'PRINTING_DYEING')],
  links: [link('C', 'D', 'dyestuff')],
});

describe('simulation input problems', () => {
  it('a good input has none', () => {
    const input: SimulationInput = {
      horizonDays: 30,
      restockRate: 0,
      events: [
        {
          day: 29,
          block: {
            links: ['C->D'],
            enterprises: ['C'],
            regions: ['Shaoxing/Keqiao'],
            modes: ['ROAD'],
            linksWhere: [{ products: ['dyestuff'], fromRegions: ['Shaoxing/Keqiao'] }],
          },
          setCapacity: [
            { enterpriseId: 'D', capacity: 0 },
            { region: 'Shaoxing/Keqiao', capacity: 1 },
          ],
        },
      ],
      watch: ['D'],
    };
    expect(findSimulationInputProblems(graph, input)).toEqual([]);
  });

  it('names every problem with its path: days outside the horizon, unknown ids, bad capacities', () => {
    const problems = findSimulationInputProblems(graph, {
      horizonDays: 10,
      restockRate: -0.5,
      events: [
        { day: 10, block: { links: ['nope'], enterprises: ['ghost'] } },
        { day: -1, unblock: { regions: ['Atlantis'], modes: ['TELEPORT' as never] } },
        {
          day: 2.5,
          block: { linksWhere: [{ products: ['unobtainium'], fromRegions: ['Atlantis'], toRegions: ['Lemuria'] }] },
          setCapacity: [
            { enterpriseId: 'D', capacity: 1.5 },
            { enterpriseId: 'ghost', capacity: Number.NaN },
            { capacity: 0.5 },
            { enterpriseId: 'D', region: 'Shaoxing/Keqiao', capacity: 0.5 },
            { region: 'Atlantis', capacity: -1 },
          ],
        },
      ],
      watch: ['D', 'phantom'],
    });
    expect(problems).toEqual([
      { path: 'restockRate', message: 'must be a number of at least 0' },
      { path: 'events[0].day', message: 'must be from 0 to 9 (days of the horizon), got 10' },
      { path: 'events[0].block.links[0]', message: 'unknown supply link "nope"' },
      { path: 'events[0].block.enterprises[0]', message: 'unknown enterprise "ghost"' },
      { path: 'events[1].day', message: 'must be from 0 to 9 (days of the horizon), got -1' },
      { path: 'events[1].unblock.regions[0]', message: 'unknown region "Atlantis"' },
      { path: 'events[1].unblock.modes[0]', message: 'unknown transport mode "TELEPORT"' },
      { path: 'events[2].day', message: 'must be from 0 to 9 (days of the horizon), got 2.5' },
      { path: 'events[2].block.linksWhere[0].products', message: 'no link carries product "unobtainium"' },
      { path: 'events[2].block.linksWhere[0].fromRegions', message: 'unknown region "Atlantis"' },
      { path: 'events[2].block.linksWhere[0].toRegions', message: 'unknown region "Lemuria"' },
      { path: 'events[2].setCapacity[0].capacity', message: 'must be from 0 to 1, got 1.5' },
      { path: 'events[2].setCapacity[1].enterpriseId', message: 'unknown enterprise "ghost"' },
      { path: 'events[2].setCapacity[1].capacity', message: 'must be from 0 to 1, got NaN' },
      { path: 'events[2].setCapacity[2]', message: 'must name exactly one of enterpriseId and region' },
      { path: 'events[2].setCapacity[3]', message: 'must name exactly one of enterpriseId and region' },
      { path: 'events[2].setCapacity[4].region', message: 'unknown region "Atlantis"' },
      { path: 'events[2].setCapacity[4].capacity', message: 'must be from 0 to 1, got -1' },
      { path: 'watch[1]', message: 'unknown enterprise "phantom"' },
    ]);
  });

  it.each([0, 366, 1.5, Number.NaN])('horizonDays %s is outside 1..365', (horizonDays) => {
    expect(findSimulationInputProblems(graph, { horizonDays, events: [{ day: 0 }] })).toEqual([
      { path: 'horizonDays', message: 'must be a whole number of days from 1 to 365' },
    ]);
  });

  it('the engine itself refuses a bad input with a RangeError naming the problems', () => {
    expect(() => simulate(graph, { horizonDays: 5, events: [{ day: 5 }] })).toThrow(
      new RangeError('Invalid simulation input: events[0].day: must be from 0 to 4 (days of the horizon), got 5'),
    );
  });
});
