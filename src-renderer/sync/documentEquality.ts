/**
 * Keys RxDB keeps for itself on a device. They never reach the server, so two states that differ only in them are
 * the same document (the server's compare-and-set ignores them the same way).
 */
export const localOnlyKeys: ReadonlySet<string> = new Set(['_meta', '_rev', '_attachments']);

/**
 * Structural equality of JSON values: object key order does not matter (jsonb reorders keys) and a key holding
 * `undefined` counts as absent (JSON drops it). Written without allocations because RxDB calls it for every
 * pulled and pushed document.
 */
export const deepEqual = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  return sameKeys(a as Record<string, unknown>, b as Record<string, unknown>, null);
};

const sameKeys = (
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  skip: ReadonlySet<string> | null,
): boolean => {
  let countA = 0;
  for (const key in a) {
    if (!Object.hasOwn(a, key) || (skip !== null && skip.has(key))) continue;
    const value = a[key];
    if (value === undefined) continue;
    countA += 1;
    if (!Object.hasOwn(b, key) || !deepEqual(value, b[key])) return false;
  }
  let countB = 0;
  for (const key in b) {
    if (!Object.hasOwn(b, key) || (skip !== null && skip.has(key))) continue;
    if (b[key] !== undefined) countB += 1;
  }
  return countA === countB;
};

/** Two states of one document are equal when they agree on everything but RxDB's local keys. */
export const sameDocument = (a: object, b: object): boolean =>
  a === b || sameKeys(a as Record<string, unknown>, b as Record<string, unknown>, localOnlyKeys);

/** The document as the server stores it: without RxDB's local keys. */
export const withoutLocalKeys = <T extends object>(doc: T): T => {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) if (!localOnlyKeys.has(key)) copy[key] = value;
  return copy as T;
};
