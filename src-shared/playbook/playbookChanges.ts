import type { QualifyingQuestion } from '../domain/playbook';
import { buyingStageLabels, buyingStages, grades } from '../domain/vocabulary';
import type { PlaybookContent } from './playbookDraft';

/**
 * What a draft changes against the version it is based on, one sentence per change, shown before publishing so
 * the publisher confirms what every device of the team will receive. Items are matched by id, so renaming an
 * option reads as a rename, not as a removal and an addition.
 */

/** JSON equality where key order does not count: documents that went through the server come back reordered. */
const same = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b))
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => same(item, b[i]))
    );
  const keysA = Object.keys(a);
  const recordB = b as Record<string, unknown>;
  return (
    keysA.length === Object.keys(recordB).length &&
    keysA.every((key) => key in recordB && same((a as Record<string, unknown>)[key], recordB[key]))
  );
};

type Item = { id: string; label: string };

const listChanges = <T extends Item>(
  noun: string,
  before: readonly T[],
  after: readonly T[],
  details: (was: T, now: T) => string[] = () => [],
): string[] => {
  const changes: string[] = [];
  const beforeById = new Map(before.map((item) => [item.id, item]));
  const afterIds = new Set(after.map((item) => item.id));
  for (const item of before) if (!afterIds.has(item.id)) changes.push(`${noun} removed: “${item.label}”`);
  for (const item of after) {
    const was = beforeById.get(item.id);
    if (!was) {
      changes.push(`${noun} added: “${item.label}”`);
      continue;
    }
    if (was.label !== item.label) changes.push(`${noun} renamed: “${was.label}” → “${item.label}”`);
    changes.push(...details(was, item).map((detail) => `“${item.label}”: ${detail}`));
  }
  const kept = before.filter((item) => afterIds.has(item.id)).map((item) => item.id);
  const keptAfter = after.filter((item) => beforeById.has(item.id)).map((item) => item.id);
  if (!same(kept, keptAfter)) changes.push(`${noun}s reordered`);
  return changes;
};

const questionItem = (question: QualifyingQuestion) => ({ ...question, label: question.text });

const questionDetails = (was: QualifyingQuestion, now: QualifyingQuestion): string[] => {
  const details: string[] = [];
  if (was.requiredForLead !== now.requiredForLead)
    details.push(
      now.requiredForLead ? 'now part of the lead definition' : 'no longer part of the lead definition',
    );
  if (was.kind === 'yesno' && now.kind === 'yesno' && was.points !== now.points)
    details.push(`“yes” worth ${was.points} → ${now.points} points`);
  if (was.kind === 'choice' && now.kind === 'choice')
    details.push(
      ...listChanges('option', was.options, now.options, (a, b) =>
        a.points === b.points ? [] : [`${a.points} → ${b.points} points`],
      ),
    );
  if (was.kind === 'number' && now.kind === 'number') {
    if (!same(was.bands, now.bands)) details.push('scoring bands changed');
    if (was.unit !== now.unit) details.push(`unit “${was.unit}” → “${now.unit}”`);
  }
  return details;
};

const ruleChanges = (was: PlaybookContent, now: PlaybookContent): string[] => {
  const changes: string[] = [];
  const rule = (label: string, a: number, b: number) => {
    if (a !== b) changes.push(`${label} ${a} → ${b}`);
  };
  rule('Hot from score', was.gradeRule.hotMinScore, now.gradeRule.hotMinScore);
  rule('Warm from score', was.gradeRule.warmMinScore, now.gradeRule.warmMinScore);
  rule('Prospect from fit', was.gradeRule.prospectMinFit, now.gradeRule.prospectMinFit);
  for (const stage of buyingStages) {
    const a = was.gradeRule.maxGradeByBuyingStage[stage];
    const b = now.gradeRule.maxGradeByBuyingStage[stage];
    if (a !== b) changes.push(`Buying stage ${buyingStageLabels[stage]}: at most ${a} → ${b}`);
  }
  for (const grade of grades) {
    const a = was.followUp.deadlineByGrade[grade];
    const b = now.followUp.deadlineByGrade[grade];
    if (!same(a, b))
      changes.push(`Follow up ${grade} leads within ${a.amount} ${a.unit} → ${b.amount} ${b.unit}`);
  }
  if (was.followUp.businessDays !== now.followUp.businessDays)
    changes.push(now.followUp.businessDays ? 'Deadlines count business days' : 'Deadlines count every day');
  rule('Nurture revisit after days', was.followUp.nurtureRevisitDays, now.followUp.nurtureRevisitDays);
  return changes;
};

export const describeChanges = (was: PlaybookContent, now: PlaybookContent): string[] => [
  ...(was.name === now.name ? [] : [`Name “${was.name}” → “${now.name}”`]),
  ...listChanges('Question', was.questions.map(questionItem), now.questions.map(questionItem), (a, b) =>
    questionDetails(a, b),
  ),
  ...ruleChanges(was, now),
  ...listChanges(
    'Profile criterion',
    was.profileCriteria.map((criterion) => ({ ...criterion, id: criterion.field })),
    now.profileCriteria.map((criterion) => ({ ...criterion, id: criterion.field })),
    (a, b) => [
      ...(a.weight === b.weight ? [] : [`weight ${a.weight} → ${b.weight}`]),
      ...listChanges('value', a.values, b.values, (x, y) =>
        x.fit === y.fit ? [] : [`fit ${x.fit} → ${y.fit}`],
      ),
    ],
  ),
  ...listChanges('Stage', was.stages, now.stages, (a, b) => [
    ...(a.probability === b.probability ? [] : [`probability ${a.probability}% → ${b.probability}%`]),
    ...(a.outcome === b.outcome ? [] : [`outcome ${a.outcome} → ${b.outcome}`]),
    ...(a.requiresValue === b.requiresValue && a.requiresCloseMonth === b.requiresCloseMonth
      ? []
      : ['required fields changed']),
    ...listChanges('lost reason', a.lostReasons, b.lostReasons),
  ]),
  ...listChanges('Disqualification reason', was.disqualifyReasons, now.disqualifyReasons),
  ...listChanges('Call outcome', was.callOutcomes, now.callOutcomes),
];
