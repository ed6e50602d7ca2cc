import {
  findSimulationInputProblems,
  listTrajectories,
  type EnterpriseTrajectory,
  type SimulationInput,
  type SupplyGraph,
} from '../../engine';
import { badUserInput, type InputProblem } from '../../platform/graphql/user-errors';
import type { GraphSnapshotCache } from '../impact/graph-snapshot-cache';
import { runSimulationJob, type SimulationJobOutcome } from './run-simulation-job';
import type { EnterpriseTrajectoryType, SimulationResultType } from './simulation.type';

/** Runs a simulation job on a graph; today on this thread, later on the engine's worker pool. */
export type SimulationJobRunner = (graph: SupplyGraph, input: SimulationInput) => Promise<SimulationJobOutcome>;

const runOnThisThread: SimulationJobRunner = (graph, input) => Promise.resolve(runSimulationJob(graph, input));

/** Problems listed in the message before "and N more". */
const LISTED_PROBLEMS = 5;

/** The refusal of an input with problems, each path under `at` (e.g. `timeline`) when given. */
function refuse(problems: readonly InputProblem[], at: string): never {
  const located = problems.map((p) => ({ path: at ? `${at}.${p.path}` : p.path, message: p.message }));
  const listed = located.slice(0, LISTED_PROBLEMS).map((p) => `${p.path} ${p.message}`);
  const more = located.length > LISTED_PROBLEMS ? `, and ${located.length - LISTED_PROBLEMS} more` : '';
  throw badUserInput(`The simulation input has ${located.length} problem(s): ${listed.join('; ')}${more}`, located);
}

/**
 * Day-by-day simulations (§9) over the engine's index of the current graph.
 * The engine work is one job (runSimulationJob) of the snapshot and a plain
 * input; this service resolves the snapshot, refuses inputs with problems
 * (BAD_USER_INPUT naming each) and pages the result. Nothing here writes.
 */
export class SimulationService {
  constructor(
    private readonly snapshots: GraphSnapshotCache,
    private readonly runJob: SimulationJobRunner = runOnThisThread,
  ) {}

  /** Runs the simulation on the current graph; problems are refused with their paths under `at`. */
  async simulate(input: SimulationInput, at = ''): Promise<SimulationResultType> {
    const { graph, version } = await this.snapshots.current();
    const outcome = await this.runJob(graph, input);
    if (!outcome.ok) refuse(outcome.problems, at);
    const { result } = outcome;
    return {
      graphVersion: version,
      horizonDays: result.horizonDays,
      restockRate: result.restockRate,
      days: result.days,
      cumulativeLostOutputValue: result.cumulativeLostOutputValue,
      cumulativeLostTradeValue: result.cumulativeLostTradeValue,
      cumulativeDirectLostOutputValue: result.cumulativeDirectLostOutputValue,
      cumulativeIndirectLostOutputValue: result.cumulativeIndirectLostOutputValue,
      cumulativeLostOutputByUnit: result.cumulativeLostOutputByUnit,
      unvaluedAffectedProducers: result.unvaluedAffectedProducers,
      peakDay: result.peakDay,
      converged: result.converged,
      result,
      graph,
    };
  }

  /** Refuses an input with problems against the current graph, without running it. */
  async validate(input: SimulationInput, at = ''): Promise<void> {
    const { graph } = await this.snapshots.current();
    const problems = findSimulationInputProblems(graph, input);
    if (problems.length > 0) refuse(problems, at);
  }

  /** Rows offset .. offset + limit - 1 of the trajectories, built only for that page. */
  trajectories(report: SimulationResultType, offset: number, limit: number): EnterpriseTrajectoryType[] {
    return listTrajectories(report.graph, report.result, offset, limit).map(toTrajectoryType);
  }
}

function toTrajectoryType(row: EnterpriseTrajectory): EnterpriseTrajectoryType {
  return {
    id: row.id,
    passThrough: row.passThrough,
    baselineFraction: row.baselineFraction,
    firstAffectedDay: row.firstAffectedDay,
    firstStallDay: row.firstStallDay,
    recoveredOnDay: row.recoveredOnDay,
    minFraction: row.minFraction,
    lostOutputValue: row.passThrough ? null : row.lostValue,
    lostTradeValue: row.passThrough ? row.lostValue : null,
    series: row.series,
  };
}
