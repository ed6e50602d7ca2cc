import { baseStateOf } from './base-state';
import type { EngineLink } from './graph-input';
import { resolveScenario, type ResolvedScenario, type Scenario } from './scenario';
import { ImpactResult, isPartial } from './impact-result';
import type { PropagationStrategy } from './state-change';
import { propagationFor, type StatePropagation } from './state-propagation';
import type { SupplyGraph } from './supply-graph';

export interface EvaluateOptions {
  /**
   * Virtual OPEN links added for this evaluation only (used by alternative
   * suppliers). They are part of both the baseline and the scenario, as if
   * they existed in the graph, and no scenario block (not even blockModes)
   * applies to them. Costs a rebuild of the index: O(graph).
   */
  extraLinks?: readonly EngineLink[];
  /**
   * Propagate from the blocks, or sweep the whole graph (see
   * StatePropagation); both give the same answer. Default 'auto' picks by
   * the size of the change; the others are for tests and benchmarks.
   */
  strategy?: PropagationStrategy;
}

/**
 * The impact of a scenario (§2-§5) against its baseline. Incremental: the
 * baseline is evaluated once per graph and flag, and a scenario only touches
 * what its blocks reach.
 *
 * Window rule (durationDays D): an enterprise is stalled iff it is direct or
 * it outputs something in the baseline and T(v) < D. For fractions, a link
 * counts as not delivering only if t(l) + inventoryDays(l) < D; a link that
 * stops within the window but whose stock lasts past it keeps its baseline
 * contribution. Links that deliver nothing in the baseline have no stock left.
 */
export function evaluateScenario(graph: SupplyGraph, scenario: Scenario, options?: EvaluateOptions): ImpactResult {
  // Resolve against the original graph: indices are shared, and the virtual links stay out of mode blocks.
  const resolved = resolveScenario(graph, scenario);
  const extra = options?.extraLinks ?? [];
  const target = extra.length > 0 ? graph.withExtraLinks(extra) : graph;
  const strategy = options?.strategy;
  const run = runScenario(target, resolved, strategy);
  return new ImpactResult(target, run, () => runScenario(target, resolved, strategy));
}

/** Runs a resolved scenario; the results live in the graph's propagation until the next run. */
export function runScenario(
  graph: SupplyGraph,
  resolved: ResolvedScenario,
  strategy?: PropagationStrategy,
): StatePropagation {
  const base = baseStateOf(graph, resolved.includeCurrentState);
  const propagation = propagationFor(graph);
  propagation.run(base, {
    downNodes: resolved.downNodes,
    blockedLinks: resolved.blockedLinks,
    window: resolved.window,
    strategy,
  });
  return propagation;
}

/** The counts and §8 value totals of a run. */
export interface RunSummary {
  stalledCount: number;
  partialCount: number;
  /** Over producers, CNY per day (unknown values count as 0). */
  lostOutputValue: number;
  /** Over pass-throughs. */
  lostTradeValue: number;
}

/** Counts and value totals only, without building result objects: used where thousands of scenarios are compared. */
export function summarizeRun(graph: SupplyGraph, run: StatePropagation): RunSummary {
  let stalledCount = 0;
  let partialCount = 0;
  let lostOutputValue = 0;
  let lostTradeValue = 0;
  const base = run.baseState.fraction;
  for (const v of run.touchedNodes) {
    const stalled = run.isStalled(v);
    if (stalled) stalledCount++;
    else if (isPartial(graph, run, v)) partialCount++;
    else continue;
    const value = graph.nodeDailyOutputValue[v];
    if (Number.isNaN(value)) continue;
    const lost = value * (base[v] - run.fraction(v));
    if (graph.nodePassThrough[v] === 1) lostTradeValue += lost;
    else lostOutputValue += lost;
  }
  return { stalledCount, partialCount, lostOutputValue, lostTradeValue };
}
