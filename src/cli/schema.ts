import fs from 'node:fs';
import { buildGraphQLSchema, SCHEMA_FILE } from '../app/build-graphql-schema';
import { printSortedSchema } from '../platform/graphql/print-sorted-schema';
import { runCommand } from './bootstrap';

/** `npm run schema`: regenerates schema.graphql from the resolver classes. */
async function main(): Promise<number> {
  const sdl = printSortedSchema(await buildGraphQLSchema());
  fs.writeFileSync(SCHEMA_FILE, sdl);
  console.log(`wrote ${SCHEMA_FILE}`);
  return 0;
}

runCommand(main);
