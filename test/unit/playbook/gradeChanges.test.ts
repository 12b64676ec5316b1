import { describe, expect, it } from 'vitest';
import type { Playbook } from '../../../src-shared/domain/playbook';
import type { GradedRecord } from '../../../src-shared/playbook/gradeChanges';
import { createGradeTally, gradeChanges, gradeUnder } from '../../../src-shared/playbook/gradeChanges';
import { qualify } from '../../../src-shared/rules/qualification';
import { playbook } from '../domain/fixtures';

const profile = { industry: 'manufacturing', companySize: '50-249', region: 'territory', role: 'executive' };

/** A record qualified under the default playbook the way the app saves it (grade only for leads and nurture). */
const judged = (answers: GradedRecord['answers'], buyingStage: GradedRecord['buyingStage']): GradedRecord => {
  const result = qualify(playbook, { answers, profile, buyingStage });
  const status = result.suggestedStatus;
  return {
    status,
    grade: status === 'lead' || status === 'nurture' ? (result.grade ?? '') : '',
    playbookVersion: 1,
    answers,
    profile,
    buyingStage,
  };
};

// Scores under the default playbook: 96 (hot), 77 (hot), 67 (warm), 25 (future at buying stage "buying").
const score96 = {
  need: true,
  authority: 'decides',
  budget: 'approved',
  timeline: 'within_3_months',
  seats: 20,
};
const score77 = {
  need: true,
  authority: 'decides',
  budget: 'approved',
  timeline: 'within_12_months',
  seats: 0,
};
const score67 = {
  need: true,
  authority: 'influences',
  budget: 'planned',
  timeline: 'within_12_months',
  seats: 12,
};
const score25 = { need: true, authority: 'none', budget: 'none', timeline: 'no_plan', seats: 0 };

const withRule = (change: Partial<Playbook['gradeRule']>): Playbook => ({
  ...playbook,
  version: 2,
  gradeRule: { ...playbook.gradeRule, ...change },
});

describe('gradeChanges', () => {
  const records = [
    judged(score96, 'buying'),
    judged(score77, 'buying'),
    judged(score77, 'specifying'),
    judged(score67, 'buying'),
    judged(score25, 'buying'),
    judged(score96, 'awareness'),
  ];

  it('finds no change when the draft is the playbook that judged the records', () => {
    expect(records.map((record) => record.grade)).toEqual(['hot', 'hot', 'hot', 'warm', 'future', 'future']);
    expect(gradeChanges(playbook, records)).toEqual({ considered: 6, changed: 0, transitions: [] });
  });

  it('counts each record whose grade the draft would change, with a breakdown by transition', () => {
    const stricter = withRule({ hotMinScore: 80, warmMinScore: 20 });
    expect(gradeChanges(stricter, records)).toEqual({
      considered: 6,
      changed: 3,
      transitions: [
        { from: 'hot', to: 'warm', count: 2 },
        { from: 'future', to: 'warm', count: 1 },
      ],
    });
  });

  it('reports records that would no longer meet the lead definition as losing their grade', () => {
    const draft: Playbook = {
      ...playbook,
      questions: playbook.questions.map((question) =>
        question.id === 'budget' ? { ...question, requiredForLead: true } : question,
      ),
    };
    expect(gradeUnder(draft, judged(score25, 'buying'))).toBe('none');
    expect(gradeChanges(draft, records).transitions).toEqual([{ from: 'future', to: 'none', count: 1 }]);
  });

  it('counts only qualified records that are not disqualified', () => {
    const unqualified = { ...judged(score96, 'buying'), playbookVersion: 0, grade: '' as const };
    const disqualified = {
      ...judged(score96, 'buying'),
      status: 'disqualified' as const,
      grade: '' as const,
    };
    const prospect = { ...judged(score96, 'buying'), status: 'prospect' as const, grade: '' as const };
    expect(gradeChanges(playbook, [unqualified, disqualified, prospect])).toEqual({
      considered: 1,
      changed: 1,
      transitions: [{ from: 'none', to: 'hot', count: 1 }],
    });
  });

  it('adds up the same way when fed in pages', () => {
    const stricter = withRule({ hotMinScore: 80 });
    const tally = createGradeTally(stricter);
    for (const record of records) tally.add([record]);
    expect(tally.summary()).toEqual(gradeChanges(stricter, records));
  });
});
