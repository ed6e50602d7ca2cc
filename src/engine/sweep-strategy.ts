import { FRACTION_EPSILON } from './fraction-variables';
import { BATCH_LINKS, inLinkColumnsOf, type InLinkColumns } from './in-link-columns';
import { IntList } from './int-list';
import { PropagateStrategy } from './propagate-strategy';
import { NodeFlag, NodeSlot, PortSlot, Slot } from './propagation-scratch';
import type { StateChange } from './state-change';
import { activeVariablesOf } from './topological-rank';

/**
 * The sweep strategy, for large changes (a region, a mode, the current
 * state): every variable once in upstream-first order, each pulling §3, §5
 * and §4 from its inputs. Work is proportional to the graph, but reads memory
 * in order instead of chasing it, which at a million enterprises is several
 * times faster than propagating a change that reaches most of them.
 */
/** Numbers per variable in the sweep state (see SweepStrategy.sweepState). */
const STATE_STRIDE = 3;

export abstract class SweepStrategy extends PropagateStrategy {
  /** Links newly blocked in this sweep, as bits by sweep position (see inLinkColumnsOf). */
  private inBlockedBits: Uint32Array | null = null;
  /** The positions whose bits are set. */
  private readonly inBlockedPositions = new IntList();
  private inColumns: InLinkColumns | null = null;
  /**
   * What a customer reads of each variable during a sweep, STATE_STRIDE
   * numbers per active variable, by its index in activeVariablesOf: [stop
   * day, value - base value, base value]. A sweep writes every variable's
   * entry before any customer reads it (rank order; a cycle's members first
   * of all), so nothing is cleared between runs; a third of a scratch
   * record's size, written front to back, so the scattered reads of
   * suppliers touch less memory.
   */
  private sweepState: Float64Array | null = null;
  /**
   * The sweep state entries of the suppliers of sweep positions from
   * inputsFrom on, copied side by side (STATE_STRIDE numbers each) before
   * they are used: the copy is a run of independent reads the processor
   * overlaps, where reading them one by one amid the rule's branches waits
   * out each cache miss in turn.
   */
  private inputs = new Float64Array(STATE_STRIDE * BATCH_LINKS);
  private inputsFrom = 0;

  protected sweep(change: StateChange): void {
    const graph = this.graph;
    const n = graph.nodeCount;
    this.inColumns = inLinkColumnsOf(graph);
    const active = activeVariablesOf(graph);
    if (this.sweepState === null || this.sweepState.length < STATE_STRIDE * active.length)
      this.sweepState = new Float64Array(STATE_STRIDE * active.length);
    this.markBlockedPositions();
    // A pass-through without products has its own factor as fraction: it must be looked at.
    if (change.ownChanged !== undefined)
      for (let k = 0; k < change.ownChanged.length; k++) this.touchNode(change.ownChanged[k]);
    const { cyclic, largestCycle } = this.order;
    const { batchStart, variableStart } = this.inColumns;
    for (let b = 0; b + 1 < batchStart.length; b++) {
      const from = batchStart[b];
      const to = batchStart[b + 1];
      if (largestCycle > 0 && cyclic[active[from]] === 1) {
        this.sweepCycle(active.subarray(from, to), from);
        continue;
      }
      this.gatherInputs(variableStart[from], variableStart[to]);
      for (let k = from; k < to; k++) {
        const x = active[k];
        this.fractionSteps++;
        if (x < n) this.pullProducer(x, change);
        else this.pullPort(x - n, change);
        this.publish(x, k);
      }
    }
    // Component solves queue customers outside their component; the sweep reached them anyway.
    this.work.clear();
    if (change.skipFractions !== true) this.averagePassThroughs();
  }

  /** Copies the state of the suppliers of sweep positions from .. to - 1 into inputs. */
  private gatherInputs(from: number, to: number): void {
    if (this.inputs.length < STATE_STRIDE * (to - from)) this.inputs = new Float64Array(STATE_STRIDE * (to - from));
    const inputs = this.inputs;
    const state = this.sweepState!;
    const source = this.inColumns!.source;
    for (let p = from, at = 0; p < to; p++, at += STATE_STRIDE) {
      const s = STATE_STRIDE * source[p];
      inputs[at] = state[s];
      inputs[at + 1] = state[s + 1];
      inputs[at + 2] = state[s + 2];
    }
    this.inputsFrom = from;
  }

