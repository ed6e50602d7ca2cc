import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type RecordShape } from 'neo4j-driver';
import { translateDriverError } from './translate-driver-error';

export interface GraphDatabaseOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** How long to wait for a connection before failing the request. */
  connectionTimeoutMs?: number;
}

export type Params = Record<string, unknown>;

/**
 * The one module that talks to the Neo4j driver: managed transactions only,
 * sessions closed in `finally`, an explicit database, and driver errors
 * translated in one place. Works with `bolt://` and with `neo4j://` routing
 * (clusters, Aura), so service instances stay stateless.
 */
export class GraphDatabase {
  readonly database: string;
  private readonly driver: Driver;

  constructor(options: GraphDatabaseOptions) {
    this.database = options.database;
    const timeout = options.connectionTimeoutMs ?? 5_000;
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      connectionAcquisitionTimeout: timeout,
      connectionTimeout: timeout,
      maxTransactionRetryTime: timeout,
      disableLosslessIntegers: true,
      userAgent: 'linkfall',
    });
  }

  /** Runs `work` in a managed read transaction. */
  executeRead<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.withSession('READ', (session) => session.executeRead(work));
  }

  /**
   * Runs `work` in a managed write transaction: all of it commits, or none.
   * Graph writes go through writeGraph, which uses this and bumps the version;
   * direct use is for schema migrations (and tests).
   */
  executeWrite<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.withSession('WRITE', (session) => session.executeWrite(work));
  }

  /** One read query in its own transaction. */
  read<R extends RecordShape = RecordShape>(query: string, params: Params = {}): Promise<QueryResult<R>> {
    return this.executeRead((tx) => tx.run<R>(query, params));
  }

  /** One write query in its own transaction, for schema migrations: graph writes go through writeGraph. */
  write<R extends RecordShape = RecordShape>(query: string, params: Params = {}): Promise<QueryResult<R>> {
    return this.executeWrite((tx) => tx.run<R>(query, params));
  }

  /** Resolves when the server answers a trivial query; rejects otherwise. */
  async ping(): Promise<void> {
    await this.read('RETURN 1 AS ok');
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  private async withSession<T>(
    mode: 'READ' | 'WRITE',
    run: (session: ReturnType<Driver['session']>) => Promise<T>,
  ): Promise<T> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      return await run(session);
    } catch (error) {
      throw translateDriverError(error);
    } finally {
      await session.close();
    }
  }
}
