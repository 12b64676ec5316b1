import { describe, expect, it } from 'vitest';
import {
  currentMonth,
  isClosedStage,
  moveToStage,
  stageChangeTarget,
} from '../../../src-shared/rules/salesStages';
import type { StageMoveRequest } from '../../../src-shared/rules/salesStages';
import { now, playbook } from '../domain/fixtures';
import { hour, leadInSales, losAngeles } from './ruleFixtures';

const context = { playbook, userId: 'rep-1', activityId: 'act-1', now };
const move = (overrides: Parameters<typeof leadInSales>[0], request: StageMoveRequest) =>
  moveToStage(leadInSales(overrides), request, context);
const errorsOf = (result: ReturnType<typeof moveToStage>) => (result.ok ? [] : result.errors);

describe('moving a lead through the sales stages', () => {
  it('moves to an open stage that asks for nothing and records the change as a stage activity', () => {
    const result = move({}, { stageId: 'seminar_invited' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.patch).toMatchObject({ stageId: 'seminar_invited', reasonId: '', reasonNote: '' });
    expect(result.patch.nextFollowUpAt).toBeUndefined();
    expect(result.activity).toMatchObject({
      id: 'act-1',
      leadId: 'lead-1',
      ownerId: 'rep-1',
      teamId: 'team-1',
      kind: 'note',
      at: now,
      outcomeId: 'stage:seminar_invited',
      nextStep: '',
      nextFollowUpAt: 0,
      notes: 'Qualified → Seminar invited',
    });
    expect(stageChangeTarget(result.activity)).toBe('seminar_invited');
  });

  it('refuses a stage that is not in the playbook, the current stage, and records not in sales', () => {
    expect(errorsOf(move({}, { stageId: 'nope' }))).toEqual([
      { field: 'stageId', message: 'Choose a stage from the playbook.' },
    ]);
    expect(errorsOf(move({}, { stageId: 'qualified' }))[0]?.message).toBe(
      'The lead is already at Qualified.',
    );
    expect(errorsOf(move({ status: 'nurture' }, { stageId: 'proposal' }))[0]?.field).toBe('stageId');
  });

  it('asks for value and close month where the stage requires them', () => {
    expect(errorsOf(move({ stageId: 'demo_scheduled' }, { stageId: 'proposal' }))).toEqual([
      { field: 'value', message: 'Proposal needs the deal value.' },
      { field: 'expectedCloseMonth', message: 'Proposal needs the expected close month.' },
    ]);
    const result = move(
      { stageId: 'demo_scheduled' },
      { stageId: 'proposal', value: 42_000, expectedCloseMonth: '2027-02' },
    );
    expect(result.ok && result.patch).toMatchObject({ value: 42_000, expectedCloseMonth: '2027-02' });
    expect(result.ok && result.activity.notes).toBe(
      'Demo scheduled → Proposal · value 42,000 · close 2027-02',
    );
  });

  it('takes value and month already on the lead, and checks them', () => {
    expect(
      move({ stageId: 'proposal', value: 10_000, expectedCloseMonth: '2026-12' }, { stageId: 'negotiation' })
        .ok,
    ).toBe(true);
    expect(errorsOf(move({}, { stageId: 'proposal', value: 5, expectedCloseMonth: '12/2026' }))).toEqual([
      { field: 'expectedCloseMonth', message: 'Use the form YYYY-MM.' },
    ]);
    expect(
      errorsOf(move({}, { stageId: 'proposal', value: -1, expectedCloseMonth: '2026-12' }))[0]?.field,
    ).toBe('value');
  });

  it('refuses a close month in the past for open stages, judged in the user time zone', () => {
    expect(errorsOf(move({}, { stageId: 'proposal', value: 5, expectedCloseMonth: '2026-10' }))).toEqual([
      { field: 'expectedCloseMonth', message: 'The expected close month cannot be in the past.' },
    ]);
    // 1 December 02:00 UTC is still November in Los Angeles.
    const firstOfDecember = Date.UTC(2026, 11, 1, 2);
    expect(currentMonth(firstOfDecember, losAngeles)).toBe('2026-11');
    expect(currentMonth(firstOfDecember, 0)).toBe('2026-12');
    const request = { stageId: 'proposal', value: 5, expectedCloseMonth: '2026-11' };
    expect(
      moveToStage(leadInSales(), request, { ...context, now: firstOfDecember, utcOffsetMinutes: losAngeles })
        .ok,
    ).toBe(true);
    expect(moveToStage(leadInSales(), request, { ...context, now: firstOfDecember }).ok).toBe(false);
  });

  it('closes the lead when won, clearing the planned follow-up but keeping the deadline', () => {
    const result = move(
      { stageId: 'negotiation', value: 80_000, expectedCloseMonth: '2026-11', nextFollowUpAt: now + hour },
      { stageId: 'won' },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.patch).toMatchObject({ stageId: 'won', nextFollowUpAt: 0 });
    expect(result.patch.followUpDueAt).toBeUndefined();
    expect(isClosedStage(playbook, 'won')).toBe(true);
    expect(isClosedStage(playbook, 'proposal')).toBe(false);
  });
});

describe('lost reasons', () => {
  it('requires a reason when a lead is lost', () => {
    expect(errorsOf(move({ stageId: 'proposal' }, { stageId: 'lost' }))).toEqual([
      { field: 'reasonId', message: 'Choose why it was lost.' },
    ]);
  });

  it('takes the reason from the list agreed for the stage the lead is leaving', () => {
    // "Price too high" is agreed for late stages, not for a lead lost while merely qualified.
    expect(errorsOf(move({ stageId: 'qualified' }, { stageId: 'lost', reasonId: 'price' }))).toEqual([
      { field: 'reasonId', message: 'Choose a reason agreed for leads lost at Qualified.' },
    ]);
    const result = move(
      { stageId: 'proposal', nextFollowUpAt: now + hour },
      { stageId: 'lost', reasonId: 'price', note: 'Went with a cheaper supplier' },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.patch).toMatchObject({
      stageId: 'lost',
      reasonId: 'price',
      reasonNote: 'Went with a cheaper supplier',
      nextFollowUpAt: 0,
    });
    expect(result.activity.notes).toBe('Proposal → Lost · Price too high · “Went with a cheaper supplier”');
  });

  it('treats a lead without a stage as at the first stage', () => {
    expect(move({ stageId: '' }, { stageId: 'lost', reasonId: 'no_need' }).ok).toBe(true);
  });

  it('refuses to lose a lead from a stage with no agreed reasons, and a move between closed stages', () => {
    const noReasons = {
      ...playbook,
      stages: playbook.stages.map((stage) =>
        stage.id === 'qualified' ? { ...stage, lostReasons: [] } : stage,
      ),
    };
    const result = moveToStage(
      leadInSales(),
      { stageId: 'lost', reasonId: 'no_need' },
      { ...context, playbook: noReasons },
    );
    expect(errorsOf(result)[0]?.message).toMatch(/No lost reasons are agreed for Qualified/);
    expect(errorsOf(move({ stageId: 'won' }, { stageId: 'lost', reasonId: 'price' }))[0]?.message).toBe(
      'Reopen the lead at an open stage before marking it Lost.',
    );
  });

  it('reopens a lost lead at an open stage and forgets the lost reason', () => {
    const result = move({ stageId: 'lost', reasonId: 'price', reasonNote: 'x' }, { stageId: 'qualified' });
    expect(result.ok && result.patch).toMatchObject({ stageId: 'qualified', reasonId: '', reasonNote: '' });
  });
});
