import { baseStateOf, type BaseState } from './base-state';
import { sharedFloat64 } from './shared-arrays';
import type { SupplyGraph } from './supply-graph';
import { targetVariable, variableOrderOf } from './topological-rank';

/**
 * Upper bounds on the lost output value (§8: dailyOutputValue x lost share,
 * summed over producers) of a single block, used to skip exact evaluations
 * when ranking thousands of candidates. A pass-through's own loss is trade
 * value, outside that sum: its weight is 0, but what it forwards still
 * passes the bound on downstream.
 *
 * Every step of §4 is 1-Lipschitz: the cap at 1 and the min over products
 * never pass on more than the drop of a supply sum, and own(v) <= 1. So a
 * drop d > 0 in the supply sum of port q costs at most slope(q) * d +
 * offset(q), where, outside cycles, slope(q) = own(v) * (v's weight +
 * sum over v's delivering outbound links l (of q's product for a
 * pass-through) of w(l) * slope(port(l))) and offset(q) sums the offsets
 * downstream. On a cycle the slopes solve the same equations as a linear
 * system (see boundComponent). Computed sinks first in topological order;
 * memoised per graph and baseline.
 */
export interface LossBounds {
  slope: Float64Array;
  offset: Float64Array;
  /** Sum of weight * baseline fraction: nothing can lose more. */
  total: number;
}

export function lossBoundsOf(graph: SupplyGraph, includeCurrentState: boolean): LossBounds {
  return graph.memoize(`loss-bounds:${includeCurrentState}`, () =>
    computeBounds(graph, baseStateOf(graph, includeCurrentState)),
  );
}

function computeBounds(graph: SupplyGraph, base: BaseState): LossBounds {
  const { order, cyclic, componentStart } = variableOrderOf(graph);
  const n = graph.nodeCount;
  const bounds: LossBounds = {
    slope: sharedFloat64(graph.portCount),
    offset: sharedFloat64(graph.portCount),
    total: 0,
  };
  for (let v = 0; v < n; v++) bounds.total += weightOf(graph, v) * base.fraction[v];
  const { slope, offset } = bounds;
  // Customers first: variables in decreasing rank (see topological-rank.ts).
  for (let r = order.length - 1; r >= 0; r--) {
    const x = order[r];
    if (cyclic[x] === 1) {
      // The whole component at once: its members hold ranks start .. r.
      const start = componentStart[x];
      boundComponent(graph, base, bounds, order, start, r);
      r = start;
      continue;
    }
    // The ports this variable's slope belongs to, and the links its output leaves on.
    let v: number;
    let from: number;
    let to: number;
    let outFrom: number;
    let outTo: number;
    if (x < n) {
      if (graph.nodePassThrough[x] === 1) continue;
      v = x;
      from = graph.nodePortStart[x];
      to = graph.nodePortStart[x + 1];
      outFrom = graph.nodeOutStart[x];
      outTo = graph.nodeOutStart[x + 1];
    } else {
      from = x - n;
      v = graph.portNode[from];
      if (graph.nodePassThrough[v] === 0) continue;
      to = from + 1;
      outFrom = graph.portOutStart[from];
      outTo = graph.portOutEnd[from];
    }
    const own = base.own[v];
    if (from === to || own === 0) continue;
    let downSlope = 0;
    let downOffset = 0;
    for (let i = outFrom; i < outTo; i++) {
      if (base.outDelivers[i] === 0 || graph.outShare[i] === 0) continue;
      const q = graph.outPort[i];
      downSlope += graph.outShare[i] * slope[q];
      downOffset += offset[q];
    }
    slope.fill(own * (weightOf(graph, v) + downSlope), from, to);
    offset.fill(Math.min(downOffset, bounds.total), from, to);
  }
  return bounds;
}

/**
 * The ports whose slopes belong to variable x: every port of a producer, or
 * the one port of a pass-through product; empty for unused slots.
 */
function portsOfVariable(graph: SupplyGraph, x: number): { from: number; to: number; v: number } {
  const n = graph.nodeCount;
  if (x < n) {
    const start = graph.nodePortStart[x];
    const none = graph.nodePassThrough[x] === 1;
    return { from: start, to: none ? start : graph.nodePortStart[x + 1], v: x };
  }
  const q = x - n;
  const v = graph.portNode[q];
  return { from: q, to: graph.nodePassThrough[v] === 1 ? q + 1 : q, v };
}

