import { buildGraphQLSchema } from '../../src/schema/build-graphql-schema';
import { createLogger } from '../../src/logging/create-logger';
import { migrate } from '../../src/neo4j/migrate';
import { createHttpServer } from '../../src/server/create-http-server';
import { ReadinessProbe } from '../../src/server/readiness-probe';
import type { Services } from '../../src/services/create-services';
import { ensureWebBuild } from '../../src/web/build-web';
import { createWebRouter } from '../../src/web/web-router';
import type { GraphQLResponse } from '../support/test-server';

/**
 * The HTTP server as the service runs it, with the browser pages (built with
 * esbuild first if missing or stale), on a free port of 127.0.0.1.
 */
export async function startWebServer(services: Services) {
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const assetsDir = await ensureWebBuild();
  const http = await createHttpServer({
    schema: await buildGraphQLSchema(),
    services,
    readiness: new ReadinessProbe(services.db, () => migrate(services.db), logger),
    logger,
    maxQueryDepth: 12,
    maxQueryCost: 50_000,
    web: createWebRouter(assetsDir),
  });
  const port = await http.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  const gql = async <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  };
  return { url, port, gql, stop: () => http.stop() };
}