  /** Writes variable x's sweep state entry (at its active index k) from its scratch record. */
  private publish(x: number, k: number): void {
    const n = this.graph.nodeCount;
    const records = x < n ? this.node : this.port;
    const r = Slot.STRIDE * (x < n ? x : x - n);
    const state = this.sweepState!;
    const at = STATE_STRIDE * k;
    if (x < n ? this.isTouched(x) : this.isPortTouched(x - n)) {
      state[at] = records[r + Slot.DAY];
      state[at + 1] = records[r + Slot.VALUE] - records[r + Slot.BASE_VALUE];
      state[at + 2] = records[r + Slot.BASE_VALUE];
    } else {
      state[at] = Infinity;
      state[at + 1] = 0;
      state[at + 2] = this.baseVariableValue(x);
    }
  }

  /** inBlockedBits for this run's blockedList, the previous sweep's bits cleared. */
  private markBlockedPositions(): void {
    const { position } = this.inColumns!;
    this.inBlockedBits ??= new Uint32Array((this.graph.linkCount >>> 5) + 1);
    const bits = this.inBlockedBits;
    const marked = this.inBlockedPositions;
    if (marked.length * 32 > bits.length) bits.fill(0);
    else for (let k = 0; k < marked.length; k++) bits[marked.at(k) >>> 5] = 0;
    marked.clear();
    const blocked = this.blockedList;
    for (let k = 0; k < blocked.length; k++) {
      const j = position[blocked.at(k)];
      bits[j >>> 5] |= 1 << (j & 31);
      marked.push(j);
    }
  }

  private baseVariableValue(x: number): number {
    const n = this.graph.nodeCount;
    return x < n ? this.base.fraction[x] : this.base.portValue[x - n];
  }

  /**
   * Port q's §3/§5 counters and §4 supply sum from its inputs as they stand:
   * written into its record, which the caller reads back. `memberDay` gives
   * the stop days of a cyclic component's members (active indexes from `memberStart`),
   * while they are being found; `record` false only computes the counters.
   * Suppliers are read from `inputs`, which must hold the port's positions.
   */
  private pullInputs(q: number, memberDay: Float64Array | null, memberStart: number, record: boolean): void {
    const base = this.base;
    let count = base.portCount[q];
    let latest = 0;
    let latestLink = -1;
    let sum = base.portSum[q];
    let changed = false;
    const blocked = this.inBlockedBits!;
    const { shareAndDays, source: sources, portStart, link } = this.inColumns!;
    const inputs = this.inputs;
    const inputsFrom = this.inputsFrom;
    const first = portStart[q];
    const end = first + this.graph.portLinkStart[q + 1] - this.graph.portLinkStart[q];
    for (let j = first; j < end; j++) {
      if (base.inDelivers[j] === 0) continue;
      const source = sources[j];
      // The supplier's entry: whether it stopped, its change and its base value.
      const at = STATE_STRIDE * (j - inputsFrom);
      let day = inputs[at];
      if ((blocked[j >>> 5] & (1 << (j & 31))) !== 0) day = 0;
      else if (memberDay !== null && source >= memberStart && source < memberStart + memberDay.length) {
        day = memberDay[source - memberStart];
      }
      if (day < Infinity) {
        changed = true;
        count--;
        const runsOut = day + shareAndDays[2 * j + 1];
        if (runsOut < this.windowDays) sum -= shareAndDays[2 * j] * inputs[at + 2];
        if (runsOut >= latest) {
          latest = runsOut;
          latestLink = link[j];
        }
        if (record) this.failedLinks.push(link[j]);
        continue;
      }
      const delta = inputs[at + 1];
      if (delta !== 0) {
        sum += shareAndDays[2 * j] * delta;
        changed = true;
      }
    }
    this.pulled.count = count;
    this.pulled.latest = latest;
    this.pulled.sum = sum;
    if (!record || (!changed && !this.isPortTouched(q))) return;
    this.touchPort(q);
    const at = Slot.STRIDE * q;
    this.port[at + PortSlot.COUNT] = count;
    this.port[at + PortSlot.LATEST] = latest;
    this.port[at + PortSlot.LATEST_LINK] = latestLink;
    this.port[at + PortSlot.SUM] = sum;
  }

