import { describe, expect, it } from 'vitest';
import { playbookSchema } from '../../../src-shared/domain/playbook';
import type { PlaybookContent } from '../../../src-shared/playbook/playbookDraft';
import {
  alignLostReasonIds,
  draftFromPlaybook,
  newItemId,
  nextVersion,
  playbookDraftProblems,
  validatePlaybookDraft,
} from '../../../src-shared/playbook/playbookDraft';
import { now, playbook } from '../domain/fixtures';

const draft = (): PlaybookContent => draftFromPlaybook(playbook);

const problemsOf = (content: PlaybookContent) =>
  playbookDraftProblems(content).map((problem) => [problem.path.join('.'), problem.message]);

describe('draftFromPlaybook', () => {
  it('copies the editable content, so editing the draft never touches the published version', () => {
    const content = draft();
    expect(content).not.toHaveProperty('version');
    expect(content).not.toHaveProperty('id');
    content.gradeRule.hotMinScore = 99;
    content.questions.pop();
    expect(playbook.gradeRule.hotMinScore).toBe(70);
    expect(playbook.questions).toHaveLength(5);
  });
});

describe('playbookDraftProblems', () => {
  it('finds nothing wrong with the default playbook', () => {
    expect(playbookDraftProblems(draft())).toEqual([]);
    expect(validatePlaybookDraft(draft())).toMatchObject({ ok: true });
  });

  it('wants hot to start above warm', () => {
    const content = draft();
    content.gradeRule.warmMinScore = 70;
    expect(problemsOf(content)).toEqual([['gradeRule.hotMinScore', 'Hot must start above warm (70).']]);
  });

  it('wants one open, exactly one won and exactly one lost stage, and new leads starting at an open one', () => {
    const noWon = draft();
    noWon.stages = noWon.stages.filter((stage) => stage.outcome !== 'won');
    expect(problemsOf(noWon)).toEqual([['stages', 'Add exactly one won stage; there is none.']]);

    const twoLost = draft();
    twoLost.stages.push({ ...twoLost.stages[6]!, id: 'lost_2', label: 'Lost to nobody' });
    expect(problemsOf(twoLost)).toEqual([
      ['stages.7.outcome', 'Only one stage can be lost; “Lost” already is.'],
    ]);

    const closedOnly = draft();
    closedOnly.stages = closedOnly.stages.filter((stage) => stage.outcome !== 'open');
    expect(problemsOf(closedOnly)).toEqual([
      ['stages', 'Add at least one open stage for leads to be worked in.'],
      ['stages.0.outcome', 'New leads start at the first stage, so it must be open.'],
    ]);
  });

  it('wants lost reasons agreed for every open stage', () => {
    const content = draft();
    content.stages[2]!.lostReasons = [];
    expect(problemsOf(content)).toEqual([
      ['stages.2.lostReasons', 'Agree at least one reason for losing a lead at this stage.'],
    ]);
  });

  it('refuses questions worth nothing and a lead definition without questions', () => {
    const content = draft();
    const need = content.questions[0];
    const budget = content.questions[2];
    const seats = content.questions[4];
    if (need?.kind !== 'yesno' || budget?.kind !== 'choice' || seats?.kind !== 'number')
      throw new Error('fixture changed');
    need.points = 0;
    need.requiredForLead = false;
    budget.options = budget.options.map((option) => ({ ...option, points: 0 }));
    seats.bands = [{ min: 1, points: 0 }];
    expect(problemsOf(content)).toEqual([
      ['questions', 'Mark at least one question as part of the lead definition.'],
      ['questions.0.points', 'A “yes” must be worth more than 0 points.'],
      ['questions.2.options', 'At least one option must be worth points.'],
      ['questions.4.bands', 'At least one band must be worth points.'],
    ]);
  });

  it('refuses repeated ids, labels, bands and profile fields', () => {
    const content = draft();
    content.questions.push({ ...content.questions[0]!, id: 'need_again' });
    content.callOutcomes.push({ id: 'reached', label: 'Reached again' });
    content.disqualifyReasons.push({ id: 'other', label: ' competitor ' });
    const seats = content.questions[4];
    if (seats?.kind !== 'number') throw new Error('fixture changed');
    seats.bands.push({ min: 10, points: 8 });
    content.profileCriteria.push({ ...content.profileCriteria[0]!, label: 'Sector' });
    expect(problemsOf(content)).toEqual([
      ['questions.5.text', 'This question is asked twice.'],
      ['questions.4.bands.3.min', 'Another band already starts at 10.'],
      ['profileCriteria.4.field', 'Each profile field can be a criterion only once.'],
      ['disqualifyReasons.5.label', '“competitor” is already on this list.'],
      ['callOutcomes.6.label', 'Two entries share one id; remove this one and add it again.'],
    ]);
  });

  it('wants some weight in the ideal prospect profile', () => {
    const content = draft();
    content.profileCriteria = content.profileCriteria.map((criterion) => ({ ...criterion, weight: 0 }));
    expect(problemsOf(content)).toEqual([
      ['profileCriteria', 'Give at least one criterion a weight, or every contact would fit 0.'],
    ]);
    expect(problemsOf({ ...content, profileCriteria: [] })).toEqual([]);
  });
});

