import type { z } from 'zod';
import { newId } from '../domain/ids';
import type { Playbook, QualifyingQuestion } from '../domain/playbook';
import { playbookSchema } from '../domain/playbook';

/**
 * Editing the lead definition: a draft is the editable content of a playbook (everything but the document facts),
 * validated by the shared zod schema plus the rules a playbook needs to work (below). Publishing turns a valid
 * draft into a NEW playbook document one version up; the old version is never edited, so every record keeps the
 * version that judged it.
 */
const documentFacts = {
  id: true,
  createdAt: true,
  updatedAt: true,
  ownerId: true,
  teamId: true,
  version: true,
  publishedAt: true,
} as const;

export const playbookContentSchema = playbookSchema.omit(documentFacts);
export type PlaybookContent = z.infer<typeof playbookContentSchema>;

/** One problem of a draft, addressed by the path of the form field (or list) it belongs to. */
export type DraftProblem = { path: (string | number)[]; message: string };

// Playbooks are plain JSON; src-shared compiles without DOM or Node types, so no structuredClone.
const copyOf = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The editable content of a published playbook, deep-copied so edits never touch the stored document. */
export const draftFromPlaybook = (playbook: Playbook): PlaybookContent =>
  copyOf({
    name: playbook.name,
    questions: playbook.questions,
    gradeRule: playbook.gradeRule,
    profileCriteria: playbook.profileCriteria,
    stages: playbook.stages,
    disqualifyReasons: playbook.disqualifyReasons,
    callOutcomes: playbook.callOutcomes,
    followUp: playbook.followUp,
  });

/** An id for an item added in the editor: unique, short, and never shown (records store ids, not labels). */
export const newItemId = (prefix: string): string => `${prefix}_${newId().slice(-12).toLowerCase()}`;

/** The most a question can earn; a question worth nothing can never count towards a grade or the lead definition. */
export const maxPoints = (question: QualifyingQuestion): number => {
  switch (question.kind) {
    case 'yesno':
      return question.points;
    case 'choice':
      return Math.max(0, ...question.options.map((option) => option.points));
    case 'number':
      return Math.max(0, ...question.bands.map((band) => band.points));
  }
};

const normalized = (label: string) => label.trim().toLowerCase();

/**
 * Reports every item after the first whose key repeats: ids (records store them, so two items with one id would
 * be indistinguishable) and labels (a rep could not tell two "Approved" options apart).
 */
const repeats = <T>(
  items: readonly T[],
  key: (item: T) => string | number,
  path: (index: number) => (string | number)[],
  message: (item: T) => string,
): DraftProblem[] => {
  const seen = new Set<string | number>();
  const problems: DraftProblem[] = [];
  items.forEach((item, index) => {
    const value = key(item);
    if (seen.has(value)) problems.push({ path: path(index), message: message(item) });
    seen.add(value);
  });
  return problems;
};

const reasonListProblems = (
  reasons: readonly { id: string; label: string }[],
  at: (string | number)[],
): DraftProblem[] => [
  ...repeats(
    reasons,
    (reason) => reason.id,
    (index) => [...at, index, 'label'],
    () => 'Two entries share one id; remove this one and add it again.',
  ),
  ...repeats(
    reasons,
    (reason) => normalized(reason.label),
    (index) => [...at, index, 'label'],
    (reason) => `“${reason.label.trim()}” is already on this list.`,
  ),
];

const questionProblems = (questions: PlaybookContent['questions']): DraftProblem[] => {
  const problems: DraftProblem[] = [
    ...repeats(
      questions,
      (question) => question.id,
      (index) => ['questions', index, 'text'],
      () => 'Two questions share one id; remove this one and add it again.',
    ),
    ...repeats(
      questions,
      (question) => normalized(question.text),
      (index) => ['questions', index, 'text'],
      () => 'This question is asked twice.',
    ),
  ];
  if (!questions.some((question) => question.requiredForLead))
    problems.push({
      path: ['questions'],
      message: 'Mark at least one question as part of the lead definition.',
    });
  questions.forEach((question, index) => {
    const at = ['questions', index];
    if (question.kind === 'yesno' && question.points <= 0)
      problems.push({ path: [...at, 'points'], message: 'A “yes” must be worth more than 0 points.' });
    if (question.kind === 'choice') {
      if (maxPoints(question) <= 0)
        problems.push({ path: [...at, 'options'], message: 'At least one option must be worth points.' });
      problems.push(...reasonListProblems(question.options, [...at, 'options']));
    }
    if (question.kind === 'number') {
      if (maxPoints(question) <= 0)
        problems.push({ path: [...at, 'bands'], message: 'At least one band must be worth points.' });
      problems.push(
        ...repeats(
          question.bands,
          (band) => band.min,
          (bandIndex) => [...at, 'bands', bandIndex, 'min'],
          (band) => `Another band already starts at ${band.min}.`,
        ),
      );
    }
  });
  return problems;
};

const profileProblems = (criteria: PlaybookContent['profileCriteria']): DraftProblem[] => {
  const problems: DraftProblem[] = repeats(
    criteria,
    (criterion) => criterion.field,
    (index) => ['profileCriteria', index, 'field'],
    () => 'Each profile field can be a criterion only once.',
  );
  if (criteria.length > 0 && criteria.every((criterion) => criterion.weight <= 0))
    problems.push({
      path: ['profileCriteria'],
      message: 'Give at least one criterion a weight, or every contact would fit 0.',
    });
  criteria.forEach((criterion, index) =>
    problems.push(...reasonListProblems(criterion.values, ['profileCriteria', index, 'values'])),
  );
  return problems;
};

