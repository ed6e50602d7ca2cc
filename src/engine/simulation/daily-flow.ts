import type { SupplyGraph } from '../supply-graph';
import { TimeQueue } from '../time-queue';
import type { FlowOrder } from './flow-order';

/** Fractions below this are 0 before they are passed on (§9). */
export const ZERO_FRACTION = 1e-9;
/** A link refills stock only while its source runs at least this close to full (§9). */
const FULL_FRACTION = 1 - 1e-9;

/** Normal need N(v,p) and stock target S*(v,p) per port (customer, product) of §9. */
export interface PortNeeds {
  need: Float64Array;
  target: Float64Array;
}

export function portNeedsOf(graph: SupplyGraph): PortNeeds {
  return graph.memoize('simulation:port-needs', () => {
    const need = new Float64Array(graph.portCount);
    const target = new Float64Array(graph.portCount);
    for (let q = 0; q < graph.portCount; q++) {
      for (let i = graph.portLinkStart[q]; i < graph.portLinkStart[q + 1]; i++) {
        const l = graph.portLinks[i];
        need[q] += graph.linkVolume[l];
        target[q] += graph.linkVolume[l] * graph.linkInventoryDays[l];
      }
    }
    return { need, target };
  });
}

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
 * Without stocks (`stock` null) every stock reads as 0: that is §4's
 * fraction, used for the baseline.
 */
export class DailyFlow {
  /** f(v,t); for a pass-through the volume-weighted mean of its port values. */
  readonly fraction: Float64Array;
  /** Pass-through ports: the fraction at which the product is forwarded. */
  readonly portValue: Float64Array;
  /** R(v,p,t) of the port's last computation. */
  readonly receipts: Float64Array;
  /** Volume of the port's open inbound links whose source runs at full: what rho refills from. */
  readonly fullVolume: Float64Array;
  /** a(v,p,t) of the port's last computation. */
  readonly available: Float64Array;
  /** False once a cycle hit its sweep cap before settling. */
  converged = true;
  /** Vertices recomputed since the last stock update. */
  recomputed: number[] = [];
  /** Vertices whose value changed since the last call of takeChanged. */
  private changed: number[] = [];

  private readonly queue = new TimeQueue();
  private readonly queuedOn: Int32Array;
  private readonly doneOn: Int32Array;
  private readonly portVisitedOn: Int32Array;
  private day = 0;
  private active: number[] = [];
  private readonly componentOld: Float64Array;

  constructor(
    private readonly graph: SupplyGraph,
    private readonly order: FlowOrder,
    private readonly needs: PortNeeds,
    private readonly blocked: Uint8Array,
    private readonly own: Float64Array,
    private readonly stock: Float64Array | null,
  ) {
    const p = graph.portCount;
    this.fraction = new Float64Array(graph.nodeCount);
    this.portValue = new Float64Array(p);
    this.receipts = new Float64Array(p);
    this.fullVolume = new Float64Array(p);
    this.available = new Float64Array(p);
    this.queuedOn = new Int32Array(order.vertexCount).fill(-1);
    this.doneOn = new Int32Array(order.vertexCount).fill(-1);
    this.portVisitedOn = new Int32Array(p).fill(-1);
    let largest = 1;
    for (let x = 0; x < order.vertexCount; x = order.componentEnd[x]) {
      largest = Math.max(largest, order.componentEnd[x] - x);
    }
    this.componentOld = new Float64Array(largest);
  }

  /** Starts day `day`: seeds and recomputations from now on belong to it. */
  beginDay(day: number): void {
    this.day = day;
  }

  /** Queues vertex x for recomputation today. */
  seed(x: number): void {
    if (this.queuedOn[x] === this.day || this.doneOn[x] === this.day) return;
    this.queuedOn[x] = this.day;
    this.queue.push(x, x, 0);
  }

