import { buildGraphQLSchema } from '../../src/app/build-graphql-schema';
import { LIST_SIZE_CAPS } from '../../src/app/list-size-caps';
import { createLogger } from '../../src/platform/logging/create-logger';
import { migrate } from '../../src/platform/neo4j/migrate';
import { createHttpServer } from '../../src/platform/http/create-http-server';
import { ReadinessProbe } from '../../src/platform/http/readiness-probe';
import type { Services } from '../../src/app/create-services';
import { createRequestContext } from '../../src/app/request-context';
import { ensureWebBuild } from '../../src/web/build-web';
import { createWebRouter } from '../../src/platform/http/web-router';
import { Authenticator } from '../../src/platform/auth/authenticator';
import type { JwtVerifier } from '../../src/platform/auth/jwt-verifier';
import type { Role } from '../../src/platform/auth/role';
import { Metrics } from '../../src/platform/metrics/metrics';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export interface TestServerOptions {
  /** Serve the browser pages too (built first if missing or stale). */
  web?: boolean;
  /**
   * The role of requests without a token. Tests run as anonymous admins on
   * loopback unless they test authentication; `null` is ANONYMOUS_ROLE=none.
   */
  anonymousRole?: Role | null;
  jwt?: JwtVerifier;
  rateLimitPerMinute?: number;
  allowedHosts?: string[] | null;
  corsOrigins?: string[];
  introspection?: boolean;
  shutdownGraceMs?: number;
  maxAliases?: number;
  maxRootFields?: number;
  /** Where the server counts; the services given may count into the same one. */
  metrics?: Metrics;
}

/**
 * The HTTP server over the given services on a free port of 127.0.0.1, and a
 * client for it; the same security stack as the service, with the options
 * above instead of the configuration.
 */
export async function startTestServer(services: Services, options: TestServerOptions = {}) {
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const metrics = options.metrics ?? new Metrics();
  const http = await createHttpServer({
    schema: await buildGraphQLSchema(),
    createContext: (principal) => createRequestContext(services, principal),
    readiness: new ReadinessProbe(services.db, () => migrate(services.db), logger),
    logger,
    metrics,
    limits: {
      maxDepth: 12,
      maxCost: 50_000,
      maxAliases: options.maxAliases ?? 30,
      maxRootFields: options.maxRootFields ?? 20,
      listSizeCaps: LIST_SIZE_CAPS,
    },
    security: {
      authenticator: new Authenticator({
        anonymousRole: options.anonymousRole === undefined ? 'admin' : options.anonymousRole,
        findApiKey: (hash) => services.apiTokens.findLiveByHash(hash),
        jwt: options.jwt ?? null,
      }),
      allowedHosts: options.allowedHosts === undefined ? ['127.0.0.1', 'localhost'] : options.allowedHosts,
      corsOrigins: options.corsOrigins ?? [],
      rateLimitPerMinute: options.rateLimitPerMinute ?? 0,
      introspection: options.introspection ?? true,
      shutdownGraceMs: options.shutdownGraceMs ?? 10_000,
    },
    abortInFlight: () => services.db.abortInFlight(),
    web: options.web ? createWebRouter(await ensureWebBuild()) : undefined,
  });
  const port = await http.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  /** POSTs an operation; with `token`, as that bearer. */
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const bearer = (token?: string): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});
  const gql = async <T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<GraphQLResponse<T>> =>
    (await (await post({ query, variables }, bearer(token))).json()) as GraphQLResponse<T>;
  /** The HTTP status and the body of an operation. */
  const gqlWithStatus = async <T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<{ status: number; body: GraphQLResponse<T> }> => {
    const response = await post({ query, variables }, bearer(token));
    return { status: response.status, body: (await response.json()) as GraphQLResponse<T> };
  };
  return {
    url,
    port,
    metrics,
    post,
    gql,
    gqlWithStatus,
    requestsInFlight: http.requestsInFlight,
    subscriptionConnections: http.subscriptionConnections,
    stop: () => http.stop(),
  };
}

/** The data of a response that must have no errors. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length)
    throw new Error(`unexpected GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
  return response.data as T;
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;
