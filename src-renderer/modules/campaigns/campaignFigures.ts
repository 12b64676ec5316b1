import type { Campaign } from '../../../src-shared/domain/campaign';
import {
  campaignCost,
  campaignForecast,
  campaignFunnel,
  campaignResults,
  campaignRoi,
  costPerRelevantLead,
  onTimeFollowUpRate,
  targetProgress,
} from '../../../src-shared/rules/metrics';
import type {
  CampaignFunnel,
  CampaignResults,
  CampaignRoi,
  FollowUpTally,
  LeadFacts,
  MetricStages,
  TargetProgress,
} from '../../../src-shared/rules/metrics';
import type { ForecastMonth } from '../../../src-shared/rules/pipeline';

/** Every figure of a campaign page, from the shared formulas (src-shared/rules/metrics). */
export type CampaignFigures = {
  results: CampaignResults;
  targets: TargetProgress[];
  cost: number;
  /** Cost / budget; null without a budget. */
  budgetUsed: number | null;
  costPerRelevantLead: number | null;
  roi: CampaignRoi;
  funnel: CampaignFunnel;
  forecast: ForecastMonth[];
  followUp: FollowUpTally;
};

export const campaignFigures = (
  campaign: Campaign,
  facts: readonly LeadFacts[],
  stages: MetricStages,
): CampaignFigures => {
  const results = campaignResults(facts, stages);
  const cost = campaignCost(campaign);
  return {
    results,
    targets: targetProgress(results, campaign.targets),
    cost,
    budgetUsed: campaign.budget > 0 ? cost / campaign.budget : null,
    costPerRelevantLead: costPerRelevantLead(cost, results.relevantLeads),
    roi: campaignRoi(cost, results),
    funnel: campaignFunnel(facts),
    forecast: campaignForecast(facts, stages),
    followUp: onTimeFollowUpRate(facts),
  };
};

/** Facts grouped by campaign id ('' = no campaign), for the campaign list. */
export const factsByCampaign = (facts: readonly LeadFacts[]): Map<string, LeadFacts[]> => {
  const groups = new Map<string, LeadFacts[]>();
  for (const fact of facts) {
    const group = groups.get(fact.campaignId);
    if (group) group.push(fact);
    else groups.set(fact.campaignId, [fact]);
  }
  return groups;
};

export type CampaignPhase = 'planned' | 'running' | 'ended';

export const campaignPhase = (campaign: Pick<Campaign, 'startsAt' | 'endsAt'>, now: number): CampaignPhase =>
  now < campaign.startsAt ? 'planned' : now > campaign.endsAt ? 'ended' : 'running';

export const phaseLabels: Record<CampaignPhase, string> = {
  planned: 'Planned',
  running: 'Running',
  ended: 'Ended',
};
