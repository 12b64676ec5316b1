import type { Lead } from '../domain/lead';
import type { Playbook } from '../domain/playbook';
import type { Grade } from '../domain/vocabulary';
import { qualify } from '../rules/qualification';

/**
 * "What would this draft do to our leads?": re-runs the qualification with a draft playbook on the answers,
 * profile and buying stage each record has stored, and compares the grade with the one it carries now. Nothing
 * is written: publishing never re-grades records, they keep the version that judged them.
 */

/** A grade, or 'none' for a record that has no grade (or would have none: the lead definition is not met). */
export type GradeOrNone = Grade | 'none';

/** The fields of a lead the preview needs; kept small so 50,000 of them fit in memory cheaply. */
export type GradedRecord = Pick<
  Lead,
  'status' | 'grade' | 'playbookVersion' | 'answers' | 'profile' | 'buyingStage'
>;

export type GradeTransition = { from: GradeOrNone; to: GradeOrNone; count: number };

export type GradeChangeSummary = {
  /** Qualified records looked at. */
  considered: number;
  /** Of those, how many would get another grade. */
  changed: number;
  /** Most frequent first. */
  transitions: GradeTransition[];
};

/**
 * Records the preview counts: judged by some playbook version (playbookVersion > 0) and not disqualified. A
 * disqualified record was ruled out by a person with a reason; re-grading its answers says nothing about it.
 */
export const countsForPreview = (record: Pick<GradedRecord, 'status' | 'playbookVersion'>): boolean =>
  record.playbookVersion > 0 && record.status !== 'disqualified';

/** The grade a record would carry if it were qualified again under `playbook`. */
export const gradeUnder = (playbook: Playbook, record: GradedRecord): GradeOrNone =>
  qualify(playbook, { answers: record.answers, profile: record.profile, buyingStage: record.buyingStage })
    .grade ?? 'none';

export type GradeTally = {
  add(records: Iterable<GradedRecord>): void;
  summary(): GradeChangeSummary;
};

/** Counts grade changes incrementally, so a caller can feed records in pages and yield in between. */
export const createGradeTally = (playbook: Playbook): GradeTally => {
  let considered = 0;
  let changed = 0;
  const byTransition = new Map<string, GradeTransition>();
  return {
    add(records) {
      for (const record of records) {
        if (!countsForPreview(record)) continue;
        considered += 1;
        const from: GradeOrNone = record.grade === '' ? 'none' : record.grade;
        const to = gradeUnder(playbook, record);
        if (from === to) continue;
        changed += 1;
        const key = `${from}>${to}`;
        const transition = byTransition.get(key);
        if (transition) transition.count += 1;
        else byTransition.set(key, { from, to, count: 1 });
      }
    },
    summary: () => ({
      considered,
      changed,
      transitions: [...byTransition.values()]
        .map((transition) => ({ ...transition }))
        .sort((a, b) => b.count - a.count || `${a.from}${a.to}`.localeCompare(`${b.from}${b.to}`)),
    }),
  };
};

/** Grade changes of `records` under a draft playbook, in one go (small sets and tests). */
export const gradeChanges = (playbook: Playbook, records: Iterable<GradedRecord>): GradeChangeSummary => {
  const tally = createGradeTally(playbook);
  tally.add(records);
  return tally.summary();
};
