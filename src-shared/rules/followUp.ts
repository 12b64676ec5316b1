import type { FollowUpRule } from '../domain/playbook';
import type { Grade } from '../domain/vocabulary';

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/**
 * Adds days to a moment; with business days, Saturdays and Sundays are not counted. Weekdays are judged in the
 * user's time zone, given as the offset from UTC in minutes (east positive), so a deadline set on a Friday evening
 * in Berlin lands on the right Monday.
 */
export const addDays = (from: number, days: number, businessDays: boolean, utcOffsetMinutes = 0): number => {
  if (!businessDays) return from + days * dayMs;
  let at = from;
  let remaining = days;
  while (remaining > 0) {
    at += dayMs;
    const weekday = new Date(at + utcOffsetMinutes * 60_000).getUTCDay();
    if (weekday !== 0 && weekday !== 6) remaining -= 1;
  }
  return at;
};

/** The deadline by which the owner must follow up a freshly qualified lead of this grade. */
export const followUpDueAt = (
  rule: FollowUpRule,
  grade: Grade,
  from: number,
  utcOffsetMinutes = 0,
): number => {
  const deadline = rule.deadlineByGrade[grade];
  return deadline.unit === 'hours'
    ? from + deadline.amount * hourMs
    : addDays(from, deadline.amount, rule.businessDays, utcOffsetMinutes);
};

/** Default revisit date proposed when a record moves to nurture. */
export const defaultRevisitAt = (rule: FollowUpRule, from: number): number =>
  from + rule.nurtureRevisitDays * dayMs;
