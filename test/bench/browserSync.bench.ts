/**
 * Initial sync in Chromium, three ways in one run (`tsx test/bench/browserSync.bench.ts [--smoke] [--out f]`):
 * - ours: the built web app (out/web, served by our sync server on PGlite) signs in through its sign-in screen
 *   and replicates every lead into RxDB on Dexie/IndexedDB. Timed in the page from the submit of the sign-in
 *   form until the store holds every lead and replication reports in sync (the part from the store opening is
 *   reported too);
 * - the peer: PouchDB (browser build, IndexedDB) replicating the same documents from pouchdb-server (in memory),
 *   default options and batch_size 500 / 1000; the best of those is the baseline;
 * - raw: the same leads fetched from our pull endpoint (1000 per request) and written in one raw IndexedDB
 *   transaction on a plain object store;
 * - raw indexed: the same, but into stores with the indexes RxDB's Dexie storage creates for leads plus a meta
 *   record per lead as the replication keeps (derived from the schemas at run time): the floor for any store with
 *   this schema, which bounds how far ahead of PouchDB ours can get.
 * Every measurement runs in a fresh browser context (empty IndexedDB). `--smoke` uses 500 leads and exits
 * non-zero when a count is wrong. Needs `npm run build:web` first; CHROMIUM_PATH overrides /usr/bin/chromium.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { fillWithDefaultSettings, getRxReplicationMetaInstanceSchema } from 'rxdb';
import { getDexieStoreSchema } from 'rxdb/plugins/storage-dexie';
import { leadSchema } from '../../src-renderer/db/collections/leads';
import { chromiumArgs, chromiumExecutablePath } from '../helpers/browser/chromium';
import { startServerProcess } from '../helpers/server/serverProcess';
import type { ServerProcess } from '../helpers/server/serverProcess';
import { createTestDatabase } from '../helpers/server/testDatabase';
import type { TestDatabase } from '../helpers/server/testDatabase';
import { benchRow, writeReport } from './benchReport';
import type { BenchReport } from './benchReport';
import { benchOwnerEmail, prepareBenchDatabase } from './syncBenchSetup';

const smoke = process.argv.includes('--smoke');
const leadCount = smoke ? 500 : 50_000;
const password = 'fairlead-demo';
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const webRoot = join(repoRoot, 'out/web');
const pageScript = fileURLToPath(new URL('./browserSync/page.js', import.meta.url));
const require = createRequire(import.meta.url);
const pouchBundle = require.resolve('pouchdb/dist/pouchdb.min.js');
const pouchServerBin = join(require.resolve('pouchdb-server/package.json'), '..', 'bin', 'pouchdb-server');
const syncTimeoutMs = smoke ? 120_000 : 900_000;

type Doc = Record<string, unknown> & { id: string };

/** The IndexedDB indexes RxDB's Dexie storage creates for the leads store and its replication meta store. */
type StoreLayout = { forkIndexes: string[]; metaIndexes: string[] };

const indexesOf = (schema: Parameters<typeof getDexieStoreSchema>[0]): string[] =>
  getDexieStoreSchema(schema)
    .split(',')
    .map((index) => index.trim())
    .slice(1); // the first entry is the primary key

const leadStoreLayout = (): StoreLayout => {
  const leads = fillWithDefaultSettings(leadSchema);
  return {
    forkIndexes: indexesOf(leads),
    metaIndexes: indexesOf(getRxReplicationMetaInstanceSchema(leads, false)),
  };
};

type BenchSync = {
  armSignInTimer(): void;
  awaitOursInSync(
    expected: number,
    timeoutMs: number,
  ): Promise<{
    submitted: number | null;
    storeOpened: number;
    done: number;
    count: number;
    status: unknown;
  }>;
  pouchReplicate(
    remoteUrl: string,
    options: Record<string, unknown>,
  ): Promise<{
    ms: number;
    adapter: string;
    count: number;
    docsWritten: number;
    ok: boolean;
    status: string;
  }>;
  rawFetchAndStore(
    serverUrl: string,
    accessToken: string,
    collection: string,
    limit: number,
    layout: StoreLayout | null,
  ): Promise<{ ms: number; fetchMs: number; count: number; fetched: number }>;
};
/** What page.js puts on window; cast inside each page function (they run in the page, not here). */
type BenchWindow = { benchSync: BenchSync };

