import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTERPRISE_FIELDS } from '../../src/features/enterprise/enterprise.record';
import { LINK_PROPERTY_FIELDS } from '../../src/features/supply-link/supply-link.record';
import { CYPHER_DIR } from '../../src/platform/neo4j/cypher';

/** The properties a staging statement creates, each with the place in the row it reads it from. */
function createdFromRow(statement: string): { key: string; at: number }[] {
  const text = readFileSync(path.join(CYPHER_DIR, `${statement}.cypher`), 'utf8').replace(/^\/\/.*$/gm, '');
  const created = text.slice(text.indexOf('CREATE'));
  return [...created.matchAll(/(\w+): row\[(\d+)\]/g)].map(([, key, at]) => ({ key, at: Number(at) }));
}

describe('a staged row, sent as a list', () => {
  it('is read by import/stage-links with each property of the link it creates at the place the repository puts it', () => {
    expect(createdFromRow('import/stage-links')).toEqual(LINK_PROPERTY_FIELDS.map((key, i) => ({ key, at: 4 + i })));
  });

  it('is read by import/stage-enterprises with each property of the enterprise it creates at the place the repository puts it', () => {
    expect(createdFromRow('import/stage-enterprises')).toEqual(ENTERPRISE_FIELDS.map((key, i) => ({ key, at: i })));
  });
});
