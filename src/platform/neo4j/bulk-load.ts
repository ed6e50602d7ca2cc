import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ManagedNeo4jError, managedNeo4jPaths } from './managed-neo4j';

const execFileAsync = promisify(execFile);

/** CSV files for neo4j-admin's full import: node files by label, relationship files by type. */
export interface BulkFiles {
  nodes: { label: string; file: string }[];
  relationships: { type: string; file: string }[];
  /** Whether a quoted field holds a line break (slower to read, so only when needed). */
  multilineFields: boolean;
}

/**
 * Loads `files` into a database of the managed Neo4j of `dataDir` with the
 * offline importer that ships with Neo4j (`neo4j-admin database import
 * full`), which writes the store files directly: minutes for millions of
 * rows, where transactions take many. The server must be stopped. Any bad
 * row fails the load (no tolerance); a failed load removes the database's
 * files, so the next start finds it empty again, as it was.
 * @see https://neo4j.com/docs/operations-manual/5/tools/neo4j-admin/neo4j-admin-import/
 */
export async function bulkLoadManagedNeo4j(dataDir: string, database: string, files: BulkFiles): Promise<void> {
  const paths = managedNeo4jPaths(dataDir);
  if (!fs.existsSync(paths.classpath)) {
    throw new ManagedNeo4jError(`no managed Neo4j in ${dataDir} yet: start it once (npm run neo4j -- start)`);
  }
  const args = [
    '-Xmx1g',
    '-cp',
    fs.readFileSync(paths.classpath, 'utf8').trim(),
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    database,
    '--overwrite-destination=true',
    '--bad-tolerance=0',
    `--multiline-fields=${files.multilineFields}`,
    `--report-file=${path.join(paths.logs, 'bulk-import.report')}`,
    ...files.nodes.map(({ label, file }) => `--nodes=${label}=${file}`),
    ...files.relationships.map(({ type, file }) => `--relationships=${type}=${file}`),
  ];
  try {
    await execFileAsync('java', args, {
      env: { ...process.env, NEO4J_HOME: paths.home, NEO4J_CONF: paths.conf },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    for (const dir of ['databases', 'transactions']) {
      fs.rmSync(path.join(paths.data, dir, database), { recursive: true, force: true });
    }
    const output = (error as { stdout?: string; stderr?: string }).stderr || (error as Error).message;
    throw new ManagedNeo4jError(`neo4j-admin import failed, the database is left empty:\n${output.slice(-3000)}`);
  }
}
