import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Metrics } from '../../src/platform/metrics/metrics';
import { GraphDatabase } from '../../src/platform/neo4j/graph-database';
import { MAX_CONNECTION_POOL_SIZE } from '../../src/platform/neo4j/graph-database';
import { findFreePort } from '../../src/platform/neo4j/managed-neo4j';
import { keqiaoFixture } from '../support/keqiao-fixture';
import { uniquePrefix, testServices } from '../support/test-graph';
import { startTestServer, type TestServer } from '../support/test-server';
import { useGraphTest } from '../support/use-graph-test';

/**
 * What every HTTP answer looks like: JSON in the GraphQL error shape with
 * the status of its code, whatever went wrong and wherever (body parsing,
 * routing, Host and Origin checks, rate limit, a database that is down), and
 * never a stack trace or a path of this machine, whatever NODE_ENV says.
 */
const p = uniquePrefix('http');
const t = useGraphTest(p, { document: keqiaoFixture(p) });
const servers: TestServer[] = [];
const previousNodeEnv = process.env.NODE_ENV;

beforeAll(() => {
  // Express shows stack traces in its error pages unless NODE_ENV is production.
  process.env.NODE_ENV = 'development';
});

afterAll(async () => {
  process.env.NODE_ENV = previousNodeEnv;
  for (const server of servers) await server.stop();
});

async function serverWith(options: Parameters<typeof startTestServer>[1], services = t.services) {
  const server = await startTestServer(services, options);
  servers.push(server);
  return server;
}

