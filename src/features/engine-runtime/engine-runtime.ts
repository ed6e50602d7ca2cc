import { GraphQLError } from 'graphql';
import { SupplyGraph } from '../../engine';
import { ErrorCode } from '../../platform/graphql/error-code';
import { cancelled, engineTimeout } from '../../platform/graphql/user-errors';
import { currentRequestScope } from '../../platform/http/request-scope';
import type { Logger } from '../../platform/logging/create-logger';
import type { GraphChangeRepository } from '../../platform/neo4j/graph-change.repository';
import type { GraphDatabaseOptions } from '../../platform/neo4j/graph-database';
import {
  laneOf,
  type EngineSnapshot,
  type JobArgs,
  type JobOutcome,
  type JobResult,
  type JobRunner,
  type JobTable,
} from './engine-job';
import type { SharedMemo, SyncedGraph } from './engine-messages';
import { KeeperClient, KeeperError } from './keeper-client';
import { VersionedRefresh } from './versioned-refresh';
import { JobStopped, WorkerPool, type PoolStats } from './worker-pool';

/** The graph was brought up to `version`: read again (`load`), or patched, or only its version moved. */
export type SnapshotRefreshed = (event: { version: number; ms: number; patched: boolean }) => void;

export interface EngineRuntimeOptions<T extends JobTable> {
  jobs: T;
  changes: GraphChangeRepository;
  /** Where the graph keeper reads Neo4j (its own connection, in its own thread). */
  connection: GraphDatabaseOptions;
  /** The compiled worker script, which calls serveEngineWorker with the same jobs. */
  workerScript: string;
  /** Engine worker threads (ENGINE_WORKERS). */
  workers: number;
  /** Time budget of one request's engine work, queueing included (ENGINE_TIMEOUT_MS). */
  timeoutMs: number;
  /** Where the graph keeper keeps the prepared graph on disk for the next start (ENGINE_SNAPSHOT_FILE); null: nowhere. */
  snapshotFile?: string | null;
  logger?: Logger;
  onRefresh?: SnapshotRefreshed;
}

/** Where the engine stands: not started, reading the graph for the first time, able to evaluate, or failed to load. */
export type EngineState = 'idle' | 'warming' | 'ready' | 'failed';

interface KeptGraph extends EngineSnapshot {
  /** The posted form, with the structures derived since added: what a new worker starts from. */
  posted(): { version: number; graph: ReturnType<SupplyGraph['toTransferable']> };
}

/**
 * The engine host of the main thread. One graph keeper thread reads and
 * patches the graph (GraphKeeper); a pool of engine worker threads runs the
 * jobs (WorkerPool); the event loop only checks versions, validates ids on
 * its own view of the same shared memory, and passes messages.
 *
 * Each snapshot() or evaluate() first reads the graph version (one small
 * query), so a write made through any instance, or the import command, is
 * seen by the next evaluation; refreshes are serialised by VersionedRefresh
 * (read-your-writes). A job has ENGINE_TIMEOUT_MS from its request's
 * arrival, and is stopped when its client goes away.
 */
export class EngineRuntime<T extends JobTable> implements JobRunner<T> {
  private readonly refresh: VersionedRefresh<KeptGraph>;
  private readonly keeper: KeeperClient;
  private pool: WorkerPool | null = null;
  private phase: EngineState = 'idle';
  private warming: Promise<unknown> | null = null;

  constructor(private readonly options: EngineRuntimeOptions<T>) {
    this.keeper = new KeeperClient({
      script: options.workerScript,
      connection: options.connection,
      snapshotFile: options.snapshotFile ?? null,
      onNote: ({ level, message, ...fields }) => options.logger?.[level](fields, message),
      onMemo: (version, memo, ms) => this.addMemo(version, memo, ms),
      currentGraph: () => this.refresh.value?.posted() ?? null,
    });
    this.refresh = new VersionedRefresh((target, reload) => this.sync(target, reload));
  }

  /** Starts reading the graph now rather than on the first request; failures show in state(). */
  warm(): Promise<unknown> {
    if (this.phase === 'ready' || this.warming) return this.warming ?? Promise.resolve();
    this.phase = 'warming';
    this.warming = this.snapshot()
      .catch((error: unknown) => {
        this.phase = 'failed';
        this.options.logger?.error({ err: error }, 'the engine could not read the graph; it tries again on demand');
      })
      .finally(() => {
        this.warming = null;
      });
    return this.warming;
  }

  state(): EngineState {
    return this.phase;
  }

  async snapshot(): Promise<EngineSnapshot> {
    return this.snapshotAt(await this.options.changes.version());
  }

  /**
   * A short job starts on the graph kept while the version is read (the
   * read's round trip overlaps the engine work); its answer stands when the
   * version read is the kept graph's, which it is unless something was
   * written since the last refresh. Otherwise, as any other job, it runs
   * after the refresh to the version read, and the early answer is dropped.
   */
  async evaluate<N extends keyof T & string>(
    name: N,
    args: JobArgs<T[N]>,
    check: (graph: SupplyGraph) => void = () => undefined,
  ): Promise<JobOutcome<JobResult<T[N]>>> {
    const reading = this.options.changes.version();
    const early = this.early(name, args, check);
    const version = await reading;
    if (early !== null && early.version === version) return early.outcome;
    const snapshot = await this.snapshotAt(version);
    check(snapshot.graph);
    return this.run(name, args, snapshot);
  }