const check = (condition: boolean, message: string) => {
  if (!condition) throw new Error(message);
};

const rate = (documents: number, ms: number) => Math.round(documents / (ms / 1000));

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

type PouchServer = { url: string; kill(): Promise<void> };

/** pouchdb-server in memory, in a temporary working directory (it writes config.json and log.txt there). */
const startPouchServer = async (): Promise<PouchServer> => {
  const port = await freePort();
  const cwd = mkdtempSync(join(tmpdir(), 'fairlead-pouchdb-server-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [pouchServerBin, '--in-memory', '--port', String(port), '--host', '127.0.0.1', '--no-stdout-logs'],
    { cwd, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(cwd, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      await kill();
      throw new Error(`pouchdb-server exited with ${child.exitCode}:\n${output}`);
    }
    try {
      if ((await fetch(`${url}/`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await kill();
      throw new Error(`pouchdb-server did not start in 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, kill };
};

const postJson = async <T>(url: string, body: unknown, token?: string): Promise<T> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
};

const signInApi = async (serverUrl: string) =>
  (
    await postJson<{ accessToken: string }>(`${serverUrl}/api/v1/auth/sign-in`, {
      email: benchOwnerEmail,
      password,
    })
  ).accessToken;

/** Every lead exactly as our server hands it to the bench owner's devices. */
const pullAllLeads = async (serverUrl: string): Promise<Doc[]> => {
  const token = await signInApi(serverUrl);
  const documents: Doc[] = [];
  let checkpoint: unknown = null;
  for (;;) {
    const page = await postJson<{ documents: Doc[]; checkpoint: unknown }>(
      `${serverUrl}/api/v1/sync/leads/pull`,
      { checkpoint, limit: 1000 },
      token,
    );
    documents.push(...page.documents);
    checkpoint = page.checkpoint;
    if (page.documents.length < 1000) return documents;
  }
};

/** The same JSON bodies in pouchdb-server, `_id` = lead id, loaded with _bulk_docs before any timing. */
const loadPouchServer = async (pouch: PouchServer, leads: readonly Doc[]): Promise<string> => {
  const dbUrl = `${pouch.url}/leads`;
  const created = await fetch(dbUrl, { method: 'PUT' });
  check(created.ok, `Creating the PouchDB database answered ${created.status}`);
  for (let i = 0; i < leads.length; i += 1000) {
    const docs = leads.slice(i, i + 1000).map((lead) => {
      const { _deleted: _ignored, ...body } = lead;
      return { _id: lead.id, ...body };
    });
    const answer = await postJson<{ ok?: boolean; error?: string }[]>(`${dbUrl}/_bulk_docs`, { docs });
    const failed = answer.filter((row) => row.error);
    check(failed.length === 0, `pouchdb-server refused ${failed.length} documents: ${failed[0]?.error}`);
  }
  const info = (await (await fetch(dbUrl)).json()) as { doc_count: number };
  check(
    info.doc_count === leads.length,
    `pouchdb-server holds ${info.doc_count} of ${leads.length} documents`,
  );
  return dbUrl;
};

const newPage = async (browser: Browser, url: string): Promise<Page> => {
  // bypassCSP: the app's CSP would refuse the injected bench script.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
  await page.goto(url);
  return page;
};

const measureOurs = async (browser: Browser, serverUrl: string) => {
  const page = await newPage(browser, `${serverUrl}/`);
  try {
    await page.getByLabel('Email').fill(benchOwnerEmail);
    await page.getByLabel('Password').fill(password);
    await page.getByLabel('Server').fill(serverUrl);
    await page.addScriptTag({ path: pageScript });
    await page.evaluate(() => (window as unknown as BenchWindow).benchSync.armSignInTimer());
    await page.getByRole('button', { name: 'Sign in' }).click();
    const result = await page.evaluate(
      ([expected, timeoutMs]) =>
        (window as unknown as BenchWindow).benchSync.awaitOursInSync(expected, timeoutMs),
      [leadCount, syncTimeoutMs] as const,
    );
    check(result.submitted !== null, 'The sign-in form was never submitted');
    const fromSubmit = result.done - (result.submitted ?? 0);
    const fromStoreOpen = result.done - result.storeOpened;
    return { ms: fromSubmit, fromStoreOpenMs: fromStoreOpen, count: result.count, status: result.status };
  } finally {
    await page.context().close();
  }
};

const measurePouch = async (browser: Browser, pouch: PouchServer, dbUrl: string, batchSize?: number) => {
  // Served from pouchdb-server's own origin: no CORS preflight on any request, as for our same-origin app.
  const page = await newPage(browser, `${pouch.url}/`);
  try {
    await page.addScriptTag({ path: pouchBundle });
    await page.addScriptTag({ path: pageScript });
    return await page.evaluate(
      ([remote, options]) => (window as unknown as BenchWindow).benchSync.pouchReplicate(remote, options),
      [dbUrl, batchSize === undefined ? {} : { batch_size: batchSize }] as const,
    );
  } finally {
    await page.context().close();
  }
};

const measureRaw = async (browser: Browser, serverUrl: string, layout: StoreLayout | null) => {
  // A JSON page of our server: same origin as the pull endpoint, and no app running beside the measurement.
  const page = await newPage(browser, `${serverUrl}/api/v1/health`);
  try {
    const token = await signInApi(serverUrl);
    await page.addScriptTag({ path: pageScript });
    return await page.evaluate(
      ([url, accessToken, storeLayout]) =>
        (window as unknown as BenchWindow).benchSync.rawFetchAndStore(
          url,
          accessToken,
          'leads',
          1000,
          storeLayout,
        ),
      [serverUrl, token, layout] as const,
    );
  } finally {
    await page.context().close();
  }
};

const main = async () => {
  check(existsSync(join(webRoot, 'index.html')), 'out/web is missing: run `npm run build:web` first');
  const cleanups: (() => Promise<void>)[] = [];
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch((error: unknown) => console.error('cleanup failed:', error));
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const database: TestDatabase = await createTestDatabase('pglite');
    cleanups.push(() => database.drop());
    console.log(`seeding ${leadCount} leads...`);
    await prepareBenchDatabase(database, leadCount);
    const server: ServerProcess = await startServerProcess(
      database,
      { WEB_ROOT: webRoot, FAIRLEAD_SIGN_IN_LIMIT: '10000' },
      60_000,
    );
    cleanups.push(() => server.kill());
    const pouch = await startPouchServer();
    cleanups.push(() => pouch.kill());
    const browser = await chromium.launch({
      executablePath: chromiumExecutablePath,
      args: [...chromiumArgs],
    });
    cleanups.push(() => browser.close());

    console.log('loading the same leads into pouchdb-server...');
    const leads = await pullAllLeads(server.url);
    check(leads.length === leadCount, `Our server handed out ${leads.length} of ${leadCount} leads`);
    const dbUrl = await loadPouchServer(pouch, leads);

    console.log('raw: fetch + one IndexedDB transaction...');
    const raw = await measureRaw(browser, server.url, null);
    check(raw.count === leadCount, `Raw baseline stored ${raw.count} of ${leadCount} leads`);
    console.log("raw with the app's indexes and replication meta...");
    const layout = leadStoreLayout();
    const rawIndexed = await measureRaw(browser, server.url, layout);
    check(
      rawIndexed.count === leadCount,
      `Raw indexed baseline stored ${rawIndexed.count} of ${leadCount} leads`,
    );

    console.log('ours: sign in and initial sync in the web app...');
    const ours = await measureOurs(browser, server.url);
    check(ours.count === leadCount, `Our initial sync ended with ${ours.count} of ${leadCount} leads`);

    const pouchRuns: { batchSize: number | 'default (100)'; ms: number; count: number; adapter: string }[] =
      [];
    for (const batchSize of [undefined, 500, 1000]) {
      console.log(`PouchDB: replicate, batch_size ${batchSize ?? 'default'}...`);
      const run = await measurePouch(browser, pouch, dbUrl, batchSize);
      check(
        run.ok && run.count === leadCount,
        `PouchDB replicated ${run.count} of ${leadCount} (${run.status})`,
      );
      pouchRuns.push({
        batchSize: batchSize ?? 'default (100)',
        ms: run.ms,
        count: run.count,
        adapter: run.adapter,
      });
    }
    const best = pouchRuns.reduce((a, b) => (b.ms < a.ms ? b : a));

    const peerNote = `${leadCount} leads; PouchDB ${best.adapter} adapter, best of batch_size ${pouchRuns
      .map((run) => `${run.batchSize}: ${Math.round(run.ms)} ms`)
      .join(', ')} (best: ${best.batchSize}, ${rate(leadCount, best.ms)} docs/s)`;
    const report: BenchReport = {
      bench: 'browser-sync',
      smoke,
      at: new Date().toISOString(),
      rows: [
        benchRow({
          id: 'peer.initial.ours',
          operation: `initial sync of ${leadCount} leads in Chromium, sign-in submit to in sync`,
          area: 'peer',
          backend: 'pglite',
          ours: ours.ms,
          unit: 'ms',
          baseline: best.ms,
          baselineLabel: 'PouchDB from pouchdb-server',
          target: '≥ 3x faster than PouchDB',
          targetRatio: 1 / 3,
          note: `ours ${rate(leadCount, ours.ms)} docs/s (${Math.round(ours.fromStoreOpenMs)} ms from the store opening); ${peerNote}`,
        }),
        benchRow({
          id: 'peer.initial.raw',
          operation: `initial sync of ${leadCount} leads in Chromium vs raw fetch + IndexedDB`,
          area: 'peer',
          backend: 'pglite',
          ours: ours.ms,
          unit: 'ms',
          baseline: raw.ms,
          baselineLabel: 'raw: pull endpoint 1000/request + one IndexedDB transaction',
          note: `ours ${rate(leadCount, ours.ms)} docs/s; raw ${rate(leadCount, raw.ms)} docs/s (fetch ${Math.round(raw.fetchMs)} ms, IndexedDB ${Math.round(raw.ms - raw.fetchMs)} ms)`,
        }),
        benchRow({
          id: 'peer.initial.rawIndexed',
          operation: `initial sync of ${leadCount} leads in Chromium vs raw fetch + the same IndexedDB writes`,
          area: 'peer',
          backend: 'pglite',
          ours: ours.ms,
          unit: 'ms',
          baseline: rawIndexed.ms,
          baselineLabel: `raw: pull endpoint + one transaction into stores with RxDB's ${layout.forkIndexes.length} lead indexes and the replication meta`,
          note: `the floor for any store with these indexes: ${rate(leadCount, rawIndexed.ms)} docs/s (fetch ${Math.round(rawIndexed.fetchMs)} ms, IndexedDB ${Math.round(rawIndexed.ms - rawIndexed.fetchMs)} ms); PouchDB / this floor = ${(best.ms / rawIndexed.ms).toFixed(2)}x, the most any store with this schema could be faster than PouchDB`,
        }),
      ],
      details: {
        leads: leadCount,
        ours: {
          fromSubmitMs: Math.round(ours.ms),
          fromStoreOpenMs: Math.round(ours.fromStoreOpenMs),
          docsPerSecond: rate(leadCount, ours.ms),
          status: ours.status,
        },
        pouchdb: pouchRuns.map((run) => ({
          ...run,
          ms: Math.round(run.ms),
          docsPerSecond: rate(leadCount, run.ms),
        })),
        raw: {
          ms: Math.round(raw.ms),
          fetchMs: Math.round(raw.fetchMs),
          docsPerSecond: rate(leadCount, raw.ms),
        },
        rawIndexed: {
          ms: Math.round(rawIndexed.ms),
          fetchMs: Math.round(rawIndexed.fetchMs),
          docsPerSecond: rate(leadCount, rawIndexed.ms),
          layout,
        },
      },
    };
    writeReport(report);
  } finally {
    await cleanUp();
  }
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
