import 'fake-indexeddb/auto';
import type { RxCollection } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { openDatabase } from '../../../src-renderer/db/database';
import type { FairleadDatabase } from '../../../src-renderer/db/database';
import { refresh, signIn } from '../../../src-renderer/sync/authClient';
import type { TokenProvider } from '../../../src-renderer/sync/httpClient';
import { startSync } from '../../../src-renderer/sync/replication';
import type { SyncController, SyncOptions } from '../../../src-renderer/sync/replication';
import type { SessionResponse, SessionUser } from '../../../src-shared/auth/protocol';
import type { CollectionName } from '../../../src-shared/domain/collections';
import { createSwitchableNetwork } from './network';
import type { SwitchableNetwork } from './network';

export const demoPassword = 'fairlead-demo';

/** Short waits so tests that go offline and back stay fast. */
export const testRetry = { minMs: 100, maxMs: 1_000 };

/** Tokens of one signed-in test device; refreshes are single-flight like the app's token store. */
export const sessionTokens = (
  serverUrl: string,
  session: SessionResponse,
  fetchImpl?: typeof fetch,
): TokenProvider => {
  let current = session;
  let inFlight: Promise<string> | null = null;
  const provider: TokenProvider = {
    getAccessToken: async () =>
      current.accessTokenExpiresAt - 5_000 > Date.now() ? current.accessToken : provider.refreshAccessToken(),
    refreshAccessToken() {
      inFlight ??= refresh(serverUrl, current.refreshToken, { fetch: fetchImpl })
        .then((next) => {
          current = next;
          return next.accessToken;
        })
        .finally(() => {
          inFlight = null;
        });
      return inFlight;
    },
  };
  return provider;
};

export type TestClient = {
  label: string;
  user: SessionUser;
  db: FairleadDatabase;
  dbName: string;
  sync: SyncController;
  network: SwitchableNetwork;
  signedOut: string[];
  /** Stops sync and closes the store (the laptop is shut down); the data stays for a reopen under dbName. */
  close(): Promise<void>;
};

export type TestClientOptions = {
  serverUrl: string;
  email: string;
  password?: string;
  /** Replicated collections to open; keep them few: 13 open collections per process at most. */
  collections?: CollectionName[];
  /** Reopen an existing device store (a restart) instead of a fresh one. */
  dbName?: string;
  network?: SwitchableNetwork;
  /** Sign in once and pass the session to reopen the same device. */
  session?: SessionResponse;
  label?: string;
  sync?: Partial<SyncOptions>;
};

let counter = 0;

/** A device: its own IndexedDB database (fake-indexeddb), its own network, signed in as `email`, syncing. */
export const openTestClient = async (
  options: TestClientOptions,
): Promise<TestClient & { session: SessionResponse }> => {
  const network = options.network ?? createSwitchableNetwork();
  const collections = options.collections ?? ['leads'];
  const session =
    options.session ?? (await signIn(options.serverUrl, options.email, options.password ?? demoPassword));
  counter += 1;
  const dbName =
    options.dbName ?? `sync-test-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
  const db = await openDatabase({
    name: dbName,
    storage: getRxStorageDexie(),
    multiInstance: false,
    collections,
  });
  const signedOut: string[] = [];
  const sync = startSync(db, {
    serverUrl: options.serverUrl,
    tokens: sessionTokens(options.serverUrl, session, network.fetch),
    onSignedOut: (reason) => signedOut.push(reason),
    collections,
    fetch: network.fetch,
    retry: testRetry,
    ...options.sync,
  });
  let closed = false;
  return {
    label: options.label ?? options.email,
    user: session.user,
    session,
    db,
    dbName,
    sync,
    network,
    signedOut,
    async close() {
      if (closed) return;
      closed = true;
      await sync.stop();
      await db.close();
    },
  };
};

/** The documents a device shows (not deleted), as plain JSON without RxDB's local keys, ordered by id. */
export const visibleDocuments = async (collection: RxCollection): Promise<Record<string, unknown>[]> => {
  const docs = await collection.find({ sort: [{ id: 'asc' }] }).exec();
  return docs.map((doc) => {
    const json = doc.toMutableJSON(false) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(json).filter(([key]) => !key.startsWith('_')));
  });
};

/** Polls until `check` returns a value other than undefined/false, or fails with the last value seen. */
export const waitFor = async <T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 20_000,
  intervalMs = 50,
): Promise<T> => {
  const started = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last: ${String(last)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
};

/** Waits until the device reports "synced" with nothing pending. */
export const waitUntilSynced = (client: TestClient, timeoutMs = 20_000) =>
  waitFor(
    `${client.label} to be synced`,
    () => {
      const status = client.sync.status();
      return status.state === 'synced' && status.pending === 0 ? status : undefined;
    },
    timeoutMs,
  );
