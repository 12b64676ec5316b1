/**
 * Sync benchmark: `npm run bench:sync` (tsx test/bench/sync.bench.ts [--smoke]). Starts the sync server as its
 * own process on PGlite (and on PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL is set), seeds leads
 * server-side, and measures against a raw baseline taken in the same run:
 * - initial sync of every lead into an empty device (RxDB on Dexie over fake-indexeddb) vs. plain SQL read +
 *   one raw IndexedDB transaction;
 * - push throughput: local edits on a syncing device, until the server acknowledged all;
 * - device-to-device propagation latency through the live stream, p50/p95;
 * - 200 simulated reps (repLoad.ts) with open streams, each pushing once a second: push round trip p50/p95 vs.
 *   the same upserts straight into SQL, errors, server memory.
 * Smoke (`--smoke`): small sizes, 10 reps for 4 s; exits 1 on any rep-load error or missing push.
 * Writes the shared BenchReport (benchReport.ts; `--out <file>`, else bench-results/sync-<timestamp>.json).
 */
// First: Dexie looks for IndexedDB when it loads.
import 'fake-indexeddb/auto';
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
import { benchRow, percentileOf, writeReport } from './benchReport';
import type { BenchReport, BenchRow } from './benchReport';
import { repPassword, runRepLoad, runUpsertBaseline } from './repLoad';
import type { RepLoadResult } from './repLoad';
import { benchOwnerEmail, prepareBenchDatabase } from './syncBenchSetup';

const smoke = process.argv.includes('--smoke');
const sizes = smoke
  ? { leads: 500, edits: 200, changes: 20, reps: 10, repSeconds: 4 }
  : { leads: 50_000, edits: 5_000, changes: 100, reps: 200, repSeconds: 30 };
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
    return { p50: percentileOf(latencies, 50), p95: percentileOf(latencies, 95), samples: latencies.length };
  } finally {
    for (const device of [writer, reader]) {
      await device.sync.stop();
      await device.db.close();
    }
  }
};

const rate = (documents: number, ms: number) => documents / (ms / 1000);

