import { ApiTokenRepository } from '../features/access/api-token.repository';
import { ApiTokenService } from '../features/access/api-token.service';
import { ChainService } from '../features/chain/chain.service';
import { EnterpriseRepository } from '../features/enterprise/enterprise.repository';
import { EnterpriseService } from '../features/enterprise/enterprise.service';
import { HistoryRepository } from '../features/history/history.repository';
import { HistoryService } from '../features/history/history.service';
import fs from 'node:fs';
import path from 'node:path';
import { EngineRuntime } from '../features/engine-runtime/engine-runtime';
import { ImpactService } from '../features/impact/impact.service';
import { GraphExportService } from '../features/import/graph-export.service';
import { ImportService } from '../features/import/import.service';
import { LiveService } from '../features/live/live.service';
import { RecoveryRepository } from '../features/recovery/recovery.repository';
import { RecoveryService } from '../features/recovery/recovery.service';
import { ScenarioRepository } from '../features/scenario/scenario.repository';
import { ScenarioService } from '../features/scenario/scenario.service';
import { SimulationService } from '../features/simulation/simulation.service';
import { SupplyLinkRepository } from '../features/supply-link/supply-link.repository';
import { SupplyLinkService } from '../features/supply-link/supply-link.service';
import { DEFAULT_ENGINE_WORKERS, type EngineConfig } from '../platform/config/config';
import type { Logger } from '../platform/logging/create-logger';
import type { Metrics } from '../platform/metrics/metrics';
import { GraphChangeFeed } from '../platform/neo4j/graph-change-feed';
import { GraphChangeRepository } from '../platform/neo4j/graph-change.repository';
import type { GraphDatabase } from '../platform/neo4j/graph-database';
import { ImportRunRepository } from '../features/import/import-run.repository';
import { ENGINE_JOBS } from './engine-jobs';
import { instrumentEngine, instrumentSimulation } from './instrument-engine';

/** The compiled engine worker script beside this file (dist/app/engine-worker.js). */
export const ENGINE_WORKER_SCRIPT = path.join(__dirname, 'engine-worker.js');

export interface ServiceOptions {
  logger?: Logger;
  /** Counts and times engine calls and graph refreshes. */
  metrics?: Metrics;
  engine?: Partial<EngineConfig> & {
    /** The worker script (tests run the sources: they pass a bundle of src/app/engine-worker.ts). */
    workerScript?: string | undefined;
  };
  /** How often the live-update feed reads the graph version while anyone subscribes (LIVE_POLL_MS). */
  livePollMs?: number;
  /** How long an import run may go without progress before the next import takes it for abandoned. */
  importStaleMs?: number;
}

/** An import run commits a batch every few seconds at most; two minutes without one is a stopped process. */
export const DEFAULT_IMPORT_STALE_MS = 120_000;

/** LIVE_POLL_MS when not configured. */
export const DEFAULT_LIVE_POLL_MS = 250;

/**
 * Wires repositories into services, once per process. Services hold no
 * per-user state; per-request state lives in the request context. The
 * engine's threads start on first use (engine.warm() starts them early).
 */
export function createServices(db: GraphDatabase, options: ServiceOptions = {}) {
  const { logger, metrics } = options;
  const enterpriseRepository = new EnterpriseRepository(db);
  const linkRepository = new SupplyLinkRepository(db);
  const changes = new GraphChangeRepository(db);
  const enterprises = new EnterpriseService(db, enterpriseRepository);
  const links = new SupplyLinkService(db, linkRepository, enterprises);
  const workerScript = options.engine?.workerScript ?? ENGINE_WORKER_SCRIPT;
  const engine = new EngineRuntime({
    jobs: ENGINE_JOBS,
    changes,
    connection: db.connection,
    workerScript,
    workers: options.engine?.workers ?? DEFAULT_ENGINE_WORKERS,
    timeoutMs: options.engine?.timeoutMs ?? 60_000,
    snapshotFile: options.engine?.snapshotFile ?? null,
    logger,
    onRefresh: (event) => metrics?.snapshotRefreshed(event),
  });
  if (!fs.existsSync(workerScript))
    logger?.warn({ workerScript }, 'the engine worker script is missing: npm run build');
  const impact = new ImpactService(engine, enterprises);
  const simulation = new SimulationService(engine);
  if (metrics) {
    instrumentEngine(impact, metrics);
    instrumentSimulation(simulation, metrics);
    metrics.trackEnginePool(() => engine.stats());
  }
  const feed = new GraphChangeFeed(changes, {
    intervalMs: options.livePollMs ?? DEFAULT_LIVE_POLL_MS,
    onError: (error) => logger?.warn({ err: error }, 'live updates: reading the graph version failed; trying again'),
  });
  return {
    db,
    changes,
    engine,
    feed,
    live: new LiveService(feed, { enterprises, links }),
    enterprises,
    links,
    imports: new ImportService(
      db,
      enterpriseRepository,
      linkRepository,
      new ImportRunRepository(db, options.importStaleMs ?? DEFAULT_IMPORT_STALE_MS),
    ),
    exports: new GraphExportService(enterpriseRepository, linkRepository),
    history: new HistoryService(new HistoryRepository(db)),
    chains: new ChainService(enterprises, links, impact),
    recovery: new RecoveryService(new RecoveryRepository(db), enterprises),
    impact,
    simulation,
    scenarios: new ScenarioService(db, new ScenarioRepository(db), impact, simulation),
    apiTokens: new ApiTokenService(db, new ApiTokenRepository(db)),
  };
}

export type Services = ReturnType<typeof createServices>;
