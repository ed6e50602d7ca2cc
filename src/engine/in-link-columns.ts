import { sharedFloat64, sharedInt32 } from './shared-arrays';
import type { SupplyGraph } from './supply-graph';

/**
 * What a sweep reads about each inbound link, copied into graph.portLinks
 * order: a customer's links are then read from consecutive memory, where the
 * per-link columns (by link index, input order) would be one scattered read
 * each. Structural, memoised per graph.
 */
export interface InLinkColumns {
  /** Per position j of portLinks: w(l) at 2j and inventoryDays(l) at 2j + 1, side by side. */
  shareAndDays: Float64Array;
  /** Per link, its position in portLinks. */
  position: Int32Array;
}

export function inLinkColumnsOf(graph: SupplyGraph): InLinkColumns {
  return graph.memoize('in-link-columns', () => {
    const m = graph.linkCount;
    const shareAndDays = sharedFloat64(2 * m);
    const position = sharedInt32(m);
    for (let j = 0; j < m; j++) {
      const l = graph.portLinks[j];
      shareAndDays[2 * j] = graph.linkShare[l];
      shareAndDays[2 * j + 1] = graph.linkInventoryDays[l];
      position[l] = j;
    }
    return { shareAndDays, position };
  });
}
