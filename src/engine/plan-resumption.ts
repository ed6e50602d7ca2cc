import { baseStateOf, type BaseState } from './base-state';
import { summarizeRun, type RunSummary } from './evaluate-scenario';
import { propagationFor } from './state-propagation';
import { DOWN_STATUS_FLAGS, type SupplyGraph } from './supply-graph';

export interface ResumptionStep {
  kind: 'LINK' | 'ENTERPRISE';
  /** Index of the link or the enterprise. */
  index: number;
  id: string;
  /** §8: lost output value this step brings back, CNY per day. */
  recoveredOutputValue: number;
  cumulativeRecoveredOutputValue: number;
  /** Enterprises no longer stalled after this step, relative to before it. */
  restartedCount: number;
}

export interface PlanResumptionOptions {
  top: number;
  /**
   * Run every enterprise at its capacityRecovery (default true); false runs
   * them at full capacity. The blocks to lift always come from the current
   * state.
   */
  includeCurrentState?: boolean;
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
 * restarted. The blocks of the current real state (BLOCKED links,
 * STALLED/CLOSED enterprises) are lifted one at a time; each step greedily
 * lifts the one that brings back the most lost output value (§8); ties: most
 * enterprises restarted, then id, links before enterprises. Stops after
 * `top` steps or when no block is left, even if a step recovers nothing.
 *
 * With includeCurrentState every enterprise runs at its capacityRecovery, so
 * reopening a link into a plant at 30% brings back at most 30% of its
 * output, and nothing when another input still holds it; an enterprise
 * restarted by a step comes back at full capacity (its recorded
 * capacityRecovery, 0 while stalled, says nothing about it running again).
 * So each step's gain is what `impact(includeCurrentState: true)` measures
 * once the step is made.
 *
 * Cost: steps x blocks evaluations, each propagating only what the
 * remaining blocks reach from a state with every enterprise running at its
 * own capacity.
 */
export function planResumption(graph: SupplyGraph, options: PlanResumptionOptions): ResumptionStep[] {
  const remaining: Block[] = [];
  for (let l = 0; l < graph.linkCount; l++) {
    if (graph.linkBlocked[l] === 1) remaining.push({ kind: 'LINK', index: l, id: graph.linkId(l) });
  }
  for (let v = 0; v < graph.nodeCount; v++) {
    if (DOWN_STATUS_FLAGS[graph.nodeStatus[v]])
      remaining.push({ kind: 'ENTERPRISE', index: v, id: graph.enterpriseId(v) });
  }
  const base = unblockedState(graph, options.includeCurrentState ?? true);
  const propagation = propagationFor(graph);
  const impactWithout = (skip: Block | undefined): RunSummary => {
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
  while (steps.length < options.top && remaining.length > 0) {
    let best: { block: Block; after: RunSummary } | undefined;
    for (const block of remaining) {
      const after = impactWithout(block);
      if (best === undefined || isBetter(block, after, best.block, best.after)) best = { block, after };
    }
    if (best === undefined) break;
    remaining.splice(remaining.indexOf(best.block), 1);
    const recovered = current.lostOutputValue - best.after.lostOutputValue;
    cumulative += recovered;
    steps.push({
      kind: best.block.kind,
      index: best.block.index,
      id: best.block.id,
      recoveredOutputValue: recovered,
      cumulativeRecoveredOutputValue: cumulative,
      restartedCount: current.stalledCount - best.after.stalledCount,
    });
    current = best.after;
  }
  return steps;
}

/**
 * Every enterprise up and every link open, each enterprise at the capacity
 * the plan runs it at: its capacityRecovery with the current state (1 for
 * those stalled or closed now: they come back at full capacity), else 1.
 * Losses are measured from this state; only their differences are reported.
 */
function unblockedState(graph: SupplyGraph, includeCurrentState: boolean): BaseState {
  const allOperating = baseStateOf(graph, false);
  if (!includeCurrentState) return allOperating;
  const own = new Float64Array(graph.nodeCount);
  const ownChanged: number[] = [];
  for (let v = 0; v < graph.nodeCount; v++) {
    own[v] = DOWN_STATUS_FLAGS[graph.nodeStatus[v]] ? 1 : graph.nodeCapacityRecovery[v];
    if (own[v] !== 1) ownChanged.push(v);
  }
  const run = propagationFor(graph);
  run.run(allOperating, { downNodes: [], blockedLinks: [], window: Infinity, targetOwn: own, ownChanged });
  return run.materialize();
}

function isBetter(block: Block, after: RunSummary, bestBlock: Block, bestAfter: RunSummary): boolean {
  // Less lost after the step means more recovered by it.
  const lostDifference = bestAfter.lostOutputValue - after.lostOutputValue;
  if (Math.abs(lostDifference) > TIE_EPSILON * (1 + Math.abs(after.lostOutputValue))) return lostDifference > 0;
  if (after.stalledCount !== bestAfter.stalledCount) return after.stalledCount < bestAfter.stalledCount;
  if (block.id !== bestBlock.id) return block.id < bestBlock.id;
  return block.kind === 'LINK' && bestBlock.kind === 'ENTERPRISE';
}
