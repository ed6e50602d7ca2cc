import { Worker } from 'node:worker_threads';
import { GraphQLError } from 'graphql';
import type { TransferableSupplyGraph } from '../../engine';
import type { JobLane } from './engine-job';
import type { FromEngineWorker, SharedMemo, ToEngineWorker, WorkerRole } from './engine-messages';

/** Why a job did not finish: its budget ran out, or whoever waited for it went away. */
export class JobStopped extends Error {
  constructor(readonly reason: 'timeout' | 'cancelled') {
    super(reason === 'timeout' ? 'the engine job ran out of time' : 'the engine job was cancelled');
  }
}

export interface PoolJob {
  name: string;
  args: unknown;
  lane: JobLane;
  /** performance.now() by which it must have finished, queueing included. */
  deadline: number;
  signal?: AbortSignal;
}

export interface PoolStats {
  workers: number;
  busy: number;
  queued: { short: number; long: number };
}

interface Pending extends PoolJob {
  id: number;
  resolve(value: { version: number; result: unknown; ms: number }): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
  onAbort: () => void;
  worker: PoolWorker | null;
}

interface PoolWorker {
  thread: Worker;
  job: Pending | null;
}

export interface WorkerPoolOptions {
  script: string;
  size: number;
  /** The graph a new worker starts with (the latest posted, with everything derived since). */
  currentGraph(): { version: number; graph: TransferableSupplyGraph } | null;
  /** A worker died outside a job, or a job failed inside one. */
  onWorkerError?(error: Error): void;
  /** How long a worker keeps its scratch space once it has no job (SCRATCH_IDLE_MS when not given). */
  scratchIdleMs?: number;
}

/**
 * An idle worker gives back its scratch space after this long (about 350 MB
 * at 1M enterprises once it has swept): long enough that a run of what-ifs
 * keeps it, and the first job after a pause makes it again (tens of
 * milliseconds at 1M).
 */
export const SCRATCH_IDLE_MS = 30_000;

/**
 * The engine's worker threads. Each holds a view of the same graph in shared
 * memory and runs one job at a time. Short jobs go to any idle worker, first;
 * long ones to at most size - 1 workers at once, so one worker is always left
 * for short jobs (with a single worker, long and short share it). A job that
 * runs out of time, or whose caller goes away, stops its worker, which is
 * replaced by a new one on the same graph: nothing in the engine has to check
 * for cancellation, and the event loop never runs engine work.
 */
