import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';

/** SDL in a stable order, so the committed schema.graphql diffs cleanly. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
