import { baseStateOf, type BaseState } from './base-state';
import type { SupplyGraph } from './supply-graph';
import { topologicalOrderOf } from './topological-rank';

/**
 * Upper bounds on the lost daily output of a single block, used to skip exact
 * evaluations when ranking thousands of candidates.
 *
 * Every step of §4 is 1-Lipschitz: the cap at 1 and the min over products
 * never pass on more than the drop of a supply sum, and own(v) <= 1. So a
 * drop d > 0 in the supply sum of port q costs at most slope(q) * d +
 * offset(q), where, outside cycles, slope(q) = own(v) * (capacity share of
 * q at v + sum over v's delivering outbound links l (of q's product for a
 * pass-through) of w(l) * slope(port(l))) and offset(q) sums the offsets
 * downstream. On a cycle the slopes solve the same equations as a linear
 * system (see boundComponent). Computed sinks first in topological order;
 * memoised per graph and baseline.
 */
export interface LossBounds {
  slope: Float64Array;
  offset: Float64Array;
  /** Sum of capacity * baseline fraction: nothing can lose more. */
  total: number;
}

export function lossBoundsOf(graph: SupplyGraph, includeCurrentState: boolean): LossBounds {
  return graph.memoize(`loss-bounds:${includeCurrentState}`, () =>
    computeBounds(graph, baseStateOf(graph, includeCurrentState)),
  );
}

function computeBounds(graph: SupplyGraph, base: BaseState): LossBounds {
  const { rank, cyclic, componentStart } = topologicalOrderOf(graph);
  const n = graph.nodeCount;
  const order = new Int32Array(n);
  for (let v = 0; v < n; v++) order[rank[v]] = v;
  const bounds: LossBounds = {
    slope: new Float64Array(graph.portCount),
    offset: new Float64Array(graph.portCount),
    total: 0,
  };
  for (let v = 0; v < n; v++) bounds.total += capacityOf(graph, v) * base.fraction[v];
  const { slope, offset } = bounds;
  for (let r = n - 1; r >= 0; r--) {
    const v = order[r];
    if (cyclic[v] === 1) {
      // The whole component at once: its members hold ranks start .. r.
      const start = componentStart[v];
      boundComponent(graph, base, bounds, order, start, r, componentStart);
      r = start;
      continue;
    }
    const portStart = graph.nodePortStart[v];
    const portEnd = graph.nodePortStart[v + 1];
    const own = base.own[v];
    if (portStart === portEnd || own === 0) continue;
    const capacity = capacityOf(graph, v);
    if (graph.nodePassThrough[v] === 0) {
      const [downSlope, downOffset] = downstream(graph, base, bounds, graph.nodeOutStart[v], graph.nodeOutStart[v + 1]);
      slope.fill(own * (capacity + downSlope), portStart, portEnd);
      offset.fill(downOffset, portStart, portEnd);
      continue;
    }
    const weightSum = graph.nodePortWeightSum[v];
    for (let q = portStart; q < portEnd; q++) {
      const share = weightSum > 0 ? graph.portWeight[q] / weightSum : 1 / (portEnd - portStart);
      const [downSlope, downOffset] = downstream(graph, base, bounds, graph.portOutStart[q], graph.portOutEnd[q]);
      slope[q] = own * (capacity * share + downSlope);
      offset[q] = downOffset;
    }
  }
  return bounds;
}

/**
 * Slopes on a cycle solve slope = W slope + b (W: the shares inside the
 * component), found by iterating up from 0 and accepted only if a slightly
 * raised solution is verified to be a super-solution, which bounds the least
 * one. When the component feeds itself fully (no such solution), it gets
 * slope 0 and a fixed offset instead: all its output plus all it ships out.
 */
