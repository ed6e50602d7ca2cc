import type { SupplyGraph } from '../supply-graph';
import type { EnterpriseTrajectory, SimulationResult } from './simulation-result';

/**
 * Rows offset .. offset + limit - 1 of a simulation's trajectory table as
 * objects, with ids from the graph the simulation ran on and the daily
 * series of watched enterprises.
 */
export function listTrajectories(
  graph: SupplyGraph,
  result: SimulationResult,
  offset = 0,
  limit = Infinity,
): EnterpriseTrajectory[] {
  const table = result.trajectories;
  const series = new Map(result.watched.map((w) => [w.index, w.series]));
  const end = Math.min(table.count, offset + limit);
  const rows: EnterpriseTrajectory[] = [];
  for (let i = Math.max(0, offset); i < end; i++) {
    const v = table.index[i];
    const lostValue = table.lostValue[i];
    rows.push({
      index: v,
      id: graph.enterpriseId(v),
      passThrough: graph.nodePassThrough[v] === 1,
      baselineFraction: table.baselineFraction[i],
      firstAffectedDay: table.firstAffectedDay[i],
      firstStallDay: table.firstStallDay[i] < 0 ? null : table.firstStallDay[i],
      recoveredOnDay: table.recoveredOnDay[i] < 0 ? null : table.recoveredOnDay[i],
      minFraction: table.minFraction[i],
      lostValue: Number.isNaN(lostValue) ? null : lostValue,
      series: series.get(v) ?? null,
    });
  }
  return rows;
}
