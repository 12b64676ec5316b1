import { useEffect, useMemo, useState } from 'react';
import { merge } from 'rxjs';
import { debounceTime } from 'rxjs/operators';
import type { LeadFacts, MetricStages } from '../../../src-shared/rules/metrics';
import { useDatabase } from '../../app/DatabaseContext';
import type { FairleadDatabase } from '../../db/database';
import type { LeadScope, ScanProgress } from './scanLeadFacts';
import { scanLeadFacts, scopeKey } from './scanLeadFacts';

export type LeadFactsState = {
  /** undefined until the first scan of this scope finishes. */
  facts: LeadFacts[] | undefined;
  /** Set while a scan runs (also when refreshing figures already shown). */
  progress: ScanProgress | null;
  error: string | null;
  /** The scope key (scopeKey) the facts are complete and current for; undefined while they are being computed. */
  currentFor?: string;
};

type CacheEntry = { facts: LeadFacts[]; version: number; stagesKey: string; at: number };

/**
 * Facts last computed per store and scope, so going from the campaign list to a campaign page or the scoreboard
 * shows figures at once. An entry is current while no lead or activity changed since it was computed
 * (`changeCounter`) and it is under a minute old ("pending" follow-ups turn "missed" as time passes).
 */
const cache = new Map<string, CacheEntry>();
const counters = new WeakMap<FairleadDatabase, { value: number }>();
const freshForMs = 60_000;
const quietMs = 700;

const changeCounter = (db: FairleadDatabase): { value: number } => {
  let counter = counters.get(db);
  if (!counter) {
    const created = { value: 0 };
    // Lives as long as the store: RxDB completes these streams when the database closes.
    merge(db.leads.$, db.activities.$).subscribe(() => {
      created.value += 1;
    });
    counters.set(db, created);
    counter = created;
  }
  return counter;
};

const scopeFromKey = (key: string): LeadScope => {
  if (key.startsWith('campaign:')) return { kind: 'campaign', campaignId: key.slice('campaign:'.length) };
  if (key.startsWith('owner:')) return { kind: 'owner', ownerId: key.slice('owner:'.length) };
  return { kind: 'all' };
};

/**
 * The facts of the scope's leads, computed from the local store in pages (scanLeadFacts) and recomputed after
 * local edits and synced changes once writes pause for a moment, so figures are current after a sync without
 * recomputing for every document of a large pull.
 */
export const useLeadFacts = (scope: LeadScope, stages: MetricStages | undefined): LeadFactsState => {
  const db = useDatabase();
  const key = scopeKey(scope);
  const stagesKey = stages
    ? JSON.stringify(stages.map(({ id, probability, outcome }) => ({ id, probability, outcome })))
    : '';
  const cacheKey = `${db.name}|${key}`;
  const [state, setState] = useState<LeadFactsState & { cacheKey: string }>(() => ({
    cacheKey,
    facts: cache.get(cacheKey)?.facts,
    progress: null,
    error: null,
  }));
  useEffect(() => {
    if (!stagesKey) return undefined;
    const counter = changeCounter(db);
    const stageList = JSON.parse(stagesKey) as MetricStages;
    let disposed = false;
    let running = false;
    let dirty = false;

    // One scan at a time per screen: changes arriving during a scan ask for one more scan after it.
    const run = async (): Promise<void> => {
      if (running) {
        dirty = true;
        return;
      }
      running = true;
      try {
        do {
          dirty = false;
          const cached = cache.get(cacheKey);
          const usable = cached && cached.stagesKey === stagesKey ? cached : undefined;
          if (usable && usable.version === counter.value && Date.now() - usable.at < freshForMs) {
            setState({ cacheKey, facts: usable.facts, progress: null, error: null });
            continue;
          }
          setState((current) => ({
            cacheKey,
            facts: current.cacheKey === cacheKey ? (current.facts ?? usable?.facts) : usable?.facts,
            progress: { done: 0, total: 0 },
            error: null,
          }));
          const version = counter.value;
          const facts = await scanLeadFacts(db, scopeFromKey(key), stageList, Date.now(), {
            cancelled: () => disposed,
            onProgress: (progress) => {
              if (!disposed) setState((current) => ({ ...current, progress }));
            },
          });
          if (disposed || !facts) return;
          cache.set(cacheKey, { facts, version, stagesKey, at: Date.now() });
          setState({ cacheKey, facts, progress: null, error: null });
        } while (dirty && !disposed);
      } catch (cause) {
        if (!disposed)
          setState((current) => ({
            ...current,
            progress: null,
            error: cause instanceof Error ? cause.message : String(cause),
          }));
      } finally {
        running = false;
      }
    };

    void run();
    const subscription = merge(db.leads.$, db.activities.$)
      .pipe(debounceTime(quietMs))
      .subscribe(() => void run());
    return () => {
      disposed = true;
      subscription.unsubscribe();
    };
  }, [db, key, cacheKey, stagesKey]);

  return useMemo(
    () =>
      state.cacheKey === cacheKey
        ? {
            facts: state.facts,
            progress: state.progress,
            error: state.error,
            currentFor: state.facts && !state.progress ? key : undefined,
          }
        : { facts: cache.get(cacheKey)?.facts, progress: null, error: null },
    [state, cacheKey, key],
  );
};
