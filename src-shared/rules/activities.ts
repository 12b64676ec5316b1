import type { Activity } from '../domain/activity';
import { activitySchema } from '../domain/activity';
import type { Lead } from '../domain/lead';
import type { Playbook } from '../domain/playbook';
import type { ActivityKind, InsightTag } from '../domain/vocabulary';
import { calendarDay, contactKinds } from './followUpQueue';
import { isClosedStage } from './salesStages';

/** What the rep types when logging a call, email, visit or note. */
export type ActivityInput = {
  kind: ActivityKind;
  /** Call outcome id from the playbook; ignored for other kinds. */
  outcomeId: string;
  notes: string;
  insightTags: InsightTag[];
  nextStep: string;
  /** Next follow-up (ms) or 0 for none: a day, see followUpQueue. */
  nextFollowUpAt: number;
};

export type ActivityContext = {
  playbook: Pick<Playbook, 'callOutcomes' | 'stages'>;
  /** Id for the new activity. */
  id: string;
  /** Who logs it; owns the activity. */
  userId: string;
  now: number;
  utcOffsetMinutes: number;
};

export type ActivityError = { field: keyof ActivityInput; message: string };

export type ActivityResult =
  { ok: true; activity: Activity; leadPatch: Partial<Lead> } | { ok: false; errors: ActivityError[] };

/**
 * Validates an activity and says what it changes on the lead. Calls need an outcome from the playbook's list;
 * notes and insight tags need words; a next follow-up may be today or later (it is a day, so "call back this
 * afternoon" is allowed) but not on a closed lead.
 *
 * The lead patch: a planned follow-up replaces the lead's `nextFollowUpAt`; a call, email or visit without one
 * clears it (the planned follow-up happened); a note leaves it alone. `followUpDueAt` is never touched: the
 * deadline counts as met by the existence of the owner's first contact (followUpQueue.firstFollowUpAt), and the
 * date stays for "followed up on time" reports.
 */
export const logActivity = (
  lead: Pick<Lead, 'id' | 'teamId' | 'status' | 'stageId'>,
  input: ActivityInput,
  context: ActivityContext,
): ActivityResult => {
  const { playbook, now, utcOffsetMinutes } = context;
  const errors: ActivityError[] = [];
  const isCall = input.kind === 'call';
  if (isCall) {
    if (!input.outcomeId) errors.push({ field: 'outcomeId', message: 'Choose how the call went.' });
    else if (!playbook.callOutcomes.some((outcome) => outcome.id === input.outcomeId))
      errors.push({ field: 'outcomeId', message: 'Choose an outcome from the agreed list.' });
  }
  const notes = input.notes.trim();
  if (input.kind === 'note' && notes === '') errors.push({ field: 'notes', message: 'Write the note.' });
  else if (input.insightTags.length > 0 && notes === '')
    errors.push({ field: 'notes', message: 'Write what you heard to tag it as customer insight.' });
  if (input.nextFollowUpAt > 0) {
    const closed =
      lead.status === 'disqualified' || (lead.status === 'lead' && isClosedStage(playbook, lead.stageId));
    if (closed)
      errors.push({
        field: 'nextFollowUpAt',
        message: 'This record is closed; reopen it before planning a follow-up.',
      });
    else if (calendarDay(input.nextFollowUpAt, utcOffsetMinutes) < calendarDay(now, utcOffsetMinutes))
      errors.push({ field: 'nextFollowUpAt', message: 'The next follow-up cannot be in the past.' });
  }

  const candidate = {
    id: context.id,
    createdAt: now,
    updatedAt: now,
    ownerId: context.userId,
    teamId: lead.teamId,
    leadId: lead.id,
    kind: input.kind,
    at: now,
    outcomeId: isCall ? input.outcomeId : '',
    notes,
    insightTags: [...new Set(input.insightTags)],
    nextStep: input.nextStep.trim(),
    nextFollowUpAt: Math.max(0, input.nextFollowUpAt),
  };
  const parsed = activitySchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === 'notes' || field === 'nextStep' || field === 'insightTags')
        errors.push({ field, message: issue.message });
      else errors.push({ field: 'kind', message: issue.message });
    }
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };

  const leadPatch: Partial<Lead> = {};
  if (input.nextFollowUpAt > 0) leadPatch.nextFollowUpAt = input.nextFollowUpAt;
  else if (contactKinds.includes(input.kind)) leadPatch.nextFollowUpAt = 0;
  return { ok: true, activity: parsed.data, leadPatch };
};
