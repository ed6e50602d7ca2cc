import { scenarioScope, scopedId } from '../impact/scenario-scope';
import { findSimulationInputProblems, type SimulationInput } from '../../engine';
import { badUserInput, type InputProblem } from '../../platform/graphql/user-errors';
import type { JobRunner } from '../engine-runtime/engine-job';
import type { TrajectoryPageNeed } from './run-simulation-job';
import type { SIMULATION_JOBS } from './simulation.jobs';
import type { EnterpriseTrajectoryType, SimulationResultType } from './simulation.type';

/** What the simulation service needs of the engine runtime: its job, run on a current graph. */
export type SimulationEngine = JobRunner<typeof SIMULATION_JOBS>;

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
 * The engine work is one job (runSimulationJob) of the graph and plain
 * arguments, run on the engine's worker threads (SIMULATION_JOBS); this
 * service takes the current graph version, refuses inputs with
 * problems (BAD_USER_INPUT naming each) and hands the answer to the
 * resolvers. Nothing here writes.
 */
export class SimulationService {
  constructor(private readonly engine: SimulationEngine) {}

  /**
   * Runs the simulation on the current graph, building the trajectory pages
   * asked for; problems are refused with their paths under `at`.
   */
  async simulate(input: SimulationInput, pages: TrajectoryPageNeed[] = [], at = ''): Promise<SimulationResultType> {
    const { version, result: outcome } = await this.engine.evaluate('simulate', { input, pages });
    if (!outcome.ok) refuse(outcome.problems, at);
    const { answer } = outcome;
    return {
      graphVersion: version,
      scope: scenarioScope('simulation', version, input),
      horizonDays: answer.horizonDays,
      restockRate: answer.restockRate,
      days: answer.days,
      cumulativeLostOutputValue: answer.cumulativeLostOutputValue,
      cumulativeLostTradeValue: answer.cumulativeLostTradeValue,
      cumulativeDirectLostOutputValue: answer.cumulativeDirectLostOutputValue,
      cumulativeIndirectLostOutputValue: answer.cumulativeIndirectLostOutputValue,
      cumulativeLostOutputByUnit: answer.cumulativeLostOutputByUnit,
      unvaluedAffectedProducers: answer.unvaluedAffectedProducers,
      peakDay: answer.peakDay,
      converged: answer.converged,
      answer,
      input,
    };
  }

  /** Refuses an input with problems against the current graph, without running it (a cheap check). */
  async validate(input: SimulationInput, at = ''): Promise<void> {
    const { graph } = await this.engine.snapshot();
    const problems = findSimulationInputProblems(graph, input);
    if (problems.length > 0) refuse(problems, at);
  }

  /**
   * Rows offset .. offset + count - 1 of the trajectories: from the pages
   * the job built, or (a page the query's arguments did not show beforehand)
   * by running the simulation again for it.
   */
  async trajectories(report: SimulationResultType, offset: number, count: number): Promise<EnterpriseTrajectoryType[]> {
    let page = report.answer.pages.find((p) => p.offset === offset && p.limit >= count);
    if (!page) {
      const again = await this.simulate(report.input, [{ offset, limit: count }]);
      page = again.answer.pages[0];
    }
    return page.rows.slice(0, count).map((row) => ({
      id: scopedId(report.scope, row.id),
      enterpriseId: row.id,
      passThrough: row.passThrough,
      baselineFraction: row.baselineFraction,
      firstAffectedDay: row.firstAffectedDay,
      firstStallDay: row.firstStallDay,
      recoveredOnDay: row.recoveredOnDay,
      minFraction: row.minFraction,
      lostOutputValue: row.passThrough ? null : row.lostValue,
      lostTradeValue: row.passThrough ? row.lostValue : null,
      series: row.series,
    }));
  }
}
