import { baseStateOf } from './base-state';
import type { EngineLink } from './graph-input';
import { resolveScenario, type ResolvedScenario, type Scenario } from './scenario';
import { CauseTrail, FRACTION_EPSILON, propagationFor, type StatePropagation } from './state-propagation';
import type { SupplyGraph } from './supply-graph';

export interface EvaluateOptions {
  /**
   * Virtual OPEN links added for this evaluation only (used by alternative
   * suppliers). They are part of both the baseline and the scenario, as if
   * they existed in the graph, and no scenario block (not even blockModes)
   * applies to them. Costs a rebuild of the index: O(graph).
   */
  extraLinks?: readonly EngineLink[];
}

export interface AffectedEnterprise {
  index: number;
  id: string;
  /** §3, within the window when durationDays is set. */
  stalled: boolean;
  /** Stalled because it is itself down in the scenario but not in the baseline. */
  direct: boolean;
  /** Not stalled, but a pass-through lost some of its baseline products, or its fraction dropped by more than 1e-9. */
  partial: boolean;
  baselineFraction: number;
  outputFraction: number;
  /** (dailyCapacity ?? 0) * (baselineFraction - outputFraction). */
  lostDailyOutput: number;
  /** T(v) of §5 when stalled (0 when direct), else null. */
  stallsOnDay: number | null;
  /** Products it had in the baseline and no longer gets within the window, sorted. */
  missingInputs: string[];
  /** Link ids from a block to it, upstream first; [] when direct. */
  cause: string[];
}

export interface ImpactResult {
  /** Stalled or partial enterprises only: stalled first, then by stallsOnDay, then id. */
  affected: AffectedEnterprise[];
  stalledCount: number;
  partialCount: number;
  /** Summed over affected. */
  lostDailyOutput: number;
  /** Link indices that deliver in the baseline and stop within the window (blocked ones included). */
  failedLinks: number[];
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
  return describeRun(target, runScenario(target, resolved));
}

/** Runs a resolved scenario; the results live in the graph's propagation until the next run. */
export function runScenario(graph: SupplyGraph, resolved: ResolvedScenario): StatePropagation {
  const base = baseStateOf(graph, resolved.includeCurrentState);
  const propagation = propagationFor(graph);
  propagation.run(base, {
    downNodes: resolved.downNodes,
    blockedLinks: resolved.blockedLinks,
    window: resolved.window,
  });
  return propagation;
}

/** Whether v counts as affected, and how, after a run. */
export function isPartial(graph: SupplyGraph, run: StatePropagation, v: number): boolean {
  if (run.isStalled(v)) return false;
  if (graph.nodePassThrough[v] === 1 && run.lostSomePort(v)) return true;
  return run.fraction(v) < run.baseState.fraction[v] - FRACTION_EPSILON;
}

/** Lost daily output of v after a run. */
export function lostOutput(graph: SupplyGraph, run: StatePropagation, v: number): number {
  const capacity = graph.nodeDailyCapacity[v];
  if (Number.isNaN(capacity)) return 0;
  return capacity * (run.baseState.fraction[v] - run.fraction(v));
}

/** Counts only, without building result objects: used where thousands of scenarios are compared. */
export function summarizeRun(
  graph: SupplyGraph,
  run: StatePropagation,
): { stalledCount: number; partialCount: number; lostDailyOutput: number } {
  let stalledCount = 0;
  let partialCount = 0;
  let lostDailyOutput = 0;
  for (const v of run.touchedNodes) {
    const stalled = run.isStalled(v);
    if (stalled) stalledCount++;
    else if (isPartial(graph, run, v)) partialCount++;
    else continue;
    lostDailyOutput += lostOutput(graph, run, v);
  }
  return { stalledCount, partialCount, lostDailyOutput };
}

function describeRun(graph: SupplyGraph, run: StatePropagation): ImpactResult {
  const affected: AffectedEnterprise[] = [];
  const trail = new CauseTrail(graph);
  let stalledCount = 0;
  let partialCount = 0;
  let lostDailyOutput = 0;
  for (const v of run.touchedNodes) {
    const stalled = run.isStalled(v);
    const partial = !stalled && isPartial(graph, run, v);
    if (!stalled && !partial) continue;
    if (stalled) stalledCount++;
    else partialCount++;
    const lost = lostOutput(graph, run, v);
    lostDailyOutput += lost;
    const direct = run.isDirect(v);
    if (!direct) run.recordCause(v, trail);
    const entry: AffectedEnterprise = {
      index: v,
      id: graph.enterpriseId(v),
      stalled,
      direct,
      partial,
      baselineFraction: run.baseState.fraction[v],
      outputFraction: run.fraction(v),
      lostDailyOutput: lost,
      stallsOnDay: stalled ? run.stallDay(v) : null,
      missingInputs: missingInputs(graph, run, v),
      cause: direct ? [] : trail.chain(v).map((l) => graph.linkId(l)),
    };
    affected.push(entry);
  }
  affected.sort(compareAffected);
  return { affected, stalledCount, partialCount, lostDailyOutput, failedLinks: run.failedLinks.slice() };
}

function missingInputs(graph: SupplyGraph, run: StatePropagation, v: number): string[] {
  const products: string[] = [];
  const passThrough = graph.nodePassThrough[v] === 1;
  for (let q = graph.nodePortStart[v]; q < graph.nodePortStart[v + 1]; q++) {
    const missing = passThrough ? run.isPortFailed(q) : run.isPortEmptied(q);
    if (missing) products.push(graph.productName(graph.portProduct[q]));
  }
  return products.sort();
}

function compareAffected(a: AffectedEnterprise, b: AffectedEnterprise): number {
  if (a.stalled !== b.stalled) return a.stalled ? -1 : 1;
  const dayA = a.stallsOnDay ?? Infinity;
  const dayB = b.stallsOnDay ?? Infinity;
  if (dayA !== dayB) return dayA - dayB;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
