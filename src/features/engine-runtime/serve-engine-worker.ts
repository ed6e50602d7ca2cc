import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { GraphQLError } from 'graphql';
import { releasePropagation, SupplyGraph } from '../../engine';
import { collectGarbage } from './collect-garbage';
import { GraphChangeRepository } from '../../platform/neo4j/graph-change.repository';
import { GraphDatabase, type GraphDatabaseOptions } from '../../platform/neo4j/graph-database';
import type { JobTable } from './engine-job';
import type { FromEngineWorker, FromKeeper, ToEngineWorker, ToKeeper, WorkerRole } from './engine-messages';
import { EngineSnapshotFile } from './engine-snapshot-file';
import { GraphKeeper } from './graph-keeper';
import { GraphSnapshotReader } from './graph-snapshot-reader';

/**
 * The body of every engine worker thread (the worker script calls it with
 * the service's jobs): an engine worker runs jobs on the graph it was last
 * given; the graph keeper reads and patches the graph (GraphKeeper).
 */
export function serveEngineWorker(jobs: JobTable): void {
  if (!parentPort) throw new Error('serveEngineWorker runs in a worker thread');
  const role = workerData as WorkerRole;
  if (role.role === 'keeper') serveKeeper(parentPort, role.connection, role.snapshotFile);
  else serveJobs(parentPort, jobs, role.scratchIdleMs);
}

function serveJobs(port: MessagePort, jobs: JobTable, scratchIdleMs: number): void {
  let graph: SupplyGraph | null = null;
  let version = -1;
  let idle: NodeJS.Timeout | undefined;
  // An idle isolate allocates nothing, so V8 would keep a swept scratch space for good: give it back.
  const releaseScratchLater = () => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      if (graph !== null) releasePropagation(graph);
      collectGarbage();
    }, scratchIdleMs).unref();
  };
  const reply = (message: FromEngineWorker) => {
    port.postMessage(message);
    releaseScratchLater();
  };
  port.on('message', (message: ToEngineWorker) => {
    switch (message.type) {
      case 'graph':
        graph = SupplyGraph.fromTransferable(message.graph);
        version = message.version;
        // The scratch space of the graph before is garbage now.
        releaseScratchLater();
        return;
      case 'version':
        version = message.version;
        return;
      case 'memo':
        // Structures computed after the graph was posted; ones this worker computed itself stay.
        if (graph !== null && message.version === version) {
          for (const [key, value] of Object.entries(message.memo)) graph.memoize(key, () => value);
        }
        return;
      case 'job': {
        const started = performance.now();
        try {
          const job = jobs[message.name];
          if (!job) throw new Error(`no engine job named ${message.name}`);
          if (graph === null) throw new Error('no graph was posted to this worker');
          const result = job.run(graph, message.args as never);
          reply({ type: 'done', id: message.id, version, result, ms: performance.now() - started });
        } catch (error) {
          if (error instanceof GraphQLError && typeof error.extensions.code === 'string') {
            reply({ type: 'failed', id: message.id, message: error.message, extensions: { ...error.extensions } });
            return;
          }
          const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
          reply({ type: 'failed', id: message.id, message: text });
        }
        return;
      }
    }
  });
}

function serveKeeper(port: MessagePort, connection: GraphDatabaseOptions, snapshotFile: string | null): void {
  const db = new GraphDatabase(connection);
  const reply = (message: FromKeeper) => port.postMessage(message);
  const keeper = new GraphKeeper(
    new GraphSnapshotReader(db),
    new GraphChangeRepository(db),
    (version, memo, ms) => reply({ type: 'memo', version, memo, ms }),
    snapshotFile === null ? null : new EngineSnapshotFile(snapshotFile),
    (note) => reply({ type: 'note', note }),
  );
  // One message at a time: a sync waits for the one before it.
  let queue = Promise.resolve();
  port.on('message', (message: ToKeeper) => {
    queue = queue.then(async () => {
      switch (message.type) {
        case 'adopt':
          keeper.adopt(message.version, message.graph);
          return;
        case 'sync':
          try {
            reply({ type: 'synced', id: message.id, ...(await keeper.sync(message.target, message.reload)) });
          } catch (error) {
            const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
            reply({
              type: 'sync-failed',
              id: message.id,
              message: (error as Error).message,
              code: typeof code === 'string' ? code : undefined,
            });
          }
          return;
        case 'close':
          await db.close();
          reply({ type: 'closed' });
          return;
      }
    });
  });
}
