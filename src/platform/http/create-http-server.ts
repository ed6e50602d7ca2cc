import http from 'node:http';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import cors from 'cors';
import express, { type Router } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Authenticator } from '../auth/authenticator';
import { operationGuardPlugin } from '../auth/operation-guard-plugin';
import type { PrincipalContext } from '../auth/auth-checker';
import type { Principal } from '../auth/principal';
import { ErrorCode } from '../graphql/error-code';
import { createFormatError } from '../graphql/format-error';
import { metricsPlugin } from '../graphql/plugins/metrics-plugin';
import { queryLimitsPlugin, type QueryLimits } from '../graphql/plugins/query-limits-plugin';
import { requestLogPlugin } from '../graphql/plugins/request-log-plugin';
import { responseStatusPlugin } from '../graphql/plugins/response-status-plugin';
import type { Logger } from '../logging/create-logger';
import type { Metrics } from '../metrics/metrics';
import { authenticateRequest } from './authenticate-request';
import { hostCheck } from './host-check';
import { HttpDrain } from './http-drain';
import { jsonErrorHandler, jsonNotFound, MAX_BODY_BYTES } from './json-error-handler';
import { metricsRoute } from './metrics-route';
import { RateLimiter } from './rate-limiter';
import { requestScope } from './request-scope';
import { rateLimitRequest } from './rate-limit-request';
import type { ReadinessProbe } from './readiness-probe';
import type { Refuse } from './refuse';
import { sendGraphQLError } from './send-graphql-error';

/** Most tokens a GraphQL document may hold; parsing stops there, before validation spends time on it. */
export const MAX_QUERY_TOKENS = 3_000;

/** Served to any Host: orchestrators probe these by the pod's address. */
const PROBE_PATHS = ['/health', '/ready'];

export interface HttpSecurityOptions {
  authenticator: Authenticator;
  /** Accepted Host names; null accepts any. */
  allowedHosts: readonly string[] | null;
  corsOrigins: readonly string[];
  /** Requests per principal per minute; 0: no limit. */
  rateLimitPerMinute: number;
  introspection: boolean;
  /** How long requests in flight may finish after `stop` before their transactions are rolled back. */
  shutdownGraceMs: number;
}

export interface HttpServerOptions<TContext extends BaseContext & PrincipalContext> {
  schema: GraphQLSchema;
  /** A fresh context for each request (its own DataLoaders), for the principal making it. */
  createContext: (principal: Principal) => TContext;
  readiness: ReadinessProbe;
  logger: Logger;
  metrics: Metrics;
  limits: QueryLimits;
  security: HttpSecurityOptions;
  /** Called when the shutdown grace runs out: transactions in flight roll back. */
  abortInFlight: () => void;
  /** Serves the browser pages (explorer at /, IDE on GET /graphql); mounted before the API. */
  web?: Router;
}

/**
 * The HTTP server: GraphQL at /graphql, GET /health (process alive),
 * GET /ready (Neo4j reachable and migrated) and GET /metrics. In front of
 * GraphQL: the Host and Origin checks, CORS, authentication, the rate limit
 * and the body limit; every refusal and error answers JSON in the GraphQL
 * error shape with its HTTP status. Call `listen` once, `stop` to drain.
 */
export async function createHttpServer<TContext extends BaseContext & PrincipalContext>(
  options: HttpServerOptions<TContext>,
) {
  const { metrics, security } = options;
  const app = express();
  const server = http.createServer(app);
  const refuse: Refuse = (res, reason, status, code, message, headers) => {
    if (reason) metrics.refused(reason);
    sendGraphQLError(res, status, code, message, headers);
  };
  const drain = new HttpDrain((res) =>
    refuse(res, 'shutting_down', 503, ErrorCode.SERVICE_UNAVAILABLE, 'The service is shutting down; try again shortly'),
  );
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    formatError: createFormatError(options.logger),
    introspection: security.introspection,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: MAX_QUERY_TOKENS },
    // The process's own handler drains, closes the driver and stops Neo4j in order.
    stopOnTerminationSignals: false,
    plugins: [
      // Apollo's own landing page loads from a CDN; the service serves its own IDE.
      ApolloServerPluginLandingPageDisabled(),
      operationGuardPlugin(options.schema),
      queryLimitsPlugin(options.schema, options.limits),
      responseStatusPlugin(),
      metricsPlugin(metrics),
      requestLogPlugin(options.logger),
    ],
  });
  await apollo.start();

  const limiter = new RateLimiter(security.rateLimitPerMinute);
  const authenticate = authenticateRequest(security.authenticator, limiter, refuse);

  app.disable('x-powered-by');
  app.use(drain.middleware);
  app.use(
    hostCheck({
      allowedHosts: security.allowedHosts,
      corsOrigins: security.corsOrigins,
      openPaths: PROBE_PATHS,
      refuse: (res, reason, message) => refuse(res, reason, 403, ErrorCode.FORBIDDEN, message),
    }),
  );
  if (security.corsOrigins.length > 0) {
    app.use(
      cors({
        origin: [...security.corsOrigins],
        methods: ['GET', 'POST'],
        allowedHeaders: ['authorization', 'content-type', 'apollo-require-preflight', 'x-apollo-operation-name'],
        maxAge: 600,
      }),
    );
  }
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const readiness = await options.readiness.check();
    res.status(readiness.ready ? 200 : 503).json(readiness);
  });
  app.get('/metrics', authenticate, metricsRoute(metrics, refuse));
  if (options.web) app.use(options.web);
  app.use(
    '/graphql',
    requestScope,
    authenticate,
    rateLimitRequest(limiter, refuse),
    express.json({ limit: MAX_BODY_BYTES }),
    (req, _res, next) => {
      // A body of another type is not parsed; Apollo then answers 400 instead of a 500 about a missing body.
      req.body ??= {};
      next();
    },
    expressMiddleware(apollo, { context: async ({ res }) => options.createContext(res.locals.principal) }),
  );
  app.use(jsonNotFound(refuse));
  app.use(jsonErrorHandler(options.logger, refuse));

  return {
    app,
    server,
    listen(port: number, host: string): Promise<number> {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as { port: number }).port));
      });
    },
    /** Requests being served now. */
    requestsInFlight: () => drain.requestsInFlight,
    /**
     * Stops taking requests and lets those in flight finish within
     * SHUTDOWN_GRACE_MS; then their transactions roll back and they answer
     * SERVICE_UNAVAILABLE saying so.
     */
    async stop(): Promise<void> {
      await drain.drain(server, security.shutdownGraceMs, options.abortInFlight);
      await apollo.stop();
    },
  };
}
