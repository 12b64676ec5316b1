import type { LeadFacts } from './definitions';

export type FollowUpTally = {
  onTime: number;
  late: number;
  missed: number;
  /** Deadline not passed yet and no contact so far: not judged yet. */
  pending: number;
  /** Deadlines already decided: on time + late + missed. */
  judged: number;
  /** On-time follow-up rate = on time / (on time + late + missed); null while nothing is judged. */
  rate: number | null;
};

/** Counts how the follow-up deadlines of the given records were met (definitions.ts: followed up on time). */
export const onTimeFollowUpRate = (facts: readonly Pick<LeadFacts, 'followUp'>[]): FollowUpTally => {
  let onTime = 0;
  let late = 0;
  let missed = 0;
  let pending = 0;
  for (const fact of facts) {
    if (fact.followUp === 'on_time') onTime += 1;
    else if (fact.followUp === 'late') late += 1;
    else if (fact.followUp === 'missed') missed += 1;
    else if (fact.followUp === 'pending') pending += 1;
  }
  const judged = onTime + late + missed;
  return { onTime, late, missed, pending, judged, rate: judged > 0 ? onTime / judged : null };
};

/** The rate from counts, for week cells and totals; null when nothing is judged. */
export const followUpRateOf = (onTime: number, judged: number): number | null =>
  judged > 0 ? onTime / judged : null;
