import { expect } from 'vitest';
import { SupplyGraph, evaluateScenario, type EvaluateOptions, type ImpactResult } from '../../src/engine';
import type { SupplyGraphInput } from '../../src/engine/graph-input';
import type { Scenario } from '../../src/engine/scenario';
import { PASS_THROUGH_KINDS } from '../../src/engine';
import { filterMatchesLink, referenceEvaluate } from './reference-engine';

const isPassThrough = (input: SupplyGraphInput, id: string): boolean =>
  PASS_THROUGH_KINDS.has(input.enterprises.find((e) => e.id === id)!.kind);

/**
 * Checks one evaluation against the naive reference: stalled, direct and
 * partial sets, fractions, days to stall, cause chains and totals.
 */
export function expectMatchesReference(
  input: SupplyGraphInput,
  scenario: Scenario,
  graph = SupplyGraph.build(input),
  strategy: EvaluateOptions['strategy'] = 'auto',
): ImpactResult {
  const result = evaluateScenario(graph, scenario, { strategy });
  const reference = referenceEvaluate(input, scenario);
  const affected = new Map(result.affected.map((a) => [a.id, a]));

  expect(new Set(result.affected.filter((a) => a.stalled).map((a) => a.id))).toEqual(reference.stalled);
  expect(new Set(result.affected.filter((a) => a.direct).map((a) => a.id))).toEqual(reference.direct);
  for (const e of input.enterprises) {
    const entry = affected.get(e.id);
    const fraction = entry?.outputFraction ?? reference.baselineFraction.get(e.id)!;
    expect(Math.abs(fraction - reference.fraction.get(e.id)!)).toBeLessThan(1e-6);
    if (entry !== undefined) {
      expect(Math.abs(entry.baselineFraction - reference.baselineFraction.get(e.id)!)).toBeLessThan(1e-6);
      expect(entry.stallsOnDay ?? null).toEqual(reference.stallDay.get(e.id) ?? null);
    }
    // A drop right at the 1e-9 threshold could fall either way between two iterations.
    const drop = reference.baselineFraction.get(e.id)! - reference.fraction.get(e.id)!;
    if (Math.abs(drop - 1e-9) > 1e-7) expect(entry?.partial ?? false).toBe(reference.partial.has(e.id));
  }
  // Cause chains of stalled enterprises run from a block, link to link, to the enterprise.
  const links = new Map(input.links.map((l) => [l.id, l]));
  const regionOf = (id: string) => input.enterprises.find((e) => e.id === id)!.region;
  for (const a of result.affected) {
    if (!a.stalled || a.direct) continue;
    expect(a.cause.length).toBeGreaterThan(0);
    const chain = a.cause.map((id) => links.get(id)!);
    expect(chain[chain.length - 1].to).toBe(a.id);
    for (let i = 1; i < chain.length; i++) expect(chain[i].from).toBe(chain[i - 1].to);
    const first = chain[0];
    const startsAtBlock =
      (scenario.blockLinks ?? []).includes(first.id) ||
      (scenario.blockModes ?? []).includes(first.mode) ||
      (scenario.blockLinksWhere ?? []).some((filter) => filterMatchesLink(filter, first, regionOf)) ||
      reference.direct.has(first.from);
    expect(startsAtBlock).toBe(true);
  }
  // §8: value over producers, trade value over pass-throughs, from each row.
  const lostOutput = result.affected.reduce((sum, a) => sum + (a.lostOutputValue ?? 0), 0);
  const lostTrade = result.affected.reduce((sum, a) => sum + (a.lostTradeValue ?? 0), 0);
  expect(result.lostOutputValue).toBeCloseTo(lostOutput, 6);
  expect(result.lostTradeValue).toBeCloseTo(lostTrade, 6);
  const unvalued = result.affected.filter((a) => a.lostOutputValue === null && a.lostTradeValue === null);
  expect(result.unvaluedProducerCount).toBe(unvalued.filter((a) => !isPassThrough(input, a.id)).length);
  expect(result.stalledCount + result.partialCount).toBe(result.affected.length);
  return result;
}
