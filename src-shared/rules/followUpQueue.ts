import type { Activity } from '../domain/activity';
import type { Campaign } from '../domain/campaign';
import type { Lead } from '../domain/lead';
import type { FollowUpRule, Playbook } from '../domain/playbook';
import type { Grade } from '../domain/vocabulary';
import { addDays, followUpDueAt } from './followUp';
import { isClosedStage } from './salesStages';

/**
 * The rep's follow-up queue. Two kinds of promise put a lead in it:
 * - the **deadline** (`followUpDueAt`): a lead entering sales must be contacted by its owner before it. It is a
 *   moment: overdue the minute it passes. It is met by the owner's first call, email or visit after the lead
 *   entered sales; notes do not count. It stays on the lead afterwards so "followed up on time" can be reported.
 * - the **next follow-up** (`nextFollowUpAt`) the rep plans when logging an activity, or the revisit date of a
 *   nurtured record. It is a day: due all that day in the user's time zone, overdue once the day has ended.
 * "Today" is the user's calendar day, judged with their offset from UTC (minutes, east positive).
 */

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;

/** Contacts that meet the deadline: reaching out, not writing to oneself. */
export const contactKinds: readonly Activity['kind'][] = ['call', 'email', 'visit'];

/** The user's calendar day of a moment, as a day count since 1970-01-01 in their time zone. */
export const calendarDay = (at: number, utcOffsetMinutes: number): number =>
  Math.floor((at + utcOffsetMinutes * minuteMs) / dayMs);

/** The moment the user's calendar day containing `at` begins. */
export const startOfDay = (at: number, utcOffsetMinutes: number): number =>
  calendarDay(at, utcOffsetMinutes) * dayMs - utcOffsetMinutes * minuteMs;

/**
 * The deadline for following up a lead that enters sales at `from`: the campaign's follow-up days when it sets
 * them (counted as business days if the playbook says so), otherwise the playbook's deadline for the grade.
 */
export const followUpDeadline = (
  rule: FollowUpRule,
  campaign: Pick<Campaign, 'followUpDays'> | null,
  grade: Grade,
  from: number,
  utcOffsetMinutes = 0,
): number =>
  campaign && campaign.followUpDays > 0
    ? addDays(from, campaign.followUpDays, rule.businessDays, utcOffsetMinutes)
    : followUpDueAt(rule, grade, from, utcOffsetMinutes);

/** When the record last entered sales (status lead); a lead back from nurture starts a new promise. */
export const enteredSalesAt = (lead: Pick<Lead, 'statusHistory' | 'qualifiedAt' | 'createdAt'>): number => {
  for (let i = lead.statusHistory.length - 1; i >= 0; i -= 1) {
    const entry = lead.statusHistory[i];
    if (entry?.to === 'lead') return entry.at;
  }
  return lead.qualifiedAt || lead.createdAt;
};

/**
 * The owner's first contact (call, email, visit) since the lead entered sales, 0 when there is none yet. Only
 * the current owner's contacts count: a reassigned lead is a new promise of the new owner, and every device
 * judges it alike (a rep's device holds only that rep's activities).
 */
export const firstFollowUpAt = (
  lead: Pick<Lead, 'ownerId' | 'statusHistory' | 'qualifiedAt' | 'createdAt'>,
  activities: readonly Pick<Activity, 'kind' | 'at' | 'ownerId'>[],
): number => {
  const since = enteredSalesAt(lead);
  let first = 0;
  for (const activity of activities) {
    if (!contactKinds.includes(activity.kind) || activity.ownerId !== lead.ownerId || activity.at < since)
      continue;
    if (first === 0 || activity.at < first) first = activity.at;
  }
  return first;
};

/** Whether the deadline was met: 'pending' until the first contact or the deadline, 'missed' after it. */
export const followUpTimeliness = (
  lead: Pick<Lead, 'followUpDueAt'>,
  firstContactAt: number,
  now: number,
): 'on_time' | 'late' | 'pending' | 'missed' | 'no_deadline' => {
  if (lead.followUpDueAt === 0) return 'no_deadline';
  if (firstContactAt > 0) return firstContactAt <= lead.followUpDueAt ? 'on_time' : 'late';
  return now > lead.followUpDueAt ? 'missed' : 'pending';
};

export type FollowUpKind = 'deadline' | 'planned' | 'revisit';
export type NextFollowUp = { kind: FollowUpKind; dueAt: number };

/**
 * What the lead is waiting for from its owner, or null: won, lost and disqualified records wait for nothing. An
 * uncontacted lead waits for the earlier of its deadline and any planned follow-up.
 */
export const nextFollowUp = (
  lead: Pick<Lead, 'status' | 'stageId' | 'followUpDueAt' | 'nextFollowUpAt'>,
  playbook: Pick<Playbook, 'stages'>,
  firstContactAt: number,
): NextFollowUp | null => {
  if (lead.status === 'disqualified') return null;
  if (lead.status === 'nurture')
    return lead.nextFollowUpAt > 0 ? { kind: 'revisit', dueAt: lead.nextFollowUpAt } : null;
  if (lead.status === 'lead' && isClosedStage(playbook, lead.stageId)) return null;
  const deadline: NextFollowUp | null =
    lead.status === 'lead' && lead.followUpDueAt > 0 && firstContactAt === 0
      ? { kind: 'deadline', dueAt: lead.followUpDueAt }
      : null;
  const planned: NextFollowUp | null =
    lead.nextFollowUpAt > 0 ? { kind: 'planned', dueAt: lead.nextFollowUpAt } : null;
  if (deadline && planned) return planned.dueAt < deadline.dueAt ? planned : deadline;
  return deadline ?? planned;
};

