import type { Lead, StatusChange } from '../domain/lead';
import type { Playbook } from '../domain/playbook';
import type { Grade, LeadStatus } from '../domain/vocabulary';
import { gradeRank, leadStatusLabels } from '../domain/vocabulary';
import { followUpDueAt } from './followUp';

/**
 * Which status changes are allowed. Nothing is a dead end: disqualified records can be reopened as inquiries, and
 * nurtured ones come back as prospects or leads when their buying stage advances.
 */
export const allowedStatusChanges: Record<LeadStatus, readonly LeadStatus[]> = {
  inquiry: ['prospect', 'lead', 'nurture', 'disqualified'],
  prospect: ['lead', 'nurture', 'disqualified'],
  lead: ['nurture', 'disqualified'],
  nurture: ['prospect', 'lead', 'disqualified'],
  disqualified: ['inquiry'],
};

export type StatusChangeRequest = {
  to: LeadStatus;
  /** Required to become a lead: hot or warm (future leads go to nurture). */
  grade?: Grade | '';
  /** Required for disqualified: an id from the playbook's disqualification reasons. */
  reasonId?: string;
  note?: string;
  /** Required for nurture: when to look again, in the future. */
  revisitAt?: number;
  /** Required for nurture: who owns the record while it is nurtured (usually marketing). */
  nurtureOwnerId?: string;
};

export type StatusChangeContext = {
  playbook: Playbook;
  /** Who makes the change. */
  userId: string;
  now: number;
  utcOffsetMinutes?: number;
};

/** The fields a status change writes, or the reasons it is refused (one sentence per problem, field-addressed). */
export type StatusChangeResult =
  | { ok: true; patch: Partial<Lead> }
  | { ok: false; errors: { field: keyof StatusChangeRequest; message: string }[] };

export const changeStatus = (
  lead: Pick<Lead, 'status' | 'grade' | 'statusHistory' | 'stageId'>,
  request: StatusChangeRequest,
  context: StatusChangeContext,
): StatusChangeResult => {
  const errors: { field: keyof StatusChangeRequest; message: string }[] = [];
  const { playbook, now } = context;
  if (request.to === lead.status) {
    errors.push({
      field: 'to',
      message: `The record is already ${leadStatusLabels[lead.status].toLowerCase()}.`,
    });
  } else if (!allowedStatusChanges[lead.status].includes(request.to)) {
    errors.push({
      field: 'to',
      message: `A ${leadStatusLabels[lead.status].toLowerCase()} cannot become ${leadStatusLabels[request.to].toLowerCase()} directly.`,
    });
  }
  const grade = request.grade ?? lead.grade;
  if (request.to === 'lead' && grade !== 'hot' && grade !== 'warm') {
    errors.push({
      field: 'grade',
      message:
        grade === 'future'
          ? 'A future lead goes to nurture, not to sales.'
          : 'Pick a grade (hot or warm) for the lead.',
    });
  }
  if (request.to === 'disqualified') {
    if (!request.reasonId) errors.push({ field: 'reasonId', message: 'Choose a reason for disqualifying.' });
    else if (!playbook.disqualifyReasons.some((reason) => reason.id === request.reasonId))
      errors.push({ field: 'reasonId', message: 'Choose a reason from the agreed list.' });
  }
  if (request.to === 'nurture') {
    if (!request.revisitAt) errors.push({ field: 'revisitAt', message: 'Set a date to look at it again.' });
    else if (request.revisitAt <= now)
      errors.push({ field: 'revisitAt', message: 'The revisit date must be in the future.' });
    if (!request.nurtureOwnerId)
      errors.push({ field: 'nurtureOwnerId', message: 'Name who owns it in nurture.' });
  }
  if (errors.length > 0) return { ok: false, errors };

  const nextGrade: Grade | '' = request.to === 'lead' || request.to === 'nurture' ? grade : '';
  const entry: StatusChange = {
    at: now,
    by: context.userId,
    from: lead.status,
    to: request.to,
    grade: nextGrade,
    reasonId: request.reasonId ?? '',
    note: request.note ?? '',
  };
  const patch: Partial<Lead> = {
    status: request.to,
    grade: nextGrade,
    gradeRank: nextGrade === '' ? 0 : gradeRank[nextGrade],
    statusHistory: [...lead.statusHistory, entry],
    reasonId: request.to === 'disqualified' ? (request.reasonId ?? '') : '',
    reasonNote: request.to === 'disqualified' ? (request.note ?? '') : '',
    revisitAt: request.to === 'nurture' ? (request.revisitAt ?? 0) : 0,
    nurtureOwnerId: request.to === 'nurture' ? (request.nurtureOwnerId ?? '') : '',
    followUpDueAt:
      request.to === 'lead' && (nextGrade === 'hot' || nextGrade === 'warm')
        ? followUpDueAt(playbook.followUp, nextGrade, now, context.utcOffsetMinutes)
        : 0,
    nextFollowUpAt: request.to === 'nurture' ? (request.revisitAt ?? 0) : 0,
  };
  // A record entering sales starts at the first sales stage unless it already has one (a returning lead).
  if (request.to === 'lead' && lead.stageId === '') patch.stageId = playbook.stages[0]?.id ?? '';
  return { ok: true, patch };
};
