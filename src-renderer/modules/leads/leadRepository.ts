import type { Lead, LeadCapture, LeadContact } from '../../../src-shared/domain/lead';
import { deriveLeadKeys } from '../../../src-shared/domain/lead';
import { newId } from '../../../src-shared/domain/ids';
import type { Playbook } from '../../../src-shared/domain/playbook';
import { newLeadFromCapture } from '../../../src-shared/rules/capture';
import type { DuplicateMatch } from '../../../src-shared/rules/duplicates';
import { duplicateReason } from '../../../src-shared/rules/duplicates';
import { followUpDeadline } from '../../../src-shared/rules/followUpQueue';
import type { QualificationInput } from '../../../src-shared/rules/qualification';
import { qualificationPatch } from '../../../src-shared/rules/qualification';
import type { StatusChangeRequest, StatusChangeResult } from '../../../src-shared/rules/statusTransitions';
import { changeStatus } from '../../../src-shared/rules/statusTransitions';
import type { FairleadDatabase } from '../../db/database';
import type { SessionUser } from '../../session/sessionStore';
import { existingLeadCatalog } from './leadCatalog';

/**
 * Possible duplicates anywhere in the local data: same email, or same name at the same company. Answered from the
 * lead catalog's key maps once it is read (no store access), else by two indexed look-ups; never a scan.
 */
export const findDuplicates = async (
  db: FairleadDatabase,
  contact: Pick<Lead, 'firstName' | 'lastName' | 'company' | 'email' | 'jobTitle'>,
  excludeId?: string,
): Promise<DuplicateMatch[]> => {
  const keys = deriveLeadKeys(contact);
  const catalog = existingLeadCatalog(db.leads);
  const candidates: Pick<
    Lead,
    'id' | 'firstName' | 'lastName' | 'company' | 'email' | 'status' | 'emailKey' | 'nameKey'
  >[] =
    catalog?.state === 'ready'
      ? catalog.withDuplicateKeys(keys)
      : (
          await Promise.all([
            keys.emailKey ? db.leads.find({ selector: { emailKey: keys.emailKey }, limit: 5 }).exec() : [],
            keys.nameKey ? db.leads.find({ selector: { nameKey: keys.nameKey }, limit: 5 }).exec() : [],
          ])
        ).flat();
  const matches = new Map<string, DuplicateMatch>();
  for (const doc of candidates) {
    if (doc.id === excludeId || matches.has(doc.id)) continue;
    const reason = duplicateReason(contact, doc);
    if (reason) {
      matches.set(doc.id, {
        lead: {
          id: doc.id,
          firstName: doc.firstName,
          lastName: doc.lastName,
          company: doc.company,
          email: doc.email,
          status: doc.status,
        },
        reason,
      });
    }
  }
  return [...matches.values()];
};

export const captureLead = async (
  db: FairleadDatabase,
  user: SessionUser,
  capture: LeadCapture,
): Promise<Lead> => {
  const now = Date.now();
  const lead = newLeadFromCapture(capture, { id: newId(now), now, ownerId: user.id, teamId: user.teamId });
  await db.leads.insert(lead);
  return lead;
};

export const updateLeadContact = async (
  db: FairleadDatabase,
  id: string,
  contact: LeadContact & { campaignId: string },
): Promise<void> => {
  const doc = await db.leads.findOne(id).exec();
  if (!doc) throw new Error('This lead no longer exists on this device.');
  await doc.incrementalPatch({ ...contact, updatedAt: Date.now() });
};

export type SaveQualificationResult = StatusChangeResult;

/**
 * Saves answers and scores and, when the status changes, applies the status rules in the same write. A refused
 * status change writes nothing, so the form keeps the draft and shows the reasons.
 */
export const saveQualification = async (
  db: FairleadDatabase,
  user: SessionUser,
  playbook: Playbook,
  id: string,
  input: QualificationInput,
  statusRequest: StatusChangeRequest | null,
): Promise<SaveQualificationResult> => {
  const doc = await db.leads.findOne(id).exec();
  if (!doc)
    return { ok: false, errors: [{ field: 'to', message: 'This lead no longer exists on this device.' }] };
  const now = Date.now();
  const lead = doc.toJSON() as Lead;
  const qualification = qualificationPatch(lead, playbook, input, now);
  let statusPatch: Partial<Lead> = {};
  if (statusRequest && statusRequest.to !== lead.status) {
    const result = changeStatus(lead, statusRequest, {
      playbook,
      userId: user.id,
      now,
      utcOffsetMinutes: -new Date(now).getTimezoneOffset(),
    });
    if (!result.ok) return result;
    statusPatch = result.patch;
    // A lead entering sales owes the campaign's follow-up deadline when its campaign sets one.
    const grade = statusPatch.grade;
    if (statusPatch.followUpDueAt && lead.campaignId && (grade === 'hot' || grade === 'warm')) {
      const campaign = await db.campaigns.findOne(lead.campaignId).exec();
      statusPatch.followUpDueAt = followUpDeadline(
        playbook.followUp,
        campaign ? { followUpDays: campaign.followUpDays } : null,
        grade,
        now,
        -new Date(now).getTimezoneOffset(),
      );
    }
  }
  const patch = { ...qualification, ...statusPatch, updatedAt: now };
  await doc.incrementalPatch(patch);
  return { ok: true, patch };
};
