import { Worker } from 'node:worker_threads';
import type { TransferableSupplyGraph } from '../../engine';
import type { GraphDatabaseOptions } from '../../platform/neo4j/graph-database';
import type { FromKeeper, KeeperNote, SharedMemo, SyncedGraph, ToKeeper, WorkerRole } from './engine-messages';

export interface KeeperClientOptions {
  script: string;
  connection: GraphDatabaseOptions;
  /** Where the keeper keeps the prepared graph on disk; null: nowhere. */
  snapshotFile: string | null;
  /** Something the keeper wants logged. */
  onNote(note: KeeperNote): void;
  /** Derived structures the keeper computed after posting the graph of `version`. */
  onMemo(version: number, memo: SharedMemo, ms: number): void;
  /** The graph a restarted keeper continues from (the main thread's latest), or null. */
  currentGraph(): { version: number; graph: TransferableSupplyGraph } | null;
}

/** A sync refused by the keeper: its message, and the error code when it was a GraphQL error (Neo4j down). */
export class KeeperError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/**
 * The main thread's side of the graph keeper (GraphKeeper, in its own
 * worker thread, started on first use): one request per sync. A keeper that
 * dies is started again on the next sync, continuing from the main thread's
 * graph.
 */
export class KeeperClient {
  private thread: Worker | null = null;
  private readonly pending = new Map<number, { resolve(synced: SyncedGraph): void; reject(error: Error): void }>();
  private nextId = 1;

  constructor(private readonly options: KeeperClientOptions) {}

  sync(target: number, reload: boolean): Promise<SyncedGraph> {
    const thread = this.thread ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      thread.postMessage({ type: 'sync', id, target, reload } satisfies ToKeeper);
    });
  }

  /** Lets the keeper close its Neo4j connection, then stops it. */
  async close(): Promise<void> {
    const thread = this.thread;
    this.thread = null;
    if (!thread) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2_000);
      thread.on('message', (message: FromKeeper) => {
        if (message.type !== 'closed') return;
        clearTimeout(timer);
        resolve();
      });
      thread.postMessage({ type: 'close' } satisfies ToKeeper);
    });
    await thread.terminate();
  }

  private start(): Worker {
    const thread = new Worker(this.options.script, {
      workerData: {
        role: 'keeper',
        connection: this.options.connection,
        snapshotFile: this.options.snapshotFile,
      } satisfies WorkerRole,
    });
    thread.unref();
    this.thread = thread;
    const current = this.options.currentGraph();
    if (current) thread.postMessage({ type: 'adopt', ...current } satisfies ToKeeper);
    thread.on('message', (message: FromKeeper) => this.received(message));
    const gone = (error: Error) => {
      if (this.thread !== thread) return;
      this.thread = null;
      for (const { reject } of this.pending.values()) reject(error);
      this.pending.clear();
    };
    thread.on('error', gone);
    thread.on('exit', () => gone(new Error('the engine graph keeper stopped')));
    return thread;
  }

  private received(message: FromKeeper): void {
    if (message.type === 'memo') {
      this.options.onMemo(message.version, message.memo, message.ms);
      return;
    }
    if (message.type === 'note') {
      this.options.onNote(message.note);
      return;
    }
    if (message.type !== 'synced' && message.type !== 'sync-failed') return;
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (message.type === 'synced') {
      const { type: _type, id: _id, ...synced } = message;
      waiting.resolve(synced);
    } else {
      waiting.reject(new KeeperError(message.message, message.code));
    }
  }
}