  /** Queues every flow vertex of enterprise v (own changed). */
  seedNode(v: number): void {
    const graph = this.graph;
    if (graph.nodePassThrough[v] === 0) {
      this.seed(this.order.vertexOfNode[v]);
      return;
    }
    for (let q = graph.nodePortStart[v]; q < graph.nodePortStart[v + 1]; q++) this.seed(this.order.vertexOfPort[q]);
  }

  /** Queues the vertex link l delivers into (its blocked state changed). */
  seedLinkTarget(l: number): void {
    const graph = this.graph;
    const to = graph.linkTo[l];
    this.seed(
      graph.nodePassThrough[to] === 1 ? this.order.vertexOfPort[graph.linkPort[l]] : this.order.vertexOfNode[to],
    );
  }

  /** Recomputes what was seeded today and everything its changes reach. */
  solve(): void {
    const queue = this.queue;
    const order = this.order;
    while (queue.size > 0) {
      const x = queue.peekEntity();
      queue.pop();
      if (this.doneOn[x] === this.day) continue;
      if (order.cyclic[x] === 1) this.solveComponent(order.componentStart[x], order.componentEnd[x]);
      else this.solveVertex(x);
    }
  }

  /** Computes every vertex from scratch, in rank order. */
  solveAll(): void {
    const order = this.order;
    this.queue.clear();
    for (let x = 0; x < order.vertexCount;) {
      if (order.cyclic[x] === 1) {
        this.solveComponent(x, order.componentEnd[x]);
        x = order.componentEnd[x];
      } else {
        this.solveVertex(x);
        x++;
      }
    }
    // Customers queued on the way were all computed in rank order above.
    this.queue.clear();
  }

  /** Vertices whose value changed since the last call; the list is handed over and reset. */
  takeChanged(): number[] {
    const changed = this.changed;
    this.changed = [];
    return changed;
  }

