/**
 * The replication engine: the UI starts it per team session and reads its status and issue log. Everything a
 * screen needs is exported here.
 */
export { startSync } from './replication';
export type { SyncController, SyncOptions, SyncState, SyncStatus, SyncableDatabase } from './replication';
export { signIn, refresh, signOut } from './authClient';
export type { TokenProvider } from './httpClient';
export { ApiRequestError, OfflineError, SignedOutError } from './errors';
export {
  issuesOfDocumentQuery,
  markSyncIssuesReviewed,
  unreviewedCount$,
  unreviewedIssuesQuery,
} from './syncIssues';
export type { SyncIssue, SyncIssueKind } from '../db/collections/syncIssues';
export { laterSide, mergeDocuments } from './threeWayMerge';
export type { FieldConflict, MergeSide } from './threeWayMerge';
