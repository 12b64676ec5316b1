import { BehaviorSubject } from 'rxjs';
import type { Observable } from 'rxjs';
import { OfflineError } from './errors';

export type SyncState = 'offline' | 'connecting' | 'syncing' | 'synced' | 'error' | 'signed_out';

/** What the sync indicator shows. */
export type SyncStatus = {
  state: SyncState;
  /** Local changes (documents) the server has not acknowledged yet; survives a restart. */
  pending: number;
  /** When everything was last in sync with the server (ms), null before the first time. */
  lastSyncedAt: number | null;
  /** A sentence for the person when state is 'error' or 'signed_out'. */
  error: string | null;
  /** Unreviewed entries of kind 'conflict' in syncIssues. */
  conflictsToReview: number;
  /** Unreviewed entries of kind 'rejected' in syncIssues. */
  rejected: number;
};

type Counts = Pick<SyncStatus, 'pending' | 'conflictsToReview' | 'rejected'>;

/**
 * Folds what the parts of the engine report (request outcomes per channel, replication activity, the stream's
 * connection, counters) into one SyncStatus. A channel is one kind of request, e.g. `leads:push` or `stream`.
 */
export const createStatusTracker = () => {
  const failures = new Map<string, unknown>();
  const active = new Set<string>();
  let streamOpen = false;
  let reachedServer = false;
  let signedOut: string | null = null;
  let lastSyncedAt: number | null = null;
  const counts: Counts = { pending: 0, conflictsToReview: 0, rejected: 0 };

  const compute = (): SyncStatus => {
    const base = { ...counts, lastSyncedAt };
    if (signedOut !== null) return { ...base, state: 'signed_out', error: signedOut };
    const errors = [...failures.values()];
    if (errors.some((error) => error instanceof OfflineError))
      return { ...base, state: 'offline', error: null };
    const first = errors[0];
    if (first !== undefined) {
      return { ...base, state: 'error', error: first instanceof Error ? first.message : String(first) };
    }
    if (!reachedServer || !streamOpen) return { ...base, state: 'connecting', error: null };
    if (active.size > 0 || counts.pending > 0) return { ...base, state: 'syncing', error: null };
    lastSyncedAt = Date.now();
    return { ...base, lastSyncedAt, state: 'synced', error: null };
  };

  const status$ = new BehaviorSubject<SyncStatus>(compute());
  const emit = () => {
    const next = compute();
    const previous = status$.getValue();
    const same = (Object.keys(next) as (keyof SyncStatus)[]).every(
      (key) => key === 'lastSyncedAt' || next[key] === previous[key],
    );
    if (!same) status$.next(next);
  };

  return {
    status$: status$.asObservable() as Observable<SyncStatus>,
    current: (): SyncStatus => status$.getValue(),
    succeeded(channel: string) {
      reachedServer = true;
      failures.delete(channel);
      // Reaching the server at all ends "offline" for every channel; their next attempts report again.
      for (const [other, error] of failures) if (error instanceof OfflineError) failures.delete(other);
      emit();
    },
    failed(channel: string, error: unknown) {
      failures.set(channel, error);
      emit();
    },
    setActive(collection: string, isActive: boolean) {
      if (isActive) active.add(collection);
      else active.delete(collection);
      emit();
    },
    setStream(open: boolean) {
      streamOpen = open;
      emit();
    },
    setCount(key: keyof Counts, value: number) {
      counts[key] = value;
      emit();
    },
    signOut(message: string) {
      signedOut = message;
      emit();
    },
    complete: () => status$.complete(),
  };
};

export type StatusTracker = ReturnType<typeof createStatusTracker>;

/**
 * Waiting between retries: exponential (min, doubling, capped at max) while requests keep failing, reset by a
 * success, and cut short by wakeAll() (the stream reconnected, the person pressed "Sync now", sync stopped).
 */
export const createRetryGate = (backoff: { minMs: number; maxMs: number }) => {
  let delay = backoff.minMs;
  const sleepers = new Set<() => void>();
  return {
    wait(): Promise<void> {
      const ms = delay;
      delay = Math.min(delay * 2, backoff.maxMs);
      return new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          sleepers.delete(done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        sleepers.add(done);
      });
    },
    reset() {
      delay = backoff.minMs;
    },
    wakeAll() {
      delay = backoff.minMs;
      for (const wake of [...sleepers]) wake();
    },
  };
};

export type RetryGate = ReturnType<typeof createRetryGate>;
