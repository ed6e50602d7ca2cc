import {
  findSimulationInputProblems,
  simulate,
  type SimulationInput,
  type SimulationInputProblem,
  type SimulationResult,
  type SupplyGraph,
} from '../../engine';

/** What a simulation job hands back: the result, or every problem of its input. Plain data, structured-clonable. */
export type SimulationJobOutcome =
  { ok: true; result: SimulationResult } | { ok: false; problems: SimulationInputProblem[] };

/**
 * The whole engine work of one simulation, as one pure function of a graph
 * and a plain input: it checks the input against the graph and runs it. It
 * reads nothing else and its outcome is plain data (typed arrays included),
 * so it can run on a worker thread unchanged, like the other engine jobs.
 */
export function runSimulationJob(graph: SupplyGraph, input: SimulationInput): SimulationJobOutcome {
  const problems = findSimulationInputProblems(graph, input);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, result: simulate(graph, input) };
}
