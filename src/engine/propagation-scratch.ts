import type { BaseState } from './base-state';
import { IntList } from './int-list';
import { RankQueue } from './rank-queue';
import type { StateChange } from './state-change';
import type { SupplyGraph } from './supply-graph';
import { TimeQueue } from './time-queue';
import { variableOrderOf, type VariableOrder } from './topological-rank';

/** Bits of an enterprise record's flags. */
export const enum NodeFlag {
  DOWN = 1,
  FAILED = 2,
  LOST_PORT = 8,
}

/** Bits of outFlags, per position in graph.outLinks. */
export const enum LinkFlag {
  FAILED = 2,
  /** Failed, and the customer's stock of it runs out within the window. */
  CUT = 4,
}

/**
 * Scratch records, one cache line (8 numbers) per entity, so that touching
 * an entity costs one memory access rather than one per field. Both kinds
 * of variable keep value, stop day and base value in the same slots, so a
 * customer reads a supplier's state in one access. Whether a record is of
 * this run is kept apart (nodeStamp, portStamp); slot 0 is spare:
 * node [-, fraction, day, flags, alivePorts, causePort, latest port day, base fraction]
 * port [-, value, day, sum, latest, count, latestLink, base value]
 * A day is Infinity while the enterprise or product still delivers.
 *
 * Const enums: tsc writes the numbers into every tier's hot loops, where
 * plain exported constants would be loads from another module's exports
 * (measured ~10 % slower sweeps).
 */
export const enum Slot {
  VALUE = 1,
  DAY = 2,
  BASE_VALUE = 7,
  /** Numbers per record. */
  STRIDE = 8,
}

/** Slots of an enterprise record besides the shared ones. */
export const enum NodeSlot {
  FRACTION = Slot.VALUE,
  FLAGS = 3,
  ALIVE_PORTS = 4,
  CAUSE_PORT = 5,
  LAST_PORT_DAY = 6,
}

/** Slots of a product (port) record besides the shared ones. */
export const enum PortSlot {
  SUM = 3,
  LATEST = 4,
  COUNT = 5,
  LATEST_LINK = 6,
}

/**
 * The scratch space of one graph's evaluations and the reading of a run's
 * results. Per-entity scratch is epoch-stamped: an entry whose stamp is not
 * the current epoch reads as the base value, so nothing of size N is cleared
 * or allocated per evaluation.
 *
 * StatePropagation is built in tiers, one file each, each extending the one
 * before: PropagationScratch, FractionVariables, PropagateStrategy,
 * SweepStrategy, StatePropagation. Only the last is ever instantiated, so
 * the hot call sites all see one class and stay monomorphic.
 */
export abstract class PropagationScratch {
  readonly graph: SupplyGraph;
  protected epoch = 0;
  private runs = 0;
  protected base!: BaseState;
  protected own!: Float64Array;
  protected windowDays = Infinity;
  protected sweeping = false;

  protected readonly node: Float64Array;
  protected readonly port: Float64Array;
  /**
   * Per enterprise and per port, the epoch its record was last written in:
   * apart from the records, so the many untouched entities a sweep looks at
   * cost a read of 4 bytes, not of a 64-byte record.
   */
  protected readonly nodeStamp: Uint32Array;
  protected readonly portStamp: Uint32Array;
  /** Per position in graph.outLinks: the propagation's record of failed links. */
  protected readonly outStamp: Uint32Array;
  protected readonly outFlags: Uint8Array;
  /** Links blocked by this run and not in the base, as bits by link index. */
  protected readonly blockedBits: Uint32Array;
  protected readonly blockedList = new IntList();
  protected readonly queue = new TimeQueue();

  /** Fraction worklist: ranks of queued variables. */
  protected readonly work: RankQueue;
  protected readonly order: VariableOrder;

  /** Every enterprise whose scratch entry was written in this run. */
  readonly touchedNodes = new IntList();
  /** Links that deliver in the base and stop delivering within the window (blocked ones included). */
  readonly failedLinks = new IntList();
  /** Enterprises down in the new state but not in the base. */
  readonly directNodes = new IntList();
  /** False when the fraction iteration hit its cap before converging. */
  converged = true;
  /** Fraction recomputations in the last run (for diagnostics). */
  fractionSteps = 0;

