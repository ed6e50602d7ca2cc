import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamSupplyGraph } from '../../src/generator/generate-supply-graph';
import { GENERATED_ENTERPRISE_COLUMNS } from '../../src/generator/generated-enterprise';
import { GENERATED_LINK_COLUMNS } from '../../src/generator/generated-link';
import { writeSupplyGraphCsv } from '../../src/generator/write-supply-graph-csv';
import { writeSupplyGraphJson } from '../../src/generator/write-supply-graph-json';
import { readGraphSource, streamGraphSource } from '../../src/features/import/read-graph-source';
import { validateGraphDocument, validateGraphRows } from '../../src/features/import/validate-graph-document';

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
    const { document, labels } = await readGraphSource(target);
    const { graph: validated, problems } = validateGraphDocument(document, labels);
    expect(problems).toEqual([]);
    expect(validated.externalReferences.size).toBe(0);
    expect(validated.enterprises).toHaveLength(counts.enterprises);
    expect(validated.links).toHaveLength(counts.links);
    // The import command checks the rows as they stream in: the same rows, the same problems.
    const partly = await validateGraphRows(streamGraphSource(target));
    expect(partly).toMatchObject({ enterprises: validated.enterprises, clean: true });
    const streamed = await partly.whole;
    expect(streamed.problems).toEqual(problems);
    expect({ ...streamed.graph, labels: null }).toEqual({ ...validated, labels: null });
  });

  it('every generated column has a type in the bulk loader, numbers as 64-bit doubles', () => {
    // bench/to-admin-csv.js rewrites the generator's header for neo4j-admin; an unknown column stops the 1M bench.
    // A CommonJS bench script, loaded as the bench runs it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ENTERPRISE_TYPES, LINK_TYPES } = require('../../bench/to-admin-csv.js') as Record<
      'ENTERPRISE_TYPES' | 'LINK_TYPES',
      Record<string, string>
    >;
    expect(GENERATED_ENTERPRISE_COLUMNS.filter((column) => !(column in ENTERPRISE_TYPES))).toEqual([]);
    expect(GENERATED_LINK_COLUMNS.filter((column) => !(column in LINK_TYPES))).toEqual([]);
    expect(ENTERPRISE_TYPES.dailyOutputValue).toBe(':double');
  });
});
