import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTtlCache } from '../../../src-server/auth/ttlCache';

afterEach(() => {
  vi.useRealTimers();
});

describe('ttl cache (looked-up users and teams)', () => {
  it('answers within the time to live, then asks again', () => {
    vi.useFakeTimers();
    const cache = createTtlCache<string>(2000);
    cache.set('team-1', 'org-1');
    vi.advanceTimersByTime(1999);
    expect(cache.get('team-1')).toEqual({ value: 'org-1' });
    vi.advanceTimersByTime(1);
    expect(cache.get('team-1')).toBeUndefined();
  });

  it('keeps "known not to exist" apart from "not looked up"', () => {
    const cache = createTtlCache<string | undefined>(2000);
    expect(cache.get('gone')).toBeUndefined();
    cache.set('gone', undefined);
    expect(cache.get('gone')).toEqual({ value: undefined });
    cache.delete('gone');
    expect(cache.get('gone')).toBeUndefined();
  });

  it('starts over when full instead of growing without bound', () => {
    const cache = createTtlCache<number>(60_000, 3);
    for (const key of ['a', 'b', 'c']) cache.set(key, 1);
    cache.set('d', 4);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('d')).toEqual({ value: 4 });
  });
});
