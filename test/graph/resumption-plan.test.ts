import { describe, expect, it } from 'vitest';
import { uniquePrefix } from '../support/test-graph';
import { useGraphTest } from '../support/use-graph-test';
import { dataOf } from '../support/test-server';

/**
 * One region in today's state (README §8, resumption plan):
 *
 *   S (STALLED) --resin--> G (PARTIAL 0.5) --parts--> M (market)
 *   B --acid, BLOCKED--> H
 *   X --dye, BLOCKED--> Y <--salt-- Z (STALLED)
 *   W --copper, BLOCKED--> F (PARTIAL 0.3) <--copper-- W2      F <--plastic-- Q (PARTIAL 0.4)
 *
 * F is the Feidiao case: it runs at 0.3 x min(copper 0.5, plastic 0.4), so
 * reopening W's copper link brings nothing back while Q's plastic holds it.
 */
const p = uniquePrefix('plan');
const id = (name: string) => `${p}-${name}`;
const region = `${p}-Plan`;
const enterprise = (name: string, kind: string, dailyOutputValue: number, extra: object = {}) => ({
  id: id(name),
  name,
  kind,
  region,
  dailyCapacity: 100,
  unit: 't',
  dailyOutputValue,
  ...extra,
});
const link = (from: string, to: string, product: string, extra: object = {}) => ({
  id: id(`${from}-${to}`),
  from: id(from),
  to: id(to),
  product,
  mode: 'ROAD',
  ...extra,
});
const document = {
  enterprises: [
    enterprise('S', 'CHEMICAL', 2000, { status: 'STALLED' }),
    enterprise('G', 'MANUFACTURER', 5000, { status: 'PARTIAL', capacityRecovery: 0.5 }),
    enterprise('M', 'MARKET', 4000, { dailyCapacity: null }),
    enterprise('B', 'CHEMICAL', 500),
    enterprise('H', 'MANUFACTURER', 3000),
    enterprise('X', 'CHEMICAL', 800),
    enterprise('Z', 'CHEMICAL', 1000, { status: 'STALLED' }),
    enterprise('Y', 'MANUFACTURER', 6000),
    enterprise('W', 'RAW_MATERIAL', 700),
    enterprise('W2', 'RAW_MATERIAL', 700),
    enterprise('Q', 'CHEMICAL', 900, { status: 'PARTIAL', capacityRecovery: 0.4 }),
    enterprise('F', 'MANUFACTURER', 10000, { status: 'PARTIAL', capacityRecovery: 0.3 }),
  ],
  links: [
    link('S', 'G', 'resin'),
    link('G', 'M', 'parts'),
    link('B', 'H', 'acid', { status: 'BLOCKED' }),
    link('X', 'Y', 'dye', { status: 'BLOCKED' }),
    link('Z', 'Y', 'salt'),
    link('W', 'F', 'copper', { status: 'BLOCKED', volume: 50 }),
    link('W2', 'F', 'copper', { volume: 50 }),
    link('Q', 'F', 'plastic'),
  ],
};
const t = useGraphTest(p, { document });

const PLAN = `query($current: Boolean!) {
  resumptionPlan(top: 200, includeCurrentState: $current) {
    step kind link { id } enterprise { id } recoveredOutputValue cumulativeRecoveredOutputValue restartedCount
  }
}`;
const IMPACT = `query($s: ScenarioInput!) { impact(scenario: $s) { stalledCount lostOutputValue } }`;

interface Step {
  kind: 'LINK' | 'ENTERPRISE';
  link: { id: string } | null;
  enterprise: { id: string } | null;
  recoveredOutputValue: number;
  cumulativeRecoveredOutputValue: number;
  restartedCount: number;
}

const subjectOf = (step: Step) => (step.kind === 'LINK' ? step.link!.id : step.enterprise!.id);

/** The whole plan: the test database holds other files' blocks too, in other regions. */
async function wholePlan(includeCurrentState: boolean): Promise<Step[]> {
  return dataOf(await t.server.gql(PLAN, { current: includeCurrentState })).resumptionPlan;
}

