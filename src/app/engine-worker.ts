import { serveEngineWorker } from '../features/engine-runtime/serve-engine-worker';
import { ENGINE_JOBS } from './engine-jobs';

// The script of every engine worker thread (an engine worker or the graph keeper, by its workerData).
serveEngineWorker(ENGINE_JOBS);
