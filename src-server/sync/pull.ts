import type { Queryable } from '../db/database';
import type { CollectionName } from '../../src-shared/domain/collections';
import type { PullRequest, PullResponse } from '../../src-shared/sync/protocol';
import type { Principal } from './access';
import { readScopes, visibilitySql } from './access';
import type { StoredDocument } from './documentStore';
import { documentColumns, fromDocumentRow, toReplicated } from './documentStore';

/**
 * The user's documents of a collection changed after the checkpoint, in seq order. Filtering happens in SQL so a
 * rep never receives, even transiently, a row they may not read. A document reassigned away from the user comes
 * as a deletion so it leaves their device.
 */
export const pullDocuments = async (
  db: Queryable,
  principal: Principal,
  collection: CollectionName,
  request: PullRequest,
): Promise<PullResponse> => {
  if (readScopes[principal.role][collection] === 'none')
    return { documents: [], checkpoint: request.checkpoint };
  const { visible, reachable } = visibilitySql(principal, collection);
  const rows = await db.query<Parameters<typeof fromDocumentRow>[0] & { visible: boolean }>(
    `select ${documentColumns}, ${visible} as visible
     from documents, (select $4::text as my_user_id, $5::text as my_team_id, $6::text as my_org_id) as me
     where collection = $1 and seq > $2 and ${reachable}
     order by seq limit $3`,
    [
      collection,
      request.checkpoint?.seq ?? 0,
      request.limit,
      principal.userId,
      principal.teamId,
      principal.orgId,
    ],
  );
  const documents = rows.map((row) => {
    const stored: StoredDocument = fromDocumentRow(row);
    return toReplicated(stored, stored.deleted || !row.visible);
  });
  const last = rows.at(-1);
  return {
    documents,
    checkpoint: last ? { seq: fromDocumentRow(last).seq } : request.checkpoint,
  };
};
