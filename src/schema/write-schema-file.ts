import fs from 'node:fs';
import path from 'node:path';
import { buildGraphQLSchema } from './build-graphql-schema';
import { printSortedSchema } from './print-sorted-schema';

export const SCHEMA_FILE = path.resolve(__dirname, '..', '..', 'schema.graphql');

/** `npm run schema`: regenerates schema.graphql from the resolver classes. */
async function main(): Promise<void> {
  const sdl = printSortedSchema(await buildGraphQLSchema());
  fs.writeFileSync(SCHEMA_FILE, sdl);
  console.log(`wrote ${SCHEMA_FILE}`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
