import type { SupplyGraph } from './supply-graph';

/**
 * A rank per enterprise such that suppliers rank before customers, except
 * inside a cycle (strongly connected component), whose members get
 * consecutive ranks. Processing the fraction worklist in rank order
 * recomputes every enterprise outside cycles once, after all its suppliers
 * have settled; only cycles iterate. Memoised per graph.
 */
export function topologicalRankOf(graph: SupplyGraph): Int32Array {
  return topologicalOrderOf(graph).rank;
}

export interface TopologicalOrder {
  rank: Int32Array;
  /** 1 for enterprises on a cycle (a component of two or more, or a link to itself). */
  cyclic: Uint8Array;
  /** Lowest rank in the enterprise's strongly connected component: members hold ranks componentStart .. componentStart + size - 1. */
  componentStart: Int32Array;
}

export function topologicalOrderOf(graph: SupplyGraph): TopologicalOrder {
  return graph.memoize('topological-order', () => computeRank(graph));
}

/** Iterative Tarjan: SCCs come out sinks first, so ranks are handed out from the top down. */
function computeRank(graph: SupplyGraph): TopologicalOrder {
  const n = graph.nodeCount;
  const outStart = graph.nodeOutStart;
  const outLinks = graph.outLinks;
  const linkTo = graph.linkTo;
  const rank = new Int32Array(n);
  const cyclic = new Uint8Array(n);
  const componentStart = new Int32Array(n);
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const sccStack = new Int32Array(n);
  let sccTop = 0;
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  let nextIndex = 0;
  let nextRank = n - 1;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = outStart[root];
    index[root] = low[root] = nextIndex++;
    sccStack[sccTop++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth];
      const edge = callEdge[depth];
      if (edge < outStart[v + 1]) {
        callEdge[depth] = edge + 1;
        const w = linkTo[outLinks[edge]];
        if (index[w] === -1) {
          index[w] = low[w] = nextIndex++;
          sccStack[sccTop++] = w;
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callEdge[depth] = outStart[w];
        } else if (onStack[w] === 1 && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      if (low[v] === index[v]) {
        // Pop the component; its members take the next ranks down, in stack order reversed.
        let start = sccTop;
        while (sccStack[start - 1] !== v) start--;
        start--;
        const size = sccTop - start;
        const first = nextRank - size + 1;
        for (let k = 0; k < size; k++) {
          const w = sccStack[start + k];
          onStack[w] = 0;
          rank[w] = first + k;
          componentStart[w] = first;
          if (size > 1) cyclic[w] = 1;
        }
        nextRank -= size;
        sccTop = start;
      }
      depth--;
      if (depth >= 0) {
        const parent = callNode[depth];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
    }
  }
  for (let l = 0; l < graph.linkCount; l++) if (graph.linkFrom[l] === linkTo[l]) cyclic[linkTo[l]] = 1;
  return { rank, cyclic, componentStart };
}