export type FollowUpState = 'overdue' | 'due_today' | 'upcoming' | 'none';

/** Overdue, due today or upcoming, relative to `now` and the user's calendar day. */
export const classifyFollowUp = (
  next: NextFollowUp | null,
  now: number,
  utcOffsetMinutes: number,
): FollowUpState => {
  if (!next) return 'none';
  const today = calendarDay(now, utcOffsetMinutes);
  const dueDay = calendarDay(next.dueAt, utcOffsetMinutes);
  if (next.kind === 'deadline' ? now > next.dueAt : dueDay < today) return 'overdue';
  return dueDay === today ? 'due_today' : 'upcoming';
};

const plural = (count: number, unit: string): string => `${count} ${unit}${count === 1 ? '' : 's'}`;

const span = (ms: number): string => {
  if (ms < hourMs) return `${Math.max(1, Math.round(ms / minuteMs))} min`;
  if (ms < 2 * dayMs) return `${Math.floor(ms / hourMs)} h`;
  return plural(Math.floor(ms / dayMs), 'day');
};

/**
 * How due it is, in words: deadlines to the hour ("3 h overdue", "due in 45 min"), planned days by the day
 * ("due today", "1 day overdue", "tomorrow", "in 3 days").
 */
export const describeDue = (next: NextFollowUp, now: number, utcOffsetMinutes: number): string => {
  if (next.kind === 'deadline') {
    return now > next.dueAt ? `${span(now - next.dueAt)} overdue` : `due in ${span(next.dueAt - now)}`;
  }
  const days = calendarDay(next.dueAt, utcOffsetMinutes) - calendarDay(now, utcOffsetMinutes);
  if (days < 0) return `${plural(-days, 'day')} overdue`;
  if (days === 0) return 'due today';
  return days === 1 ? 'tomorrow' : `in ${days} days`;
};

export type QueueEntry<L> = { lead: L; next: NextFollowUp | null; state: FollowUpState };
export type FollowUpQueue<L> = {
  overdue: QueueEntry<L>[];
  dueToday: QueueEntry<L>[];
  upcoming: QueueEntry<L>[];
  /** Open records with nothing planned: they are not lost, but nobody will look at them unless planned. */
  unplanned: QueueEntry<L>[];
};

type QueueLead = Pick<
  Lead,
  'status' | 'stageId' | 'followUpDueAt' | 'nextFollowUpAt' | 'ownerId' | 'updatedAt'
> &
  Pick<Lead, 'statusHistory' | 'qualifiedAt' | 'createdAt'>;

/**
 * Sorts the owner's records into the queue: most overdue first, then what is due today and upcoming by time.
 * `firstContactAt` gives each record's first follow-up (see firstFollowUpAt).
 */
export const buildFollowUpQueue = <L extends QueueLead>(
  leads: readonly L[],
  firstContactAt: (lead: L) => number,
  playbook: Pick<Playbook, 'stages'>,
  now: number,
  utcOffsetMinutes: number,
): FollowUpQueue<L> => {
  const queue: FollowUpQueue<L> = { overdue: [], dueToday: [], upcoming: [], unplanned: [] };
  for (const lead of leads) {
    if (lead.status !== 'lead' && lead.status !== 'nurture') continue;
    if (lead.status === 'lead' && isClosedStage(playbook, lead.stageId)) continue;
    const next = nextFollowUp(lead, playbook, firstContactAt(lead));
    const state = classifyFollowUp(next, now, utcOffsetMinutes);
    const entry = { lead, next, state };
    if (state === 'overdue') queue.overdue.push(entry);
    else if (state === 'due_today') queue.dueToday.push(entry);
    else if (state === 'upcoming') queue.upcoming.push(entry);
    else queue.unplanned.push(entry);
  }
  const byDue = (a: QueueEntry<L>, b: QueueEntry<L>) => (a.next?.dueAt ?? 0) - (b.next?.dueAt ?? 0);
  queue.overdue.sort(byDue);
  queue.dueToday.sort(byDue);
  queue.upcoming.sort(byDue);
  queue.unplanned.sort((a, b) => a.lead.updatedAt - b.lead.updatedAt);
  return queue;
};

/** The one a single key press opens: the most overdue, else the next due today, else the next upcoming. */
export const nextInQueue = <L>(queue: FollowUpQueue<L>): QueueEntry<L> | null =>
  queue.overdue[0] ?? queue.dueToday[0] ?? queue.upcoming[0] ?? null;

export type ReassignmentContext = {
  playbook: Pick<Playbook, 'followUp' | 'stages'>;
  campaign: Pick<Campaign, 'followUpDays'> | null;
  now: number;
  utcOffsetMinutes?: number;
};

/**
 * A lead handed to another rep is a new promise: an open lead in sales gets a fresh deadline from now for its new
 * owner (their first contact is what meets it). Nurtured and closed records keep their dates.
 */
export const reassignmentPatch = (
  lead: Pick<Lead, 'ownerId' | 'status' | 'stageId' | 'grade'>,
  newOwnerId: string,
  context: ReassignmentContext,
): Partial<Lead> | null => {
  if (newOwnerId === '' || newOwnerId === lead.ownerId) return null;
  const patch: Partial<Lead> = { ownerId: newOwnerId };
  const inSales = lead.status === 'lead' && !isClosedStage(context.playbook, lead.stageId);
  if (inSales && (lead.grade === 'hot' || lead.grade === 'warm')) {
    patch.followUpDueAt = followUpDeadline(
      context.playbook.followUp,
      context.campaign,
      lead.grade,
      context.now,
      context.utcOffsetMinutes,
    );
  }
  return patch;
};