const stageProblems = (stages: PlaybookContent['stages']): DraftProblem[] => {
  const problems: DraftProblem[] = reasonListProblems(stages, ['stages']);
  if (!stages.some((stage) => stage.outcome === 'open'))
    problems.push({ path: ['stages'], message: 'Add at least one open stage for leads to be worked in.' });
  for (const outcome of ['won', 'lost'] as const) {
    const closing = stages.flatMap((stage, index) => (stage.outcome === outcome ? [index] : []));
    if (closing.length === 0)
      problems.push({ path: ['stages'], message: `Add exactly one ${outcome} stage; there is none.` });
    for (const index of closing.slice(1))
      problems.push({
        path: ['stages', index, 'outcome'],
        message: `Only one stage can be ${outcome}; “${stages[closing[0] ?? 0]?.label ?? ''}” already is.`,
      });
  }
  if (stages[0] && stages[0].outcome !== 'open')
    problems.push({
      path: ['stages', 0, 'outcome'],
      message: 'New leads start at the first stage, so it must be open.',
    });
  stages.forEach((stage, index) => {
    const at = ['stages', index, 'lostReasons'];
    // A lead lost at a stage needs a reason agreed for that stage (moveToStage refuses it otherwise).
    if (stage.outcome === 'open' && stage.lostReasons.length === 0)
      problems.push({ path: at, message: 'Agree at least one reason for losing a lead at this stage.' });
    problems.push(...reasonListProblems(stage.lostReasons, at));
  });
  return problems;
};

/** What the zod schema cannot say: the rules that make a playbook usable by reps and by the qualification rules. */
export const playbookDraftProblems = (draft: PlaybookContent): DraftProblem[] => {
  const problems: DraftProblem[] = [
    ...questionProblems(draft.questions),
    ...profileProblems(draft.profileCriteria),
    ...stageProblems(draft.stages),
    ...reasonListProblems(draft.disqualifyReasons, ['disqualifyReasons']),
    ...reasonListProblems(draft.callOutcomes, ['callOutcomes']),
  ];
  const { hotMinScore, warmMinScore } = draft.gradeRule;
  if (warmMinScore >= hotMinScore)
    problems.push({
      path: ['gradeRule', 'hotMinScore'],
      message: `Hot must start above warm (${warmMinScore}).`,
    });
  return problems;
};

/** The draft schema the editor's form validates with: the shared schema plus the rules above. */
export const playbookDraftSchema = playbookContentSchema.superRefine((draft, context) => {
  for (const problem of playbookDraftProblems(draft))
    context.addIssue({ code: 'custom', path: problem.path, message: problem.message });
});

/** Messages in words a manager understands for zod's generic number and list checks (labels bring their own). */
export const draftErrorMessages: z.core.$ZodErrorMap = (issue) => {
  // A blank number field arrives as NaN; a fraction where a whole number belongs fails the 'int' check.
  if (issue.code === 'invalid_type' && issue.expected === 'int') return 'Enter a whole number.';
  if (issue.code === 'invalid_type' && issue.expected === 'number') return 'Enter a number.';
  if (issue.code === 'too_small' && issue.origin === 'number')
    return `Enter ${String(issue.minimum)} or more.`;
  if (issue.code === 'too_big' && issue.origin === 'number') return `Enter at most ${String(issue.maximum)}.`;
  if (issue.code === 'too_small' && issue.origin === 'array') return `Add at least ${String(issue.minimum)}.`;
  return undefined;
};

export type DraftValidation =
  { ok: true; content: PlaybookContent } | { ok: false; problems: DraftProblem[] };

export const validatePlaybookDraft = (draft: unknown): DraftValidation => {
  const parsed = playbookDraftSchema.safeParse(draft, { error: draftErrorMessages });
  if (parsed.success) return { ok: true, content: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
      message: issue.message,
    })),
  };
};

/**
 * A lost reason added to a stage reuses the id of the same reason elsewhere ("Chose a competitor" is one reason
 * whichever stage it is lost at), so marketing's lost-reason reports count it as one.
 */
export const alignLostReasonIds = (
  base: Pick<Playbook, 'stages'>,
  draft: PlaybookContent,
): PlaybookContent => {
  const known = new Map<string, string>();
  const knownIds = new Set<string>();
  for (const stage of [...base.stages, ...draft.stages])
    for (const reason of stage.lostReasons) {
      if (!known.has(normalized(reason.label))) known.set(normalized(reason.label), reason.id);
    }
  for (const stage of base.stages) for (const reason of stage.lostReasons) knownIds.add(reason.id);
  return {
    ...draft,
    stages: draft.stages.map((stage) => {
      const used = new Set(stage.lostReasons.map((reason) => reason.id));
      return {
        ...stage,
        lostReasons: stage.lostReasons.map((reason) => {
          if (knownIds.has(reason.id)) return reason;
          const id = known.get(normalized(reason.label));
          if (!id || id === reason.id || used.has(id)) return reason;
          used.add(id);
          return { ...reason, id };
        }),
      };
    }),
  };
};

/**
 * The next version of a team's playbook: a new document (new id, version + 1, same team, published now by the
 * publisher). `current` must be the newest version; the caller checks that no one published meanwhile.
 */
export const nextVersion = (
  current: Playbook,
  draft: PlaybookContent,
  publisher: { id: string },
  now: number,
  id: string = newId(now),
): Playbook =>
  playbookSchema.parse({
    ...alignLostReasonIds(current, draft),
    id,
    teamId: current.teamId,
    ownerId: publisher.id,
    createdAt: now,
    updatedAt: now,
    version: current.version + 1,
    publishedAt: now,
  });