describe('validatePlaybookDraft', () => {
  it('says what is wrong in words, at the field the form shows', () => {
    const content = draft() as unknown as Record<string, unknown> & PlaybookContent;
    content.gradeRule.hotMinScore = Number.NaN;
    content.followUp.nurtureRevisitDays = 1.5;
    content.stages[1]!.probability = 120;
    content.stages[1]!.label = '   ';
    content.callOutcomes = [];
    const result = validatePlaybookDraft(content);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => [problem.path.join('.'), problem.message])).toEqual(
      expect.arrayContaining([
        ['gradeRule.hotMinScore', 'Enter a number.'],
        ['followUp.nurtureRevisitDays', 'Enter a whole number.'],
        ['stages.1.probability', 'Enter at most 100.'],
        ['stages.1.label', 'Stage is required'],
        ['callOutcomes', 'Add at least 1.'],
      ]),
    );
  });

  it('trims what was typed', () => {
    const content = draft();
    content.name = '  Trade show definition ';
    const result = validatePlaybookDraft(content);
    expect(result.ok && result.content.name).toBe('Trade show definition');
  });
});

describe('nextVersion', () => {
  it('makes a new document one version up, published now by the publisher, for the same team', () => {
    const content = draft();
    content.gradeRule.hotMinScore = 80;
    const later = now + 86_400_000;
    const next = nextVersion(playbook, content, { id: 'manager-2' }, later, 'pb-2');
    expect(next).toMatchObject({
      id: 'pb-2',
      teamId: playbook.teamId,
      ownerId: 'manager-2',
      version: 2,
      publishedAt: later,
      createdAt: later,
      updatedAt: later,
      gradeRule: { hotMinScore: 80 },
    });
    expect(playbookSchema.safeParse(next).success).toBe(true);
    expect(playbook.version).toBe(1);
    expect(nextVersion(next, content, { id: 'manager-1' }, later + 1).version).toBe(3);
  });

  it('gives a new id to every published version', () => {
    const first = nextVersion(playbook, draft(), { id: 'manager-1' }, now);
    const second = nextVersion(playbook, draft(), { id: 'manager-1' }, now);
    expect(first.id).not.toBe(second.id);
    expect(first.id).not.toBe(playbook.id);
  });
});

describe('alignLostReasonIds', () => {
  it('reuses the id of a reason agreed at another stage when a stage gets the same reason', () => {
    const content = draft();
    content.stages[0]!.lostReasons.push({ id: newItemId('reason'), label: 'chose a competitor ' });
    content.stages[1]!.lostReasons.push({ id: newItemId('reason'), label: 'Budget frozen' });
    const aligned = alignLostReasonIds(playbook, content);
    expect(aligned.stages[0]!.lostReasons.at(-1)).toEqual({ id: 'competitor', label: 'chose a competitor ' });
    expect(aligned.stages[1]!.lostReasons.at(-1)?.id).toMatch(/^reason_/);
  });

  it('never touches reasons that were already published, nor repeats an id on one stage', () => {
    const content = draft();
    content.stages[3]!.lostReasons.push({ id: newItemId('reason'), label: 'Chose a competitor' });
    const aligned = alignLostReasonIds(playbook, content);
    expect(
      aligned.stages[3]!.lostReasons.map((reason) => reason.id).filter((id) => id === 'competitor'),
    ).toEqual(['competitor']);
    expect(aligned.stages.slice(0, 3)).toEqual(content.stages.slice(0, 3));
  });
});
