import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGraphSource } from '../../src/features/import/read-graph-source';
import { validateGraphDocument } from '../../src/features/import/validate-graph-document';

describe('data/demo.json against the import validation', () => {
  it('passes every import rule, with no reference outside the file', async () => {
    const { document, labels } = await readGraphSource(join(__dirname, '../../data/demo.json'));
    const { graph, problems } = validateGraphDocument(document, labels);
    expect(problems).toEqual([]);
    expect(graph.externalReferences.size).toBe(0);
    expect(graph.enterprises.length).toBe(document.enterprises?.length);
    expect(graph.links.length).toBe(document.links?.length);
  });
});
