import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Why a request was refused, as counted in linkfall_refusals_total. */
export type RefusalReason =
  | 'unauthenticated'
  | 'forbidden'
  | 'rate_limit'
  | 'query_limits'
  | 'validation'
  | 'body_size'
  | 'bad_request'
  | 'host'
  | 'origin'
  | 'shutting_down';

/** Operation names kept apart in the labels; later names count as `other`, so no client can flood them. */
const MAX_OPERATION_NAMES = 100;

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

/**
 * The service's Prometheus metrics, one registry per running server (tests
 * run several in one process). Served at GET /metrics.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();

  readonly requests = new Counter({
    name: 'linkfall_graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (ok or the first error code)',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly requestSeconds = new Histogram({
    name: 'linkfall_graphql_request_duration_seconds',
    help: 'GraphQL request time by operation name and outcome',
    labelNames: ['operation', 'outcome'] as const,
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });

  readonly refusals = new Counter({
    name: 'linkfall_refusals_total',
    help: 'Requests refused, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly engineEvaluations = new Counter({
    name: 'linkfall_engine_evaluations_total',
    help: 'What-if engine calls (impact, rankings, alternatives, plans) by call and outcome',
    labelNames: ['call', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly engineSeconds = new Histogram({
    name: 'linkfall_engine_evaluation_duration_seconds',
    help: 'What-if engine call time, snapshot check included',
    labelNames: ['call'] as const,
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });

  readonly snapshotVersion = new Gauge({
    name: 'linkfall_engine_snapshot_version',
    help: 'Graph version of the engine index in memory',
    registers: [this.registry],
  });

  readonly snapshotLoadSeconds = new Histogram({
    name: 'linkfall_engine_snapshot_load_duration_seconds',
    help: 'Time to bring the engine index up to date: load (read the graph) or patch (apply the changed rows)',
    labelNames: ['kind'] as const,
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
  }

  /** The label of an operation: its name while fewer than MAX_OPERATION_NAMES are known, else `other`. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'unnamed';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES || name.length > 64) return 'other';
    this.operationNames.add(name);
    return name;
  }

  refused(reason: RefusalReason): void {
    this.refusals.inc({ reason });
  }

  /** Times one engine call. */
  async timeEngine<T>(call: string, run: () => Promise<T>): Promise<T> {
    const stop = this.engineSeconds.startTimer({ call });
    try {
      const result = await run();
      this.engineEvaluations.inc({ call, outcome: 'ok' });
      return result;
    } catch (error) {
      this.engineEvaluations.inc({ call, outcome: 'error' });
      throw error;
    } finally {
      stop();
    }
  }

  /** The engine index was brought up to `version`. */
  snapshotRefreshed(event: { version: number; ms: number; patched: boolean }): void {
    this.snapshotVersion.set(event.version);
    this.snapshotLoadSeconds.observe({ kind: event.patched ? 'patch' : 'load' }, event.ms / 1000);
  }

  /** The engine's worker pool, read at each scrape: workers, busy ones, jobs queued by lane. */
  trackEnginePool(stats: () => { workers: number; busy: number; queued: { short: number; long: number } }): void {
    new Gauge({
      name: 'linkfall_engine_workers',
      help: 'Engine worker threads',
      registers: [this.registry],
      collect() {
        this.set(stats().workers);
      },
    });
    new Gauge({
      name: 'linkfall_engine_workers_busy',
      help: 'Engine worker threads running a job now',
      registers: [this.registry],
      collect() {
        this.set(stats().busy);
      },
    });
    new Gauge({
      name: 'linkfall_engine_jobs_queued',
      help: 'Engine jobs waiting for a worker, by lane (short: one impact; long: rankings, plans, regions, modes)',
      labelNames: ['lane'] as const,
      registers: [this.registry],
      collect() {
        const { queued } = stats();
        this.set({ lane: 'short' }, queued.short);
        this.set({ lane: 'long' }, queued.long);
      },
    });
  }

  /** Neo4j sessions in flight, read at each scrape (the driver exposes no pool statistics). */
  trackNeo4jSessions(sessions: () => { read: number; write: number }, maxPoolSize: number): void {
    new Gauge({
      name: 'linkfall_neo4j_sessions_in_flight',
      help: 'Neo4j sessions open now, each holding a pooled connection, by access mode',
      labelNames: ['mode'] as const,
      registers: [this.registry],
      collect() {
        const now = sessions();
        this.set({ mode: 'read' }, now.read);
        this.set({ mode: 'write' }, now.write);
      },
    });
    new Gauge({
      name: 'linkfall_neo4j_max_connection_pool_size',
      help: 'Most connections the Neo4j driver pools',
      registers: [this.registry],
    }).set(maxPoolSize);
  }
}
