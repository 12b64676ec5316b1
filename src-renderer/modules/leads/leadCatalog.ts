import type { RxCollection, RxDocumentData, RxStorageChangeEvent } from 'rxdb';
import type { Subscription } from 'rxjs';
import type { Lead } from '../../../src-shared/domain/lead';
import { queryStorage } from '../../db/storageQuery';
import { normalizeSearch } from '../../../src-shared/domain/lead';
import { leadFiltersKey } from './leadQueries';
import type { LeadFilters, LeadSort } from './leadQueries';

/** What a row of the lead list shows. */
export type LeadListRow = Pick<
  Lead,
  | 'id'
  | 'firstName'
  | 'lastName'
  | 'jobTitle'
  | 'company'
  | 'email'
  | 'status'
  | 'grade'
  | 'fitScore'
  | 'playbookVersion'
  | 'campaignId'
  | 'createdAt'
>;

/**
 * What the lead list filters, sorts, searches on and shows, for every lead on the device. A substring search
 * cannot use an IndexedDB index, and IndexedDB counts every entry of a range one by one, so a manager with 50,000
 * leads would wait seconds per keystroke; held in memory (tens of MB at 50,000 leads), a search or a count is a
 * pass over small objects taking milliseconds, and the rows on screen need no read at all.
 */
export type CatalogEntry = LeadListRow & {
  recency: number;
  gradeOrder: number;
  fitOrder: number;
  searchText: string;
  /** Duplicate keys (deriveLeadKeys): same email, or same name at the same company. */
  emailKey: string;
  nameKey: string;
  /** Last local write time of the version this entry was made from; an older read never replaces a newer one. */
  lwt: number;
};

type Compare = (a: CatalogEntry, b: CatalogEntry) => number;

const byId = (a: CatalogEntry, b: CatalogEntry) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** The orders of the list, the same as the store's indexes (ascending inverted keys, then the primary key). */
const orders: Record<LeadSort, Compare> = {
  newest: (a, b) => a.recency - b.recency || byId(a, b),
  grade: (a, b) => a.gradeOrder - b.gradeOrder || a.recency - b.recency || byId(a, b),
  fit: (a, b) => a.fitOrder - b.fitOrder || a.recency - b.recency || byId(a, b),
};
const sorts = Object.keys(orders) as LeadSort[];

const entryOf = (doc: RxDocumentData<Lead>): CatalogEntry => ({
  id: doc.id,
  firstName: doc.firstName,
  lastName: doc.lastName,
  jobTitle: doc.jobTitle,
  company: doc.company,
  email: doc.email,
  status: doc.status,
  grade: doc.grade,
  fitScore: doc.fitScore,
  playbookVersion: doc.playbookVersion,
  campaignId: doc.campaignId,
  createdAt: doc.createdAt,
  recency: doc.recency,
  gradeOrder: doc.gradeOrder,
  fitOrder: doc.fitOrder,
  searchText: doc.searchText,
  emailKey: doc.emailKey,
  nameKey: doc.nameKey,
  lwt: doc._meta.lwt,
});

/** First position whose entry is not before `entry` in the order. */
const lowerBound = (list: readonly CatalogEntry[], entry: CatalogEntry, compare: Compare): number => {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(list[middle] as CatalogEntry, entry) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
};

/** Beyond this many changes at once (a sync batch, an import) re-sorting beats inserting one by one. */
const resortThreshold = 256;
/** Small enough that a write arriving during the build (a capture right after start) waits for one short read. */
const buildPageSize = 1000;

export type CatalogState = 'building' | 'ready' | 'failed';

