import { getAssumedMasterState } from 'rxdb';
import type {
  RxCollection,
  RxReplicationPullStreamItem,
  RxReplicationWriteToMasterRow,
  WithDeleted,
} from 'rxdb';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import type { Observable } from 'rxjs';
import type { CollectionName } from '../../src-shared/domain/collections';
import { syncApiPrefix } from '../../src-shared/sync/protocol';
import type { PullResponse, PushResponse, PushRow, SyncCheckpoint } from '../../src-shared/sync/protocol';
import { sameDocument } from './documentEquality';
import type { HttpClient } from './httpClient';
import type { PendingChanges } from './pendingChanges';
import { recordSyncIssues, rejectionIssue } from './syncIssues';
import type { SyncIssueLog } from './syncIssues';

export type SyncedDocument = { id: string } & Record<string, unknown>;
export type StreamItem = RxReplicationPullStreamItem<SyncedDocument, SyncCheckpoint>;

export type CollectionSyncContext = {
  name: CollectionName;
  collection: RxCollection<SyncedDocument>;
  http: HttpClient;
  stream$: Observable<StreamItem>;
  pending: PendingChanges;
  issues: SyncIssueLog | undefined;
  replicationIdentifier: string;
  /** False for collections only the server writes (users). */
  pushable: boolean;
  pullBatchSize: number;
  pushBatchSize: number;
  /** Runs a request until it succeeds, waiting between attempts; throws only when sync must stop. */
  retry<T>(channel: string, request: () => Promise<T>): Promise<T>;
};

type Row = RxReplicationWriteToMasterRow<SyncedDocument>;

/**
 * After an answered push: refused documents go to the issue log (and stop counting as pending: they are not
 * retried, so they never block the queue), acknowledged ones stop being pending if the device still holds exactly
 * the state that was pushed (a newer local edit stays pending until its own push).
 */
const settlePush = async (context: CollectionSyncContext, rows: readonly Row[], response: PushResponse) => {
  const conflicted = new Set(response.conflicts.map((doc) => String(doc.id)));
  const refused = new Set(response.rejected.map((rejection) => rejection.id));
  const byId = new Map(rows.map((row) => [row.newDocumentState.id, row.newDocumentState]));

  if (response.rejected.length > 0) {
    context.pending.remove(context.name, [...refused]);
    if (context.issues) {
      const issues = response.rejected.map((rejection) =>
        rejectionIssue(context.name, rejection.id, byId.get(rejection.id), rejection.reason),
      );
      await recordSyncIssues(context.issues, issues).catch((error: unknown) =>
        console.error('Could not record refused documents', error),
      );
    }
  }

  const acknowledged = rows
    .map((row) => row.newDocumentState)
    .filter(
      (doc) => !conflicted.has(doc.id) && !refused.has(doc.id) && context.pending.has(context.name, doc.id),
    );
  if (acknowledged.length === 0) return;
  const local = await context.collection.storageInstance.findDocumentsById(
    acknowledged.map((doc) => doc.id),
    true,
  );
  const localById = new Map(local.map((doc) => [doc.id, doc]));
  context.pending.remove(
    context.name,
    acknowledged
      .filter((doc) => {
        const current = localById.get(doc.id);
        return current !== undefined && sameDocument(current, doc);
      })
      .map((doc) => doc.id),
  );
};

/**
 * When the replication goes idle, every pending document whose local state equals what the replication knows the
 * server holds is done, including edits that were undone before they were pushed (RxDB never pushes those).
 */
const reconcilePending = async (
  context: CollectionSyncContext,
  replication: RxReplicationState<SyncedDocument, SyncCheckpoint>,
) => {
  const state = replication.internalReplicationState;
  const ids = context.pending.idsOf(context.name);
  if (!state || ids.length === 0 || replication.isStopped()) return;
  const [local, assumed] = await Promise.all([
    context.collection.storageInstance.findDocumentsById(ids, true),
    getAssumedMasterState(state, ids),
  ]);
  const localById = new Map(local.map((doc) => [doc.id, doc]));
  context.pending.remove(
    context.name,
    ids.filter((id) => {
      const current = localById.get(id);
      const master = assumed[id];
      return current === undefined || (master !== undefined && sameDocument(master.docData, current));
    }),
  );
};

