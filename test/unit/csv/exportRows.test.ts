import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../../src-shared/domain/campaign';
import { autoMapColumns } from '../../../src-shared/csv/columnMapping';
import {
  activityExportRows,
  campaignResultRows,
  leadExportHeader,
  leadExportRows,
  safeCell,
} from '../../../src-shared/csv/exportRows';
import { leadFacts } from '../../../src-shared/rules/metrics';
import { capturedLead, now, playbook } from '../domain/fixtures';
import { activity, leadInSales } from '../rules/ruleFixtures';

const context = {
  playbook,
  campaignName: (id: string) => (id === 'camp-1' ? 'Hannover Messe' : id),
  personName: (id: string) => (id === 'rep-1' ? 'Rita Rep' : id),
};

describe('formula injection', () => {
  it('neutralises text a spreadsheet would run, keeps phone numbers and signed numbers', () => {
    expect(safeCell('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(safeCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(safeCell('-2+3+cmd|/C calc!A0')).toBe(`'-2+3+cmd|/C calc!A0`);
    expect(safeCell('+49 (30) 555-0100')).toBe('+49 (30) 555-0100');
    expect(safeCell('-12.5')).toBe('-12.5');
    expect(safeCell('Anna')).toBe('Anna');
  });
});

describe('lead export', () => {
  const leads = [
    leadInSales({
      id: 'lead-1',
      notes: 'Met at the booth, "very keen"\nCall after the fair',
      stageId: 'proposal',
      value: 20_000,
      expectedCloseMonth: '2026-12',
      playbookVersion: 1,
      fitScore: 85,
    }),
    capturedLead({
      id: 'lead-2',
      firstName: 'Jörg',
      lastName: 'Müller',
      email: 'jm@x.example',
      status: 'disqualified',
      reasonId: 'student',
    }),
  ];

  it('writes a header and one row per lead, in the team words', () => {
    const rows = leadExportRows(leads, context);
    expect(rows[0]).toEqual([...leadExportHeader]);
    const record = Object.fromEntries(leadExportHeader.map((name, i) => [name, rows[1]?.[i]]));
    expect(record).toMatchObject({
      Id: 'lead-1',
      Status: 'Lead',
      Stage: 'Proposal',
      Value: '20000',
      'Expected value': '12000',
      Campaign: 'Hannover Messe',
      Owner: 'Rita Rep',
      'Fit score': '85',
      Created: new Date(now).toISOString(),
    });
    expect(rows[2]?.[leadExportHeader.indexOf('Reason')]).toBe('Student / job seeker');
  });

  it('survives a round trip through CSV text, quotes, line breaks and accents included', () => {
    const rows = leadExportRows(leads, context);
    const parsed = Papa.parse<string[]>(Papa.unparse(rows), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual(rows);
  });

  it('uses header names the import recognises', () => {
    expect(autoMapColumns([...leadExportHeader])).toMatchObject({
      firstName: 1,
      lastName: 2,
      company: 3,
      jobTitle: 4,
      email: 5,
      phone: 6,
      notes: leadExportHeader.indexOf('Notes'),
    });
  });
});

describe('activity export', () => {
  it('names the lead, the outcome and stage changes', () => {
    const rows = activityExportRows(
      [
        activity({ id: 'a1', outcomeId: 'meeting_booked', notes: 'Demo next week', insightTags: ['needs'] }),
        activity({ id: 'a2', kind: 'note', outcomeId: 'stage:proposal', notes: 'Qualified → Proposal' }),
      ],
      { ...context, lead: (id) => (id === 'lead-1' ? capturedLead() : undefined) },
    );
    expect(rows[1]).toEqual([
      'a1',
      'lead-1',
      'Ada Lovelace',
      'Analytical Engines Ltd',
      'call',
      expect.stringMatching(/^2026-11-20T10:00:00/),
      'Meeting booked',
      'Demo next week',
      'needs',
      '',
      '',
      'Rita Rep',
    ]);
    expect(rows[2]?.[6]).toBe('Stage: Proposal');
  });
});

describe('campaign results export', () => {
  it('uses the agreed campaign figures next to the targets', () => {
    const campaign: Campaign = {
      id: 'camp-1',
      createdAt: now,
      updatedAt: now,
      ownerId: 'manager-1',
      teamId: 'team-1',
      name: 'Hannover Messe',
      type: 'trade_show',
      startsAt: now,
      endsAt: now,
      budget: 10_000,
      costLines: [{ id: 'c1', label: 'Booth', amount: 8_000, at: now }],
      targets: {
        relevantLeads: 40,
        opportunities: 10,
        opportunityValue: 100_000,
        deals: 3,
        dealValue: 60_000,
      },
      followUpDays: 0,
      assignedRepIds: [],
    };
    const leads = [
      leadInSales({ id: 'w', campaignId: 'camp-1', stageId: 'won', value: 20_000 }),
      leadInSales({ id: 'p', campaignId: 'camp-1', stageId: 'proposal', value: 10_000 }),
      capturedLead({ id: 'i', campaignId: 'camp-1' }),
      capturedLead({ id: 'o', campaignId: '' }),
    ];
    const facts = leads.map((lead) => leadFacts(lead, [], playbook.stages, now));
    const rows = campaignResultRows([campaign], facts, playbook.stages);
    const header = rows[0] ?? [];
    const record = Object.fromEntries(header.map((name, i) => [name, rows[1]?.[i]]));
    expect(record).toMatchObject({
      Campaign: 'Hannover Messe',
      Type: 'Trade show',
      Cost: '8000',
      Inquiries: '3',
      'Relevant leads': '2',
      'Target relevant leads': '40',
      'Closed deals': '1',
      'Closed deal value': '20000',
      'Open pipeline value': '10000',
      'Expected open revenue': '6000',
      // (20,000 + 6,000 - 8,000) / 8,000 and (20,000 - 8,000) / 8,000
      'ROI %': '225',
      'Won-only ROI %': '150',
    });
    expect(rows[2]?.slice(0, 1)).toEqual(['No campaign']);
    expect(rows[2]?.[header.indexOf('Inquiries')]).toBe('1');
  });
});
