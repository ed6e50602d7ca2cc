import { Insertions } from './graph-index-append';
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
  /** Members of the largest cyclic component (0 when there is none). */
  largestCycle: number;
}

/** Memoised per graph: it depends on the structure only, not on states or volumes. */
export function variableOrderOf(graph: SupplyGraph): VariableOrder {
  return graph.memoize('variable-order', () => computeOrder(graph));
}

/** The variables in use (producers and pass-through products), in rank order: what a sweep visits. */
export function activeVariablesOf(graph: SupplyGraph): Int32Array {
  return graph.memoize('active-variables', () => {
    const { order } = variableOrderOf(graph);
    let used = 0;
    for (let r = 0; r < order.length; r++) if (isUsedVariable(graph, order[r])) used++;
    const active = sharedInt32(used);
    for (let r = 0, k = 0; r < order.length; r++) if (isUsedVariable(graph, order[r])) active[k++] = order[r];
    return { active };
  }).active;
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
  byLevel(graph, rank, order, componentStart, componentEnd);
  const outTargetRank = sharedInt32(graph.linkCount);
  for (let i = 0; i < graph.linkCount; i++) outTargetRank[i] = rank[graph.outTarget[i]];
  let largestCycle = 0;
  for (let x = 0; x < count; x++) {
    if (cyclic[x] === 1) largestCycle = Math.max(largestCycle, componentEnd[x] - componentStart[x]);
  }
  return { rank, order, cyclic, componentStart, componentEnd, outTargetRank, largestCycle };
}

/**
 * The order after links firstNew .. linkCount - 1 were appended (see
 * appendLinksToIndex), derived from the old one: variables keep their
 * relative order, new products of pass-throughs go first (if they only ship)
 * or last, and each new link that points backwards is fixed by moving only
 * the variables between its ends (Pearce and Kelly's dynamic topological
 * order). Null when a new link closes a cycle or touches one, or the region
 * to move is large: the caller then computes the order afresh.
 */
export function extendVariableOrder(
  graph: SupplyGraph,
  old: VariableOrder,
  portInsertions: Insertions,
  outInsertions: Insertions,
  addedPorts: readonly { port: number; node: number }[],
  firstNew: number,
): VariableOrder | null {
  const n = graph.nodeCount;
  const count = n + graph.portCount;
  const first: number[] = [];
  const last: number[] = [];
  for (const a of addedPorts) {
    const x = n + a.port;
    const ships =
      graph.nodePassThrough[a.node] === 1 && graph.portLinkStart[a.port] === graph.portLinkStart[a.port + 1];
    (ships ? first : last).push(x);
  }
  const order = sharedInt32(count);
  const rank = sharedInt32(count);
  const cyclic = sharedUint8(count);
  const componentStart = sharedInt32(count);
  const componentEnd = sharedInt32(count);
  const shift = first.length;
  // By variable: old entries spread around the new variables; by rank: the new ones first or last.
  const byVariable = new Insertions(Array.from(portInsertions.points, (p) => p + n));
  byVariable.spread(old.rank, rank);
  byVariable.spread(old.cyclic, cyclic);
  byVariable.spread(old.componentStart, componentStart);
  byVariable.spread(old.componentEnd, componentEnd);
  if (shift > 0) {
    for (let x = 0; x < count; x++) {
      rank[x] += shift;
      componentStart[x] += shift;
      componentEnd[x] += shift;
    }
  }
  order.set(old.order, shift);
  portInsertions.shiftValues(order.subarray(shift, shift + old.order.length), n);
  const place = (x: number, at: number): void => {
    order[at] = x;
    rank[x] = at;
    componentStart[x] = at;
    componentEnd[x] = at + 1;
    cyclic[x] = 0;
  };
  first.forEach((x, k) => place(x, k));
  last.forEach((x, k) => place(x, shift + old.order.length + k));
  const extended: VariableOrder = {
    rank,
    order,
    cyclic,
    componentStart,
    componentEnd,
    outTargetRank: old.outTargetRank,
    largestCycle: old.largestCycle,
  };
  const moved = new Set<number>();
  for (let l = firstNew; l < graph.linkCount; l++) {
    const x = sourceVariable(graph, l);
    const y = targetVariable(graph, l);
    if (rank[x] < rank[y] || (cyclic[x] === 1 && componentStart[x] === componentStart[y])) continue;
    // New links after l are not in the order yet: they must not be followed.
    if (!reorder(graph, extended, x, y, l, moved)) return null;
  }
  // Ranks of link targets: the old ones moved over, shifted; new links and moved targets set.
  const outTargetRank = sharedInt32(graph.linkCount);
  outInsertions.spread(old.outTargetRank, outTargetRank);
  if (shift > 0) for (let i = 0; i < outTargetRank.length; i++) outTargetRank[i] += shift;
  for (let l = firstNew; l < graph.linkCount; l++) {
    const i = graph.linkOutPosition[l];
    outTargetRank[i] = rank[graph.outTarget[i]];
  }
  for (const w of moved) {
    const [from, to] = w < n ? [graph.nodePortStart[w], graph.nodePortStart[w + 1]] : [w - n, w - n + 1];
    for (let j = graph.portLinkStart[from]; j < graph.portLinkStart[to]; j++) {
      outTargetRank[graph.linkOutPosition[graph.portLinks[j]]] = rank[w];
    }
  }
  return { ...extended, outTargetRank };
}

/**
 * Re-ranks a topological order (rank, order, component bounds, rewritten in
 * place) by level, then by where the variable's data lies: a component's
 * level is one more than its suppliers' highest (0 without suppliers), and
 * within a level variables go by enterprise index, a producer before its
 * products. Still suppliers before customers, with a component's members on
 * consecutive ranks; but a sweep in rank order now walks the per-enterprise
 * and per-port arrays forwards, once per level, instead of jumping around
 * in depth-first order (the sweep is bound by memory latency).
 */
