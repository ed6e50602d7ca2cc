import { sharedFloat64, sharedInt32, sharedUint8 } from './shared-arrays';
import { propagationFor } from './state-propagation';
import { DOWN_STATUS_FLAGS } from './graph-columns';
import type { StateDelta } from './graph-patch';
import { shareCopy } from './shared-arrays';
import type { SupplyGraph } from './supply-graph';

/**
 * A fully evaluated state of the graph (§3 and §4), stored densely. It is the
 * baseline a scenario is compared with, and the starting point from which a
 * scenario's failures are propagated: scenario = baseline + blocks, so the
 * scenario's greatest solution lies below it and is reached by propagating
 * failure downward from it.
 */
export interface BaseState {
  /** 1 when the enterprise is down in this state. */
  readonly down: Uint8Array;
  /** 1 when the link is blocked in this state. */
  readonly blocked: Uint8Array;
  /** own(v) of §4: 0 when down, else 1 or capacityRecovery. */
  readonly own: Float64Array;
  /** 1 when the enterprise outputs something (§3). */
  readonly nodeAlive: Uint8Array;
  /** Producer port: at least one inbound link delivers. Pass-through port: the product is output. */
  readonly portAlive: Uint8Array;
  /** Number of delivering inbound links per port. */
  readonly portCount: Int32Array;
  /** Pass-throughs: number of ports (products) output. */
  readonly alivePorts: Int32Array;
  readonly linkDelivers: Uint8Array;
  /** linkDelivers by position in graph.outLinks (read where a supplier's links are walked). */
  readonly outDelivers: Uint8Array;
  /** linkDelivers by position in graph.portLinks (read where a customer's links are walked). */
  readonly inDelivers: Uint8Array;
  /** f(v) of §4. */
  readonly fraction: Float64Array;
  /** Pass-through ports: the per-product fraction of §4. */
  readonly portValue: Float64Array;
  /** Per port, the sum over delivering inbound links of w(l) * g(l): supply of §4 before the cap at 1. */
  readonly portSum: Float64Array;
}

/**
 * The memoised baseline of §2: all operating and all open, or with
 * `includeCurrentState` the real state (STALLED/CLOSED down, BLOCKED links
 * blocked, own = capacityRecovery).
 */
export function baseStateOf(graph: SupplyGraph, includeCurrentState: boolean): BaseState {
  if (!includeCurrentState) return graph.memoize('baseline:all-operating', () => allOperatingState(graph));
  return graph.memoize(
    'baseline:current-state',
    () => graph.takeDerivation<BaseState>('baseline:current-state')?.() ?? currentState(graph),
  );
}

/** Everything open and operating: every producer and every handled product is output at fraction 1. */
function allOperatingState(graph: SupplyGraph): BaseState {
  const n = graph.nodeCount;
  const p = graph.portCount;
  const nodeAlive = sharedUint8(n).fill(1);
  const alivePorts = sharedInt32(n);
  for (let v = 0; v < n; v++) {
    if (graph.nodePassThrough[v] === 0) continue;
    alivePorts[v] = graph.nodePortStart[v + 1] - graph.nodePortStart[v];
    // A pass-through without any link handles no product, so it outputs nothing.
    if (alivePorts[v] === 0) nodeAlive[v] = 0;
  }
  const portCount = sharedInt32(p);
  const portSum = sharedFloat64(p);
  for (let q = 0; q < p; q++) {
    portCount[q] = graph.portLinkStart[q + 1] - graph.portLinkStart[q];
    for (let i = graph.portLinkStart[q]; i < graph.portLinkStart[q + 1]; i++)
      portSum[q] += graph.linkShare[graph.portLinks[i]];
  }
  // The constant columns are views of one buffer of ones (or zeros) each: never written, shared freely.
  const m = graph.linkCount;
  const longest = Math.max(n, p, m);
  const zeros = sharedUint8(longest);
  const ones = sharedUint8(longest).fill(1);
  const unit = sharedFloat64(Math.max(n, p)).fill(1);
  return {
    down: zeros.subarray(0, n),
    blocked: zeros.subarray(0, m),
    own: unit.subarray(0, n),
    nodeAlive,
    portAlive: ones.subarray(0, p),
    portCount,
    alivePorts,
    linkDelivers: ones.subarray(0, m),
    outDelivers: ones.subarray(0, m),
    inDelivers: ones.subarray(0, m),
    fraction: unit.subarray(0, n),
    portValue: unit.subarray(0, p),
    portSum,
  };
}

/** The real state, evaluated as a scenario over the all-operating state and then stored densely. */
function currentState(graph: SupplyGraph): BaseState {
  const top = baseStateOf(graph, false);
  const n = graph.nodeCount;
  const downNodes: number[] = [];
  const ownChanged: number[] = [];
  const own = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    if (DOWN_STATUS_FLAGS[graph.nodeStatus[v]]) downNodes.push(v);
    own[v] = graph.nodeCapacityRecovery[v];
    if (own[v] !== 1) ownChanged.push(v);
  }
  const blockedLinks: number[] = [];
  for (let l = 0; l < graph.linkCount; l++) if (graph.linkBlocked[l] === 1) blockedLinks.push(l);
  const run = propagationFor(graph);
  run.run(top, { downNodes, blockedLinks, window: Infinity, targetOwn: own, ownChanged });
  return run.materialize();
}

/**
 * The current-state baseline after a patch that only made things worse
 * (links blocked, enterprises down, capacity lowered): the previous one with
 * the change propagated down from it, instead of the whole state from the
 * top. Both are the greatest solution: the previous baseline lies above the
 * new one and the change only lowers it.
 */
export function deriveCurrentState(graph: SupplyGraph, previous: BaseState, change: StateDelta): BaseState {
  const own = shareCopy(previous.own);
  for (const v of change.ownChanged) own[v] = graph.nodeCapacityRecovery[v];
  const run = propagationFor(graph);
  run.run(previous, {
    downNodes: change.downNodes,
    blockedLinks: change.blockedLinks,
    window: Infinity,
    targetOwn: own,
    ownChanged: change.ownChanged,
  });
  return run.materialize();
}
