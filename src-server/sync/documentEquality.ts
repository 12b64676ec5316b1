/**
 * Keys RxDB keeps for itself on a device. They are never part of the master state, so a client that sends them
 * anyway must not get a false conflict (and the server never stores them).
 */
const deviceOnlyKeys = new Set(['_meta', '_rev', '_attachments']);

export const withoutDeviceKeys = (doc: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(doc).filter(([key]) => !deviceOnlyKeys.has(key)));

/**
 * Structural equality of two JSON values, ignoring object key order (jsonb reorders keys) and, at the top level,
 * device-only keys. This is the compare of compare-and-set.
 */
export const sameJson = (a: unknown, b: unknown, topLevel = true): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameJson(item, b[index], false));
  }
  const left = topLevel ? withoutDeviceKeys(a as Record<string, unknown>) : (a as Record<string, unknown>);
  const right = topLevel ? withoutDeviceKeys(b as Record<string, unknown>) : (b as Record<string, unknown>);
  const leftKeys = Object.keys(left).filter((key) => left[key] !== undefined);
  const rightKeys = Object.keys(right).filter((key) => right[key] !== undefined);
  if (leftKeys.length !== rightKeys.length) return false;
  return leftKeys.every((key) => Object.hasOwn(right, key) && sameJson(left[key], right[key], false));
};
