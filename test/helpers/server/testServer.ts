import { createAccessTokens } from '../../../src-server/auth/accessTokens';
import type { ServerConfig } from '../../../src-server/config';
import type { HttpOptions } from '../../../src-server/http/context';
import { startServer } from '../../../src-server/server';
import type { RunningServer } from '../../../src-server/server';
import type { DemoSeed } from '../../../src-server/cli/seedDemo';
import type { Fixture } from './fixtures';
import { seedFixture, seedTestDemo } from './fixtures';
import type { Backend, TestDatabase } from './testDatabase';
import { createTestDatabase } from './testDatabase';

export const testJwtSecret = 'test-secret-for-fairlead-integration-tests-only';

export type TestServerOptions = {
  /** A database shared with another instance; otherwise a fresh one is created and dropped by stop(). */
  database?: TestDatabase;
  backend?: Backend;
  http?: Partial<HttpOptions>;
  accessTokenTtlSeconds?: number;
  /** As FAIRLEAD_SEED_DEMO=1: seed the demo organisation (full-strength hashes) if the database is empty. */
  seedDemo?: boolean;
};

export type TestServer = RunningServer & {
  database: TestDatabase;
  /** Closes the server, then drops the database if this server created it. */
  stop(): Promise<void>;
};

/**
 * A real server in this process on a free port (127.0.0.1), on PGlite or PostgreSQL. Use `seedFixture(server.db,
 * server.feed)` or `seedTestDemo(...)` for users, then `signIn(server.url, email, password)`.
 */
export const startTestServer = async (options: TestServerOptions = {}): Promise<TestServer> => {
  const ownsDatabase = options.database === undefined;
  const database = options.database ?? (await createTestDatabase(options.backend ?? 'pglite'));
  const config: ServerConfig = {
    host: '127.0.0.1',
    port: 0,
    database: database.target,
    jwtSecret: testJwtSecret,
    seedDemo: options.seedDemo ?? false,
    logLevel: 'warn',
    http: { signInRateLimit: { max: 1000, windowMs: 60_000 }, ...options.http },
  };
  let server: RunningServer;
  try {
    server = await startServer(config, {
      logger: process.env.TEST_SERVER_LOGS === '1' ? { level: 'info' } : { level: 'error' },
      tokens: options.accessTokenTtlSeconds
        ? createAccessTokens(testJwtSecret, options.accessTokenTtlSeconds)
        : undefined,
    });
  } catch (error) {
    if (ownsDatabase) await database.drop();
    throw error;
  }
  return {
    ...server,
    database,
    async stop() {
      await server.close();
      if (ownsDatabase) await database.drop();
    },
  };
};

/** A fresh server with the authorization fixture (two teams, every role, a second organisation). */
export const startFixtureServer = async (
  options: TestServerOptions = {},
): Promise<{ server: TestServer; fixture: Fixture }> => {
  const server = await startTestServer(options);
  try {
    return { server, fixture: await seedFixture(server.db, server.feed) };
  } catch (error) {
    await server.stop();
    throw error;
  }
};

/** A fresh server with the demo organisation of `seed-demo` (password "fairlead-demo"). */
export const startDemoServer = async (
  options: TestServerOptions = {},
): Promise<{ server: TestServer; demo: DemoSeed }> => {
  const server = await startTestServer(options);
  try {
    return { server, demo: await seedTestDemo(server.db, server.feed) };
  } catch (error) {
    await server.stop();
    throw error;
  }
};
