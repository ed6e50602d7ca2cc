import 'reflect-metadata';
import { GraphQLError } from 'graphql';
import { createServices, type Services } from '../app/create-services';
import { ConfigError, readConfig, type Config } from '../platform/config/config';
import { connectNeo4j } from '../platform/neo4j/connect-neo4j';
import { ManagedNeo4jError } from '../platform/neo4j/managed-neo4j';
import { migrate } from '../platform/neo4j/migrate';

/** Exit code for a bad command line or configuration. */
export const EXIT_USAGE = 2;

/**
 * Runs a command's `main` and exits with the code it returns (a long-running
 * command returns nothing and keeps the process alive). A failure the user can
 * fix (configuration, missing Java, bad input) prints its message alone;
 * anything else prints the whole error.
 */
export function runCommand(main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      if (code !== undefined) process.exit(code);
    },
    (error: unknown) => {
      if (error instanceof ConfigError || error instanceof ManagedNeo4jError) {
        console.error(error.message);
        process.exit(EXIT_USAGE);
      }
      console.error(error instanceof GraphQLError || error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

export interface CommandGraph {
  config: Config;
  services: Services;
  close(): Promise<void>;
}

/**
 * The graph for a command: the configuration read once from the environment,
 * then NEO4J_URI when set, else the managed Neo4j of DATA_DIR, which must be
 * running (`npm start` or `npm run neo4j -- start`); the schema migrated.
 */
export async function openCommandGraph(config = readConfig()): Promise<CommandGraph> {
  const neo4j = await connectNeo4j(config, { startManaged: false, connectionTimeoutMs: 30_000 });
  try {
    await migrate(neo4j.db);
  } catch (error) {
    await neo4j.close();
    throw error;
  }
  return { config, services: createServices(neo4j.db), close: () => neo4j.close() };
}