/**
 * A row without assumedMasterState makes the merge treat every differing field as changed on both sides. RxDB
 * writes a pulled document to the store first and its master state to the replication meta a moment later; an
 * edit in between would be pushed without a base. Look the base up again (after letting the pull finish, bounded
 * so a pull waiting for this push cannot deadlock). RxDB hands the conflict handler these same row objects, so
 * the base found here is also the merge base if the server reports a conflict.
 */
const fillMissingBases = async (
  replication: RxReplicationState<SyncedDocument, SyncCheckpoint> | undefined,
  rows: Row[],
) => {
  const state = replication?.internalReplicationState;
  const lookUp = async () => {
    const missing = rows.filter((row) => !row.assumedMasterState);
    if (!state || missing.length === 0) return 0;
    const found = await getAssumedMasterState(
      state,
      missing.map((row) => row.newDocumentState.id),
    );
    for (const row of missing) {
      const master = found[row.newDocumentState.id];
      if (master) row.assumedMasterState = master.docData as Row['assumedMasterState'];
    }
    return missing.length - Object.keys(found).length;
  };
  if ((await lookUp()) === 0 || !state) return;
  await Promise.race([
    state.streamQueue.down.catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, 100)),
  ]);
  await lookUp();
};

/** One collection's RxDB replication against the sync server: pull, push and the shared stream. */
export const replicateCollection = (
  context: CollectionSyncContext,
  onActive: (active: boolean) => void,
): RxReplicationState<SyncedDocument, SyncCheckpoint> => {
  const { name, http } = context;
  // The push handler reads `replication` only once it runs, after this assignment.
  const replication: RxReplicationState<SyncedDocument, SyncCheckpoint> = replicateRxCollection<
    SyncedDocument,
    SyncCheckpoint
  >({
    replicationIdentifier: context.replicationIdentifier,
    collection: context.collection,
    live: true,
    // Retries happen inside the handlers (context.retry); RxDB's own retry only follows a sign-out or stop.
    retryTime: 5_000,
    // Electron has one window; a minimized window must keep syncing.
    waitForLeadership: false,
    toggleOnDocumentVisible: false,
    autoStart: true,
    pull: {
      batchSize: context.pullBatchSize,
      stream$: context.stream$,
      handler: async (checkpoint, batchSize) => {
        const answer = await context.retry(`${name}:pull`, () =>
          http.postJson<PullResponse>(`${syncApiPrefix}/${name}/pull`, {
            checkpoint: checkpoint ?? null,
            limit: batchSize,
          }),
        );
        return {
          documents: answer.documents as unknown as WithDeleted<SyncedDocument>[],
          checkpoint: answer.checkpoint ?? checkpoint,
        };
      },
    },
    push: context.pushable
      ? {
          batchSize: context.pushBatchSize,
          handler: async (rows) => {
            await fillMissingBases(replication, rows);
            const body: PushRow[] = rows.map((row) => ({
              assumedMasterState: (row.assumedMasterState ?? null) as PushRow['assumedMasterState'],
              newDocumentState: row.newDocumentState as unknown as PushRow['newDocumentState'],
            }));
            const answer = await context.retry(`${name}:push`, () =>
              http.postJson<PushResponse>(`${syncApiPrefix}/${name}/push`, body),
            );
            await settlePush(context, rows, answer);
            return answer.conflicts as unknown as WithDeleted<SyncedDocument>[];
          },
        }
      : undefined,
  });
  replication.active$.subscribe((active) => {
    onActive(active);
    if (!active) {
      reconcilePending(context, replication).catch(() => {
        // The replication was stopped meanwhile; the next run reconciles.
      });
    }
  });
  return replication;
};