const runBackend = async (
  backend: Backend,
): Promise<{ rows: BenchRow[]; details: unknown; failures: string[] }> => {
  const database = await createTestDatabase(backend);
  const failures: string[] = [];
  try {
    console.log(`[${backend}] seeding ${sizes.leads} leads and ${sizes.reps} rep users...`);
    const { raw, seedMs, seed, repUsers } = await prepareBenchDatabase(database, sizes.leads, sizes.reps);
    const server = await startServerProcess(database, { FAIRLEAD_SIGN_IN_LIMIT: '10000' }, 60_000);
    let initial: { ms: number };
    let pushed: Awaited<ReturnType<typeof measurePush>>;
    let latency: Awaited<ReturnType<typeof measureLatency>>;
    let reps: RepLoadResult;
    try {
      console.log(`[${backend}] initial sync...`);
      const synced = await measureInitialSync(server.url, sizes.leads);
      initial = synced;
      console.log(`[${backend}] push of ${sizes.edits} edits...`);
      pushed = await measurePush(synced.device, sizes.edits);
      await synced.device.db.close();
      console.log(`[${backend}] propagation latency over ${sizes.changes} changes...`);
      latency = await measureLatency(server.url, sizes.changes);
      console.log(`[${backend}] ${sizes.reps} reps pushing once a second for ${sizes.repSeconds} s...`);
      reps = await runRepLoad({
        serverUrl: server.url,
        serverPid: server.pid,
        emails: repUsers.emails,
        password: repPassword,
        durationMs: sizes.repSeconds * 1000,
        observer: { email: 'maria@demo.fairlead.app', password },
      });
    } catch (error) {
      console.error(`[${backend}] server output:\n${server.output()}`);
      throw error;
    } finally {
      await server.kill();
    }
    console.log(`[${backend}] baseline: ${sizes.reps} writers upserting once a second, straight into SQL...`);
    const upserts = await runUpsertBaseline({
      target: database.target,
      orgId: seed.orgId,
      teamId: seed.team.id,
      ownerIds: repUsers.ids,
      durationMs: sizes.repSeconds * 1000,
    });

    if (reps.errorCount > 0)
      failures.push(`[${backend}] rep load: ${reps.errorCount} errors: ${reps.errorSamples.join('; ')}`);
    if (reps.pushes.completed < reps.pushes.scheduled)
      failures.push(
        `[${backend}] rep load: ${reps.pushes.completed} of ${reps.pushes.scheduled} pushes completed`,
      );

    const repsNote = `${reps.reps} reps, ${reps.durationMs / 1000} s, ${reps.pushes.completed} pushes`;
    const rows: BenchRow[] = [
      benchRow({
        id: `sync.${backend}.initial`,
        operation: `initial sync of ${sizes.leads} leads into an empty device`,
        area: 'sync',
        backend,
        ours: rate(sizes.leads, initial.ms),
        unit: 'docs/s',
        baseline: rate(raw.documents, raw.ms),
        baselineLabel: 'raw SQL read + one IndexedDB transaction',
        note: `${(initial.ms / 1000).toFixed(1)} s; raw ${(raw.ms / 1000).toFixed(1)} s`,
      }),
      benchRow({
        id: `sync.${backend}.push`,
        operation: `push of ${pushed.documents} local edits until acknowledged`,
        area: 'sync',
        backend,
        ours: rate(pushed.documents, pushed.ms),
        unit: 'docs/s',
        baseline: null,
        note: `${(pushed.ms / 1000).toFixed(1)} s, of which local writes ${(pushed.writeMs / 1000).toFixed(1)} s`,
      }),
      ...([50, 95] as const).map((p) =>
        benchRow({
          id: `sync.${backend}.latency.p${p}`,
          operation: `change propagation device to device (p${p})`,
          area: 'sync',
          backend,
          ours: p === 50 ? latency.p50 : latency.p95,
          unit: 'ms',
          baseline: null,
          note: `${latency.samples} changes`,
        }),
      ),
      ...([50, 95] as const).map((p) =>
        benchRow({
          id: `sync.${backend}.reps.push.p${p}`,
          operation: `${sizes.reps} reps pushing once a second: push round trip (p${p})`,
          area: 'sync',
          backend,
          ours: p === 50 ? reps.pushMs.p50 : reps.pushMs.p95,
          unit: 'ms',
          baseline: p === 50 ? upserts.ms.p50 : upserts.ms.p95,
          baselineLabel: 'raw SQL upsert, same count and rate',
          note:
            `${repsNote} (${reps.pushes.late} started late), max ${Math.round(reps.pushMs.max)} ms,` +
            ` server CPU ${Math.round(reps.serverCpuPercent)}% of a core, client CPU` +
            ` ${Math.round(reps.client.cpuPercent)}% (event-loop delay p99 ${Math.round(reps.client.loopDelayP99Ms)} ms)`,
        }),
      ),
      benchRow({
        id: `sync.${backend}.reps.stream.p95`,
        operation: `${sizes.reps} reps: push until the change is on the writer's stream (p95)`,
        area: 'sync',
        backend,
        ours: reps.streamMs.p95,
        unit: 'ms',
        baseline: null,
        note:
          `p50 ${Math.round(reps.streamMs.p50)} ms; exact states on the writer's stream ${reps.streamed.own}` +
          ` of ${reps.streamed.accepted}, on a manager's ${reps.streamed.observer} (superseded ones may be skipped)`,
      }),
      {
        ...benchRow({
          id: `sync.${backend}.reps.errors`,
          operation: `${sizes.reps} reps: errors (HTTP, network, conflicts, rejections, lost streams)`,
          area: 'sync',
          backend,
          ours: reps.errorCount,
          unit: 'errors',
          baseline: null,
          target: '0',
          note: reps.errorCount > 0 ? JSON.stringify(reps.errors) : repsNote,
        }),
        met: reps.errorCount === 0,
      },
      benchRow({
        id: `sync.${backend}.reps.memory`,
        operation: `${sizes.reps} reps: server memory (max RSS)`,
        area: 'sync',
        backend,
        ours: reps.memoryMb.max,
        unit: 'MB',
        baseline: reps.memoryMb.before,
        baselineLabel: 'same server before the reps connected',
        note: `sampled every second; ${Math.round(reps.memoryMb.after)} MB after the streams closed`,
      }),
    ];
    const details = {
      backend,
      leads: sizes.leads,
      seedMs: Math.round(seedMs),
      initialSync: { ms: Math.round(initial.ms) },
      rawBaseline: { ms: Math.round(raw.ms), documents: raw.documents },
      push: {
        documents: pushed.documents,
        ms: Math.round(pushed.ms),
        localWriteMs: Math.round(pushed.writeMs),
      },
      latencyMs: latency,
      reps,
      repsBaseline: upserts,
    };
    return { rows, details, failures };
  } finally {
    await database.drop();
  }
};

const main = async () => {
  if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
  const backends: Backend[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  const at = new Date().toISOString();
  const rows: BenchRow[] = [];
  const details: unknown[] = [];
  const failures: string[] = [];
  for (const backend of backends) {
    const result = await runBackend(backend);
    rows.push(...result.rows);
    details.push(result.details);
    failures.push(...result.failures);
  }
  const report: BenchReport = { bench: 'sync', smoke, at, rows, details: { sizes, backends: details } };
  writeReport(report);
  if (failures.length > 0) {
    for (const failure of failures) console.error(failure);
    process.exitCode = 1;
  }
};

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
