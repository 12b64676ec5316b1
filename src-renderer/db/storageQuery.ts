import { normalizeMangoQuery, prepareQuery } from 'rxdb';
import type { MangoQuery, RxCollection, RxDocumentData } from 'rxdb';

/**
 * Runs a query against a collection's storage and returns the stored data as plain objects. For code that reads
 * many documents once (catalogs, figures over every lead): it skips creating and caching a document object per
 * result, which is most of the cost of `find().exec()` on tens of thousands of leads. Deleted documents are
 * excluded, as in `find()`. Not live and not for edits: use `find()` for those.
 */
export const queryStorage = async <T>(
  collection: RxCollection<T>,
  query: MangoQuery<T>,
): Promise<RxDocumentData<T>[]> => {
  const schema = collection.schema.jsonSchema;
  const normalized = normalizeMangoQuery<T>(schema, {
    ...query,
    selector: { ...query.selector, _deleted: { $eq: false } },
  } as MangoQuery<T>);
  const { documents } = await collection.storageInstance.query(prepareQuery(schema, normalized));
  return documents;
};
