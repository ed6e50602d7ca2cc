import type { Logger } from '../logging/create-logger';
import type { GraphDatabase } from '../neo4j/graph-database';

export interface Readiness {
  ready: boolean;
  neo4j: 'reachable' | 'unreachable';
  migrated: boolean;
  /** `warming` until the engine has read the graph and can evaluate. */
  engine?: 'warming' | 'ready';
  error?: string;
}

/** What readiness needs of the what-if engine: whether it can evaluate, and a way to start reading the graph. */
export interface WarmingEngine {
  state(): 'idle' | 'warming' | 'ready' | 'failed';
  warm(): Promise<unknown>;
}

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)),
  ]);

/**
 * Answers GET /ready from a live check, so it turns 503 as soon as Neo4j
 * stops answering and back to 200 by itself when it returns. The preparation
 * (schema migrations, then the demo seed) that could not run at start-up runs
 * on the first check that reaches Neo4j. With an engine, the service is
 * ready only once the engine has read the graph: until then 503 with
 * `engine: "warming"`.
 */
export class ReadinessProbe {
  private migrated = false;
  private migrating: Promise<void> | null = null;

  constructor(
    private readonly db: GraphDatabase,
    private readonly migrate: () => Promise<void>,
    private readonly logger: Logger,
    private readonly timeoutMs = 2_000,
    private readonly engine?: WarmingEngine,
  ) {}

  async check(): Promise<Readiness> {
    try {
      await withTimeout(this.db.ping(), this.timeoutMs);
    } catch (error) {
      return { ready: false, neo4j: 'unreachable', migrated: this.migrated, error: (error as Error).message };
    }
    if (!this.migrated) {
      try {
        await this.ensureMigrated();
      } catch (error) {
        return { ready: false, neo4j: 'reachable', migrated: false, error: (error as Error).message };
      }
    }
    if (!this.engine) return { ready: true, neo4j: 'reachable', migrated: true };
    const engine = this.engine.state();
    if (engine === 'ready') return { ready: true, neo4j: 'reachable', migrated: true, engine: 'ready' };
    // Not started, or failed while Neo4j was away: (re)start reading the graph.
    if (engine !== 'warming') void this.engine.warm();
    return { ready: false, neo4j: 'reachable', migrated: true, engine: 'warming' };
  }

  /** Applies the schema once; concurrent callers share the same run. */
  ensureMigrated(): Promise<void> {
    this.migrating ??= this.migrate()
      .then(() => {
        this.migrated = true;
        this.logger.info('graph schema migrated');
      })
      .finally(() => {
        this.migrating = null;
      });
    return this.migrating;
  }
}
