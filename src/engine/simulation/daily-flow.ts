import type { SupplyGraph } from '../supply-graph';
import type { FlowOrder } from './flow-order';
import { VertexQueue } from './vertex-queue';

/** Fractions below this are 0 before they are passed on (§9). */
export const ZERO_FRACTION = 1e-9;
/** A link refills stock only while its source runs at least this close to full (§9). */
const FULL_FRACTION = 1 - 1e-9;
/** A stock below this share of a day's need is a rounding residue: it is 0. */
const STOCK_RESIDUE = 1e-12;
/**
 * A stock change that moves a(v,p) by no more than this does not recompute
 * the port's vertex: a stock settling geometrically (or flipping between
 * two neighbouring doubles) would otherwise recompute its chain every day
 * for ever. Far below anything reported.
 */
const AVAILABLE_TOLERANCE = 1e-12;

/** Per-flow-port record: fields at p * PORT_FIELDS + field, so that one port's state sits together. */
const PORT_FIELDS = 10;
/** N(v,p): sum of the volumes of v's inbound links of p. */
const NEED = 0;
/** S*(v,p): sum of volume x inventoryDays over those links. */
const TARGET = 1;
/** S(v,p,t) on day STOCK_DAY (see materialize). */
const STOCK = 2;
/** R(v,p,t) of the port's last computation. */
const RECEIVED = 3;
/** Volume of the open inbound links whose source runs at full: what rho refills from. */
const REFILL_VOLUME = 4;
/** a(v,p,t) of the port's last computation. */
const AVAILABLE = 5;
/** Day the stock update last visited the port. */
const VISITED = 6;
/** The fraction the port is drawn at: its producer's f, or its pass-through product's value. */
const USAGE = 7;
/** The day STOCK belongs to. */
const STOCK_DAY = 8;
/** The scarcest available share of the port's vertex at its last computation: the one its output follows. */
const LEAST = 9;

/**
 * One day's flow of goods (§9): the fractions of the day as the greatest
 * solution given the blocks, own factors and stocks, then the stock update.
 *
 * Incremental: a day recomputes only the flow vertices seeded by events or
 * by stocks whose change moves an available share, and whatever their
 * changes reach downstream, popped in rank order so that every vertex
 * outside cycles is computed once, after all its suppliers. A cycle is
 * recomputed as a whole from its upper bound (own) down to its greatest
 * solution. Receipts are summed afresh from the suppliers' current values,
 * so nothing drifts over days. Only ports whose stock is below target, or
 * whose receipts or consumption may have moved, are visited by the stock
 * update. A day with nothing seeded does no work.
 *
 * Without stocks (`withStock` false) every stock stays 0: that is §4's
 * fraction, used for the baseline.
 */
export class DailyFlow {
  /** f(v) as of the last refreshNode(v). */
  readonly fraction: Float64Array;
  /** Pass-through ports: the product's value as of the last refreshNode of its enterprise. */
  readonly portValue: Float64Array;
  /** False once a cycle hit its sweep cap before settling. */
  converged = true;
  /** Vertex recomputations and stock updates so far (diagnostics). */
  recomputations = 0;
  stockUpdates = 0;

  /** Per flow vertex: the producer's f or the pass-through product's value, as passed on. */
  private readonly value: Float64Array;
  /** Per flow vertex: own of its enterprise. */
  private readonly ownOf: Float64Array;
  /** Per flow port (FlowOrder), PORT_FIELDS numbers. */
  private readonly ports: Float64Array;
  /** Per inbound position (FlowOrder): 1 while that link is blocked. */
  private readonly blockedAt: Uint8Array;
  /** Per out position (FlowOrder): 1 while that link is blocked. */
  private readonly blockedOut: Uint8Array;
  private readonly queue: VertexQueue;
  private readonly doneOn: Int32Array;
  private day = 0;
  /** Off while solveAll computes everything in rank order anyway. */
  private propagating = true;
  /** Vertices recomputed since the last stock update, ascending. */
  private readonly recomputed: number[] = [];
  /** Vertices whose value changed since the day began. */
  private readonly changed: number[] = [];
  /** Flow ports to visit in the stock update at the end of a day, by day. */
  private wakeOn = new Map<number, number[]>();
  private readonly seeds: number[] = [];
  private restockRate = 0;
  private horizonDays = Infinity;
  private readonly componentOld: Float64Array;