export class LeadCatalog {
  private readonly entries = new Map<string, CatalogEntry>();
  private readonly sorted: Record<LeadSort, CatalogEntry[]> = { newest: [], grade: [], fit: [] };
  /** Ids by duplicate key ("e:" + emailKey, "n:" + nameKey), for the capture screen's duplicate check. */
  private byKey = new Map<string, Set<string>>();
  private pending = new Map<string, CatalogEntry | null>();
  private readonly listeners = new Set<() => void>();
  private memo: { key: string; version: number; result: readonly CatalogEntry[] } | undefined;
  private notifyScheduled = false;
  private subscription: Subscription | undefined;
  state: CatalogState = 'building';
  /** How long the initial read of every lead took (ms), once ready. */
  buildMs: number | undefined;
  /** Grows with every applied change; screens re-read when it moves. */
  version = 0;
  readonly ready: Promise<void>;

  constructor(
    private readonly leads: RxCollection<Lead>,
    /** Leads read per page while building (smaller in tests, to interleave writes with the build). */
    private readonly pageSize = buildPageSize,
  ) {
    // Changes are followed from before the first read, so nothing written during the build is missed.
    this.subscription = leads.eventBulks$.subscribe((bulk) => {
      for (const event of bulk.events as RxStorageChangeEvent<Lead>[]) {
        const doc = event.documentData;
        this.pending.set(
          event.documentId,
          event.operation === 'DELETE' || doc._deleted ? null : entryOf(doc),
        );
      }
      this.scheduleNotify();
    });
    const started = performance.now();
    this.ready = this.build().then(
      () => {
        this.buildMs = performance.now() - started;
        this.state = 'ready';
        this.scheduleNotify();
      },
      (error: unknown) => {
        this.state = 'failed';
        console.error('The lead catalog could not be built; lists fall back to index queries', error);
        this.scheduleNotify();
      },
    );
  }

