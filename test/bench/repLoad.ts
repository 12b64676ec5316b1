/**
 * "200 simulated reps": lightweight clients (plain fetch, no RxDB) that each sign in, keep the live stream open for
 * the whole run and push one change of their own lead per second through the real push endpoint, staggered over
 * the second. Measures push round trips, errors of every kind, server memory (VmRSS of the server process) and
 * whether every change reached the streams that may see it (the writer's own stream and a manager's). The baseline
 * is the same number of single-document upserts at the same rate, straight into the documents table.
 */
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createUser } from '../../src-server/auth/userAdmin';
import type { DemoSeed } from '../../src-server/cli/seedDemo';
import type { Database } from '../../src-server/db/database';
import { openDatabase as openServerDatabase } from '../../src-server/db/openDatabase';
import type { DatabaseTarget } from '../../src-server/db/openDatabase';
import { createLocalChangeFeed } from '../../src-server/sync/changeFeed';
import { createSseParser } from '../../src-renderer/sync/eventStream';
import type { SessionResponse } from '../../src-shared/auth/protocol';
import type { ApiError, PushResponse, ReplicatedDocument, StreamEvent } from '../../src-shared/sync/protocol';
import { fastHashParams } from '../helpers/server/fixtures';
import { capturedLead } from '../helpers/sync/leads';
import { percentileOf } from './benchReport';

export const repPassword = 'fairlead-bench-rep';

export const repEmail = (index: number): string =>
  `bench-rep-${String(index + 1).padStart(3, '0')}@bench.fairlead.app`;

/** Rep users in the bench team, created through the same code path as the CLI (cheap test hashes). */
export const seedRepUsers = async (
  db: Database,
  seed: DemoSeed,
  count: number,
): Promise<{ emails: string[]; ids: string[] }> => {
  const feed = createLocalChangeFeed({ error: () => undefined });
  const emails: string[] = [];
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const user = await createUser(
      db,
      feed,
      {
        email: repEmail(index),
        name: `Bench Rep ${index + 1}`,
        role: 'rep',
        team: seed.team.id,
        password: repPassword,
        hashParams: fastHashParams,
      },
      seed.orgId,
    );
    emails.push(user.email);
    ids.push(user.id);
  }
  return { emails, ids };
};

/** Resident set size of a process in MB (Linux), or NaN when it cannot be read. */
export const rssMb = (pid: number): number => {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
};

/** User + system CPU time of a process in seconds (Linux, 100 clock ticks per second), or NaN. */
export const cpuSeconds = (pid: number): number => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
};

const sleepUntil = (at: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));

/** Runs `work` for every item with at most `limit` in flight. */
const eachLimited = async <T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
) => {
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) await work(items[index] as T, index);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
};

/**
 * One rep's schedule: push k happens at start + offset + k seconds. A push that is late (the previous one took
 * longer than the interval) starts as soon as the previous one answered; the number of late pushes is reported.
 */
const schedule = (start: number, offsetMs: number, durationMs: number, intervalMs: number): number[] => {
  const ticks: number[] = [];
  for (let at = start + offsetMs; at < start + durationMs; at += intervalMs) ticks.push(at);
  return ticks;
};

type Stream = {
  /** Resolves once the RESYNC that opens every stream arrived. */
  ready: Promise<void>;
  /** Set when the stream ended or failed before close() was called. */
  unexpectedEnd(): string | undefined;
  close(): void;
};

