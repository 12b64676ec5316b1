import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lead } from '../../../src-shared/domain/lead';
import { useDatabase } from '../../app/DatabaseContext';
import type { LeadFilters } from './leadQueries';
import { leadListQuery, leadListSelector } from './leadQueries';

export const leadPageSize = 100;

export type LeadList = {
  /** Number of leads matching the filters; a lower bound until `counted`, undefined before the first read. */
  total: number | undefined;
  counted: boolean;
  /** The lead at a position, or undefined while its page loads. */
  leadAt(index: number): Lead | undefined;
  /** Asks for the pages covering these positions (called by the virtualized list for what is on screen). */
  requestRange(first: number, last: number): void;
  /** The filters (as `leadFiltersKey`) the rows on screen were read for; lets tools tell stale rows from fresh. */
  showing: string;
};

export const leadFiltersKey = (filters: LeadFilters): string =>
  [filters.search, filters.status, filters.grade, filters.campaignId, filters.sort].join('|');

/**
 * A paged, live window onto the lead list: only the pages on screen are read (by index), never the collection.
 * Local writes and synced changes refresh the count and the pages already shown.
 */
export const useLeadList = (filters: LeadFilters): LeadList => {
  const db = useDatabase();
  const [total, setTotal] = useState<number | undefined>(undefined);
  const [counted, setCounted] = useState<number | undefined>(undefined);
  const [pages, setPages] = useState<ReadonlyMap<number, Lead[]>>(new Map());
  const [showing, setShowing] = useState('');
  const generation = useRef(0);
  const loading = useRef(new Set<number>());
  const visible = useRef<{ first: number; last: number }>({ first: 0, last: 0 });

  const loadPage = useCallback(
    async (page: number, forGeneration: number) => {
      if (loading.current.has(page)) return;
      loading.current.add(page);
      try {
        const docs = await db.leads
          .find(leadListQuery(filters, { skip: page * leadPageSize, limit: leadPageSize }))
          .exec();
        if (forGeneration !== generation.current) return;
        const leads = docs.map((doc) => doc.toJSON() as Lead);
        setPages((previous) => new Map(previous).set(page, leads));
      } finally {
        loading.current.delete(page);
      }
    },
    [db, filters],
  );

  const countTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  /**
   * Re-reads the pages on screen first, then the count: the rows a user is looking at never wait for a count,
   * which cannot use an index while a search term is set. Counting is also deferred while the user is typing.
   */
  const refresh = useCallback(async () => {
    generation.current += 1;
    const current = generation.current;
    loading.current.clear();
    const firstPage = Math.floor(visible.current.first / leadPageSize);
    const lastPage = Math.floor(visible.current.last / leadPageSize);
    const fresh = new Map<number, Lead[]>();
    await Promise.all(
      Array.from({ length: lastPage - firstPage + 1 }, async (_, offset) => {
        const page = firstPage + offset;
        const docs = await db.leads
          .find(leadListQuery(filters, { skip: page * leadPageSize, limit: leadPageSize }))
          .exec();
        fresh.set(
          page,
          docs.map((doc) => doc.toJSON() as Lead),
        );
      }),
    );
    if (current !== generation.current) return;
    setPages(fresh);
    setShowing(leadFiltersKey(filters));
    // Until counted, the list is at least as long as what was read.
    const loaded = [...fresh.entries()].reduce(
      (max, [page, leads]) => Math.max(max, page * leadPageSize + leads.length),
      0,
    );
    setTotal((previous) => (previous === undefined ? loaded : previous));
    clearTimeout(countTimer.current);
    countTimer.current = setTimeout(
      () => {
        void db.leads
          .count({ selector: leadListSelector(filters) })
          .exec()
          .then((count) => {
            if (current === generation.current) setCounted(count);
          });
      },
      filters.search ? 250 : 0,
    );
  }, [db, filters]);

  useEffect(() => {
    visible.current = { first: 0, last: 0 };
    setTotal(undefined);
    setCounted(undefined);
    setPages(new Map());
    void refresh();
  }, [refresh]);

  // Changes arrive in bursts (bulk imports, sync batches): refresh at most every 300 ms.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const subscription = db.leads.$.subscribe(() => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        void refresh();
      }, 300);
    });
    return () => {
      subscription.unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [db, refresh]);

  const requestRange = useCallback(
    (first: number, last: number) => {
      visible.current = { first, last };
      const current = generation.current;
      for (let page = Math.floor(first / leadPageSize); page <= Math.floor(last / leadPageSize); page += 1) {
        if (!pages.has(page)) void loadPage(page, current);
      }
    },
    [pages, loadPage],
  );

  const leadAt = useCallback(
    (index: number) => pages.get(Math.floor(index / leadPageSize))?.[index % leadPageSize],
    [pages],
  );

  useEffect(() => {
    if (counted !== undefined) setTotal(counted);
  }, [counted]);
  useEffect(() => () => clearTimeout(countTimer.current), []);

  return { total, counted: counted !== undefined, leadAt, requestRange, showing };
};
