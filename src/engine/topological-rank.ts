import { sharedInt32, sharedUint8 } from './shared-arrays';
import type { SupplyGraph } from './supply-graph';

/**
 * The unknowns of §4 are not enterprises but *variables*: a producer's output
 * fraction (variable v, its node index) and a pass-through's per-product value
 * (variable nodeCount + q, its port index). A pass-through forwards each
 * product on its own, so a logistics hub that ships yarn to a weaver and
 * receives fabric from that weaver is no cycle at this level, while at the
 * level of enterprises it is. Generated and real clusters are then mostly
 * acyclic, and the fraction pass settles every variable outside a true cycle
 * in one recomputation.
 *
 * Unused slots (a pass-through's node variable, a producer's ports) have no
 * edges; they get ranks like any isolated variable.
 */
export interface VariableOrder {
  /** Per variable: suppliers rank before customers; a cycle's members hold consecutive ranks. */
  rank: Int32Array;
  /** Variable at each rank. */
  order: Int32Array;
  /** 1 for variables on a cycle (a component of two or more, or a link to itself). */
  cyclic: Uint8Array;
  /** Per variable, the lowest rank of its strongly connected component. */
  componentStart: Int32Array;
  /** Per variable, one past the highest rank of its component. */
  componentEnd: Int32Array;
  /** Per position i of graph.outLinks, the rank of the variable that link feeds (graph.outTarget[i]). */
  outTargetRank: Int32Array;
  /** The variables in use (producers and pass-through products), in rank order. */
  active: Int32Array;
  /** Members of the largest cyclic component (0 when there is none). */
  largestCycle: number;
}

/** Memoised per graph: it depends on the structure only, not on states or volumes. */
export function variableOrderOf(graph: SupplyGraph): VariableOrder {
  return graph.memoize('variable-order', () => computeOrder(graph));
}

/** The variable that link l feeds: its customer (producer) or its customer's port (pass-through). */
export function targetVariable(graph: SupplyGraph, l: number): number {
  const to = graph.linkTo[l];
  return graph.nodePassThrough[to] === 1 ? graph.nodeCount + graph.linkPort[l] : to;
}

/** The variable whose value link l carries: its supplier (producer) or its supplier's port (pass-through). */
export function sourceVariable(graph: SupplyGraph, l: number): number {
  const sourcePort = graph.linkSourcePort[l];
  return sourcePort >= 0 ? graph.nodeCount + sourcePort : graph.linkFrom[l];
}

/** Outbound links of variable x are outLinks[start .. end - 1]; empty for unused slots. */
function outRange(graph: SupplyGraph, x: number): [number, number] {
  const n = graph.nodeCount;
  if (x < n) {
    return graph.nodePassThrough[x] === 1 ? [0, 0] : [graph.nodeOutStart[x], graph.nodeOutStart[x + 1]];
  }
  const q = x - n;
  return graph.nodePassThrough[graph.portNode[q]] === 1 ? [graph.portOutStart[q], graph.portOutEnd[q]] : [0, 0];
}

/** Iterative Tarjan over variables: components come out sinks first, so ranks are handed out from the top down. */
function computeOrder(graph: SupplyGraph): VariableOrder {
  const count = graph.nodeCount + graph.portCount;
  const outLinks = graph.outLinks;
  const rank = sharedInt32(count);
  const order = sharedInt32(count);
  const cyclic = sharedUint8(count);
  const componentStart = sharedInt32(count);
  const componentEnd = sharedInt32(count);
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const sccStack = new Int32Array(count);
  const callVar = new Int32Array(count);
  const callEdge = new Int32Array(count);
  const callEnd = new Int32Array(count);
  let sccTop = 0;
  let nextIndex = 0;
  let nextRank = count - 1;
  const enter = (depth: number, x: number): void => {
    index[x] = low[x] = nextIndex++;
    sccStack[sccTop++] = x;
    onStack[x] = 1;
    const [start, end] = outRange(graph, x);
    callVar[depth] = x;
    callEdge[depth] = start;
    callEnd[depth] = end;
  };
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    enter(0, root);
    while (depth >= 0) {
      const x = callVar[depth];
      const edge = callEdge[depth];
      if (edge < callEnd[depth]) {
        callEdge[depth] = edge + 1;
        const l = outLinks[edge];
        const y = targetVariable(graph, l);
        if (y === x) cyclic[x] = 1;
        if (index[y] === -1) {
          depth++;
          enter(depth, y);
        } else if (onStack[y] === 1 && index[y] < low[x]) {
          low[x] = index[y];
        }
        continue;
      }
      if (low[x] === index[x]) {
        // Pop the component; its members take the next ranks down, in stack order.
        let start = sccTop - 1;
        while (sccStack[start] !== x) start--;
        const size = sccTop - start;
        const first = nextRank - size + 1;
        for (let k = 0; k < size; k++) {
          const y = sccStack[start + k];
          onStack[y] = 0;
          rank[y] = first + k;
          order[first + k] = y;
          componentStart[y] = first;
          componentEnd[y] = first + size;
          if (size > 1) cyclic[y] = 1;
        }
        nextRank -= size;
        sccTop = start;
      }
      depth--;
      if (depth >= 0) {
        const parent = callVar[depth];
        if (low[x] < low[parent]) low[parent] = low[x];
      }
    }
  }
  const outTargetRank = sharedInt32(graph.linkCount);
  for (let i = 0; i < graph.linkCount; i++) outTargetRank[i] = rank[graph.outTarget[i]];
  const n = graph.nodeCount;
  let used = 0;
  let largestCycle = 0;
  const isUsed = (x: number): boolean =>
    x < n ? graph.nodePassThrough[x] === 0 : graph.nodePassThrough[graph.portNode[x - n]] === 1;
  for (let x = 0; x < count; x++) {
    if (isUsed(x)) used++;
    if (cyclic[x] === 1) largestCycle = Math.max(largestCycle, componentEnd[x] - componentStart[x]);
  }
  const active = sharedInt32(used);
  let at = 0;
  for (let r = 0; r < count; r++) if (isUsed(order[r])) active[at++] = order[r];
  return { rank, order, cyclic, componentStart, componentEnd, outTargetRank, active, largestCycle };
}
