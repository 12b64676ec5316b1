import { z } from 'zod';
import type { CollectionName, DocumentOf } from '../domain/collections';

/**
 * The replication protocol between RxDB on a device and the sync server (ARCHITECTURE.md, "Sync protocol").
 * Both sides import these types; the server parses every request body with the schemas below.
 */

export const syncApiPrefix = '/api/v1/sync';

/** A document as replicated: the entity plus RxDB's soft-delete flag. */
export type ReplicatedDocument<C extends CollectionName = CollectionName> = DocumentOf<C> & {
  _deleted: boolean;
};

/**
 * Where a client is in a collection's change feed: the server's commit-ordered sequence of the last document it
 * received. Never a client clock.
 */
export const syncCheckpointSchema = z.object({ seq: z.number().int().nonnegative() });
export type SyncCheckpoint = z.infer<typeof syncCheckpointSchema>;

export const pullRequestSchema = z.object({
  checkpoint: syncCheckpointSchema.nullable(),
  limit: z.number().int().min(1).max(1000),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

export type PullResponse<C extends CollectionName = CollectionName> = {
  documents: ReplicatedDocument<C>[];
  checkpoint: SyncCheckpoint | null;
};

/** One row of a push: what the client last saw from the server, and its new state. */
export const pushRowSchema = z.object({
  assumedMasterState: z.record(z.string(), z.unknown()).nullable(),
  newDocumentState: z.record(z.string(), z.unknown()),
});
export const pushRequestSchema = z.array(pushRowSchema).max(500);
export type PushRow<C extends CollectionName = CollectionName> = {
  assumedMasterState: ReplicatedDocument<C> | null;
  newDocumentState: ReplicatedDocument<C>;
};

/** A document the server refused (schema or authorization): kept in quarantine, reported to its author. */
export type PushRejection = { id: string; reason: string };

export type PushResponse<C extends CollectionName = CollectionName> = {
  /** Current master states of documents whose assumed state did not match (the client merges and retries). */
  conflicts: ReplicatedDocument<C>[];
  rejected: PushRejection[];
};

/** Events on the server-sent-events stream (`GET /api/v1/sync/stream`), one JSON object per `data:` line. */
export type StreamEvent =
  | {
      type: 'changes';
      collection: CollectionName;
      documents: ReplicatedDocument[];
      checkpoint: SyncCheckpoint;
    }
  | { type: 'RESYNC' };

/** Error body of every 4xx/5xx answer: a stable code and a sentence a person can read. */
export type ApiError = { error: string; message: string };