  // Columns read in the inner loops.
  private readonly vertexPortStart: Int32Array;
  private readonly flowPortLinkStart: Int32Array;
  private readonly inLinks: Float64Array;

  /**
   * A flow over the blocks and own factors of `blocked` and `own` (read, and
   * taken over on seeding), with every stock full (or 0 without stocks) and
   * nothing computed yet; or, with `from`, a copy of that flow's state.
   */
  constructor(
    private readonly graph: SupplyGraph,
    private readonly order: FlowOrder,
    private readonly blocked: Uint8Array,
    private readonly own: Float64Array,
    withStock: boolean,
    from?: DailyFlow,
  ) {
    const p = graph.portCount;
    const vertexCount = order.vertexCount;
    if (from !== undefined) {
      this.fraction = from.fraction.slice();
      this.portValue = from.portValue.slice();
      this.value = from.value.slice();
      this.ownOf = from.ownOf.slice();
      this.ports = from.ports.slice();
      this.blockedAt = from.blockedAt.slice();
      this.blockedOut = from.blockedOut.slice();
      for (const [day, list] of from.wakeOn) this.wakeOn.set(day, list.slice());
      this.converged = from.converged;
    } else {
      this.fraction = new Float64Array(graph.nodeCount);
      this.portValue = new Float64Array(p);
      this.value = new Float64Array(vertexCount);
      this.ownOf = new Float64Array(vertexCount);
      this.ports = new Float64Array(p * PORT_FIELDS);
      for (let flowPort = 0; flowPort < p; flowPort++) {
        const base = flowPort * PORT_FIELDS;
        for (let i = order.flowPortLinkStart[flowPort]; i < order.flowPortLinkStart[flowPort + 1]; i++) {
          const volume = order.inLinks[2 * i + 1];
          this.ports[base + NEED] += volume;
          this.ports[base + TARGET] += volume * graph.linkInventoryDays[order.inLink[i]];
        }
        if (withStock) this.ports[base + STOCK] = this.ports[base + TARGET];
        this.ports[base + VISITED] = -1;
      }
      this.blockedAt = new Uint8Array(graph.linkCount);
      this.blockedOut = new Uint8Array(graph.linkCount);
    }
    this.queue = new VertexQueue(vertexCount);
    this.doneOn = new Int32Array(vertexCount).fill(-1);
    let largest = 1;
    for (let x = 0; x < vertexCount; x = order.componentEnd[x]) {
      largest = Math.max(largest, order.componentEnd[x] - x);
    }
    this.componentOld = new Float64Array(largest);
    this.vertexPortStart = order.vertexPortStart;
    this.flowPortLinkStart = order.flowPortLinkStart;
    this.inLinks = order.inLinks;
  }

  /**
   * A copy of this flow's state over other block and own arrays, which must
   * hold the same values now: simulations start from one memoised solved
   * flow instead of solving day 0 from scratch.
   */
  cloneFor(blocked: Uint8Array, own: Float64Array, restockRate: number, horizonDays: number): DailyFlow {
    const flow = new DailyFlow(this.graph, this.order, blocked, own, true, this);
    flow.restockRate = restockRate;
    flow.horizonDays = horizonDays;
    return flow;
  }

  /**
   * After solveAll with full stocks: the ports whose stock falls at the end
   * of a day in this state (they draw more than they receive) are visited by
   * the first stock update; every other stock stays full.
   */
  listDrawingPorts(): void {
    const ports = this.ports;
    const drawing: number[] = [];
    for (let q = 0; q < this.graph.portCount; q++) {
      const base = q * PORT_FIELDS;
      if (ports[base + TARGET] > 0 && ports[base + RECEIVED] < ports[base + NEED] * ports[base + USAGE]) {
        drawing.push(q);
      }
    }
    this.wakeOn = new Map([[0, drawing]]);
    this.recomputed.length = 0;
  }

  /** True when every flow vertex runs at exactly 1. */
  everyValueIsOne(): boolean {
    for (let x = 0; x < this.value.length; x++) if (this.value[x] !== 1) return false;
    return true;
  }

  /** Starts day `day`: seeds and recomputations from now on belong to it. */
  beginDay(day: number): void {
    this.day = day;
    this.changed.length = 0;
  }

