/**
 * Sync benchmark: `npm run bench:sync` (tsx test/bench/sync.bench.ts [--smoke]). Starts the sync server as its
 * own process on PGlite (and on PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL is set), seeds leads
 * server-side, and measures against a raw baseline taken in the same run:
 * - initial sync of every lead into an empty device (RxDB on Dexie over fake-indexeddb) vs. plain SQL read +
 *   one raw IndexedDB transaction;
 * - push throughput: local edits on a syncing device, until the server acknowledged all;
 * - device-to-device propagation latency through the live stream, p50/p95.
 * Prints a table and writes bench-results/sync-<timestamp>.json.
 */
// First: Dexie looks for IndexedDB when it loads.
import 'fake-indexeddb/auto';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { RxCollection } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { openDatabase } from '../../src-renderer/db/database';
import type { FairleadDatabase } from '../../src-renderer/db/database';
import { signIn } from '../../src-renderer/sync/authClient';
import { startSync } from '../../src-renderer/sync/replication';
import type { SyncController } from '../../src-renderer/sync/replication';
import type { SessionUser } from '../../src-shared/auth/protocol';
import type { Lead } from '../../src-shared/domain/lead';
import { startServerProcess } from '../helpers/server/serverProcess';
import { createTestDatabase } from '../helpers/server/testDatabase';
import type { Backend } from '../helpers/server/testDatabase';
import { sessionTokens } from '../helpers/sync/clients';
import { capturedLead } from '../helpers/sync/leads';
import { benchOwnerEmail, percentile, prepareBenchDatabase } from './syncBenchSetup';

const smoke = process.argv.includes('--smoke');
const sizes = smoke ? { leads: 500, edits: 200, changes: 20 } : { leads: 50_000, edits: 5_000, changes: 100 };
const password = 'fairlead-demo';

type Device = { db: FairleadDatabase; sync: SyncController; leads: RxCollection<Lead>; user: SessionUser };

let deviceCounter = 0;
const openDevice = async (serverUrl: string, email: string): Promise<Device> => {
  const session = await signIn(serverUrl, email, password);
  deviceCounter += 1;
  const db = await openDatabase({
    name: `bench-${process.pid}-${deviceCounter}-${Date.now()}`,
    storage: getRxStorageDexie(),
    multiInstance: false,
    collections: ['leads'],
  });
  const sync = startSync(db, {
    serverUrl,
    tokens: sessionTokens(serverUrl, session),
    onSignedOut: (reason) => console.error(`signed out: ${reason}`),
    collections: ['leads'],
  });
  return { db, sync, leads: db.leads as unknown as RxCollection<Lead>, user: session.user };
};

const untilPushed = async (sync: SyncController) => {
  for (;;) {
    await sync.awaitInSync();
    const status = sync.status();
    if (status.pending === 0 && status.state === 'synced') return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

const measureInitialSync = async (serverUrl: string, expected: number) => {
  const started = performance.now();
  const device = await openDevice(serverUrl, benchOwnerEmail);
  await device.sync.awaitInSync();
  const ms = performance.now() - started;
  const count = await device.leads.count().exec();
  if (count !== expected) throw new Error(`Initial sync ended with ${count} of ${expected} leads`);
  return { device, ms };
};

/**
 * Edits made on a syncing device (in bulks of 500, as an import or a bulk reassignment would), timed from the
 * first write until the server acknowledged the last. Local write time is reported on its own.
 */
const measurePush = async (device: Device, edits: number) => {
  const docs = await device.leads.find({ sort: [{ recency: 'asc' }], limit: edits }).exec();
  const started = performance.now();
  for (let i = 0; i < docs.length; i += 500) {
    const now = Date.now();
    await device.leads.bulkUpsert(
      docs.slice(i, i + 500).map((doc) => ({ ...doc.toMutableJSON(), notes: 'bench edit', updatedAt: now })),
    );
  }
  const writeMs = performance.now() - started;
  await untilPushed(device.sync);
  const ms = performance.now() - started;
  await device.sync.stop();
  return { ms, writeMs, documents: docs.length };
};

/** One change at a time on one device, timed until the other device's store has it. */
const measureLatency = async (serverUrl: string, changes: number) => {
  const writer = await openDevice(serverUrl, 'ravi@demo.fairlead.app');
  const reader = await openDevice(serverUrl, 'ravi@demo.fairlead.app');
  try {
    const lead = capturedLead(writer.user, 'Latency');
    await writer.leads.insert(lead);
    await untilPushed(writer.sync);
    await untilPushed(reader.sync);
    const latencies: number[] = [];
    for (let i = 0; i < changes; i += 1) {
      const notes = `change ${i}`;
      const arrived = new Promise<number>((resolve) => {
        const subscription = reader.leads.findOne(lead.id).$.subscribe((doc) => {
          if (doc?.notes === notes) {
            subscription.unsubscribe();
            resolve(performance.now());
          }
        });
      });
      const started = performance.now();
      await (await writer.leads.findOne(lead.id).exec())?.incrementalPatch({ notes, updatedAt: Date.now() });
      latencies.push((await arrived) - started);
    }
    return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), samples: latencies.length };
  } finally {
    for (const device of [writer, reader]) {
      await device.sync.stop();
      await device.db.close();
    }
  }
};

