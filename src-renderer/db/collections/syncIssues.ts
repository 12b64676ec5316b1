import type { RxJsonSchema } from 'rxdb';
import { z } from 'zod';
import { flag, oneOf, text, timestamp } from './schemaParts';

export const syncIssueKinds = ['conflict', 'rejected'] as const;
export type SyncIssueKind = (typeof syncIssueKinds)[number];

/**
 * What the sync engine could not settle silently, kept on this device only (never replicated) for the person to
 * review: a field both this device and the server changed (`conflict`, one entry per field, with the value the
 * stated rule kept), or a document the server refused (`rejected`, with its reason and the local document).
 */
export const syncIssueSchema = z.object({
  id: z.string().min(1).max(40),
  kind: z.enum(syncIssueKinds),
  /** Replicated collection of the document (not `collection`: RxDB documents reserve that name). */
  collectionName: z.string().max(40),
  documentId: z.string().max(40),
  /** Top-level field of a conflict ('_deleted' for delete-versus-edit); '' for a rejection. */
  field: z.string().max(80),
  /** JSON of this device's value (a conflict) or of the whole local document (a rejection). */
  ours: z.string(),
  /** JSON of the server's value; 'null' for a rejection. */
  theirs: z.string(),
  /** Which value the conflict rule kept; '' for a rejection. */
  chosen: z.enum(['ours', 'theirs', '']),
  reason: z.string().max(2000),
  at: z.number().int().nonnegative(),
  reviewed: z.boolean(),
});
export type SyncIssue = z.infer<typeof syncIssueSchema>;

export const syncIssueRxSchema: RxJsonSchema<SyncIssue> = {
  title: 'syncIssues',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: text(40),
    kind: oneOf(syncIssueKinds),
    collectionName: text(40),
    documentId: text(40),
    field: text(80),
    ours: { type: 'string' },
    theirs: { type: 'string' },
    chosen: oneOf(['ours', 'theirs', '']),
    reason: text(2000),
    at: timestamp,
    reviewed: flag,
  },
  required: [
    'id',
    'kind',
    'collectionName',
    'documentId',
    'field',
    'ours',
    'theirs',
    'chosen',
    'reason',
    'at',
    'reviewed',
  ],
  // "Unreviewed conflicts, newest first" and "issues of this record" are the two screens reading this.
  indexes: [
    ['kind', 'reviewed', 'at'],
    ['documentId', 'at'],
  ],
} as RxJsonSchema<SyncIssue>;
