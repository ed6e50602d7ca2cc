import type { Config } from '../config/config';
import { GraphDatabase, type GraphDatabaseOptions } from './graph-database';
import { findRunningManagedNeo4j, startManagedNeo4j, stopManagedNeo4j } from './managed-neo4j';

export interface Neo4jLocation {
  /** Where and how to connect. */
  target: GraphDatabaseOptions;
  /** Set when this call started the managed Neo4j: stops it again. */
  stopManaged: (() => Promise<void>) | null;
}

export interface LocateOptions {
  /**
   * The service starts the managed Neo4j of DATA_DIR when it is not running;
   * the command-line tools and benchmarks need it running already.
   */
  startManaged: boolean;
  log?: (message: string) => void;
  /** How long a request may wait for a connection. */
  connectionTimeoutMs?: number;
}

/**
 * The Neo4j the configuration names: NEO4J_URI when set, else the managed
 * Neo4j of DATA_DIR. Every entry point (service, commands, benchmarks) finds
 * its Neo4j here.
 */
export async function locateNeo4j(config: Config, options: LocateOptions): Promise<Neo4jLocation> {
  const { connectionTimeoutMs } = options;
  if (config.neo4j.kind === 'external') {
    const { uri, user, password, database } = config.neo4j;
    return { target: { uri, user, password, database, connectionTimeoutMs }, stopManaged: null };
  }
  const { database } = config.neo4j;
  if (!options.startManaged) {
    const running = await findRunningManagedNeo4j(config.dataDir);
    if (!running) {
      throw new Error(
        `No Neo4j to talk to: set NEO4J_URI, or start the managed one of ${config.dataDir} ` +
          'with "npm run neo4j -- start" or "npm start".',
      );
    }
    return { target: { ...running, database, connectionTimeoutMs }, stopManaged: null };
  }
  const managed = await startManagedNeo4j({
    dataDir: config.dataDir,
    heap: config.managed.heap,
    pageCache: config.managed.pageCache,
    port: config.managed.port,
    transactionTimeout: config.managed.transactionTimeout,
    log: options.log,
  });
  const stopManaged = managed.startedHere ? () => stopManagedNeo4j(config.dataDir).then(() => undefined) : null;
  return { target: { ...managed, database, connectionTimeoutMs }, stopManaged };
}

export interface Neo4jConnection {
  db: GraphDatabase;
  /** Closes the driver, then stops the managed Neo4j if this connection started it. */
  close(): Promise<void>;
}

/** A driver for the configured Neo4j, located as `locateNeo4j` says. */
export async function connectNeo4j(config: Config, options: LocateOptions): Promise<Neo4jConnection> {
  const { target, stopManaged } = await locateNeo4j(config, options);
  const db = new GraphDatabase(target);
  return {
    db,
    async close() {
      await db.close();
      if (stopManaged) await stopManaged();
    },
  };
}
