import type { BaseState } from './base-state';
import { solveComponent } from './component-solver';
import { RankQueue } from './rank-queue';
import { shareCopy } from './shared-arrays';
import type { SupplyGraph } from './supply-graph';
import { TimeQueue } from './time-queue';
import { activeVariablesOf, variableOrderOf, type VariableOrder } from './topological-rank';

/** Changes below this are treated as converged (§4: "to within 1e-9"). */
export const FRACTION_EPSILON = 1e-9;

const NODE_DOWN = 1;
const NODE_FAILED = 2;
const NODE_LOST_PORT = 8;
const LINK_FAILED = 2;
/** Failed, and the customer's stock of it runs out within the window. */
const LINK_CUT = 4;

/**
 * Scratch records, one cache line (8 numbers) per entity, so that touching
 * an entity costs one memory access rather than one per field. Both kinds
 * of variable keep value, stop day and base value in the same slots, so a
 * customer reads a supplier's state in one access:
 * node [stamp, fraction, day, flags, alivePorts, causePort, latest port day, base fraction]
 * port [stamp, value, day, sum, latest, count, latestLink, base value]
 * A day is Infinity while the enterprise or product still delivers.
 */
const STRIDE = 8;
const STAMP = 0;
const VALUE = 1;
const DAY = 2;
const BASE_VALUE = 7;
const FRACTION = VALUE;
const FLAGS = 3;
const ALIVE_PORTS = 4;
const CAUSE_PORT = 5;
const LAST_PORT_DAY = 6;
const SUM = 3;
const LATEST = 4;
const COUNT = 5;
const LATEST_LINK = 6;

/** Cyclic components larger than this make an evaluation propagate rather than sweep. */
const SWEEP_CYCLE_LIMIT = 2_000;

/** How an evaluation walks the graph: see StatePropagation. */
export type PropagationStrategy = 'auto' | 'propagate' | 'sweep';

/** What a scenario adds to a base state. */
export interface StateChange {
  /** Enterprises down in the new state; those already down in the base are ignored. */
  downNodes: ArrayLike<number>;
  /** Links blocked in the new state; those already blocked in the base are ignored. */
  blockedLinks: ArrayLike<number>;
  /** D of §5: only what stops before this day counts. Infinity when unbounded. */
  window: number;
  /** own(v) for enterprises that are not down; defaults to the base's. */
  targetOwn?: Float64Array;
  /** Enterprises whose targetOwn differs from the base's own. */
  ownChanged?: ArrayLike<number>;
  /** Stop after §3/§5 (stalls and days); fractions keep their base values. */
  skipFractions?: boolean;
  /** Default 'auto': sweep when the change is large (see prefersSweep). */
  strategy?: PropagationStrategy;
}

const NO_CHANGE: StateChange = { downNodes: [], blockedLinks: [], window: Infinity };

/** The scratch space of one graph, created on first use and reused by every evaluation in this thread. */
export function propagationFor(graph: SupplyGraph): StatePropagation {
  return graph.memoize('state-propagation', () => new StatePropagation(graph));
}

/**
 * Evaluates a state change against a base state, in one of two ways that
 * give the same answer:
 *
 * - propagate (small changes): failure and times to stall (§3, §5) by a
 *   day-ordered propagation from the blocks, then fractions (§4) over the
 *   affected part only, variable by variable in upstream-first order
 *   (topological-rank.ts). Work is proportional to what the blocks reach.
 * - sweep (large changes: a region, a mode, the current state): every
 *   variable once in upstream-first order, each pulling §3, §5 and §4 from its
 *   inputs. Work is proportional to the graph, but reads memory in order
 *   instead of chasing it, which at a million enterprises is several times
 *   faster than propagating a change that reaches most of them.
 *
 * Either way a strongly connected component of variables is solved as a
 * whole (component-solver.ts). Per-entity scratch is epoch-stamped: an entry
 * whose stamp is not the current epoch reads as the base value, so nothing
 * of size N is cleared or allocated per evaluation.
 *
 * One instance per graph and thread; a run's results are valid until the
 * next run (see runId).
 */
export class StatePropagation {
  readonly graph: SupplyGraph;
  private epoch = 0;
  private runs = 0;
  private base!: BaseState;
  private own!: Float64Array;
  private windowDays = Infinity;
  private sweeping = false;

