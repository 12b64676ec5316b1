import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../src-shared/domain/activity';
import type { Lead } from '../../../src-shared/domain/lead';
import {
  disqualificationEvents,
  insightTagSummary,
  lostEvents,
  reasonBreakdown,
} from '../../../src-shared/rules/insights';
import { capturedLead, now, playbook } from '../domain/fixtures';
import { activity, day, leadInSales } from '../rules/ruleFixtures';

const stageMove = (leadId: string, target: string, daysAgo: number): Activity =>
  activity({ leadId, kind: 'note', outcomeId: `stage:${target}`, at: now - daysAgo * day });

const lost = (id: string, reasonId: string, overrides: Partial<Lead> = {}): Lead =>
  leadInSales({ id, stageId: 'lost', reasonId, ...overrides });

const disqualified = (id: string, from: Lead['status'], reasonId: string, overrides: Partial<Lead> = {}) =>
  capturedLead({
    id,
    status: 'disqualified',
    reasonId,
    statusHistory: [
      { at: now - day, by: 'marketing-1', from, to: 'disqualified', grade: '', reasonId, note: '' },
    ],
    ...overrides,
  });

describe('lost reasons', () => {
  const activities = new Map<string, Activity[]>([
    ['p', [stageMove('p', 'demo_scheduled', 20), stageMove('p', 'proposal', 10), stageMove('p', 'lost', 2)]],
    ['q', [stageMove('q', 'lost', 5)]],
    ['r', [stageMove('r', 'negotiation', 9), stageMove('r', 'lost', 3)]],
  ]);
  const leads = [
    lost('p', 'price', { campaignId: 'fair', ownerId: 'rep-1' }),
    lost('q', 'no_budget', { campaignId: 'fair', ownerId: 'rep-2' }),
    lost('r', 'competitor', { campaignId: 'web', ownerId: 'rep-1' }),
    lost('s', 'price', { campaignId: 'web', ownerId: 'rep-2' }),
    leadInSales({ id: 'open', stageId: 'proposal' }),
  ];
  const events = lostEvents(leads, (id) => activities.get(id) ?? [], playbook);

  it('finds the stage each lead was lost at from the stage moves, and the agreed reason label', () => {
    expect(events.map((event) => [event.leadId, event.stageLabel, event.reasonLabel])).toEqual([
      ['p', 'Proposal', 'Price too high'],
      // Lost straight from the first stage, where every lead enters sales.
      ['q', 'Qualified', 'No budget'],
      ['r', 'Negotiation', 'Chose a competitor'],
      // The move to lost is not on this device.
      ['s', 'Unknown stage', 'Price too high'],
    ]);
    expect(events[0]?.at).toBe(now - 2 * day);
  });

  it('breaks reasons down by stage, campaign and rep', () => {
    const byCampaign = reasonBreakdown(events, 'campaign');
    expect(byCampaign.total).toBe(4);
    expect(byCampaign.reasons.map((reason) => [reason.label, reason.count])).toEqual([
      ['Price too high', 2],
      ['Chose a competitor', 1],
      ['No budget', 1],
    ]);
    expect(byCampaign.rows).toEqual([
      { key: 'fair', count: 2, byReason: { price: 1, no_budget: 1 } },
      { key: 'web', count: 2, byReason: { competitor: 1, price: 1 } },
    ]);
    expect(reasonBreakdown(events, 'rep').rows.map((row) => [row.key, row.count])).toEqual([
      ['rep-1', 2],
      ['rep-2', 2],
    ]);
    expect(reasonBreakdown(events, 'stage').rows.map((row) => row.key)).toEqual([
      '',
      'negotiation',
      'proposal',
      'qualified',
    ]);
  });

  it('leaves out losses before the chosen period', () => {
    // p was lost 2 days ago; s has no recorded move, so its last edit (now) counts.
    expect(reasonBreakdown(events, 'rep', now - 2.5 * day).total).toBe(2);
  });
});

describe('disqualification reasons', () => {
  it('takes the reason and the status it came from out of the status history', () => {
    const events = disqualificationEvents(
      [
        disqualified('a', 'inquiry', 'student'),
        disqualified('b', 'prospect', 'not_a_fit'),
        disqualified('c', 'inquiry', 'student', { campaignId: 'web' }),
        disqualified('d', 'inquiry', '', { reasonId: 'competitor' }),
        capturedLead({ id: 'e' }),
      ],
      playbook,
    );
    expect(events.map((event) => [event.leadId, event.stageLabel, event.reasonLabel])).toEqual([
      ['a', 'Inquiry', 'Student / job seeker'],
      ['b', 'Prospect', 'Not our target profile'],
      ['c', 'Inquiry', 'Student / job seeker'],
      ['d', 'Inquiry', 'Competitor'],
    ]);
    expect(reasonBreakdown(events, 'stage').rows).toEqual([
      { key: 'inquiry', count: 3, byReason: { student: 2, competitor: 1 } },
      { key: 'prospect', count: 1, byReason: { not_a_fit: 1 } },
    ]);
  });
});

describe('customer insight', () => {
  it('counts each tag and keeps the newest notes as samples', () => {
    const summary = insightTagSummary(
      [
        activity({ id: '1', at: now - 3 * day, notes: 'Needs ISO 9001 reports', insightTags: ['needs'] }),
        activity({
          id: '2',
          at: now - day,
          notes: 'Needs a second shift',
          insightTags: ['needs', 'cares_about'],
        }),
        activity({ id: '3', at: now - 40 * day, notes: 'Old', insightTags: ['complains_about'] }),
        activity({ id: '4', at: now, notes: 'No tags', insightTags: [] }),
      ],
      now - 30 * day,
      1,
    );
    expect(
      summary.map((entry) => [entry.tag, entry.count, entry.samples.map((sample) => sample.id)]),
    ).toEqual([
      ['needs', 2, ['2']],
      ['cares_about', 1, ['2']],
      ['complains_about', 0, []],
      ['reacts_to', 0, []],
    ]);
  });
});