export class WorkerPool {
  private readonly workers: PoolWorker[] = [];
  private readonly queues: Record<JobLane, Pending[]> = { short: [], long: [] };
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions) {
    for (let i = 0; i < options.size; i++) this.workers.push(this.spawn());
  }

  /** Queues a job; resolves with its result and the graph version it ran on. */
  submit(job: PoolJob): Promise<{ version: number; result: unknown; ms: number }> {
    if (this.closed) return Promise.reject(new Error('the engine worker pool is closed'));
    return new Promise((resolve, reject) => {
      const pending: Pending = {
        ...job,
        id: this.nextId++,
        resolve,
        reject,
        worker: null,
        timer: setTimeout(() => this.stop(pending, 'timeout'), Math.max(0, job.deadline - performance.now())),
        onAbort: () => this.stop(pending, 'cancelled'),
      };
      pending.timer.unref();
      if (job.signal?.aborted || performance.now() >= job.deadline) {
        this.stop(pending, job.signal?.aborted ? 'cancelled' : 'timeout');
        return;
      }
      job.signal?.addEventListener('abort', pending.onAbort, { once: true });
      this.queues[job.lane].push(pending);
      this.dispatch();
    });
  }

  /** A new graph for every worker; jobs queued after this run on it. */
  postGraph(version: number, graph: TransferableSupplyGraph): void {
    this.broadcast({ type: 'graph', version, graph });
  }

  /** The graph every worker holds is still the graph at `version`. */
  postVersion(version: number): void {
    this.broadcast({ type: 'version', version });
  }

  /** Derived structures of the graph at `version`, computed since it was posted. */
  postMemo(version: number, memo: SharedMemo): void {
    this.broadcast({ type: 'memo', version, memo });
  }

  stats(): PoolStats {
    return {
      workers: this.workers.length,
      busy: this.workers.filter((w) => w.job !== null).length,
      queued: { short: this.queues.short.length, long: this.queues.long.length },
    };
  }

  /** Stops every worker; queued and running jobs fail. */
  async close(): Promise<void> {
    this.closed = true;
    const error = new Error('the engine worker pool was closed');
    for (const lane of ['short', 'long'] as const)
      for (const job of this.queues[lane].splice(0)) this.finish(job, error);
    const running = this.workers.splice(0);
    for (const worker of running) if (worker.job) this.finish(worker.job, error);
    await Promise.all(running.map((worker) => worker.thread.terminate()));
  }

  private broadcast(message: ToEngineWorker): void {
    for (const worker of this.workers) worker.thread.postMessage(message);
  }

  private spawn(): PoolWorker {
    const role: WorkerRole = { role: 'engine', scratchIdleMs: this.options.scratchIdleMs ?? SCRATCH_IDLE_MS };
    const thread = new Worker(this.options.script, { workerData: role });
    thread.unref();
    const worker: PoolWorker = { thread, job: null };
    const current = this.options.currentGraph();
    if (current) thread.postMessage({ type: 'graph', ...current } satisfies ToEngineWorker);
    thread.on('message', (message: FromEngineWorker) => this.received(worker, message));
    thread.on('error', (error) => {
      this.options.onWorkerError?.(error);
      this.replace(worker, error);
    });
    thread.on('exit', () => this.replace(worker, new Error('an engine worker stopped')));
    return worker;
  }

  private received(worker: PoolWorker, message: FromEngineWorker): void {
    const job = worker.job;
    if (job === null || job.id !== message.id) return;
    worker.job = null;
    if (message.type === 'done') {
      this.finish(job, null, { version: message.version, result: message.result, ms: message.ms });
    } else if (message.extensions) {
      // A refusal (ids the graph the job ran on no longer has): the client's error, not the engine's.
      this.finish(job, new GraphQLError(message.message, { extensions: message.extensions }));
    } else {
      const error = new Error(`engine job ${job.name} failed: ${message.message}`);
      this.options.onWorkerError?.(error);
      this.finish(job, error);
    }
    this.dispatch();
  }

  /** Puts a new worker in the place of one that is gone; its job, if any, fails. */
  private replace(worker: PoolWorker, error: Error): void {
    const at = this.workers.indexOf(worker);
    if (at < 0) return;
    if (worker.job) this.finish(worker.job, error);
    worker.job = null;
    if (this.closed) return;
    this.workers[at] = this.spawn();
    this.dispatch();
  }

  /** Ends a job that ran out of time or lost its caller: dropped from its queue, or its worker stopped. */
  private stop(job: Pending, reason: 'timeout' | 'cancelled'): void {
    const queue = this.queues[job.lane];
    const queued = queue.indexOf(job);
    if (queued >= 0) queue.splice(queued, 1);
    const worker = job.worker;
    this.finish(job, new JobStopped(reason));
    if (worker && worker.job === job) {
      worker.job = null;
      const at = this.workers.indexOf(worker);
      void worker.thread.terminate();
      if (at >= 0 && !this.closed) this.workers[at] = this.spawn();
      this.dispatch();
    }
  }

  private finish(job: Pending, error: Error | null, value?: { version: number; result: unknown; ms: number }): void {
    clearTimeout(job.timer);
    job.signal?.removeEventListener('abort', job.onAbort);
    if (error) job.reject(error);
    else job.resolve(value!);
  }

  private dispatch(): void {
    const maxLong = Math.max(1, this.workers.length - 1);
    for (const worker of this.workers) {
      if (worker.job !== null) continue;
      let job = this.queues.short.shift();
      if (!job && this.workers.filter((w) => w.job?.lane === 'long').length < maxLong) job = this.queues.long.shift();
      if (!job) return;
      worker.job = job;
      job.worker = worker;
      worker.thread.postMessage({ type: 'job', id: job.id, name: job.name, args: job.args } satisfies ToEngineWorker);
    }
  }
}
