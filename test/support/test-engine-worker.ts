import { evaluateScenario } from '../../src/engine';
import { defineJob } from '../../src/features/engine-runtime/engine-job';
import { serveEngineWorker } from '../../src/features/engine-runtime/serve-engine-worker';
import { ENGINE_JOBS } from '../../src/app/engine-jobs';

/** Busy for `ms` milliseconds of this thread's time, as an engine computation is. */
function spin(ms: number): number {
  const until = performance.now() + ms;
  let turns = 0;
  while (performance.now() < until) turns++;
  return turns;
}

/** The service's jobs, and jobs of a given length for the worker pool's tests. */
export const TEST_ENGINE_JOBS = {
  ...ENGINE_JOBS,
  spin: defineJob({
    lane: (args: { ms: number; lane: 'short' | 'long' }) => args.lane,
    run: (graph, { ms }: { ms: number; lane: 'short' | 'long' }) => ({ turns: spin(ms), enterprises: graph.nodeCount }),
  }),
  /** Blocks a link; answers the stalled count and the bytes this thread then holds in array buffers. */
  blockLink: defineJob({
    lane: () => 'short',
    run: (graph, { id }: { id: string }) => ({
      stalled: evaluateScenario(graph, { blockLinks: [id] }).stalledCount,
      arrayBuffers: process.memoryUsage().arrayBuffers,
    }),
  }),
  arrayBuffers: defineJob({ lane: () => 'short', run: () => process.memoryUsage().arrayBuffers }),
};

serveEngineWorker(TEST_ENGINE_JOBS);
