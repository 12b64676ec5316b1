import { describe, expect, it } from 'vitest';
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
import { fairCampaign, factsOf, stages } from './officeFixture';

// Every expected value below is worked out by hand from the table in officeFixture.ts.
const fair = factsOf('camp-fair');
const results = campaignResults(fair, stages);

describe('campaign results against targets (camp-fair)', () => {
  it('counts inquiries, relevant leads, opportunities and deals', () => {
    expect(results).toEqual({
      // L1..L12: every record of the campaign
      inquiries: 12,
      // L1 L2 L3 L4 L5 L6 L12 (in sales) + L7 (nurture, future) + L8 (prospect) = 9;
      // not L9 (nurture, no grade), L10 (disqualified), L11 (inquiry)
      relevantLeads: 9,
      // L1 (proposal move), L2 (demo move), L4 (demo move, lost later), L6 (at negotiation, no moves here) = 4;
      // not L12 (lost from the first stage), L3 and L5 (still at the first stage)
      opportunities: 4,
      // 40,000 (L1) + 20,000 (L2) + 0 (L4) + 30,000 (L6)
      opportunityValue: 90_000,
      // L1
      deals: 1,
      dealValue: 40_000,
      // open stages now: L2 proposal, L3 qualified, L5 qualified, L6 negotiation
      openPipelineCount: 4,
      // 20,000 + 0 + 0 + 30,000
      openPipelineValue: 50_000,
      // 20,000 x 60 % + 0 x 10 % + 0 x 10 % + 30,000 x 80 % = 12,000 + 24,000
      expectedOpenRevenue: 36_000,
    });
  });

  it('compares each result with its target', () => {
    expect(targetProgress(results, fairCampaign.targets)).toEqual([
      { key: 'relevantLeads', label: 'Relevant leads', kind: 'count', target: 10, actual: 9, share: 0.9 },
      {
        key: 'opportunities',
        label: 'Qualified opportunities',
        kind: 'count',
        target: 4,
        actual: 4,
        share: 1,
      },
      // 90,000 / 100,000
      {
        key: 'opportunityValue',
        label: 'Opportunity value',
        kind: 'money',
        target: 100_000,
        actual: 90_000,
        share: 0.9,
      },
      { key: 'deals', label: 'Closed deals', kind: 'count', target: 2, actual: 1, share: 0.5 },
      // 40,000 / 50,000
      {
        key: 'dealValue',
        label: 'Closed deal value',
        kind: 'money',
        target: 50_000,
        actual: 40_000,
        share: 0.8,
      },
    ]);
  });

  it('has no share for a target that was not set', () => {
    const progress = targetProgress(results, { ...fairCampaign.targets, deals: 0 });
    expect(progress.find((row) => row.key === 'deals')?.share).toBeNull();
  });
});

describe('cost, cost per relevant lead and ROI', () => {
  // 6,000 + 1,500 + 500; the budget of 10,000 is the plan and is not used
  const cost = campaignCost(fairCampaign);

  it('sums the cost lines', () => {
    expect(cost).toBe(8_000);
    expect(campaignCost({ costLines: [] })).toBe(0);
  });

  it('divides the cost by the relevant leads', () => {
    // 8,000 / 9 = 888.89
    expect(costPerRelevantLead(cost, results.relevantLeads)).toBeCloseTo(888.888_9, 3);
    expect(costPerRelevantLead(cost, 0)).toBeNull();
  });

  it('weighs won and expected revenue against the cost', () => {
    expect(campaignRoi(cost, results)).toEqual({
      cost: 8_000,
      wonRevenue: 40_000,
      expectedOpenRevenue: 36_000,
      // (40,000 + 36,000 - 8,000) / 8,000 = 68,000 / 8,000
      roi: 8.5,
      // (40,000 - 8,000) / 8,000 = 32,000 / 8,000
      wonOnlyRoi: 4,
    });
  });

  it('has no ROI without a recorded cost', () => {
    expect(campaignRoi(0, results)).toMatchObject({ roi: null, wonOnlyRoi: null });
  });
});

describe('inquiry funnel and forecast', () => {
  it('narrows from inquiries to won', () => {
    expect(campaignFunnel(fair)).toEqual({
      inquiries: 12,
      // hot: L1 L4 L6 L12; warm: L2 L3 L5; future: L7; prospect (no grade): L8
      relevant: { hot: 4, warm: 3, future: 1, prospect: 1, total: 9 },
      opportunities: 4,
      won: 1,
    });
  });

  it('forecasts the open pipeline by close month', () => {
    expect(campaignForecast(fair, stages)).toEqual([
      // L6: 30,000 x 80 %
      { month: '2026-12', expected: 24_000, value: 30_000, count: 1 },
      // L2: 20,000 x 60 %
      { month: '2027-01', expected: 12_000, value: 20_000, count: 1 },
      // L3, L5: no value, no month yet
      { month: '', expected: 0, value: 0, count: 2 },
    ]);
  });
});

describe('on-time follow-up rate', () => {
  it('judges each deadline by the owner’s first contact', () => {
    expect(onTimeFollowUpRate(fair)).toEqual({
      // on time: L1 (Mon 14:00 <= Tue 10:00), L6 (Tue 09:00 <= Tue 10:00), L12 (Tue 15:00 <= Wed 14:00)
      onTime: 3,
      // late: L2 (Fri 09:00 > Thu 11:00), L4 (owner Tue 10:00 > Tue 09:00; the manager's call does not count)
      late: 2,
      // missed: L3 (no contact, Fri 20 09:00 passed)
      missed: 1,
      // pending: L5 (due Mon 30)
      pending: 1,
      judged: 6,
      // 3 / (3 + 2 + 1)
      rate: 0.5,
    });
  });

  it('has no rate while nothing is judged', () => {
    expect(onTimeFollowUpRate([{ followUp: 'pending' }, { followUp: 'no_deadline' }]).rate).toBeNull();
  });
});
