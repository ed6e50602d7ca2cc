import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { prepareBulkLoad } from '../features/import/prepare-bulk-load';
import { streamGraphSource } from '../features/import/read-graph-source';
import type { Config } from '../platform/config/config';
import { bulkLoadManagedNeo4j } from '../platform/neo4j/bulk-load';
import { startManagedNeo4j, stopManagedNeo4j } from '../platform/neo4j/managed-neo4j';
import { type CommandGraph, openCommandGraph } from './bootstrap';

const ACTOR = 'cli:import';

/**
 * `npm run import -- --bulk <source>`: loads a document into the managed
 * Neo4j's empty database with Neo4j's offline importer. Same checks as the
 * staged import (nothing is written unless every row passes), the same
 * properties, defaults and first history entries (read from each row's run),
 * a published run loaded with the rows and a new graph version; the server
 * is stopped for the load and started again.
 */
export async function bulkImport(config: Config, source: string): Promise<Record<string, unknown>> {
  if (config.neo4j.kind !== 'managed') {
    throw new Error('--bulk loads the managed Neo4j of DATA_DIR offline; with NEO4J_URI set, import without --bulk');
  }
  const rows = streamGraphSource(source);
  const { database } = config.neo4j;
  const seconds: Record<string, number> = {};
  let phase = Date.now();
  const lap = (name: string) => {
    seconds[name] = (Date.now() - phase) / 1000;
    phase = Date.now();
  };
  let graph: CommandGraph | null = await openCommandGraph(config);
  const runId = randomUUID();
  const note = `import ${source}`;
  const dir = path.join(config.dataDir, `bulk-${runId}`);
  try {
    const nodes = await graph.services.imports.nodeCount();
    if (nodes > 0) {
      throw new Error(
        `--bulk writes a new database, so it needs an empty one: DATA_DIR's holds ${nodes} nodes ` +
          '(enterprises, API tokens, saved scenarios...). Import without --bulk, or into a new DATA_DIR.',
      );
    }
    const run = { id: runId, at: new Date().toISOString(), note, actor: ACTOR };
    // Read, checked and written out row by row: a document of millions of rows is never held whole.
    const { files, loaded } = await prepareBulkLoad(rows, run, dir);
    lap('readCheckWrite');
    await graph.close();
    graph = null;
    await stopManagedNeo4j(config.dataDir);
    try {
      await bulkLoadManagedNeo4j(config.dataDir, database, files);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await startManagedNeo4j({ dataDir: config.dataDir, ...config.managed });
    }
    lap('load');
    graph = await openCommandGraph(config);
    lap('indexes');
    const result = await graph.services.imports.recordBulkLoad(ACTOR, runId, loaded);
    return { ...result, bulk: true, seconds };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await graph?.close();
  }
}
