import 'reflect-metadata';
import type { Config } from '../platform/config/config';
import { createLogger, type Logger } from '../platform/logging/create-logger';
import { GraphDatabase } from '../platform/neo4j/graph-database';
import { startManagedNeo4j, stopManagedNeo4j } from '../platform/neo4j/managed-neo4j';
import { migrate } from '../platform/neo4j/migrate';
import { buildGraphQLSchema } from './build-graphql-schema';
import { createHttpServer } from '../platform/http/create-http-server';
import { ReadinessProbe } from '../platform/http/readiness-probe';
import { createServices } from './create-services';
import { seedDemoData } from './seed-demo-data';
import { ensureWebBuild } from '../web/build-web';
import { createWebRouter } from '../platform/http/web-router';

export interface RunningApp {
  port: number;
  url: string;
  stop(): Promise<void>;
}

/** Connection details of the configured Neo4j, starting the managed one if that is the choice. */
export async function connectNeo4j(config: Config, logger: Logger) {
  if (config.neo4j.kind === 'external') {
    return { db: new GraphDatabase(config.neo4j), stopManaged: null };
  }
  const managed = await startManagedNeo4j({
    dataDir: config.dataDir,
    heap: config.managed.heap,
    pageCache: config.managed.pageCache,
    port: config.managed.port,
    log: (message) => logger.info({ dataDir: config.dataDir }, message),
  });
  const db = new GraphDatabase({ ...managed, database: config.neo4j.database });
  const stopManaged = managed.startedHere ? () => stopManagedNeo4j(config.dataDir).then(() => undefined) : null;
  return { db, stopManaged };
}

/**
 * Starts the whole service from one validated configuration: Neo4j (managed
 * or external), schema migrations, the demo seed, and the HTTP server.
 */
export async function startApp(config: Config, logger = createLogger(config.logLevel)): Promise<RunningApp> {
  const { db, stopManaged } = await connectNeo4j(config, logger);
  const services = createServices(db, logger);
  // Schema first, then the demo data; if Neo4j is not up yet, /ready runs both once it is.
  const prepare = async () => {
    await migrate(db);
    if (config.seedDemo) await seedDemoData(services, logger);
  };
  const readiness = new ReadinessProbe(db, prepare, logger);
  try {
    await readiness.ensureMigrated();
  } catch (error) {
    // The service still starts: /ready reports 503 and recovers when Neo4j answers.
    logger.error({ err: error }, 'Neo4j is not ready yet; /ready will report 503 until it is');
  }
  const schema = await buildGraphQLSchema();
  const web = await ensureWebBuild().then(createWebRouter, (error: unknown) => {
    logger.error({ err: error }, 'the browser pages could not be built; serving the API only');
    return undefined;
  });
  const http = await createHttpServer({
    schema,
    services,
    readiness,
    logger,
    maxQueryDepth: config.maxQueryDepth,
    maxQueryCost: config.maxQueryCost,
    web,
  });
  const port = await http.listen(config.port, config.host);
  const url = `http://${config.host}:${port}`;
  logger.info({ url, graphql: `${url}/graphql` }, 'Linkfall is listening');

  let stopping: Promise<void> | null = null;
  return {
    port,
    url,
    stop() {
      stopping ??= (async () => {
        await http.stop();
        await db.close();
        if (stopManaged) await stopManaged();
        logger.info('stopped');
      })();
      return stopping;
    },
  };
}
