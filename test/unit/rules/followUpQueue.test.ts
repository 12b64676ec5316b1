import { describe, expect, it } from 'vitest';
import {
  buildFollowUpQueue,
  calendarDay,
  classifyFollowUp,
  describeDue,
  enteredSalesAt,
  firstFollowUpAt,
  followUpDeadline,
  followUpTimeliness,
  nextFollowUp,
  nextInQueue,
  reassignmentPatch,
  startOfDay,
} from '../../../src-shared/rules/followUpQueue';
import type { NextFollowUp } from '../../../src-shared/rules/followUpQueue';
import { now, playbook } from '../domain/fixtures';
import { activity, day, hour, leadInSales, losAngeles, tokyo } from './ruleFixtures';

const rule = playbook.followUp;
const utc = (iso: string) => Date.parse(iso);

describe('the follow-up deadline', () => {
  it('uses the campaign follow-up days when the campaign sets them, counted as business days', () => {
    // Friday 09:00 + 5 business days = the next Friday 09:00, whatever the grade.
    expect(followUpDeadline(rule, { followUpDays: 5 }, 'hot', now)).toBe(now + 7 * day);
    expect(followUpDeadline(rule, { followUpDays: 5 }, 'warm', now)).toBe(now + 7 * day);
    expect(followUpDeadline({ ...rule, businessDays: false }, { followUpDays: 5 }, 'hot', now)).toBe(
      now + 5 * day,
    );
  });

  it('falls back to the playbook deadline by grade without a campaign or when it sets 0 days', () => {
    expect(followUpDeadline(rule, null, 'hot', now)).toBe(now + 24 * hour);
    expect(followUpDeadline(rule, { followUpDays: 0 }, 'hot', now)).toBe(now + 24 * hour);
    // Warm: 3 business days from Friday skip the weekend and land on Wednesday.
    expect(followUpDeadline(rule, { followUpDays: 0 }, 'warm', now)).toBe(now + 5 * day);
    expect(followUpDeadline({ ...rule, businessDays: false }, null, 'warm', now)).toBe(now + 3 * day);
  });

  it('judges weekends in the user time zone, east of UTC', () => {
    // Friday 23:30 UTC is Saturday 01:30 in UTC+2: the weekend has begun there.
    const fridayLate = utc('2026-11-20T23:30:00Z');
    const east = followUpDeadline(rule, { followUpDays: 1 }, 'warm', fridayLate, 120);
    const atUtc = followUpDeadline(rule, { followUpDays: 1 }, 'warm', fridayLate, 0);
    expect(east).toBe(utc('2026-11-22T23:30:00Z')); // Monday 01:30 local
    expect(atUtc).toBe(utc('2026-11-23T23:30:00Z')); // Monday 23:30 UTC
  });

  it('judges weekends in the user time zone, west of UTC', () => {
    // Saturday 03:00 UTC is still Friday 19:00 in Los Angeles.
    const saturdayEarly = utc('2026-11-21T03:00:00Z');
    expect(followUpDeadline(rule, { followUpDays: 1 }, 'warm', saturdayEarly, losAngeles)).toBe(
      utc('2026-11-24T03:00:00Z'), // Monday 19:00 local
    );
    expect(followUpDeadline(rule, { followUpDays: 1 }, 'warm', saturdayEarly, 0)).toBe(
      utc('2026-11-23T03:00:00Z'),
    );
  });
});

describe('the user calendar day', () => {
  it('starts at local midnight east and west of UTC', () => {
    const at = utc('2026-11-20T23:30:00Z');
    expect(startOfDay(at, tokyo)).toBe(utc('2026-11-20T15:00:00Z')); // Saturday 00:00 in Tokyo
    expect(startOfDay(at, losAngeles)).toBe(utc('2026-11-20T08:00:00Z')); // Friday 00:00 in Los Angeles
    expect(calendarDay(at, tokyo) - calendarDay(at, losAngeles)).toBe(1);
  });
});

