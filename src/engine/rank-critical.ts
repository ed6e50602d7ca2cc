import { baseStateOf } from './base-state';
import { summarizeRun } from './evaluate-scenario';
import { enterpriseLossBound, linkLossBound, lossBoundsOf } from './loss-bound';
import { propagationFor, type StateChange } from './state-propagation';
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
 * window), compared with the baseline of includeCurrentState. Ties: the
 * other measure higher first, then id ascending; entries without impact are
 * kept and sort last, by id.
 *
 * Exact, but not every candidate is evaluated in full: stall counts come
 * from the cheap §3 pass alone, and a candidate is skipped once an upper
 * bound on its lost output (see loss-bound.ts) shows it cannot enter the top.
 */
export function rankCriticalLinks(graph: SupplyGraph, options: RankCriticalOptions<number>): CriticalEntry[] {
  const includeCurrentState = options.includeCurrentState ?? false;
  const base = baseStateOf(graph, includeCurrentState);
  const bounds = lossBoundsOf(graph, includeCurrentState);
  const none: number[] = [];
  return rank(graph, graph.linkCount, options, {
    idOf: (l) => graph.linkId(l),
    // Blocking a link that delivers nothing in the baseline changes nothing.
    isInert: (l) => base.linkDelivers[l] === 0,
    lossBound: (l) => linkLossBound(graph, base, bounds, l),
    change: (l, skipFractions) => ({ downNodes: none, blockedLinks: [l], window: Infinity, skipFractions }),
    base,
    slack: 1e-9 * (1 + bounds.total),
  });
}

/** Enterprises ranked by the exact impact of taking each one down alone; same ordering as rankCriticalLinks. */
export function rankCriticalEnterprises(graph: SupplyGraph, options: RankCriticalOptions<number>): CriticalEntry[] {
  const includeCurrentState = options.includeCurrentState ?? false;
  const base = baseStateOf(graph, includeCurrentState);
  const bounds = lossBoundsOf(graph, includeCurrentState);
  const none: number[] = [];
  return rank(graph, graph.nodeCount, options, {
    idOf: (v) => graph.enterpriseId(v),
    isInert: (v) => base.down[v] === 1,
    lossBound: (v) => enterpriseLossBound(graph, base, bounds, v),
    change: (v, skipFractions) => ({ downNodes: [v], blockedLinks: none, window: Infinity, skipFractions }),
    base,
    slack: 1e-9 * (1 + bounds.total),
  });
}

interface CandidateKind {
  idOf: (index: number) => string;
  isInert: (index: number) => boolean;
  lossBound: (index: number) => number;
  change: (index: number, skipFractions: boolean) => StateChange;
  base: ReturnType<typeof baseStateOf>;
  /** Float slack between a loss bound and an evaluated loss. */
  slack: number;
}

interface Candidate {
  index: number;
  /** Exact under STALLED_COUNT (from the §3 pass), unknown (Infinity) under LOST_OUTPUT. */
  stalled: number;
  bound: number;
}

function rank(
  graph: SupplyGraph,
  count: number,
  options: RankCriticalOptions<number>,
  kind: CandidateKind,
): CriticalEntry[] {
  const top = Math.max(0, Math.floor(options.top));
  if (top === 0) return [];
  const byStalled = options.measure === 'STALLED_COUNT';
  const propagation = propagationFor(graph);
  const inert: number[] = [];
  const candidates: Candidate[] = [];
  for (let i = 0; i < count; i++) {
    if (options.candidate !== undefined && !options.candidate(i)) continue;
    if (kind.isInert(i)) {
      inert.push(i);
      continue;
    }
    let stalled = Infinity;
    if (byStalled) {
      propagation.run(kind.base, kind.change(i, true));
      stalled = 0;
      for (const v of propagation.touchedNodes) if (propagation.isStalled(v)) stalled++;
    }
    const bound = kind.lossBound(i);
    if (stalled === 0 && bound === 0) inert.push(i);
    else candidates.push({ index: i, stalled, bound });
  }
  candidates.sort((a, b) => (byStalled ? b.stalled - a.stalled || b.bound - a.bound : b.bound - a.bound));

  const primary = (e: CriticalEntry): number => (byStalled ? e.stalledCount : e.lostDailyOutput);
  const secondary = (e: CriticalEntry): number => (byStalled ? e.lostDailyOutput : e.stalledCount);
  const compare = (a: CriticalEntry, b: CriticalEntry): number =>
    primary(b) - primary(a) || secondary(b) - secondary(a) || compareIds(a.id, b.id);
  const best: CriticalEntry[] = []; // the top so far, sorted
  for (const candidate of candidates) {
    if (best.length === top && cannotEnter(candidate, best[top - 1], byStalled, kind.slack)) break;
    propagation.run(kind.base, kind.change(candidate.index, false));
    const impact = summarizeRun(graph, propagation);
    if (impact.stalledCount === 0 && !(impact.lostDailyOutput > 0)) {
      inert.push(candidate.index);
      continue;
    }
    const entry: CriticalEntry = {
      index: candidate.index,
      id: kind.idOf(candidate.index),
      stalledCount: impact.stalledCount,
      lostDailyOutput: impact.lostDailyOutput,
    };
    if (best.length === top && compare(entry, best[top - 1]) >= 0) continue;
    let at = best.length;
    while (at > 0 && compare(entry, best[at - 1]) < 0) at--;
    best.splice(at, 0, entry);
    if (best.length > top) best.pop();
  }
  if (best.length < top) {
    // Only reached when every candidate was evaluated, so `inert` is complete.
    const rest = inert.map((i) => ({ index: i, id: kind.idOf(i), stalledCount: 0, lostDailyOutput: 0 }));
    rest.sort((a, b) => compareIds(a.id, b.id));
    best.push(...rest.slice(0, top - best.length));
  }
  return best;
}

/**
 * True when even the candidate's best case (its exact stalls, its loss bound)
 * ranks after `last`. The slack covers float error between the bound and
 * the evaluation: fractions are exact to about 1e-12, times capacities.
 */
function cannotEnter(candidate: Candidate, last: CriticalEntry, byStalled: boolean, slack: number): boolean {
  const bound = candidate.bound * (1 + 1e-9) + slack;
  if (byStalled) {
    if (candidate.stalled !== last.stalledCount) return candidate.stalled < last.stalledCount;
    return bound < last.lostDailyOutput;
  }
  return bound < last.lostDailyOutput;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
