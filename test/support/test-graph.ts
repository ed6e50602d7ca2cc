import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { GraphDatabase } from '../../src/platform/neo4j/graph-database';
import { migrate } from '../../src/platform/neo4j/migrate';
import { createServices, type ServiceOptions, type Services } from '../../src/app/create-services';

/** The services over a test connection, with the engine worker script bundled for the run. */
export function testServices(db: GraphDatabase, options: ServiceOptions = {}): Services {
  return createServices(db, { ...options, engine: { workerScript: inject('engineWorkerScript'), ...options.engine } });
}

/** A connection to the test Neo4j, migrated, with the services on top. */
export async function connectTestGraph(): Promise<{ db: GraphDatabase; services: Services }> {
  const db = new GraphDatabase(inject('neo4j'));
  await migrate(db);
  return { db, services: testServices(db) };
}

/**
 * A prefix unique to one test, for ids and region names: tests share one
 * database and can run again and again on it without seeing each other.
 */
export function uniquePrefix(name: string): string {
  return `t-${name}-${randomBytes(4).toString('hex')}`;
}

/** Removes everything a test created under its prefix. */
export async function removeByPrefix(db: GraphDatabase, prefix: string): Promise<void> {
  // Scenarios first: left behind, they would name enterprises no longer there to other test files.
  await db.write(
    `MATCH (s:Scenario) WHERE s.name STARTS WITH $prefix OR s.scenario CONTAINS $prefix
       OR coalesce(s.timeline, '') CONTAINS $prefix DETACH DELETE s`,
    { prefix },
  );
  await db.write('MATCH (e:Enterprise) WHERE e.id STARTS WITH $prefix DETACH DELETE e', { prefix });
  await db.write('MATCH (e:StagedEnterprise) WHERE e.id STARTS WITH $prefix DETACH DELETE e', { prefix });
  await db.write('MATCH (c:StatusChange) WHERE c.subjectId STARTS WITH $prefix DELETE c', { prefix });
  await db.write('MATCH (r:ImportRun) WHERE r.id STARTS WITH $prefix DELETE r', { prefix });
}
