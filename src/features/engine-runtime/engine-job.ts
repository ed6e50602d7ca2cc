import type { SupplyGraph } from '../../engine';

/**
 * Which workers may run a job. Short jobs (one impact, an alternative route)
 * may run on any worker; long ones (rankings, plans, simulations, impacts of
 * whole regions or modes) on all but one, so a short job never waits behind
 * a long one (see WorkerPool).
 */
export type JobLane = 'short' | 'long';

/**
 * Work for the engine's worker threads: a plain function of the graph and
 * plain arguments to a plain result. Arguments and results cross threads by
 * structured clone, so they hold data only (no functions, no class instances).
 */
export interface EngineJob<Args, Result> {
  lane: JobLane | ((args: Args) => JobLane);
  run(graph: SupplyGraph, args: Args): Result;
}

/** The jobs a worker can run, by name. */
export type JobTable = Record<string, EngineJob<never, unknown>>;

export type JobArgs<J> = J extends EngineJob<infer A, unknown> ? A : never;
export type JobResult<J> = J extends EngineJob<never, infer R> ? R : never;

/** Declares a job with its types inferred. */
export function defineJob<Args, Result>(job: EngineJob<Args, Result>): EngineJob<Args, Result> {
  return job;
}

/** The lane a job runs in for these arguments. */
export function laneOf<Args>(job: EngineJob<Args, unknown>, args: Args): JobLane {
  return typeof job.lane === 'function' ? job.lane(args) : job.lane;
}

/** A job's result and the graph version it was computed on. */
export interface JobOutcome<Result> {
  version: number;
  result: Result;
}

/** The engine's graph as the main thread sees it: for checking ids before any job is queued. */
export interface EngineSnapshot {
  version: number;
  graph: SupplyGraph;
}

/** What a feature needs of the engine runtime: the current graph, and its jobs run on it off the event loop. */
export interface JobRunner<T extends JobTable> {
  /** The graph, at least as new as the graph version now (and as this instance's own writes). */
  snapshot(): Promise<EngineSnapshot>;
  /** Runs a job on `snapshot`'s graph or a newer one. */
  run<N extends keyof T & string>(
    name: N,
    args: JobArgs<T[N]>,
    snapshot: EngineSnapshot,
  ): Promise<JobOutcome<JobResult<T[N]>>>;
  /**
   * snapshot(), `check` of the arguments on its graph (throwing the client's
   * error), then run(): the same answer, sooner where the runtime can overlap
   * the steps.
   */
  evaluate<N extends keyof T & string>(
    name: N,
    args: JobArgs<T[N]>,
    check?: (graph: SupplyGraph) => void,
  ): Promise<JobOutcome<JobResult<T[N]>>>;
}
