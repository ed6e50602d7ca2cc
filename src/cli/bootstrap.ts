import 'reflect-metadata';
import { readConfig } from '../platform/config/config';
import { GraphDatabase } from '../platform/neo4j/graph-database';
import { findRunningManagedNeo4j } from '../platform/neo4j/managed-neo4j';
import { migrate } from '../platform/neo4j/migrate';
import { createServices, type Services } from '../app/create-services';

/**
 * For the command-line tools: NEO4J_* when set, else the managed Neo4j of
 * DATA_DIR, which must be running (`npm start` or `npm run neo4j -- start`).
 */
export async function connectFromEnvironment(): Promise<{ services: Services; close: () => Promise<void> }> {
  const config = readConfig();
  let db: GraphDatabase;
  if (config.neo4j.kind === 'external') {
    db = new GraphDatabase(config.neo4j);
  } else {
    const running = await findRunningManagedNeo4j(config.dataDir);
    if (!running) {
      throw new Error(`No Neo4j to talk to: set NEO4J_URI, or start the managed one of ${config.dataDir} with "npm run neo4j -- start" or "npm start".`);
    }
    db = new GraphDatabase({ ...running, database: config.neo4j.database, connectionTimeoutMs: 30_000 });
  }
  await migrate(db);
  return { services: createServices(db), close: () => db.close() };
}
