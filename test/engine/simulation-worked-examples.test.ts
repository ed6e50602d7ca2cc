import { describe, expect, it } from 'vitest';
import { SupplyGraph, listTrajectories, simulate, type SimulationInput, type SimulationResult } from '../../src/engine';
import { enterprise, link } from './graph-builders';

/** Simulates on `graph` and remembers the graph, so that trajectories can be read by id. */
const graphOf = new WeakMap<SimulationResult, SupplyGraph>();
const run = (graph: SupplyGraph, input: SimulationInput): SimulationResult => {
  const result = simulate(graph, input);
  graphOf.set(result, graph);
  return result;
};
const trajectory = (result: SimulationResult, id: string) =>
  listTrajectories(graphOf.get(result)!, result).find((t) => t.id === id);
const series = (result: SimulationResult, id: string) => result.watched.find((w) => w.id === id)!.series;
const rounded = (values: number[]) => values.map((v) => Math.round(v * 1e9) / 1e9);

/** C ships 10 dyestuff a day to dyeing plant D, which keeps 5 days of it (S* = 50); D sells to garment maker G. */
const dyeChain = () =>
  SupplyGraph.build({
    enterprises: [
      enterprise('C', 'CHEMICAL', { dailyOutputValue: 200_000 }),
      enterprise('D', 'PRINTING_DYEING', { dailyOutputValue: 1_000_000 }),
      enterprise('G', 'GARMENT', { dailyOutputValue: 400_000 }),
    ],
    links: [link('C', 'D', 'dyestuff', { volume: 10, inventoryDays: 5 }), link('D', 'G', 'dyed fabric')],
  });

