import type { BaseState } from './base-state';
import type { SupplyGraph } from './supply-graph';
import { TimeQueue } from './time-queue';
import { topologicalRankOf } from './topological-rank';

/** Changes below this are treated as converged (§4: "to within 1e-9"). */
export const FRACTION_EPSILON = 1e-9;

const NODE_DOWN = 1;
const NODE_FAILED = 2;
const NODE_QUEUED = 4;
const NODE_LOST_PORT = 8;
const PORT_FAILED = 1;
const LINK_BLOCKED = 1;
const LINK_FAILED = 2;

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

/** The scratch space of one graph, created on first use and reused by every evaluation. */
export function propagationFor(graph: SupplyGraph): StatePropagation {
  return graph.memoize('state-propagation', () => new StatePropagation(graph));
}

/**
 * Evaluates a state change incrementally: failure and times to stall (§3,
 * §5) by a day-ordered propagation from the blocks, then fractions (§4) by a
 * worklist that iterates down from the base values over the affected part
 * only. Per-entity scratch is epoch-stamped: an entry whose stamp is not the
 * current epoch reads as the base value, so nothing of size N is cleared or
 * allocated per evaluation.
 *
 * One instance per graph; a run's results are valid until the next run.
 */
export class StatePropagation {
  private readonly graph: SupplyGraph;
  private epoch = 0;
  private base!: BaseState;
  private own!: Float64Array;
  private windowDays = Infinity;

  private readonly nodeStamp: Uint32Array;
  private readonly nodeFlags: Uint8Array;
  private readonly nodeDay: Float64Array;
  private readonly nodeFraction: Float64Array;
  private readonly nodeAlivePorts: Int32Array;
  private readonly nodeCausePort: Int32Array;
  private readonly portStamp: Uint32Array;
  private readonly portFlags: Uint8Array;
  private readonly portCount: Int32Array;
  private readonly portLatest: Float64Array;
  private readonly portLatestLink: Int32Array;
  private readonly portDay: Float64Array;
  private readonly portValue: Float64Array;
  private readonly portSum: Float64Array;
  private readonly linkStamp: Uint32Array;
  private readonly linkFlags: Uint8Array;
  private readonly linkDay: Float64Array;
  private readonly queue = new TimeQueue();

  /** Fraction worklist ordered by topological rank (the "day" slot holds the rank). */
  private readonly work = new TimeQueue();
  private readonly rank: Int32Array;

  /** Every enterprise whose scratch entry was written in this run. */
  touchedNodes: number[] = [];
  /** Links that deliver in the base and stop delivering before the window ends (blocked ones included). */
  failedLinks: number[] = [];
  /** Enterprises down in the new state but not in the base. */
  directNodes: number[] = [];
  /** False when the fraction iteration hit its cap before converging. */
  converged = true;
  /** Fraction recomputations in the last run (for diagnostics). */
  fractionSteps = 0;

  constructor(graph: SupplyGraph) {
    this.graph = graph;
    this.rank = topologicalRankOf(graph);
    const n = graph.nodeCount;
    const p = graph.portCount;
    const m = graph.linkCount;
    this.nodeStamp = new Uint32Array(n);
    this.nodeFlags = new Uint8Array(n);
    this.nodeDay = new Float64Array(n);
    this.nodeFraction = new Float64Array(n);
    this.nodeAlivePorts = new Int32Array(n);
    this.nodeCausePort = new Int32Array(n);
    this.portStamp = new Uint32Array(p);
    this.portFlags = new Uint8Array(p);
    this.portCount = new Int32Array(p);
    this.portLatest = new Float64Array(p);
    this.portLatestLink = new Int32Array(p);
    this.portDay = new Float64Array(p);
    this.portValue = new Float64Array(p);
    this.portSum = new Float64Array(p);
    this.linkStamp = new Uint32Array(m);
    this.linkFlags = new Uint8Array(m);
    this.linkDay = new Float64Array(m);
  }

  get window(): number {
    return this.windowDays;
  }

  get baseState(): BaseState {
    return this.base;
  }

