import { openDatabase } from '../../../src-server/db/openDatabase';
import type { DemoSeed } from '../../../src-server/cli/seedDemo';
import { createLocalChangeFeed } from '../../../src-server/sync/changeFeed';
import type { CollectionName } from '../../../src-shared/domain/collections';
import type { ReplicatedDocument } from '../../../src-shared/sync/protocol';
import { pullAll, signIn } from '../server/api';
import { seedTestDemo } from '../server/fixtures';
import { startServerProcess } from '../server/serverProcess';
import type { ServerProcess } from '../server/serverProcess';
import type { Backend, TestDatabase } from '../server/testDatabase';
import { createTestDatabase } from '../server/testDatabase';

export type SyncTestServer = {
  backend: Backend;
  url: string;
  demo: DemoSeed;
  process: ServerProcess;
  database: TestDatabase;
  /** What the server holds for a user (their visible, non-deleted documents), as plain JSON ordered by id. */
  documentsOf(email: string, collection: CollectionName): Promise<Record<string, unknown>[]>;
  stop(): Promise<void>;
};

export const demoEmail = {
  manager: 'maria@demo.fairlead.app',
  rita: 'rita@demo.fairlead.app',
  ravi: 'ravi@demo.fairlead.app',
  rosa: 'rosa@demo.fairlead.app',
} as const;

/**
 * The sync server as its own process on a fresh database (PGlite, or PostgreSQL from TEST_DATABASE_URL) with the
 * demo organisation seeded (cheap password hashes, password "fairlead-demo").
 */
export const startSyncTestServer = async (
  backend: Backend,
  env: Record<string, string> = {},
): Promise<SyncTestServer> => {
  const database = await createTestDatabase(backend);
  let demo: DemoSeed;
  const db = await openDatabase(database.target);
  try {
    demo = await seedTestDemo(db, createLocalChangeFeed({ error: () => undefined }));
  } finally {
    await db.close();
  }
  const process = await startServerProcess(database, { FAIRLEAD_SIGN_IN_LIMIT: '10000', ...env });
  const tokens = new Map<string, string>();
  return {
    backend,
    url: process.url,
    demo,
    process,
    database,
    async documentsOf(email, collection) {
      let token = tokens.get(email);
      if (!token) {
        token = (await signIn(process.url, email, 'fairlead-demo')).accessToken;
        tokens.set(email, token);
      }
      const { documents } = await pullAll(process.url, token, collection, { limit: 1000 });
      return documents
        .filter((doc: ReplicatedDocument) => !doc._deleted)
        .map((doc) => Object.fromEntries(Object.entries(doc).filter(([key]) => key !== '_deleted')))
        .sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
    },
    async stop() {
      await process.kill();
      await database.drop();
    },
  };
};
