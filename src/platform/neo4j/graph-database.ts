import { GraphQLError } from 'graphql';
import neo4j, {
  isRetryableError,
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  type RecordShape,
} from 'neo4j-driver';
import { ErrorCode } from '../graphql/error-code';
import { translateDriverError } from './translate-driver-error';

/** The driver's connection pool size (its default), reported with the sessions in flight. */
export const MAX_CONNECTION_POOL_SIZE = 100;

/** What a request stopped by a shutdown answers: its transaction rolled back before the commit. */
function stoppedByShutdown(): GraphQLError {
  return new GraphQLError(
    'The service is shutting down: this request was stopped and its transaction rolled back, so it changed ' +
      'nothing. Try again shortly.',
    { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } },
  );
}

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
  /** Where this connects, for a worker thread that opens its own connection to the same database. */
  readonly connection: GraphDatabaseOptions;
  private readonly driver: Driver;
  private readonly sessions = { read: 0, write: 0 };
  private aborting = false;

  constructor(options: GraphDatabaseOptions) {
    this.database = options.database;
    this.connection = { ...options };
    const timeout = options.connectionTimeoutMs ?? 5_000;
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      connectionAcquisitionTimeout: timeout,
      connectionTimeout: timeout,
      maxTransactionRetryTime: timeout,
      disableLosslessIntegers: true,
      maxConnectionPoolSize: MAX_CONNECTION_POOL_SIZE,
      userAgent: 'linkfall',
    });
  }

  /** Runs `work` in a managed read transaction. */
  executeRead<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.withSession('READ', (session) => session.executeRead((tx) => this.abortable(tx, work)));
  }

  /**
   * Runs `work` in a managed write transaction: all of it commits, or none.
   * Graph writes go through writeGraph, which uses this and bumps the version;
   * direct use is for schema migrations (and tests).
   */
  executeWrite<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.withSession('WRITE', (session) => session.executeWrite((tx) => this.abortable(tx, work)));
  }

  /**
   * One read query in its own transaction: an auto-commit one, which costs
   * one round trip where a managed one costs three (BEGIN, RUN, COMMIT); the
   * request path reads the graph version this way on every engine query.
   * A failure the driver would retry is retried as a managed transaction.
   */
  async read<R extends RecordShape = RecordShape>(query: string, params: Params = {}): Promise<QueryResult<R>> {
    try {
      return await this.withSession('READ', (session) => session.run<R>(query, params), false);
    } catch (error) {
      if (!isRetryableError(error)) throw translateDriverError(error);
      return this.executeRead((tx) => tx.run<R>(query, params));
    }
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

  /** Sessions open now, by access mode: each holds a pooled connection. */
  sessionsInFlight(): { read: number; write: number } {
    return { ...this.sessions };
  }

  /**
   * For a shutdown whose grace ran out: every transaction in flight fails at
   * its next statement or before its commit, so it rolls back and its request
   * answers SERVICE_UNAVAILABLE saying so; new ones fail at once.
   */
  abortInFlight(): void {
    this.aborting = true;
  }

  /** Runs `work` with a transaction whose every statement, and the commit after it, first checks for an abort. */
  private async abortable<T>(tx: ManagedTransaction, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const check = () => {
      if (this.aborting) throw stoppedByShutdown();
    };
    check();
    const run = tx.run.bind(tx) as ManagedTransaction['run'];
    const guarded = new Proxy(tx, {
      get: (target, property, receiver) =>
        property === 'run'
          ? (...args: Parameters<ManagedTransaction['run']>) => {
              check();
              return run(...args);
            }
          : Reflect.get(target, property, receiver),
    });
    const result = await work(guarded);
    check();
    return result;
  }

  /** `translate: false` leaves driver errors as they are, for the caller to look at first. */
  private async withSession<T>(
    mode: 'READ' | 'WRITE',
    run: (session: ReturnType<Driver['session']>) => Promise<T>,
    translate = true,
  ): Promise<T> {
    if (this.aborting) throw stoppedByShutdown();
    const counter = mode === 'READ' ? 'read' : 'write';
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    this.sessions[counter] += 1;
    try {
      return await run(session);
    } catch (error) {
      throw translate ? translateDriverError(error) : error;
    } finally {
      this.sessions[counter] -= 1;
      await session.close();
    }
  }
}
