import type { LostOutputByUnit } from '../output-value';

/** One day of a simulation (§9); values in CNY for that day. */
export interface SimulationDay {
  day: number;
  stalledCount: number;
  /** Not stalled, and the fraction below the baseline by more than 1e-6. */
  partialCount: number;
  /** §8 over producers: dailyOutputValue x (f_base - f) summed. */
  lostOutputValue: number;
  /** §8 over pass-throughs, apart from lostOutputValue. */
  lostTradeValue: number;
  /** The part of lostOutputValue lost by producers down that day or set below their base capacity. */
  directLostOutputValue: number;
  /** The rest: loss that travelled along the chain. */
  indirectLostOutputValue: number;
  /** Stalled or partial producers that day without a dailyOutputValue (§8 coverage). */
  unvaluedAffectedProducers: number;
}

/**
 * Every enterprise stalled or partial on some day, one row each, as columns
 * (cheap to build, page and send between threads; materialise rows with
 * listTrajectories). Rows are ordered by first affected day, then by
 * cumulative lost value (largest first, unknown last), then by enterprise
 * index.
 */
export interface TrajectoryTable {
  count: number;
  /** The enterprise's index in the graph. */
  index: Int32Array;
  firstAffectedDay: Int32Array;
  /** -1: never stalled. */
  firstStallDay: Int32Array;
  /** -1: still stalled or partial on the last day. */
  recoveredOnDay: Int32Array;
  minFraction: Float64Array;
  baselineFraction: Float64Array;
  /** NaN: no dailyOutputValue. */
  lostValue: Float64Array;
}

/** One row of a TrajectoryTable, with the enterprise's id and, when watched, its daily series. */
export interface EnterpriseTrajectory {
  index: number;
  id: string;
  passThrough: boolean;
  /** f_base: the §4 fraction of the base, without events. */
  baselineFraction: number;
  /** First day it was stalled or partial. */
  firstAffectedDay: number;
  /** First day it was stalled; null if never. */
  firstStallDay: number | null;
  /** d + 1 for the last day d it was stalled or partial; null when d is the last day of the horizon. */
  recoveredOnDay: number | null;
  minFraction: number;
  /**
   * Cumulative lost value over the horizon, CNY: output value for a producer,
   * trade value for a pass-through (§8); null without a dailyOutputValue.
   */
  lostValue: number | null;
  /** The fraction on every day, for watched enterprises only. */
  series: number[] | null;
}

/** A watched enterprise's fraction on every day, affected or not. */
export interface WatchedSeries {
  index: number;
  id: string;
  baselineFraction: number;
  series: number[];
}

export interface SimulationResult {
  horizonDays: number;
  restockRate: number;
  days: SimulationDay[];
  /** Every enterprise stalled or partial on some day. */
  trajectories: TrajectoryTable;
  /** In the order first named in `watch`. */
  watched: WatchedSeries[];
  /** Sum of the days' lostOutputValue. */
  cumulativeLostOutputValue: number;
  cumulativeLostTradeValue: number;
  cumulativeDirectLostOutputValue: number;
  cumulativeIndirectLostOutputValue: number;
  /** Physical output lost over the horizon by producers, per unit (dailyCapacity x lost days). */
  cumulativeLostOutputByUnit: LostOutputByUnit[];
  /** Producers among the trajectories without a dailyOutputValue. */
  unvaluedAffectedProducers: number;
  /** The day with the largest lostOutputValue (the earliest of ties); null when no day loses anything. */
  peakDay: number | null;
  /** False when some day's fractions hit the iteration cap inside a cycle before settling. */
  converged: boolean;
  /** How much work each day took: shows that only what changes is recomputed. Not part of §9. */
  work: SimulationWork;
}

/** Per day: flow vertices (producers, pass-through products) recomputed and port stocks updated. */
export interface SimulationWork {
  flowVertices: number;
  recomputations: number[];
  stockUpdates: number[];
}
