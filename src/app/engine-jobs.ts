import { IMPACT_JOBS } from '../features/impact/impact.jobs';
import { SIMULATION_JOBS } from '../features/simulation/simulation.jobs';

/**
 * Every job the engine's worker threads run, by name: one entry (or one
 * feature's table) per job. The worker script and the engine runtime share
 * this table, so a feature's job is run by name with its types.
 */
export const ENGINE_JOBS = {
  ...IMPACT_JOBS,
  ...SIMULATION_JOBS,
};

export type EngineJobs = typeof ENGINE_JOBS;