  /** Queues vertex x for recomputation today. */
  seed(x: number): void {
    if (this.doneOn[x] !== this.day) this.queue.push(x);
  }

  /** Enterprise v's own changed: takes it over and queues its flow vertices. */
  seedNode(v: number): void {
    const graph = this.graph;
    const own = this.own[v];
    if (graph.nodePassThrough[v] === 0) {
      const x = this.order.vertexOfNode[v];
      this.ownOf[x] = own;
      this.seed(x);
      return;
    }
    for (let q = graph.nodePortStart[v]; q < graph.nodePortStart[v + 1]; q++) {
      const x = this.order.vertexOfPort[q];
      this.ownOf[x] = own;
      this.seed(x);
    }
  }

  /** Link l's blocked state changed: takes it over and queues the vertex it delivers into. */
  seedLinkTarget(l: number): void {
    const order = this.order;
    this.blockedAt[order.inPosition[l]] = this.blocked[l];
    this.blockedOut[order.outPosition[l]] = this.blocked[l];
    this.seed(order.flowPortVertex[order.flowPortOf[this.graph.linkPort[l]]]);
  }

  /** Recomputes what was seeded today and everything its changes reach. */
  solve(): void {
    const queue = this.queue;
    const order = this.order;
    while (queue.size > 0) {
      const x = queue.pop();
      if (this.doneOn[x] === this.day) continue;
      if (order.cyclic[x] === 1) this.solveComponent(order.componentStart[x], order.componentEnd[x]);
      else this.solveVertex(x);
    }
  }

  /** Takes over every own and blocked state, and computes every vertex from scratch, in rank order. */
  solveAll(): void {
    const graph = this.graph;
    const order = this.order;
    for (let x = 0; x < order.vertexCount; x++) {
      const e = order.entity[x];
      this.ownOf[x] = this.own[e >= 0 ? e : graph.portNode[-e - 1]];
    }
    for (let i = 0; i < graph.linkCount; i++) {
      this.blockedAt[i] = this.blocked[order.inLink[i]];
      this.blockedOut[i] = this.blocked[order.outLink[i]];
    }
    this.propagating = false;
    for (let x = 0; x < order.vertexCount;) {
      if (order.cyclic[x] === 1) {
        this.solveComponent(x, order.componentEnd[x]);
        x = order.componentEnd[x];
      } else {
        this.solveVertex(x);
        x++;
      }
    }
    this.propagating = true;
  }

  /** Vertices whose value changed since the day began. */
  changedToday(): readonly number[] {
    return this.changed;
  }

  /**
   * Brings fraction[v] (and a pass-through's portValue) up to date: a
   * producer's f, or a pass-through's port values weighted by the volume of
   * each product through it (§4).
   */
  refreshNode(v: number): void {
    const graph = this.graph;
    const order = this.order;
    if (graph.nodePassThrough[v] === 0) {
      this.fraction[v] = this.value[order.vertexOfNode[v]];
      return;
    }
    const start = graph.nodePortStart[v];
    const end = graph.nodePortStart[v + 1];
    if (start === end) {
      const own = this.own[v];
      this.fraction[v] = own < ZERO_FRACTION ? 0 : own;
      return;
    }
    let weighted = 0;
    let plain = 0;
    for (let q = start; q < end; q++) {
      const value = this.value[order.vertexOfPort[q]];
      this.portValue[q] = value;
      weighted += graph.portWeight[q] * value;
      plain += value;
    }
    const weightSum = graph.nodePortWeightSum[v];
    this.fraction[v] = weightSum > 0 ? weighted / weightSum : plain / (end - start);
  }

