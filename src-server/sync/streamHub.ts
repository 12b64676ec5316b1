import type { CollectionName } from '../../src-shared/domain/collections';
import type { ReplicatedDocument, StreamEvent } from '../../src-shared/sync/protocol';
import type { Principal } from './access';
import { visibilityOf } from './access';
import type { ChangeBatch, ChangeFeed } from './changeFeed';
import { toReplicated } from './documentStore';

/** One connected device's event stream. */
export type StreamClient = {
  principal: Principal;
  send(event: StreamEvent): void;
  /** Closes the connection (server shutdown). */
  end(): void;
};

/** The part of a batch this user may see, as it should reach their device (revoked documents as deletions). */
export const filterBatchFor = (
  principal: Principal,
  batch: ChangeBatch,
): { collection: CollectionName; documents: ReplicatedDocument[]; lastSeq: number } | undefined => {
  const documents: ReplicatedDocument[] = [];
  let lastSeq = 0;
  for (const stored of batch.documents) {
    const visibility = visibilityOf(principal, batch.collection, stored);
    if (visibility === 'hidden') continue;
    documents.push(toReplicated(stored, stored.deleted || visibility === 'revoked'));
    lastSeq = Math.max(lastSeq, stored.seq);
  }
  return documents.length > 0 ? { collection: batch.collection, documents, lastSeq } : undefined;
};

/** Fans committed changes out to this instance's connected streams, each filtered for its user. */
export const createStreamHub = (feed: ChangeFeed) => {
  const clients = new Set<StreamClient>();
  const unsubscribe = feed.subscribe({
    onChanges(batch) {
      for (const client of clients) {
        const visible = filterBatchFor(client.principal, batch);
        if (!visible) continue;
        client.send({
          type: 'changes',
          collection: visible.collection,
          documents: visible.documents,
          checkpoint: { seq: visible.lastSeq },
        });
      }
    },
    onResync() {
      for (const client of clients) client.send({ type: 'RESYNC' });
    },
  });
  return {
    add(client: StreamClient): () => void {
      clients.add(client);
      return () => {
        clients.delete(client);
      };
    },
    get size() {
      return clients.size;
    },
    /** Ends every stream (shutdown): open SSE connections would otherwise keep the server from closing. */
    close() {
      unsubscribe();
      for (const client of [...clients]) client.end();
      clients.clear();
    },
  };
};

export type StreamHub = ReturnType<typeof createStreamHub>;
