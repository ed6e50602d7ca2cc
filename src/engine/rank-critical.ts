import { baseStateOf, type BaseState } from './base-state';
import { summarizeRun } from './evaluate-scenario';
import { allLinkLossBounds, enterpriseLossBound, lossBoundsOf } from './loss-bound';
import { selectBest } from './select-best';
import type { StateChange } from './state-change';
import { propagationFor } from './state-propagation';
import type { SupplyGraph } from './supply-graph';

export type CriticalMeasure = 'STALLED_COUNT' | 'LOST_OUTPUT';

export interface CriticalEntry {
  index: number;
  id: string;
  stalledCount: number;
  /** §8: lost output value over producers, CNY per day. */
  lostOutputValue: number;
}

export interface RankCriticalOptions<Candidate> {
  top: number;
  /** STALLED_COUNT: enterprises stalled; LOST_OUTPUT: lost output value (§8). */
  measure: CriticalMeasure;
  includeCurrentState?: boolean;
  /** D of §5: how long each block lasts; unbounded when absent or null. Must be positive. */
  durationDays?: number | null;
  candidate?: (index: Candidate) => boolean;
}

/**
 * Links ranked by the exact impact of blocking each one alone, compared with
 * the baseline of includeCurrentState, within the window of durationDays.
 * Ties: the other measure higher first, then id ascending; entries without
 * impact (nothing stalled, no output value lost) are kept and sort last, by
 * id.
 *
 * Exact, but not every candidate is evaluated in full: a candidate is skipped
 * once upper bounds on its stalls and on its lost output value (see
 * loss-bound.ts) show it cannot enter the top. Stall counts without a window
 * come from the cheap §3 pass alone and are exact; with a window they bound
 * the exact count, since a window only removes stalls. A link can stall
 * something only if it is the one delivering link of its product into its
 * customer, and then it stalls exactly what its customer's failure stalls:
 * one §3 pass per such customer, shared by its links.
 */
export function rankCriticalLinks(graph: SupplyGraph, options: RankCriticalOptions<number>): CriticalEntry[] {
  const includeCurrentState = options.includeCurrentState ?? false;
  const window = windowOf(options.durationDays);
  const base = baseStateOf(graph, includeCurrentState);
  const bounds = lossBoundsOf(graph, includeCurrentState);
  const linkBounds = allLinkLossBounds(graph, base, bounds);
  const propagation = propagationFor(graph);
  const none: number[] = [];
  const byCustomer = new Int32Array(graph.nodeCount).fill(-1);
  return rank(graph, graph.linkCount, options, {
    idOf: (l) => graph.linkId(l),
    // Blocking a link that delivers nothing in the baseline changes nothing.
    isInert: (l) => base.linkDelivers[l] === 0,
    lossBound: (l) => linkBounds[l],
    stallCount: (l) => {
      const q = graph.linkPort[l];
      // Another supplier of the product still delivers: nothing stops (the window is unbounded).
      if (base.portCount[q] > 1) return 0;
      const v = graph.portNode[q];
      const producer = graph.nodePassThrough[v] === 0;
      if (producer && byCustomer[v] >= 0) return byCustomer[v];
      const count = propagation.countStalls(base, -1, l);
      if (producer) byCustomer[v] = count;
      return count;
    },
    change: (l) => ({ downNodes: none, blockedLinks: [l], window }),
    base,
    slack: 1e-9 * (1 + bounds.total),
  });
}

/** Enterprises ranked by the exact impact of taking each one down alone; same ordering as rankCriticalLinks. */
export function rankCriticalEnterprises(graph: SupplyGraph, options: RankCriticalOptions<number>): CriticalEntry[] {
  const includeCurrentState = options.includeCurrentState ?? false;
  const window = windowOf(options.durationDays);
  const base = baseStateOf(graph, includeCurrentState);
  const bounds = lossBoundsOf(graph, includeCurrentState);
  const propagation = propagationFor(graph);
  const none: number[] = [];
  return rank(graph, graph.nodeCount, options, {
    idOf: (v) => graph.enterpriseId(v),
    isInert: (v) => base.down[v] === 1,
    lossBound: (v) => enterpriseLossBound(graph, base, bounds, v),
    stallCount: (v) => propagation.countStalls(base, v, -1),
    change: (v) => ({ downNodes: [v], blockedLinks: none, window }),
    base,
    slack: 1e-9 * (1 + bounds.total),
  });
}

/** The window of §5 for a duration: Infinity when unbounded; a duration that is not positive is an error. */
function windowOf(durationDays: number | null | undefined): number {
  if (durationDays === null || durationDays === undefined) return Infinity;
  if (!(durationDays > 0)) throw new RangeError(`durationDays must be positive, got ${durationDays}`);
  return durationDays;
}

