/**
 * Values looked up in the database and trusted for a short time, so a burst of requests from the same people does
 * not ask again for each one. A hit is wrapped (`{ value }`) so that "known not to exist" can be cached too.
 * Past `maxEntries` the cache starts over rather than tracking age order: it only saves queries.
 */
export type TtlCache<V> = {
  get(key: string): { value: V } | undefined;
  set(key: string, value: V): void;
  delete(key: string): void;
};

export const createTtlCache = <V>(ttlMs: number, maxEntries = 10_000): TtlCache<V> => {
  const entries = new Map<string, { at: number; value: V }>();
  return {
    get(key) {
      const entry = entries.get(key);
      return entry && Date.now() - entry.at < ttlMs ? { value: entry.value } : undefined;
    },
    set(key, value) {
      if (entries.size >= maxEntries) entries.clear();
      entries.set(key, { at: Date.now(), value });
    },
    delete(key) {
      entries.delete(key);
    },
  };
};
