import type { BaseState } from './base-state';
import { solveComponent } from './component-solver';
import { shareCopy } from './shared-arrays';
import type { SupplyGraph } from './supply-graph';
import { RankQueue } from './rank-queue';
import { TimeQueue } from './time-queue';
import { variableOrderOf, type VariableOrder } from './topological-rank';

/** Changes below this are treated as converged (§4: "to within 1e-9"). */
export const FRACTION_EPSILON = 1e-9;

const NODE_DOWN = 1;
const NODE_FAILED = 2;
const NODE_LOST_PORT = 8;
const PORT_FAILED = 1;
const LINK_BLOCKED = 1;
const LINK_FAILED = 2;
/** Failed, and the customer's stock of it runs out within the window. */
const LINK_CUT = 4;

/**
 * Scratch records, several numbers per entity side by side so that touching
 * an entity costs one or two cache lines rather than one per field:
 * node  real [stamp, fraction, day, -]       int [flags, alivePorts, causePort, -]
 * port  real [stamp, sum, value, latest]     int [flags, count, latestLink, -]
 */
const STRIDE = 4;
const STAMP = 0;
const FRACTION = 1;
const DAY = 2;
const SUM = 1;
const VALUE = 2;
const LATEST = 3;
const FLAGS = 0;
const ALIVE_PORTS = 1;
const CAUSE_PORT = 2;
const COUNT = 1;
const LATEST_LINK = 2;

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
}

/** The scratch space of one graph, created on first use and reused by every evaluation in this thread. */
export function propagationFor(graph: SupplyGraph): StatePropagation {
  return graph.memoize('state-propagation', () => new StatePropagation(graph));
}

