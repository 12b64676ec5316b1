import { describeDatabase, readServerConfig } from './config';
import { startServer } from './server';

/**
 * Entry point: `tsx src-server/main.ts`. Configuration comes from the environment (docs/sync-server.md). Prints
 * one "listening on <url>" line that scripts and tests wait for.
 */
const main = async (): Promise<void> => {
  const config = readServerConfig();
  const server = await startServer(config, { logger: { level: config.logLevel } });
  console.log(`Fairlead sync server listening on ${server.url} (${describeDatabase(config.database)})`);
  const shutdown = (signal: string) => {
    server.app.log.info(`${signal}: shutting down`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
