import { OutputLossAccumulator } from '../output-value';
import type { SupplyGraph } from '../supply-graph';
import type { BaselineFractions } from './baseline-fractions';
import type { SimulationDay, TrajectoryTable } from './simulation-result';

/** A fraction this far below the baseline makes an enterprise partial (§9). */
export const PARTIAL_MARGIN = 1e-6;

/** Per-enterprise record: fields at v * FIELDS + field, so that one enterprise's record shares a cache line. */
const FIELDS = 8;
/** Day the current segment began. */
const SEGMENT_START = 0;
/** f_base - f during the current segment. */
const LOST_SHARE = 1;
/** Lost share summed over the closed segments' days: lost normal days. */
const LOST_SHARE_DAYS = 2;
/** dailyOutputValue x LOST_SHARE (0 without a value): the loss per day of the current segment. */
const DAY_LOSS = 3;
const MIN_FRACTION = 4;
const FIRST_AFFECTED = 5;
const FIRST_STALL = 6;
const LAST_AFFECTED = 7;

// Flags per enterprise.
const STALLED = 1;
/** Stalled or partial. */
const AFFECTED = 2;
/** In the list of enterprises away from their baseline. */
const LISTED = 4;
const EVER_LISTED = 8;
const PASS_THROUGH = 16;
/** No dailyOutputValue. */
const UNVALUED = 32;

/**
 * The per-enterprise record of a simulation, kept as segments: an
 * enterprise's state is constant between the days it changes, so a change
 * on day t closes the segment that began at its previous change, and the
 * cumulative loss grows by the segment's per-day loss times its length.
 * Only enterprises away from their baseline are listed for the daily totals.
 */
export class TrajectoryBook {
  private readonly record: Float64Array;
  private readonly flags: Uint8Array;
  /** Enterprises whose current segment loses (or gains) something or stalls. */
  private deviating: number[] = [];
  /** Every enterprise ever affected. */
  private readonly affected: number[] = [];
  /** Every enterprise ever away from its baseline. */
  private readonly everDeviating: number[] = [];

  constructor(
    private readonly graph: SupplyGraph,
    private readonly baseline: BaselineFractions,
    private readonly fraction: Float64Array,
    private readonly portValue: Float64Array,
  ) {
    const n = graph.nodeCount;
    this.record = new Float64Array(n * FIELDS);
    this.flags = new Uint8Array(n);
    for (let v = 0; v < n; v++) {
      const r = v * FIELDS;
      this.record[r + MIN_FRACTION] = baseline.fraction[v];
      this.record[r + FIRST_AFFECTED] = -1;
      this.record[r + FIRST_STALL] = -1;
      this.record[r + LAST_AFFECTED] = -1;
      this.flags[v] =
        (graph.nodePassThrough[v] === 1 ? PASS_THROUGH : 0) |
        (Number.isNaN(graph.nodeDailyOutputValue[v]) ? UNVALUED : 0);
    }
  }

  /** Enterprise v's fraction (or a pass-through's port values) may have changed on day t. */
  update(v: number, t: number): void {
    const record = this.record;
    const r = v * FIELDS;
    this.closeSegment(v, t);
    const base = this.baseline.fraction[v];
    const f = this.fraction[v];
    const stalled = this.isStalled(v, base, f);
    const affected = stalled || f < base - PARTIAL_MARGIN;
    const share = base - f;
    const value = this.graph.nodeDailyOutputValue[v];
    record[r + LOST_SHARE] = share;
    record[r + DAY_LOSS] = Number.isNaN(value) ? 0 : value * share;
    let flags = (this.flags[v] & ~(STALLED | AFFECTED)) | (stalled ? STALLED : 0) | (affected ? AFFECTED : 0);
    if (affected && record[r + FIRST_AFFECTED] < 0) {
      record[r + FIRST_AFFECTED] = t;
      this.affected.push(v);
    }
    if (stalled && record[r + FIRST_STALL] < 0) record[r + FIRST_STALL] = t;
    if (f < record[r + MIN_FRACTION]) record[r + MIN_FRACTION] = f;
    if ((share !== 0 || stalled) && (flags & LISTED) === 0) {
      flags |= LISTED;
      this.deviating.push(v);
      if ((flags & EVER_LISTED) === 0) {
        flags |= EVER_LISTED;
        this.everDeviating.push(v);
      }
    }
    this.flags[v] = flags;
  }

