import type { Activity } from '../domain/activity';
import type { Lead } from '../domain/lead';
import type { Playbook, SalesStage } from '../domain/playbook';

/**
 * Moving a lead through the playbook's sales stages.
 *
 * How a stage change is recorded: as an activity of kind 'note' whose `outcomeId` is the target stage id prefixed
 * with `stage:` and whose `nextStep` is empty; its `notes` hold the change in words as it read at the time
 * ("Proposal → Lost · Price too high"), so the history keeps the labels agreed then even after the playbook is
 * edited. We chose this over a new `stageHistory` field on the lead because that needs a new leads schema version
 * and migration on every device, while activities already replicate, are authorized per owner, and are what the
 * timeline reads. The lead itself carries the current stage, value, close month and lost reason for reports.
 */

export const stageChangePrefix = 'stage:';

export const stageById = (playbook: Pick<Playbook, 'stages'>, stageId: string): SalesStage | undefined =>
  playbook.stages.find((stage) => stage.id === stageId);

/** Won and lost stages close a lead; an unknown stage id (from another playbook version) is treated as open. */
export const isClosedStage = (playbook: Pick<Playbook, 'stages'>, stageId: string): boolean => {
  const stage = stageById(playbook, stageId);
  return stage !== undefined && stage.outcome !== 'open';
};

/** The target stage of a stage-change activity, or null for every other activity. */
export const stageChangeTarget = (activity: Pick<Activity, 'kind' | 'outcomeId'>): string | null =>
  activity.kind === 'note' && activity.outcomeId.startsWith(stageChangePrefix)
    ? activity.outcomeId.slice(stageChangePrefix.length)
    : null;

export type StageMoveRequest = {
  stageId: string;
  /** Deal value; required by stages that ask for it (defaults to the lead's current value). */
  value?: number;
  /** "YYYY-MM"; required by stages that ask for it (defaults to the lead's current month). */
  expectedCloseMonth?: string;
  /** Required when moving to a lost stage: a reason agreed for the stage the lead is leaving. */
  reasonId?: string;
  note?: string;
};

export type StageMoveContext = {
  playbook: Pick<Playbook, 'stages'>;
  /** Who moves the lead; owns the stage-change activity. */
  userId: string;
  /** Id for the stage-change activity. */
  activityId: string;
  now: number;
  utcOffsetMinutes?: number;
};

export type StageMoveError = { field: keyof StageMoveRequest; message: string };

export type StageMoveResult =
  { ok: true; patch: Partial<Lead>; activity: Activity } | { ok: false; errors: StageMoveError[] };

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The user's current month as "YYYY-MM". */
export const currentMonth = (now: number, utcOffsetMinutes = 0): string =>
  new Date(now + utcOffsetMinutes * 60_000).toISOString().slice(0, 7);

type StageLead = Pick<
  Lead,
  'id' | 'teamId' | 'status' | 'stageId' | 'value' | 'expectedCloseMonth' | 'nextFollowUpAt'
>;

export const moveToStage = (
  lead: StageLead,
  request: StageMoveRequest,
  context: StageMoveContext,
): StageMoveResult => {
  const { playbook, now } = context;
  const errors: StageMoveError[] = [];
  // A lead without a stage yet is at the first one, where changeStatus puts every lead entering sales.
  const leaving = stageById(playbook, lead.stageId) ?? playbook.stages[0];
  const target = stageById(playbook, request.stageId);
  if (lead.status !== 'lead') {
    errors.push({ field: 'stageId', message: 'Only leads in sales move through the stages.' });
  } else if (!target) {
    errors.push({ field: 'stageId', message: 'Choose a stage from the playbook.' });
  } else if (target.id === leaving?.id) {
    errors.push({ field: 'stageId', message: `The lead is already at ${target.label}.` });
  } else if (leaving && leaving.outcome !== 'open' && target.outcome !== 'open') {
    errors.push({
      field: 'stageId',
      message: `Reopen the lead at an open stage before marking it ${target.label}.`,
    });
  }
  if (errors.length > 0 || !target) return { ok: false, errors };

  const value = request.value ?? lead.value;
  const month = request.expectedCloseMonth ?? lead.expectedCloseMonth;
  if (target.requiresValue && !(Number.isFinite(value) && value > 0))
    errors.push({ field: 'value', message: `${target.label} needs the deal value.` });
  else if (!Number.isFinite(value) || value < 0 || value > 1e12)
    errors.push({ field: 'value', message: 'Enter the value as a positive amount.' });
  if (target.requiresCloseMonth && month === '')
    errors.push({ field: 'expectedCloseMonth', message: `${target.label} needs the expected close month.` });
  else if (month !== '' && !monthPattern.test(month))
    errors.push({ field: 'expectedCloseMonth', message: 'Use the form YYYY-MM.' });
  else if (month !== '' && target.outcome === 'open' && month < currentMonth(now, context.utcOffsetMinutes))
    errors.push({ field: 'expectedCloseMonth', message: 'The expected close month cannot be in the past.' });

  const reasons = leaving?.lostReasons ?? [];
  const reason = reasons.find((candidate) => candidate.id === request.reasonId);
  if (target.outcome === 'lost') {
    if (reasons.length === 0)
      errors.push({
        field: 'reasonId',
        message: `No lost reasons are agreed for ${leaving?.label ?? 'this stage'}; ask a manager to add them.`,
      });
    else if (!request.reasonId) errors.push({ field: 'reasonId', message: 'Choose why it was lost.' });
    else if (!reason)
      errors.push({
        field: 'reasonId',
        message: `Choose a reason agreed for leads lost at ${leaving?.label ?? 'this stage'}.`,
      });
  }
  const note = (request.note ?? '').trim();
  if (note.length > 1000)
    errors.push({ field: 'note', message: 'The note must be at most 1000 characters.' });
  if (errors.length > 0) return { ok: false, errors };

  const lost = target.outcome === 'lost';
  const patch: Partial<Lead> = {
    stageId: target.id,
    value,
    expectedCloseMonth: month,
    reasonId: lost ? (reason?.id ?? '') : '',
    reasonNote: lost ? note : '',
  };
  // Won and lost close the lead: nothing is planned any more, so it leaves the follow-up queue.
  if (target.outcome !== 'open') patch.nextFollowUpAt = 0;

  const details = [
    target.requiresValue ? `value ${value.toLocaleString('en-US')}` : '',
    target.requiresCloseMonth ? `close ${month}` : '',
    lost ? (reason?.label ?? '') : '',
    note ? `“${note}”` : '',
  ].filter(Boolean);
  const activity: Activity = {
    id: context.activityId,
    createdAt: now,
    updatedAt: now,
    ownerId: context.userId,
    teamId: lead.teamId,
    leadId: lead.id,
    kind: 'note',
    at: now,
    outcomeId: `${stageChangePrefix}${target.id}`.slice(0, 40),
    notes: [`${leaving?.label ?? 'No stage'} → ${target.label}`, ...details].join(' · '),
    insightTags: [],
    nextStep: '',
    nextFollowUpAt: 0,
  };
  return { ok: true, patch, activity };
};
