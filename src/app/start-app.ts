import 'reflect-metadata';
import type { Config } from '../platform/config/config';
import { createHttpServer } from '../platform/http/create-http-server';
import { ReadinessProbe } from '../platform/http/readiness-probe';
import { createWebRouter } from '../platform/http/web-router';
import { createLogger } from '../platform/logging/create-logger';
import { connectNeo4j } from '../platform/neo4j/connect-neo4j';
import { migrate } from '../platform/neo4j/migrate';
import { builtWebAssets, WEB_OUTPUT_DIR } from '../web/web-assets';
import { buildGraphQLSchema } from './build-graphql-schema';
import { createRequestContext } from './request-context';
import { createServices } from './create-services';
import { seedDemoData } from './seed-demo-data';

export interface RunningApp {
  port: number;
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the whole service from one validated configuration: Neo4j (managed
 * or external), schema migrations, the demo seed, and the HTTP server.
 */
export async function startApp(config: Config, logger = createLogger(config.logLevel)): Promise<RunningApp> {
  const neo4j = await connectNeo4j(config, {
    startManaged: true,
    log: (message) => logger.info({ dataDir: config.dataDir }, message),
  });
  const { db } = neo4j;
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
  const webAssets = builtWebAssets();
  if (!webAssets) {
    logger.warn({ expected: WEB_OUTPUT_DIR }, 'the browser pages are not built (npm run build); serving the API only');
  }
  const http = await createHttpServer({
    schema,
    createContext: () => createRequestContext(services),
    readiness,
    logger,
    maxQueryDepth: config.maxQueryDepth,
    maxQueryCost: config.maxQueryCost,
    web: webAssets ? createWebRouter(webAssets) : undefined,
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
        await neo4j.close();
        logger.info('stopped');
      })();
      return stopping;
    },
  };
}
