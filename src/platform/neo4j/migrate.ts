import { cypherStatements } from './cypher';
import type { GraphDatabase } from './graph-database';

/** Applies `cypher/schema.cypher`; every statement is idempotent, so it runs at each start. */
export async function migrate(db: GraphDatabase): Promise<void> {
  for (const statement of cypherStatements('schema')) {
    await db.write(statement);
  }
  await db.read('CALL db.awaitIndexes(120)');
}
