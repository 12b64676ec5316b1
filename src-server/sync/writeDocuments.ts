import type { Database, Queryable } from '../db/database';
import type { CollectionName } from '../../src-shared/domain/collections';
import type { ChangeFeed } from './changeFeed';
import type { DocumentWrite, StoredDocument } from './documentStore';
import { lockCollectionForWrite, upsertDocument } from './documentStore';

export type WriteDocument = (write: Omit<DocumentWrite, 'collection'>) => Promise<StoredDocument>;

/**
 * The only way documents are written (pushes, CLI, seed): one transaction holding the collection's writer lock,
 * an announcement to other instances inside it, and delivery to this instance's streams after commit.
 */
export const writeCollection = async <R>(
  db: Database,
  feed: ChangeFeed,
  collection: CollectionName,
  work: (tx: Queryable, write: WriteDocument) => Promise<R>,
): Promise<R> => {
  let written: StoredDocument[] = [];
  const result = await db.transaction(async (tx) => {
    written = [];
    await lockCollectionForWrite(tx, collection);
    const value = await work(tx, async (write) => {
      const stored = await upsertDocument(tx, { ...write, collection });
      written.push(stored);
      return stored;
    });
    if (written.length > 0) await feed.announce(tx, { collection, documents: written });
    return value;
  });
  if (written.length > 0) feed.committed({ collection, documents: written });
  return result;
};
