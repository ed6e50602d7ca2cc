import { sharedFloat64, sharedInt32 } from './shared-arrays';
import type { SupplyGraph } from './supply-graph';
import { activeVariablesOf, variableOrderOf } from './topological-rank';

/**
 * What a sweep reads about each inbound link, laid out in the order the
 * sweep visits them: the active variables in rank order, each one's ports in
 * turn, each port's links as in graph.portLinks. A sweep then reads every
 * per-link column front to back; in graph.portLinks order (by port index)
 * each port's links were a scattered read per column, which at 100k
 * enterprises made memory latency, not arithmetic, most of a sweep's time.
 * Structural, memoised per graph.
 */
export interface InLinkColumns {
  /** Per sweep position p: w(l) at 2p and inventoryDays(l) at 2p + 1, side by side. */
  shareAndDays: Float64Array;
  /** Per sweep position, the supplier's index in activeVariablesOf (where a sweep keeps its state). */
  source: Int32Array;
  /** Per sweep position, the link (graph.portLinks in sweep order). */
  link: Int32Array;
  /** Per link, its sweep position. */
  position: Int32Array;
  /** Per port, the sweep position of its first link; its links follow in graph.portLinks order. */
  portStart: Int32Array;
  /** Per active index k, the sweep position of its first link; one more entry, the link count. */
  variableStart: Int32Array;
  /**
   * Active indexes where a batch starts, ascending, then activeVariablesOf's
   * length. No member of a batch supplies another, so a sweep may read all
   * of a batch's inputs before it computes any of them; a cyclic component
   * is a batch of its own.
   */
  batchStart: Int32Array;
}

/**
 * Most links in a batch: its inputs' state (24 bytes a link) then stays in
 * the fastest caches while the batch is computed.
 */
export const BATCH_LINKS = 512;

export function inLinkColumnsOf(graph: SupplyGraph): InLinkColumns {
  return graph.memoize('in-link-columns', () => {
    const n = graph.nodeCount;
    const m = graph.linkCount;
    const active = activeVariablesOf(graph);
    const activeIndex = new Int32Array(n + graph.portCount).fill(-1);
    for (let k = 0; k < active.length; k++) activeIndex[active[k]] = k;
    const shareAndDays = sharedFloat64(2 * m);
    const source = sharedInt32(m);
    const link = sharedInt32(m);
    const position = sharedInt32(m);
    const variableStart = sharedInt32(active.length + 1);
    const portStart = sharedInt32(graph.portCount);
    let p = 0;
    const lay = (q: number): void => {
      portStart[q] = p;
      for (let j = graph.portLinkStart[q]; j < graph.portLinkStart[q + 1]; j++, p++) {
        const l = graph.portLinks[j];
        shareAndDays[2 * p] = graph.linkShare[l];
        shareAndDays[2 * p + 1] = graph.linkInventoryDays[l];
        source[p] = activeIndex[graph.inSource[j]];
        link[p] = l;
        position[l] = p;
      }
    };
    for (let k = 0; k < active.length; k++) {
      const x = active[k];
      variableStart[k] = p;
      if (x >= n) lay(x - n);
      else for (let q = graph.nodePortStart[x]; q < graph.nodePortStart[x + 1]; q++) lay(q);
    }
    variableStart[active.length] = p;
    const batchStart = batchesOf(graph, active, source, variableStart);
    return { shareAndDays, source, link, position, portStart, variableStart, batchStart };
  });
}

/** See InLinkColumns.batchStart. */
function batchesOf(graph: SupplyGraph, active: Int32Array, source: Int32Array, variableStart: Int32Array): Int32Array {
  const { cyclic, componentEnd, rank } = variableOrderOf(graph);
  const starts: number[] = [];
  let start = -1;
  for (let k = 0; k < active.length; k++) {
    const x = active[k];
    if (cyclic[x] === 1) {
      starts.push(k);
      while (k + 1 < active.length && rank[active[k + 1]] < componentEnd[x]) k++;
      start = -1;
      continue;
    }
    let joins = start >= 0 && variableStart[k + 1] - variableStart[start] <= BATCH_LINKS;
    for (let p = variableStart[k]; p < variableStart[k + 1] && joins; p++) if (source[p] >= start) joins = false;
    if (!joins) {
      starts.push(k);
      start = k;
    }
  }
  starts.push(active.length);
  const batchStart = sharedInt32(starts.length);
  batchStart.set(starts);
  return batchStart;
}
