import type { TransferableSupplyGraph } from '../../engine';
import type { GraphDatabaseOptions } from '../../platform/neo4j/graph-database';

/** What each worker thread of the engine is, given as its workerData. */
export type WorkerRole =
  /** `scratchIdleMs`: how long an engine worker keeps its scratch space with no job to run. */
  | { role: 'engine'; scratchIdleMs: number }
  /** `snapshotFile`: where the keeper keeps the prepared graph on disk (null: nowhere). */
  | { role: 'keeper'; connection: GraphDatabaseOptions; snapshotFile: string | null };

/** Something the keeper thread wants logged (it has no logger of its own). */
export interface KeeperNote {
  level: 'info' | 'warn';
  message: string;
  [field: string]: unknown;
}

/** Memoised derived structures computed after a graph was first posted (current-state baseline, bounds, ...). */
export type SharedMemo = TransferableSupplyGraph['memo'];

/** Main thread to an engine worker. */
export type ToEngineWorker =
  | { type: 'graph'; version: number; graph: TransferableSupplyGraph }
  /** The same graph holds at a later version (only saved scenarios or tokens changed). */
  | { type: 'version'; version: number }
  | { type: 'memo'; version: number; memo: SharedMemo }
  | { type: 'job'; id: number; name: string; args: unknown };

/** An engine worker to the main thread. */
export type FromEngineWorker =
  | { type: 'done'; id: number; version: number; result: unknown; ms: number }
  /** `extensions`: a GraphQL error a job threw on purpose (input the graph it ran on refuses), passed on as it is. */
  | { type: 'failed'; id: number; message: string; extensions?: Record<string, unknown> };

/** Main thread to the graph keeper. */
export type ToKeeper =
  /** Bring the graph to at least `target`, reading it all again when `reload`. */
  | { type: 'sync'; id: number; target: number; reload: boolean }
  /** Continue from this graph (a keeper started again after a crash). */
  | { type: 'adopt'; version: number; graph: TransferableSupplyGraph }
  | { type: 'close' };

/** How a sync brought the graph up to date. */
export type SyncKind = 'load' | 'patch' | 'same';

export interface SyncedGraph {
  version: number;
  kind: SyncKind;
  /** The new graph; absent when the graph itself did not change (kind 'same'). */
  graph?: TransferableSupplyGraph;
  ms: number;
  enterprises: number;
  links: number;
  /** Load: links whose end was created after the enterprises were read (the next sync adds them). */
  skippedLinks?: number;
  /** Patch: enterprises and links upserted or deleted. */
  patched?: { enterprises: number; links: number };
  /** Patch: the version of the snapshot file the graph was taken from before patching. */
  restoredFrom?: number;
}

/** The graph keeper to the main thread. */
export type FromKeeper =
  | ({ type: 'synced'; id: number } & SyncedGraph)
  /** `code`: the error code when the failure was a GraphQL error (Neo4j unreachable). */
  | { type: 'sync-failed'; id: number; message: string; code?: string }
  /** Derived structures computed after the graph of `version` was posted. */
  | { type: 'memo'; version: number; memo: SharedMemo; ms: number }
  | { type: 'note'; note: KeeperNote }
  | { type: 'closed' };
