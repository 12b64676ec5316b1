import type { Campaign, CampaignTargets } from '../../domain/campaign';
import type { ForecastMonth } from '../pipeline';
import { expectedValue, forecastByMonth, isOpenOpportunity } from '../pipeline';
import type { LeadFacts, MetricStages } from './definitions';

/** What a campaign delivered, in the terms of its targets (see definitions.ts for each word). */
export type CampaignResults = {
  /** Inquiries: every record of the campaign, whatever became of it. */
  inquiries: number;
  relevantLeads: number;
  /** Records that became opportunities, open, won or lost since. */
  opportunities: number;
  /** Deal value of those opportunities. */
  opportunityValue: number;
  /** Won deals and their value (won revenue). */
  deals: number;
  dealValue: number;
  /** Open pipeline: leads at an open stage (pipeline.isOpenOpportunity), their value and expected revenue. */
  openPipelineCount: number;
  openPipelineValue: number;
  /** Sum of value x stage probability over the open pipeline (pipeline.expectedValue). */
  expectedOpenRevenue: number;
};

type ResultFacts = Pick<LeadFacts, 'status' | 'stageId' | 'value' | 'relevant' | 'convertedAt' | 'wonAt'>;

export const campaignResults = (facts: readonly ResultFacts[], stages: MetricStages): CampaignResults => {
  const results: CampaignResults = {
    inquiries: 0,
    relevantLeads: 0,
    opportunities: 0,
    opportunityValue: 0,
    deals: 0,
    dealValue: 0,
    openPipelineCount: 0,
    openPipelineValue: 0,
    expectedOpenRevenue: 0,
  };
  for (const fact of facts) {
    results.inquiries += 1;
    if (fact.relevant) results.relevantLeads += 1;
    if (fact.convertedAt > 0) {
      results.opportunities += 1;
      results.opportunityValue += fact.value;
    }
    if (fact.wonAt > 0) {
      results.deals += 1;
      results.dealValue += fact.value;
    }
    if (isOpenOpportunity(fact, stages)) {
      results.openPipelineCount += 1;
      results.openPipelineValue += fact.value;
      results.expectedOpenRevenue += expectedValue(fact, stages);
    }
  }
  return results;
};

export type TargetKey = keyof CampaignTargets;

export type TargetProgress = {
  key: TargetKey;
  label: string;
  kind: 'count' | 'money';
  target: number;
  actual: number;
  /** actual / target (1 = met, above 1 = exceeded); null when no target was set. */
  share: number | null;
};

const targetLabels: Record<TargetKey, { label: string; kind: TargetProgress['kind'] }> = {
  relevantLeads: { label: 'Relevant leads', kind: 'count' },
  opportunities: { label: 'Qualified opportunities', kind: 'count' },
  opportunityValue: { label: 'Opportunity value', kind: 'money' },
  deals: { label: 'Closed deals', kind: 'count' },
  dealValue: { label: 'Closed deal value', kind: 'money' },
};

/** Results against each target, in the order targets are set on the campaign form. */
export const targetProgress = (results: CampaignResults, targets: CampaignTargets): TargetProgress[] =>
  (Object.keys(targetLabels) as TargetKey[]).map((key) => {
    const actual = results[key];
    const target = targets[key];
    return { key, ...targetLabels[key], target, actual, share: target > 0 ? actual / target : null };
  });

/** Cost = the sum of the actual cost lines; the budget is the plan and is shown beside it, never used for it. */
export const campaignCost = (campaign: Pick<Campaign, 'costLines'>): number =>
  campaign.costLines.reduce((sum, line) => sum + line.amount, 0);

/** Cost per relevant lead = cost / relevant leads; null while there are none (not "infinitely expensive"). */
export const costPerRelevantLead = (cost: number, relevantLeads: number): number | null =>
  relevantLeads > 0 ? cost / relevantLeads : null;

export type CampaignRoi = {
  cost: number;
  wonRevenue: number;
  expectedOpenRevenue: number;
  /** (won revenue + expected revenue of the open pipeline - cost) / cost; null when no cost is recorded. */
  roi: number | null;
  /** (won revenue - cost) / cost: what is already in the bank. */
  wonOnlyRoi: number | null;
};

export const campaignRoi = (
  cost: number,
  results: Pick<CampaignResults, 'dealValue' | 'expectedOpenRevenue'>,
): CampaignRoi => ({
  cost,
  wonRevenue: results.dealValue,
  expectedOpenRevenue: results.expectedOpenRevenue,
  roi: cost > 0 ? (results.dealValue + results.expectedOpenRevenue - cost) / cost : null,
  wonOnlyRoi: cost > 0 ? (results.dealValue - cost) / cost : null,
});

/**
 * The inquiry funnel: inquiries (every record) -> relevant leads by grade (hot, warm, future; prospects have no
 * grade) -> opportunities -> won.
 */
export type CampaignFunnel = {
  inquiries: number;
  relevant: { hot: number; warm: number; future: number; prospect: number; total: number };
  opportunities: number;
  won: number;
};

export const campaignFunnel = (
  facts: readonly Pick<LeadFacts, 'relevant' | 'grade' | 'convertedAt' | 'wonAt'>[],
): CampaignFunnel => {
  const funnel: CampaignFunnel = {
    inquiries: 0,
    relevant: { hot: 0, warm: 0, future: 0, prospect: 0, total: 0 },
    opportunities: 0,
    won: 0,
  };
  for (const fact of facts) {
    funnel.inquiries += 1;
    if (fact.relevant) {
      funnel.relevant.total += 1;
      funnel.relevant[fact.grade === '' ? 'prospect' : fact.grade] += 1;
    }
    if (fact.convertedAt > 0) funnel.opportunities += 1;
    if (fact.wonAt > 0) funnel.won += 1;
  }
  return funnel;
};

/** The campaign's open pipeline by expected close month: the shared forecast rule on the campaign's records. */
export const campaignForecast = (
  facts: readonly Pick<LeadFacts, 'status' | 'stageId' | 'value' | 'expectedCloseMonth'>[],
  stages: MetricStages,
): ForecastMonth[] => forecastByMonth(facts, stages);