function byLevel(
  graph: SupplyGraph,
  rank: Int32Array,
  order: Int32Array,
  componentStart: Int32Array,
  componentEnd: Int32Array,
): void {
  const n = graph.nodeCount;
  const count = order.length;
  // Levels in rank order: every supplier of a component ranks before it.
  const level = new Int32Array(count);
  let levels = 1;
  for (let r = 0; r < count;) {
    const end = componentEnd[order[r]];
    let top = 0;
    for (let k = r; k < end; k++) {
      const x = order[k];
      if (!isUsedVariable(graph, x)) continue;
      const from = x < n ? graph.nodePortStart[x] : x - n;
      const to = x < n ? graph.nodePortStart[x + 1] : x - n + 1;
      for (let j = graph.portLinkStart[from]; j < graph.portLinkStart[to]; j++) {
        const s = graph.inSource[j];
        if (rank[s] < r && level[s] + 1 > top) top = level[s] + 1;
      }
    }
    for (let k = r; k < end; k++) level[order[k]] = top;
    if (top + 1 > levels) levels = top + 1;
    r = end;
  }
  // Components by level (counting sort, stable), each placed where its first member comes in data order.
  const start = new Int32Array(levels + 1);
  for (let x = 0; x < count; x++) start[level[x] + 1]++;
  for (let l = 0; l < levels; l++) start[l + 1] += start[l];
  const oldOrder = order.slice();
  const oldStart = componentStart.slice();
  const oldEnd = componentEnd.slice();
  const placed = new Uint8Array(count);
  const place = (x: number): void => {
    if (placed[x] === 1) return;
    const from = oldStart[x];
    const to = oldEnd[x];
    const at = start[level[x]];
    for (let k = from; k < to; k++) {
      const y = oldOrder[k];
      placed[y] = 1;
      rank[y] = at + k - from;
      order[at + k - from] = y;
      componentStart[y] = at;
      componentEnd[y] = at + to - from;
    }
    start[level[x]] += to - from;
  };
  for (let v = 0; v < n; v++) {
    place(v);
    for (let q = graph.nodePortStart[v]; q < graph.nodePortStart[v + 1]; q++) place(n + q);
  }
}

function isUsedVariable(graph: SupplyGraph, x: number): boolean {
  const n = graph.nodeCount;
  return x < n ? graph.nodePassThrough[x] === 0 : graph.nodePassThrough[graph.portNode[x - n]] === 1;
}

/** Most variables one backward link may move before the order is computed afresh instead. */
const REORDER_LIMIT = 100_000;

/**
 * Link x -> y with y ranked before x: the variables y reaches that rank
 * before x, and those reaching x that rank after y, swap places in the ranks
 * they hold together (links after lastLink are not followed: they are not in
 * the order yet). False on a cycle, a cyclic variable, or too many.
 */
function reorder(
  graph: SupplyGraph,
  order: VariableOrder,
  x: number,
  y: number,
  lastLink: number,
  moved: Set<number>,
): boolean {
  const { rank, cyclic } = order;
  const n = graph.nodeCount;
  const low = rank[y];
  const high = rank[x];
  const forward = explore(y, (w, visit) => {
    const [from, to] = w < n ? [graph.nodeOutStart[w], graph.nodeOutStart[w + 1]] : outOfPort(graph, w - n);
    for (let i = from; i < to; i++) {
      if (graph.outLinks[i] > lastLink) continue;
      const t = graph.outTarget[i];
      if (t === x) return false;
      if (rank[t] < high && !visit(t)) return false;
    }
    return true;
  });
  if (forward === null) return false;
  const backward = explore(x, (w, visit) => {
    const ports: [number, number] = w < n ? [graph.nodePortStart[w], graph.nodePortStart[w + 1]] : [w - n, w - n + 1];
    for (let q = ports[0]; q < ports[1]; q++) {
      for (let j = graph.portLinkStart[q]; j < graph.portLinkStart[q + 1]; j++) {
        if (graph.portLinks[j] > lastLink) continue;
        const s = graph.inSource[j];
        if (rank[s] > low && !visit(s)) return false;
      }
    }
    return true;
  });
  if (backward === null) return false;
  const all = [...backward, ...forward];
  if (all.some((w) => cyclic[w] === 1) || new Set(all).size !== all.length) return false;
  const slots = all.map((w) => rank[w]).sort((a, b) => a - b);
  backward.sort((a, b) => rank[a] - rank[b]);
  forward.sort((a, b) => rank[a] - rank[b]);
  [...backward, ...forward].forEach((w, k) => {
    const r = slots[k];
    rank[w] = r;
    order.order[r] = w;
    order.componentStart[w] = r;
    order.componentEnd[w] = r + 1;
    moved.add(w);
  });
  return true;
}

function outOfPort(graph: SupplyGraph, q: number): [number, number] {
  return graph.nodePassThrough[graph.portNode[q]] === 1 ? [graph.portOutStart[q], graph.portOutEnd[q]] : [0, 0];
}

/** Depth-first from start; `expand` visits neighbours (false stops everything). Null when stopped or too large. */
function explore(start: number, expand: (w: number, visit: (t: number) => boolean) => boolean): number[] | null {
  const seen = new Set<number>([start]);
  const stack = [start];
  const visit = (t: number): boolean => {
    if (seen.has(t)) return true;
    if (seen.size >= REORDER_LIMIT) return false;
    seen.add(t);
    stack.push(t);
    return true;
  };
  while (stack.length > 0) {
    if (!expand(stack.pop()!, visit)) return null;
  }
  return [...seen];
}