  private readonly node: Float64Array;
  private readonly port: Float64Array;
  /** Per position in graph.outLinks: the propagation's record of failed links. */
  private readonly outStamp: Uint32Array;
  private readonly outFlags: Uint8Array;
  /** Links blocked by this run and not in the base, as bits by link index. */
  private readonly blockedBits: Uint32Array;
  private blockedList: number[] = [];
  private readonly queue = new TimeQueue();

  /** Fraction worklist: ranks of queued variables. */
  private readonly work: RankQueue;
  private readonly order: VariableOrder;

  /** Every enterprise whose scratch entry was written in this run. */
  touchedNodes: number[] = [];
  /** Links that deliver in the base and stop delivering within the window (blocked ones included). */
  failedLinks: number[] = [];
  /** Enterprises down in the new state but not in the base. */
  directNodes: number[] = [];
  /** False when the fraction iteration hit its cap before converging. */
  converged = true;
  /** Fraction recomputations in the last run (for diagnostics). */
  fractionSteps = 0;

  constructor(graph: SupplyGraph) {
    this.graph = graph;
    this.order = variableOrderOf(graph);
    this.work = new RankQueue(graph.nodeCount + graph.portCount);
    this.node = new Float64Array(STRIDE * graph.nodeCount);
    this.port = new Float64Array(STRIDE * graph.portCount);
    this.outStamp = new Uint32Array(graph.linkCount);
    this.outFlags = new Uint8Array(graph.linkCount);
    this.blockedBits = new Uint32Array((graph.linkCount >>> 5) + 1);
  }

  /** Identifies the current run: what was read from this instance stays valid while runId is unchanged. */
  get runId(): number {
    return this.runs;
  }

  get window(): number {
    return this.windowDays;
  }

  get baseState(): BaseState {
    return this.base;
  }

  /** Whether the last run swept the whole graph rather than propagating (for diagnostics). */
  get swept(): boolean {
    return this.sweeping;
  }