/** The status, content type and JSON body of a response, checking it leaks nothing. */
async function answer(response: Response) {
  const text = await response.text();
  expect(response.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
  expect(text).not.toMatch(/stacktrace|\s+at .+\(|\/work\/|node_modules|<html/i);
  return {
    status: response.status,
    body: JSON.parse(text) as { errors?: { message: string; extensions: { code: string } }[] },
  };
}

describe('bodies the service cannot read', () => {
  it('answers malformed JSON with 400 BAD_REQUEST in JSON, never an HTML page', async () => {
    const { status, body } = await answer(await t.server.post('{"query": "{ __typename }"'));
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      { message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } },
    ]);
  });

  it('answers a body over 8 MB with 413 PAYLOAD_TOO_LARGE, pointing to the import command', async () => {
    const big = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(8 * 1024 * 1024 + 1) } });
    const { status, body } = await answer(await t.server.post(big));
    expect(status).toBe(413);
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'PAYLOAD_TOO_LARGE' }, message: /npm run import/ });
  });

  it('answers a body of another type, and a body with no query, with 400', async () => {
    const plain = await fetch(`${t.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{ __typename }',
    });
    expect((await answer(plain)).status).toBe(400);
    expect((await answer(await t.server.post({ variables: {} }))).status).toBe(400);
    expect((await answer(await t.server.post({ query: '{ __typename ' }))).body.errors?.[0].extensions.code).toBe(
      'GRAPHQL_PARSE_FAILED',
    );
  });

  it('answers an unknown route with 404 NOT_FOUND in JSON', async () => {
    const { status, body } = await answer(await fetch(`${t.server.url}/nothing/here`));
    expect(status).toBe(404);
    expect(body.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });
});

/** A request with a Host header of our choosing (fetch always sends the URL's). */
function withHost(url: string, path: string, host: string, body?: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}${path}`,
      { method: body ? 'POST' : 'GET', headers: { host, 'content-type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve(
            new Response(Buffer.concat(chunks), {
              status: res.statusCode,
              headers: res.headers as Record<string, string>,
            }),
          ),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

describe('Host and Origin', () => {
  it('refuses a Host that is not a name of the service (DNS rebinding), but answers probes to any', async () => {
    const query = JSON.stringify({ query: '{ __typename }' });
    const rebound = await answer(await withHost(t.server.url, '/graphql', 'attacker.example:4000', query));
    expect(rebound.status).toBe(403);
    expect(rebound.body.errors?.[0].message).toMatch(/Host "attacker.example:4000" is not a name of this service/);
    expect((await withHost(t.server.url, '/graphql', `localhost:${t.server.port}`, query)).status).toBe(200);
    expect((await withHost(t.server.url, '/health', '10.0.0.7:4000')).status).toBe(200);
  });

  it('refuses browser requests from another origin, unless CORS_ORIGINS lists it', async () => {
    const from = (server: TestServer, origin: string) => server.post({ query: '{ __typename }' }, { origin });
    expect((await from(t.server, t.server.url)).status).toBe(200);
    const foreign = await answer(await from(t.server, 'https://evil.example'));
    expect(foreign.status).toBe(403);
    expect(foreign.body.errors?.[0].message).toMatch(/Origin "https:\/\/evil.example" may not call this service/);

    const shared = await serverWith({ corsOrigins: ['https://app.example'] });
    const preflight = await fetch(`${shared.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const allowed = await from(shared, 'https://app.example');
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
  });
});

describe('limits per principal and per service', () => {
  it('answers 429 RATE_LIMITED with Retry-After once a principal has spent its minute', async () => {
    const limited = await serverWith({ rateLimitPerMinute: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await limited.post({ query: '{ __typename }' })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await limited.post({ query: '{ __typename }' });
    expect(refused.headers.get('retry-after')).toBe('20');
    expect((await answer(refused)).body.errors?.[0].extensions.code).toBe('RATE_LIMITED');
  });

  it('refuses introspection with 400 when it is turned off', async () => {
    const closed = await serverWith({ introspection: false });
    const { status, body } = await answer(await closed.post({ query: '{ __schema { queryType { name } } }' }));
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('a database that does not answer', () => {
  it('answers 503 SERVICE_UNAVAILABLE, for a nullable field too', async () => {
    const port = await findFreePort();
    const db = new GraphDatabase({
      uri: `bolt://127.0.0.1:${port}`,
      user: 'neo4j',
      password: 'x',
      database: 'neo4j',
      connectionTimeoutMs: 1_000,
    });
    const down = await serverWith({}, testServices(db));
    const { status, body } = await answer(await down.post({ query: '{ enterprise(id: "kq-dye-alice") { id } }' }));
    expect(status).toBe(503);
    expect(body.errors?.[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    await db.close();
  });
});

describe('GET /metrics', () => {
  it('counts requests by operation and outcome, refusals by reason, engine calls, the index and Neo4j sessions', async () => {
    const metrics = new Metrics();
    const services = testServices(t.db, { metrics });
    metrics.trackNeo4jSessions(() => t.db.sessionsInFlight(), MAX_CONNECTION_POOL_SIZE);
    const server = await serverWith({ metrics }, services);
    await server.post({ query: `query Lookup { enterprise(id: "${p}-dye") { id } }` });
    await server.post({
      query: `query What { impact(scenario: { blockEnterprises: ["${p}-chem"] }) { stalledCount } }`,
    });
    await server.post({ query: '{ enterprises(filter: { search: 1 }) { totalCount } }' });
    await server.post('{"query":');

    const scrape = await fetch(`${server.url}/metrics`);
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await scrape.text();
    expect(text).toMatch(/linkfall_graphql_requests_total\{operation="Lookup",outcome="ok"\} 1/);
    expect(text).toMatch(/linkfall_graphql_request_duration_seconds_count\{operation="What",outcome="ok"\} 1/);
    expect(text).toMatch(/linkfall_refusals_total\{reason="validation"\} 1/);
    expect(text).toMatch(/linkfall_refusals_total\{reason="bad_request"\} 1/);
    expect(text).toMatch(/linkfall_engine_evaluations_total\{call="impact",outcome="ok"\} 1/);
    expect(text).toMatch(/linkfall_engine_evaluation_duration_seconds_count\{call="impact"\} 1/);
    expect(text).toMatch(/linkfall_engine_snapshot_version [1-9]\d*/);
    expect(text).toMatch(/linkfall_engine_snapshot_load_duration_seconds_count\{kind="load"\} 1/);
    expect(text).toMatch(/linkfall_neo4j_sessions_in_flight\{mode="read"\} \d+/);
    expect(text).toMatch(/linkfall_neo4j_max_connection_pool_size 100/);
  });
});