  /** Reads every lead once, along the recency index, in pages, without creating documents for them. */
  private async build(): Promise<void> {
    let cursor = 0;
    let seen = 0;
    for (;;) {
      const documents = await queryStorage(this.leads, {
        selector: { recency: { $gte: cursor } },
        sort: [{ recency: 'asc' }, { id: 'asc' }],
        skip: seen,
        limit: this.pageSize,
      });
      for (const doc of documents) {
        const entry = entryOf(doc);
        const known = this.entries.get(entry.id);
        // A lead read twice (a write moved it across a page boundary) keeps its newer version; changes that
        // arrived during the build wait in `pending` and are applied after it, by the same rule.
        if (!known || known.lwt < entry.lwt) this.entries.set(entry.id, entry);
      }
      if (documents.length < this.pageSize) break;
      const last = documents[documents.length - 1]?.recency ?? cursor;
      const sameAsLast = documents.filter((doc) => doc.recency === last).length;
      seen = last === cursor ? seen + documents.length : sameAsLast;
      cursor = last;
      // Let the screen breathe between pages.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    this.applyPending();
    this.resortAll();
  }

  private scheduleNotify(): void {
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    queueMicrotask(() => {
      this.notifyScheduled = false;
      if (this.state === 'ready') this.applyPending();
      for (const listener of this.listeners) listener();
    });
  }

  private resortAll(): void {
    const all = [...this.entries.values()];
    for (const sort of sorts) this.sorted[sort] = [...all].sort(orders[sort]);
    this.byKey = new Map();
    for (const entry of all) this.indexKeys(entry);
  }

  private static keysOf(entry: Pick<CatalogEntry, 'emailKey' | 'nameKey'>): string[] {
    return [entry.emailKey ? `e:${entry.emailKey}` : '', entry.nameKey ? `n:${entry.nameKey}` : ''].filter(
      Boolean,
    );
  }

  private indexKeys(entry: CatalogEntry): void {
    for (const key of LeadCatalog.keysOf(entry)) {
      const ids = this.byKey.get(key);
      if (ids) ids.add(entry.id);
      else this.byKey.set(key, new Set([entry.id]));
    }
  }

  private unindexKeys(entry: CatalogEntry): void {
    for (const key of LeadCatalog.keysOf(entry)) {
      const ids = this.byKey.get(key);
      ids?.delete(entry.id);
      if (ids?.size === 0) this.byKey.delete(key);
    }
  }

  /** Applies the changes received since the last call: one by one when few, by re-sorting when many. */
  private applyPending(): void {
    if (this.pending.size === 0) return;
    const changes = this.pending;
    this.pending = new Map();
    const incremental = this.state === 'ready' && changes.size <= resortThreshold;
    for (const [id, next] of changes) {
      const previous = this.entries.get(id);
      if (previous && next && previous.lwt > next.lwt) continue;
      if (incremental && previous) this.unindexKeys(previous);
      if (incremental && next) this.indexKeys(next);
      if (incremental && previous)
        for (const sort of sorts) {
          const list = this.sorted[sort];
          const at = lowerBound(list, previous, orders[sort]);
          if (list[at]?.id === id) list.splice(at, 1);
        }
      if (next) this.entries.set(id, next);
      else this.entries.delete(id);
      if (incremental && next)
        for (const sort of sorts) {
          const list = this.sorted[sort];
          list.splice(lowerBound(list, next, orders[sort]), 0, next);
        }
    }
    if (!incremental && this.state === 'ready') this.resortAll();
    this.version += 1;
  }

  /** Told after changes were applied (batched per microtask) and when the catalog becomes ready. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Leads matching the filters, in the list's order; the same array is returned until something changes. */
  matching(filters: LeadFilters): readonly CatalogEntry[] {
    if (this.state !== 'ready') throw new Error('The lead catalog is not ready yet');
    this.applyPending();
    const search = normalizeSearch(filters.search);
    const key = leadFiltersKey({ ...filters, search });
    if (this.memo && this.memo.key === key && this.memo.version === this.version) return this.memo.result;
    const list = this.sorted[filters.sort];
    const { status, grade, campaignId } = filters;
    const result =
      !search && !status && !grade && !campaignId
        ? list
        : list.filter(
            (entry) =>
              (!status || entry.status === status) &&
              (!grade || entry.grade === grade) &&
              (!campaignId || entry.campaignId === campaignId) &&
              (!search || entry.searchText.includes(search)),
          );
    this.memo = { key, version: this.version, result };
    return result;
  }

  /**
   * Leads sharing the email key or the name key (possible duplicates), at most `limit` per key. Current up to the
   * last write that resolved: RxDB emits a write's changes before its promise resolves.
   */
  withDuplicateKeys(keys: Pick<CatalogEntry, 'emailKey' | 'nameKey'>, limit = 5): CatalogEntry[] {
    if (this.state !== 'ready') throw new Error('The lead catalog is not ready yet');
    this.applyPending();
    const found = new Map<string, CatalogEntry>();
    for (const key of LeadCatalog.keysOf(keys)) {
      const ids = [...(this.byKey.get(key) ?? [])].sort().slice(0, limit);
      for (const id of ids) {
        const entry = this.entries.get(id);
        if (entry) found.set(id, entry);
      }
    }
    return [...found.values()];
  }

  /** How many leads the device holds. */
  get size(): number {
    this.applyPending();
    return this.entries.size;
  }

  close(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.listeners.clear();
  }
}

const catalogs = new WeakMap<RxCollection<Lead>, LeadCatalog>();

/** The catalog of a store's leads if something already started it (never starts one). */
export const existingLeadCatalog = (leads: RxCollection<Lead>): LeadCatalog | undefined =>
  catalogs.get(leads);

/** The catalog of a store's leads, built on first use and kept current for as long as the store is open. */
export const leadCatalogFor = (leads: RxCollection<Lead>): LeadCatalog => {
  let catalog = catalogs.get(leads);
  if (!catalog) {
    const created = new LeadCatalog(leads);
    void leads.onClose.push(() => created.close());
    catalogs.set(leads, created);
    catalog = created;
  }
  return catalog;
};
