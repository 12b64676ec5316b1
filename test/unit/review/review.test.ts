import { describe, expect, it } from 'vitest';
import type { Lead } from '../../../src-shared/domain/lead';
import { forecastByMonth } from '../../../src-shared/rules/pipeline';
import {
  changesSince,
  countChanges,
  findStalledLeads,
  lastMovementAt,
  pipelineByStageAndRep,
  stalledAfterDays,
} from '../../../src-shared/rules/review';
import { now, playbook } from '../domain/fixtures';
import { activity, day, hour, leadInSales } from '../rules/ruleFixtures';

/** A lead that entered sales `daysAgo` days before `now`. */
const opportunity = (id: string, daysAgo: number, overrides: Partial<Lead> = {}): Lead => {
  const at = now - daysAgo * day;
  return leadInSales({
    id,
    createdAt: at,
    updatedAt: at,
    qualifiedAt: at,
    statusHistory: [{ at, by: 'rep-1', from: 'inquiry', to: 'lead', grade: 'hot', reasonId: '', note: '' }],
    ...overrides,
  });
};

describe('forecast for the review (the shared forecastByMonth rule)', () => {
  it('sums value x stage probability of open opportunities by expected close month', () => {
    const leads = [
      opportunity('a', 1, { stageId: 'proposal', value: 20_000, expectedCloseMonth: '2026-12' }),
      opportunity('b', 1, { stageId: 'negotiation', value: 10_000, expectedCloseMonth: '2026-12' }),
      opportunity('c', 1, { stageId: 'demo_scheduled', value: 4_000, expectedCloseMonth: '2027-02' }),
      opportunity('d', 1, { stageId: 'won', value: 50_000, expectedCloseMonth: '2026-12' }),
    ];
    // 2026-12: 20,000 x 60 % + 10,000 x 80 % = 20,000; 2027-02: 4,000 x 35 % = 1,400; won is not pipeline.
    expect(forecastByMonth(leads, playbook.stages)).toEqual([
      { month: '2026-12', expected: 20_000, value: 30_000, count: 2 },
      { month: '2027-02', expected: 1_400, value: 4_000, count: 1 },
    ]);
  });
});

describe('stalled leads', () => {
  it('uses the latest activity, or entering sales when there is none', () => {
    const lead = opportunity('a', 30);
    expect(lastMovementAt(lead, [])).toBe(now - 30 * day);
    expect(lastMovementAt(lead, [activity({ at: now - 3 * day }), activity({ at: now - 9 * day })])).toBe(
      now - 3 * day,
    );
    // An activity before the lead entered sales (e.g. before a return from nurture) does not count.
    expect(lastMovementAt(lead, [activity({ at: now - 40 * day })])).toBe(now - 30 * day);
  });

  it(`flags open opportunities without activity or stage change for ${stalledAfterDays} days, longest idle first`, () => {
    const quiet = opportunity('quiet', 20);
    const quieter = opportunity('quieter', 45, { stageId: 'proposal', value: 1 });
    const exactlyFourteen = opportunity('fourteen', 14);
    const thirteen = opportunity('thirteen', 13);
    const called = opportunity('called', 30);
    const movedStage = opportunity('moved', 30);
    const won = opportunity('won', 60, { stageId: 'won' });
    const lost = opportunity('lost', 60, { stageId: 'lost' });
    const nurtured = opportunity('nurtured', 60, { status: 'nurture' });
    const activities = new Map([
      ['called', [activity({ leadId: 'called', at: now - 2 * day })]],
      [
        'moved',
        [activity({ leadId: 'moved', kind: 'note', outcomeId: 'stage:proposal', at: now - 5 * day })],
      ],
    ]);
    const stalled = findStalledLeads(
      [quiet, quieter, exactlyFourteen, thirteen, called, movedStage, won, lost, nurtured],
      (lead) => activities.get(lead.id) ?? [],
      playbook,
      now,
    );
    expect(stalled.map((entry) => [entry.lead.id, entry.idleDays])).toEqual([
      ['quieter', 45],
      ['quiet', 20],
      ['fourteen', 14],
    ]);
    expect(stalled[0]?.lastMovementAt).toBe(now - 45 * day);
  });

  it('takes the number of days as a parameter', () => {
    const leads = [opportunity('a', 8), opportunity('b', 6)];
    expect(findStalledLeads(leads, () => [], playbook, now, 7).map((entry) => entry.lead.id)).toEqual(['a']);
  });
});

