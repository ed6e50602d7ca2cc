import 'reflect-metadata';
import { Authenticator } from '../platform/auth/authenticator';
import { createJwtVerifier, JwtKeyError } from '../platform/auth/jwt-verifier';
import { ConfigError, type Config } from '../platform/config/config';
import { createHttpServer } from '../platform/http/create-http-server';
import { ReadinessProbe } from '../platform/http/readiness-probe';
import { createWebRouter } from '../platform/http/web-router';
import { createLogger } from '../platform/logging/create-logger';
import { Metrics } from '../platform/metrics/metrics';
import { connectNeo4j } from '../platform/neo4j/connect-neo4j';
import { MAX_CONNECTION_POOL_SIZE } from '../platform/neo4j/graph-database';
import { migrate } from '../platform/neo4j/migrate';
import { builtWebAssets, WEB_OUTPUT_DIR } from '../web/web-assets';
import { buildGraphQLSchema } from './build-graphql-schema';
import { ensureAdminToken } from './ensure-admin-token';
import { LIST_SIZE_CAPS } from './list-size-caps';
import { createRequestContext } from './request-context';
import { createServices } from './create-services';
import { seedDemoData } from './seed-demo-data';

/** For embedding the service (tests run the sources, with the engine worker script bundled). */
export interface StartOptions {
  engineWorkerScript?: string;
}

export interface RunningApp {
  port: number;
  url: string;
  stop(): Promise<void>;
}

/** The JWT verifier the configuration asks for; a key that cannot be used stops the start. */
async function jwtVerifier(config: Config) {
  if (!config.security.jwt) return null;
  try {
    return await createJwtVerifier(config.security.jwt);
  } catch (error) {
    if (error instanceof JwtKeyError) throw new ConfigError(error.message);
    throw error;
  }
}

/**
 * Starts the whole service from one validated configuration: Neo4j (managed
 * or external), schema migrations, the demo seed, the first admin token
 * (managed mode), and the HTTP server.
 */
export async function startApp(
  config: Config,
  logger = createLogger(config.logLevel),
  options: StartOptions = {},
): Promise<RunningApp> {
  const jwt = await jwtVerifier(config);
  const neo4j = await connectNeo4j(config, {
    startManaged: true,
    log: (message) => logger.info({ dataDir: config.dataDir }, message),
  });
  const { db } = neo4j;
  const metrics = new Metrics({ processMetrics: true });
  metrics.trackNeo4jSessions(() => db.sessionsInFlight(), MAX_CONNECTION_POOL_SIZE);
  const services = createServices(db, {
    logger,
    metrics,
    engine: { ...config.engine, workerScript: options.engineWorkerScript },
  });
  // Schema first, then the demo data and the first admin token; if Neo4j is not up yet, /ready runs them once it is.
  // Then the engine starts reading the graph, eagerly: /ready says `warming` until it can evaluate.
  const prepare = async () => {
    await migrate(db);
    if (config.seedDemo) await seedDemoData(services, logger);
    if (config.neo4j.kind === 'managed') await ensureAdminToken(services, config.dataDir, logger);
    void services.engine.warm();
  };
  const readiness = new ReadinessProbe(db, prepare, logger, undefined, services.engine);
  try {
    await readiness.ensureMigrated();
  } catch (error) {
    // The service still starts: /ready reports 503 and recovers when Neo4j answers.
    logger.error({ err: error }, 'Neo4j is not ready yet; /ready will report 503 until it is');
  }
  const schema = await buildGraphQLSchema();
  const webAssets = builtWebAssets();
  if (!webAssets) {
    logger.warn({ expected: WEB_OUTPUT_DIR }, 'the browser pages are not built (npm run build); serving the API only');
  }
  const { security } = config;
  const http = await createHttpServer({
    schema,
    createContext: (principal) => createRequestContext(services, principal),
    readiness,
    logger,
    metrics,
    limits: {
      maxDepth: config.maxQueryDepth,
      maxCost: config.maxQueryCost,
      maxAliases: security.maxAliases,
      maxRootFields: security.maxRootFields,
      listSizeCaps: LIST_SIZE_CAPS,
    },
    security: {
      authenticator: new Authenticator({
        anonymousRole: security.anonymousRole,
        findApiKey: (hash) => services.apiTokens.findLiveByHash(hash),
        jwt,
      }),
      allowedHosts: security.allowedHosts,
      corsOrigins: security.corsOrigins,
      rateLimitPerMinute: security.rateLimitPerMinute,
      introspection: security.introspection,
      shutdownGraceMs: security.shutdownGraceMs,
    },
    abortInFlight: () => db.abortInFlight(),
    web: webAssets ? createWebRouter(webAssets) : undefined,
  });
  const port = await http.listen(config.port, config.host);
  const url = `http://${config.host}:${port}`;
  logger.info(
    {
      url,
      graphql: `${url}/graphql`,
      anonymousRole: security.anonymousRole ?? 'none',
      jwt: security.jwt !== null,
      allowedHosts: security.allowedHosts ?? '*',
    },
    'Linkfall is listening',
  );

  let stopping: Promise<void> | null = null;
  return {
    port,
    url,
    stop() {
      stopping ??= (async () => {
        await http.stop();
        await services.engine.close();
        await neo4j.close();
        logger.info('stopped');
      })();
      return stopping;
    },
  };
}
