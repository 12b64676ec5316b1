import { BehaviorSubject } from 'rxjs';
import type { Observable } from 'rxjs';
import type { RxCollection } from 'rxdb';

/** Where the keys of unacknowledged local changes survive a restart (localStorage in the app). */
export type PendingStore = {
  load(): readonly string[];
  save(keys: readonly string[]): void;
};

/**
 * Local changes (per collection and document id) the server has not acknowledged yet: what "N pending" shows.
 * Added by the collections' post-write hooks (local writes only: replication writes bypass them), removed when a
 * push carrying that document state is acknowledged or the replication finds the local state equal to the server's.
 */
export type PendingChanges = {
  add(collection: string, id: string): void;
  remove(collection: string, ids: readonly string[]): void;
  has(collection: string, id: string): boolean;
  idsOf(collection: string): string[];
  size(): number;
  size$: Observable<number>;
  /** Writes the keys now (saves are otherwise batched). */
  flush(): void;
};

const memoryStores = new Map<string, readonly string[]>();

/** Outlives a closed database within this process: what a restart looks like in tests and tools. */
export const memoryPendingStore = (name: string): PendingStore => ({
  load: () => memoryStores.get(name) ?? [],
  save: (keys) => {
    memoryStores.set(name, [...keys]);
  },
});

const browserStorage = (): Storage | undefined => {
  try {
    return typeof globalThis.localStorage === 'object' ? globalThis.localStorage : undefined;
  } catch {
    // Access can throw where storage is disabled.
    return undefined;
  }
};

/** localStorage when the runtime has it (the renderer), memory otherwise (Node tests). */
export const defaultPendingStore = (databaseName: string): PendingStore => {
  const key = `fairlead.sync.pending.${databaseName}`;
  const storage = browserStorage();
  if (!storage) return memoryPendingStore(key);
  return {
    load() {
      try {
        const value: unknown = JSON.parse(storage.getItem(key) ?? '[]');
        return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
      } catch {
        return [];
      }
    },
    save(keys) {
      if (keys.length === 0) storage.removeItem(key);
      else storage.setItem(key, JSON.stringify(keys));
    },
  };
};

const keyOf = (collection: string, id: string) => `${collection}/${id}`;

export const createPendingChanges = (store: PendingStore, saveDelayMs = 200): PendingChanges => {
  const keys = new Set(store.load());
  const size$ = new BehaviorSubject(keys.size);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    store.save([...keys]);
  };
  // Thousands of writes in a row (an import) must not serialize the whole set thousands of times.
  const changed = () => {
    size$.next(keys.size);
    timer ??= setTimeout(flush, saveDelayMs);
  };
  return {
    add(collection, id) {
      const key = keyOf(collection, id);
      if (keys.has(key)) return;
      keys.add(key);
      changed();
    },
    remove(collection, ids) {
      let removed = false;
      for (const id of ids) removed = keys.delete(keyOf(collection, id)) || removed;
      if (removed) changed();
    },
    has: (collection, id) => keys.has(keyOf(collection, id)),
    idsOf(collection) {
      const prefix = `${collection}/`;
      return [...keys].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));
    },
    size: () => keys.size,
    size$: size$.asObservable(),
    flush,
  };
};

const trackers = new WeakMap<object, PendingChanges>();

/**
 * Counts every local write of the given collections as pending. Installed when the database opens, so writes
 * made before sync starts (offline, before sign-in) are counted too.
 */
export const trackLocalChanges = (
  db: { collections: object },
  collectionNames: readonly string[],
  store: PendingStore,
): PendingChanges => {
  const pending = createPendingChanges(store);
  for (const name of collectionNames) {
    const collection = (db.collections as Record<string, RxCollection<{ id: string }> | undefined>)[name];
    if (!collection) continue;
    const record = (data: { id: string }) => {
      if (typeof data.id === 'string') pending.add(name, data.id);
    };
    collection.postInsert(record, false);
    collection.postSave(record, false);
    collection.postRemove(record, false);
  }
  trackers.set(db, pending);
  return pending;
};

/** The tracker installed by trackLocalChanges for this database, if any. */
export const pendingChangesOf = (db: object): PendingChanges | undefined => trackers.get(db);
