import { create } from 'zustand';
import type { ScoreboardGrouping, WeekFigures } from '../../../src-shared/rules/metrics';

export type ScoreboardMode = 'weekly' | 'leaderboard';
export type WeekCount = 4 | 8 | 12;
/** The figure the weekly chart plots. */
export type ChartFigure = Exclude<keyof WeekFigures, 'followUpsJudged'>;

/** UI state of the scoreboard, kept while the user opens a campaign and comes back. */
type ScoreboardViewState = {
  groupBy: ScoreboardGrouping;
  mode: ScoreboardMode;
  weekCount: WeekCount;
  /** Only this campaign's records ('' = all); offered when showing reps. */
  campaignId: string;
  /** Only this owner's records ('' = all); offered when showing campaigns. */
  ownerId: string;
  chartFigure: ChartFigure;
  set(patch: Partial<Omit<ScoreboardViewState, 'set'>>): void;
};

export const useScoreboardView = create<ScoreboardViewState>()((set) => ({
  groupBy: 'rep',
  mode: 'weekly',
  weekCount: 8,
  campaignId: '',
  ownerId: '',
  chartFigure: 'converted',
  set: (patch) => set(patch),
}));