describe('overdue, due today, upcoming', () => {
  // Friday 23:30 UTC: Saturday 08:30 in Tokyo, Friday 15:30 in Los Angeles.
  const lateFriday = utc('2026-11-20T23:30:00Z');
  const deadline = (iso: string): NextFollowUp => ({ kind: 'deadline', dueAt: utc(iso) });
  const planned = (iso: string): NextFollowUp => ({ kind: 'planned', dueAt: utc(iso) });

  it('makes a deadline overdue the minute it passes, in every time zone', () => {
    const passed = deadline('2026-11-20T23:00:00Z');
    for (const offset of [0, tokyo, losAngeles])
      expect(classifyFollowUp(passed, lateFriday, offset)).toBe('overdue');
    expect(describeDue(passed, lateFriday, 0)).toBe('30 min overdue');
    expect(classifyFollowUp(deadline('2026-11-20T23:30:00Z'), lateFriday, 0)).toBe('due_today');
  });

  it('puts a deadline later on the user calendar day under due today, after it under upcoming', () => {
    const saturdayMorningUtc = deadline('2026-11-21T10:00:00Z'); // Saturday 19:00 Tokyo, 02:00 Los Angeles
    expect(classifyFollowUp(saturdayMorningUtc, lateFriday, tokyo)).toBe('due_today');
    expect(classifyFollowUp(saturdayMorningUtc, lateFriday, losAngeles)).toBe('upcoming');
    expect(classifyFollowUp(saturdayMorningUtc, lateFriday, 0)).toBe('upcoming');
    expect(describeDue(saturdayMorningUtc, lateFriday, tokyo)).toBe('due in 10 h');
  });

  it('keeps a planned follow-up due all its day and overdue once that day has ended', () => {
    const fridayAfternoonUtc = planned('2026-11-20T14:00:00Z'); // Friday 23:00 Tokyo, 06:00 Los Angeles
    expect(classifyFollowUp(fridayAfternoonUtc, lateFriday, tokyo)).toBe('overdue');
    expect(describeDue(fridayAfternoonUtc, lateFriday, tokyo)).toBe('1 day overdue');
    expect(classifyFollowUp(fridayAfternoonUtc, lateFriday, losAngeles)).toBe('due_today');
    expect(classifyFollowUp(fridayAfternoonUtc, lateFriday, 0)).toBe('due_today');
    expect(describeDue(fridayAfternoonUtc, lateFriday, 0)).toBe('due today');

    const saturdayUtc = planned('2026-11-21T07:00:00Z'); // Saturday 16:00 Tokyo, Friday 23:00 Los Angeles
    expect(classifyFollowUp(saturdayUtc, lateFriday, tokyo)).toBe('due_today');
    expect(classifyFollowUp(saturdayUtc, lateFriday, losAngeles)).toBe('due_today');
    expect(classifyFollowUp(saturdayUtc, lateFriday, 0)).toBe('upcoming');
    expect(describeDue(saturdayUtc, lateFriday, 0)).toBe('tomorrow');
    expect(describeDue(planned('2026-11-25T09:00:00Z'), lateFriday, 0)).toBe('in 5 days');
  });

  it('says how late in hours, then days', () => {
    const due = deadline('2026-11-20T20:00:00Z');
    expect(describeDue(due, utc('2026-11-20T23:10:00Z'), 0)).toBe('3 h overdue');
    expect(describeDue(due, utc('2026-11-23T21:00:00Z'), 0)).toBe('3 days overdue');
    expect(classifyFollowUp(null, now, 0)).toBe('none');
  });
});

describe('what a lead waits for', () => {
  it('waits for the deadline until the owner first calls, emails or visits', () => {
    const lead = leadInSales();
    expect(nextFollowUp(lead, playbook, 0)).toEqual({ kind: 'deadline', dueAt: now + 24 * hour });
    expect(nextFollowUp(lead, playbook, now + hour)).toBeNull();
    expect(nextFollowUp({ ...lead, nextFollowUpAt: now + 3 * day }, playbook, now + hour)).toEqual({
      kind: 'planned',
      dueAt: now + 3 * day,
    });
  });

  it('takes the earlier of deadline and planned follow-up while uncontacted', () => {
    const lead = leadInSales({ nextFollowUpAt: now + 2 * hour });
    expect(nextFollowUp(lead, playbook, 0)?.kind).toBe('planned');
    expect(nextFollowUp({ ...lead, nextFollowUpAt: now + 3 * day }, playbook, 0)?.kind).toBe('deadline');
  });

  it('waits for nothing once won, lost or disqualified; nurture waits for its revisit day', () => {
    expect(nextFollowUp(leadInSales({ stageId: 'won' }), playbook, 0)).toBeNull();
    expect(nextFollowUp(leadInSales({ stageId: 'lost', nextFollowUpAt: now + day }), playbook, 0)).toBeNull();
    expect(nextFollowUp(leadInSales({ status: 'disqualified' }), playbook, 0)).toBeNull();
    expect(
      nextFollowUp(
        leadInSales({ status: 'nurture', followUpDueAt: 0, nextFollowUpAt: now + 90 * day }),
        playbook,
        0,
      ),
    ).toEqual({ kind: 'revisit', dueAt: now + 90 * day });
  });

  it('counts only the current owner’s contacts since the lead entered sales', () => {
    const lead = leadInSales();
    expect(enteredSalesAt(lead)).toBe(now);
    expect(
      firstFollowUpAt(lead, [
        activity({ kind: 'note', at: now + hour }),
        activity({ ownerId: 'manager-1', at: now + 2 * hour }),
        activity({ at: now - hour }),
      ]),
    ).toBe(0);
    expect(
      firstFollowUpAt(lead, [
        activity({ kind: 'visit', at: now + 5 * hour }),
        activity({ kind: 'email', at: now + 3 * hour }),
      ]),
    ).toBe(now + 3 * hour);
  });

  it('reports whether the deadline was met', () => {
    const lead = leadInSales();
    expect(followUpTimeliness(lead, now + hour, now + 2 * hour)).toBe('on_time');
    expect(followUpTimeliness(lead, now + 30 * hour, now + 31 * hour)).toBe('late');
    expect(followUpTimeliness(lead, 0, now + hour)).toBe('pending');
    expect(followUpTimeliness(lead, 0, now + 25 * hour)).toBe('missed');
    expect(followUpTimeliness({ followUpDueAt: 0 }, 0, now)).toBe('no_deadline');
  });
});

