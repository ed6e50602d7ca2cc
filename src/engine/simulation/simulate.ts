import { OutputLossAccumulator } from '../output-value';
import type { SupplyGraph } from '../supply-graph';
import { baselineFractionsOf } from './baseline-fractions';
import { BlockSets } from './block-sets';
import { findSimulationInputProblems } from './find-simulation-input-problems';
import { flowOrderOf } from './flow-order';
import { initialDifferencesOf, initialFlowOf } from './initial-flow';
import { DEFAULT_RESTOCK_RATE, type SimulationEvent, type SimulationInput } from './simulation-input';
import type { SimulationDay, SimulationResult, SimulationWork, WatchedSeries } from './simulation-result';
import { TrajectoryBook } from './trajectory-book';

/**
 * The day-by-day simulation of README §9: how a shock unfolds and heals
 * when blocks start and end on different days, capacity comes back in
 * steps, and stocks run down and are refilled at `restockRate`.
 *
 * Every simulation starts from the base solved once per graph (full stocks,
 * no events) and recomputes only what changes: what the day's events touch,
 * stocks whose change moves an available share, and what that reaches
 * downstream. A day on which no fraction moves repeats the day before
 * without visiting any enterprise; with full stocks and everything at its
 * base, a day does no work at all.
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
  const baseline = baselineFractionsOf(graph, includeCurrentState);
  const initial = initialFlowOf(graph, includeCurrentState);
  const differing = initialDifferencesOf(graph, includeCurrentState);
  const sets = new BlockSets(graph, includeCurrentState);
  const flow = initial.cloneFor(sets.linkBlocked, sets.own, restockRate, horizon);
  const book = new TrajectoryBook(graph, baseline, flow.fraction, flow.portValue);

  const eventsByDay: SimulationEvent[][] = Array.from({ length: horizon }, () => []);
  for (const event of input.events) eventsByDay[event.day].push(event);
  const watched = watchedSeries(graph, input.watch ?? [], baseline.fraction, horizon);

  const days: SimulationDay[] = [];
  const work: SimulationWork = { flowVertices: order.vertexCount, recomputations: [], stockUpdates: [] };
  const updatedOn = new Int32Array(n).fill(-1);
  let seeds: readonly number[] = [];
  for (let t = 0; t < horizon; t++) {
    flow.beginDay(t);
    const { changedLinks, changedNodes } = sets.applyDay(eventsByDay[t]);
    const updated: number[] = [];
    const markUpdated = (v: number) => {
      if (updatedOn[v] === t) return;
      updatedOn[v] = t;
      updated.push(v);
    };
    // Day 0 starts from the memoised solved base: what differs from f_base there is listed once.
    if (t === 0) for (const v of differing) markUpdated(v);
    for (const l of changedLinks) flow.seedLinkTarget(l);
    for (const v of changedNodes) flow.seedNode(v);
    for (const x of seeds) flow.seed(x);
    flow.solve();
    for (const x of flow.changedToday()) {
      const e = order.entity[x];
      markUpdated(e >= 0 ? e : graph.portNode[-e - 1]);
    }
    for (const v of changedNodes) markUpdated(v);
    for (const v of updated) {
      flow.refreshNode(v);
      book.update(v, t);
    }
    // Nothing moved: the day repeats the one before, exactly.
    days.push(updated.length > 0 || t === 0 ? book.report(t, sets.direct) : { ...days[t - 1], day: t });
    for (const w of watched) w.series[t] = flow.fraction[w.index];
    const recomputations = flow.recomputations;
    const stockUpdates = flow.stockUpdates;
    seeds = flow.updateStocks();
    work.recomputations.push(recomputations);
    work.stockUpdates.push(flow.stockUpdates - stockUpdates);
    flow.recomputations = 0;
  }
  book.finish(horizon);

  const lostDays = new OutputLossAccumulator(graph);
  book.addLostDays(lostDays);
  const lostDaysTotals = lostDays.totals();
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
    trajectories: book.table(horizon),
    watched,
    cumulativeLostOutputValue: sum(days, (d) => d.lostOutputValue),
    cumulativeLostTradeValue: sum(days, (d) => d.lostTradeValue),
    cumulativeDirectLostOutputValue: sum(days, (d) => d.directLostOutputValue),
    cumulativeIndirectLostOutputValue: sum(days, (d) => d.indirectLostOutputValue),
    cumulativeLostOutputByUnit: lostDaysTotals.lostOutputByUnit,
    unvaluedAffectedProducers: lostDaysTotals.unvaluedProducerCount,
    peakDay,
    converged: flow.converged,
    work,
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
