import fs from 'node:fs';
import { buildGraphQLSchema, SCHEMA_FILE } from '../app/build-graphql-schema';
import { printSortedSchema } from '../platform/graphql/print-sorted-schema';

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