  run(base: BaseState, change: StateChange): void {
    this.begin(base, change);
    for (let k = 0; k < change.downNodes.length; k++) {
      const v = change.downNodes[k];
      if (base.down[v] === 1) continue;
      this.touchNode(v);
      const at = STRIDE * v + FLAGS;
      if ((this.node[at] & NODE_DOWN) !== 0) continue;
      this.node[at] |= NODE_DOWN;
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

  private begin(base: BaseState, change: StateChange): void {
    this.runs++;
    this.epoch++;
    if (this.epoch === 0x7fffffff) {
      for (let k = STAMP; k < this.node.length; k += STRIDE) this.node[k] = 0;
      for (let k = STAMP; k < this.port.length; k += STRIDE) this.port[k] = 0;
      this.outStamp.fill(0);
      this.epoch = 1;
    }
    if (this.blockedList.length * 32 > this.blockedBits.length) this.blockedBits.fill(0);
    else for (const l of this.blockedList) this.blockedBits[l >>> 5] = 0;
    this.blockedList = [];
    this.base = base;
    this.own = change.targetOwn ?? base.own;
    this.windowDays = change.window;
    this.touchedNodes = [];
    this.failedLinks = [];
    this.directNodes = [];
    this.converged = true;
    this.fractionSteps = 0;
    this.queue.clear();
    this.work.clear();
  }

  private touchNode(v: number): void {
    const r = STRIDE * v;
    if (this.node[r + STAMP] === this.epoch) return;
    this.node[r + STAMP] = this.epoch;
    this.node[r + FRACTION] = this.base.fraction[v];
    this.node[r + DAY] = Infinity;
    this.node[r + FLAGS] = 0;
    this.node[r + ALIVE_PORTS] = this.base.alivePorts[v];
    this.node[r + CAUSE_PORT] = -1;
    this.node[r + LAST_PORT_DAY] = -Infinity;
    this.node[r + BASE_VALUE] = this.base.fraction[v];
    this.touchedNodes.push(v);
  }

  private touchPort(q: number): void {
    const r = STRIDE * q;
    if (this.port[r + STAMP] === this.epoch) return;
    const base = this.base;
    this.port[r + STAMP] = this.epoch;
    this.port[r + VALUE] = base.portValue[q];
    this.port[r + DAY] = Infinity;
    this.port[r + SUM] = base.portSum[q];
    // Links that already deliver nothing in the base have no stock left: they count as day 0.
    this.port[r + LATEST] = 0;
    this.port[r + COUNT] = base.portCount[q];
    this.port[r + LATEST_LINK] = -1;
    this.port[r + BASE_VALUE] = base.portValue[q];
  }

  private isPortTouched(q: number): boolean {
    return this.port[STRIDE * q + STAMP] === this.epoch;
  }

  // ---- Propagate: from the blocks outwards ----

  private propagate(change: StateChange): void {
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
    const positions = this.blockedList.map((l) => graph.linkOutPosition[l]);
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

  private touchOut(i: number): void {
    if (this.outStamp[i] === this.epoch) return;
    this.outStamp[i] = this.epoch;
    this.outFlags[i] = 0;
  }

  /** A producer stops on `day`; every link it ships on stops with it. */
  private settleNode(v: number, day: number, causePort: number): void {
    this.touchNode(v);
    const r = STRIDE * v;
    if ((this.node[r + FLAGS] & NODE_FAILED) !== 0) return;
    this.node[r + FLAGS] |= NODE_FAILED;
    this.node[r + DAY] = day;
    this.node[r + CAUSE_PORT] = causePort;
    const graph = this.graph;
    const value = this.base.fraction[v];
    for (let i = graph.nodeOutStart[v]; i < graph.nodeOutStart[v + 1]; i++) this.failLink(i, day, value);
  }

  /** A pass-through stops forwarding one product on `day`; it stops when its last product does. */
  private settlePort(q: number, day: number): void {
    this.touchPort(q);
    const r = STRIDE * q;
    if (this.port[r + DAY] < Infinity) return;
    this.port[r + DAY] = day;
    const graph = this.graph;
    const value = this.base.portValue[q];
    for (let i = graph.portOutStart[q]; i < graph.portOutEnd[q]; i++) this.failLink(i, day, value);
    this.portStopped(q, day);
  }

  /** Port q of a pass-through stopped on `day`: the enterprise stops with its last product. */
  private portStopped(q: number, day: number): void {
    const v = this.graph.portNode[q];
    this.touchNode(v);
    const r = STRIDE * v;
    this.node[r + FLAGS] |= NODE_LOST_PORT;
    if (day >= this.node[r + LAST_PORT_DAY]) {
      this.node[r + LAST_PORT_DAY] = day;
      this.node[r + CAUSE_PORT] = q;
    }
    if (--this.node[r + ALIVE_PORTS] === 0) {
      this.node[r + FLAGS] |= NODE_FAILED;
      this.node[r + DAY] = this.node[r + LAST_PORT_DAY];
    }
  }

  /**
   * The link at position i of outLinks stops delivering on `day`; it carried
   * `value` (g(l) in the base). Its customer's stock lasts until day + inventoryDays.
   */
  private failLink(i: number, day: number, value: number): void {
    const base = this.base;
    if (base.outDelivers[i] === 0) return;
    this.touchOut(i);
    if ((this.outFlags[i] & LINK_FAILED) !== 0) return;
    this.outFlags[i] |= LINK_FAILED;
    const graph = this.graph;
    this.failedLinks.push(graph.outLinks[i]);
    const q = graph.outPort[i];
    this.touchPort(q);
    const r = STRIDE * q;
    const runsOut = day + graph.outInventoryDays[i];
    // Cut within the window: the link's share leaves the customer's supply. Otherwise stock keeps it whole.
    if (runsOut < this.windowDays) {
      this.outFlags[i] |= LINK_CUT;
      this.port[r + SUM] -= graph.outShare[i] * value;
    }
    if (runsOut >= this.port[r + LATEST]) {
      this.port[r + LATEST] = runsOut;
      this.port[r + LATEST_LINK] = graph.outLinks[i];
    }
    if (--this.port[r + COUNT] !== 0) return;
    const stopDay = this.port[r + LATEST];
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
      if ((this.outFlags[i] & LINK_CUT) !== 0) this.work.push(this.order.outTargetRank[i]);
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

  private touchVariable(x: number): void {
    const n = this.graph.nodeCount;
    if (x < n) {
      this.touchNode(x);
    } else {
      this.touchNode(this.graph.portNode[x - n]);
      this.touchPort(x - n);
    }
  }

  /** Solves the component of variable x, whose members are now the lowest ranks queued. */
  private solveCycle(x: number): void {
    const end = this.order.componentEnd[x];
    const queued: number[] = [];
    this.drainQueued(end, queued);
    const result = solveComponent(this, queued, end);
    this.fractionSteps += result.steps;
    if (!result.converged) this.converged = false;
  }

  private averagePassThroughs(): void {
    const graph = this.graph;
    for (const v of this.touchedNodes) {
      if (graph.nodePassThrough[v] === 1) this.node[STRIDE * v + FRACTION] = this.passThroughFraction(v);
    }
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
      const r = STRIDE * v;
      if ((this.node[r + FLAGS] & NODE_FAILED) !== 0) return;
      this.node[r + FLAGS] |= NODE_FAILED;
      if (!direct && (this.node[r + FLAGS] & NODE_DOWN) === 0) stalled++;
      stack.push(v);
    };
    const failPort = (q: number): void => {
      this.touchPort(q);
      if (this.port[STRIDE * q + DAY] < Infinity) return;
      this.port[STRIDE * q + DAY] = 0;
      stack.push(n + q);
    };
    const cut = (i: number): void => {
      if (base.outDelivers[i] === 0) return;
      this.touchOut(i);
      if ((this.outFlags[i] & LINK_FAILED) !== 0) return;
      this.outFlags[i] |= LINK_FAILED;
      const q = graph.outPort[i];
      this.touchPort(q);
      if (--this.port[STRIDE * q + COUNT] !== 0) return;
      const v = graph.portNode[q];
      if (graph.nodePassThrough[v] === 1) {
        if (base.portAlive[q] === 1) failPort(q);
      } else if (base.nodeAlive[v] === 1) failProducer(v, false);
    };
    if (downNode >= 0 && base.down[downNode] === 0) {
      this.touchNode(downNode);
      this.node[STRIDE * downNode + FLAGS] |= NODE_DOWN;
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
      const r = STRIDE * v;
      this.node[r + FLAGS] |= NODE_LOST_PORT;
      if (--this.node[r + ALIVE_PORTS] === 0 && (this.node[r + FLAGS] & NODE_FAILED) === 0) {
        this.node[r + FLAGS] |= NODE_FAILED;
        if ((this.node[r + FLAGS] & NODE_DOWN) === 0) stalled++;
      }
    }
    return stalled;
  }

  private readonly stallStack: number[] = [];

  // ---- Sweep: every variable once, in rank order, pulling from its inputs ----

  private sweep(change: StateChange): void {
    const graph = this.graph;
    const n = graph.nodeCount;
    // A pass-through without products has its own factor as fraction: it must be looked at.
    if (change.ownChanged !== undefined)
      for (let k = 0; k < change.ownChanged.length; k++) this.touchNode(change.ownChanged[k]);
    const { cyclic, componentEnd, rank, largestCycle } = this.order;
    const active = activeVariablesOf(graph);
    for (let k = 0; k < active.length; k++) {
      const x = active[k];
      if (largestCycle > 0 && cyclic[x] === 1) {
        const end = componentEnd[x];
        let last = k;
        while (last + 1 < active.length && rank[active[last + 1]] < end) last++;
        this.sweepCycle(active.subarray(k, last + 1));
        k = last;
        continue;
      }
      this.fractionSteps++;
      if (x < n) this.pullProducer(x, change);
      else this.pullPort(x - n, change);
    }
    // Component solves queue customers outside their component; the sweep reached them anyway.
    this.work.clear();
    if (change.skipFractions !== true) this.averagePassThroughs();
  }

  /** Day on which variable x stopped delivering (Infinity while it delivers). */
  private variableStopDay(x: number): number {
    const n = this.graph.nodeCount;
    const record = x < n ? this.node : this.port;
    const r = STRIDE * (x < n ? x : x - n);
    return record[r + STAMP] === this.epoch ? record[r + DAY] : Infinity;
  }

  private baseVariableValue(x: number): number {
    const n = this.graph.nodeCount;
    return x < n ? this.base.fraction[x] : this.base.portValue[x - n];
  }

  /**
   * Port q's §3/§5 counters and §4 supply sum from its inputs as they stand:
   * written into its record, which the caller reads back. `memberDay` gives
   * the stop days of a cyclic component's members (ranks from `memberStart`),
   * while they are being found; `record` false only computes the counters.
   */
  private pullInputs(q: number, memberDay: Float64Array | null, memberStart: number, record: boolean): void {
    const graph = this.graph;
    const base = this.base;
    const rank = this.order.rank;
    const n = graph.nodeCount;
    const epoch = this.epoch;
    let count = base.portCount[q];
    let latest = 0;
    let latestLink = -1;
    let sum = base.portSum[q];
    let changed = false;
    for (let j = graph.portLinkStart[q]; j < graph.portLinkStart[q + 1]; j++) {
      if (base.inDelivers[j] === 0) continue;
      const l = graph.portLinks[j];
      const source = graph.inSource[j];
      // The supplier's record: one read gives whether it stopped, its value and its base value.
      const sources = source < n ? this.node : this.port;
      const r = STRIDE * (source < n ? source : source - n);
      const touched = sources[r + STAMP] === epoch;
      let day = touched ? sources[r + DAY] : Infinity;
      if ((this.blockedBits[l >>> 5] & (1 << (l & 31))) !== 0) day = 0;
      else if (memberDay !== null && rank[source] >= memberStart && rank[source] < memberStart + memberDay.length) {
        day = memberDay[rank[source] - memberStart];
      }
      if (day < Infinity) {
        changed = true;
        count--;
        const runsOut = day + graph.linkInventoryDays[l];
        if (runsOut < this.windowDays) {
          sum -= graph.linkShare[l] * (touched ? sources[r + BASE_VALUE] : this.baseVariableValue(source));
        }
        if (runsOut >= latest) {
          latest = runsOut;
          latestLink = l;
        }
        if (record) this.failedLinks.push(l);
        continue;
      }
      if (!touched) continue;
      const delta = sources[r + VALUE] - sources[r + BASE_VALUE];
      if (delta !== 0) {
        sum += graph.linkShare[l] * delta;
        changed = true;
      }
    }
    this.pulled.count = count;
    this.pulled.latest = latest;
    this.pulled.sum = sum;
    if (!record || (!changed && !this.isPortTouched(q))) return;
    this.touchPort(q);
    const at = STRIDE * q;
    this.port[at + COUNT] = count;
    this.port[at + LATEST] = latest;
    this.port[at + LATEST_LINK] = latestLink;
    this.port[at + SUM] = sum;
  }

  private readonly pulled = { count: 0, latest: 0, sum: 0 };

  /** Whether port q just emptied within the window (every base-delivering link stopped). */
  private pulledStopDay(q: number): number {
    const { count, latest } = this.pulled;
    return count === 0 && this.base.portCount[q] > 0 && latest < this.windowDays ? latest : Infinity;
  }

  private pullProducer(v: number, change: StateChange): void {
    const graph = this.graph;
    const base = this.base;
    let stopDay = Infinity;
    let causePort = -1;
    let least = 1;
    for (let q = graph.nodePortStart[v]; q < graph.nodePortStart[v + 1]; q++) {
      this.pullInputs(q, null, 0, true);
      const day = this.pulledStopDay(q);
      if (day < stopDay) {
        stopDay = day;
        causePort = q;
      }
      const sum = this.pulled.sum;
      const supply = sum < 1 ? (sum > 0 ? sum : 0) : 1;
      if (supply < least) least = supply;
    }
    if (base.nodeAlive[v] === 1) {
      if (this.isDirect(v)) this.markNodeFailed(v, 0, -1);
      else if (stopDay < Infinity) this.markNodeFailed(v, stopDay, causePort);
    }
    if (change.skipFractions === true) return;
    const own = this.ownOf(v);
    const fraction = own === 0 ? 0 : own * least;
    if (Math.abs(fraction - base.fraction[v]) > FRACTION_EPSILON) {
      this.touchNode(v);
      this.node[STRIDE * v + FRACTION] = fraction;
    }
  }

  private pullPort(q: number, change: StateChange): void {
    const graph = this.graph;
    const base = this.base;
    const v = graph.portNode[q];
    this.pullInputs(q, null, 0, true);
    if (base.portAlive[q] === 1) {
      const day = this.isDirect(v) ? 0 : this.pulledStopDay(q);
      if (day < Infinity) this.markPortFailed(q, day);
    }
    if (change.skipFractions === true) return;
    const own = this.ownOf(v);
    const originates = graph.portLinkStart[q] === graph.portLinkStart[q + 1];
    const sum = this.pulled.sum;
    const value = own === 0 ? 0 : originates ? own : own * (sum < 1 ? (sum > 0 ? sum : 0) : 1);
    if (Math.abs(value - base.portValue[q]) > FRACTION_EPSILON) {
      this.touchNode(v);
      this.touchPort(q);
      this.port[STRIDE * q + VALUE] = value;
    }
  }

  private markNodeFailed(v: number, day: number, causePort: number): void {
    this.touchNode(v);
    const r = STRIDE * v;
    this.node[r + FLAGS] |= NODE_FAILED;
    this.node[r + DAY] = day;
    this.node[r + CAUSE_PORT] = causePort;
  }

  private markPortFailed(q: number, day: number): void {
    this.touchPort(q);
    this.port[STRIDE * q + DAY] = day;
    this.portStopped(q, day);
  }

  /**
   * A cyclic component (members in rank order) during a sweep: stop days by
   * rounds of the pull rule from "all deliver" down to the greatest fixed
   * point (at most one round per member: each round settles the member with
   * the earliest day still open), then the counters, then fractions by the
   * component solver.
   */
  private sweepCycle(members: Int32Array): void {
    // Earlier components queued customers the sweep has reached since: only this one's members may be queued.
    this.work.clear();
    const graph = this.graph;
    const base = this.base;
    const n = graph.nodeCount;
    const start = this.order.rank[members[0]];
    const size = this.order.componentEnd[members[0]] - start;
    const day = new Float64Array(size).fill(Infinity);
    const cause = new Int32Array(size).fill(-1);
    for (let round = 0; round <= size; round++) {
      let moved = false;
      for (const x of members) {
        const k = this.order.rank[x] - start;
        let stop = Infinity;
        let stopPort = -1;
        if (x < n) {
          if (base.nodeAlive[x] === 1 && this.isDirect(x)) stop = 0;
          else if (base.nodeAlive[x] === 1) {
            for (let q = graph.nodePortStart[x]; q < graph.nodePortStart[x + 1]; q++) {
              this.pullInputs(q, day, start, false);
              const d = this.pulledStopDay(q);
              if (d < stop) {
                stop = d;
                stopPort = q;
              }
            }
          }
        } else if (base.portAlive[x - n] === 1) {
          if (this.isDirect(graph.portNode[x - n])) stop = 0;
          else {
            this.pullInputs(x - n, day, start, false);
            stop = this.pulledStopDay(x - n);
          }
        }
        if (stop < day[k]) {
          day[k] = stop;
          cause[k] = stopPort;
          moved = true;
        }
      }
      if (!moved) break;
    }
    // Members' stops are known: record them, then every member port's counters and sums.
    for (const x of members) {
      const k = this.order.rank[x] - start;
      if (day[k] === Infinity) continue;
      if (x < n) this.markNodeFailed(x, day[k], this.isDirect(x) ? -1 : cause[k]);
      else this.markPortFailed(x - n, day[k]);
    }
    for (const x of members) {
      if (x >= n) this.pullInputs(x - n, null, 0, true);
      else for (let q = graph.nodePortStart[x]; q < graph.nodePortStart[x + 1]; q++) this.pullInputs(q, null, 0, true);
    }
    const queued = Array.from(members);
    for (const x of queued) this.touchVariable(x);
    const result = solveComponent(this, queued, start + size);
    this.fractionSteps += result.steps;
    if (!result.converged) this.converged = false;
  }

  // ---- Used by the component solver: one variable's value and recomputation ----

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
    return this.isPortTouched(q) ? this.port[STRIDE * q + SUM] : this.base.portSum[q];
  }

  /** Whether link l carries its supplier's current value: it delivers in the base and has not stopped. */
  carriesValue(l: number): boolean {
    return this.base.linkDelivers[l] === 1 && !this.isLinkFailed(l);
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
      const at = STRIDE * x + FRACTION;
      const delta = value - this.node[at];
      if (delta === 0 || (!exact && Math.abs(delta) <= FRACTION_EPSILON)) return false;
      this.node[at] = value;
      this.passOn(x, graph.nodeOutStart[x], graph.nodeOutStart[x + 1], delta);
      return true;
    }
    const q = x - n;
    this.touchNode(graph.portNode[q]);
    this.touchPort(q);
    const at = STRIDE * q + VALUE;
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

  private ownOf(v: number): number {
    const r = STRIDE * v;
    const down = this.node[r + STAMP] === this.epoch && (this.node[r + FLAGS] & NODE_DOWN) !== 0;
    return this.base.down[v] === 1 || down ? 0 : this.own[v];
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
      } else if (this.outStamp[i] === this.epoch && (this.outFlags[i] & LINK_FAILED) !== 0) continue;
      const q = graph.outPort[i];
      this.touchPort(q);
      this.port[STRIDE * q + SUM] += graph.outShare[i] * delta;
      this.work.push(targetRank[i]);
    }
  }

