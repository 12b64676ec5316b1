import { describe, expect, it } from 'vitest';
import { logActivity } from '../../../src-shared/rules/activities';
import type { ActivityInput } from '../../../src-shared/rules/activities';
import { firstFollowUpAt, nextFollowUp } from '../../../src-shared/rules/followUpQueue';
import { now, playbook } from '../domain/fixtures';
import { day, hour, leadInSales, losAngeles, tokyo } from './ruleFixtures';

const context = { playbook, id: 'act-1', userId: 'rep-1', now, utcOffsetMinutes: 0 };
const input = (overrides: Partial<ActivityInput> = {}): ActivityInput => ({
  kind: 'call',
  outcomeId: 'reached',
  notes: '',
  insightTags: [],
  nextStep: '',
  nextFollowUpAt: 0,
  ...overrides,
});
const errorsOf = (result: ReturnType<typeof logActivity>) => (result.ok ? [] : result.errors);

describe('logging an activity', () => {
  it('logs a call with an outcome and plans the next follow-up on the lead', () => {
    const result = logActivity(
      leadInSales(),
      input({ notes: '  Wants a demo  ', nextStep: 'Send brochure', nextFollowUpAt: now + 3 * day }),
      context,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.activity).toEqual({
      id: 'act-1',
      createdAt: now,
      updatedAt: now,
      ownerId: 'rep-1',
      teamId: 'team-1',
      leadId: 'lead-1',
      kind: 'call',
      at: now,
      outcomeId: 'reached',
      notes: 'Wants a demo',
      insightTags: [],
      nextStep: 'Send brochure',
      nextFollowUpAt: now + 3 * day,
    });
    expect(result.leadPatch).toEqual({ nextFollowUpAt: now + 3 * day });
  });

  it('needs an outcome from the playbook for calls only', () => {
    expect(errorsOf(logActivity(leadInSales(), input({ outcomeId: '' }), context))).toEqual([
      { field: 'outcomeId', message: 'Choose how the call went.' },
    ]);
    expect(errorsOf(logActivity(leadInSales(), input({ outcomeId: 'won_lottery' }), context))).toEqual([
      { field: 'outcomeId', message: 'Choose an outcome from the agreed list.' },
    ]);
    const email = logActivity(leadInSales(), input({ kind: 'email', outcomeId: 'reached' }), context);
    expect(email.ok && email.activity.outcomeId).toBe('');
  });

  it('needs words for a note and for insight tags', () => {
    expect(errorsOf(logActivity(leadInSales(), input({ kind: 'note', notes: '  ' }), context))).toEqual([
      { field: 'notes', message: 'Write the note.' },
    ]);
    expect(errorsOf(logActivity(leadInSales(), input({ insightTags: ['needs'] }), context))[0]?.field).toBe(
      'notes',
    );
    const insight = logActivity(
      leadInSales(),
      input({
        kind: 'note',
        notes: 'Complains about downtime',
        insightTags: ['complains_about', 'complains_about'],
      }),
      context,
    );
    expect(insight.ok && insight.activity.insightTags).toEqual(['complains_about']);
    expect(insight.ok && insight.leadPatch).toEqual({});
  });

  it('refuses a next follow-up on a past day, judged in the user time zone', () => {
    expect(errorsOf(logActivity(leadInSales(), input({ nextFollowUpAt: now - day }), context))).toEqual([
      { field: 'nextFollowUpAt', message: 'The next follow-up cannot be in the past.' },
    ]);
    // Earlier today is still today: "call back this afternoon" is planned as today.
    expect(logActivity(leadInSales(), input({ nextFollowUpAt: now - hour }), context).ok).toBe(true);
    // At 23:30 UTC Tokyo is already on Saturday: 14:00 UTC (Friday 23:00 there) is yesterday; in Los Angeles, today.
    const lateEvening = Date.UTC(2026, 10, 20, 23, 30);
    const plan = input({ nextFollowUpAt: Date.UTC(2026, 10, 20, 14, 0) });
    expect(
      logActivity(leadInSales(), plan, { ...context, now: lateEvening, utcOffsetMinutes: tokyo }).ok,
    ).toBe(false);
    expect(
      logActivity(leadInSales(), plan, { ...context, now: lateEvening, utcOffsetMinutes: losAngeles }).ok,
    ).toBe(true);
  });

  it('refuses planning a follow-up on a closed record', () => {
    const plan = input({ nextFollowUpAt: now + day });
    expect(errorsOf(logActivity(leadInSales({ stageId: 'lost' }), plan, context))[0]?.field).toBe(
      'nextFollowUpAt',
    );
    expect(logActivity(leadInSales({ status: 'disqualified' }), plan, context).ok).toBe(false);
    expect(logActivity(leadInSales({ stageId: 'lost' }), input(), context).ok).toBe(true);
  });

  it('clears the planned follow-up after a contact without a new one, and leaves it after a note', () => {
    const call = logActivity(leadInSales({ nextFollowUpAt: now + hour }), input({ kind: 'visit' }), context);
    expect(call.ok && call.leadPatch).toEqual({ nextFollowUpAt: 0 });
    const note = logActivity(leadInSales(), input({ kind: 'note', notes: 'Prefers email' }), context);
    expect(note.ok && note.leadPatch).toEqual({});
  });

  it('rejects text longer than the schema allows', () => {
    expect(errorsOf(logActivity(leadInSales(), input({ nextStep: 'x'.repeat(301) }), context))).toEqual([
      { field: 'nextStep', message: 'Next step must be at most 300 characters' },
    ]);
  });

  it('meets the follow-up deadline with the first contact, keeping the deadline on the lead', () => {
    const lead = leadInSales();
    const result = logActivity(lead, input({ nextFollowUpAt: now + 2 * day }), {
      ...context,
      now: now + hour,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.leadPatch.followUpDueAt).toBeUndefined();
    const first = firstFollowUpAt(lead, [result.activity]);
    expect(first).toBe(now + hour);
    expect(first <= lead.followUpDueAt).toBe(true);
    expect(nextFollowUp({ ...lead, ...result.leadPatch }, playbook, first)).toEqual({
      kind: 'planned',
      dueAt: now + 2 * day,
    });
  });
});
