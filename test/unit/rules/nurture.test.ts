import { describe, expect, it } from 'vitest';
import {
  buyingStageAdvanced,
  nurtureRequest,
  shouldReturnFromNurture,
} from '../../../src-shared/rules/nurture';
import { changeStatus } from '../../../src-shared/rules/statusTransitions';
import { capturedLead, keenAnswers, now, playbook } from '../domain/fixtures';
import { day } from './ruleFixtures';

const nurtured = (overrides: Parameters<typeof capturedLead>[0] = {}) =>
  capturedLead({
    status: 'nurture',
    grade: 'future',
    buyingStage: 'awareness',
    answers: keenAnswers,
    nurtureOwnerId: 'marketing-1',
    revisitAt: now + 90 * day,
    ...overrides,
  });

describe('nurture return', () => {
  it('brings a record back as a lead when its buying stage advances to one that allows more than future', () => {
    expect(shouldReturnFromNurture(nurtured(), 'specifying', playbook)).toEqual({
      to: 'lead',
      grade: 'hot',
      note: 'Back from nurture: buying stage advanced to Specifying.',
    });
    // Acceptance caps the grade at warm.
    expect(shouldReturnFromNurture(nurtured(), 'acceptance', playbook)).toMatchObject({
      to: 'lead',
      grade: 'warm',
    });
  });

  it('keeps it in nurture while the new stage still caps it at future', () => {
    expect(shouldReturnFromNurture(nurtured(), 'product_knowledge', playbook)).toBeNull();
  });

  it('never returns on a stage going down or staying', () => {
    expect(
      shouldReturnFromNurture(nurtured({ buyingStage: 'specifying' }), 'acceptance', playbook),
    ).toBeNull();
    expect(
      shouldReturnFromNurture(nurtured({ buyingStage: 'acceptance' }), 'acceptance', playbook),
    ).toBeNull();
    expect(shouldReturnFromNurture(nurtured(), '', playbook)).toBeNull();
    expect(buyingStageAdvanced('', 'awareness')).toBe(true);
    expect(buyingStageAdvanced('buying', 'specifying')).toBe(false);
  });

  it('returns as a prospect when the answers do not meet the lead definition or still score as future', () => {
    expect(shouldReturnFromNurture(nurtured({ answers: { need: false } }), 'buying', playbook)).toMatchObject(
      {
        to: 'prospect',
      },
    );
    expect(shouldReturnFromNurture(nurtured({ answers: {} }), 'buying', playbook)?.to).toBe('prospect');
    // Need met but nothing else: score 25 is below warm (40).
    expect(shouldReturnFromNurture(nurtured({ answers: { need: true } }), 'buying', playbook)?.to).toBe(
      'prospect',
    );
  });

  it('only concerns nurtured records', () => {
    expect(shouldReturnFromNurture(nurtured({ status: 'lead' }), 'buying', playbook)).toBeNull();
  });

  it('produces requests the status rules accept', () => {
    const back = shouldReturnFromNurture(nurtured(), 'buying', playbook);
    expect(back).not.toBeNull();
    const result = changeStatus(nurtured(), back!, { playbook, userId: 'rep-1', now });
    expect(result.ok && result.patch).toMatchObject({
      status: 'lead',
      grade: 'hot',
      followUpDueAt: now + day,
    });
  });
});

describe('sending a lead to nurture', () => {
  it('makes it a future record with an owner and a revisit date', () => {
    const lead = capturedLead({ status: 'lead', grade: 'warm', stageId: 'qualified' });
    const request = nurtureRequest({
      revisitAt: now + 30 * day,
      nurtureOwnerId: 'rep-1',
      note: 'Next budget year',
    });
    const result = changeStatus(lead, request, { playbook, userId: 'rep-1', now });
    expect(result.ok && result.patch).toMatchObject({
      status: 'nurture',
      grade: 'future',
      revisitAt: now + 30 * day,
      nextFollowUpAt: now + 30 * day,
      nurtureOwnerId: 'rep-1',
    });
  });

  it('is refused without a future revisit date or an owner', () => {
    const lead = capturedLead({ status: 'lead', grade: 'warm' });
    const result = changeStatus(lead, nurtureRequest({ revisitAt: now - day, nurtureOwnerId: '' }), {
      playbook,
      userId: 'rep-1',
      now,
    });
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toEqual([
      'revisitAt',
      'nurtureOwnerId',
    ]);
  });
});
