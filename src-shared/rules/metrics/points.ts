import type { ScoreboardRow, WeekFigures } from './scoreboard';

/** Points of the sales competition; stated on the leaderboard exactly as here. */
export type PointsRule = { onTimeFollowUp: number; conversion: number; won: number };

/**
 * Follow-up is what the process most needs from reps, so it scores on every lead; conversion and wins score more
 * because they are rarer and worth more.
 */
export const competitionPoints: PointsRule = { onTimeFollowUp: 3, conversion: 5, won: 10 };

/** Points = on-time follow-ups x 3 + conversions x 5 + won deals x 10 (with the default rule). */
export const pointsFor = (
  figures: Pick<WeekFigures, 'followedUpOnTime' | 'converted' | 'won'>,
  rule: PointsRule = competitionPoints,
): number =>
  figures.followedUpOnTime * rule.onTimeFollowUp +
  figures.converted * rule.conversion +
  figures.won * rule.won;

export type LeaderboardEntry = {
  key: string;
  /** 1 for the leader; equal points share a rank (1, 1, 3). */
  rank: number;
  points: number;
  figures: WeekFigures;
};

/** Ranks the rows by points over their totals; ties keep the rows' order (stable). */
export const leaderboardPoints = (
  rows: readonly Pick<ScoreboardRow, 'key' | 'total'>[],
  rule: PointsRule = competitionPoints,
): LeaderboardEntry[] => {
  const scored = rows
    .map((row, order) => ({ key: row.key, order, points: pointsFor(row.total, rule), figures: row.total }))
    .sort((a, b) => b.points - a.points || a.order - b.order);
  let rank = 0;
  let previous = Number.NaN;
  return scored.map((entry, index) => {
    if (entry.points !== previous) rank = index + 1;
    previous = entry.points;
    return { key: entry.key, rank, points: entry.points, figures: entry.figures };
  });
};