  async run<N extends keyof T & string>(
    name: N,
    args: JobArgs<T[N]>,
    snapshot: EngineSnapshot,
  ): Promise<JobOutcome<JobResult<T[N]>>> {
    const job = this.options.jobs[name];
    const scope = currentRequestScope();
    const deadline = (scope?.receivedAt ?? performance.now()) + this.options.timeoutMs;
    if ((this.refresh.value?.version ?? -1) < snapshot.version)
      throw new Error('run() needs a snapshot from snapshot()');
    try {
      const { version, result } = await this.workers().submit({
        name,
        args,
        lane: laneOf(job, args as never),
        deadline,
        signal: scope?.signal,
      });
      return { version, result: result as JobResult<T[N]> };
    } catch (error) {
      if (error instanceof JobStopped)
        throw error.reason === 'timeout' ? engineTimeout(this.options.timeoutMs) : cancelled();
      throw error;
    }
  }

  /** A short job on the graph kept, started before the version is known (see evaluate); null when none fits. */
  private early<N extends keyof T & string>(
    name: N,
    args: JobArgs<T[N]>,
    check: (graph: SupplyGraph) => void,
  ): { version: number; outcome: Promise<JobOutcome<JobResult<T[N]>>> } | null {
    const kept = this.refresh.value;
    if (kept === null || this.refresh.busy || laneOf(this.options.jobs[name], args as never) !== 'short') return null;
    try {
      check(kept.graph);
    } catch {
      // Refused on the graph kept: decided on the current graph once the version is read.
      return null;
    }
    const outcome = this.run(name, args, kept);
    // Handled here, so an early answer nobody takes never counts as an unhandled rejection.
    outcome.catch(() => undefined);
    return { version: kept.version, outcome };
  }

  /** The graph at `version` or newer. */
  private async snapshotAt(version: number): Promise<EngineSnapshot> {
    const kept = this.refresh.value;
    // A lower version than the graph kept: the database was replaced, read it all again.
    const fresh = await this.refresh.atLeast(version, kept !== null && version < kept.version);
    return { version: fresh.version, graph: fresh.graph };
  }

  /** Busy workers and queued jobs, for the metrics. */
  stats(): PoolStats {
    return this.pool?.stats() ?? { workers: 0, busy: 0, queued: { short: 0, long: 0 } };
  }

  async close(): Promise<void> {
    await Promise.all([this.pool?.close(), this.keeper.close()]);
    this.pool = null;
  }

  private workers(): WorkerPool {
    this.pool ??= new WorkerPool({
      script: this.options.workerScript,
      size: this.options.workers,
      currentGraph: () => this.refresh.value?.posted() ?? null,
      onWorkerError: (error) => this.options.logger?.error({ err: error }, 'engine worker error'),
    });
    return this.pool;
  }

  /** One refresh: the keeper brings the graph up to date; every worker gets it before anyone may use it. */
  private async sync(target: number, reload: boolean): Promise<KeptGraph> {
    let synced: SyncedGraph;
    try {
      synced = await this.keeper.sync(target, reload);
    } catch (error) {
      if (error instanceof KeeperError && error.code === ErrorCode.SERVICE_UNAVAILABLE) {
        throw new GraphQLError(error.message, { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } });
      }
      throw error;
    }
    const previous = this.refresh.value;
    let kept: KeptGraph;
    if (synced.graph) {
      const graph = SupplyGraph.fromTransferable(synced.graph);
      kept = keptGraph(synced.version, graph);
      this.workers().postGraph(synced.version, synced.graph);
    } else {
      if (!previous) throw new Error('the engine graph keeper kept a graph this thread never received');
      kept = keptGraph(synced.version, previous.graph);
      this.workers().postVersion(synced.version);
    }
    this.phase = 'ready';
    this.options.onRefresh?.({ version: synced.version, ms: synced.ms, patched: synced.kind !== 'load' });
    this.options.logger?.info(
      {
        version: synced.version,
        enterprises: synced.enterprises,
        links: synced.links,
        ms: Math.round(synced.ms),
        ...(synced.patched ? { changed: synced.patched } : {}),
        ...(synced.skippedLinks ? { skippedLinks: synced.skippedLinks } : {}),
        ...(synced.restoredFrom !== undefined ? { restoredFrom: synced.restoredFrom } : {}),
      },
      synced.kind === 'load'
        ? 'impact engine loaded the graph'
        : synced.restoredFrom !== undefined
          ? 'impact engine took the graph from its snapshot file'
          : synced.kind === 'patch'
            ? 'impact engine patched the graph'
            : 'impact engine graph unchanged at a newer version',
    );
    return kept;
  }

  /** Structures the keeper derived after posting the graph: shared with the workers and kept for new ones. */
  private addMemo(version: number, memo: SharedMemo, ms: number): void {
    const kept = this.refresh.value;
    if (!kept || kept.version !== version) return;
    for (const [key, value] of Object.entries(memo)) kept.graph.memoize(key, () => value);
    this.pool?.postMemo(version, memo);
    this.options.logger?.debug({ version, ms: Math.round(ms), memo: Object.keys(memo) }, 'engine structures derived');
  }
}

function keptGraph(version: number, graph: SupplyGraph): KeptGraph {
  return { version, graph, posted: () => ({ version, graph: graph.toTransferable() }) };
}
