import type { RxConflictHandler, WithDeleted } from 'rxdb';
import type { CollectionName } from '../../src-shared/domain/collections';
import { sameDocument } from './documentEquality';
import type { FieldConflict, MergeDocument } from './threeWayMerge';
import { mergeDocuments } from './threeWayMerge';

/** One resolved conflict of one document: every field both sides changed, with what the rule kept. */
export type ConflictRecord = {
  collection: CollectionName;
  documentId: string;
  conflicts: FieldConflict[];
  /** Both full states, for a review screen that wants more than the fields. */
  ours: MergeDocument;
  theirs: MergeDocument;
};

export type ConflictLogger = (record: ConflictRecord) => Promise<void> | void;

/**
 * RxDB conflict handler doing the three-way field merge of threeWayMerge.ts (base = assumedMasterState, theirs =
 * realMasterState, ours = newDocumentState). Replaces RxDB's default, which keeps the server state and drops the
 * device's edit. Fields decided by the rule are handed to `onConflict` (the sync issue log).
 */
export const createMergeConflictHandler = <T>(
  collection: CollectionName,
  onConflict?: ConflictLogger,
): RxConflictHandler<T> => ({
  // RxDB calls this for every pulled and pushed document, synchronously: structural equality minus local keys.
  isEqual: (a, b) => sameDocument(a, b),
  async resolve(input) {
    const ours = input.newDocumentState as unknown as MergeDocument;
    const theirs = input.realMasterState as unknown as MergeDocument;
    const { document, conflicts } = mergeDocuments({
      collection,
      base: input.assumedMasterState as unknown as MergeDocument | undefined,
      ours,
      theirs,
    });
    if (conflicts.length > 0 && onConflict) {
      try {
        await onConflict({ collection, documentId: String(theirs.id ?? ours.id), conflicts, ours, theirs });
      } catch (error) {
        // The merge itself succeeded; a failed log write must not stop replication.
        console.error('Could not record a sync conflict', error);
      }
    }
    return document as unknown as WithDeleted<T>;
  },
});
