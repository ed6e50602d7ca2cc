import http from 'node:http';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import express, { type Router } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from '../logging/create-logger';
import { createFormatError } from '../graphql/format-error';
import { queryLimitsPlugin } from '../graphql/plugins/query-limits-plugin';
import { requestLogPlugin } from '../graphql/plugins/request-log-plugin';
import type { ReadinessProbe } from './readiness-probe';

export interface HttpServerOptions<TContext extends BaseContext> {
  schema: GraphQLSchema;
  /** A fresh context for each request (its own DataLoaders). */
  createContext: () => TContext;
  readiness: ReadinessProbe;
  logger: Logger;
  maxQueryDepth: number;
  maxQueryCost: number;
  /** Serves the browser pages (explorer at /, IDE on GET /graphql); mounted before the API. */
  web?: Router;
}

/**
 * The HTTP server: GraphQL at /graphql, GET /health (process alive) and
 * GET /ready (Neo4j reachable and migrated). Call `start` once, `stop` to
 * drain requests in flight.
 */
export async function createHttpServer<TContext extends BaseContext>(options: HttpServerOptions<TContext>) {
  const app = express();
  const server = http.createServer(app);
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    formatError: createFormatError(options.logger),
    introspection: true,
    // The process's own handler drains, closes the driver and stops Neo4j in order.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // Apollo's own landing page loads from a CDN; the service serves its own IDE.
      ApolloServerPluginLandingPageDisabled(),
      queryLimitsPlugin(options.schema, { maxDepth: options.maxQueryDepth, maxCost: options.maxQueryCost }),
      requestLogPlugin(options.logger),
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const readiness = await options.readiness.check();
    res.status(readiness.ready ? 200 : 503).json(readiness);
  });
  if (options.web) app.use(options.web);
  app.use(
    '/graphql',
    express.json({ limit: '64mb' }),
    expressMiddleware(apollo, { context: async () => options.createContext() }),
  );

  return {
    app,
    server,
    listen(port: number, host: string): Promise<number> {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as { port: number }).port));
      });
    },
    /** Stops taking requests and waits for those in flight. */
    stop: () => apollo.stop(),
  };
}
