import { solveComponent } from './component-solver';
import { LinkFlag, NodeSlot, PortSlot, PropagationScratch, Slot } from './propagation-scratch';

/** Changes below this are treated as converged (§4: "to within 1e-9"). */
export const FRACTION_EPSILON = 1e-9;

/**
 * The variables of §4, a producer's fraction or a pass-through product's
 * value, one at a time: read, recomputed from the supply sums, assigned and
 * passed on to the customers' sums. What both strategies and the component
 * solver work with.
 */
export abstract class FractionVariables extends PropagationScratch {
  rankOf(x: number): number {
    return this.order.rank[x];
  }

  /** Current value of variable x: a producer's fraction or a pass-through product's value. */
  variableValue(x: number): number {
    const n = this.graph.nodeCount;
    if (x < n) return this.fraction(x);
    return this.portValueOf(x - n);
  }

  /** Own factor of variable x's enterprise in the new state (0 when down). */
  variableOwn(x: number): number {
    const n = this.graph.nodeCount;
    return this.ownOf(x < n ? x : this.graph.portNode[x - n]);
  }

  /** Running supply sum of port q before the cap at 1. */
  portSupplySum(q: number): number {
    return this.isPortTouched(q) ? this.port[Slot.STRIDE * q + PortSlot.SUM] : this.base.portSum[q];
  }

  /**
   * Sets variable x to `value` and passes the change on to its customers'
   * supply sums (queueing them), as a recomputation does; changes of at most
   * FRACTION_EPSILON are kept back unless `exact`, so that sums always match
   * the values passed on.
   */
  assignVariable(x: number, value: number, exact: boolean): boolean {
    const graph = this.graph;
    const n = graph.nodeCount;
    if (x < n) {
      this.touchNode(x);
      const at = Slot.STRIDE * x + NodeSlot.FRACTION;
      const delta = value - this.node[at];
      if (delta === 0 || (!exact && Math.abs(delta) <= FRACTION_EPSILON)) return false;
      this.node[at] = value;
      this.passOn(x, graph.nodeOutStart[x], graph.nodeOutStart[x + 1], delta);
      return true;
    }
    const q = x - n;
    this.touchNode(graph.portNode[q]);
    this.touchPort(q);
    const at = Slot.STRIDE * q + Slot.VALUE;
    const delta = value - this.port[at];
    if (delta === 0 || (!exact && Math.abs(delta) <= FRACTION_EPSILON)) return false;
    this.port[at] = value;
    this.passOn(x, graph.portOutStart[q], graph.portOutEnd[q], delta);
    return true;
  }

  /** §4 for variable x from the current supply sums. */
  evaluateVariable(x: number): number {
    const graph = this.graph;
    const n = graph.nodeCount;
    if (x >= n) {
      const q = x - n;
      const own = this.ownOf(graph.portNode[q]);
      const originates = graph.portLinkStart[q] === graph.portLinkStart[q + 1];
      return own === 0 ? 0 : originates ? own : own * this.supply(q);
    }
    const own = this.ownOf(x);
    if (own === 0) return 0;
    let least = 1;
    for (let q = graph.nodePortStart[x]; q < graph.nodePortStart[x + 1] && least > 0; q++) {
      const supply = this.supply(q);
      if (supply < least) least = supply;
    }
    return own * least;
  }

  /** Queued variables of ranks up to end - 1 (a component's, at most) are taken off the worklist into `into`. */
  drainQueued(end: number, into: number[]): void {
    const work = this.work;
    for (let rank = work.peek(); rank >= 0 && rank < end; rank = work.peek()) {
      work.remove(rank);
      const x = this.order.order[rank];
      this.touchVariable(x);
      into.push(x);
    }
  }

  /** Solves the cyclic component of ranks up to end - 1 from its touched members `queued`, counting its steps. */
  protected solveQueuedComponent(queued: number[], end: number): void {
    const result = solveComponent(this, queued, end);
    this.fractionSteps += result.steps;
    if (!result.converged) this.converged = false;
  }

  /** Pass-through fractions, which feed nothing, from their products' values once those are settled. */
  protected averagePassThroughs(): void {
    const graph = this.graph;
    const touched = this.touchedNodes.view();
    for (let k = 0; k < touched.length; k++) {
      const v = touched[k];
      if (graph.nodePassThrough[v] === 1) this.node[Slot.STRIDE * v + NodeSlot.FRACTION] = this.passThroughFraction(v);
    }
  }

  /** f(v) of §4 for a pass-through: its products' values averaged by volume. */
  private passThroughFraction(v: number): number {
    const graph = this.graph;
    const portStart = graph.nodePortStart[v];
    const portEnd = graph.nodePortStart[v + 1];
    let weighted = 0;
    let plain = 0;
    for (let q = portStart; q < portEnd; q++) {
      const value = this.portValueOf(q);
      weighted += graph.portWeight[q] * value;
      plain += value;
    }
    const weightSum = graph.nodePortWeightSum[v];
    const portTotal = portEnd - portStart;
    return weightSum > 0 ? weighted / weightSum : portTotal > 0 ? plain / portTotal : this.ownOf(v);
  }

  /** Adds variable x's change to the supply sums of the customers of outLinks[from .. to - 1], and queues them. */
  private passOn(x: number, from: number, to: number, delta: number): void {
    const graph = this.graph;
    const outDelivers = this.base.outDelivers;
    const targetRank = this.order.outTargetRank;
    // A link stopped within the window carries a fixed amount: 0 when cut, its base share when stock covers it.
    const sourceStopped = this.sweeping && this.variableStopDay(x) < Infinity;
    if (sourceStopped) return;
    for (let i = from; i < to; i++) {
      if (outDelivers[i] === 0) continue;
      if (this.sweeping) {
        const l = graph.outLinks[i];
        if ((this.blockedBits[l >>> 5] & (1 << (l & 31))) !== 0) continue;
      } else if (this.outStamp[i] === this.epoch && (this.outFlags[i] & LinkFlag.FAILED) !== 0) continue;
      const q = graph.outPort[i];
      this.touchPort(q);
      this.port[Slot.STRIDE * q + PortSlot.SUM] += graph.outShare[i] * delta;
      this.work.push(targetRank[i]);
    }
  }

  /** supply(p) of §4 for port q: its running sum, capped at 1. */
  private supply(q: number): number {
    const sum = this.portSupplySum(q);
    return sum < 1 ? (sum > 0 ? sum : 0) : 1;
  }
}