  /** supply(p) of §4 for port q: its running sum, capped at 1. */
  private supply(q: number): number {
    const sum = this.portSupplySum(q);
    return sum < 1 ? (sum > 0 ? sum : 0) : 1;
  }

  private portValueOf(q: number): number {
    return this.isPortTouched(q) ? this.port[STRIDE * q + VALUE] : this.base.portValue[q];
  }

  /** g(l) of §4 in the new state. */
  sourceValue(l: number): number {
    const sourcePort = this.graph.linkSourcePort[l];
    return sourcePort < 0 ? this.fraction(this.graph.linkFrom[l]) : this.portValueOf(sourcePort);
  }

  /** g(l) of §4 in the base state. */
  baseSourceValue(l: number): number {
    const sourcePort = this.graph.linkSourcePort[l];
    return sourcePort < 0 ? this.base.fraction[this.graph.linkFrom[l]] : this.base.portValue[sourcePort];
  }

  // ---- Reading a run's results ----

  isTouched(v: number): boolean {
    return this.node[STRIDE * v + STAMP] === this.epoch;
  }

  private nodeFlags(v: number): number {
    return this.isTouched(v) ? this.node[STRIDE * v + FLAGS] : 0;
  }

  /** Down in the new state but not in the base. */
  isDirect(v: number): boolean {
    return (this.nodeFlags(v) & NODE_DOWN) !== 0;
  }

