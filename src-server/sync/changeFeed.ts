import type { Database, Queryable } from '../db/database';
import { isCollectionName } from '../../src-shared/domain/collections';
import type { CollectionName } from '../../src-shared/domain/collections';
import type { StoredDocument } from './documentStore';
import { loadSeqRange } from './documentStore';

/** Documents one committed transaction wrote to one collection, in seq order. */
export type ChangeBatch = { collection: CollectionName; documents: StoredDocument[] };

export type ChangeListener = {
  onChanges(batch: ChangeBatch): void;
  /** Changes may have been missed (lost database connection): every listener must pull again. */
  onResync(): void;
};

/**
 * Carries committed writes to the live streams. With one process (PGlite) that is an in-process call after
 * commit; on PostgreSQL every instance, the writer included, learns of writes through LISTEN/NOTIFY, so a stream
 * on instance B sees a push made through instance A.
 */
export type ChangeFeed = {
  /** Called inside the write transaction: PostgreSQL delivers the NOTIFY only if and when it commits. */
  announce(tx: Queryable, batch: ChangeBatch): Promise<void>;
  /** Called after the write transaction committed. */
  committed(batch: ChangeBatch): void;
  subscribe(listener: ChangeListener): () => void;
  start(): Promise<void>;
  stop(): Promise<void>;
};

export const changeChannel = 'fairlead_changes';

type Logger = { error: (details: object, message: string) => void };

const createListeners = (logger: Logger) => {
  const listeners = new Set<ChangeListener>();
  const each = (call: (listener: ChangeListener) => void) => {
    for (const listener of listeners) {
      try {
        call(listener);
      } catch (error) {
        logger.error({ err: error }, 'change listener failed');
      }
    }
  };
  return {
    subscribe(listener: ChangeListener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    deliver: (batch: ChangeBatch) => each((listener) => listener.onChanges(batch)),
    resync: () => each((listener) => listener.onResync()),
  };
};

export const createLocalChangeFeed = (logger: Logger): ChangeFeed => {
  const listeners = createListeners(logger);
  return {
    announce: async () => undefined,
    committed: (batch) => listeners.deliver(batch),
    subscribe: listeners.subscribe,
    start: async () => undefined,
    stop: async () => undefined,
  };
};

type Announcement = { c: string; from: number; to: number };

const parseAnnouncement = (payload: string): Announcement | undefined => {
  try {
    const value = JSON.parse(payload) as Partial<Announcement>;
    if (typeof value.c === 'string' && Number.isInteger(value.from) && Number.isInteger(value.to)) {
      return value as Announcement;
    }
  } catch {
    // Not ours: ignored below.
  }
  return undefined;
};

export const createPostgresChangeFeed = (db: Database, logger: Logger): ChangeFeed => {
  const listeners = createListeners(logger);
  let stopListening: (() => Promise<void>) | undefined;
  // Announcements are handled one after another so batches reach streams in commit order.
  let queue = Promise.resolve();

  const onPayload = (payload: string) => {
    const announcement = parseAnnouncement(payload);
    if (!announcement || !isCollectionName(announcement.c)) return;
    const collection = announcement.c;
    queue = queue.then(async () => {
      try {
        // A row rewritten since carries a newer seq and arrives with that later announcement instead.
        const documents = await loadSeqRange(db, collection, announcement.from, announcement.to);
        if (documents.length > 0) listeners.deliver({ collection, documents });
      } catch (error) {
        logger.error({ err: error }, 'reading announced changes failed; asking streams to resync');
        listeners.resync();
      }
    });
  };

  return {
    async announce(tx, batch) {
      const seqs = batch.documents.map((document) => document.seq);
      if (seqs.length === 0) return;
      const announcement: Announcement = {
        c: batch.collection,
        from: Math.min(...seqs),
        to: Math.max(...seqs),
      };
      await tx.query('select pg_notify($1, $2)', [changeChannel, JSON.stringify(announcement)]);
    },
    committed: () => undefined,
    subscribe: listeners.subscribe,
    async start() {
      stopListening = await db.listen(changeChannel, onPayload, () => listeners.resync());
    },
    async stop() {
      await stopListening?.();
      stopListening = undefined;
      await queue;
    },
  };
};

export const createChangeFeed = (db: Database, logger: Logger): ChangeFeed =>
  db.kind === 'postgres' ? createPostgresChangeFeed(db, logger) : createLocalChangeFeed(logger);
