import { describe, expect, it } from 'vitest';
import {
  gradeFor,
  leadDefinitionMet,
  qualificationPatch,
  qualificationScore,
  qualify,
} from '../../../src-shared/rules/qualification';
import { capturedLead, keenAnswers, now, playbook } from './fixtures';

const idealProfile = {
  industry: 'manufacturing',
  companySize: '50-249',
  region: 'territory',
  role: 'executive',
};
const poorProfile = { industry: 'other', companySize: '1-9', region: 'outside', role: 'student' };

describe('qualificationScore', () => {
  it('adds the points of each answer over the points possible', () => {
    expect(qualificationScore(playbook.questions, keenAnswers)).toBe(100);
    expect(qualificationScore(playbook.questions, {})).toBe(0);
    // need 25 + influences 12 + planned 12 + within 12 months 12 + 12 users -> 6 = 67 of 100
    expect(
      qualificationScore(playbook.questions, {
        need: true,
        authority: 'influences',
        budget: 'planned',
        timeline: 'within_12_months',
        seats: 12,
      }),
    ).toBe(67);
  });

  it('scores a number by the highest band it reaches and nothing below the lowest band', () => {
    expect(qualificationScore(playbook.questions, { seats: 0 })).toBe(0);
    expect(qualificationScore(playbook.questions, { seats: 1 })).toBe(2);
    expect(qualificationScore(playbook.questions, { seats: 500 })).toBe(10);
  });
});

describe('leadDefinitionMet', () => {
  it('waits for every required question', () => {
    expect(leadDefinitionMet(playbook.questions, { budget: 'approved' })).toBe('unanswered');
  });
  it('is met by a positive answer and not met by a negative one', () => {
    expect(leadDefinitionMet(playbook.questions, { need: true })).toBe('met');
    expect(leadDefinitionMet(playbook.questions, { need: false })).toBe('not_met');
  });
});

describe('gradeFor', () => {
  const rule = playbook.gradeRule;
  it('maps score to hot, warm and future', () => {
    expect(gradeFor(rule, 70, 'buying')).toBe('hot');
    expect(gradeFor(rule, 69, 'buying')).toBe('warm');
    expect(gradeFor(rule, 40, 'buying')).toBe('warm');
    expect(gradeFor(rule, 39, 'buying')).toBe('future');
  });
  it('caps the grade by the buying stage', () => {
    expect(gradeFor(rule, 100, 'awareness')).toBe('future');
    expect(gradeFor(rule, 100, 'acceptance')).toBe('warm');
    expect(gradeFor(rule, 100, 'specifying')).toBe('hot');
    expect(gradeFor(rule, 100, '')).toBe('warm');
  });
});

describe('qualify', () => {
  it('keeps an unanswered record an inquiry', () => {
    const result = qualify(playbook, { answers: {}, profile: idealProfile, buyingStage: '' });
    expect(result.suggestedStatus).toBe('inquiry');
    expect(result.grade).toBeNull();
    expect(result.fitScore).toBe(100);
  });

  it('makes a keen buyer a hot lead', () => {
    const result = qualify(playbook, { answers: keenAnswers, profile: idealProfile, buyingStage: 'buying' });
    expect(result).toMatchObject({
      suggestedStatus: 'lead',
      grade: 'hot',
      qualificationScore: 100,
      fitScore: 100,
    });
  });

  it('sends a lead still at awareness to nurture as future', () => {
    const result = qualify(playbook, {
      answers: keenAnswers,
      profile: idealProfile,
      buyingStage: 'awareness',
    });
    expect(result).toMatchObject({ suggestedStatus: 'nurture', grade: 'future' });
  });

  it('makes a good fit without a need a prospect, and a poor fit a candidate for disqualification', () => {
    expect(
      qualify(playbook, { answers: { need: false }, profile: idealProfile, buyingStage: '' }).suggestedStatus,
    ).toBe('prospect');
    expect(
      qualify(playbook, { answers: { need: false }, profile: poorProfile, buyingStage: '' }).suggestedStatus,
    ).toBe('disqualified');
  });
});

describe('qualificationPatch', () => {
  it('records the playbook version that judged the record and keeps the first qualification time', () => {
    const patch = qualificationPatch(
      capturedLead(),
      playbook,
      { answers: keenAnswers, profile: idealProfile, buyingStage: 'buying' },
      now,
    );
    expect(patch).toMatchObject({
      playbookVersion: 1,
      playbookId: 'pb-1',
      qualifiedAt: now,
      fitScore: 100,
      qualificationScore: 100,
    });
    // An inquiry gets its grade when its status changes, not from answers alone.
    expect(patch.grade).toBe('');
    const later = qualificationPatch(
      capturedLead({ status: 'lead', grade: 'warm', qualifiedAt: now }),
      playbook,
      { answers: keenAnswers, profile: idealProfile, buyingStage: 'buying' },
      now + 1000,
    );
    expect(later).toMatchObject({ grade: 'hot', gradeRank: 3, qualifiedAt: now });
  });
});