  /**
   * The day's totals over the enterprises away from their baseline; `direct`
   * flags the enterprises whose loss counts as direct that day. Drops those
   * back at their baseline from the list.
   */
  report(t: number, direct: Uint8Array): SimulationDay {
    const record = this.record;
    const flagsOf = this.flags;
    let stalledCount = 0;
    let partialCount = 0;
    let directLoss = 0;
    let indirectLoss = 0;
    let tradeLoss = 0;
    let unvalued = 0;
    const list = this.deviating;
    let kept = 0;
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      const flags = flagsOf[v];
      const r = v * FIELDS;
      if (record[r + LOST_SHARE] === 0 && (flags & STALLED) === 0) {
        flagsOf[v] = flags & ~LISTED;
        continue;
      }
      list[kept++] = v;
      if ((flags & STALLED) !== 0) stalledCount++;
      else if ((flags & AFFECTED) !== 0) partialCount++;
      const loss = record[r + DAY_LOSS];
      if ((flags & PASS_THROUGH) !== 0) tradeLoss += loss;
      else {
        if (direct[v] === 1) directLoss += loss;
        else indirectLoss += loss;
        if ((flags & (AFFECTED | UNVALUED)) === (AFFECTED | UNVALUED)) unvalued++;
      }
    }
    list.length = kept;
    return {
      day: t,
      stalledCount,
      partialCount,
      lostOutputValue: directLoss + indirectLoss,
      lostTradeValue: tradeLoss,
      directLostOutputValue: directLoss,
      indirectLostOutputValue: indirectLoss,
      unvaluedAffectedProducers: unvalued,
    };
  }

  /** Closes every open segment at the end of the horizon. */
  finish(horizonDays: number): void {
    for (const v of this.deviating) this.closeSegment(v, horizonDays);
  }

  /**
   * Every enterprise affected on some day, as columns; call after finish.
   * Rows by first affected day, then cumulative lost value (largest first,
   * unknown last), then enterprise index.
   */
  table(horizonDays: number): TrajectoryTable {
    const record = this.record;
    const graph = this.graph;
    const count = this.affected.length;
    // Sort keys side by side in row-candidate order, so that the comparisons read compact arrays.
    const node = Int32Array.from(this.affected);
    const day = new Int32Array(count);
    const lost = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const r = node[i] * FIELDS;
      day[i] = record[r + FIRST_AFFECTED];
      lost[i] = graph.nodeDailyOutputValue[node[i]] * record[r + LOST_SHARE_DAYS];
    }
    const order = new Int32Array(count);
    for (let i = 0; i < count; i++) order[i] = i;
    order.sort((a, b) => {
      if (day[a] !== day[b]) return day[a] - day[b];
      const lostA = lost[a];
      const lostB = lost[b];
      if (lostA !== lostB) {
        if (Number.isNaN(lostA)) return Number.isNaN(lostB) ? node[a] - node[b] : 1;
        if (Number.isNaN(lostB)) return -1;
        return lostB > lostA ? 1 : -1;
      }
      return node[a] - node[b];
    });
    const table: TrajectoryTable = {
      count,
      index: new Int32Array(count),
      firstAffectedDay: new Int32Array(count),
      firstStallDay: new Int32Array(count),
      recoveredOnDay: new Int32Array(count),
      minFraction: new Float64Array(count),
      baselineFraction: new Float64Array(count),
      lostValue: new Float64Array(count),
    };
    for (let row = 0; row < count; row++) {
      const i = order[row];
      const v = node[i];
      const r = v * FIELDS;
      const last = record[r + LAST_AFFECTED];
      table.index[row] = v;
      table.firstAffectedDay[row] = day[i];
      table.firstStallDay[row] = record[r + FIRST_STALL];
      table.recoveredOnDay[row] = last === horizonDays - 1 ? -1 : last + 1;
      table.minFraction[row] = record[r + MIN_FRACTION];
      table.baselineFraction[row] = this.baseline.fraction[v];
      table.lostValue[row] = lost[i];
    }
    return table;
  }

  /** Lost normal days (f_base - f summed over days) of every enterprise, for totals over the horizon. */
  addLostDays(accumulator: OutputLossAccumulator): void {
    for (const v of this.everDeviating) {
      accumulator.add(v, this.record[v * FIELDS + LOST_SHARE_DAYS], this.record[v * FIELDS + FIRST_AFFECTED] >= 0);
    }
  }

  private closeSegment(v: number, t: number): void {
    const record = this.record;
    const r = v * FIELDS;
    const days = t - record[r + SEGMENT_START];
    if (days > 0) {
      record[r + LOST_SHARE_DAYS] += record[r + LOST_SHARE] * days;
      if ((this.flags[v] & AFFECTED) !== 0) record[r + LAST_AFFECTED] = t - 1;
    }
    record[r + SEGMENT_START] = t;
  }

  /**
   * §9: f = 0 while f_base > 0; for a pass-through, every product it puts out
   * in the baseline is at 0.
   */
  private isStalled(v: number, base: number, f: number): boolean {
    const graph = this.graph;
    const start = graph.nodePortStart[v];
    const end = graph.nodePortStart[v + 1];
    if (graph.nodePassThrough[v] === 0 || start === end) return f === 0 && base > 0;
    let putOut = false;
    for (let q = start; q < end; q++) {
      if (this.baseline.portValue[q] === 0) continue;
      if (this.portValue[q] !== 0) return false;
      putOut = true;
    }
    return putOut;
  }
}
