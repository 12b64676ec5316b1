import { afterEach, describe, expect, it, vi } from 'vitest';
import { firstValueFrom } from 'rxjs';
import { createSseParser } from '../../../src-renderer/sync/eventStream';
import { createPendingChanges, memoryPendingStore } from '../../../src-renderer/sync/pendingChanges';
import { createRetryGate, createStatusTracker } from '../../../src-renderer/sync/syncStatus';
import { ApiRequestError, OfflineError } from '../../../src-renderer/sync/errors';

const bytes = (text: string) => new TextEncoder().encode(text);

afterEach(() => {
  vi.useRealTimers();
});

describe('server-sent events parser', () => {
  it('yields the data of each event across chunk boundaries, CRLF and heartbeats', () => {
    const events: string[] = [];
    const parse = createSseParser((data) => events.push(data));
    parse(bytes(': heartbeat\n\ndata: {"type":"RES'));
    parse(bytes('YNC"}\n'));
    expect(events).toEqual([]);
    parse(bytes('\ndata:one\r\ndata: two\r\n\r\nevent: x\nid: 3\n\n'));
    const euro = bytes('data: "€"\n\n');
    parse(euro.slice(0, 8));
    parse(euro.slice(8));
    expect(events).toEqual(['{"type":"RESYNC"}', 'one\ntwo', '"€"']);
  });
});

describe('pending changes', () => {
  it('counts documents once, forgets acknowledged ones and survives a restart through its store', () => {
    vi.useFakeTimers();
    const store = memoryPendingStore(`test-${Math.random()}`);
    const pending = createPendingChanges(store);
    pending.add('leads', 'a');
    pending.add('leads', 'a');
    pending.add('leads', 'b');
    pending.add('activities', 'a');
    expect(pending.size()).toBe(3);
    expect(pending.idsOf('leads').sort()).toEqual(['a', 'b']);
    pending.remove('leads', ['a', 'zzz']);
    expect(pending.has('leads', 'a')).toBe(false);
    expect(store.load()).toEqual([]);
    vi.advanceTimersByTime(500);
    expect([...store.load()].sort()).toEqual(['activities/a', 'leads/b']);
    const restarted = createPendingChanges(store);
    expect(restarted.size()).toBe(2);
  });
});

describe('sync status', () => {
  it('goes from connecting to synced, shows offline and errors, and syncing while work is pending', async () => {
    const tracker = createStatusTracker();
    expect(tracker.current().state).toBe('connecting');
    tracker.succeeded('leads:pull');
    tracker.setStream(true);
    expect(tracker.current()).toMatchObject({ state: 'synced', error: null });
    expect(tracker.current().lastSyncedAt).toBeGreaterThan(0);
    tracker.setCount('pending', 2);
    expect(tracker.current()).toMatchObject({ state: 'syncing', pending: 2 });
    tracker.failed('leads:push', new OfflineError('down'));
    expect(tracker.current().state).toBe('offline');
    // Any answer from the server ends "offline" for every channel.
    tracker.succeeded('stream');
    expect(tracker.current().state).toBe('syncing');
    tracker.failed(
      'leads:push',
      new ApiRequestError(500, { error: 'internal_error', message: 'It has been logged.' }),
    );
    expect(tracker.current()).toMatchObject({ state: 'error', error: 'It has been logged.' });
    tracker.signOut('You were signed out.');
    expect(await firstValueFrom(tracker.status$)).toMatchObject({
      state: 'signed_out',
      error: 'You were signed out.',
    });
  });

  it('backs off exponentially up to the cap and wakes early on demand', async () => {
    vi.useFakeTimers();
    const gate = createRetryGate({ minMs: 100, maxMs: 300 });
    const waited: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const started = Date.now();
      const wait = gate.wait();
      await vi.runOnlyPendingTimersAsync();
      await wait;
      waited.push(Date.now() - started);
    }
    expect(waited).toEqual([100, 200, 300, 300]);
    const early = gate.wait();
    gate.wakeAll();
    await early;
    gate.reset();
  });
});
