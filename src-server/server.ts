import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { AccessTokens } from './auth/accessTokens';
import { buildApp } from './app';
import { isDatabaseEmpty, seedDemo } from './cli/seedDemo';
import type { ServerConfig } from './config';
import type { Database } from './db/database';
import { openDatabase } from './db/openDatabase';
import { getOrCreateJwtSecret } from './db/settings';
import { createChangeFeed } from './sync/changeFeed';
import type { ChangeFeed } from './sync/changeFeed';

export type RunningServer = {
  url: string;
  port: number;
  app: FastifyInstance;
  db: Database;
  /** Server-side writes (seeding, user admin) go through this so open streams see them. */
  feed: ChangeFeed;
  /** Stops accepting requests, ends open streams, stops listening for changes, closes the database. */
  close(): Promise<void>;
};

export type StartOptions = {
  logger?: FastifyServerOptions['logger'];
  tokens?: AccessTokens;
};

/** Opens and migrates the database, then serves the API until close(). */
export const startServer = async (
  config: ServerConfig,
  options: StartOptions = {},
): Promise<RunningServer> => {
  const db = await openDatabase(config.database);
  let app: FastifyInstance | undefined;
  const feed = createChangeFeed(db, {
    error: (details, message) => (app ? app.log.error(details, message) : console.error(message, details)),
  });
  try {
    await feed.start();
    const jwtSecret = config.jwtSecret ?? (await getOrCreateJwtSecret(db));
    if (config.seedDemo && (await isDatabaseEmpty(db))) await seedDemo(db, feed);
    app = await buildApp({
      db,
      feed,
      jwtSecret,
      options: config.http,
      logger: options.logger,
      tokens: options.tokens,
    });
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await app?.close().catch(() => undefined);
    await feed.stop().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw error;
  }
  const started = app;
  const address = started.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    app: started,
    db,
    feed,
    close: () => {
      closing ??= (async () => {
        await started.close();
        await feed.stop();
        await db.close();
      })();
      return closing;
    },
  };
};
