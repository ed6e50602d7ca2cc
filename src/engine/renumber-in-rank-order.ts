import type { LinkColumns, NodeColumns } from './graph-columns';
import { sharedInt32, type ShareableArray } from './shared-arrays';
import type { SupplyGraph } from './supply-graph';
import { variableOrderOf } from './topological-rank';

/**
 * The graph with its enterprises numbered in the order a sweep visits them
 * (sweep-strategy.ts): by the rank of their variable, a pass-through by its
 * first product's. A sweep then reads and writes each enterprise's and
 * port's arrays and scratch records front to back, a level at a time,
 * instead of skipping through all of them once per level; at 1M enterprises
 * that makes a mode or region answer about a third faster (bench/ENGINE.md).
 *
 * Nothing else changes: ids, links (same indices), and every answer, which
 * names enterprises by id and orders them by id. Patches keep the order of
 * the enterprises they keep and append new ones, so a patched graph is
 * still mostly in rank order; the next full read renumbers it again.
 */
export function renumberInRankOrder(graph: SupplyGraph): SupplyGraph {
  return graph.renumbered(rankOrderNumbering(graph));
}

/** Per enterprise, its index in rank order (see renumberInRankOrder). */
export function rankOrderNumbering(graph: SupplyGraph): Int32Array {
  const n = graph.nodeCount;
  const { order } = variableOrderOf(graph);
  const remap = new Int32Array(n).fill(-1);
  let next = 0;
  for (let r = 0; r < order.length; r++) {
    const x = order[r];
    let v: number;
    if (x < n) {
      // A pass-through's own variable is unused: it is numbered by its first port, unless it has none.
      const hasPorts = graph.nodePortStart[x] < graph.nodePortStart[x + 1];
      if (graph.nodePassThrough[x] === 1 && hasPorts) continue;
      v = x;
    } else {
      v = graph.portNode[x - n];
      // A producer's ports are unused variables: the producer is numbered by its own.
      if (graph.nodePassThrough[v] === 0) continue;
    }
    if (remap[v] < 0) remap[v] = next++;
  }
  return remap;
}

/**
 * Columns with enterprise i moved to index remap[i] (remap is a permutation
 * of 0 .. n - 1): the enterprise columns reordered, the links' ends
 * renumbered, everything else of the links shared.
 */
export function renumberColumns(
  nodes: NodeColumns,
  links: LinkColumns,
  remap: Int32Array,
): { nodes: NodeColumns; links: LinkColumns } {
  return {
    nodes: {
      ...nodes,
      ids: nodes.ids.derive(remap, []),
      kind: permuted(nodes.kind, remap),
      status: permuted(nodes.status, remap),
      region: permuted(nodes.region, remap),
      park: permuted(nodes.park, remap),
      capacityRecovery: permuted(nodes.capacityRecovery, remap),
      dailyCapacity: permuted(nodes.dailyCapacity, remap),
      dailyOutputValue: permuted(nodes.dailyOutputValue, remap),
      unit: permuted(nodes.unit, remap),
    },
    links: { ...links, from: renumbered(links.from, remap), to: renumbered(links.to, remap) },
  };
}

/** A shared copy of `column` with row i at remap[i]. */
function permuted<T extends ShareableArray>(column: T, remap: Int32Array): T {
  const Kind = column.constructor as new (buffer: SharedArrayBuffer) => T;
  const copy = new Kind(new SharedArrayBuffer(column.BYTES_PER_ELEMENT * column.length));
  for (let i = 0; i < column.length; i++) copy[remap[i]] = column[i];
  return copy;
}

/** A shared copy of a column of enterprise indices, each renumbered. */
function renumbered(column: Int32Array, remap: Int32Array): Int32Array {
  const copy = sharedInt32(column.length);
  for (let l = 0; l < column.length; l++) copy[l] = remap[column[l]];
  return copy;
}
