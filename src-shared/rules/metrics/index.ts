export {
  assignedAt,
  convertedAt,
  isOpportunityStage,
  isRelevantLead,
  isWonStage,
  leadFacts,
  stageMovesOf,
  wonAt,
} from './definitions';
export type { FactsLead, FollowUpJudgement, LeadFacts, MetricStages, StageMove } from './definitions';
export {
  campaignCost,
  campaignForecast,
  campaignFunnel,
  campaignResults,
  campaignRoi,
  costPerRelevantLead,
  targetProgress,
} from './campaignResults';
export type {
  CampaignFunnel,
  CampaignResults,
  CampaignRoi,
  TargetKey,
  TargetProgress,
} from './campaignResults';
export { followUpRateOf, onTimeFollowUpRate } from './followUpRate';
export type { FollowUpTally } from './followUpRate';
export { emptyWeekFigures, scoreboardByWeek } from './scoreboard';
export type { ScoreboardGrouping, ScoreboardOptions, ScoreboardRow, WeekFigures } from './scoreboard';
export { competitionPoints, leaderboardPoints, pointsFor } from './points';
export type { LeaderboardEntry, PointsRule } from './points';
export { isoWeekOf, isoWeekOfDay, recentIsoWeeks, weekMondayUtc } from './weeks';
export type { IsoWeek, UtcOffset } from './weeks';
