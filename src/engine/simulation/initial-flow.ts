import type { SupplyGraph } from '../supply-graph';
import { baselineFractionsOf } from './baseline-fractions';
import { BlockSets } from './block-sets';
import { DailyFlow } from './daily-flow';
import { flowOrderOf } from './flow-order';

/**
 * The base solved with every stock full and no event yet: where every
 * simulation of the base starts (simulations clone it, it never advances
 * itself). Memoised per graph and base.
 */
export function initialFlowOf(graph: SupplyGraph, includeCurrentState: boolean): DailyFlow {
  return graph.memoize(`simulation:initial:${includeCurrentState ? 'current-state' : 'all-operating'}`, () => {
    const sets = new BlockSets(graph, includeCurrentState);
    const flow = new DailyFlow(graph, flowOrderOf(graph), sets.linkBlocked, sets.own, true);
    flow.solveAll();
    flow.listDrawingPorts();
    for (let v = 0; v < graph.nodeCount; v++) flow.refreshNode(v);
    return flow;
  });
}

/**
 * Enterprises whose fraction or product values in the initial flow differ
 * from f_base: with everything running none; with the current state, full
 * stocks keep some above their baseline for the first days. Memoised.
 */
export function initialDifferencesOf(graph: SupplyGraph, includeCurrentState: boolean): Int32Array {
  return graph.memoize(`simulation:initial-differences:${includeCurrentState ? 'current' : 'all'}`, () => {
    const flow = initialFlowOf(graph, includeCurrentState);
    const baseline = baselineFractionsOf(graph, includeCurrentState);
    const differing: number[] = [];
    for (let v = 0; v < graph.nodeCount; v++) {
      let differs = flow.fraction[v] !== baseline.fraction[v];
      if (graph.nodePassThrough[v] === 1) {
        for (let q = graph.nodePortStart[v]; q < graph.nodePortStart[v + 1] && !differs; q++) {
          differs = flow.portValue[q] !== baseline.portValue[q];
        }
      }
      if (differs) differing.push(v);
    }
    return Int32Array.from(differing);
  });
}