  /**
   * End of the day: S(t+1) = min(S*, S + R - C + refill) for every port
   * whose receipts or consumption may have moved today, or that asked to be
   * visited today. Both lists are in flow-port order and are merged, so
   * memory is walked forwards. Returns the vertices whose available share
   * moves with the new stock: the seeds of the next day (valid until the
   * next call).
   *
   * A stock that rises while its port has all it needs (a = 1), or that
   * stays put, is not visited day by day: it follows min(S*, S + k x slope)
   * and is brought up to date when next read (materialize). A stock that
   * falls while a = 1 is visited again on the day before a would drop.
   */
  updateStocks(): number[] {
    const ports = this.ports;
    const flowPortVertex = this.order.flowPortVertex;
    const vertexPortStart = this.vertexPortStart;
    const day = this.day;
    const rho = this.restockRate;
    const seeds = this.seeds;
    seeds.length = 0;
    const wake = this.wakeOn.get(day) ?? [];
    this.wakeOn.delete(day);
    wake.sort((a, b) => a - b);
    let visits = 0;
    const visit = (q: number): void => {
      const base = q * PORT_FIELDS;
      if (ports[base + VISITED] === day) return;
      ports[base + VISITED] = day;
      const full = ports[base + TARGET];
      if (full === 0) return;
      visits++;
      this.materialize(base, day);
      const need = ports[base + NEED];
      const received = ports[base + RECEIVED];
      const consumed = need * ports[base + USAGE];
      const drawn = received - consumed;
      const before = ports[base + STOCK];
      let after = before + received - consumed;
      // A stock drawn to the last unit is 0, not a rounding residue that would move a(v,p) every day.
      if (after < need * STOCK_RESIDUE) after = 0;
      after = after < full ? Math.min(full, after + rho * ports[base + REFILL_VOLUME]) : full;
      ports[base + STOCK] = after;
      ports[base + STOCK_DAY] = day + 1;
      let available = ports[base + AVAILABLE];
      if (after !== before) {
        available = Math.min(1, (after + received) / need);
        const previous = ports[base + AVAILABLE];
        // Only a binding share moves the output: this port's, or one falling below it.
        const binding = previous <= ports[base + LEAST] || available < ports[base + LEAST];
        if (binding && Math.abs(available - previous) > AVAILABLE_TOLERANCE) seeds.push(flowPortVertex[q]);
      }
      // When is it worth a visit again, if nothing else changes?
      const slope = drawn + rho * ports[base + REFILL_VOLUME];
      if (after + drawn < 0)
        this.wake(q, day + 1); // runs dry tomorrow: not linear
      else if (slope === 0 || (after === full && drawn >= 0))
        return; // stays put
      else if (available < 1)
        this.wake(q, day + 1); // a moves with the stock every day
      else if (slope < 0) {
        // Falling while covered: wake the day before S + R first drops below N.
        const days = Math.floor((after + received - need) / -slope) + 1;
        this.wake(q, day + Math.max(1, days - 1));
      }
    };
    const recomputed = this.recomputed;
    let a = 0;
    let r = 0;
    let port = 0;
    let portEnd = 0;
    for (;;) {
      while (port === portEnd && r < recomputed.length) {
        port = vertexPortStart[recomputed[r]];
        portEnd = vertexPortStart[recomputed[r++] + 1];
      }
      const fromWake = a < wake.length ? wake[a] : Infinity;
      const fromRecomputed = port < portEnd ? port : Infinity;
      if (fromWake === Infinity && fromRecomputed === Infinity) break;
      if (fromWake <= fromRecomputed) {
        visit(fromWake);
        a++;
        if (fromWake === fromRecomputed) port++;
      } else {
        visit(fromRecomputed);
        port++;
      }
    }
    this.stockUpdates += visits;
    recomputed.length = 0;
    return seeds;
  }

  /** Ports with a visit scheduled after today. */
  get pendingStockVisits(): number {
    let count = 0;
    for (const list of this.wakeOn.values()) count += list.length;
    return count;
  }

  private wake(q: number, day: number): void {
    if (day >= this.horizonDays) return;
    const list = this.wakeOn.get(day);
    if (list === undefined) this.wakeOn.set(day, [q]);
    else list.push(q);
  }

  /**
   * Brings a port's stock to the start of `day`. Between visits a port's
   * inputs are constant and its stock is linear until capped at S* (see
   * updateStocks), so k days are one step.
   */
  private materialize(base: number, day: number): void {
    const ports = this.ports;
    const days = day - ports[base + STOCK_DAY];
    if (days <= 0) return;
    ports[base + STOCK_DAY] = day;
    const target = ports[base + TARGET];
    if (target === 0) return; // no inventory: the stock is always 0
    const slope =
      ports[base + RECEIVED] -
      ports[base + NEED] * ports[base + USAGE] +
      this.restockRate * ports[base + REFILL_VOLUME];
    ports[base + STOCK] = Math.max(0, Math.min(target, ports[base + STOCK] + days * slope));
  }

