import type { MangoQuery, RxCollection } from 'rxdb';
import type { Observable } from 'rxjs';
import { newId } from '../../src-shared/domain/ids';
import type { SyncIssue, SyncIssueKind } from '../db/collections/syncIssues';
import { withoutLocalKeys } from './documentEquality';
import type { ConflictRecord } from './mergeConflictHandler';

/** Anything holding the local-only issue log (the Fairlead database, or a test's subset of it). */
export type SyncIssueLog = { syncIssues: RxCollection<SyncIssue> };

const json = (value: unknown): string => JSON.stringify(value) ?? 'null';

/** One issue per field the conflict rule decided. */
export const conflictIssues = (record: ConflictRecord, at: number = Date.now()): SyncIssue[] =>
  record.conflicts.map((conflict) => ({
    id: newId(at),
    kind: 'conflict',
    collectionName: record.collection,
    documentId: record.documentId.slice(0, 40),
    field: conflict.field.slice(0, 80),
    ours: json(conflict.ours),
    theirs: json(conflict.theirs),
    chosen: conflict.chosen,
    reason: conflict.reason.slice(0, 2000),
    at,
    reviewed: false,
  }));

/** A document the server refused, kept with its reason and the local state that was refused. */
export const rejectionIssue = (
  collection: string,
  documentId: string,
  document: object | undefined,
  reason: string,
  at: number = Date.now(),
): SyncIssue => ({
  id: newId(at),
  kind: 'rejected',
  collectionName: collection,
  documentId: documentId.slice(0, 40),
  field: '',
  ours: json(document ? withoutLocalKeys(document) : null),
  theirs: 'null',
  chosen: '',
  reason: reason.slice(0, 2000),
  at,
  reviewed: false,
});

export const recordSyncIssues = async (log: SyncIssueLog, issues: SyncIssue[]): Promise<void> => {
  if (issues.length === 0) return;
  const result = await log.syncIssues.bulkInsert(issues);
  if (result.error.length > 0) throw new Error(`Could not record ${result.error.length} sync issue(s)`);
};

/** Issues not reviewed yet, newest first. The log stays small (it only grows on real conflicts and refusals). */
export const unreviewedIssuesQuery = (kind: SyncIssueKind, limit = 100): MangoQuery<SyncIssue> => ({
  selector: { kind, reviewed: false },
  sort: [{ at: 'desc' }],
  limit,
});

/** Issues about one record, oldest first, e.g. for a banner on the lead page. */
export const issuesOfDocumentQuery = (documentId: string): MangoQuery<SyncIssue> => ({
  selector: { documentId },
  sort: [{ at: 'asc' }],
});

export const unreviewedCount$ = (log: SyncIssueLog, kind: SyncIssueKind): Observable<number> =>
  log.syncIssues.count({ selector: { kind, reviewed: false } }).$;

/** The person has seen these issues: they stop counting in SyncStatus. */
export const markSyncIssuesReviewed = async (log: SyncIssueLog, ids: readonly string[]): Promise<void> => {
  const docs = await log.syncIssues.findByIds([...ids]).exec();
  await Promise.all([...docs.values()].map((doc) => doc.incrementalPatch({ reviewed: true })));
};