  run(base: BaseState, change: StateChange): void {
    this.begin(base, change);
    const graph = this.graph;
    for (let i = 0; i < change.downNodes.length; i++) {
      const v = change.downNodes[i];
      if (base.down[v] === 1) continue;
      this.touchNode(v);
      if ((this.nodeFlags[v] & NODE_DOWN) !== 0) continue;
      this.nodeFlags[v] |= NODE_DOWN;
      this.directNodes.push(v);
    }
    const newlyBlocked: number[] = [];
    for (let i = 0; i < change.blockedLinks.length; i++) {
      const l = change.blockedLinks[i];
      if (base.blocked[l] === 1) continue;
      this.touchLink(l);
      if ((this.linkFlags[l] & LINK_BLOCKED) !== 0) continue;
      this.linkFlags[l] |= LINK_BLOCKED;
      newlyBlocked.push(l);
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
    for (const l of newlyBlocked) this.failLink(l, 0);
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
    this.epoch++;
    if (this.epoch === 0xffffffff) {
      this.nodeStamp.fill(0);
      this.portStamp.fill(0);
      this.linkStamp.fill(0);
      this.epoch = 1;
    }
    this.base = base;
    this.own = change.targetOwn ?? base.own;
    this.windowDays = change.window;
    this.touchedNodes = [];
    this.failedLinks = [];
    this.directNodes = [];
    this.converged = true;
    this.fractionSteps = 0;
    this.queue.clear();
  }

  private touchNode(v: number): void {
    if (this.nodeStamp[v] === this.epoch) return;
    this.nodeStamp[v] = this.epoch;
    this.nodeFlags[v] = 0;
    this.nodeDay[v] = Infinity;
    this.nodeFraction[v] = this.base.fraction[v];
    this.nodeAlivePorts[v] = this.base.alivePorts[v];
    this.nodeCausePort[v] = -1;
    this.touchedNodes.push(v);
  }

  private touchPort(q: number): void {
    if (this.portStamp[q] === this.epoch) return;
    this.portStamp[q] = this.epoch;
    this.portFlags[q] = 0;
    this.portCount[q] = this.base.portCount[q];
    // Links that already deliver nothing in the base have no stock left: they count as day 0.
    this.portLatest[q] = 0;
    this.portLatestLink[q] = -1;
    this.portDay[q] = Infinity;
    this.portValue[q] = this.base.portValue[q];
    this.portSum[q] = this.base.portSum[q];
  }

  private touchLink(l: number): void {
    if (this.linkStamp[l] === this.epoch) return;
    this.linkStamp[l] = this.epoch;
    this.linkFlags[l] = 0;
    this.linkDay[l] = Infinity;
  }

  /** A producer stops on `day`; every link it ships on stops with it. */
  private settleNode(v: number, day: number, causePort: number): void {
    this.touchNode(v);
    if ((this.nodeFlags[v] & NODE_FAILED) !== 0) return;
    this.nodeFlags[v] |= NODE_FAILED;
    this.nodeDay[v] = day;
    this.nodeCausePort[v] = causePort;
    const graph = this.graph;
    for (let i = graph.nodeOutStart[v]; i < graph.nodeOutStart[v + 1]; i++) this.failLink(graph.outLinks[i], day);
  }

  /** A pass-through stops forwarding one product on `day`; it stops when its last product does. */
  private settlePort(q: number, day: number): void {
    this.touchPort(q);
    if ((this.portFlags[q] & PORT_FAILED) !== 0) return;
    this.portFlags[q] |= PORT_FAILED;
    this.portDay[q] = day;
    const graph = this.graph;
    for (let i = graph.portOutStart[q]; i < graph.portOutEnd[q]; i++) this.failLink(graph.outLinks[i], day);
    const v = graph.portNode[q];
    this.touchNode(v);
    this.nodeFlags[v] |= NODE_LOST_PORT;
    if (--this.nodeAlivePorts[v] === 0) {
      this.nodeFlags[v] |= NODE_FAILED;
      this.nodeDay[v] = day;
      this.nodeCausePort[v] = q;
    }
  }

  /** Link l stops delivering on `day`: its customer's stock lasts until day + inventoryDays. */
  private failLink(l: number, day: number): void {
    const base = this.base;
    if (base.linkDelivers[l] === 0) return;
    this.touchLink(l);
    if ((this.linkFlags[l] & LINK_FAILED) !== 0) return;
    this.linkFlags[l] |= LINK_FAILED;
    this.linkDay[l] = day;
    this.failedLinks.push(l);
    const graph = this.graph;
    const q = graph.linkPort[l];
    this.touchPort(q);
    const runsOut = day + graph.linkInventoryDays[l];
    // Cut within the window: the link's share leaves the customer's supply. Otherwise stock keeps it whole.
    if (runsOut < this.windowDays) this.portSum[q] -= graph.linkShare[l] * this.baseSourceValue(l);
    if (runsOut >= this.portLatest[q]) {
      this.portLatest[q] = runsOut;
      this.portLatestLink[q] = l;
    }
    if (--this.portCount[q] !== 0) return;
    const stopDay = this.portLatest[q];
    if (!(stopDay < this.windowDays)) return;
    const v = graph.portNode[q];
    if (graph.nodePassThrough[v] === 1) {
      if (base.portAlive[q] === 1) this.queue.push(stopDay, graph.nodeCount + q, q);
    } else if (base.nodeAlive[v] === 1) {
      this.queue.push(stopDay, v, q);
    }
  }

  /** True when link l delivers nothing within the window, counting the customer's stock. */
  private isCut(l: number): boolean {
    return (
      this.linkStamp[l] === this.epoch &&
      (this.linkFlags[l] & LINK_FAILED) !== 0 &&
      this.linkDay[l] + this.graph.linkInventoryDays[l] < this.windowDays
    );
  }

  /**
   * Iterates §4 down from the base values over the affected part. Popping in
   * topological rank order settles every enterprise outside cycles in one
   * recomputation; cycles sweep until changes fall below FRACTION_EPSILON or
   * the step budget runs out.
   */
  private propagateFractions(change: StateChange): void {
    const graph = this.graph;
    const work = this.work;
    work.clear();
    for (const v of this.directNodes) this.enqueue(v);
    if (change.ownChanged !== undefined) {
      for (let i = 0; i < change.ownChanged.length; i++) this.enqueue(change.ownChanged[i]);
    }
    for (const l of this.failedLinks) if (this.isCut(l)) this.enqueue(graph.linkTo[l]);
    const budget = 4_000_000 + 64 * work.size;
    let steps = 0;
    while (work.size > 0) {
      if (++steps > budget) {
        this.converged = false;
        while (work.size > 0) {
          this.nodeFlags[work.peekEntity()] &= ~NODE_QUEUED;
          work.pop();
        }
        break;
      }
      const v = work.peekEntity();
      work.pop();
      this.nodeFlags[v] &= ~NODE_QUEUED;
      this.recompute(v);
    }
    this.fractionSteps = steps;
  }

  private enqueue(v: number): void {
    this.touchNode(v);
    if ((this.nodeFlags[v] & NODE_QUEUED) !== 0) return;
    this.nodeFlags[v] |= NODE_QUEUED;
    this.work.push(this.rank[v], v, 0);
  }

  /**
   * Re-evaluates §4 at v from its ports' running supply sums. A value is
   * stored and passed on (as a change of its customers' sums) only when it
   * moved by more than FRACTION_EPSILON since it was last passed on, so the
   * sums always match the stored values exactly.
   */
  private recompute(v: number): void {
    const graph = this.graph;
    const own = this.base.down[v] === 1 || (this.nodeFlags[v] & NODE_DOWN) !== 0 ? 0 : this.own[v];
    const portStart = graph.nodePortStart[v];
    const portEnd = graph.nodePortStart[v + 1];
    if (graph.nodePassThrough[v] === 0) {
      let fraction = own;
      if (own > 0) {
        let least = 1;
        for (let q = portStart; q < portEnd && least > 0; q++) {
          const supply = this.supply(q);
          if (supply < least) least = supply;
        }
        fraction = own * least;
      }
      const delta = fraction - this.nodeFraction[v];
      if (Math.abs(delta) > FRACTION_EPSILON) {
        this.nodeFraction[v] = fraction;
        this.passOn(graph.nodeOutStart[v], graph.nodeOutStart[v + 1], delta);
      }
      return;
    }
    let weighted = 0;
    let plain = 0;
    for (let q = portStart; q < portEnd; q++) {
      const originates = graph.portLinkStart[q] === graph.portLinkStart[q + 1];
      const value = own === 0 ? 0 : originates ? own : own * this.supply(q);
      const previous = this.portStamp[q] === this.epoch ? this.portValue[q] : this.base.portValue[q];
      const delta = value - previous;
      if (Math.abs(delta) > FRACTION_EPSILON) {
        this.touchPort(q);
        this.portValue[q] = value;
        this.passOn(graph.portOutStart[q], graph.portOutEnd[q], delta);
      }
      weighted += graph.portWeight[q] * value;
      plain += value;
    }
    const weightSum = graph.nodePortWeightSum[v];
    const portTotal = portEnd - portStart;
    this.nodeFraction[v] = weightSum > 0 ? weighted / weightSum : portTotal > 0 ? plain / portTotal : own;
  }

  /** Adds a supplier's change to the supply sums of the customers of outLinks[from .. to - 1], and queues them. */
  private passOn(from: number, to: number, delta: number): void {
    const graph = this.graph;
    const base = this.base;
    for (let i = from; i < to; i++) {
      const l = graph.outLinks[i];
      if (base.linkDelivers[l] === 0) continue;
      // A link stopped within the window carries a fixed amount: 0 when cut, its base share when stock covers it.
      if (this.linkStamp[l] === this.epoch && (this.linkFlags[l] & LINK_FAILED) !== 0) continue;
      const q = graph.linkPort[l];
      this.touchPort(q);
      this.portSum[q] += graph.linkShare[l] * delta;
      this.enqueue(graph.linkTo[l]);
    }
  }

  /** supply(p) of §4 for port q: its running sum, capped at 1. */
  private supply(q: number): number {
    const sum = this.portStamp[q] === this.epoch ? this.portSum[q] : this.base.portSum[q];
    return sum < 1 ? (sum > 0 ? sum : 0) : 1;
  }

  /** g(l) of §4 in the new state. */
  sourceValue(l: number): number {
    const sourcePort = this.graph.linkSourcePort[l];
    if (sourcePort < 0) return this.fraction(this.graph.linkFrom[l]);
    return this.portStamp[sourcePort] === this.epoch ? this.portValue[sourcePort] : this.base.portValue[sourcePort];
  }

  /** g(l) of §4 in the base state. */
  baseSourceValue(l: number): number {
    const sourcePort = this.graph.linkSourcePort[l];
    return sourcePort < 0 ? this.base.fraction[this.graph.linkFrom[l]] : this.base.portValue[sourcePort];
  }

  // ---- Reading a run's results ----

  isTouched(v: number): boolean {
    return this.nodeStamp[v] === this.epoch;
  }

  /** Down in the new state but not in the base. */
  isDirect(v: number): boolean {
    return this.nodeStamp[v] === this.epoch && (this.nodeFlags[v] & NODE_DOWN) !== 0;
  }

  /** §3 stalled within the window: direct, or output something in the base and stops before the window ends. */
  isStalled(v: number): boolean {
    return this.nodeStamp[v] === this.epoch && (this.nodeFlags[v] & (NODE_DOWN | NODE_FAILED)) !== 0;
  }

  /** A pass-through stopped forwarding at least one product it forwarded in the base. */
  lostSomePort(v: number): boolean {
    return this.nodeStamp[v] === this.epoch && (this.nodeFlags[v] & NODE_LOST_PORT) !== 0;
  }

  /** T(v) of §5 for stalled enterprises (0 when direct), else null. */
  stallDay(v: number): number | null {
    if (this.nodeStamp[v] !== this.epoch) return null;
    const flags = this.nodeFlags[v];
    if ((flags & NODE_DOWN) !== 0) return 0;
    return (flags & NODE_FAILED) !== 0 ? this.nodeDay[v] : null;
  }

  fraction(v: number): number {
    return this.nodeStamp[v] === this.epoch ? this.nodeFraction[v] : this.base.fraction[v];
  }

  isPortFailed(q: number): boolean {
    return this.portStamp[q] === this.epoch && (this.portFlags[q] & PORT_FAILED) !== 0;
  }

  /** Producer port whose every base-delivering link is cut within the window. */
  isPortEmptied(q: number): boolean {
    return (
      this.portStamp[q] === this.epoch &&
      this.base.portCount[q] > 0 &&
      this.portCount[q] === 0 &&
      this.portLatest[q] < this.windowDays
    );
  }

  isLinkFailed(l: number): boolean {
    return this.linkStamp[l] === this.epoch && (this.linkFlags[l] & LINK_FAILED) !== 0;
  }

  isLinkCut(l: number): boolean {
    return this.isCut(l);
  }

  isLinkNewlyBlocked(l: number): boolean {
    return this.linkStamp[l] === this.epoch && (this.linkFlags[l] & LINK_BLOCKED) !== 0;
  }

  /**
   * Records the cause steps of v (and of everything upstream on its chain
   * not yet recorded) into `trail`, which outlives the run: a chain is then
   * read from the trail on demand. Amortised O(1) per enterprise.
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
    } else if (this.isTouched(node) && (this.nodeFlags[node] & NODE_FAILED) !== 0) {
      follow = this.nodeCausePort[node];
    } else if (this.lostSomePort(node)) {
      for (let q = graph.nodePortStart[node]; q < graph.nodePortStart[node + 1]; q++) {
        if (this.isPortFailed(q)) {
          follow = q;
          break;
        }
      }
    }
    if (follow >= 0) return this.portLatestLink[follow];
    const from = port >= 0 ? port : graph.nodePortStart[node];
    const to = port >= 0 ? port + 1 : graph.nodePortStart[node + 1];
    return this.droppedInput(from, to);
  }

  /** An inbound link of ports [from, to) that is cut, else one whose supplier's output dropped. */
  private droppedInput(from: number, to: number): number {
    const graph = this.graph;
    for (let q = from; q < to; q++) {
      for (let i = graph.portLinkStart[q]; i < graph.portLinkStart[q + 1]; i++) {
        if (this.isCut(graph.portLinks[i])) return graph.portLinks[i];
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
    const state = {
      down: base.down.slice(),
      blocked: base.blocked.slice(),
      own: this.own.slice(),
      nodeAlive: base.nodeAlive.slice(),
      portAlive: base.portAlive.slice(),
      portCount: base.portCount.slice(),
      alivePorts: base.alivePorts.slice(),
      linkDelivers: base.linkDelivers.slice(),
      fraction: base.fraction.slice(),
      portValue: base.portValue.slice(),
      portSum: base.portSum.slice(),
    };
    const graph = this.graph;
    for (let v = 0; v < graph.nodeCount; v++) {
      if (base.down[v] === 1) state.own[v] = 0;
    }
    for (const v of this.touchedNodes) {
      const flags = this.nodeFlags[v];
      if ((flags & NODE_DOWN) !== 0) {
        state.down[v] = 1;
        state.own[v] = 0;
      }
      if ((flags & NODE_FAILED) !== 0) state.nodeAlive[v] = 0;
      state.alivePorts[v] = this.nodeAlivePorts[v];
      state.fraction[v] = this.nodeFraction[v];
      for (let q = graph.nodePortStart[v]; q < graph.nodePortStart[v + 1]; q++) {
        if (this.portStamp[q] !== this.epoch) continue;
        state.portCount[q] = this.portCount[q];
        state.portValue[q] = this.portValue[q];
        state.portSum[q] = this.portSum[q];
        if ((this.portFlags[q] & PORT_FAILED) !== 0 || (graph.nodePassThrough[v] === 0 && this.portCount[q] === 0)) {
          state.portAlive[q] = 0;
        }
      }
    }
    for (const l of this.failedLinks) state.linkDelivers[l] = 0;
    for (let l = 0; l < graph.linkCount; l++) {
      if (this.linkStamp[l] === this.epoch && (this.linkFlags[l] & LINK_BLOCKED) !== 0) state.blocked[l] = 1;
    }
    return state;
  }
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
      const link = step >> 1;
      links.push(link);
      if ((step & 1) === 1) break;
      const sourcePort = graph.linkSourcePort[link];
      key = sourcePort >= 0 ? graph.nodeCount + sourcePort : graph.linkFrom[link];
    }
    return links.reverse();
  }
}