/** This file's steps of the plan, in its order (the regions are apart, so theirs interleave without changing ours). */
async function planOf(includeCurrentState: boolean): Promise<Step[]> {
  return (await wholePlan(includeCurrentState)).filter((step) => subjectOf(step).startsWith(p));
}

async function impact(scenario: object): Promise<{ stalledCount: number; lostOutputValue: number }> {
  return dataOf(await t.server.gql(IMPACT, { s: { ...scenario, includeCurrentState: true } })).impact;
}

/**
 * The output value the region makes in today's state: what taking its every
 * enterprise down would lose against today's state as baseline.
 */
async function regionOutputValue(): Promise<number> {
  return (await impact({ blockRegions: [region] })).lostOutputValue;
}

/** Makes a step for real: reopens the link or restarts the enterprise (at full capacity). */
async function makeStep(step: Step): Promise<void> {
  const mutation =
    step.kind === 'LINK'
      ? `mutation($id: ID!) { setLinkStatus(id: $id, status: OPEN) { id } }`
      : `mutation($id: ID!) { setEnterpriseStatus(id: $id, status: OPERATING) { id } }`;
  dataOf(await t.server.gql(mutation, { id: subjectOf(step) }));
}

describe('resumption plan', () => {
  it('at full capacity (includeCurrentState: false), reopening the copper link into F brings back half of its output', async () => {
    const steps = await planOf(false);
    const copper = steps.find((step) => step.link?.id === id('W-F'));
    // F at full capacity runs at min(copper 0.5, plastic 1): the link brings back the other half.
    expect(copper?.recoveredOutputValue).toBeCloseTo(5000);
  });

  it('lifts the blocks of today, most output value first, a plant at 0.3 held by another input gaining nothing from its link', async () => {
    const steps = await planOf(true);
    expect(
      steps.map((step) => [subjectOf(step).slice(p.length + 1), step.recoveredOutputValue, step.restartedCount]),
    ).toEqual([
      ['S', 4500, 3], // S itself and G at its 0.5 (the market's forwarding is trade value); S, G, M restart
      ['B-H', 3000, 1],
      ['Z', 1000, 1], // Y still waits for its dye
      ['X-Y', 6000, 1],
      ['W-F', 0, 0], // F stays at 0.3 x min(copper 1, plastic 0.4)
    ]);
  });

  it("checks every step's gain against impact: the region's output value before and after making it, and re-blocking it once made", async () => {
    const whole = await wholePlan(true);
    let cumulative = 0;
    for (const step of whole) {
      cumulative += step.recoveredOutputValue;
      expect(step.cumulativeRecoveredOutputValue, subjectOf(step)).toBeCloseTo(cumulative, 3);
    }
    const steps = whole.filter((step) => subjectOf(step).startsWith(p));
    expect(steps.length).toBe(5);
    let before = await regionOutputValue();
    const start = before;
    for (const step of steps) {
      await makeStep(step);
      const after = await regionOutputValue();
      const label = `${step.kind} ${subjectOf(step)}`;
      // Lost output value before the step minus after it, both against everything at full capacity.
      expect(step.recoveredOutputValue, label).toBeCloseTo(after - before, 6);
      // Once made, blocking it again as a what-if on today's state loses exactly the step's gain.
      const undone = await impact(
        step.kind === 'LINK' ? { blockLinks: [subjectOf(step)] } : { blockEnterprises: [subjectOf(step)] },
      );
      expect(undone.lostOutputValue, label).toBeCloseTo(step.recoveredOutputValue, 6);
      expect(undone.stalledCount, label).toBe(step.restartedCount);
      before = after;
    }
    expect(before - start).toBeCloseTo(
      steps.reduce((sum, step) => sum + step.recoveredOutputValue, 0),
      6,
    );
    // Nothing of this region is left to lift.
    expect(await planOf(true)).toEqual([]);
  });
});