function boundComponent(
  graph: SupplyGraph,
  base: BaseState,
  bounds: LossBounds,
  order: Int32Array,
  start: number,
  end: number,
  componentStart: Int32Array,
): void {
  const { slope, offset } = bounds;
  const inside = (l: number): boolean => componentStart[graph.linkTo[l]] === start;
  // Offsets of everything downstream of the component apply to every member.
  let leavingOffset = 0;
  let fixed = 0;
  for (let k = start; k <= end; k++) {
    const w = order[k];
    fixed += capacityOf(graph, w) * base.fraction[w];
    for (let i = graph.nodeOutStart[w]; i < graph.nodeOutStart[w + 1]; i++) {
      const l = graph.outLinks[i];
      if (inside(l) || base.linkDelivers[l] === 0) continue;
      leavingOffset += bounds.offset[graph.linkPort[l]];
      fixed += linkBound(graph, base, bounds, l);
    }
  }
  leavingOffset = Math.min(leavingOffset, bounds.total);
  fixed = Math.min(fixed, bounds.total);
  const sweep = (scale: number, extra: number): { grew: boolean; change: number } => {
    let grew = false;
    let change = 0;
    for (let k = end; k >= start; k--) {
      const w = order[k];
      const own = base.own[w];
      const portStart = graph.nodePortStart[w];
      const portEnd = graph.nodePortStart[w + 1];
      const capacity = capacityOf(graph, w);
      const passThrough = graph.nodePassThrough[w] === 1;
      const weightSum = graph.nodePortWeightSum[w];
      for (let q = portStart; q < portEnd; q++) {
        const from = passThrough ? graph.portOutStart[q] : graph.nodeOutStart[w];
        const to = passThrough ? graph.portOutEnd[q] : graph.nodeOutStart[w + 1];
        let sum = passThrough
          ? capacity * (weightSum > 0 ? graph.portWeight[q] / weightSum : 1 / (portEnd - portStart))
          : capacity;
        for (let i = from; i < to; i++) {
          const l = graph.outLinks[i];
          if (base.linkDelivers[l] === 0) continue;
          sum += graph.linkShare[l] * slope[graph.linkPort[l]];
        }
        const next = own * sum * scale + extra;
        if (next > slope[q] * (1 + 1e-12)) {
          change = Math.max(change, (next - slope[q]) / next);
          grew = true;
        }
        if (scale === 1) slope[q] = next;
        else if (next > slope[q]) return { grew: true, change };
      }
    }
    return { grew, change };
  };
  for (let k = start; k <= end; k++) {
    const w = order[k];
    slope.fill(0, graph.nodePortStart[w], graph.nodePortStart[w + 1]);
    offset.fill(leavingOffset, graph.nodePortStart[w], graph.nodePortStart[w + 1]);
  }
  let converged = false;
  for (let round = 0; round < 200; round++) {
    if (sweep(1, 0).change < 1e-7) {
      converged = true;
      break;
    }
  }
  if (converged) {
    // Raise a little and verify: F(x) <= x means the least solution lies below x.
    for (let k = start; k <= end; k++) {
      const w = order[k];
      for (let q = graph.nodePortStart[w]; q < graph.nodePortStart[w + 1]; q++) slope[q] = slope[q] * 1.001 + 1e-9;
    }
    converged = !sweep(0.999999, 0).grew;
  }
  if (!converged) {
    for (let k = start; k <= end; k++) {
      const w = order[k];
      slope.fill(0, graph.nodePortStart[w], graph.nodePortStart[w + 1]);
      offset.fill(fixed, graph.nodePortStart[w], graph.nodePortStart[w + 1]);
    }
  }
}

function downstream(
  graph: SupplyGraph,
  base: BaseState,
  bounds: LossBounds,
  from: number,
  to: number,
): [number, number] {
  let slope = 0;
  let offset = 0;
  for (let i = from; i < to; i++) {
    const l = graph.outLinks[i];
    if (base.linkDelivers[l] === 0 || graph.linkShare[l] === 0) continue;
    const q = graph.linkPort[l];
    slope += graph.linkShare[l] * bounds.slope[q];
    offset += bounds.offset[q];
  }
  return [slope, Math.min(offset, bounds.total)];
}

function capacityOf(graph: SupplyGraph, v: number): number {
  const capacity = graph.nodeDailyCapacity[v];
  return Number.isNaN(capacity) || capacity < 0 ? 0 : capacity;
}

function linkBound(graph: SupplyGraph, base: BaseState, bounds: LossBounds, l: number): number {
  if (base.linkDelivers[l] === 0) return 0;
  const sourcePort = graph.linkSourcePort[l];
  const value = sourcePort < 0 ? base.fraction[graph.linkFrom[l]] : base.portValue[sourcePort];
  const drop = graph.linkShare[l] * value;
  if (!(drop > 0)) return 0;
  const q = graph.linkPort[l];
  return Math.min(bounds.slope[q] * drop + bounds.offset[q], bounds.total);
}

/** Bound on the lost daily output of blocking link l alone. */
export function linkLossBound(graph: SupplyGraph, base: BaseState, bounds: LossBounds, l: number): number {
  return linkBound(graph, base, bounds, l);
}

/** Bound on the lost daily output of taking enterprise v down alone. */
export function enterpriseLossBound(graph: SupplyGraph, base: BaseState, bounds: LossBounds, v: number): number {
  if (base.down[v] === 1) return 0;
  let bound = capacityOf(graph, v) * base.fraction[v];
  for (let i = graph.nodeOutStart[v]; i < graph.nodeOutStart[v + 1]; i++)
    bound += linkBound(graph, base, bounds, graph.outLinks[i]);
  return Math.min(bound, bounds.total);
}
