import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Lead } from '../../../src-shared/domain/lead';
import { useDatabase } from '../../app/DatabaseContext';
import type { FairleadDatabase } from '../../db/database';
import { leadCatalogFor } from './leadCatalog';
import type { LeadCatalog, LeadListRow } from './leadCatalog';
import type { LeadFilters } from './leadQueries';
import { leadFiltersKey, leadListQuery, leadListSelector } from './leadQueries';

export const leadPageSize = 100;

export type LeadList = {
  /** Number of leads matching the filters; a lower bound until `counted`, undefined before the first read. */
  total: number | undefined;
  counted: boolean;
  /** The lead at a position, or undefined while its page loads. */
  leadAt(index: number): LeadListRow | undefined;
  /** Asks for the pages covering these positions (called by the virtualized list for what is on screen). */
  requestRange(first: number, last: number): void;
  /** The filters (as `leadFiltersKey`) the rows on screen were read for; lets tools tell stale rows from fresh. */
  showing: string;
  /** True once every filter, search and count is answered from memory (the lead catalog), without waiting. */
  instant: boolean;
};

/** The rows of one page of the list, in list order: from the catalog, else by an index query. */
export const readLeadPage = async (
  db: FairleadDatabase,
  catalog: LeadCatalog,
  filters: LeadFilters,
  page: number,
): Promise<LeadListRow[]> => {
  if (catalog.state === 'ready')
    return catalog.matching(filters).slice(page * leadPageSize, (page + 1) * leadPageSize);
  const docs = await db.leads
    .find(leadListQuery(filters, { skip: page * leadPageSize, limit: leadPageSize }))
    .exec();
  return docs.map((doc) => doc.toJSON() as Lead);
};

/** How many leads match the filters: from the catalog when built, else counted by the store. */
export const countLeadList = async (
  db: FairleadDatabase,
  catalog: LeadCatalog,
  filters: LeadFilters,
): Promise<number> =>
  catalog.state === 'ready'
    ? catalog.matching(filters).length
    : db.leads.count({ selector: leadListSelector(filters) }).exec();

/** Changes arrive in bursts (imports, sync batches): the first refreshes at once, the rest at most this often. */
const refreshIntervalMs = 250;

/**
 * A paged, live window onto the lead list: only the pages on screen are read, never the collection. Filters,
 * searches and counts come from the lead catalog once it is built (in the background after the store opens);
 * until then pages are read along the matching index and counted by the store. Local writes and synced changes
 * refresh the count and the pages already shown.
 */
export const useLeadList = (filters: LeadFilters): LeadList => {
  const db = useDatabase();
  const catalog = useMemo(() => leadCatalogFor(db.leads), [db]);
  const [instant, setInstant] = useState(catalog.state === 'ready');
  // With the catalog read, the list's first render already has its first page and count: no empty frame.
  const [initial] = useState(() => {
    if (catalog.state !== 'ready') return undefined;
    const matches = catalog.matching(filters);
    return { first: matches.slice(0, leadPageSize), count: matches.length };
  });
  const [total, setTotal] = useState<number | undefined>(initial?.count);
  const [counted, setCounted] = useState<number | undefined>(initial?.count);
  const [pages, setPages] = useState<ReadonlyMap<number, LeadListRow[]>>(
    () => new Map(initial ? [[0, initial.first]] : []),
  );
  const [showing, setShowing] = useState(initial ? leadFiltersKey(filters) : '');
  const generation = useRef(0);
  const loading = useRef(new Set<number>());
  const visible = useRef<{ first: number; last: number }>({ first: 0, last: 0 });

  const loadPage = useCallback(
    async (page: number, forGeneration: number) => {
      if (loading.current.has(page)) return;
      loading.current.add(page);
      try {
        const leads = await readLeadPage(db, catalog, filters, page);
        if (forGeneration !== generation.current) return;
        setPages((previous) => new Map(previous).set(page, leads));
      } finally {
        loading.current.delete(page);
      }
    },
    [db, catalog, filters],
  );

  const countTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  /**
   * Re-reads the pages on screen, then the count. Without the catalog the rows never wait for a count (which
   * cannot use an index while a search term is set), and counting is deferred while the user is typing.
   */
  const refresh = useCallback(async () => {
    generation.current += 1;
    const current = generation.current;
    loading.current.clear();
    const firstPage = Math.floor(visible.current.first / leadPageSize);
    const lastPage = Math.floor(visible.current.last / leadPageSize);
    const fresh = new Map<number, LeadListRow[]>();
    await Promise.all(
      Array.from({ length: lastPage - firstPage + 1 }, async (_, offset) => {
        const page = firstPage + offset;
        fresh.set(page, await readLeadPage(db, catalog, filters, page));
      }),
    );
    if (current !== generation.current) return;
    clearTimeout(countTimer.current);
    if (catalog.state === 'ready') {
      const count = catalog.matching(filters).length;
      setPages(fresh);
      setShowing(leadFiltersKey(filters));
      setTotal(count);
      setCounted(count);
      return;
    }
    setPages(fresh);
    setShowing(leadFiltersKey(filters));
    // Until counted, the list is at least as long as what was read.
    const loaded = [...fresh.entries()].reduce(
      (max, [page, leads]) => Math.max(max, page * leadPageSize + leads.length),
      0,
    );
    setTotal((previous) => (previous === undefined ? loaded : previous));
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
  }, [db, catalog, filters]);

  useEffect(() => {
    visible.current = { first: 0, last: 0 };
    // From the catalog the new rows and count arrive together in one render, so the old ones stay until then
    // (marked stale by `showing`) instead of flashing an empty, uncounted list on every keystroke.
    if (catalog.state !== 'ready') {
      setTotal(undefined);
      setCounted(undefined);
      setPages(new Map());
    }
    void refresh();
  }, [catalog, refresh]);

  // Refresh on changes: at once for a single edit (a saved lead shows without delay), throttled for bursts.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = 0;
    const onChange = () => {
      setInstant(catalog.state === 'ready');
      if (timer) return;
      const wait = Math.max(0, last + refreshIntervalMs - performance.now());
      timer = setTimeout(() => {
        timer = undefined;
        last = performance.now();
        void refresh();
      }, wait);
    };
    // The catalog tells about every change once it is applied; before it is ready, the store's own events do.
    const fromCatalog = catalog.subscribe(onChange);
    const fromStore = db.leads.$.subscribe(() => {
      if (catalog.state !== 'ready') onChange();
    });
    return () => {
      fromCatalog();
      fromStore.unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [db, catalog, refresh]);

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

  return { total, counted: counted !== undefined, leadAt, requestRange, showing, instant };
};
