import type { Database } from '../../../src-server/db/database';
import type { ChangeFeed } from '../../../src-server/sync/changeFeed';
import type { StoredDocument } from '../../../src-server/sync/documentStore';
import { loadDocuments, toReplicated } from '../../../src-server/sync/documentStore';
import { writeCollection } from '../../../src-server/sync/writeDocuments';
import type { CollectionName } from '../../../src-shared/domain/collections';
import type { ReplicatedDocument } from '../../../src-shared/sync/protocol';

type ServerHandle = { db: Database; feed: ChangeFeed };

/**
 * Stores a document directly, as the server itself would (no authorization): test setup for documents a user
 * could not push, such as another team's lead.
 */
export const storeDocument = async (
  server: ServerHandle,
  collection: CollectionName,
  doc: ReplicatedDocument,
): Promise<StoredDocument> => {
  const { _deleted: deleted, ...data } = doc as ReplicatedDocument & Record<string, unknown>;
  const teamId = String(data.teamId);
  const rows = await server.db.query<{ org_id: string }>('select org_id from teams where id = $1', [teamId]);
  const orgId = rows[0]?.org_id;
  if (!orgId) throw new Error(`No team ${teamId}`);
  return writeCollection(server.db, server.feed, collection, (_tx, write) =>
    write({
      id: String(data.id),
      orgId,
      teamId,
      ownerId: String(data.ownerId),
      deleted,
      data,
      writtenBy: 'test',
    }),
  );
};

/** The stored master state of a document as devices see it, or undefined. */
export const readDocument = async (
  server: ServerHandle,
  collection: CollectionName,
  id: string,
): Promise<{ document: ReplicatedDocument; seq: number } | undefined> => {
  const stored = (await loadDocuments(server.db, collection, [id])).get(id);
  return stored && { document: toReplicated(stored), seq: stored.seq };
};

export const quarantined = (server: ServerHandle, docId: string) =>
  server.db.query<{ collection: string; user_id: string; reason: string; document: Record<string, unknown> }>(
    'select collection, user_id, reason, document from quarantine where doc_id = $1 order by id',
    [docId],
  );
