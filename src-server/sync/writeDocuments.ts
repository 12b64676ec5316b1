import type { Database, Queryable } from '../db/database';
import type { CollectionName } from '../../src-shared/domain/collections';
import type { ChangeFeed } from './changeFeed';
import type { DocumentWrite, StoredDocument } from './documentStore';
import { lockCollectionForWrite, upsertDocument } from './documentStore';

export type WriteDocument = (write: Omit<DocumentWrite, 'collection'>) => Promise<StoredDocument>;

type Work<R> = (tx: Queryable, write: WriteDocument) => Promise<R>;

type Job = {
  work: Work<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
};

type WriterQueue = { pending: Job[]; running: boolean };

/** Most writes one transaction carries: keeps a group commit short while still amortizing its commit. */
export const maxWritesPerCommit = 32;

const queues = new WeakMap<Database, Map<CollectionName, WriterQueue>>();

const queueOf = (db: Database, collection: CollectionName): WriterQueue => {
  let byCollection = queues.get(db);
  if (!byCollection) {
    byCollection = new Map();
    queues.set(db, byCollection);
  }
  let queue = byCollection.get(collection);
  if (!queue) {
    queue = { pending: [], running: false };
    byCollection.set(collection, queue);
  }
  return queue;
};

/** The latest state of every written document, in seq order (a batch may rewrite one document). */
const latestStates = (written: readonly StoredDocument[]): StoredDocument[] => {
  const byId = new Map<string, StoredDocument>();
  for (const stored of written) {
    const known = byId.get(stored.id);
    if (!known || known.seq < stored.seq) byId.set(stored.id, stored);
  }
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
};

/**
 * Runs `jobs` one after another in one transaction. On PostgreSQL it first takes the collection's writer lock
 * (documentStore.lockCollectionForWrite). PGlite needs none: its transaction() holds the instance's exclusive
 * mutex from BEGIN to COMMIT (plain queries take the same mutex) and only one process opens a data directory
 * (dataDirLock.ts), so two transactions never overlap and seqs always become visible in commit order.
 */
const runTransaction = async (
  db: Database,
  feed: ChangeFeed,
  collection: CollectionName,
  jobs: readonly Job[],
  progress: { committing: boolean } = { committing: false },
): Promise<unknown[]> => {
  let written: StoredDocument[] = [];
  const results = await db.transaction(async (tx) => {
    written = [];
    progress.committing = false;
    if (db.kind !== 'pglite') await lockCollectionForWrite(tx, collection);
    const write: WriteDocument = async (document) => {
      const stored = await upsertDocument(tx, { ...document, collection });
      written.push(stored);
      return stored;
    };
    const values: unknown[] = [];
    for (const job of jobs) values.push(await job.work(tx, write));
    if (written.length > 0) await feed.announce(tx, { collection, documents: latestStates(written) });
    progress.committing = true;
    return values;
  });
  if (written.length > 0) feed.committed({ collection, documents: latestStates(written) });
  return results;
};

/**
 * Group commit: writes that wait for the collection while a transaction of it is running go together into the
 * next one, one after another as if each had its own (a later one sees the earlier ones' rows), so one lock
 * hold and one commit (disk flush) serve them all. If a write fails inside that shared transaction, nothing of it
 * was kept and each write runs again alone, so one failing write never fails the others and each caller gets its
 * own error.
 */
const drain = async (db: Database, feed: ChangeFeed, collection: CollectionName, queue: WriterQueue) => {
  queue.running = true;
  try {
    while (queue.pending.length > 0) {
      const jobs = queue.pending.splice(0, maxWritesPerCommit);
      if (jobs.length > 1) {
        const progress = { committing: false };
        try {
          const values = await runTransaction(db, feed, collection, jobs, progress);
          jobs.forEach((job, index) => job.resolve(values[index]));
          continue;
        } catch (error) {
          // A failed COMMIT (e.g. a lost connection) may or may not have kept the writes: every caller hears it,
          // as a single write would. A failure before it kept nothing: the writes are retried one by one below.
          if (progress.committing) {
            for (const job of jobs) job.reject(error);
            continue;
          }
        }
      }
      for (const job of jobs) {
        try {
          const [value] = await runTransaction(db, feed, collection, [job]);
          job.resolve(value);
        } catch (error) {
          job.reject(error);
        }
      }
    }
  } finally {
    queue.running = false;
  }
};

/**
 * The only way documents are written (pushes, CLI, seed): a transaction holding the collection's writer lock,
 * an announcement to other instances inside it, and delivery to this instance's streams after commit. `work`
 * may run more than once (see drain) and must keep no state outside the transaction between runs; its writes
 * may share the transaction with other writes of the collection.
 */
export const writeCollection = <R>(
  db: Database,
  feed: ChangeFeed,
  collection: CollectionName,
  work: Work<R>,
): Promise<R> =>
  new Promise<R>((resolve, reject) => {
    const queue = queueOf(db, collection);
    queue.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
    if (!queue.running) void drain(db, feed, collection, queue);
  });
