import { baseStateOf } from './base-state';
import { summarizeRun } from './evaluate-scenario';
import { propagationFor } from './state-propagation';
import { DOWN_STATUS_FLAGS, type SupplyGraph } from './supply-graph';

export interface ResumptionStep {
  kind: 'LINK' | 'ENTERPRISE';
  id: string;
  recoveredDailyOutput: number;
  cumulativeRecoveredDailyOutput: number;
  /** Enterprises no longer stalled after this step, relative to before it. */
  restartedCount: number;
}

interface Block {
  kind: 'LINK' | 'ENTERPRISE';
  index: number;
  id: string;
}

/** Recoveries closer than this count as a tie (sums taken in different orders). */
const TIE_EPSILON = 1e-9;

/**
 * A restart order, link by link and plant by plant as the clusters were
 * restarted: the current real state (BLOCKED links, STALLED/CLOSED
 * enterprises) is a scenario over the all-operating baseline (own = 1). Each
 * step greedily reopens the block whose removal recovers the most lost daily
 * output; ties: most enterprises restarted, then id, links before
 * enterprises. Stops after `top` steps or when no block is left, even if a
 * step recovers nothing. Cost: steps x blocks evaluations.
 */
export function planResumption(graph: SupplyGraph, top: number): ResumptionStep[] {
  const remaining: Block[] = [];
  for (let l = 0; l < graph.linkCount; l++) {
    if (graph.linkBlocked[l] === 1) remaining.push({ kind: 'LINK', index: l, id: graph.linkId(l) });
  }
  for (let v = 0; v < graph.nodeCount; v++) {
    if (DOWN_STATUS_FLAGS[graph.nodeStatus[v]])
      remaining.push({ kind: 'ENTERPRISE', index: v, id: graph.enterpriseId(v) });
  }
  const base = baseStateOf(graph, false);
  const propagation = propagationFor(graph);
  const impactWithout = (skip: Block | undefined): { stalledCount: number; lostDailyOutput: number } => {
    const downNodes: number[] = [];
    const blockedLinks: number[] = [];
    for (const block of remaining) {
      if (block === skip) continue;
      if (block.kind === 'LINK') blockedLinks.push(block.index);
      else downNodes.push(block.index);
    }
    propagation.run(base, { downNodes, blockedLinks, window: Infinity });
    return summarizeRun(graph, propagation);
  };
  const steps: ResumptionStep[] = [];
  let cumulative = 0;
  let current = impactWithout(undefined);
  while (steps.length < top && remaining.length > 0) {
    let best: { block: Block; after: { stalledCount: number; lostDailyOutput: number } } | undefined;
    for (const block of remaining) {
      const after = impactWithout(block);
      if (best === undefined || isBetter(block, after, best.block, best.after)) best = { block, after };
    }
    if (best === undefined) break;
    remaining.splice(remaining.indexOf(best.block), 1);
    const recovered = current.lostDailyOutput - best.after.lostDailyOutput;
    cumulative += recovered;
    steps.push({
      kind: best.block.kind,
      id: best.block.id,
      recoveredDailyOutput: recovered,
      cumulativeRecoveredDailyOutput: cumulative,
      restartedCount: current.stalledCount - best.after.stalledCount,
    });
    current = best.after;
  }
  return steps;
}

function isBetter(
  block: Block,
  after: { stalledCount: number; lostDailyOutput: number },
  bestBlock: Block,
  bestAfter: { stalledCount: number; lostDailyOutput: number },
): boolean {
  // Less lost after the step means more recovered by it.
  const lostDifference = bestAfter.lostDailyOutput - after.lostDailyOutput;
  if (Math.abs(lostDifference) > TIE_EPSILON) return lostDifference > 0;
  if (after.stalledCount !== bestAfter.stalledCount) return after.stalledCount < bestAfter.stalledCount;
  if (block.id !== bestBlock.id) return block.id < bestBlock.id;
  return block.kind === 'LINK' && bestBlock.kind === 'ENTERPRISE';
}