  private readonly pulled = { count: 0, latest: 0, sum: 0 };

  /** pullInputs with port q's inputs read now: within a cyclic component they change from round to round. */
  private pullFreshInputs(q: number, memberDay: Float64Array | null, memberStart: number, record: boolean): void {
    const first = this.inColumns!.portStart[q];
    this.gatherInputs(first, first + this.graph.portLinkStart[q + 1] - this.graph.portLinkStart[q]);
    this.pullInputs(q, memberDay, memberStart, record);
  }

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
      this.node[Slot.STRIDE * v + NodeSlot.FRACTION] = fraction;
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
      this.port[Slot.STRIDE * q + Slot.VALUE] = value;
    }
  }

  private markNodeFailed(v: number, day: number, causePort: number): void {
    this.touchNode(v);
    const r = Slot.STRIDE * v;
    this.node[r + NodeSlot.FLAGS] |= NodeFlag.FAILED;
    this.node[r + Slot.DAY] = day;
    this.node[r + NodeSlot.CAUSE_PORT] = causePort;
  }

  private markPortFailed(q: number, day: number): void {
    this.touchPort(q);
    this.port[Slot.STRIDE * q + Slot.DAY] = day;
    this.portStopped(q, day);
  }

  /**
   * A cyclic component (members in rank order, from active index
   * `memberStart`: a component's members hold consecutive ranks) during a
   * sweep: stop days by rounds of the pull rule from "all deliver" down to
   * the greatest fixed point (at most one round per member: each round
   * settles the member with the earliest day still open), then the
   * counters, then fractions by the component solver.
   */
  private sweepCycle(members: Int32Array, memberStart: number): void {
    // Earlier components queued customers the sweep has reached since: only this one's members may be queued.
    this.work.clear();
    const graph = this.graph;
    const base = this.base;
    const n = graph.nodeCount;
    const start = this.order.rank[members[0]];
    const size = members.length;
    const day = new Float64Array(size).fill(Infinity);
    const cause = new Int32Array(size).fill(-1);
    this.publishMembers(members, memberStart);
    for (let round = 0; round <= size; round++) {
      let moved = false;
      for (let k = 0; k < size; k++) {
        const x = members[k];
        let stop = Infinity;
        let stopPort = -1;
        if (x < n) {
          if (base.nodeAlive[x] === 1 && this.isDirect(x)) stop = 0;
          else if (base.nodeAlive[x] === 1) {
            for (let q = graph.nodePortStart[x]; q < graph.nodePortStart[x + 1]; q++) {
              this.pullFreshInputs(q, day, memberStart, false);
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
            this.pullFreshInputs(x - n, day, memberStart, false);
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
    for (let k = 0; k < size; k++) {
      const x = members[k];
      if (day[k] === Infinity) continue;
      if (x < n) this.markNodeFailed(x, day[k], this.isDirect(x) ? -1 : cause[k]);
      else this.markPortFailed(x - n, day[k]);
    }
    this.publishMembers(members, memberStart);
    for (const x of members) {
      if (x >= n) this.pullFreshInputs(x - n, null, 0, true);
      else
        for (let q = graph.nodePortStart[x]; q < graph.nodePortStart[x + 1]; q++)
          this.pullFreshInputs(q, null, 0, true);
    }
    const queued = Array.from(members);
    for (const x of queued) this.touchVariable(x);
    this.solveQueuedComponent(queued, start + size);
    this.publishMembers(members, memberStart);
  }

  private publishMembers(members: Int32Array, memberStart: number): void {
    for (let k = 0; k < members.length; k++) this.publish(members[k], memberStart + k);
  }
}
