import type { BaseState } from './base-state';
import { inLinkColumnsOf } from './in-link-columns';
import { shareCopy } from './shared-arrays';
import { LinkFlag, NodeFlag, NodeSlot, PortSlot, Slot } from './propagation-scratch';
import type { StateChange } from './state-change';
import type { SupplyGraph } from './supply-graph';
import { SweepStrategy } from './sweep-strategy';

/** Cyclic components larger than this make an evaluation propagate rather than sweep. */
const SWEEP_CYCLE_LIMIT = 2_000;

const NO_CHANGE: StateChange = { downNodes: [], blockedLinks: [], window: Infinity };

const PROPAGATION_MEMO = 'state-propagation';

/** The scratch space of one graph, created on first use and reused by every evaluation in this thread. */
export function propagationFor(graph: SupplyGraph): StatePropagation {
  return graph.memoize(PROPAGATION_MEMO, () => new StatePropagation(graph));
}

/**
 * Lets go of this thread's scratch space for `graph` (about 350 MB at 1M enterprises once it has
 * swept); the next evaluation makes it again.
 */
export function releasePropagation(graph: SupplyGraph): void {
  graph.forget(PROPAGATION_MEMO);
}

/**
 * Evaluates a state change against a base state, in one of two ways that
 * give the same answer: propagate from the blocks (small changes,
 * propagate-strategy.ts) or sweep the whole graph (large ones,
 * sweep-strategy.ts). Either way a strongly connected component of variables
 * is solved as a whole (component-solver.ts). Also counts stalls alone, for
 * rankings, and stores a run as a base state.
 *
 * One instance per graph and thread; a run's results are valid until the
 * next run (see runId).
 */
export class StatePropagation extends SweepStrategy {
  run(base: BaseState, change: StateChange): void {
    this.begin(base, change);
    for (let k = 0; k < change.downNodes.length; k++) {
      const v = change.downNodes[k];
      if (base.down[v] === 1) continue;
      this.touchNode(v);
      const at = Slot.STRIDE * v + NodeSlot.FLAGS;
      if ((this.node[at] & NodeFlag.DOWN) !== 0) continue;
      this.node[at] |= NodeFlag.DOWN;
      this.directNodes.push(v);
    }
    for (let k = 0; k < change.blockedLinks.length; k++) {
      const l = change.blockedLinks[k];
      if (base.blocked[l] === 1 || this.isLinkNewlyBlocked(l)) continue;
      this.blockedBits[l >>> 5] |= 1 << (l & 31);
      this.blockedList.push(l);
    }
    this.sweeping = this.prefersSweep(change);
    if (this.sweeping) this.sweep(change);
    else this.propagate(change);
  }

  /**
   * Sweep when the change directly touches more than 1/32 of the links (a
   * region, a mode, the current state), unless a large cycle would make the
   * sweep's per-component iteration costly.
   */
  private prefersSweep(change: StateChange): boolean {
    const strategy = change.strategy ?? 'auto';
    if (strategy !== 'auto') return strategy === 'sweep' && change.skipFractions !== true;
    if (change.skipFractions === true || this.order.largestCycle > SWEEP_CYCLE_LIMIT) return false;
    const graph = this.graph;
    let reach = this.blockedList.length + (change.ownChanged?.length ?? 0) * 4;
    for (const v of this.directNodes) reach += graph.nodeOutStart[v + 1] - graph.nodeOutStart[v] + 1;
    return reach * 32 > graph.linkCount;
  }

  // ---- Stall counts alone, for rankings ----