  /** §3 stalled within the window: direct, or output something in the base and stops before the window ends. */
  isStalled(v: number): boolean {
    return (this.nodeFlags(v) & (NODE_DOWN | NODE_FAILED)) !== 0;
  }

  /** A pass-through stopped forwarding at least one product it forwarded in the base. */
  lostSomePort(v: number): boolean {
    return (this.nodeFlags(v) & NODE_LOST_PORT) !== 0;
  }

  /** T(v) of §5 for stalled enterprises (0 when direct), else null. */
  stallDay(v: number): number | null {
    const flags = this.nodeFlags(v);
    if ((flags & NODE_DOWN) !== 0) return 0;
    return (flags & NODE_FAILED) !== 0 ? this.node[STRIDE * v + DAY] : null;
  }

  fraction(v: number): number {
    return this.isTouched(v) ? this.node[STRIDE * v + FRACTION] : this.base.fraction[v];
  }

  isPortFailed(q: number): boolean {
    return this.isPortTouched(q) && this.port[STRIDE * q + DAY] < Infinity;
  }

  /** Producer port whose every base-delivering link is cut within the window. */
  isPortEmptied(q: number): boolean {
    const r = STRIDE * q;
    return (
      this.isPortTouched(q) &&
      this.base.portCount[q] > 0 &&
      this.port[r + COUNT] === 0 &&
      this.port[r + LATEST] < this.windowDays
    );
  }