  /** A pass-through's f: its port values weighted by the volume of each product through it (§4). */
  refreshPassThrough(v: number): void {
    const graph = this.graph;
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
      weighted += graph.portWeight[q] * this.portValue[q];
      plain += this.portValue[q];
    }
    const weightSum = graph.nodePortWeightSum[v];
    this.fraction[v] = weightSum > 0 ? weighted / weightSum : plain / (end - start);
  }

  /**
   * End of the day: S(t+1) = min(S*, S + R - C + refill) for every port that
   * is below target or whose receipts or consumption may have moved.
   * Returns the vertices whose available share moves with the new stock:
   * the seeds of the next day.
   */
  updateStocks(restockRate: number): number[] {
    const stock = this.stock!;
    const graph = this.graph;
    const order = this.order;
    const { need, target } = this.needs;
    const seeds: number[] = [];
    const nextActive: number[] = [];
    const day = this.day;
    const visit = (q: number): void => {
      if (this.portVisitedOn[q] === day) return;
      this.portVisitedOn[q] = day;
      const full = target[q];
      if (full === 0) return;
      const v = graph.portNode[q];
      const passThrough = graph.nodePassThrough[v] === 1;
      const consumed = need[q] * (passThrough ? this.portValue[q] : this.fraction[v]);
      const before = stock[q];
      let after = before + this.receipts[q] - consumed;
      if (after < 0) after = 0;
      after = after < full ? Math.min(full, after + restockRate * this.fullVolume[q]) : full;
      if (after !== before) {
        stock[q] = after;
        const available = Math.min(1, (after + this.receipts[q]) / need[q]);
        if (available !== this.available[q]) seeds.push(passThrough ? order.vertexOfPort[q] : order.vertexOfNode[v]);
      }
      if (after < full) nextActive.push(q);
    };
    for (const q of this.active) visit(q);
    for (const x of this.recomputed) {
      const e = order.entity[x];
      if (e < 0) visit(-e - 1);
      else for (let q = graph.nodePortStart[e]; q < graph.nodePortStart[e + 1]; q++) visit(q);
    }
    this.active = nextActive;
    this.recomputed = [];
    return seeds;
  }

  /** Ports below their stock target after the last stock update. */
  get belowTargetCount(): number {
    return this.active.length;
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
    const order = this.order;
    const graph = this.graph;
    const old = this.componentOld;
    for (let x = start; x < end; x++) {
      this.doneOn[x] = this.day;
      this.recomputed.push(x);
      const e = order.entity[x];
      if (e >= 0) {
        old[x - start] = this.fraction[e];
        this.fraction[e] = this.own[e];
      } else {
        old[x - start] = this.portValue[-e - 1];
        this.portValue[-e - 1] = this.own[graph.portNode[-e - 1]];
      }
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
    for (let x = start; x < end; x++) {
      const e = order.entity[x];
      const value = e >= 0 ? this.fraction[e] : this.portValue[-e - 1];
      if (value !== old[x - start]) this.passOn(x);
    }
  }

  /** Records x as changed and queues the customers it delivers to over open links. */
  private passOn(x: number): void {
    this.changed.push(x);
    const graph = this.graph;
    const order = this.order;
    const e = order.entity[x];
    const from = e >= 0 ? graph.nodeOutStart[e] : graph.portOutStart[-e - 1];
    const to = e >= 0 ? graph.nodeOutStart[e + 1] : graph.portOutEnd[-e - 1];
    for (let i = from; i < to; i++) {
      const l = graph.outLinks[i];
      if (this.blocked[l] === 1) continue;
      const customer = graph.linkTo[l];
      const y =
        graph.nodePassThrough[customer] === 1 ? order.vertexOfPort[graph.linkPort[l]] : order.vertexOfNode[customer];
      this.seed(y);
    }
  }

  /** Recomputes vertex x from its suppliers' current values; true when its value changed. */
  private recompute(x: number): boolean {
    const graph = this.graph;
    const e = this.order.entity[x];
    if (e >= 0) {
      let least = 1;
      for (let q = graph.nodePortStart[e]; q < graph.nodePortStart[e + 1]; q++) {
        const a = this.computePort(q);
        if (a < least) least = a;
      }
      let f = this.own[e] * least;
      if (f < ZERO_FRACTION) f = 0;
      const previous = this.fraction[e];
      this.fraction[e] = f;
      return f !== previous;
    }
    const q = -e - 1;
    const own = this.own[graph.portNode[q]];
    const originates = graph.portLinkStart[q] === graph.portLinkStart[q + 1];
    let value = originates ? own : own * this.computePort(q);
    if (value < ZERO_FRACTION) value = 0;
    const previous = this.portValue[q];
    this.portValue[q] = value;
    return value !== previous;
  }

  /** R, the refill volume and a(v,p,t) of port q from its open inbound links. */
  private computePort(q: number): number {
    const graph = this.graph;
    const start = graph.portLinkStart[q];
    const end = graph.portLinkStart[q + 1];
    let received = 0;
    let fullVolume = 0;
    for (let i = start; i < end; i++) {
      const l = graph.portLinks[i];
      if (this.blocked[l] === 1) continue;
      const g = this.sourceValue(l);
      if (g === 0) continue;
      received += graph.linkVolume[l] * g;
      if (g >= FULL_FRACTION) fullVolume += graph.linkVolume[l];
    }
    this.receipts[q] = received;
    this.fullVolume[q] = fullVolume;
    const need = this.needs.need[q];
    let available: number;
    if (need > 0) {
      available = ((this.stock === null ? 0 : this.stock[q]) + received) / need;
    } else {
      // Every inbound volume is 0: no stock either, and §4's equal shares apply.
      available = 0;
      for (let i = start; i < end; i++) {
        const l = graph.portLinks[i];
        if (this.blocked[l] === 0) available += graph.linkShare[l] * this.sourceValue(l);
      }
    }
    if (available > 1) available = 1;
    this.available[q] = available;
    return available;
  }

  /** g(l,t): the fraction at which l's source puts out l's product today. */
  private sourceValue(l: number): number {
    const sourcePort = this.graph.linkSourcePort[l];
    return sourcePort >= 0 ? this.portValue[sourcePort] : this.fraction[this.graph.linkFrom[l]];
  }
}