  private solveVertex(x: number): void {
    this.doneOn[x] = this.day;
    this.recomputed.push(x);
    if (this.recompute(x)) this.passOn(x);
  }

  /**
   * A cycle's greatest solution: every member starts at its upper bound
   * (own) and Gauss-Seidel sweeps lower them until nothing moves. The
   * iteration only ever goes down, and snapping values below 1e-9 to 0 ends
   * cycles that wind down towards 0.
   */
  private solveComponent(start: number, end: number): void {
    const old = this.componentOld;
    for (let x = start; x < end; x++) {
      this.doneOn[x] = this.day;
      this.recomputed.push(x);
      old[x - start] = this.value[x];
      this.value[x] = this.ownOf[x];
    }
    const size = end - start;
    const maxSweeps = Math.max(200, Math.floor(4_000_000 / size));
    let sweeps = 0;
    let moved = true;
    while (moved) {
      if (++sweeps > maxSweeps) {
        this.converged = false;
        break;
      }
      moved = false;
      for (let x = start; x < end; x++) if (this.recompute(x)) moved = true;
    }
    for (let x = start; x < end; x++) if (this.value[x] !== old[x - start]) this.passOn(x);
  }

  /** Records x as changed and queues the customers it delivers to over open links. */
  private passOn(x: number): void {
    this.changed.push(x);
    if (!this.propagating) return;
    const order = this.order;
    const outTarget = order.outTarget;
    const blockedOut = this.blockedOut;
    // Customers rank after x's component, which is being computed now; nothing beyond it is done yet today.
    const after = order.componentEnd[x];
    for (let i = order.vertexOutStart[x]; i < order.vertexOutStart[x + 1]; i++) {
      if (blockedOut[i] === 1) continue;
      const y = outTarget[i];
      if (y >= after) this.queue.push(y);
    }
  }

  /**
   * Recomputes vertex x from its suppliers' current values: own times the
   * scarcest available share of its ports (a pass-through product has one
   * port; where it originates the product, none). True when it changed.
   */
  private recompute(x: number): boolean {
    this.recomputations++;
    const first = this.vertexPortStart[x];
    const end = this.vertexPortStart[x + 1];
    let least = 1;
    for (let q = first; q < end; q++) {
      const a = this.computePort(q);
      if (a < least) least = a;
    }
    let value = this.ownOf[x] * least;
    if (value < ZERO_FRACTION) value = 0;
    for (let q = first; q < end; q++) {
      this.ports[q * PORT_FIELDS + USAGE] = value;
      this.ports[q * PORT_FIELDS + LEAST] = least;
    }
    const previous = this.value[x];
    this.value[x] = value;
    return value !== previous;
  }

  /** R, the refill volume and a(v,p,t) of port q from its open inbound links; 1 for a port without any. */
  private computePort(q: number): number {
    const start = this.flowPortLinkStart[q];
    const end = this.flowPortLinkStart[q + 1];
    if (start === end) return 1;
    const blockedAt = this.blockedAt;
    const inLinks = this.inLinks;
    const value = this.value;
    let received = 0;
    let refillVolume = 0;
    for (let i = start; i < end; i++) {
      if (blockedAt[i] === 1) continue;
      const g = value[inLinks[2 * i]];
      if (g === 0) continue;
      const volume = inLinks[2 * i + 1];
      received += volume * g;
      if (g >= FULL_FRACTION) refillVolume += volume;
    }
    const ports = this.ports;
    const base = q * PORT_FIELDS;
    this.materialize(base, this.day);
    ports[base + RECEIVED] = received;
    ports[base + REFILL_VOLUME] = refillVolume;
    const need = ports[base + NEED];
    let available: number;
    if (need > 0) {
      available = (ports[base + STOCK] + received) / need;
    } else {
      // Every inbound volume is 0: no stock either, and §4's equal shares apply.
      available = 0;
      for (let i = start; i < end; i++) {
        if (blockedAt[i] === 0) available += this.graph.linkShare[this.order.inLink[i]] * value[inLinks[2 * i]];
      }
    }
    if (available > 1) available = 1;
    ports[base + AVAILABLE] = available;
    return available;
  }
}
