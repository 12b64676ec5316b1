import { describe, expect, it } from 'vitest';
import { addDays, defaultRevisitAt, followUpDueAt } from '../../../src-shared/rules/followUp';
import { now, playbook } from './fixtures';

const day = 86_400_000;

describe('follow-up deadlines', () => {
  it('gives a hot lead 24 hours', () => {
    expect(followUpDueAt(playbook.followUp, 'hot', now)).toBe(now + 24 * 3_600_000);
  });

  it('counts business days, skipping the weekend', () => {
    // Friday + 3 business days = Wednesday
    expect(followUpDueAt(playbook.followUp, 'warm', now)).toBe(now + 5 * day);
    expect(addDays(now, 3, false)).toBe(now + 3 * day);
  });

  it('judges the weekday in the user time zone', () => {
    // Friday 23:30 UTC is already Saturday 00:30 in Berlin (UTC+1): +1 business day lands on Monday either way,
    // but from Sunday 23:30 UTC (Monday in Berlin) one business day is Tuesday in Berlin and Monday in UTC.
    const sundayLateUtc = Date.UTC(2026, 10, 22, 23, 30);
    expect(new Date(addDays(sundayLateUtc, 1, true, 0)).getUTCDay()).toBe(1);
    expect(new Date(addDays(sundayLateUtc, 1, true, 60) + 60 * 60_000).getUTCDay()).toBe(2);
  });

  it('proposes the nurture revisit date from the playbook', () => {
    expect(defaultRevisitAt(playbook.followUp, now)).toBe(now + 90 * day);
  });
});
