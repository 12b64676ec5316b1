import { describe, expect, it } from 'vitest';
import { describeChanges } from '../../../src-shared/playbook/playbookChanges';
import { draftFromPlaybook } from '../../../src-shared/playbook/playbookDraft';
import { playbook } from '../domain/fixtures';

const base = draftFromPlaybook(playbook);

describe('describeChanges', () => {
  it('says nothing for an unchanged draft, whatever the order of its keys', () => {
    expect(describeChanges(base, draftFromPlaybook(playbook))).toEqual([]);
    // Documents come back from the server (jsonb) with their keys in another order.
    const reordered = draftFromPlaybook(playbook);
    reordered.followUp.deadlineByGrade = {
      future: { unit: 'days', amount: 10 },
      warm: { unit: 'days', amount: 3 },
      hot: { unit: 'hours', amount: 24 },
    };
    expect(describeChanges(base, reordered)).toEqual([]);
  });

  it('names each change in the words of the editor', () => {
    const draft = draftFromPlaybook(playbook);
    const need = draft.questions[0];
    const budget = draft.questions[2];
    if (need?.kind !== 'yesno' || budget?.kind !== 'choice') throw new Error('fixture changed');
    need.points = 30;
    budget.options[1] = { id: 'planned', label: 'Planned this year', points: 14 };
    draft.questions.push({
      id: 'q_new',
      kind: 'yesno',
      text: 'Do they run a pilot?',
      points: 5,
      requiredForLead: false,
    });
    draft.gradeRule.hotMinScore = 75;
    draft.gradeRule.maxGradeByBuyingStage.acceptance = 'hot';
    draft.followUp.deadlineByGrade.hot = { amount: 4, unit: 'hours' };
    draft.profileCriteria[0]!.weight = 40;
    draft.stages = draft.stages.filter((stage) => stage.id !== 'seminar_invited');
    draft.stages[0]!.lostReasons.push({ id: 'reason_x', label: 'Moved away' });
    draft.callOutcomes.reverse();

    expect(describeChanges(base, draft)).toEqual([
      '“Do they have a problem our product solves?”: “yes” worth 25 → 30 points',
      '“Is there a budget?”: option renamed: “Planned” → “Planned this year”',
      '“Is there a budget?”: “Planned this year”: 12 → 14 points',
      'Question added: “Do they run a pilot?”',
      'Hot from score 70 → 75',
      'Buying stage Acceptance: at most warm → hot',
      'Follow up hot leads within 24 hours → 4 hours',
      '“Industry”: weight 35 → 40',
      'Stage removed: “Seminar invited”',
      '“Qualified”: lost reason added: “Moved away”',
      'Call outcomes reordered',
    ]);
  });
});
