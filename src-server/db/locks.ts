import type { CollectionName } from '../../src-shared/domain/collections';
import { collectionNames } from '../../src-shared/domain/collections';

/** First key of every advisory lock the server takes, so they never collide with another application's locks. */
export const advisoryLockSpace = 4870;
export const migrationLockKey = 1;

/** Second key of a collection's writer lock: stable per collection name. */
export const collectionLockKey = (collection: CollectionName): number =>
  100 + collectionNames.indexOf(collection);
