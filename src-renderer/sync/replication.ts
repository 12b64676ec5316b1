import { Subject } from 'rxjs';
import type { Observable, Subscription } from 'rxjs';
import type { RxCollection, WithDeleted } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { collectionNames } from '../../src-shared/domain/collections';
import type { CollectionName } from '../../src-shared/domain/collections';
import type { SyncCheckpoint } from '../../src-shared/sync/protocol';
import type { SyncIssue } from '../db/collections/syncIssues';
import { replicateCollection } from './collectionReplication';
import type { StreamItem, SyncedDocument } from './collectionReplication';
import { SignedOutError } from './errors';
import { openSharedEventStream } from './eventStream';
import type { Backoff } from './eventStream';
import { createHttpClient } from './httpClient';
import type { TokenProvider } from './httpClient';
import { createPendingChanges, defaultPendingStore, pendingChangesOf } from './pendingChanges';
import { unreviewedCount$ } from './syncIssues';
import { createRetryGate, createStatusTracker } from './syncStatus';
import type { SyncStatus } from './syncStatus';

export type { SyncState, SyncStatus } from './syncStatus';

export type SyncOptions = {
  /** Base URL of the sync server (`https://sync.example.com`); a trailing slash is ignored. */
  serverUrl: string;
  tokens: TokenProvider;
  /** The session ended on the server side: the UI shows sign-in. Sync has stopped by then. */
  onSignedOut: (reason: string) => void;
  /** Replicate only these collections (default: every replicated collection the database has open). */
  collections?: readonly CollectionName[];
  /** Waiting between retries and stream reconnects (default 1 s doubling to 30 s). */
  retry?: Backoff;
  /**
   * Documents per pull (default 1000, the server's maximum): an initial sync of 50,000 leads is bound by local
   * writes, and fewer, larger write batches measured 10-20 % faster than 500 (npm run bench:peer).
   */
  pullBatchSize?: number;
  pushBatchSize?: number;
  /** Injected in tests (offline switch, fault injection); the global fetch otherwise. */
  fetch?: typeof fetch;
};

export type SyncController = {
  status$: Observable<SyncStatus>;
  /** The latest status, for code that does not subscribe. */
  status(): SyncStatus;
  /** Stops replication and the stream; local data and pending changes stay. */
  stop(): Promise<void>;
  /** Pull and push now: skips any retry wait and reconnects the stream. */
  syncNow(): void;
  /** Resolves when every collection has pulled and pushed all it knows about (tests, tools). */
  awaitInSync(): Promise<void>;
};

/** What startSync needs of the database: its collections by name (a subset is fine). */
export type SyncableDatabase = {
  name: string;
  collections: object;
};

class SyncStoppedError extends Error {
  constructor() {
    super('Sync was stopped.');
  }
}

/**
 * Starts replicating the database with the sync server: one RxDB replication per collection (pull, push, conflict
 * merge by the collections' handlers), fed by ONE server-sent-events stream for the device. Runs until stop() or
 * until the server ends the session; offline it keeps retrying with backoff while the app works locally.
 */