  /** Day link l stopped delivering: 0 when blocked, else when its supplier stopped; Infinity while it delivers. */
  private linkStopDay(l: number): number {
    if (this.base.linkDelivers[l] === 0) return Infinity;
    if (this.isLinkNewlyBlocked(l)) return 0;
    const sourcePort = this.graph.linkSourcePort[l];
    return this.variableStopDay(sourcePort >= 0 ? this.graph.nodeCount + sourcePort : this.graph.linkFrom[l]);
  }

  isLinkFailed(l: number): boolean {
    return this.linkStopDay(l) < Infinity;
  }

  isLinkCut(l: number): boolean {
    return this.linkStopDay(l) + this.graph.linkInventoryDays[l] < this.windowDays;
  }

  isLinkNewlyBlocked(l: number): boolean {
    return (this.blockedBits[l >>> 5] & (1 << (l & 31))) !== 0;
  }

  /**
   * Records the cause steps of v (and of everything upstream on its chain
   * not yet recorded) into `trail`: a chain is then read from the trail.
   * Amortised O(1) per enterprise over all the rows asked for.
   */
  recordCause(v: number, trail: CauseTrail): void {
    const graph = this.graph;
    let node = v;
    let port = -1; // the pass-through product being followed, when known
    for (;;) {
      const key = port >= 0 ? graph.nodeCount + port : node;
      if (trail.steps.has(key) || this.isDirect(node)) return;
      const link = this.causeStep(node, port);
      if (link < 0) {
        trail.steps.set(key, -1);
        return;
      }
      const next = graph.linkFrom[link];
      const last = this.isLinkNewlyBlocked(link) || this.isDirect(next);
      trail.steps.set(key, link * 2 + (last ? 1 : 0));
      if (last) return;
      node = next;
      port = graph.linkSourcePort[link];
    }
  }

