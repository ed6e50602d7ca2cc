import { readConfig } from '../platform/config/config';
import {
  findRunningManagedNeo4j,
  managedNeo4jPaths,
  startManagedNeo4j,
  stopManagedNeo4j,
} from '../platform/neo4j/managed-neo4j';
import { EXIT_USAGE, runCommand } from './bootstrap';

const USAGE = 'usage: npm run neo4j -- start|stop|status   (the managed Neo4j of DATA_DIR, default .data/)';

/**
 * `npm run neo4j -- start|stop|status`: runs the managed Neo4j by itself, e.g.
 * to restart it under a running service.
 */
async function main(command: string | undefined): Promise<number> {
  const config = readConfig();
  const { dataDir } = config;
  switch (command) {
    case 'start': {
      const managed = await startManagedNeo4j({ dataDir, ...config.managed, log: (m) => console.log(m) });
      console.log(
        `Neo4j is running at ${managed.uri} (user neo4j, password in ${managedNeo4jPaths(dataDir).password})`,
      );
      return 0;
    }
    case 'stop':
      console.log((await stopManagedNeo4j(dataDir)) ? 'stopped' : 'not running');
      return 0;
    case 'status': {
      const running = await findRunningManagedNeo4j(dataDir);
      console.log(running ? `running at ${running.uri} (pid ${running.pid})` : `not running (DATA_DIR ${dataDir})`);
      return running ? 0 : 3;
    }
    default:
      console.error(USAGE);
      return EXIT_USAGE;
  }
}

runCommand(() => main(process.argv[2]));
