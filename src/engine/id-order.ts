import { sharedInt32 } from './shared-arrays';
import type { SupplyGraph } from './supply-graph';

/**
 * Per enterprise, the position of its id among all ids in JavaScript's
 * string order: results sort rows by id with integer comparisons. Memoised
 * per graph (a graph patched without adding or removing enterprises keeps it).
 */
export function idRankOf(graph: SupplyGraph): Int32Array {
  return graph.memoize('id-order', () => ({ rank: computeRank(graph) })).rank;
}

function computeRank(graph: SupplyGraph): Int32Array {
  const n = graph.nodeCount;
  const order = new Int32Array(n);
  for (let v = 0; v < n; v++) order[v] = v;
  order.sort((a, b) => graph.compareEnterpriseIds(a, b));
  const rank = sharedInt32(n);
  for (let r = 0; r < n; r++) rank[order[r]] = r;
  return rank;
}