  /** The next link upstream on v's cause chain (through pass-through port `port` when known), or -1. */
  private causeStep(node: number, port: number): number {
    const graph = this.graph;
    let follow = -1;
    if (port >= 0) {
      if (this.isPortFailed(port)) follow = port;
    } else if ((this.nodeFlags(node) & NODE_FAILED) !== 0) {
      follow = this.node[STRIDE * node + CAUSE_PORT];
    } else if (this.lostSomePort(node)) {
      for (let q = graph.nodePortStart[node]; q < graph.nodePortStart[node + 1]; q++) {
        if (this.isPortFailed(q)) {
          follow = q;
          break;
        }
      }
    }
    if (follow >= 0 && this.isPortTouched(follow)) {
      const link = this.port[STRIDE * follow + LATEST_LINK];
      if (link >= 0) return link;
    }
    const from = port >= 0 ? port : graph.nodePortStart[node];
    const to = port >= 0 ? port + 1 : graph.nodePortStart[node + 1];
    return this.droppedInput(from, to);
  }

  /** An inbound link of ports [from, to) that is cut, else one whose supplier's output dropped. */
  private droppedInput(from: number, to: number): number {
    const graph = this.graph;
    for (let q = from; q < to; q++) {
      for (let i = graph.portLinkStart[q]; i < graph.portLinkStart[q + 1]; i++) {
        if (this.isLinkCut(graph.portLinks[i])) return graph.portLinks[i];
      }
    }
    // The supplier whose output dropped most: in a cycle, the way back towards the block.
    let best = -1;
    let bestDrop = 1e-12;
    for (let q = from; q < to; q++) {
      for (let i = graph.portLinkStart[q]; i < graph.portLinkStart[q + 1]; i++) {
        const l = graph.portLinks[i];
        if (!this.carriesValue(l)) continue;
        const drop = this.baseSourceValue(l) - this.sourceValue(l);
        if (drop > bestDrop) {
          best = l;
          bestDrop = drop;
        }
      }
    }
    return best;
  }

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
      if ((flags & NODE_DOWN) !== 0) {
        state.down[v] = 1;
        state.own[v] = 0;
      }
      if ((flags & NODE_FAILED) !== 0) state.nodeAlive[v] = 0;
      state.alivePorts[v] = this.node[STRIDE * v + ALIVE_PORTS];
      state.fraction[v] = this.fraction(v);
    }
    // Every port whose record was written (a touched enterprise's, or a producer's fed by a stopped link).
    for (let q = 0; q < graph.portCount; q++) {
      if (!this.isPortTouched(q)) continue;
      const r = STRIDE * q;
      state.portCount[q] = this.port[r + COUNT];
      state.portValue[q] = this.port[r + VALUE];
      state.portSum[q] = this.port[r + SUM];
      const failed = this.port[r + DAY] < Infinity;
      const producer = graph.nodePassThrough[graph.portNode[q]] === 0;
      if (failed || (producer && this.port[r + COUNT] === 0)) state.portAlive[q] = 0;
    }
    const inPosition = inPositionsOf(graph);
    for (const l of this.failedLinks) {
      state.linkDelivers[l] = 0;
      state.outDelivers[graph.linkOutPosition[l]] = 0;
      state.inDelivers[inPosition[l]] = 0;
    }
    for (const l of this.blockedList) state.blocked[l] = 1;
    return state;
  }
}

/** Per link, its position in graph.portLinks (computed when a baseline is materialised). */
function inPositionsOf(graph: SupplyGraph): Int32Array {
  const positions = new Int32Array(graph.linkCount);
  for (let j = 0; j < graph.linkCount; j++) positions[graph.portLinks[j]] = j;
  return positions;
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

/**
 * Cause steps recorded from one run, by node or nodeCount + port: the link
 * upstream (times 2, plus 1 when the chain starts with it), or -1.
 */
export class CauseTrail {
  readonly steps = new Map<number, number>();

  constructor(private readonly graph: SupplyGraph) {}

  /** Link indices from the block to v, upstream first. */
  chain(v: number): number[] {
    const graph = this.graph;
    const links: number[] = [];
    const seen = new Set<number>();
    let key = v;
    for (;;) {
      const step = this.steps.get(key);
      if (step === undefined || step < 0 || seen.has(key)) break;
      seen.add(key);
      const link = Math.floor(step / 2);
      links.push(link);
      if (step % 2 === 1) break;
      const sourcePort = graph.linkSourcePort[link];
      key = sourcePort >= 0 ? graph.nodeCount + sourcePort : graph.linkFrom[link];
    }
    return links.reverse();
  }
}