describe('§9 worked examples', () => {
  it('nothing happens: with full stocks and everything at its base, no day loses anything', () => {
    const result = run(dyeChain(), { horizonDays: 30, events: [], watch: ['D'] });
    expect(result.days.every((d) => d.stalledCount === 0 && d.partialCount === 0 && d.lostOutputValue === 0)).toBe(
      true,
    );
    expect(result.trajectories.count).toBe(0);
    expect(result.peakDay).toBeNull();
    expect(result.cumulativeLostOutputValue).toBe(0);
    expect(series(result, 'D')).toEqual(new Array(30).fill(1));
  });

  it('a block lifted and stocks refilled at rho: C->D blocked for 3 days leaves D 20 of 50, refilled by 0.1 x 10 a day until full on day 33', () => {
    // Probe the stock with a second 5-day block: it needs a full stock (50) to pass without loss.
    const probe = (day: number) =>
      run(dyeChain(), {
        horizonDays: 45,
        restockRate: 0.1,
        events: [
          { day: 0, block: { links: ['C->D'] } },
          { day: 3, unblock: { links: ['C->D'] } },
          { day, block: { links: ['C->D'] } },
          { day: day + 5, unblock: { links: ['C->D'] } },
        ],
        watch: ['D'],
      });
    const first = probe(33);
    expect(first.trajectories.count).toBe(0); // 50, 40, 30, 20 at the start of days 0..3: never short
    expect(first.cumulativeLostOutputValue).toBe(0);

    // On day 32 the stock is 49: on the fifth day of the block D has 9 of its 10.
    const early = probe(32);
    expect(rounded(series(early, 'D').slice(30, 40))).toEqual([1, 1, 1, 1, 1, 1, 0.9, 1, 1, 1]);
    expect(trajectory(early, 'D')).toMatchObject({ firstAffectedDay: 36, firstStallDay: null, recoveredOnDay: 37 });
    expect(trajectory(early, 'D')!.lostValue).toBeCloseTo(100_000, 6);
    expect(early.days[36].directLostOutputValue).toBe(0); // D is not down: its loss travelled from the block
    expect(early.days[36].indirectLostOutputValue).toBeCloseTo(100_000 + 40_000, 6); // D and G (no stock of fabric)
  });

  it('a second shock hitting depleted stocks: a 5-day block that stock alone would bridge stalls D when it comes 10 days after a first one', () => {
    const secondShock = [
      { day: 10, block: { links: ['C->D'] } },
      { day: 15, unblock: { links: ['C->D'] } },
    ];
    const alone = run(dyeChain(), { horizonDays: 20, events: secondShock });
    expect(alone.trajectories.count).toBe(0);

    const afterFirst = run(dyeChain(), {
      horizonDays: 20,
      events: [{ day: 0, block: { links: ['C->D'] } }, { day: 3, unblock: { links: ['C->D'] } }, ...secondShock],
      watch: ['D', 'G'],
    });
    // Stock 20 on day 3, 27 on day 10: 2.7 days of need.
    expect(rounded(series(afterFirst, 'D').slice(9, 17))).toEqual([1, 1, 1, 0.7, 0, 0, 1, 1]);
    expect(trajectory(afterFirst, 'D')).toMatchObject({
      firstAffectedDay: 12,
      firstStallDay: 13,
      recoveredOnDay: 15,
      minFraction: 0,
    });
    expect(trajectory(afterFirst, 'G')).toMatchObject({ firstAffectedDay: 12, firstStallDay: 13, recoveredOnDay: 15 });
    expect(afterFirst.days[13]).toMatchObject({ stalledCount: 2, partialCount: 0, directLostOutputValue: 0 });
    expect(afterFirst.days[13].indirectLostOutputValue).toBe(1_400_000);
    expect(afterFirst.peakDay).toBe(13);
    expect(afterFirst.cumulativeLostOutputValue).toBeCloseTo(0.3 * 1_400_000 + 2 * 1_400_000, 6);
  });

  it("capacity returning in steps (Keqiao's workforce): D at 0.3 from day 0, 0.6 from day 7, 0.9 from day 14, 1 from day 21; G's 3 days of fabric delay the drop", () => {
    const graph = SupplyGraph.build({
      enterprises: [
        enterprise('C', 'CHEMICAL', { dailyOutputValue: 200_000 }),
        enterprise('D', 'PRINTING_DYEING', { dailyOutputValue: 1_000_000, dailyCapacity: 50_000, unit: 'm' }),
        enterprise('G', 'GARMENT', { dailyOutputValue: 400_000, dailyCapacity: 8_000, unit: 'pieces' }),
      ],
      links: [
        link('C', 'D', 'dyestuff', { volume: 10, inventoryDays: 5 }),
        link('D', 'G', 'dyed fabric', { volume: 10, inventoryDays: 3 }),
      ],
    });
    const result = run(graph, {
      horizonDays: 28,
      events: [
        { day: 0, setCapacity: [{ enterpriseId: 'D', capacity: 0.3 }] },
        { day: 7, setCapacity: [{ enterpriseId: 'D', capacity: 0.6 }] },
        { day: 14, setCapacity: [{ enterpriseId: 'D', capacity: 0.9 }] },
        { day: 21, setCapacity: [{ enterpriseId: 'D', capacity: 1 }] },
      ],
      watch: ['D', 'G'],
    });
    const steps = (a: number, b: number, c: number, d: number) => [
      ...new Array(7).fill(a),
      ...new Array(7).fill(b),
      ...new Array(7).fill(c),
      ...new Array(7).fill(d),
    ];
    expect(rounded(series(result, 'D'))).toEqual(steps(0.3, 0.6, 0.9, 1));
    // G: 30 of fabric, 3 a day coming in: full until day 3, half on day 4 (2 left + 3), then what comes in.
    expect(rounded(series(result, 'G'))).toEqual([1, 1, 1, 1, 0.5, 0.3, 0.3, ...steps(0.6, 0.9, 1, 1).slice(0, 21)]);
    expect(result.days[0]).toMatchObject({
      partialCount: 1,
      directLostOutputValue: 700_000,
      indirectLostOutputValue: 0,
    });
    expect(result.days[5].directLostOutputValue).toBeCloseTo(700_000, 6);
    expect(result.days[5].indirectLostOutputValue).toBeCloseTo(280_000, 6);
    expect(trajectory(result, 'D')).toMatchObject({ firstAffectedDay: 0, recoveredOnDay: 21, firstStallDay: null });
    expect(trajectory(result, 'D')!.minFraction).toBeCloseTo(0.3, 12);
    expect(trajectory(result, 'G')).toMatchObject({ firstAffectedDay: 4, recoveredOnDay: 21 });
    // Lost normal days: D 7 x (0.7 + 0.4 + 0.1) = 8.4; G 0.5 + 0.7 x 2 + 7 x (0.4 + 0.1) = 5.4.
    expect(trajectory(result, 'D')!.lostValue).toBeCloseTo(8_400_000, 4);
    expect(trajectory(result, 'G')!.lostValue).toBeCloseTo(2_160_000, 4);
    expect(result.cumulativeLostOutputByUnit.map((u) => [u.unit, Math.round(u.amount)])).toEqual([
      ['m', 420_000],
      ['pieces', 43_200],
    ]);
    expect(result.days.slice(21).every((d) => d.lostOutputValue === 0)).toBe(true);
  });

  it('Fuquan timeline: the highway out of Fuquan closed from day 0, the rail route opening on day 7', () => {
    // Phosphate from P reaches customer K in Foshan by road through checkpoint H (30 a day) and by rail
    // through station R (10 a day); K keeps 3 days of each. A local road link P->L inside Fuquan stays open.
    const fuquan = { region: 'Guizhou/Fuquan' };
    const graph = SupplyGraph.build({
      enterprises: [
        enterprise('P', 'CHEMICAL', { ...fuquan, dailyOutputValue: 3_000_000 }),
        enterprise('H', 'LOGISTICS', { ...fuquan }),
        enterprise('R', 'LOGISTICS', { ...fuquan }),
        enterprise('L', 'MANUFACTURER', { ...fuquan, dailyOutputValue: 100_000 }),
        enterprise('K', 'MANUFACTURER', { region: 'Guangdong/Foshan', dailyOutputValue: 2_000_000 }),
      ],
      links: [
        link('P', 'H', 'phosphate', { volume: 30 }),
        link('H', 'K', 'phosphate', { volume: 30, inventoryDays: 3 }),
        link('P', 'R', 'phosphate', { volume: 10, mode: 'RAIL' }),
        link('R', 'K', 'phosphate', { volume: 10, mode: 'RAIL', inventoryDays: 3 }),
        link('P', 'L', 'phosphate', { volume: 5 }),
      ],
    });
    const highwayOut = { modes: ['ROAD' as const], fromRegions: ['Guizhou/Fuquan'], crossRegion: true };
    const result = run(graph, {
      horizonDays: 14,
      restockRate: 0.1,
      events: [
        { day: 0, block: { linksWhere: [highwayOut], links: ['R->K'] } },
        { day: 7, unblock: { links: ['R->K'] } },
      ],
      watch: ['K', 'L', 'H'],
    });
    // K's 120 of stock is 3 days of its 40; from day 7 rail brings 10 (0.25), and the refill of 0.1 x 10 a
    // day (spare capacity upstream) adds 1 from day 8.
    expect(rounded(series(result, 'K'))).toEqual([1, 1, 1, 0, 0, 0, 0, 0.25, 0.275, 0.275, 0.275, 0.275, 0.275, 0.275]);
    expect(series(result, 'L').every((f) => f === 1)).toBe(true); // the local road link is no highway out
    expect(series(result, 'H').every((f) => f === 1)).toBe(true); // the checkpoint still receives; H->K is closed
    expect(trajectory(result, 'K')).toMatchObject({ firstAffectedDay: 3, firstStallDay: 3, recoveredOnDay: null });
    expect(result.days[3]).toMatchObject({ stalledCount: 1, lostOutputValue: 2_000_000, directLostOutputValue: 0 });
    expect(result.days[7].lostOutputValue).toBeCloseTo(1_500_000, 6);
  });

  it('an upstream hub locked down for 14 days: direct loss first, then indirect loss that grows as stocks run out and overtakes it', () => {
    // Hub C (dyestuff) supplies four dyeing plants holding 3, 5, 7 and 10 days of it; each dyeing plant
    // supplies one garment maker holding 2 days of fabric.
    const days = [3, 5, 7, 10];
    const graph = SupplyGraph.build({
      enterprises: [
        enterprise('C', 'CHEMICAL', { region: 'Shaoxing/Binhai', dailyOutputValue: 500_000 }),
        ...days.flatMap((_, i) => [
          enterprise(`D${i + 1}`, 'PRINTING_DYEING', { dailyOutputValue: 1_000_000 }),
          enterprise(`G${i + 1}`, 'GARMENT', { dailyOutputValue: 600_000 }),
        ]),
      ],
      links: days.flatMap((inventoryDays, i) => [
        link('C', `D${i + 1}`, 'dyestuff', { inventoryDays }),
        link(`D${i + 1}`, `G${i + 1}`, 'dyed fabric', { inventoryDays: 2 }),
      ]),
    });
    const result = run(graph, {
      horizonDays: 20,
      events: [
        { day: 0, block: { regions: ['Shaoxing/Binhai'] } },
        { day: 14, unblock: { regions: ['Shaoxing/Binhai'] } },
      ],
    });
    const direct = result.days.map((d) => d.directLostOutputValue);
    const indirect = result.days.map((d) => d.indirectLostOutputValue);
    expect(direct).toEqual([...new Array(14).fill(500_000), ...new Array(6).fill(0)]);
    expect(indirect).toEqual([
      0, 0, 0, 1_000_000, 1_000_000, 2_600_000, 2_600_000, 4_200_000, 4_200_000, 4_800_000, 5_800_000, 5_800_000,
      6_400_000, 6_400_000, 0, 0, 0, 0, 0, 0,
    ]);
    expect(indirect.findIndex((loss, t) => loss > direct[t])).toBe(3);
    expect(result.peakDay).toBe(12);
    expect(result.days[12]).toMatchObject({ stalledCount: 9, lostOutputValue: 6_900_000 });
    for (const [i, stock] of days.entries()) {
      expect(trajectory(result, `D${i + 1}`)).toMatchObject({ firstStallDay: stock, recoveredOnDay: 14 });
      expect(trajectory(result, `G${i + 1}`)).toMatchObject({ firstStallDay: stock + 2, recoveredOnDay: 14 });
    }
    expect(trajectory(result, 'C')).toMatchObject({ firstStallDay: 0, recoveredOnDay: 14, lostValue: 7_000_000 });
    // Trajectories: by first affected day, then the larger cumulative loss first.
    expect(listTrajectories(graph, result).map((t) => t.id)).toEqual([
      'C',
      'D1',
      'D2',
      'G1',
      'D3',
      'G2',
      'G3',
      'D4',
      'G4',
    ]);
    expect(result.cumulativeDirectLostOutputValue).toBe(7_000_000);
    expect(result.cumulativeIndirectLostOutputValue).toBeGreaterThan(5 * result.cumulativeDirectLostOutputValue);
  });

  it('an unblock removes only what it names: a link blocked by its mode stays blocked when unblocked by id', () => {
    const result = run(dyeChain(), {
      horizonDays: 3,
      events: [
        { day: 0, block: { modes: ['ROAD'], links: ['C->D'] } },
        { day: 1, unblock: { links: ['C->D'] } },
        { day: 2, unblock: { modes: ['ROAD'] } },
      ],
      watch: ['G'],
    });
    // G has no stock of fabric: it stops on day 0 and runs again only once ROAD is lifted.
    expect(series(result, 'G')).toEqual([0, 0, 1]);
  });

  it('blocking an enterprise blocks none of its links: a down dyeing plant still takes in dyestuff and fills its stock', () => {
    const result = run(dyeChain(), {
      horizonDays: 12,
      restockRate: 0,
      events: [
        { day: 0, block: { links: ['C->D'] } },
        { day: 4, unblock: { links: ['C->D'] }, block: { enterprises: ['D'] } }, // stock 10 of 50
        { day: 6, unblock: { enterprises: ['D'] }, block: { links: ['C->D'] } }, // 2 days of 10 in: stock 30
      ],
      watch: ['D'],
    });
    expect(rounded(series(result, 'D'))).toEqual([1, 1, 1, 1, 0, 0, 1, 1, 1, 0, 0, 0]);
    expect(result.days[4].directLostOutputValue).toBe(1_000_000);
    expect(result.days[9].directLostOutputValue).toBe(0);
  });

  it('capacity by region: every enterprise of the region takes the capacity, and its loss is direct', () => {
    const result = run(dyeChain(), {
      horizonDays: 2,
      events: [{ day: 1, setCapacity: [{ region: 'Shaoxing/Keqiao', capacity: 0.5 }] }],
      watch: ['C', 'D', 'G'],
    });
    // G runs at half its capacity on half its fabric: 0.25.
    expect(result.watched.map((w) => w.series)).toEqual([
      [1, 0.5],
      [1, 0.5],
      [1, 0.25],
    ]);
    expect(result.days[1].directLostOutputValue).toBe(100_000 + 500_000 + 300_000);
    expect(result.days[1].indirectLostOutputValue).toBe(0);
  });

  it('with the current state, stocks start full: a customer of a half-running supplier runs on its stock first, then settles at its baseline', () => {
    const graph = SupplyGraph.build({
      enterprises: [
        enterprise('C', 'CHEMICAL', { status: 'PARTIAL', capacityRecovery: 0.5 }),
        enterprise('D', 'PRINTING_DYEING', { dailyOutputValue: 1_000_000 }),
      ],
      links: [link('C', 'D', 'dyestuff', { volume: 10, inventoryDays: 2 })],
    });
    const result = run(graph, { horizonDays: 6, includeCurrentState: true, events: [], watch: ['D'] });
    expect(result.watched[0].baselineFraction).toBe(0.5);
    // 20 of stock, 5 a day in, 10 a day used: full on days 0-3 (the stock lasts 4 days), then 0.5.
    expect(rounded(series(result, 'D'))).toEqual([1, 1, 1, 1, 0.5, 0.5]);
    expect(result.days[0].lostOutputValue).toBe(-500_000); // above the baseline: a negative loss
    expect(result.days[4].lostOutputValue).toBe(0);
    expect(result.trajectories.count).toBe(0);
  });
});
