import { buildGraphQLSchema } from '../../src/app/build-graphql-schema';
import { createLogger } from '../../src/platform/logging/create-logger';
import { migrate } from '../../src/platform/neo4j/migrate';
import { createHttpServer } from '../../src/platform/http/create-http-server';
import { ReadinessProbe } from '../../src/platform/http/readiness-probe';
import type { Services } from '../../src/app/create-services';
import { createRequestContext } from '../../src/app/request-context';
import { ensureWebBuild } from '../../src/web/build-web';
import { createWebRouter } from '../../src/platform/http/web-router';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

/**
 * The HTTP server over the given services on a free port of 127.0.0.1, and a
 * client for it; with `web`, the browser pages too (built first if missing or stale).
 */
export async function startTestServer(services: Services, options: { web?: boolean } = {}) {
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const http = await createHttpServer({
    schema: await buildGraphQLSchema(),
    createContext: () => createRequestContext(services),
    readiness: new ReadinessProbe(services.db, () => migrate(services.db), logger),
    logger,
    maxQueryDepth: 12,
    maxQueryCost: 50_000,
    web: options.web ? createWebRouter(await ensureWebBuild()) : undefined,
  });
  const port = await http.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  const gql = async <T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse<T>> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  };
  return { url, port, gql, stop: () => http.stop() };
}

/** The data of a response that must have no errors. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length)
    throw new Error(`unexpected GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
  return response.data as T;
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;
