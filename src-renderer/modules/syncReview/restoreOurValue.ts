import type { SyncIssue } from '../../db/collections/syncIssues';
import type { FairleadDatabase } from '../../db/database';
import { isCollectionName } from '../../../src-shared/domain/collections';

/**
 * Takes back the value this device had for a conflicting field: a normal local edit (newer than both), so it
 * syncs like any other change and the others see it.
 */
export const restoreOurValue = async (db: FairleadDatabase, issue: SyncIssue): Promise<void> => {
  if (!isCollectionName(issue.collectionName) || issue.collectionName === 'users') {
    throw new Error('This record cannot be edited on this device.');
  }
  const collection = db[issue.collectionName];
  const doc = await collection.findOne(issue.documentId).exec();
  if (!doc) throw new Error('The record is no longer on this device.');
  const value: unknown = JSON.parse(issue.ours);
  await doc.incrementalPatch({ [issue.field]: value, updatedAt: Date.now() } as never);
};
