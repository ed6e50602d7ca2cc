import type { SupplyGraph } from '../supply-graph';
import { BlockSets } from './block-sets';
import { DailyFlow } from './daily-flow';
import { flowOrderOf } from './flow-order';
import { initialFlowOf } from './initial-flow';

/** f_base of §9: the §4 fractions of the base, with no events and no stocks. */
export interface BaselineFractions {
  /** Per enterprise. */
  fraction: Float64Array;
  /** Per pass-through port: the fraction at which it forwards the product. */
  portValue: Float64Array;
}

/**
 * Computed by the simulation's own day solver with every stock at 0, so that
 * a day whose stocks are spent and whose blocks are lifted gives back
 * exactly these numbers. Memoised per graph and base. With everything
 * running, when the initial flow (full stocks) runs every vertex at 1 every
 * link delivers in full and stocks cannot matter: its numbers are taken.
 */
export function baselineFractionsOf(graph: SupplyGraph, includeCurrentState: boolean): BaselineFractions {
  return graph.memoize(`simulation:baseline:${includeCurrentState ? 'current-state' : 'all-operating'}`, () => {
    if (!includeCurrentState) {
      const initial = initialFlowOf(graph, false);
      if (initial.everyValueIsOne())
        return { fraction: initial.fraction.slice(), portValue: initial.portValue.slice() };
    }
    const sets = new BlockSets(graph, includeCurrentState);
    const flow = new DailyFlow(graph, flowOrderOf(graph), sets.linkBlocked, sets.own, false);
    flow.solveAll();
    for (let v = 0; v < graph.nodeCount; v++) flow.refreshNode(v);
    return { fraction: flow.fraction, portValue: flow.portValue };
  });
}
