import { useMemo } from 'react';
import type { Campaign } from '../../../src-shared/domain/campaign';
import { campaignSchema } from '../../../src-shared/domain/campaign';
import { newId } from '../../../src-shared/domain/ids';
import type { CampaignType } from '../../../src-shared/domain/vocabulary';
import { useDatabase } from '../../app/DatabaseContext';
import type { FairleadDatabase } from '../../db/database';
import type { SessionUser } from '../../session/sessionStore';
import { useObservable } from '../../ui/useObservable';

/** Campaigns and events, most recent first (a small collection: the whole list is fine to hold). */
export const useCampaigns = (): Campaign[] | undefined => {
  const db = useDatabase();
  const source = useMemo(() => db.campaigns.find({ sort: [{ startsAt: 'desc' }] }).$, [db]);
  const docs = useObservable(source);
  return useMemo(() => docs?.map((doc) => doc.toJSON() as Campaign), [docs]);
};

/** One campaign, live; null when it is not on this device. */
export const useCampaign = (id: string): Campaign | null | undefined => {
  const db = useDatabase();
  const doc = useObservable(useMemo(() => db.campaigns.findOne(id).$, [db, id]));
  return doc === undefined ? undefined : doc ? (doc.toJSON() as Campaign) : null;
};

export type NewEventInput = { name: string; type: CampaignType };

/** Creates a campaign on the spot, e.g. the trade show the rep is standing at; targets are set later by the office. */
export const createEvent = async (
  db: FairleadDatabase,
  user: SessionUser,
  input: NewEventInput,
): Promise<Campaign> => {
  const now = Date.now();
  const campaign = campaignSchema.parse({
    id: newId(now),
    createdAt: now,
    updatedAt: now,
    ownerId: user.id,
    teamId: user.teamId,
    name: input.name,
    type: input.type,
    startsAt: now,
    endsAt: now,
    budget: 0,
    costLines: [],
    targets: { relevantLeads: 0, opportunities: 0, opportunityValue: 0, deals: 0, dealValue: 0 },
    followUpDays: 0,
    assignedRepIds: [user.id],
  });
  await db.campaigns.insert(campaign);
  return campaign;
};
