import { FractionVariables } from './fraction-variables';
import { LinkFlag, NodeFlag, NodeSlot, PortSlot, Slot } from './propagation-scratch';
import type { StateChange } from './state-change';

/**
 * The propagate strategy, for small changes: failure and times to stall
 * (§3, §5) by a day-ordered propagation from the blocks, then fractions (§4)
 * over the affected part only, variable by variable in upstream-first order
 * (topological-rank.ts). Work is proportional to what the blocks reach.
 */
export abstract class PropagateStrategy extends FractionVariables {
  protected propagate(change: StateChange): void {
    const graph = this.graph;
    const base = this.base;
    // Blocks act on day 0 whatever the window: a down enterprise stops at once.
    for (const v of this.directNodes) {
      if (graph.nodePassThrough[v] === 0) {
        if (base.nodeAlive[v] === 1) this.settleNode(v, 0, -1);
      } else {
        for (let q = graph.nodePortStart[v]; q < graph.nodePortStart[v + 1]; q++) {
          if (base.portAlive[q] === 1) this.settlePort(q, 0);
        }
      }
    }
    // In outLinks order, a supplier's links one after the other: a whole mode blocked reads memory in sequence.
    const positions = Array.from(this.blockedList, (l) => graph.linkOutPosition[l]);
    for (const i of ascending(positions, graph.linkCount)) {
      this.failLink(i, 0, this.baseSourceValue(graph.outLinks[i]));
    }
    const n = graph.nodeCount;
    const queue = this.queue;
    while (queue.size > 0) {
      const day = queue.peekDay();
      const entity = queue.peekEntity();
      const detail = queue.peekDetail();
      queue.pop();
      if (entity < n) this.settleNode(entity, day, detail);
      else this.settlePort(entity - n, day);
    }
    if (change.skipFractions !== true) this.propagateFractions(change);
  }

  /** A producer stops on `day`; every link it ships on stops with it. */
  private settleNode(v: number, day: number, causePort: number): void {
    this.touchNode(v);
    const r = Slot.STRIDE * v;
    if ((this.node[r + NodeSlot.FLAGS] & NodeFlag.FAILED) !== 0) return;
    this.node[r + NodeSlot.FLAGS] |= NodeFlag.FAILED;
    this.node[r + Slot.DAY] = day;
    this.node[r + NodeSlot.CAUSE_PORT] = causePort;
    const graph = this.graph;
    const value = this.base.fraction[v];
    for (let i = graph.nodeOutStart[v]; i < graph.nodeOutStart[v + 1]; i++) this.failLink(i, day, value);
  }

  /** A pass-through stops forwarding one product on `day`; it stops when its last product does. */
  private settlePort(q: number, day: number): void {
    this.touchPort(q);
    const r = Slot.STRIDE * q;
    if (this.port[r + Slot.DAY] < Infinity) return;
    this.port[r + Slot.DAY] = day;
    const graph = this.graph;
    const value = this.base.portValue[q];
    for (let i = graph.portOutStart[q]; i < graph.portOutEnd[q]; i++) this.failLink(i, day, value);
    this.portStopped(q, day);
  }

  /**
   * The link at position i of outLinks stops delivering on `day`; it carried
   * `value` (g(l) in the base). Its customer's stock lasts until day + inventoryDays.
   */
  private failLink(i: number, day: number, value: number): void {
    const base = this.base;
    if (base.outDelivers[i] === 0) return;
    this.touchOut(i);
    if ((this.outFlags[i] & LinkFlag.FAILED) !== 0) return;
    this.outFlags[i] |= LinkFlag.FAILED;
    const graph = this.graph;
    this.failedLinks.push(graph.outLinks[i]);
    const q = graph.outPort[i];
    this.touchPort(q);
    const r = Slot.STRIDE * q;
    const runsOut = day + graph.outInventoryDays[i];
    // Cut within the window: the link's share leaves the customer's supply. Otherwise stock keeps it whole.
    if (runsOut < this.windowDays) {
      this.outFlags[i] |= LinkFlag.CUT;
      this.port[r + PortSlot.SUM] -= graph.outShare[i] * value;
    }
    if (runsOut >= this.port[r + PortSlot.LATEST]) {
      this.port[r + PortSlot.LATEST] = runsOut;
      this.port[r + PortSlot.LATEST_LINK] = graph.outLinks[i];
    }
    if (--this.port[r + PortSlot.COUNT] !== 0) return;
    const stopDay = this.port[r + PortSlot.LATEST];
    if (!(stopDay < this.windowDays)) return;
    const v = graph.portNode[q];
    if (graph.nodePassThrough[v] === 1) {
      if (base.portAlive[q] === 1) this.queue.push(stopDay, graph.nodeCount + q, q);
    } else if (base.nodeAlive[v] === 1) {
      this.queue.push(stopDay, v, q);
    }
  }

  /**
   * Iterates §4 down from the base values over the affected part, one
   * variable (producer, or pass-through product) at a time. Popping in rank
   * order settles every variable outside a cycle in one recomputation, after
   * all its suppliers; a cyclic component is solved as a whole when its first
   * member comes up. Pass-through fractions, which feed nothing, are averaged
   * from their products at the end.
   */
  private propagateFractions(change: StateChange): void {
    const graph = this.graph;
    const work = this.work;
    const { cyclic, order } = this.order;
    for (const v of this.directNodes) this.enqueueNode(v);
    if (change.ownChanged !== undefined) {
      for (let k = 0; k < change.ownChanged.length; k++) this.enqueueNode(change.ownChanged[k]);
    }
    for (const l of this.failedLinks) {
      const i = graph.linkOutPosition[l];
      if ((this.outFlags[i] & LinkFlag.CUT) !== 0) this.work.push(this.order.outTargetRank[i]);
    }
    while (work.size > 0) {
      const rank = work.peek();
      const x = order[rank];
      this.touchVariable(x);
      if (cyclic[x] === 1) {
        this.solveCycle(x);
        continue;
      }
      work.remove(rank);
      this.fractionSteps++;
      this.assignVariable(x, this.evaluateVariable(x), false);
    }
    this.averagePassThroughs();
  }

  /** Queues every variable of enterprise v: its own (producer) or each of its products (pass-through). */
  private enqueueNode(v: number): void {
    const graph = this.graph;
    this.touchNode(v);
    if (graph.nodePassThrough[v] === 0) {
      this.work.push(this.order.rank[v]);
      return;
    }
    for (let q = graph.nodePortStart[v]; q < graph.nodePortStart[v + 1]; q++) {
      this.work.push(this.order.rank[graph.nodeCount + q]);
    }
  }

  /** Solves the component of variable x, whose members are now the lowest ranks queued. */
  private solveCycle(x: number): void {
    const end = this.order.componentEnd[x];
    const queued: number[] = [];
    this.drainQueued(end, queued);
    this.solveQueuedComponent(queued, end);
  }
}

/** Distinct integers in [0, limit) in ascending order: a bitmap pass when there are many. */
function ascending(values: number[], limit: number): Int32Array {
  if (values.length < 64 || values.length * 16 < limit >>> 5) return Int32Array.from(values).sort();
  const bits = new Uint32Array((limit >>> 5) + 1);
  for (const value of values) bits[value >>> 5] |= 1 << (value & 31);
  const sorted = new Int32Array(values.length);
  let at = 0;
  for (let w = 0; w < bits.length; w++) {
    for (let word = bits[w]; word !== 0; word &= word - 1) sorted[at++] = (w << 5) + 31 - Math.clz32(word & -word);
  }
  return sorted;
}