describe('changes since the last review', () => {
  const reviewAt = now - 7 * day;

  it('reports created, qualified, stage changes, won, lost and reassigned, newest first', () => {
    const fresh = opportunity('fresh', 2, { ownerId: 'rep-2' });
    const old = opportunity('old', 30, { stageId: 'proposal' });
    const handedOver = opportunity('handed', 30, { ownerId: 'rep-2', updatedAt: now - hour });
    const untouched = opportunity('untouched', 30);
    const stage = (leadId: string, target: string, daysAgo: number, notes: string) =>
      activity({
        leadId,
        kind: 'note',
        outcomeId: `stage:${target}`,
        at: now - daysAgo * day,
        notes,
        ownerId: 'rep-1',
      });
    const changes = changesSince({
      since: reviewAt,
      leads: [fresh, old, handedOver, untouched],
      activities: [
        stage('old', 'proposal', 3, 'Demo scheduled → Proposal · value 20,000'),
        stage('old', 'demo_scheduled', 8, 'Qualified → Demo scheduled'),
        stage('handed', 'won', 1, 'Negotiation → Won'),
        stage('untouched', 'lost', 4, 'Qualified → Lost · No budget'),
        stage('someone-else', 'won', 1, 'not on this device'),
        activity({ leadId: 'old', kind: 'call', at: now - day }),
      ],
      playbook,
      ownersAtReview: new Map([
        ['handed', 'rep-1'],
        ['untouched', 'rep-1'],
        ['old', 'rep-1'],
      ]),
    });
    expect(changes.map((change) => [change.kind, change.lead.id, (now - change.at) / hour])).toEqual([
      ['reassigned', 'handed', 1],
      ['won', 'handed', 24],
      ['created', 'fresh', 48],
      ['qualified', 'fresh', 48],
      ['stage_changed', 'old', 72],
      ['lost', 'untouched', 96],
    ]);
    expect(changes[0]).toMatchObject({ fromOwnerId: 'rep-1' });
    expect(changes.find((change) => change.kind === 'stage_changed')).toMatchObject({
      byId: 'rep-1',
      detail: 'Demo scheduled → Proposal · value 20,000',
    });
    expect(countChanges(changes)).toEqual({
      created: 1,
      qualified: 1,
      stage_changed: 1,
      won: 1,
      lost: 1,
      reassigned: 1,
    });
  });

  it('cannot see reassignments before the first review, and ignores what happened before it', () => {
    const lead = opportunity('a', 30, { ownerId: 'rep-2' });
    expect(
      changesSince({
        since: reviewAt,
        leads: [lead],
        activities: [activity({ leadId: 'a', kind: 'note', outcomeId: 'stage:proposal', at: reviewAt })],
        playbook,
        ownersAtReview: null,
      }),
    ).toEqual([]);
  });
});

describe('pipeline by stage and rep', () => {
  it('counts value and expected value per stage and rep; totals are the open pipeline', () => {
    const matrix = pipelineByStageAndRep(
      [
        opportunity('a', 1, { ownerId: 'rep-1', stageId: 'proposal', value: 10_000 }),
        opportunity('b', 1, { ownerId: 'rep-1', stageId: 'proposal', value: 5_000 }),
        opportunity('c', 1, { ownerId: 'rep-2', stageId: 'negotiation', value: 20_000 }),
        opportunity('d', 1, { ownerId: 'rep-2', stageId: '', value: 1_000 }),
        opportunity('e', 1, { ownerId: 'rep-1', stageId: 'won', value: 7_000 }),
        opportunity('f', 1, { ownerId: 'rep-3', stageId: 'retired-stage', value: 3_000 }),
        opportunity('g', 1, { ownerId: 'rep-1', status: 'nurture', stageId: 'proposal', value: 9_999 }),
      ],
      playbook,
    );
    const row = (id: string) => matrix.rows.find((candidate) => candidate.stage.id === id);
    expect(row('proposal')?.byRep.get('rep-1')).toEqual({ count: 2, value: 15_000, expected: 9_000 });
    expect(row('negotiation')?.total).toEqual({ count: 1, value: 20_000, expected: 16_000 });
    // No stage yet = the first stage (Qualified, 10 %).
    expect(row('qualified')?.byRep.get('rep-2')).toEqual({ count: 1, value: 1_000, expected: 100 });
    expect(row('won')?.total).toEqual({ count: 1, value: 7_000, expected: 7_000 });
    expect(row('retired-stage')).toMatchObject({ known: false, total: { count: 1, value: 3_000 } });
    expect(matrix.rows.map((candidate) => candidate.stage.id)).toEqual([
      ...playbook.stages.map((stage) => stage.id),
      'retired-stage',
    ]);
    expect(matrix.open).toEqual({ count: 4, value: 36_000, expected: 25_100 });
    expect(matrix.openByRep.get('rep-2')).toEqual({ count: 2, value: 21_000, expected: 16_100 });
    expect(matrix.reps).toEqual(['rep-2', 'rep-1', 'rep-3']);
  });
});
