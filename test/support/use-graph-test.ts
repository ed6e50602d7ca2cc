import { afterAll, beforeAll } from 'vitest';
import type { GraphDocument } from '../../src/features/import/graph-document';
import type { GraphDatabase } from '../../src/platform/neo4j/graph-database';
import type { Services } from '../../src/app/create-services';
import { connectTestGraph, removeByPrefix } from './test-graph';
import { startTestServer, type TestServer } from './test-server';

/**
 * The setup a graph test file shares: a connection to the test Neo4j, the
 * document it needs imported, and the HTTP server on top; afterwards
 * everything under the file's prefix is removed.
 */
export function useGraphTest(prefix: string, seed?: { document: GraphDocument; at?: Date }) {
  const context = {} as { db: GraphDatabase; services: Services; server: TestServer };
  beforeAll(async () => {
    Object.assign(context, await connectTestGraph());
    if (seed) await context.services.imports.importGraph('test', seed.document, { at: seed.at });
    context.server = await startTestServer(context.services);
  });
  afterAll(async () => {
    await context.server.stop();
    await context.services.engine.close();
    await removeByPrefix(context.db, prefix);
    await context.db.close();
  });
  return context;
}