/**
 * Evaluates a state change incrementally: failure and times to stall (§3,
 * §5) by a day-ordered propagation from the blocks, then fractions (§4) over
 * the affected part only, variable by variable in upstream-first order
 * (topological-rank.ts), each strongly connected component of variables
 * solved as a whole (component-solver.ts). Per-entity scratch is
 * epoch-stamped: an entry whose stamp is not the current epoch reads as the
 * base value, so nothing of size N is cleared or allocated per evaluation.
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

  private readonly nodeReal: Float64Array;
  private readonly nodeInt: Int32Array;
  private readonly portReal: Float64Array;
  private readonly portInt: Int32Array;
  /** Per position in graph.outLinks. */
  private readonly outStamp: Uint32Array;
  private readonly outFlags: Uint8Array;
  private readonly queue = new TimeQueue();

  /** Fraction worklist: ranks of queued variables. */
  private readonly work: RankQueue;
  private readonly order: VariableOrder;

  /** Every enterprise whose scratch entry was written in this run. */
  touchedNodes: number[] = [];
  /** Positions in graph.outLinks of links that deliver in the base and stop within the window (blocked ones included). */
  failedOut: number[] = [];
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
    this.nodeReal = new Float64Array(STRIDE * graph.nodeCount);
    this.nodeInt = new Int32Array(STRIDE * graph.nodeCount);
    this.portReal = new Float64Array(STRIDE * graph.portCount);
    this.portInt = new Int32Array(STRIDE * graph.portCount);
    this.outStamp = new Uint32Array(graph.linkCount);
    this.outFlags = new Uint8Array(graph.linkCount);
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

  /** Link indices that deliver in the base and stop delivering within the window (blocked ones included). */
  get failedLinks(): number[] {
    const outLinks = this.graph.outLinks;
    return this.failedOut.map((i) => outLinks[i]);
  }

  run(base: BaseState, change: StateChange): void {
    this.begin(base, change);
    const graph = this.graph;
    for (let i = 0; i < change.downNodes.length; i++) {
      const v = change.downNodes[i];
      if (base.down[v] === 1) continue;
      this.touchNode(v);
      const at = STRIDE * v + FLAGS;
      if ((this.nodeInt[at] & NODE_DOWN) !== 0) continue;
      this.nodeInt[at] |= NODE_DOWN;
      this.directNodes.push(v);
    }
    const newlyBlocked: number[] = [];
    for (let k = 0; k < change.blockedLinks.length; k++) {
      const l = change.blockedLinks[k];
      if (base.blocked[l] === 1) continue;
      const i = graph.linkOutPosition[l];
      this.touchOut(i);
      if ((this.outFlags[i] & LINK_BLOCKED) !== 0) continue;
      this.outFlags[i] |= LINK_BLOCKED;
      newlyBlocked.push(i);
    }
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
    for (const i of ascending(newlyBlocked, graph.linkCount))
      this.failLink(i, 0, this.baseSourceValue(graph.outLinks[i]));
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

  private begin(base: BaseState, change: StateChange): void {
    this.runs++;
    this.epoch++;
    if (this.epoch === 0x7fffffff) {
      for (let k = STAMP; k < this.nodeReal.length; k += STRIDE) this.nodeReal[k] = 0;
      for (let k = STAMP; k < this.portReal.length; k += STRIDE) this.portReal[k] = 0;
      this.outStamp.fill(0);
      this.epoch = 1;
    }
    this.base = base;
    this.own = change.targetOwn ?? base.own;
    this.windowDays = change.window;
    this.touchedNodes = [];
    this.failedOut = [];
    this.directNodes = [];
    this.converged = true;
    this.fractionSteps = 0;
    this.queue.clear();
    this.work.clear();
  }

  private touchNode(v: number): void {
    const r = STRIDE * v;
    if (this.nodeReal[r + STAMP] === this.epoch) return;
    this.nodeReal[r + STAMP] = this.epoch;
    this.nodeReal[r + FRACTION] = this.base.fraction[v];
    this.nodeReal[r + DAY] = Infinity;
    this.nodeInt[r + FLAGS] = 0;
    this.nodeInt[r + ALIVE_PORTS] = this.base.alivePorts[v];
    this.nodeInt[r + CAUSE_PORT] = -1;
    this.touchedNodes.push(v);
  }

  private touchPort(q: number): void {
    const r = STRIDE * q;
    if (this.portReal[r + STAMP] === this.epoch) return;
    const base = this.base;
    this.portReal[r + STAMP] = this.epoch;
    this.portReal[r + SUM] = base.portSum[q];
    this.portReal[r + VALUE] = base.portValue[q];
    // Links that already deliver nothing in the base have no stock left: they count as day 0.
    this.portReal[r + LATEST] = 0;
    this.portInt[r + FLAGS] = 0;
    this.portInt[r + COUNT] = base.portCount[q];
    this.portInt[r + LATEST_LINK] = -1;
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
    if ((this.nodeInt[r + FLAGS] & NODE_FAILED) !== 0) return;
    this.nodeInt[r + FLAGS] |= NODE_FAILED;
    this.nodeReal[r + DAY] = day;
    this.nodeInt[r + CAUSE_PORT] = causePort;
    const graph = this.graph;
    const value = this.base.fraction[v];
    for (let i = graph.nodeOutStart[v]; i < graph.nodeOutStart[v + 1]; i++) this.failLink(i, day, value);
  }

  /** A pass-through stops forwarding one product on `day`; it stops when its last product does. */
  private settlePort(q: number, day: number): void {
    this.touchPort(q);
    if ((this.portInt[STRIDE * q + FLAGS] & PORT_FAILED) !== 0) return;
    this.portInt[STRIDE * q + FLAGS] |= PORT_FAILED;
    const graph = this.graph;
    const value = this.base.portValue[q];
    for (let i = graph.portOutStart[q]; i < graph.portOutEnd[q]; i++) this.failLink(i, day, value);
    const v = graph.portNode[q];
    this.touchNode(v);
    const r = STRIDE * v;
    this.nodeInt[r + FLAGS] |= NODE_LOST_PORT;
    if (--this.nodeInt[r + ALIVE_PORTS] === 0) {
      this.nodeInt[r + FLAGS] |= NODE_FAILED;
      this.nodeReal[r + DAY] = day;
      this.nodeInt[r + CAUSE_PORT] = q;
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
    this.failedOut.push(i);
    const graph = this.graph;
    const q = graph.outPort[i];
    this.touchPort(q);
    const r = STRIDE * q;
    const runsOut = day + graph.outInventoryDays[i];
    // Cut within the window: the link's share leaves the customer's supply. Otherwise stock keeps it whole.
    if (runsOut < this.windowDays) {
      this.outFlags[i] |= LINK_CUT;
      this.portReal[r + SUM] -= graph.outShare[i] * value;
    }
    if (runsOut >= this.portReal[r + LATEST]) {
      this.portReal[r + LATEST] = runsOut;
      this.portInt[r + LATEST_LINK] = graph.outLinks[i];
    }
    if (--this.portInt[r + COUNT] !== 0) return;
    const stopDay = this.portReal[r + LATEST];
    if (!(stopDay < this.windowDays)) return;
    const v = graph.portNode[q];
    if (graph.nodePassThrough[v] === 1) {
      if (base.portAlive[q] === 1) this.queue.push(stopDay, graph.nodeCount + q, q);
    } else if (base.nodeAlive[v] === 1) {
      this.queue.push(stopDay, v, q);
    }
  }

  /** True when the link at position i of outLinks delivers nothing within the window, counting the customer's stock. */
  private isCutAt(i: number): boolean {
    return this.outStamp[i] === this.epoch && (this.outFlags[i] & LINK_CUT) !== 0;
  }

  private isFailedAt(i: number): boolean {
    return this.outStamp[i] === this.epoch && (this.outFlags[i] & LINK_FAILED) !== 0;
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
    const n = graph.nodeCount;
    const work = this.work;
    const { cyclic, order } = this.order;
    for (const v of this.directNodes) this.enqueueNode(v);
    if (change.ownChanged !== undefined) {
      for (let k = 0; k < change.ownChanged.length; k++) this.enqueueNode(change.ownChanged[k]);
    }
    for (const i of this.failedOut) if (this.isCutAt(i)) this.enqueue(graph.outTarget[i]);
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
      if (x < n) this.recomputeProducer(x);
      else this.recomputePort(x - n);
    }
    for (const v of this.touchedNodes) {
      if (graph.nodePassThrough[v] === 1) this.nodeReal[STRIDE * v + FRACTION] = this.passThroughFraction(v);
    }
  }

  /** Solves the component of variable x, whose members are now the lowest ranks queued. */
  private solveCycle(x: number): void {
    const start = this.order.componentStart[x];
    const end = this.order.componentEnd[x];
    const queued: number[] = [];
    this.drainQueued(end, queued);
    const result = solveComponent(this, queued, start, end);
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
    return this.portReal[STRIDE * q + STAMP] === this.epoch ? this.portReal[STRIDE * q + SUM] : this.base.portSum[q];
  }

  /** Whether the link at position i of outLinks carries its supplier's current value (delivers in the base, not failed). */
  carriesValueAt(i: number): boolean {
    return this.base.outDelivers[i] === 1 && !this.isFailedAt(i);
  }

  /**
   * Sets variable x to `value` and passes the change on to its customers'
   * supply sums (queueing them), as a recomputation does; changes of at most
   * FRACTION_EPSILON are kept back unless `exact`.
   */
  assignVariable(x: number, value: number, exact: boolean): boolean {
    const graph = this.graph;
    const n = graph.nodeCount;
    if (x < n) {
      this.touchNode(x);
      const at = STRIDE * x + FRACTION;
      const delta = value - this.nodeReal[at];
      if (delta === 0 || (!exact && Math.abs(delta) <= FRACTION_EPSILON)) return false;
      this.nodeReal[at] = value;
      this.passOn(graph.nodeOutStart[x], graph.nodeOutStart[x + 1], delta);
      return true;
    }
    const q = x - n;
    this.touchNode(graph.portNode[q]);
    this.touchPort(q);
    const at = STRIDE * q + VALUE;
    const delta = value - this.portReal[at];
    if (delta === 0 || (!exact && Math.abs(delta) <= FRACTION_EPSILON)) return false;
    this.portReal[at] = value;
    this.passOn(graph.portOutStart[q], graph.portOutEnd[q], delta);
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

  /** Queues every variable of enterprise v: its own (producer) or each of its products (pass-through). */
  private enqueueNode(v: number): void {
    const graph = this.graph;
    this.touchNode(v);
    if (graph.nodePassThrough[v] === 0) {
      this.enqueue(v);
      return;
    }
    for (let q = graph.nodePortStart[v]; q < graph.nodePortStart[v + 1]; q++) this.enqueue(graph.nodeCount + q);
  }

  /** Queues variable x; its scratch is touched when it comes up. */
  private enqueue(x: number): void {
    this.work.push(this.order.rank[x]);
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

  private ownOf(v: number): number {
    const down =
      this.nodeReal[STRIDE * v + STAMP] === this.epoch && (this.nodeInt[STRIDE * v + FLAGS] & NODE_DOWN) !== 0;
    return this.base.down[v] === 1 || down ? 0 : this.own[v];
  }

  /**
   * Re-evaluates §4 at producer v from its ports' running supply sums. A
   * value is stored and passed on (as a change of its customers' sums) only
   * when it moved by more than FRACTION_EPSILON since it was last passed on,
   * so the sums always match the stored values exactly.
   */
  private recomputeProducer(v: number): void {
    this.assignVariable(v, this.evaluateVariable(v), false);
  }

  /** Re-evaluates §4 for the product of pass-through port q, like recomputeProducer. */
  private recomputePort(q: number): void {
    const x = this.graph.nodeCount + q;
    this.assignVariable(x, this.evaluateVariable(x), false);
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

  /** Adds a supplier's change to the supply sums of the customers of outLinks[from .. to - 1], and queues them. */
  private passOn(from: number, to: number, delta: number): void {
    const graph = this.graph;
    const outDelivers = this.base.outDelivers;
    const targetRank = this.order.outTargetRank;
    for (let i = from; i < to; i++) {
      if (outDelivers[i] === 0) continue;
      // A link stopped within the window carries a fixed amount: 0 when cut, its base share when stock covers it.
      if (this.isFailedAt(i)) continue;
      const q = graph.outPort[i];
      this.touchPort(q);
      this.portReal[STRIDE * q + SUM] += graph.outShare[i] * delta;
      this.work.push(targetRank[i]);
    }
  }

  /** supply(p) of §4 for port q: its running sum, capped at 1. */
  private supply(q: number): number {
    const sum = this.portSupplySum(q);
    return sum < 1 ? (sum > 0 ? sum : 0) : 1;
  }

  private portValueOf(q: number): number {
    return this.portReal[STRIDE * q + STAMP] === this.epoch
      ? this.portReal[STRIDE * q + VALUE]
      : this.base.portValue[q];
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
    return this.nodeReal[STRIDE * v + STAMP] === this.epoch;
  }

  private nodeFlags(v: number): number {
    return this.isTouched(v) ? this.nodeInt[STRIDE * v + FLAGS] : 0;
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
    return (flags & NODE_FAILED) !== 0 ? this.nodeReal[STRIDE * v + DAY] : null;
  }

  fraction(v: number): number {
    return this.isTouched(v) ? this.nodeReal[STRIDE * v + FRACTION] : this.base.fraction[v];
  }

  private portFlags(q: number): number {
    return this.portReal[STRIDE * q + STAMP] === this.epoch ? this.portInt[STRIDE * q + FLAGS] : 0;
  }

  isPortFailed(q: number): boolean {
    return (this.portFlags(q) & PORT_FAILED) !== 0;
  }

  /** Producer port whose every base-delivering link is cut within the window. */
  isPortEmptied(q: number): boolean {
    const r = STRIDE * q;
    return (
      this.portReal[r + STAMP] === this.epoch &&
      this.base.portCount[q] > 0 &&
      this.portInt[r + COUNT] === 0 &&
      this.portReal[r + LATEST] < this.windowDays
    );
  }

  isLinkFailed(l: number): boolean {
    return this.isFailedAt(this.graph.linkOutPosition[l]);
  }

  isLinkCut(l: number): boolean {
    return this.isCutAt(this.graph.linkOutPosition[l]);
  }

  isLinkNewlyBlocked(l: number): boolean {
    const i = this.graph.linkOutPosition[l];
    return this.outStamp[i] === this.epoch && (this.outFlags[i] & LINK_BLOCKED) !== 0;
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
      follow = this.nodeInt[STRIDE * node + CAUSE_PORT];
    } else if (this.lostSomePort(node)) {
      for (let q = graph.nodePortStart[node]; q < graph.nodePortStart[node + 1]; q++) {
        if (this.isPortFailed(q)) {
          follow = q;
          break;
        }
      }
    }
    if (follow >= 0) return this.portInt[STRIDE * follow + LATEST_LINK];
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
        if (this.base.linkDelivers[l] === 0 || this.isLinkFailed(l)) continue;
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
      state.alivePorts[v] = this.nodeInt[STRIDE * v + ALIVE_PORTS];
      state.fraction[v] = this.fraction(v);
      for (let q = graph.nodePortStart[v]; q < graph.nodePortStart[v + 1]; q++) {
        const r = STRIDE * q;
        if (this.portReal[r + STAMP] !== this.epoch) continue;
        state.portCount[q] = this.portInt[r + COUNT];
        state.portValue[q] = this.portReal[r + VALUE];
        state.portSum[q] = this.portReal[r + SUM];
        const failed = (this.portInt[r + FLAGS] & PORT_FAILED) !== 0;
        if (failed || (graph.nodePassThrough[v] === 0 && this.portInt[r + COUNT] === 0)) state.portAlive[q] = 0;
      }
    }
    for (const i of this.failedOut) {
      state.outDelivers[i] = 0;
      state.linkDelivers[graph.outLinks[i]] = 0;
    }
    for (let i = 0; i < graph.linkCount; i++) {
      if (this.outStamp[i] === this.epoch && (this.outFlags[i] & LINK_BLOCKED) !== 0)
        state.blocked[graph.outLinks[i]] = 1;
    }
    return state;
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
