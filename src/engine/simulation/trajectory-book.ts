import { OutputLossAccumulator } from '../output-value';
import type { SupplyGraph } from '../supply-graph';
import type { BaselineFractions } from './baseline-fractions';
import type { SimulationDay, EnterpriseTrajectory } from './simulation-result';

/** A fraction this far below the baseline makes an enterprise partial (§9). */
export const PARTIAL_MARGIN = 1e-6;

/**
 * The per-enterprise record of a simulation, kept as segments: an
 * enterprise's state is constant between the days it changes, so a change
 * on day t closes the segment that began at its previous change, and the
 * cumulative loss grows by the segment's per-day loss times its length.
 * Only enterprises away from their baseline are listed for the daily totals.
 */
export class TrajectoryBook {
  private readonly segmentStart: Int32Array;
  /** f_base - f of the current segment. */
  private readonly lostShare: Float64Array;
  /** Bit 1: stalled; bit 2: stalled or partial. */
  private readonly state: Uint8Array;
  private readonly lostShareDays: Float64Array;
  private readonly firstAffectedDay: Int32Array;
  private readonly firstStallDay: Int32Array;
  private readonly lastAffectedDay: Int32Array;
  private readonly minFraction: Float64Array;
  private readonly listed: Uint8Array;
  private readonly everListed: Uint8Array;
  /** Enterprises whose current segment loses (or gains) something or stalls. */
  private deviating: number[] = [];
  /** Every enterprise ever affected, in the order first affected. */
  private readonly affected: number[] = [];
  /** Every enterprise ever away from its baseline. */
  private readonly everDeviating: number[] = [];
  private readonly direct: OutputLossAccumulator;
  private readonly indirect: OutputLossAccumulator;

  constructor(
    private readonly graph: SupplyGraph,
    private readonly baseline: BaselineFractions,
    private readonly fraction: Float64Array,
    private readonly portValue: Float64Array,
  ) {
    const n = graph.nodeCount;
    this.segmentStart = new Int32Array(n);
    this.lostShare = new Float64Array(n);
    this.state = new Uint8Array(n);
    this.lostShareDays = new Float64Array(n);
    this.firstAffectedDay = new Int32Array(n).fill(-1);
    this.firstStallDay = new Int32Array(n).fill(-1);
    this.lastAffectedDay = new Int32Array(n).fill(-1);
    this.minFraction = baseline.fraction.slice();
    this.listed = new Uint8Array(n);
    this.everListed = new Uint8Array(n);
    this.direct = new OutputLossAccumulator(graph);
    this.indirect = new OutputLossAccumulator(graph);
  }

  /** Enterprise v's fraction (or a pass-through's port values) may have changed on day t. */
  update(v: number, t: number): void {
    this.closeSegment(v, t);
    const base = this.baseline.fraction[v];
    const f = this.fraction[v];
    const stalled = this.isStalled(v, base, f);
    const affected = stalled || f < base - PARTIAL_MARGIN;
    const share = base - f;
    this.lostShare[v] = share;
    this.state[v] = (stalled ? 1 : 0) | (affected ? 2 : 0);
    if (affected && this.firstAffectedDay[v] < 0) {
      this.firstAffectedDay[v] = t;
      this.affected.push(v);
    }
    if (stalled && this.firstStallDay[v] < 0) this.firstStallDay[v] = t;
    if (f < this.minFraction[v]) this.minFraction[v] = f;
    if ((share !== 0 || stalled) && this.listed[v] === 0) {
      this.listed[v] = 1;
      this.deviating.push(v);
      if (this.everListed[v] === 0) {
        this.everListed[v] = 1;
        this.everDeviating.push(v);
      }
    }
  }

  /**
   * The day's totals over the enterprises away from their baseline; `direct`
   * flags the enterprises whose loss counts as direct that day. Drops those
   * back at their baseline from the list.
   */
  report(t: number, direct: Uint8Array): SimulationDay {
    let stalledCount = 0;
    let partialCount = 0;
    this.direct.clear();
    this.indirect.clear();
    const kept: number[] = [];
    for (const v of this.deviating) {
      const share = this.lostShare[v];
      const state = this.state[v];
      if (share === 0 && state === 0) {
        this.listed[v] = 0;
        continue;
      }
      kept.push(v);
      if ((state & 1) !== 0) stalledCount++;
      else if ((state & 2) !== 0) partialCount++;
      (direct[v] === 1 ? this.direct : this.indirect).add(v, share, state !== 0);
    }
    this.deviating = kept;
    const directLoss = this.direct.lostOutputValue;
    const indirectLoss = this.indirect.lostOutputValue;
    return {
      day: t,
      stalledCount,
      partialCount,
      lostOutputValue: directLoss + indirectLoss,
      lostTradeValue: this.direct.lostTradeValue + this.indirect.lostTradeValue,
      directLostOutputValue: directLoss,
      indirectLostOutputValue: indirectLoss,
      unvaluedAffectedProducers: this.direct.unvaluedProducerCount + this.indirect.unvaluedProducerCount,
    };
  }

  /** Closes every open segment at the end of the horizon. */
  finish(horizonDays: number): void {
    for (const v of this.deviating) this.closeSegment(v, horizonDays);
  }

  /** Every enterprise affected on some day, by first affected day then id; call after finish. */
  trajectories(horizonDays: number, series: Map<number, number[]>): EnterpriseTrajectory[] {
    const graph = this.graph;
    const list = this.affected.map((v): EnterpriseTrajectory => {
      const value = graph.nodeDailyOutputValue[v];
      const last = this.lastAffectedDay[v];
      const firstStall = this.firstStallDay[v];
      return {
        index: v,
        id: graph.enterpriseId(v),
        passThrough: graph.nodePassThrough[v] === 1,
        baselineFraction: this.baseline.fraction[v],
        firstAffectedDay: this.firstAffectedDay[v],
        firstStallDay: firstStall < 0 ? null : firstStall,
        recoveredOnDay: last === horizonDays - 1 ? null : last + 1,
        minFraction: this.minFraction[v],
        lostValue: Number.isNaN(value) ? null : value * this.lostShareDays[v],
        series: series.get(v) ?? null,
      };
    });
    return list.sort((a, b) => a.firstAffectedDay - b.firstAffectedDay || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Lost normal days (f_base - f summed over days) of every enterprise, for totals over the horizon. */
  addLostDays(accumulator: OutputLossAccumulator): void {
    for (const v of this.everDeviating) accumulator.add(v, this.lostShareDays[v], this.firstAffectedDay[v] >= 0);
  }

  private closeSegment(v: number, t: number): void {
    const days = t - this.segmentStart[v];
    if (days > 0) {
      this.lostShareDays[v] += this.lostShare[v] * days;
      if ((this.state[v] & 2) !== 0) this.lastAffectedDay[v] = t - 1;
    }
    this.segmentStart[v] = t;
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
