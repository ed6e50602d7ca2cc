import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkImport } from '../../src/cli/bulk-import';
import { openCommandGraph } from '../../src/cli/bootstrap';
import { readGraphSource } from '../../src/features/import/read-graph-source';
import { streamSupplyGraph } from '../../src/generator/generate-supply-graph';
import { writeSupplyGraphCsv } from '../../src/generator/write-supply-graph-csv';
import { readConfig } from '../../src/platform/config/config';
import { startManagedNeo4j, stopManagedNeo4j } from '../../src/platform/neo4j/managed-neo4j';

// Its own managed Neo4j: a bulk load stops the server and writes a new database.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkfall-bulk-'));
const config = readConfig({ DATA_DIR: dataDir, NEO4J_HEAP: '512m', NEO4J_PAGECACHE: '128m' });
const source = path.join(dataDir, 'graph');

beforeAll(async () => {
  await startManagedNeo4j({ dataDir, ...config.managed });
  await writeSupplyGraphCsv(streamSupplyGraph({ enterprises: 300, seed: 5 }), source);
}, 180_000);

afterAll(async () => {
  await stopManagedNeo4j(dataDir);
  fs.rmSync(dataDir, { recursive: true, force: true });
}, 120_000);

describe('npm run import -- --bulk', () => {
  it('loads an empty database with the same rows, defaults and first history entries, then refuses a second load', async () => {
    const { document, labels } = readGraphSource(source);
    const result = await bulkImport(config, source, document, labels);
    expect(result).toMatchObject({ enterprisesCreated: 300, enterprisesUpdated: 0, bulk: true });
    const links = (document.links ?? []).length;
    expect(result.linksCreated).toBe(links);

    const graph = await openCommandGraph(config);
    try {
      const { imports, enterprises, history } = graph.services;
      expect(await imports.counts()).toEqual({ enterprises: 300, links });
      const [run] = await imports.findRuns([result.runId as string]);
      expect(run).toMatchObject({ state: 'PUBLISHED', total: 300 + links, written: 300 + links });
      // Stored as the staged import stores them: a status default, numbers as 64-bit floats.
      const first = (document.enterprises ?? [])[0] as Record<string, unknown>;
      const [stored] = await enterprises.findByIds([first.id as string]);
      expect(stored).toMatchObject({ id: first.id, name: first.name, capacityRecovery: first.capacityRecovery });
      expect(stored.status).toBe(first.status ?? 'OPERATING');
      const [entry] = await history.forSubjects([first.id as string]);
      expect(entry).toMatchObject({ status: stored.status, note: `import ${source}`, actor: 'cli:import' });
      const version = await graph.services.changes.version();
      expect(version).toBe(1);
    } finally {
      await graph.close();
    }

    await expect(bulkImport(config, source, document, labels)).rejects.toThrow(
      /--bulk writes a new database, so it needs an empty one/,
    );
  }, 240_000);
});
