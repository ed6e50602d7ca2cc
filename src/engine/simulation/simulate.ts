import { OutputLossAccumulator } from '../output-value';
import type { SupplyGraph } from '../supply-graph';
import { baselineFractionsOf } from './baseline-fractions';
import { BlockSets } from './block-sets';
import { DailyFlow, portNeedsOf } from './daily-flow';
import { findSimulationInputProblems } from './find-simulation-input-problems';
import { flowOrderOf } from './flow-order';
import { DEFAULT_RESTOCK_RATE, type SimulationEvent, type SimulationInput } from './simulation-input';
import type { SimulationDay, SimulationResult, WatchedSeries } from './simulation-result';
import { TrajectoryBook } from './trajectory-book';

/**
 * The day-by-day simulation of README §9: how a shock unfolds and heals
 * when blocks start and end on different days, capacity comes back in
 * steps, and stocks run down and are refilled at `restockRate`.
 *
 * Day 0 is computed in full; from then on only what changes is recomputed
 * (events, stocks whose change moves an available share, and what that
 * reaches downstream), and a day on which no fraction moves repeats the day
 * before without visiting any enterprise. With full stocks and everything at
 * its base, a day does no work at all.
 *
 * Input problems are a caller's error: check with
 * findSimulationInputProblems first; here they throw a RangeError.
 */
export function simulate(graph: SupplyGraph, input: SimulationInput): SimulationResult {
  const problems = findSimulationInputProblems(graph, input);
  if (problems.length > 0) {
    const listed = problems.slice(0, 10).map((p) => `${p.path}: ${p.message}`);
    const more = problems.length > 10 ? ` and ${problems.length - 10} more` : '';
    throw new RangeError(`Invalid simulation input: ${listed.join('; ')}${more}`);
  }
  const horizon = input.horizonDays;
  const restockRate = input.restockRate ?? DEFAULT_RESTOCK_RATE;
  const includeCurrentState = input.includeCurrentState ?? false;
  const n = graph.nodeCount;

  const order = flowOrderOf(graph);
  const needs = portNeedsOf(graph);
  const baseline = baselineFractionsOf(graph, includeCurrentState);
  const sets = new BlockSets(graph, includeCurrentState);
  const flow = new DailyFlow(graph, order, needs, sets.linkBlocked, sets.own, needs.target.slice());
  const book = new TrajectoryBook(graph, baseline, flow.fraction, flow.portValue);

  const eventsByDay: SimulationEvent[][] = Array.from({ length: horizon }, () => []);
  for (const event of input.events) eventsByDay[event.day].push(event);
  const watched = watchedSeries(graph, input.watch ?? [], baseline.fraction, horizon);

  const days: SimulationDay[] = [];
  const updatedOn = new Int32Array(n).fill(-1);
  let seeds: number[] = [];
  for (let t = 0; t < horizon; t++) {
    flow.beginDay(t);
    const { changedLinks, changedNodes } = sets.applyDay(eventsByDay[t]);
    const updated: number[] = [];
    const markUpdated = (v: number) => {
      if (updatedOn[v] === t) return;
      updatedOn[v] = t;
      updated.push(v);
    };
    if (t === 0) {
      flow.solveAll();
      flow.takeChanged();
      for (let v = 0; v < n; v++) markUpdated(v);
    } else {
      for (const l of changedLinks) flow.seedLinkTarget(l);
      for (const v of changedNodes) flow.seedNode(v);
      for (const x of seeds) flow.seed(x);
      flow.solve();
      for (const x of flow.takeChanged()) {
        const e = order.entity[x];
        markUpdated(e >= 0 ? e : graph.portNode[-e - 1]);
      }
      for (const v of changedNodes) markUpdated(v);
    }
    for (const v of updated) {
      if (graph.nodePassThrough[v] === 1) flow.refreshPassThrough(v);
      book.update(v, t);
    }
    // Nothing moved: the day repeats the one before, exactly.
    days.push(updated.length > 0 || t === 0 ? book.report(t, sets.direct) : { ...days[t - 1], day: t });
    for (const w of watched) w.series[t] = flow.fraction[w.index];
    seeds = flow.updateStocks(restockRate);
  }
  book.finish(horizon);

  const lostDays = new OutputLossAccumulator(graph);
  book.addLostDays(lostDays);
  const lostDaysTotals = lostDays.totals();
  const seriesByIndex = new Map(watched.map((w) => [w.index, w.series]));
  let peakDay: number | null = null;
  for (const day of days) {
    if (day.lostOutputValue > 0 && (peakDay === null || day.lostOutputValue > days[peakDay].lostOutputValue)) {
      peakDay = day.day;
    }
  }
  return {
    horizonDays: horizon,
    restockRate,
    days,
    trajectories: book.trajectories(horizon, seriesByIndex),
    watched,
    cumulativeLostOutputValue: sum(days, (d) => d.lostOutputValue),
    cumulativeLostTradeValue: sum(days, (d) => d.lostTradeValue),
    cumulativeDirectLostOutputValue: sum(days, (d) => d.directLostOutputValue),
    cumulativeIndirectLostOutputValue: sum(days, (d) => d.indirectLostOutputValue),
    cumulativeLostOutputByUnit: lostDaysTotals.lostOutputByUnit,
    unvaluedAffectedProducers: lostDaysTotals.unvaluedProducerCount,
    peakDay,
    converged: flow.converged,
  };
}

function watchedSeries(
  graph: SupplyGraph,
  ids: readonly string[],
  baseline: Float64Array,
  horizon: number,
): WatchedSeries[] {
  const seen = new Set<number>();
  const watched: WatchedSeries[] = [];
  for (const id of ids) {
    const index = graph.nodeIndex(id);
    if (seen.has(index)) continue;
    seen.add(index);
    watched.push({ index, id, baselineFraction: baseline[index], series: new Array<number>(horizon) });
  }
  return watched;
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += value(item);
  return total;
}
