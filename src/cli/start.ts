import { startApp } from '../app/start-app';
import { readConfig } from '../platform/config/config';
import { createLogger } from '../platform/logging/create-logger';
import { runCommand } from './bootstrap';

/** `npm start`: configuration from the environment, read once, here; runs until SIGTERM or SIGINT. */
async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  // glibc's, not ours: without it freed engine buffers stay resident (README, Configuration).
  if (process.platform === 'linux' && process.env.MALLOC_MMAP_THRESHOLD_ === undefined)
    logger.info('MALLOC_MMAP_THRESHOLD_ is unset: memory the engine frees may stay resident; npm start sets 131072');
  const app = await startApp(config, logger);
  let shuttingDown = false;
  const shutdown = (signal: string) => {
    // npm forwards a Ctrl-C the child already got: the repeat must not cut the shutdown short.
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info(
      { signal, graceMs: config.security.shutdownGraceMs },
      'shutting down: requests in flight may finish within the grace, then the driver closes and the managed Neo4j stops',
    );
    app.stop().then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

runCommand(main);
