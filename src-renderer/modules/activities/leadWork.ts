import type { Campaign } from '../../../src-shared/domain/campaign';
import { newId } from '../../../src-shared/domain/ids';
import type { Lead } from '../../../src-shared/domain/lead';
import type { Playbook } from '../../../src-shared/domain/playbook';
import type { BuyingStage } from '../../../src-shared/domain/vocabulary';
import type { ActivityInput, ActivityResult } from '../../../src-shared/rules/activities';
import { logActivity } from '../../../src-shared/rules/activities';
import { followUpDeadline, reassignmentPatch } from '../../../src-shared/rules/followUpQueue';
import { nurtureRequest, shouldReturnFromNurture } from '../../../src-shared/rules/nurture';
import { qualificationPatch } from '../../../src-shared/rules/qualification';
import type { StageMoveRequest, StageMoveResult } from '../../../src-shared/rules/salesStages';
import { moveToStage } from '../../../src-shared/rules/salesStages';
import type { StatusChangeResult } from '../../../src-shared/rules/statusTransitions';
import { changeStatus } from '../../../src-shared/rules/statusTransitions';
import type { FairleadDatabase } from '../../db/database';
import type { SessionUser } from '../../session/sessionStore';

/**
 * The writes of a rep working a lead: activities, stage moves, nurture and reassignment. Each applies a shared
 * rule first; a refused change writes nothing, so the form keeps its draft and shows the reasons.
 */

/** The user's offset from UTC now (minutes, east positive), the form the shared rules take. */
export const utcOffsetAt = (at: number): number => -new Date(at).getTimezoneOffset();

const gone = 'This lead no longer exists on this device.';

const loadLead = async (db: FairleadDatabase, id: string) => {
  const doc = await db.leads.findOne(id).exec();
  return doc ? { doc, lead: doc.toJSON() as Lead } : null;
};

const campaignOf = async (db: FairleadDatabase, lead: Lead): Promise<Campaign | null> => {
  if (!lead.campaignId) return null;
  const doc = await db.campaigns.findOne(lead.campaignId).exec();
  return doc ? (doc.toJSON() as Campaign) : null;
};

/** A lead entering sales gets the campaign's follow-up deadline when the campaign sets one (followUpDeadline). */
const withCampaignDeadline = async (
  db: FairleadDatabase,
  lead: Lead,
  playbook: Playbook,
  patch: Partial<Lead>,
  now: number,
): Promise<Partial<Lead>> => {
  const grade = patch.grade;
  if (!patch.followUpDueAt || (grade !== 'hot' && grade !== 'warm')) return patch;
  const campaign = await campaignOf(db, lead);
  return {
    ...patch,
    followUpDueAt: followUpDeadline(playbook.followUp, campaign, grade, now, utcOffsetAt(now)),
  };
};

export const saveActivity = async (
  db: FairleadDatabase,
  user: SessionUser,
  playbook: Playbook,
  leadId: string,
  input: ActivityInput,
): Promise<ActivityResult> => {
  const found = await loadLead(db, leadId);
  if (!found) return { ok: false, errors: [{ field: 'kind', message: gone }] };
  const now = Date.now();
  const result = logActivity(found.lead, input, {
    playbook,
    id: newId(now),
    userId: user.id,
    now,
    utcOffsetMinutes: utcOffsetAt(now),
  });
  if (!result.ok) return result;
  await db.activities.insert(result.activity);
  if (Object.keys(result.leadPatch).length > 0)
    await found.doc.incrementalPatch({ ...result.leadPatch, updatedAt: now });
  return result;
};

export const saveStageMove = async (
  db: FairleadDatabase,
  user: SessionUser,
  playbook: Playbook,
  leadId: string,
  request: StageMoveRequest,
): Promise<StageMoveResult> => {
  const found = await loadLead(db, leadId);
  if (!found) return { ok: false, errors: [{ field: 'stageId', message: gone }] };
  const now = Date.now();
  const result = moveToStage(found.lead, request, {
    playbook,
    userId: user.id,
    activityId: newId(now),
    now,
    utcOffsetMinutes: utcOffsetAt(now),
  });
  if (!result.ok) return result;
  await db.activities.insert(result.activity);
  await found.doc.incrementalPatch({ ...result.patch, updatedAt: now });
  return result;
};

export const sendToNurture = async (
  db: FairleadDatabase,
  user: SessionUser,
  playbook: Playbook,
  leadId: string,
  input: { revisitAt: number; nurtureOwnerId: string; note: string },
): Promise<StatusChangeResult> => {
  const found = await loadLead(db, leadId);
  if (!found) return { ok: false, errors: [{ field: 'to', message: gone }] };
  const now = Date.now();
  const result = changeStatus(found.lead, nurtureRequest(input), {
    playbook,
    userId: user.id,
    now,
    utcOffsetMinutes: utcOffsetAt(now),
  });
  if (result.ok) await found.doc.incrementalPatch({ ...result.patch, updatedAt: now });
  return result;
};

/**
 * Records the customer's new buying stage on a nurtured record and, when it has advanced far enough, brings the
 * record back to sales (shouldReturnFromNurture) in the same write.
 */
export const updateNurtureBuyingStage = async (
  db: FairleadDatabase,
  user: SessionUser,
  playbook: Playbook,
  leadId: string,
  buyingStage: BuyingStage,
): Promise<StatusChangeResult> => {
  const found = await loadLead(db, leadId);
  if (!found) return { ok: false, errors: [{ field: 'to', message: gone }] };
  const { lead, doc } = found;
  const now = Date.now();
  const qualification = qualificationPatch(
    lead,
    playbook,
    { answers: lead.answers, profile: lead.profile, buyingStage },
    now,
  );
  const request = shouldReturnFromNurture(lead, buyingStage, playbook);
  let statusPatch: Partial<Lead> = {};
  if (request) {
    const result = changeStatus(lead, request, {
      playbook,
      userId: user.id,
      now,
      utcOffsetMinutes: utcOffsetAt(now),
    });
    if (!result.ok) return result;
    statusPatch = await withCampaignDeadline(db, lead, playbook, result.patch, now);
  }
  const patch = { ...qualification, ...statusPatch, updatedAt: now };
  await doc.incrementalPatch(patch);
  return { ok: true, patch };
};

/** Hands the lead to another member of the team; the new owner gets a fresh follow-up deadline. */
export const reassignLead = async (
  db: FairleadDatabase,
  playbook: Playbook,
  leadId: string,
  newOwnerId: string,
): Promise<boolean> => {
  const found = await loadLead(db, leadId);
  if (!found) return false;
  const now = Date.now();
  const patch = reassignmentPatch(found.lead, newOwnerId, {
    playbook,
    campaign: await campaignOf(db, found.lead),
    now,
    utcOffsetMinutes: utcOffsetAt(now),
  });
  if (!patch) return false;
  await found.doc.incrementalPatch({ ...patch, updatedAt: now });
  return true;
};