/** Outbound links carrying the output fed by port q of v: all of a producer's, or the product's of a pass-through. */
function outLinksOfPorts(graph: SupplyGraph, v: number, q: number): [number, number] {
  return graph.nodePassThrough[v] === 1
    ? [graph.portOutStart[q], graph.portOutEnd[q]]
    : [graph.nodeOutStart[v], graph.nodeOutStart[v + 1]];
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
): void {
  const { slope, offset } = bounds;
  const { componentStart } = variableOrderOf(graph);
  const inside = (l: number): boolean => componentStart[targetVariable(graph, l)] === start;
  // Offsets of everything downstream of the component apply to every member.
  let leavingOffset = 0;
  let fixed = 0;
  const counted = new Set<number>();
  for (let k = start; k <= end; k++) {
    const { from, v } = portsOfVariable(graph, order[k]);
    if (!counted.has(v)) {
      counted.add(v);
      fixed += weightOf(graph, v) * base.fraction[v];
    }
    const [outFrom, outTo] = outLinksOfPorts(graph, v, from);
    for (let i = outFrom; i < outTo; i++) {
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
      const { from, to, v } = portsOfVariable(graph, order[k]);
      if (from === to) continue;
      const [outFrom, outTo] = outLinksOfPorts(graph, v, from);
      let sum = weightOf(graph, v);
      for (let i = outFrom; i < outTo; i++) {
        const l = graph.outLinks[i];
        if (base.linkDelivers[l] === 0) continue;
        sum += graph.linkShare[l] * slope[graph.linkPort[l]];
      }
      const next = base.own[v] * sum * scale + extra;
      if (next > slope[from] * (1 + 1e-12)) {
        change = Math.max(change, (next - slope[from]) / next);
        grew = true;
      }
      if (scale === 1) slope.fill(next, from, to);
      else if (next > slope[from]) return { grew: true, change };
    }
    return { grew, change };
  };
  const fillMembers = (slopeValue: number, offsetValue: number): void => {
    for (let k = start; k <= end; k++) {
      const { from, to } = portsOfVariable(graph, order[k]);
      slope.fill(slopeValue, from, to);
      offset.fill(offsetValue, from, to);
    }
  };
  fillMembers(0, leavingOffset);
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
      const { from, to } = portsOfVariable(graph, order[k]);
      for (let q = from; q < to; q++) slope[q] = slope[q] * 1.001 + 1e-9;
    }
    converged = !sweep(0.999999, 0).grew;
  }
  if (!converged) fillMembers(0, fixed);
}

/** What a unit drop of v's own fraction costs in lost output value: its value for a producer, 0 for a pass-through. */
function weightOf(graph: SupplyGraph, v: number): number {
  if (graph.nodePassThrough[v] === 1) return 0;
  const value = graph.nodeDailyOutputValue[v];
  return Number.isNaN(value) || value < 0 ? 0 : value;
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

/** Bound on the lost output value of taking enterprise v down alone. */
export function enterpriseLossBound(graph: SupplyGraph, base: BaseState, bounds: LossBounds, v: number): number {
  if (base.down[v] === 1) return 0;
  let bound = weightOf(graph, v) * base.fraction[v];
  for (let i = graph.nodeOutStart[v]; i < graph.nodeOutStart[v + 1]; i++)
    bound += linkBound(graph, base, bounds, graph.outLinks[i]);
  return Math.min(bound, bounds.total);
}

/**
 * The bound on the lost output value of blocking each link alone, by link
 * index: walked in outLinks order, a supplier's links and value are read in
 * sequence.
 */
export function allLinkLossBounds(graph: SupplyGraph, base: BaseState, bounds: LossBounds): Float64Array {
  const into = new Float64Array(graph.linkCount);
  const n = graph.nodeCount;
  const { slope, offset, total } = bounds;
  const visit = (from: number, to: number, value: number): void => {
    for (let i = from; i < to; i++) {
      if (base.outDelivers[i] === 0) continue;
      const drop = graph.outShare[i] * value;
      if (!(drop > 0)) continue;
      const q = graph.outPort[i];
      into[graph.outLinks[i]] = Math.min(slope[q] * drop + offset[q], total);
    }
  };
  for (let v = 0; v < n; v++) {
    if (graph.nodePassThrough[v] === 0) {
      visit(graph.nodeOutStart[v], graph.nodeOutStart[v + 1], base.fraction[v]);
      continue;
    }
    for (let q = graph.nodePortStart[v]; q < graph.nodePortStart[v + 1]; q++) {
      visit(graph.portOutStart[q], graph.portOutEnd[q], base.portValue[q]);
    }
  }
  return into;
}
