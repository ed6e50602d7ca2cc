import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGraphQLSchema, SCHEMA_FILE } from '../../src/app/build-graphql-schema';
import { printSortedSchema } from '../../src/platform/graphql/print-sorted-schema';

describe('schema.graphql', () => {
  it('matches the schema generated from the resolver classes (run `npm run schema` when this fails)', async () => {
    const generated = printSortedSchema(await buildGraphQLSchema());
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });
});
