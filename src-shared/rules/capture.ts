import type { DerivedLeadField, Lead, LeadCapture } from '../domain/lead';
import { deriveLeadFields } from '../domain/lead';

export type CaptureContext = { id: string; now: number; ownerId: string; teamId: string };

/** A freshly captured inquiry: contact data only, everything else waits for qualification. */
export const newLeadFromCapture = (capture: LeadCapture, context: CaptureContext): Lead => {
  const base: Omit<Lead, DerivedLeadField> = {
    id: context.id,
    createdAt: context.now,
    updatedAt: context.now,
    ownerId: context.ownerId,
    teamId: context.teamId,
    ...capture,
    status: 'inquiry',
    grade: '',
    fitScore: 0,
    qualificationScore: 0,
    answers: {},
    profile: { industry: '', companySize: '', region: '', role: '' },
    buyingStage: '',
    stageId: '',
    value: 0,
    expectedCloseMonth: '',
    reasonId: '',
    reasonNote: '',
    nurtureOwnerId: '',
    revisitAt: 0,
    nextFollowUpAt: 0,
    followUpDueAt: 0,
    playbookId: '',
    playbookVersion: 0,
    qualifiedAt: 0,
    statusHistory: [],
  };
  return { ...base, ...deriveLeadFields(base) };
};
