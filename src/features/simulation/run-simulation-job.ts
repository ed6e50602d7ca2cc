import {
  findSimulationInputProblems,
  listTrajectories,
  simulate,
  type EnterpriseTrajectory,
  type SimulationDay,
  type SimulationInput,
  type SimulationInputProblem,
  type SimulationResult,
  type SupplyGraph,
  type WatchedSeries,
} from '../../engine';

/** Rows offset .. offset + limit - 1 of the trajectories, as a query's `trajectories(first, after)` asks. */
export interface TrajectoryPageNeed {
  offset: number;
  limit: number;
}

export interface SimulationJobArgs {
  input: SimulationInput;
  /** The pages of trajectories the query reads: they are built with the ids of the graph the job ran on. */
  pages: TrajectoryPageNeed[];
}

/** A simulation as the query reads it: the engine's result without its work counters and row table. */
export interface SimulationAnswer extends Omit<SimulationResult, 'days' | 'trajectories' | 'watched' | 'work'> {
  days: SimulationDay[];
  watched: WatchedSeries[];
  /** Every enterprise stalled or partial on some day. */
  trajectoryCount: number;
  pages: (TrajectoryPageNeed & { rows: EnterpriseTrajectory[] })[];
}

/** What a simulation job hands back: the answer, or every problem of its input. Plain data, structured-clonable. */
export type SimulationJobOutcome =
  { ok: true; answer: SimulationAnswer } | { ok: false; problems: SimulationInputProblem[] };

/**
 * The whole engine work of one simulation, as one pure function of a graph
 * and plain arguments: it checks the input against the graph, runs it, and
 * builds the trajectory pages asked for with that graph's ids. It reads
 * nothing else and its outcome is plain data, so it runs unchanged on a
 * worker thread, like the other engine jobs.
 */
export function runSimulationJob(graph: SupplyGraph, { input, pages }: SimulationJobArgs): SimulationJobOutcome {
  const problems = findSimulationInputProblems(graph, input);
  if (problems.length > 0) return { ok: false, problems };
  const result = simulate(graph, input);
  const { trajectories, work: _work, ...answer } = result;
  return {
    ok: true,
    answer: {
      ...answer,
      trajectoryCount: trajectories.count,
      pages: pages.map((page) => ({ ...page, rows: listTrajectories(graph, result, page.offset, page.limit) })),
    },
  };
}
