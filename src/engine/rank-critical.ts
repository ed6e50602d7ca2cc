import { baseStateOf } from './base-state';
import { summarizeRun } from './evaluate-scenario';
import { propagationFor } from './state-propagation';
import type { SupplyGraph } from './supply-graph';

export type CriticalMeasure = 'STALLED_COUNT' | 'LOST_OUTPUT';

export interface CriticalEntry {
  index: number;
  id: string;
  stalledCount: number;
  lostDailyOutput: number;
}

export interface RankCriticalOptions<Candidate> {
  top: number;
  measure: CriticalMeasure;
  includeCurrentState?: boolean;
  candidate?: (index: Candidate) => boolean;
}

/**
 * Links ranked by the exact impact of blocking each one alone (unbounded
 * window). Ties: the other measure higher first, then id ascending; entries
 * without impact are kept and sort last.
 */
export function rankCriticalLinks(graph: SupplyGraph, options: RankCriticalOptions<number>): CriticalEntry[] {
  const base = baseStateOf(graph, options.includeCurrentState ?? false);
  const propagation = propagationFor(graph);
  const single = [0];
  const none: number[] = [];
  return rank(graph.linkCount, options, (l) => graph.linkId(l), (l) => {
    // Blocking a link that delivers nothing in the baseline changes nothing.
    if (base.linkDelivers[l] === 0) return undefined;
    single[0] = l;
    propagation.run(base, { downNodes: none, blockedLinks: single, window: Infinity });
    return summarizeRun(graph, propagation);
  });
}

/** Enterprises ranked by the exact impact of blocking each one alone; same ordering as rankCriticalLinks. */
export function rankCriticalEnterprises(graph: SupplyGraph, options: RankCriticalOptions<number>): CriticalEntry[] {
  const base = baseStateOf(graph, options.includeCurrentState ?? false);
  const propagation = propagationFor(graph);
  const single = [0];
  const none: number[] = [];
  return rank(graph.nodeCount, options, (v) => graph.enterpriseId(v), (v) => {
    if (base.down[v] === 1) return undefined;
    single[0] = v;
    propagation.run(base, { downNodes: single, blockedLinks: none, window: Infinity });
    return summarizeRun(graph, propagation);
  });
}

function rank(
  count: number,
  options: RankCriticalOptions<number>,
  idOf: (index: number) => string,
  impactOf: (index: number) => { stalledCount: number; lostDailyOutput: number } | undefined,
): CriticalEntry[] {
  const top = Math.max(0, Math.floor(options.top));
  if (top === 0) return [];
  const withImpact: CriticalEntry[] = [];
  const withoutImpact: number[] = [];
  for (let i = 0; i < count; i++) {
    if (options.candidate !== undefined && !options.candidate(i)) continue;
    const impact = impactOf(i);
    if (impact === undefined || (impact.stalledCount === 0 && !(impact.lostDailyOutput > 0))) {
      withoutImpact.push(i);
      continue;
    }
    withImpact.push({ index: i, id: idOf(i), stalledCount: impact.stalledCount, lostDailyOutput: impact.lostDailyOutput });
  }
  const byStalled = options.measure === 'STALLED_COUNT';
  withImpact.sort((a, b) => {
    const first = byStalled ? b.stalledCount - a.stalledCount : b.lostDailyOutput - a.lostDailyOutput;
    if (first !== 0) return first;
    const second = byStalled ? b.lostDailyOutput - a.lostDailyOutput : b.stalledCount - a.stalledCount;
    if (second !== 0) return second;
    return compareIds(a.id, b.id);
  });
  const ranked = withImpact.slice(0, top);
  if (ranked.length < top) {
    const rest = withoutImpact.map((i) => ({ index: i, id: idOf(i), stalledCount: 0, lostDailyOutput: 0 }));
    rest.sort((a, b) => compareIds(a.id, b.id));
    ranked.push(...rest.slice(0, top - ranked.length));
  }
  return ranked;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
