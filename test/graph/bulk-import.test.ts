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
import { connectNeo4j } from '../../src/platform/neo4j/connect-neo4j';
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

/** Writes a CSV folder: the generated enterprises, then `links` (header line included). */
function folderWithLinks(name: string, links: string[]): string {
  const dir = path.join(dataDir, name);
  fs.mkdirSync(dir);
  fs.copyFileSync(path.join(source, 'enterprises.csv'), path.join(dir, 'enterprises.csv'));
  fs.writeFileSync(path.join(dir, 'links.csv'), `${links.join('\n')}\n`);
  return dir;
}

describe('npm run import -- --bulk', () => {
  it('refuses a document with bad rows, listing every problem by row, and leaves the database empty', async () => {
    const bad = folderWithLinks('bad', [
      'id,from,to,product,mode,volume',
      'bad-1,g-e-0000000,g-e-0000001,yarn,ROAD,1',
      'bad-2,g-e-0000000,g-e-0000001,yarn,BY_AIR,-2',
      'bad-1,g-e-0000000,nowhere,yarn,ROAD,1',
      'bad-3,g-e-0000002,nowhere,yarn,RAIL,1',
    ]);
    const error = await bulkImport(config, bad).then(
      () => null,
      (e: unknown) => e as { message: string; extensions: { problems: unknown[] } },
    );
    expect(error?.message).toMatch(/^Import rejected, nothing was changed\. 4 problems:/);
    expect(error?.extensions.problems).toEqual([
      { path: 'links.csv line 3 (bad-2)', message: expect.stringMatching(/^mode must be one of /) },
      { path: 'links.csv line 3 (bad-2)', message: 'volume must not be negative' },
      { path: 'links.csv line 4 (bad-1)', message: 'duplicate id "bad-1", also at links.csv line 2' },
      { path: 'links.csv line 5 (bad-3)', message: 'refers to enterprise "nowhere", which is not in the import' },
    ]);
    expect(fs.readdirSync(dataDir).filter((name) => name.startsWith('bulk-'))).toEqual([]);
    const graph = await openCommandGraph(config);
    try {
      expect(await graph.services.imports.nodeCount()).toBe(0);
    } finally {
      await graph.close();
    }
  }, 120_000);

  it('loads an empty database with the same rows, defaults and first history entries, then refuses a second load', async () => {
    const before = new Date().toISOString();
    const { document } = await readGraphSource(source);
    const result = await bulkImport(config, source);
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
      expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(Date.parse(before));
      const link = (document.links ?? [])[0] as Record<string, unknown>;
      const [linkEntry] = await history.forSubjects([link.id as string]);
      expect(linkEntry).toMatchObject({ subjectType: 'LINK', status: link.status ?? 'OPEN', at: entry.at });
      const version = await graph.services.changes.version();
      expect(version).toBe(1);
    } finally {
      await graph.close();
    }
    // As after a staged import: the first entries are read from each row and its run, not stored per row.
    const neo4j = await connectNeo4j(config, { startManaged: false });
    try {
      const nodes = await neo4j.db.read('MATCH (c:StatusChange) RETURN count(c) AS n');
      expect(nodes.records[0].get('n')).toBe(0);
    } finally {
      await neo4j.close();
    }

    await expect(bulkImport(config, source)).rejects.toThrow(/--bulk writes a new database, so it needs an empty one/);
  }, 240_000);

  it('leaves the graph a staged import of the same folder leaves: the two exports are equal', async () => {
    const bulk = await openCommandGraph(config);
    const bulkExport = await bulk.services.exports.exportGraph().finally(() => bulk.close());
    expect(bulkExport.enterprises).toHaveLength(300);

    const neo4j = await connectNeo4j(config, { startManaged: false });
    try {
      await neo4j.db.write('MATCH (n) DETACH DELETE n');
    } finally {
      await neo4j.close();
    }
    const staged = await openCommandGraph(config);
    try {
      const { document, labels } = await readGraphSource(source);
      await staged.services.imports.importGraph('cli:import', document, { labels });
      expect(await staged.services.exports.exportGraph()).toEqual(bulkExport);
    } finally {
      await staged.close();
    }
  }, 120_000);
});
