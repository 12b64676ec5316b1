import type { Campaign } from '../../../src-shared/domain/campaign';
import { newId } from '../../../src-shared/domain/ids';
import type { FairleadDatabase } from '../../db/database';
import type { Session } from '../../session/sessionStore';
import type { SyncController, SyncStatus } from '../../sync/replication';
import type { LeadCapture } from '../../../src-shared/domain/lead';
import { leadCatalogFor } from '../leads/leadCatalog';
import { captureLead, findDuplicates } from '../leads/leadRepository';
import { emptyLeadFilters } from '../leads/leadQueries';
import type { LeadFilters } from '../leads/leadQueries';
import { countLeadList, readLeadPage } from '../leads/useLeadList';
import { generateDemoLeads } from './generateDemoLeads';

/**
 * What `window.fairlead` offers benchmarks (scripts/bench.mjs, test/bench) and support: filling the store
 * without clicking through Settings and reading how far the store and sync are. Nothing here changes what a user
 * can see or do; it only saves clicks.
 */
export type DeveloperHooks = {
  /** Inserts this many generated leads owned by the signed-in user; resolves with how many were stored. */
  generateLeads(count: number): Promise<number>;
  /**
   * Adds this many trade-show campaigns of the past months (assigned to the user) so generated leads spread over
   * them; resolves with their ids. Call before generateLeads.
   */
  addDemoCampaigns(count: number): Promise<string[]>;
  /** How many leads the local store holds. */
  countLeads(): Promise<number>;
  /** The lead catalog behind list filters, search and counts: built yet, how many leads, how long it took. */
  leadCatalog(): { state: string; size: number; buildMs: number | undefined };
  /**
   * The lead list's own data path without the screen: the first page and the count for these filters, as the
   * list reads them (benchmarks compare it with raw IndexedDB).
   */
  readLeadList(filters: Partial<LeadFilters>): Promise<{ ids: string[]; count: number }>;
  /**
   * The capture screen's save without the screen: the duplicate check, then the insert, each timed (ms), as
   * benchmarks compare them with a raw put.
   */
  saveCapturedLead(capture: LeadCapture): Promise<{ duplicatesMs: number; insertMs: number }>;
  /** The replication status, or null on a device-only store. */
  syncStatus(): SyncStatus | null;
  /** Resolves once every collection has pulled and pushed all it knows about (rejects on a device-only store). */
  awaitInSync(): Promise<void>;
};

export const exposeDeveloperHooks = (
  db: FairleadDatabase,
  session: Session,
  sync: SyncController | null,
): void => {
  const hooks: DeveloperHooks = {
    generateLeads: async (count) => {
      const playbook = await db.playbooks
        .findOne({ selector: { teamId: session.user.teamId }, sort: [{ version: 'desc' }] })
        .exec();
      if (!playbook) throw new Error('No playbook on this device yet');
      return generateDemoLeads(db, session.user, playbook.toJSON() as never, count);
    },
    addDemoCampaigns: async (count) => {
      const now = Date.now();
      const day = 86_400_000;
      const campaigns: Campaign[] = Array.from({ length: count }, (_, index) => ({
        id: newId(),
        createdAt: now,
        updatedAt: now,
        ownerId: session.user.id,
        teamId: session.user.teamId,
        name: `Demo trade show ${index + 1}`,
        type: 'trade_show',
        startsAt: now - (index + 1) * 30 * day,
        endsAt: now - (index + 1) * 30 * day + 3 * day,
        budget: 10_000,
        costLines: [],
        targets: {
          relevantLeads: 100,
          opportunities: 20,
          opportunityValue: 200_000,
          deals: 5,
          dealValue: 50_000,
        },
        followUpDays: 3,
        assignedRepIds: [session.user.id],
      }));
      await db.campaigns.bulkInsert(campaigns);
      return campaigns.map((campaign) => campaign.id);
    },
    countLeads: () => db.leads.count().exec(),
    leadCatalog: () => {
      const catalog = leadCatalogFor(db.leads);
      return {
        state: catalog.state,
        size: catalog.state === 'ready' ? catalog.size : 0,
        buildMs: catalog.buildMs,
      };
    },
    readLeadList: async (filters) => {
      const catalog = leadCatalogFor(db.leads);
      const full = { ...emptyLeadFilters, ...filters };
      const page = await readLeadPage(db, catalog, full, 0);
      return { ids: page.map((lead) => lead.id), count: await countLeadList(db, catalog, full) };
    },
    saveCapturedLead: async (capture) => {
      const started = performance.now();
      await findDuplicates(db, capture);
      const checked = performance.now();
      await captureLead(db, session.user, capture);
      return { duplicatesMs: checked - started, insertMs: performance.now() - checked };
    },
    syncStatus: () => sync?.status() ?? null,
    awaitInSync: async () => {
      if (!sync) throw new Error('This store does not sync (device-only session)');
      await sync.awaitInSync();
    },
  };
  (window as unknown as { fairlead?: DeveloperHooks }).fairlead = hooks;
};