export const startSync = (db: SyncableDatabase, options: SyncOptions): SyncController => {
  const serverUrl = options.serverUrl.replace(/\/+$/, '');
  const backoff = options.retry ?? { minMs: 1_000, maxMs: 30_000 };
  const byName = db.collections as Partial<Record<string, RxCollection<SyncedDocument>>>;
  const names = (options.collections ?? collectionNames).filter((name) => byName[name] !== undefined);
  const issueLog = byName.syncIssues as unknown as RxCollection<SyncIssue> | undefined;
  const pending = pendingChangesOf(db) ?? createPendingChanges(defaultPendingStore(db.name));
  const tracker = createStatusTracker();
  const gate = createRetryGate(backoff);
  const subscriptions: Subscription[] = [];
  const replications: RxReplicationState<SyncedDocument, SyncCheckpoint>[] = [];
  let stopped = false;
  let shutting: Promise<void> | undefined;

  const shutDown = () => {
    stopped = true;
    shutting ??= (async () => {
      gate.wakeAll();
      stream.close();
      await Promise.all(replications.map((replication) => replication.cancel()));
      pending.flush();
    })();
    return shutting;
  };

  const http = createHttpClient({
    serverUrl,
    tokens: options.tokens,
    fetch: options.fetch,
    onSignedOut: (reason) => {
      tracker.signOut(new SignedOutError(reason).message);
      // Not awaited: this runs inside a request of the replication that is being cancelled.
      void shutDown().finally(() => options.onSignedOut(reason));
    },
  });

  const retry = async <T>(channel: string, request: () => Promise<T>): Promise<T> => {
    for (;;) {
      if (stopped) throw new SyncStoppedError();
      try {
        const result = await request();
        tracker.succeeded(channel);
        gate.reset();
        return result;
      } catch (error) {
        if (error instanceof SignedOutError || stopped) throw error;
        tracker.failed(channel, error);
        await gate.wait();
      }
    }
  };

  const streams = new Map(names.map((name) => [name, new Subject<StreamItem>()]));
  const stream = openSharedEventStream({
    http,
    backoff,
    onEvent(event) {
      if (event.type === 'RESYNC') {
        for (const subject of streams.values()) subject.next('RESYNC');
        return;
      }
      streams.get(event.collection)?.next({
        documents: event.documents as unknown as WithDeleted<SyncedDocument>[],
        checkpoint: event.checkpoint,
      });
    },
    onConnection(state, error) {
      if (state === 'open') {
        tracker.succeeded('stream');
        tracker.setStream(true);
        // The server is reachable again: requests waiting to retry go now.
        gate.wakeAll();
        return;
      }
      tracker.setStream(false);
      if ((state === 'offline' || state === 'error') && error !== undefined) tracker.failed('stream', error);
    },
  });

  for (const name of names) {
    const collection = byName[name];
    const subject = streams.get(name);
    if (!collection || !subject) continue;
    replications.push(
      replicateCollection(
        {
          name,
          collection,
          http,
          stream$: subject.asObservable(),
          pending,
          issues: issueLog ? { syncIssues: issueLog } : undefined,
          replicationIdentifier: `fairlead-sync:${serverUrl}`,
          pushable: name !== 'users',
          pullBatchSize: options.pullBatchSize ?? 1000,
          pushBatchSize: options.pushBatchSize ?? 100,
          retry,
        },
        (active) => tracker.setActive(name, active),
      ),
    );
  }

  subscriptions.push(pending.size$.subscribe((size) => tracker.setCount('pending', size)));
  if (issueLog) {
    const log = { syncIssues: issueLog };
    subscriptions.push(
      unreviewedCount$(log, 'conflict').subscribe((count) => tracker.setCount('conflictsToReview', count)),
      unreviewedCount$(log, 'rejected').subscribe((count) => tracker.setCount('rejected', count)),
    );
  }

  // The OS says the network is back (Electron and browsers): no reason to sit out the rest of a backoff.
  const onOnline = () => controller.syncNow();
  const events = globalThis as {
    addEventListener?: typeof addEventListener;
    removeEventListener?: typeof removeEventListener;
  };
  events.addEventListener?.('online', onOnline);

  const controller: SyncController = {
    status$: tracker.status$,
    status: tracker.current,
    async stop() {
      events.removeEventListener?.('online', onOnline);
      await shutDown();
      for (const subscription of subscriptions) subscription.unsubscribe();
      tracker.complete();
    },
    syncNow() {
      if (stopped) return;
      gate.wakeAll();
      stream.reconnectNow();
      for (const replication of replications) replication.reSync();
    },
    async awaitInSync() {
      if (stopped) return;
      await Promise.all(replications.map((replication) => replication.awaitInSync()));
    },
  };
  return controller;
};
