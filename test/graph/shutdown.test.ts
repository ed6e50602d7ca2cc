import { inject, describe, expect, it } from 'vitest';
import { GraphDatabase } from '../../src/platform/neo4j/graph-database';
import { connectTestGraph, removeByPrefix, uniquePrefix, testServices } from '../support/test-graph';
import { startTestServer } from '../support/test-server';

/**
 * SIGTERM (the service's stop): requests in flight finish within
 * SHUTDOWN_GRACE_MS; past it, their transactions are rolled back and they
 * say so, changing nothing.
 */
const IMPORT = `mutation($input: GraphImportInput!) { importGraph(input: $input) { enterprisesCreated } }`;

function manyEnterprises(prefix: string, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-e${i}`,
    name: `Enterprise ${i}`,
    kind: 'WEAVING',
    region: `${prefix}-region`,
  }));
}

/** A server on its own driver (a shutdown aborts that driver's transactions), with an import in flight. */
async function importInFlight(prefix: string, shutdownGraceMs: number) {
  const db = new GraphDatabase(inject('neo4j'));
  const server = await startTestServer(testServices(db), { shutdownGraceMs });
  const response = server.post({
    query: IMPORT,
    variables: { input: { enterprises: manyEnterprises(prefix, 3_000) } },
  });
  while (server.requestsInFlight() === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  return { db, server, response };
}

async function countUnder(prefix: string): Promise<number> {
  const { db } = await connectTestGraph();
  try {
    const result = await db.read('MATCH (e:Enterprise) WHERE e.id STARTS WITH $prefix RETURN count(e) AS n', {
      prefix,
    });
    return result.records[0].get('n') as number;
  } finally {
    await removeByPrefix(db, prefix);
    await db.close();
  }
}

describe('shutdown', () => {
  it('lets an import in flight finish within the grace, then stops', async () => {
    const prefix = uniquePrefix('drain');
    const { db, server, response } = await importInFlight(prefix, 60_000);
    const stopped = server.stop();
    const answer = await response;
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as any).data.importGraph.enterprisesCreated).toBe(3_000);
    await stopped;
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
    await db.close();
    expect(await countUnder(prefix)).toBe(3_000);
  });

  it('rolls back what is still running when the grace runs out, and says so', async () => {
    const prefix = uniquePrefix('abort');
    const { db, server, response } = await importInFlight(prefix, 0);
    await server.stop();
    const answer = await response;
    expect(answer.status).toBe(503);
    const body: any = await answer.json();
    expect(body.errors[0]).toMatchObject({
      extensions: { code: 'SERVICE_UNAVAILABLE' },
      message: expect.stringMatching(/shutting down: this request was stopped and its transaction rolled back/),
    });
    await db.close();
    expect(await countUnder(prefix)).toBe(0);
  });
});