const runBackend = async (backend: Backend) => {
  const database = await createTestDatabase(backend);
  try {
    console.log(`[${backend}] seeding ${sizes.leads} leads...`);
    const { raw, seedMs } = await prepareBenchDatabase(database, sizes.leads);
    const server = await startServerProcess(database, { FAIRLEAD_SIGN_IN_LIMIT: '10000' }, 60_000);
    try {
      console.log(`[${backend}] initial sync...`);
      const initial = await measureInitialSync(server.url, sizes.leads);
      console.log(`[${backend}] push of ${sizes.edits} edits...`);
      const pushed = await measurePush(initial.device, sizes.edits);
      await initial.device.db.close();
      console.log(`[${backend}] propagation latency over ${sizes.changes} changes...`);
      const latency = await measureLatency(server.url, sizes.changes);
      const rate = (documents: number, ms: number) => Math.round(documents / (ms / 1000));
      return {
        backend,
        leads: sizes.leads,
        seedMs: Math.round(seedMs),
        initialSync: { ms: Math.round(initial.ms), docsPerSecond: rate(sizes.leads, initial.ms) },
        rawBaseline: { ms: Math.round(raw.ms), docsPerSecond: rate(raw.documents, raw.ms) },
        initialSyncVsRaw: Number((raw.ms / initial.ms).toFixed(3)),
        push: {
          documents: pushed.documents,
          ms: Math.round(pushed.ms),
          localWriteMs: Math.round(pushed.writeMs),
          docsPerSecond: rate(pushed.documents, pushed.ms),
        },
        latencyMs: { p50: Math.round(latency.p50), p95: Math.round(latency.p95), samples: latency.samples },
      };
    } finally {
      await server.kill();
    }
  } finally {
    await database.drop();
  }
};

const main = async () => {
  if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
  const backends: Backend[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  const results = [];
  for (const backend of backends) results.push(await runBackend(backend));

  const rows = results.map((result) => ({
    backend: result.backend,
    leads: result.leads,
    'initial sync (docs/s)': `${result.initialSync.docsPerSecond} (${(result.initialSync.ms / 1000).toFixed(1)} s)`,
    'raw SQL+IDB (docs/s)': `${result.rawBaseline.docsPerSecond} (${(result.rawBaseline.ms / 1000).toFixed(1)} s)`,
    'sync/raw speed': `${result.initialSyncVsRaw}x`,
    [`push ${result.push.documents} edits (docs/s)`]: `${result.push.docsPerSecond} (${(result.push.ms / 1000).toFixed(1)} s)`,
    'latency p50/p95 (ms)': `${result.latencyMs.p50} / ${result.latencyMs.p95}`,
  }));
  console.table(rows);
  mkdirSync('bench-results', { recursive: true });
  const file = `bench-results/sync-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(
    file,
    `${JSON.stringify({ smoke, sizes, at: new Date().toISOString(), results }, null, 2)}\n`,
  );
  console.log(`Written ${file}`);
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