interface CandidateKind {
  idOf: (index: number) => string;
  isInert: (index: number) => boolean;
  /** Upper bound on the lost output value. */
  lossBound: (index: number) => number;
  /** Stalls without a window: the exact count when there is none, else an upper bound on it. */
  stallCount: (index: number) => number;
  change: (index: number) => StateChange;
  base: BaseState;
  /** Float slack between a loss bound and an evaluated loss. */
  slack: number;
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
  // Candidates as typed columns: millions of them, no object each. `stalled` holds the stall count, or a
  // bound on it under a window.
  const stalled = new Int32Array(count);
  const bound = new Float64Array(count);
  let remaining = new Int32Array(count);
  let size = 0;
  for (let i = 0; i < count; i++) {
    if (options.candidate !== undefined && !options.candidate(i)) continue;
    if (kind.isInert(i)) {
      inert.push(i);
      continue;
    }
    // Under LOST_OUTPUT stall counts are unknown until evaluated: they do not order candidates.
    stalled[i] = byStalled ? kind.stallCount(i) : 0;
    bound[i] = kind.lossBound(i);
    // Without stalls and without any output to lose it can have no impact (under LOST_OUTPUT stalls are not known yet).
    if (byStalled && stalled[i] === 0 && bound[i] === 0) inert.push(i);
    else remaining[size++] = i;
  }
  // Best first: most stalled, then highest bound (under LOST_OUTPUT, highest bound).
  const before = (a: number, b: number): boolean =>
    stalled[a] !== stalled[b] ? stalled[a] > stalled[b] : bound[a] > bound[b];

  const primary = (e: CriticalEntry): number => (byStalled ? e.stalledCount : e.lostOutputValue);
  const secondary = (e: CriticalEntry): number => (byStalled ? e.lostOutputValue : e.stalledCount);
  const compare = (a: CriticalEntry, b: CriticalEntry): number =>
    primary(b) - primary(a) || secondary(b) - secondary(a) || compareIds(a.id, b.id);
  const best: CriticalEntry[] = []; // the top so far, sorted
  // In rounds: the next batch of best candidates, in order, until one cannot enter the top.
  let batch = Math.max(64, 4 * top);
  let done = false;
  while (!done && size > 0) {
    const next = selectBest(remaining.subarray(0, size), batch, before);
    for (const candidate of next) {
      if (
        best.length === top &&
        cannotEnter(stalled[candidate], bound[candidate], best[top - 1], byStalled, kind.slack)
      ) {
        done = true;
        break;
      }
      // The strategy evaluateScenario would pick, so that ties between candidates break the same way.
      propagation.run(kind.base, kind.change(candidate));
      const impact = summarizeRun(graph, propagation);
      if (impact.stalledCount === 0 && !(impact.lostOutputValue > 0)) {
        inert.push(candidate);
        continue;
      }
      const entry: CriticalEntry = {
        index: candidate,
        id: kind.idOf(candidate),
        stalledCount: impact.stalledCount,
        lostOutputValue: impact.lostOutputValue,
      };
      if (best.length === top && compare(entry, best[top - 1]) >= 0) continue;
      let at = best.length;
      while (at > 0 && compare(entry, best[at - 1]) < 0) at--;
      best.splice(at, 0, entry);
      if (best.length > top) best.pop();
    }
    // Drop this batch from the candidates; the next one is twice as large.
    const taken = new Set(next);
    const rest = new Int32Array(size - next.length);
    let at = 0;
    for (let k = 0; k < size; k++) if (!taken.has(remaining[k])) rest[at++] = remaining[k];
    remaining = rest;
    size = at;
    batch *= 2;
  }
  if (best.length < top) {
    // Only reached when every candidate was evaluated, so `inert` is complete.
    const rest = inert.map((i) => ({ index: i, id: kind.idOf(i), stalledCount: 0, lostOutputValue: 0 }));
    rest.sort((a, b) => compareIds(a.id, b.id));
    best.push(...rest.slice(0, top - best.length));
  }
  return best;
}

/**
 * True when even the candidate's best case (its stalls or their bound, its
 * loss bound) ranks after `last`. The slack covers float error between the
 * bound and the evaluation: fractions are exact to about 1e-12, times values.
 */
function cannotEnter(stalled: number, bound: number, last: CriticalEntry, byStalled: boolean, slack: number): boolean {
  const best = bound * (1 + 1e-9) + slack;
  if (byStalled) {
    if (stalled !== last.stalledCount) return stalled < last.stalledCount;
    return best < last.lostOutputValue;
  }
  return best < last.lostOutputValue;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
