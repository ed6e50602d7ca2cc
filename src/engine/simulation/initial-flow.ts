import type { SupplyGraph } from '../supply-graph';
import { baselineFractionsOf } from './baseline-fractions';
import { BlockSets } from './block-sets';
import { DailyFlow } from './daily-flow';
import { flowOrderOf } from './flow-order';

/** The base solved with every stock full and no event yet: where every simulation of the base starts. */
export interface InitialFlow {
  /** Never advanced itself: simulations clone it. */
  flow: DailyFlow;
  /** Enterprises whose fraction or product values differ from f_base in this state. */
  differing: Int32Array;
}

/**
 * Memoised per graph and base. With everything running this equals the
 * baseline and nothing differs; with the current state, full stocks keep
 * some enterprises above their baseline for the first days.
 */
export function initialFlowOf(graph: SupplyGraph, includeCurrentState: boolean): InitialFlow {
  return graph.memoize(`simulation:initial:${includeCurrentState ? 'current-state' : 'all-operating'}`, () => {
    const baseline = baselineFractionsOf(graph, includeCurrentState);
    const sets = new BlockSets(graph, includeCurrentState);
    const flow = new DailyFlow(graph, flowOrderOf(graph), sets.linkBlocked, sets.own, true);
    flow.solveAll();
    flow.listDrawingPorts();
    const differing: number[] = [];
    for (let v = 0; v < graph.nodeCount; v++) {
      flow.refreshNode(v);
      let differs = flow.fraction[v] !== baseline.fraction[v];
      if (graph.nodePassThrough[v] === 1) {
        for (let q = graph.nodePortStart[v]; q < graph.nodePortStart[v + 1] && !differs; q++) {
          differs = flow.portValue[q] !== baseline.portValue[q];
        }
      }
      if (differs) differing.push(v);
    }
    flow.updateStocksDone();
    return { flow, differing: Int32Array.from(differing) };
  });
}