describe('the queue', () => {
  it('sorts the owner’s open records into sections, most urgent first, and opens the most overdue', () => {
    const at = now + 30 * hour; // Saturday 15:00 UTC
    const leads = [
      leadInSales({ id: 'late-deadline' }), // deadline Saturday 09:00: overdue 6 h
      leadInSales({ id: 'later-today', followUpDueAt: at + 2 * hour }),
      leadInSales({ id: 'planned-yesterday', nextFollowUpAt: now }),
      leadInSales({ id: 'contacted', nextFollowUpAt: at + 2 * day }),
      leadInSales({ id: 'nothing-planned' }),
      leadInSales({ id: 'won', stageId: 'won' }),
      leadInSales({ id: 'prospect', status: 'prospect', nextFollowUpAt: at }),
      leadInSales({ id: 'nurtured', status: 'nurture', followUpDueAt: 0, nextFollowUpAt: at + 60 * day }),
    ];
    const contacted = new Set(['contacted', 'nothing-planned', 'planned-yesterday']);
    const queue = buildFollowUpQueue(
      leads,
      (lead) => (contacted.has(lead.id) ? now + hour : 0),
      playbook,
      at,
      0,
    );
    const ids = (entries: { lead: { id: string } }[]) => entries.map((entry) => entry.lead.id);
    expect(ids(queue.overdue)).toEqual(['planned-yesterday', 'late-deadline']);
    expect(ids(queue.dueToday)).toEqual(['later-today']);
    expect(ids(queue.upcoming)).toEqual(['contacted', 'nurtured']);
    expect(ids(queue.unplanned)).toEqual(['nothing-planned']);
    expect(nextInQueue(queue)?.lead.id).toBe('planned-yesterday');
    expect(nextInQueue({ overdue: [], dueToday: [], upcoming: [], unplanned: queue.unplanned })).toBeNull();
  });
});

describe('reassignment', () => {
  it('gives the new owner a fresh deadline from now, from the campaign when it sets one', () => {
    const later = now + 3 * day; // Monday 09:00 UTC
    const context = { playbook, campaign: null, now: later };
    expect(reassignmentPatch(leadInSales(), 'rep-2', context)).toEqual({
      ownerId: 'rep-2',
      followUpDueAt: later + 24 * hour,
    });
    expect(reassignmentPatch(leadInSales(), 'rep-2', { ...context, campaign: { followUpDays: 2 } })).toEqual({
      ownerId: 'rep-2',
      followUpDueAt: later + 2 * day,
    });
  });

  it('keeps the dates of nurtured and closed records, and ignores a non-change', () => {
    const context = { playbook, campaign: null, now };
    expect(reassignmentPatch(leadInSales({ status: 'nurture' }), 'rep-2', context)).toEqual({
      ownerId: 'rep-2',
    });
    expect(reassignmentPatch(leadInSales({ stageId: 'lost' }), 'rep-2', context)).toEqual({
      ownerId: 'rep-2',
    });
    expect(reassignmentPatch(leadInSales(), 'rep-1', context)).toBeNull();
    expect(reassignmentPatch(leadInSales(), '', context)).toBeNull();
  });
});