/** `GET /api/v1/sync/stream` read like the app reads it (fetch streaming, Bearer header, SSE parser). */
const openStream = (
  serverUrl: string,
  token: string,
  onEvent: (event: StreamEvent, at: number) => void,
): Stream => {
  const abort = new AbortController();
  let closing = false;
  let opened = false;
  let ended: string | undefined;
  let markReady: () => void = () => undefined;
  let failReady: (error: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = () => {
      opened = true;
      resolve();
    };
    failReady = reject;
  });
  // Awaited by the caller; a failure before that must not count as an unhandled rejection.
  ready.catch(() => undefined);
  const fail = (reason: string) => {
    if (closing || ended) return;
    ended = reason;
    failReady(new Error(reason));
  };
  void (async () => {
    try {
      const response = await fetch(`${serverUrl}/api/v1/sync/stream`, {
        headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
        signal: abort.signal,
      });
      if (response.status !== 200 || !response.body) {
        await response.body?.cancel();
        return fail(`stream answered ${response.status}`);
      }
      const parse = createSseParser((data) => {
        const event = JSON.parse(data) as StreamEvent;
        if (event.type === 'RESYNC') markReady();
        onEvent(event, performance.now());
      });
      const reader = response.body.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return fail('stream ended by the server');
        parse(value);
      }
    } catch (error) {
      fail(`stream failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  })();
  return {
    ready,
    // A stream that never opened is counted as such, not as closed.
    unexpectedEnd: () => (opened ? ended : undefined),
    close() {
      closing = true;
      abort.abort();
    },
  };
};

export type RepLoadOptions = {
  serverUrl: string;
  serverPid: number;
  emails: readonly string[];
  password: string;
  durationMs: number;
  /** A manager of the bench team: their stream must carry every rep's changes. */
  observer: { email: string; password: string };
  intervalMs?: number;
};

export type RepLoadErrors = {
  signIn: number;
  streamOpen: number;
  /** Non-2xx push answers. */
  pushStatus: number;
  /** fetch threw (connection refused or reset). */
  pushNetwork: number;
  conflicts: number;
  rejected: number;
  /** Streams (reps' or the observer's) that ended while the run still needed them. */
  streamsClosed: number;
  /** Reps whose last accepted state never arrived on their own stream. */
  ownStreamMissed: number;
  /** Reps whose last accepted state never arrived on the manager's stream. */
  observerMissed: number;
};

export type RepLoadResult = {
  reps: number;
  durationMs: number;
  pushes: { scheduled: number; completed: number; late: number };
  pushMs: { p50: number; p95: number; max: number; samples: number };
  /** From the start of a push until its change arrived on the writer's own stream (delivered changes only). */
  streamMs: { p50: number; p95: number; max: number; samples: number };
  /** Accepted pushes whose exact state arrived on the writer's stream / on the manager's stream. */
  streamed: { accepted: number; own: number; observer: number };
  /** CPU time of the server process over the load phase, in percent of one core. */
  serverCpuPercent: number;
  /**
   * The simulating process itself (all reps share one event loop): its CPU and event-loop delay, so a slow client
   * is not mistaken for a slow server.
   */
  client: { cpuPercent: number; loopDelayP99Ms: number; loopDelayMaxMs: number };
  errors: RepLoadErrors;
  errorCount: number;
  /** First few error messages, for the reader. */
  errorSamples: string[];
  memoryMb: { before: number; max: number; after: number; samples: number[] };
  signInMs: number;
};

const postJson = async <T>(
  url: string,
  token: string,
  body: unknown,
): Promise<{ status: number; body: T }> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
};

const signInRep = async (serverUrl: string, email: string, password: string): Promise<SessionResponse> => {
  const response = await fetch(`${serverUrl}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await response.json()) as SessionResponse | ApiError;
  if (response.status !== 200)
    throw new Error(`sign-in of ${email}: ${response.status} ${JSON.stringify(body)}`);
  return body as SessionResponse;
};

export const runRepLoad = async (options: RepLoadOptions): Promise<RepLoadResult> => {
  const { serverUrl, serverPid, emails, durationMs } = options;
  const intervalMs = options.intervalMs ?? 1000;
  const errors: RepLoadErrors = {
    signIn: 0,
    streamOpen: 0,
    pushStatus: 0,
    pushNetwork: 0,
    conflicts: 0,
    rejected: 0,
    streamsClosed: 0,
    ownStreamMissed: 0,
    observerMissed: 0,
  };
  const errorSamples: string[] = [];
  const fail = (kind: keyof RepLoadErrors, message: string, count = 1) => {
    errors[kind] += count;
    if (errorSamples.length < 10) errorSamples.push(`${kind}: ${message}`);
  };

  const memoryBefore = rssMb(serverPid);
  const cpuBefore = cpuSeconds(serverPid);
  const cpuStarted = performance.now();
  const clientCpuBefore = process.cpuUsage();
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const memorySamples: number[] = [];
  const sampler = setInterval(() => memorySamples.push(rssMb(serverPid)), 1000);

  type Rep = { session: SessionResponse; stream?: Stream; arrivals: Map<string, number> };
  const reps: Rep[] = [];
  const signInStarted = performance.now();
  await eachLimited(emails, 20, async (email) => {
    try {
      reps.push({ session: await signInRep(serverUrl, email, options.password), arrivals: new Map() });
    } catch (error) {
      fail('signIn', error instanceof Error ? error.message : String(error));
    }
  });
  const signInMs = performance.now() - signInStarted;

  // Every change a stream carries is recorded as "<lead id>/<notes>" with its arrival time.
  const keyOf = (doc: ReplicatedDocument) => `${doc.id}/${String((doc as { notes?: unknown }).notes)}`;
  const observed = new Set<string>();
  const observerSession = await signInRep(serverUrl, options.observer.email, options.observer.password);
  const observer = openStream(serverUrl, observerSession.accessToken, (event) => {
    if (event.type === 'changes' && event.collection === 'leads')
      for (const doc of event.documents) observed.add(keyOf(doc));
  });
  for (const rep of reps) {
    rep.stream = openStream(serverUrl, rep.session.accessToken, (event, at) => {
      if (event.type === 'changes' && event.collection === 'leads')
        for (const doc of event.documents) rep.arrivals.set(keyOf(doc), at);
    });
  }
  const within = (ready: Promise<void> | undefined) =>
    Promise.race([
      ready,
      new Promise<void>((_, reject) =>
        setTimeout(() => reject(new Error('no RESYNC within 15 s')), 15_000).unref(),
      ),
    ]);
  const opened = await Promise.allSettled(
    [observer, ...reps.map((rep) => rep.stream)].map((s) => within(s?.ready)),
  );
  for (const result of opened)
    if (result.status === 'rejected') fail('streamOpen', String((result.reason as Error).message));

  const pushMs: number[] = [];
  const streamMs: number[] = [];
  const accepted: { rep: Rep; key: string; started: number }[] = [];
  let scheduled = 0;
  let late = 0;
  const start = performance.now() + 200;
  await Promise.all(
    reps.map(async (rep, index) => {
      const user = rep.session.user;
      const ticks = schedule(start, (index / reps.length) * intervalMs, durationMs, intervalMs);
      scheduled += ticks.length;
      const lead = capturedLead(user, `Rep${index + 1}`);
      let master: ReplicatedDocument<'leads'> | null = null;
      for (const [k, at] of ticks.entries()) {
        if (performance.now() > at + intervalMs / 2) late += 1;
        await sleepUntil(at);
        const notes = `push ${k}`;
        const next: ReplicatedDocument<'leads'> = { ...lead, notes, updatedAt: Date.now(), _deleted: false };
        const started = performance.now();
        try {
          const result = await postJson<PushResponse | ApiError>(
            `${serverUrl}/api/v1/sync/leads/push`,
            rep.session.accessToken,
            [{ assumedMasterState: master, newDocumentState: next }],
          );
          pushMs.push(performance.now() - started);
          if (result.status < 200 || result.status > 299) {
            fail('pushStatus', `${result.status} ${JSON.stringify(result.body)}`);
            continue;
          }
          const body = result.body as PushResponse;
          if (body.conflicts.length > 0)
            fail('conflicts', `${user.email}: ${body.conflicts.length} conflicts`);
          if (body.rejected.length > 0) fail('rejected', JSON.stringify(body.rejected));
          if (body.conflicts.length === 0 && body.rejected.length === 0) {
            master = next;
            accepted.push({ rep, key: keyOf(next), started });
          }
        } catch (error) {
          pushMs.push(performance.now() - started);
          fail('pushNetwork', error instanceof Error ? error.message : String(error));
        }
      }
    }),
  );

  // Let the last changes arrive (up to 5 s), then check that each rep's final state reached its own stream and
  // the manager's. Intermediate states may be skipped: a stream carries a document's current state, and on
  // PostgreSQL an announcement read after the row was rewritten yields nothing (the later one carries it).
  const finals = reps.flatMap((rep) => {
    const last = accepted.findLast((push) => push.rep === rep);
    return last ? [last] : [];
  });
  const delivered = () => finals.every(({ rep, key }) => rep.arrivals.has(key) && observed.has(key));
  for (const until = performance.now() + 5000; !delivered() && performance.now() < until;)
    await new Promise((resolve) => setTimeout(resolve, 50));
  for (const { rep, key } of finals) {
    if (!rep.arrivals.has(key)) fail('ownStreamMissed', `final state ${key}`);
    if (!observed.has(key)) fail('observerMissed', `final state ${key}`);
  }
  for (const { rep, key, started } of accepted) {
    const at = rep.arrivals.get(key);
    if (at !== undefined) streamMs.push(at - started);
  }
  const observedAccepted = accepted.filter(({ key }) => observed.has(key)).length;
  for (const stream of [observer, ...reps.map((rep) => rep.stream)]) {
    const ended = stream?.unexpectedEnd();
    if (ended) fail('streamsClosed', ended);
    stream?.close();
  }
  clearInterval(sampler);
  loopDelay.disable();
  const clientCpu = process.cpuUsage(clientCpuBefore);
  const serverCpuPercent =
    ((cpuSeconds(serverPid) - cpuBefore) / ((performance.now() - cpuStarted) / 1000)) * 100;
  await new Promise((resolve) => setTimeout(resolve, 500));
  const memoryAfter = rssMb(serverPid);
  const samples = [...memorySamples, memoryAfter].filter((value) => Number.isFinite(value));

  const stats = (values: number[]) => ({
    p50: percentileOf(values, 50),
    p95: percentileOf(values, 95),
    max: values.length > 0 ? Math.max(...values) : Number.NaN,
    samples: values.length,
  });
  return {
    reps: emails.length,
    durationMs,
    pushes: { scheduled, completed: pushMs.length, late },
    pushMs: stats(pushMs),
    streamMs: stats(streamMs),
    streamed: { accepted: accepted.length, own: streamMs.length, observer: observedAccepted },
    serverCpuPercent,
    client: {
      cpuPercent: ((clientCpu.user + clientCpu.system) / 1000 / (performance.now() - cpuStarted)) * 100,
      loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
      loopDelayMaxMs: loopDelay.max / 1e6,
    },
    errors,
    errorCount: Object.values(errors).reduce((sum, count) => sum + count, 0),
    errorSamples,
    memoryMb: {
      before: memoryBefore,
      max: samples.length > 0 ? Math.max(...samples) : Number.NaN,
      after: memoryAfter,
      samples: samples.map((value) => Math.round(value)),
    },
    signInMs,
  };
};

export type UpsertBaselineResult = { upserts: number; ms: { p50: number; p95: number; max: number } };

/**
 * The baseline of the rep load: the same number of single-document upserts at the same rate, straight into the
 * documents table (one autocommit `insert ... on conflict` each: no HTTP, no auth, no lock, no stream). Runs in
 * this process on the server's database while no server is running (PGlite serves one process at a time).
 */
export const runUpsertBaseline = async (options: {
  target: DatabaseTarget;
  orgId: string;
  teamId: string;
  ownerIds: readonly string[];
  durationMs: number;
  intervalMs?: number;
}): Promise<UpsertBaselineResult> => {
  const intervalMs = options.intervalMs ?? 1000;
  const db = await openServerDatabase(options.target);
  try {
    const samples: number[] = [];
    const start = performance.now() + 200;
    await Promise.all(
      options.ownerIds.map(async (ownerId, index) => {
        const lead = capturedLead(
          { id: ownerId, teamId: options.teamId, name: '', email: '', role: 'rep' },
          `Raw${index + 1}`,
        );
        const ticks = schedule(
          start,
          (index / options.ownerIds.length) * intervalMs,
          options.durationMs,
          intervalMs,
        );
        for (const [k, at] of ticks.entries()) {
          await sleepUntil(at);
          const started = performance.now();
          await db.query(
            `insert into documents (collection, id, seq, org_id, team_id, owner_id, deleted, data, written_by)
             values ('leads', $1, nextval('document_seq'), $2, $3, $4, false, $5::jsonb, $4)
             on conflict (collection, id) do update set
               seq = excluded.seq, deleted = excluded.deleted, data = excluded.data,
               written_by = excluded.written_by, written_at = now()`,
            [
              lead.id,
              options.orgId,
              options.teamId,
              ownerId,
              JSON.stringify({ ...lead, notes: `push ${k}`, updatedAt: Date.now() }),
            ],
          );
          samples.push(performance.now() - started);
        }
      }),
    );
    return {
      upserts: samples.length,
      ms: {
        p50: percentileOf(samples, 50),
        p95: percentileOf(samples, 95),
        max: samples.length > 0 ? Math.max(...samples) : Number.NaN,
      },
    };
  } finally {
    await db.close();
  }
};
