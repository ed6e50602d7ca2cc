import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGraphQLSchema } from '../../src/schema/build-graphql-schema';
import { printSortedSchema } from '../../src/schema/print-sorted-schema';
import { SCHEMA_FILE } from '../../src/schema/write-schema-file';

describe('schema.graphql', () => {
  it('matches the schema generated from the resolver classes (run `npm run schema` when this fails)', async () => {
    const generated = printSortedSchema(await buildGraphQLSchema());
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });
});