  constructor(graph: SupplyGraph) {
    this.graph = graph;
    this.order = variableOrderOf(graph);
    this.work = new RankQueue(graph.nodeCount + graph.portCount);
    this.node = new Float64Array(Slot.STRIDE * graph.nodeCount);
    this.port = new Float64Array(Slot.STRIDE * graph.portCount);
    this.nodeStamp = new Uint32Array(graph.nodeCount);
    this.portStamp = new Uint32Array(graph.portCount);
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

  protected begin(base: BaseState, change: StateChange): void {
    this.runs++;
    this.epoch++;
    if (this.epoch === 0x7fffffff) {
      this.nodeStamp.fill(0);
      this.portStamp.fill(0);
      this.outStamp.fill(0);
      this.epoch = 1;
    }
    if (this.blockedList.length * 32 > this.blockedBits.length) this.blockedBits.fill(0);
    else for (let k = 0; k < this.blockedList.length; k++) this.blockedBits[this.blockedList.at(k) >>> 5] = 0;
    this.blockedList.clear();
    this.base = base;
    this.own = change.targetOwn ?? base.own;
    this.windowDays = change.window;
    this.touchedNodes.clear();
    this.failedLinks.clear();
    this.directNodes.clear();
    this.converged = true;
    this.fractionSteps = 0;
    this.queue.clear();
    this.work.clear();
  }

  protected touchNode(v: number): void {
    const r = Slot.STRIDE * v;
    if (this.nodeStamp[v] === this.epoch) return;
    this.nodeStamp[v] = this.epoch;
    this.node[r + NodeSlot.FRACTION] = this.base.fraction[v];
    this.node[r + Slot.DAY] = Infinity;
    this.node[r + NodeSlot.FLAGS] = 0;
    this.node[r + NodeSlot.ALIVE_PORTS] = this.base.alivePorts[v];
    this.node[r + NodeSlot.CAUSE_PORT] = -1;
    this.node[r + NodeSlot.LAST_PORT_DAY] = -Infinity;
    this.node[r + Slot.BASE_VALUE] = this.base.fraction[v];
    this.touchedNodes.push(v);
  }

  protected touchPort(q: number): void {
    const r = Slot.STRIDE * q;
    if (this.portStamp[q] === this.epoch) return;
    const base = this.base;
    this.portStamp[q] = this.epoch;
    this.port[r + Slot.VALUE] = base.portValue[q];
    this.port[r + Slot.DAY] = Infinity;
    this.port[r + PortSlot.SUM] = base.portSum[q];
    // Links that already deliver nothing in the base have no stock left: they count as day 0.
    this.port[r + PortSlot.LATEST] = 0;
    this.port[r + PortSlot.COUNT] = base.portCount[q];
    this.port[r + PortSlot.LATEST_LINK] = -1;
    this.port[r + Slot.BASE_VALUE] = base.portValue[q];
  }

  protected isPortTouched(q: number): boolean {
    return this.portStamp[q] === this.epoch;
  }

  protected touchOut(i: number): void {
    if (this.outStamp[i] === this.epoch) return;
    this.outStamp[i] = this.epoch;
    this.outFlags[i] = 0;
  }

  protected touchVariable(x: number): void {
    const n = this.graph.nodeCount;
    if (x < n) {
      this.touchNode(x);
    } else {
      this.touchNode(this.graph.portNode[x - n]);
      this.touchPort(x - n);
    }
  }

  /** Port q of a pass-through stopped on `day`: the enterprise stops with its last product. */
  protected portStopped(q: number, day: number): void {
    const v = this.graph.portNode[q];
    this.touchNode(v);
    const r = Slot.STRIDE * v;
    this.node[r + NodeSlot.FLAGS] |= NodeFlag.LOST_PORT;
    if (day >= this.node[r + NodeSlot.LAST_PORT_DAY]) {
      this.node[r + NodeSlot.LAST_PORT_DAY] = day;
      this.node[r + NodeSlot.CAUSE_PORT] = q;
    }
    if (--this.node[r + NodeSlot.ALIVE_PORTS] === 0) {
      this.node[r + NodeSlot.FLAGS] |= NodeFlag.FAILED;
      this.node[r + Slot.DAY] = this.node[r + NodeSlot.LAST_PORT_DAY];
    }
  }

  // ---- Reading a run's results ----

  isTouched(v: number): boolean {
    return this.nodeStamp[v] === this.epoch;
  }

  protected nodeFlags(v: number): number {
    return this.isTouched(v) ? this.node[Slot.STRIDE * v + NodeSlot.FLAGS] : 0;
  }

  /** Down in the new state but not in the base. */
  isDirect(v: number): boolean {
    return (this.nodeFlags(v) & NodeFlag.DOWN) !== 0;
  }

  /** §3 stalled within the window: direct, or output something in the base and stops before the window ends. */
  isStalled(v: number): boolean {
    return (this.nodeFlags(v) & (NodeFlag.DOWN | NodeFlag.FAILED)) !== 0;
  }

  /** A pass-through stopped forwarding at least one product it forwarded in the base. */
  lostSomePort(v: number): boolean {
    return (this.nodeFlags(v) & NodeFlag.LOST_PORT) !== 0;
  }

  /** T(v) of §5 for stalled enterprises (0 when direct), else null. */
  stallDay(v: number): number | null {
    const flags = this.nodeFlags(v);
    if ((flags & NodeFlag.DOWN) !== 0) return 0;
    return (flags & NodeFlag.FAILED) !== 0 ? this.node[Slot.STRIDE * v + Slot.DAY] : null;
  }

  /**
   * For an enterprise that stopped delivering: the port it stopped through
   * (a producer's input that ran out first, a pass-through's last product),
   * -1 when down; null when it did not stop.
   */
  stopPortOf(v: number): number | null {
    return (this.nodeFlags(v) & NodeFlag.FAILED) !== 0 ? this.node[Slot.STRIDE * v + NodeSlot.CAUSE_PORT] : null;
  }

  /** The inbound link of port q whose stock ran out last, or -1 when none stopped. */
  lastStoppedLink(q: number): number {
    return this.isPortTouched(q) ? this.port[Slot.STRIDE * q + PortSlot.LATEST_LINK] : -1;
  }

  fraction(v: number): number {
    return this.isTouched(v) ? this.node[Slot.STRIDE * v + NodeSlot.FRACTION] : this.base.fraction[v];
  }

  isPortFailed(q: number): boolean {
    return this.isPortTouched(q) && this.port[Slot.STRIDE * q + Slot.DAY] < Infinity;
  }

  /** Producer port whose every base-delivering link is cut within the window. */
  isPortEmptied(q: number): boolean {
    const r = Slot.STRIDE * q;
    return (
      this.isPortTouched(q) &&
      this.base.portCount[q] > 0 &&
      this.port[r + PortSlot.COUNT] === 0 &&
      this.port[r + PortSlot.LATEST] < this.windowDays
    );
  }

  /** Day on which variable x stopped delivering (Infinity while it delivers). */
  protected variableStopDay(x: number): number {
    const n = this.graph.nodeCount;
    if (x < n) return this.isTouched(x) ? this.node[Slot.STRIDE * x + Slot.DAY] : Infinity;
    return this.isPortTouched(x - n) ? this.port[Slot.STRIDE * (x - n) + Slot.DAY] : Infinity;
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

  /** Whether link l carries its supplier's current value: it delivers in the base and has not stopped. */
  carriesValue(l: number): boolean {
    return this.base.linkDelivers[l] === 1 && !this.isLinkFailed(l);
  }

  protected ownOf(v: number): number {
    const r = Slot.STRIDE * v;
    const down = this.isTouched(v) && (this.node[r + NodeSlot.FLAGS] & NodeFlag.DOWN) !== 0;
    return this.base.down[v] === 1 || down ? 0 : this.own[v];
  }

  protected portValueOf(q: number): number {
    return this.isPortTouched(q) ? this.port[Slot.STRIDE * q + Slot.VALUE] : this.base.portValue[q];
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
}
