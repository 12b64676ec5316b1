import type { Queryable } from '../db/database';
import { toNumber } from '../db/database';
import { advisoryLockSpace, collectionLockKey } from '../db/locks';
import type { CollectionName } from '../../src-shared/domain/collections';
import type { ReplicatedDocument } from '../../src-shared/sync/protocol';
import type { DocumentScope } from './access';

/** A row of `documents`: the document as pushed (`data`) plus what the server keeps beside it. */
export type StoredDocument = DocumentScope & {
  collection: CollectionName;
  seq: number;
  deleted: boolean;
  data: Record<string, unknown>;
};

type DocumentRow = {
  collection: CollectionName;
  id: string;
  seq: unknown;
  org_id: string;
  team_id: string;
  owner_id: string;
  former_team_ids: string[] | null;
  former_owner_ids: string[] | null;
  deleted: boolean;
  data: Record<string, unknown>;
};

export const documentColumns =
  'collection, id, seq, org_id, team_id, owner_id, former_team_ids, former_owner_ids, deleted, data';

export const fromDocumentRow = (row: DocumentRow): StoredDocument => ({
  collection: row.collection,
  id: row.id,
  seq: toNumber(row.seq),
  orgId: row.org_id,
  teamId: row.team_id,
  ownerId: row.owner_id,
  formerTeamIds: row.former_team_ids ?? [],
  formerOwnerIds: row.former_owner_ids ?? [],
  deleted: row.deleted,
  data: row.data,
});

/** The document as devices see it. Server-stamped facts (seq, former owners) never enter the document JSON. */
export const toReplicated = (stored: StoredDocument, deleted: boolean = stored.deleted): ReplicatedDocument =>
  ({ ...stored.data, _deleted: deleted }) as ReplicatedDocument;

/**
 * Serializes the writers of one collection until commit. Every write stamps its seq after taking this lock, so a
 * transaction that stamps a higher seq starts only after the lower one committed: a pull by `seq > checkpoint`
 * can never see seq n+1 while seq n is still in flight, which is what would make a client skip n forever.
 * writeCollection takes it on PostgreSQL only: PGlite's transactions never overlap (see writeDocuments.ts).
 */
export const lockCollectionForWrite = async (tx: Queryable, collection: CollectionName): Promise<void> => {
  await tx.query('select pg_advisory_xact_lock($1, $2)', [advisoryLockSpace, collectionLockKey(collection)]);
};

export const loadDocuments = async (
  db: Queryable,
  collection: CollectionName,
  ids: readonly string[],
): Promise<Map<string, StoredDocument>> => {
  if (ids.length === 0) return new Map();
  const rows = await db.query<DocumentRow>(
    `select ${documentColumns} from documents where collection = $1 and id = any($2::text[])`,
    [collection, [...new Set(ids)]],
  );
  return new Map(rows.map((row) => [row.id, fromDocumentRow(row)]));
};

export type DocumentWrite = {
  collection: CollectionName;
  id: string;
  orgId: string;
  teamId: string;
  ownerId: string;
  deleted: boolean;
  data: Record<string, unknown>;
  writtenBy: string;
};

/**
 * Inserts or replaces a document with the next seq. Must run inside a transaction that holds
 * lockCollectionForWrite for the collection (or runs alone, as every PGlite transaction does): use writeCollection. A change of team or owner remembers the previous one so its former
 * audience is told to drop the document.
 */
export const upsertDocument = async (tx: Queryable, write: DocumentWrite): Promise<StoredDocument> => {
  const rows = await tx.query<DocumentRow>(
    `insert into documents as d (collection, id, seq, org_id, team_id, owner_id, deleted, data, written_by)
     values ($1, $2, nextval('document_seq'), $3, $4, $5, $6, $7::jsonb, $8)
     on conflict (collection, id) do update set
       seq = excluded.seq,
       org_id = excluded.org_id,
       team_id = excluded.team_id,
       owner_id = excluded.owner_id,
       former_team_ids = case when d.team_id <> excluded.team_id and not (d.team_id = any(d.former_team_ids))
         then array_append(d.former_team_ids, d.team_id) else d.former_team_ids end,
       former_owner_ids = case when d.owner_id <> excluded.owner_id and not (d.owner_id = any(d.former_owner_ids))
         then array_append(d.former_owner_ids, d.owner_id) else d.former_owner_ids end,
       deleted = excluded.deleted,
       data = excluded.data,
       written_by = excluded.written_by,
       written_at = now()
     returning ${documentColumns}`,
    [
      write.collection,
      write.id,
      write.orgId,
      write.teamId,
      write.ownerId,
      write.deleted,
      JSON.stringify(write.data),
      write.writtenBy,
    ],
  );
  const row = rows[0];
  if (!row) throw new Error(`Writing ${write.collection}/${write.id} returned no row`);
  return fromDocumentRow(row);
};

/** Rows of a collection whose current seq lies in [from, to] (what a NOTIFY announced), in seq order. */
export const loadSeqRange = async (
  db: Queryable,
  collection: CollectionName,
  from: number,
  to: number,
): Promise<StoredDocument[]> => {
  const rows = await db.query<DocumentRow>(
    `select ${documentColumns} from documents where collection = $1 and seq between $2 and $3 order by seq`,
    [collection, from, to],
  );
  return rows.map(fromDocumentRow);
};
