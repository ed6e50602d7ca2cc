import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamSupplyGraph } from '../../src/generator/generate-supply-graph';
import { writeSupplyGraphCsv } from '../../src/generator/write-supply-graph-csv';
import { writeSupplyGraphJson } from '../../src/generator/write-supply-graph-json';
import { readGraphSource } from '../../src/features/import/read-graph-source';
import { validateGraphDocument } from '../../src/features/import/validate-graph-document';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linkfall-generate-import-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('generated graphs against the import reader and validation', () => {
  const options = { enterprises: 1500, seed: 11 };

  it.each(['json', 'csv'] as const)('%s output imports without problems', async (format) => {
    const graph = streamSupplyGraph(options);
    const target = join(dir, format === 'json' ? 'graph.json' : 'graph');
    const counts =
      format === 'json' ? await writeSupplyGraphJson(graph, target) : await writeSupplyGraphCsv(graph, target);
    const { document, labels } = readGraphSource(target);
    const { graph: validated, problems } = validateGraphDocument(document, labels);
    expect(problems).toEqual([]);
    expect(validated.externalReferences.size).toBe(0);
    expect(validated.enterprises).toHaveLength(counts.enterprises);
    expect(validated.links).toHaveLength(counts.links);
  });
});
