import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startManagedNeo4j, stopManagedNeo4j } from '../../src/platform/neo4j/managed-neo4j';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; user: string; password: string; database: string };
  }
}

/**
 * Uses NEO4J_URI when set; otherwise starts a disposable managed Neo4j on a
 * free port in a temporary DATA_DIR, and removes it after the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = process.env.NEO4J_DATABASE || 'neo4j';
  if (process.env.NEO4J_URI) {
    project.provide('neo4j', {
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER || 'neo4j',
      password: process.env.NEO4J_PASSWORD || '',
      database,
    });
    return async () => undefined;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkfall-test-'));
  const managed = await startManagedNeo4j({
    dataDir,
    heap: process.env.NEO4J_HEAP || '1g',
    pageCache: process.env.NEO4J_PAGECACHE || '256m',
    port: null,
    log: (message) => console.log(`[test neo4j] ${message}`),
  });
  project.provide('neo4j', { uri: managed.uri, user: managed.user, password: managed.password, database });
  return async () => {
    await stopManagedNeo4j(dataDir);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