  /**
   * Enterprises stalled (§3, unbounded window) by taking `downNode` down or
   * blocking `blockedLink` (-1 for none): the closure of failures, without
   * days or fractions, for ranking hundreds of thousands of single blocks.
   * Counts exactly what run() with skipFractions counts. Ends the last run.
   */
  countStalls(base: BaseState, downNode: number, blockedLink: number): number {
    this.begin(base, NO_CHANGE);
    const graph = this.graph;
    const n = graph.nodeCount;
    const stack = this.stallStack;
    stack.length = 0;
    let stalled = 0;
    const failProducer = (v: number, direct: boolean): void => {
      this.touchNode(v);
      const r = Slot.STRIDE * v;
      if ((this.node[r + NodeSlot.FLAGS] & NodeFlag.FAILED) !== 0) return;
      this.node[r + NodeSlot.FLAGS] |= NodeFlag.FAILED;
      if (!direct && (this.node[r + NodeSlot.FLAGS] & NodeFlag.DOWN) === 0) stalled++;
      stack.push(v);
    };
    const failPort = (q: number): void => {
      this.touchPort(q);
      if (this.port[Slot.STRIDE * q + Slot.DAY] < Infinity) return;
      this.port[Slot.STRIDE * q + Slot.DAY] = 0;
      stack.push(n + q);
    };
    const cut = (i: number): void => {
      if (base.outDelivers[i] === 0) return;
      this.touchOut(i);
      if ((this.outFlags[i] & LinkFlag.FAILED) !== 0) return;
      this.outFlags[i] |= LinkFlag.FAILED;
      const q = graph.outPort[i];
      this.touchPort(q);
      if (--this.port[Slot.STRIDE * q + PortSlot.COUNT] !== 0) return;
      const v = graph.portNode[q];
      if (graph.nodePassThrough[v] === 1) {
        if (base.portAlive[q] === 1) failPort(q);
      } else if (base.nodeAlive[v] === 1) failProducer(v, false);
    };
    if (downNode >= 0 && base.down[downNode] === 0) {
      this.touchNode(downNode);
      this.node[Slot.STRIDE * downNode + NodeSlot.FLAGS] |= NodeFlag.DOWN;
      stalled++;
      if (graph.nodePassThrough[downNode] === 0) {
        if (base.nodeAlive[downNode] === 1) failProducer(downNode, true);
      } else {
        for (let q = graph.nodePortStart[downNode]; q < graph.nodePortStart[downNode + 1]; q++) {
          if (base.portAlive[q] === 1) failPort(q);
        }
      }
    }
    if (blockedLink >= 0 && base.blocked[blockedLink] === 0) cut(graph.linkOutPosition[blockedLink]);
    while (stack.length > 0) {
      const x = stack.pop()!;
      if (x < n) {
        for (let i = graph.nodeOutStart[x]; i < graph.nodeOutStart[x + 1]; i++) cut(i);
        continue;
      }
      const q = x - n;
      for (let i = graph.portOutStart[q]; i < graph.portOutEnd[q]; i++) cut(i);
      const v = graph.portNode[q];
      this.touchNode(v);
      const r = Slot.STRIDE * v;
      this.node[r + NodeSlot.FLAGS] |= NodeFlag.LOST_PORT;
      if (--this.node[r + NodeSlot.ALIVE_PORTS] === 0 && (this.node[r + NodeSlot.FLAGS] & NodeFlag.FAILED) === 0) {
        this.node[r + NodeSlot.FLAGS] |= NodeFlag.FAILED;
        if ((this.node[r + NodeSlot.FLAGS] & NodeFlag.DOWN) === 0) stalled++;
      }
    }
    return stalled;
  }

  private readonly stallStack: number[] = [];

  // ---- Storing a run ----

  /** Stores this run's state densely: used once per graph to build the current-state baseline. */
  materialize(): BaseState {
    const base = this.base;
    const graph = this.graph;
    const state = {
      down: shareCopy(base.down),
      blocked: shareCopy(base.blocked),
      own: shareCopy(this.own),
      nodeAlive: shareCopy(base.nodeAlive),
      portAlive: shareCopy(base.portAlive),
      portCount: shareCopy(base.portCount),
      alivePorts: shareCopy(base.alivePorts),
      linkDelivers: shareCopy(base.linkDelivers),
      outDelivers: shareCopy(base.outDelivers),
      inDelivers: shareCopy(base.inDelivers),
      fraction: shareCopy(base.fraction),
      portValue: shareCopy(base.portValue),
      portSum: shareCopy(base.portSum),
    };
    for (let v = 0; v < graph.nodeCount; v++) {
      if (base.down[v] === 1) state.own[v] = 0;
    }
    for (const v of this.touchedNodes) {
      const flags = this.nodeFlags(v);
      if ((flags & NodeFlag.DOWN) !== 0) {
        state.down[v] = 1;
        state.own[v] = 0;
      }
      if ((flags & NodeFlag.FAILED) !== 0) state.nodeAlive[v] = 0;
      state.alivePorts[v] = this.node[Slot.STRIDE * v + NodeSlot.ALIVE_PORTS];
      state.fraction[v] = this.fraction(v);
    }
    // Every port whose record was written (a touched enterprise's, or a producer's fed by a stopped link).
    for (let q = 0; q < graph.portCount; q++) {
      if (!this.isPortTouched(q)) continue;
      const r = Slot.STRIDE * q;
      state.portCount[q] = this.port[r + PortSlot.COUNT];
      state.portValue[q] = this.port[r + Slot.VALUE];
      state.portSum[q] = this.port[r + PortSlot.SUM];
      const failed = this.port[r + Slot.DAY] < Infinity;
      const producer = graph.nodePassThrough[graph.portNode[q]] === 0;
      if (failed || (producer && this.port[r + PortSlot.COUNT] === 0)) state.portAlive[q] = 0;
    }
    const inPosition = inLinkColumnsOf(graph).position;
    for (const l of this.failedLinks) {
      state.linkDelivers[l] = 0;
      state.outDelivers[graph.linkOutPosition[l]] = 0;
      state.inDelivers[inPosition[l]] = 0;
    }
    for (const l of this.blockedList) state.blocked[l] = 1;
    return state;
  }
}
