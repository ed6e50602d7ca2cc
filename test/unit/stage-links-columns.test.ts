import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINK_PROPERTY_FIELDS } from '../../src/features/supply-link/supply-link.record';
import { CYPHER_DIR } from '../../src/platform/neo4j/cypher';

describe('a staged link row, sent as a list', () => {
  it('is read by import/stage-links with each property of the link it creates at the place the repository puts it', () => {
    const statement = readFileSync(path.join(CYPHER_DIR, 'import/stage-links.cypher'), 'utf8');
    const created = statement.slice(statement.indexOf('CREATE'));
    const read = [...created.matchAll(/(\w+): row\[(\d+)\]/g)].map(([, key, at]) => ({ key, at: Number(at) }));
    expect(read).toEqual(LINK_PROPERTY_FIELDS.map((key, i) => ({ key, at: 4 + i })));
  });
});
