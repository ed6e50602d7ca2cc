import { defineJob } from '../engine-runtime/engine-job';
import { runSimulationJob } from './run-simulation-job';

/** The simulation feature's work for the engine's worker threads (see EngineJob): a whole horizon is long. */
export const SIMULATION_JOBS = {
  simulate: defineJob({ lane: 'long', run: runSimulationJob }),
};
