import { describe, expect, it } from 'vitest';
import { allowedStatusChanges, changeStatus } from '../../../src-shared/rules/statusTransitions';
import { leadStatuses } from '../../../src-shared/domain/vocabulary';
import { capturedLead, now, playbook } from './fixtures';

const context = { playbook, userId: 'rep-1', now };
const day = 86_400_000;

describe('changeStatus', () => {
  it('makes an inquiry a hot lead with a follow-up deadline and a history entry', () => {
    const result = changeStatus(capturedLead(), { to: 'lead', grade: 'hot' }, context);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.patch).toMatchObject({ status: 'lead', grade: 'hot', gradeRank: 3, stageId: 'qualified' });
    expect(result.patch.followUpDueAt).toBe(now + 24 * 3_600_000);
    expect(result.patch.statusHistory).toEqual([
      { at: now, by: 'rep-1', from: 'inquiry', to: 'lead', grade: 'hot', reasonId: '', note: '' },
    ]);
  });

  it('refuses a lead without a hot or warm grade', () => {
    const none = changeStatus(capturedLead(), { to: 'lead' }, context);
    expect(none).toEqual({
      ok: false,
      errors: [{ field: 'grade', message: 'Pick a grade (hot or warm) for the lead.' }],
    });
    const future = changeStatus(capturedLead(), { to: 'lead', grade: 'future' }, context);
    expect(future.ok).toBe(false);
    if (!future.ok) expect(future.errors[0]?.message).toMatch(/nurture/);
  });

  it('requires a reason from the agreed list to disqualify', () => {
    const missing = changeStatus(capturedLead(), { to: 'disqualified' }, context);
    expect(missing).toEqual({
      ok: false,
      errors: [{ field: 'reasonId', message: 'Choose a reason for disqualifying.' }],
    });
    const unknown = changeStatus(capturedLead(), { to: 'disqualified', reasonId: 'made_up' }, context);
    expect(unknown.ok).toBe(false);
    const ok = changeStatus(
      capturedLead(),
      { to: 'disqualified', reasonId: 'student', note: 'Thesis' },
      context,
    );
    expect(ok).toMatchObject({
      ok: true,
      patch: { status: 'disqualified', reasonId: 'student', reasonNote: 'Thesis', grade: '' },
    });
  });

  it('requires a future revisit date and an owner for nurture', () => {
    const missing = changeStatus(capturedLead(), { to: 'nurture', grade: 'future' }, context);
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(missing.errors.map((error) => error.field).sort()).toEqual(['nurtureOwnerId', 'revisitAt']);
    const past = changeStatus(
      capturedLead(),
      { to: 'nurture', grade: 'future', revisitAt: now - day, nurtureOwnerId: 'mkt-1' },
      context,
    );
    expect(past.ok).toBe(false);
    const ok = changeStatus(
      capturedLead(),
      { to: 'nurture', grade: 'future', revisitAt: now + 90 * day, nurtureOwnerId: 'mkt-1' },
      context,
    );
    expect(ok).toMatchObject({
      ok: true,
      patch: {
        status: 'nurture',
        grade: 'future',
        revisitAt: now + 90 * day,
        nurtureOwnerId: 'mkt-1',
        nextFollowUpAt: now + 90 * day,
      },
    });
  });

  it('refuses changes the transition table does not allow, and no-op changes', () => {
    const disqualified = capturedLead({ status: 'disqualified' });
    const result = changeStatus(disqualified, { to: 'lead', grade: 'hot' }, context);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors[0]).toEqual({
        field: 'to',
        message: 'A disqualified cannot become lead directly.',
      });
    const same = changeStatus(capturedLead(), { to: 'inquiry' }, context);
    expect(same.ok).toBe(false);
  });

  it('lets nothing die: every status has a way out and disqualified records can be reopened', () => {
    for (const status of leadStatuses) expect(allowedStatusChanges[status].length).toBeGreaterThan(0);
    const reopened = changeStatus(
      capturedLead({ status: 'disqualified', reasonId: 'student' }),
      { to: 'inquiry' },
      context,
    );
    expect(reopened).toMatchObject({ ok: true, patch: { status: 'inquiry', reasonId: '' } });
  });

  it('keeps an existing sales stage when a nurtured lead comes back', () => {
    const result = changeStatus(
      capturedLead({ status: 'nurture', grade: 'future', stageId: 'proposal' }),
      { to: 'lead', grade: 'warm' },
      context,
    );
    expect(result.ok && result.patch.stageId).toBeUndefined();
  });
});
