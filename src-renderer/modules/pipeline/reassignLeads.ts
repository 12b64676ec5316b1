import type { Campaign } from '../../../src-shared/domain/campaign';
import type { Lead } from '../../../src-shared/domain/lead';
import type { Playbook } from '../../../src-shared/domain/playbook';
import { reassignmentPatch } from '../../../src-shared/rules/followUpQueue';
import type { FairleadDatabase } from '../../db/database';

export type ReassignResult = { reassigned: number; unchanged: number; missing: number };

/**
 * Hands leads to another member of the team, as the owner card on a lead does: `ownerId` and `updatedAt`, and a
 * fresh follow-up deadline for the new owner when the lead is open in sales (followUpQueue.reassignmentPatch,
 * with the campaign's follow-up days). Leads already owned by them are left alone.
 */
export const reassignLeads = async (
  db: FairleadDatabase,
  playbook: Playbook,
  leadIds: readonly string[],
  newOwnerId: string,
): Promise<ReassignResult> => {
  const result: ReassignResult = { reassigned: 0, unchanged: 0, missing: 0 };
  const docs = await db.leads.findByIds([...leadIds]).exec();
  const campaigns = new Map<string, Campaign | null>();
  for (const id of leadIds) {
    const doc = docs.get(id);
    if (!doc) {
      result.missing += 1;
      continue;
    }
    const lead = doc.toJSON() as Lead;
    if (lead.campaignId && !campaigns.has(lead.campaignId)) {
      const campaign = await db.campaigns.findOne(lead.campaignId).exec();
      campaigns.set(lead.campaignId, campaign ? (campaign.toJSON() as Campaign) : null);
    }
    const now = Date.now();
    const patch = reassignmentPatch(lead, newOwnerId, {
      playbook,
      campaign: campaigns.get(lead.campaignId) ?? null,
      now,
      utcOffsetMinutes: -new Date(now).getTimezoneOffset(),
    });
    if (!patch) {
      result.unchanged += 1;
      continue;
    }
    await doc.incrementalPatch({ ...patch, updatedAt: now });
    result.reassigned += 1;
  }
  return result;
};
