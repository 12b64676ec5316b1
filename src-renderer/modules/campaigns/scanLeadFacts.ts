import type { Activity } from '../../../src-shared/domain/activity';
import type { Lead } from '../../../src-shared/domain/lead';
import { leadStatuses } from '../../../src-shared/domain/vocabulary';
import { leadFacts } from '../../../src-shared/rules/metrics';
import type { LeadFacts, MetricStages } from '../../../src-shared/rules/metrics';
import type { FairleadDatabase } from '../../db/database';
import { queryStorage } from '../../db/storageQuery';

/** Which records a figure is about: everything on the device, one campaign's, or one owner's. */
export type LeadScope =
  { kind: 'all' } | { kind: 'campaign'; campaignId: string } | { kind: 'owner'; ownerId: string };

export const scopeKey = (scope: LeadScope): string =>
  scope.kind === 'all'
    ? 'all'
    : scope.kind === 'campaign'
      ? `campaign:${scope.campaignId}`
      : `owner:${scope.ownerId}`;

export type ScanProgress = { done: number; total: number };

export type IndexWalk = { prefix: Record<string, string>; field: 'recency' | 'updatedAt' };

/**
 * Index ranges that hold the scope's leads, each walked forward in sort order: a campaign's over
 * ['campaignId', 'recency'], an owner's over ['ownerId', 'status', 'updatedAt'] (one range per status), all of
 * them over ['recency']. Every range is sort-satisfied by its index (RxDB appends the primary key to each), so a
 * page reads only its own rows.
 */
const walksFor = (scope: LeadScope): IndexWalk[] => {
  if (scope.kind === 'campaign') return [{ prefix: { campaignId: scope.campaignId }, field: 'recency' }];
  if (scope.kind === 'owner')
    return leadStatuses.map((status) => ({
      prefix: { ownerId: scope.ownerId, status },
      field: 'updatedAt',
    }));
  return [{ prefix: {}, field: 'recency' }];
};

/** The page query of a walk: rows at or after the cursor, skipping the ones with the cursor's value already read. */
export const leadPageQuery = (walk: IndexWalk, cursor: number, seen: number, limit: number) => ({
  selector: { ...walk.prefix, [walk.field]: { $gte: cursor } },
  sort: [
    ...Object.keys(walk.prefix).map((field) => ({ [field]: 'asc' as const })),
    { [walk.field]: 'asc' as const },
    { id: 'asc' as const },
  ],
  skip: seen,
  limit,
});

/**
 * Pages of the scope's leads. The cursor is the last sort value read; rows sharing it (leads created in the same
 * millisecond) are skipped by count, so no row is read twice or missed however many share a value.
 */
export async function* leadPages(
  db: FairleadDatabase,
  scope: LeadScope,
  size: number,
): AsyncGenerator<Lead[]> {
  for (const walk of walksFor(scope)) {
    let cursor = 0;
    let seen = 0;
    for (;;) {
      const page = (await queryStorage(db.leads, leadPageQuery(walk, cursor, seen, size) as never)) as Lead[];
      if (page.length > 0) yield page;
      if (page.length < size) break;
      const last = page[page.length - 1]?.[walk.field] ?? cursor;
      const sameAsLast = page.filter((lead) => lead[walk.field] === last).length;
      seen = last === cursor ? seen + page.length : sameAsLast;
      cursor = last;
    }
  }
}

/** The scope's lead count, for progress; answered from the same indexes. */
export const countLeads = async (db: FairleadDatabase, scope: LeadScope): Promise<number> => {
  let total = 0;
  for (const walk of walksFor(scope))
    total += await db.leads.count({ selector: walk.prefix } as never).exec();
  return total;
};

/**
 * Activities of a page of leads: one range of the ['leadId', 'at'] index between the page's smallest and largest
 * lead id (ids sort by creation time, so a page of neighbours reads a narrow range).
 */
const activitiesOf = async (
  db: FairleadDatabase,
  leadIds: readonly string[],
): Promise<Map<string, Activity[]>> => {
  const byLead = new Map<string, Activity[]>();
  if (leadIds.length === 0) return byLead;
  const docs = (await queryStorage(db.activities, {
    selector: { leadId: { $in: [...leadIds] } },
    sort: [{ leadId: 'asc' }, { at: 'asc' }],
  })) as Activity[];
  for (const activity of docs) {
    const list = byLead.get(activity.leadId);
    if (list) list.push(activity);
    else byLead.set(activity.leadId, [activity]);
  }
  return byLead;
};

const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export type ScanOptions = {
  pageSize?: number;
  onProgress?: (progress: ScanProgress) => void;
  /** Checked between pages: a newer scan replaces this one. */
  cancelled?: () => boolean;
};

/**
 * The facts (metrics/definitions.ts) of every lead in scope, computed a page at a time with a pause between pages
 * so the screen stays responsive on a manager's tens of thousands of leads. Only the small facts are kept; the
 * documents of a page are dropped once judged. Returns null when cancelled.
 */
export const scanLeadFacts = async (
  db: FairleadDatabase,
  scope: LeadScope,
  stages: MetricStages,
  now: number,
  { pageSize = 2000, onProgress, cancelled = () => false }: ScanOptions = {},
): Promise<LeadFacts[] | null> => {
  const total = await countLeads(db, scope);
  const facts = new Map<string, LeadFacts>();
  onProgress?.({ done: 0, total });
  for await (const page of leadPages(db, scope, pageSize)) {
    if (cancelled()) return null;
    const activities = await activitiesOf(
      db,
      page.map((lead) => lead.id),
    );
    for (const lead of page) facts.set(lead.id, leadFacts(lead, activities.get(lead.id) ?? [], stages, now));
    onProgress?.({ done: facts.size, total: Math.max(total, facts.size) });
    await yieldToUi();
  }
  return cancelled() ? null : [...facts.values()];
};
