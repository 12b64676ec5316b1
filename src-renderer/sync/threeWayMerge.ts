import type { CollectionName } from '../../src-shared/domain/collections';
import type { Lead } from '../../src-shared/domain/lead';
import { deriveLeadFields } from '../../src-shared/domain/lead';
import { deepEqual, localOnlyKeys } from './documentEquality';

/** `ours` is this device's state, `theirs` the server's (the real master). */
export type MergeSide = 'ours' | 'theirs';

/** A field both sides changed to different values: what each side had and which one the rule kept. */
export type FieldConflict = {
  field: string;
  ours: unknown;
  theirs: unknown;
  chosen: MergeSide;
  reason: string;
};

export type MergeDocument = Record<string, unknown> & { _deleted?: boolean };

export type MergeInput = {
  collection: CollectionName;
  /** What this device last saw from the server (RxDB's assumedMasterState); undefined on a first push. */
  base: MergeDocument | undefined;
  ours: MergeDocument;
  theirs: MergeDocument;
};

export type MergeResult = { document: MergeDocument; conflicts: FieldConflict[] };

type MergePolicy = {
  /** Append-only arrays merged as a union, each entry identified by the key function. */
  histories: Record<string, (entry: unknown) => string>;
  /** Fields computed from others (by `derive`): not merged, recomputed from the merged document. */
  derivedFields: readonly string[];
  derive?: (doc: MergeDocument) => Record<string, unknown>;
};

const statusChangeKey = (entry: unknown): string => {
  const change = entry as { at?: unknown; to?: unknown };
  return `${String(change.at)}|${String(change.to)}`;
};

const noPolicy: MergePolicy = { histories: {}, derivedFields: [] };

const policies: Partial<Record<CollectionName, MergePolicy>> = {
  leads: {
    // Each status change is a fact with its own time: a change made on either device must survive the merge.
    histories: { statusHistory: statusChangeKey },
    derivedFields: ['emailKey', 'nameKey', 'searchText', 'gradeRank', 'recency', 'gradeOrder', 'fitOrder'],
    // The merged lead is written to the store without RxDB's pre-save hooks, so its derived keys are set here.
    derive: (doc) => deriveLeadFields(doc as unknown as Lead),
  },
};

/** The stated rule: the later edit (by `updatedAt`) wins; on a tie the server's value is kept. */
export const laterSide = (ours: MergeDocument, theirs: MergeDocument): MergeSide =>
  Number(ours.updatedAt ?? 0) > Number(theirs.updatedAt ?? 0) ? 'ours' : 'theirs';

const ruleReason = (ours: MergeDocument, theirs: MergeDocument, chosen: MergeSide): string => {
  if (Number(ours.updatedAt ?? 0) === Number(theirs.updatedAt ?? 0)) {
    return 'Changed on this device and on the server at the same time: the server value was kept.';
  }
  return chosen === 'ours'
    ? 'Changed on this device and on the server: this device edited it later, so its value was kept.'
    : 'Changed on this device and on the server: the server copy was edited later, so its value was kept.';
};

const unionHistory = (ours: unknown, theirs: unknown, identify: (entry: unknown) => string): unknown[] => {
  const byKey = new Map<string, unknown>();
  // The server's entry wins when both sides hold one with the same identity.
  for (const entry of Array.isArray(ours) ? ours : []) byKey.set(identify(entry), entry);
  for (const entry of Array.isArray(theirs) ? theirs : []) byKey.set(identify(entry), entry);
  return [...byKey.entries()]
    .sort(([keyA, a], [keyB, b]) => {
      const atA = Number((a as { at?: unknown }).at ?? 0);
      const atB = Number((b as { at?: unknown }).at ?? 0);
      return atA - atB || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0);
    })
    .map(([, entry]) => entry);
};

/**
 * Three-way merge of one document, field by field (top-level fields, compared deeply):
 * - changed on one side only: that side's value;
 * - changed on both sides to the same value: that value;
 * - changed on both sides differently: the later edit by `updatedAt` wins, ties go to the server; reported as a
 *   FieldConflict so the person can review it;
 * - histories (a lead's statusHistory): union of both sides by entry identity, sorted by time;
 * - `updatedAt`: the later of both; derived fields: recomputed;
 * - deleted on one side and edited on the other: the edit is kept (reported), nothing disappears silently.
 * Without a base (first push of a document the server already has) every differing field counts as changed on
 * both sides.
 */
export const mergeDocuments = ({ collection, base, ours, theirs }: MergeInput): MergeResult => {
  const policy = policies[collection] ?? noPolicy;
  const origin: MergeDocument = base ?? {};
  const winner = laterSide(ours, theirs);
  const merged: MergeDocument = {};
  const conflicts: FieldConflict[] = [];
  let oursEdited = false;
  let theirsEdited = false;

  const skipped = new Set<string>([...localOnlyKeys, '_deleted', 'updatedAt', ...policy.derivedFields]);
  const keys = new Set([...Object.keys(origin), ...Object.keys(ours), ...Object.keys(theirs)]);
  for (const key of keys) {
    if (skipped.has(key)) continue;
    const mine = ours[key];
    const server = theirs[key];
    const before = origin[key];
    const mineChanged = !deepEqual(mine, before);
    const serverChanged = !deepEqual(server, before);
    oursEdited ||= mineChanged;
    theirsEdited ||= serverChanged;
    let value: unknown;
    const identify = policy.histories[key];
    if (deepEqual(mine, server)) value = server;
    else if (identify) value = unionHistory(mine, server, identify);
    else if (!serverChanged) value = mine;
    else if (!mineChanged) value = server;
    else {
      value = winner === 'ours' ? mine : server;
      conflicts.push({
        field: key,
        ours: mine,
        theirs: server,
        chosen: winner,
        reason: ruleReason(ours, theirs, winner),
      });
    }
    if (value !== undefined) merged[key] = value;
  }

  const updatedAt = Math.max(Number(ours.updatedAt ?? 0), Number(theirs.updatedAt ?? 0));
  if (ours.updatedAt !== undefined || theirs.updatedAt !== undefined) merged.updatedAt = updatedAt;

  merged._deleted = mergeDeleted(base, ours, theirs, { oursEdited, theirsEdited }, conflicts);

  if (policy.derive) Object.assign(merged, policy.derive(merged));
  return { document: merged, conflicts };
};

const mergeDeleted = (
  base: MergeDocument | undefined,
  ours: MergeDocument,
  theirs: MergeDocument,
  edited: { oursEdited: boolean; theirsEdited: boolean },
  conflicts: FieldConflict[],
): boolean => {
  const mine = ours._deleted === true;
  const server = theirs._deleted === true;
  if (mine === server) return mine;
  const keeper: MergeSide = mine ? 'theirs' : 'ours';
  const deleter: MergeSide = mine ? 'ours' : 'theirs';
  const deletionIsNew = base === undefined || base._deleted !== true;
  // A restore of a document that was already deleted at the base is a one-sided change: keep the restore.
  if (!deletionIsNew) return false;
  const keeperEdited = keeper === 'ours' ? edited.oursEdited : edited.theirsEdited;
  if (base !== undefined && !keeperEdited) return true;
  conflicts.push({
    field: '_deleted',
    ours: mine,
    theirs: server,
    chosen: keeper,
    reason:
      deleter === 'ours'
        ? 'Deleted on this device but changed on the server: the record was kept with the changes.'
        : 'Deleted on the server but changed on this device: the record was kept with your changes.',
  });
  return false;
};
