import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { openDatabase } from '../../../src-renderer/db/database';
import type { FairleadDatabase } from '../../../src-renderer/db/database';
import { leadPageQuery, scanLeadFacts } from '../../../src-renderer/modules/campaigns/scanLeadFacts';
import type { IndexWalk } from '../../../src-renderer/modules/campaigns/scanLeadFacts';
import type { Activity } from '../../../src-shared/domain/activity';
import type { Lead } from '../../../src-shared/domain/lead';
import { createDefaultPlaybook } from '../../../src-shared/playbook/defaultPlaybook';
import { newLeadFromCapture } from '../../../src-shared/rules/capture';

let opened: FairleadDatabase[] = [];
afterEach(async () => {
  for (const db of opened) await db.close();
  opened = [];
});

const open = async () => {
  const db = await openDatabase({
    name: `fairlead-scan-${Math.random().toString(36).slice(2)}`,
    storage: getRxStorageDexie(),
    multiInstance: false,
    collections: ['leads', 'activities'],
  });
  opened.push(db);
  return db;
};

const stages = createDefaultPlaybook({ id: 'pb', teamId: 't', ownerId: 'm', now: 0 }).stages;
const base = 1_790_000_000_000;

// Three leads share each creation millisecond (as bulk imports do), so pages must not skip or repeat on ties.
const makeLead = (i: number): Lead => ({
  ...newLeadFromCapture(
    {
      firstName: `F${i}`,
      lastName: `L${i}`,
      company: '',
      jobTitle: '',
      email: '',
      phone: '',
      notes: '',
      campaignId: i % 2 === 0 ? 'camp-a' : 'camp-b',
    },
    {
      id: `lead-${String(i).padStart(4, '0')}`,
      now: base + Math.floor(i / 3),
      ownerId: i % 3 === 0 ? 'rep-1' : 'rep-2',
      teamId: 't',
    },
  ),
  status: i % 5 === 0 ? 'lead' : 'inquiry',
  stageId: i % 5 === 0 ? 'qualified' : '',
  grade: i % 5 === 0 ? 'warm' : '',
  gradeRank: i % 5 === 0 ? 2 : 0,
});

const stageMove = (leadId: string, at: number): Activity => ({
  id: `act-${leadId}`,
  createdAt: at,
  updatedAt: at,
  ownerId: 'rep-1',
  teamId: 't',
  leadId,
  kind: 'note',
  at,
  outcomeId: 'stage:proposal',
  notes: '',
  insightTags: [],
  nextStep: '',
  nextFollowUpAt: 0,
});

describe('scanning lead facts page by page', () => {
  it('reads every lead of each scope exactly once, with its activities', async () => {
    const db = await open();
    const leads = Array.from({ length: 230 }, (_, i) => makeLead(i));
    await db.leads.bulkInsert(leads);
    await db.activities.bulkInsert([stageMove('lead-0010', base + 500), stageMove('lead-0015', base + 600)]);
    const progress: number[] = [];

    const all = await scanLeadFacts(db, { kind: 'all' }, stages, base + 1000, {
      pageSize: 7,
      onProgress: ({ done }) => progress.push(done),
    });
    expect(all?.map((fact) => fact.id).sort()).toEqual(leads.map((lead) => lead.id));
    expect(progress.at(-1)).toBe(230);

    const campaignA = await scanLeadFacts(
      db,
      { kind: 'campaign', campaignId: 'camp-a' },
      stages,
      base + 1000,
      { pageSize: 4 },
    );
    expect(campaignA?.map((fact) => fact.id).sort()).toEqual(
      leads.filter((_, i) => i % 2 === 0).map((lead) => lead.id),
    );

    const rep1 = await scanLeadFacts(db, { kind: 'owner', ownerId: 'rep-1' }, stages, base + 1000, {
      pageSize: 5,
    });
    expect(rep1?.map((fact) => fact.id).sort()).toEqual(
      leads.filter((_, i) => i % 3 === 0).map((lead) => lead.id),
    );

    // lead-0010 (camp-a) and lead-0015 (camp-b) moved to Proposal: converted
    expect(
      all
        ?.filter((fact) => fact.convertedAt > 0)
        .map((fact) => fact.id)
        .sort(),
    ).toEqual(['lead-0010', 'lead-0015']);
  });

  it('walks indexes that satisfy the sort, so a page reads only its own rows', async () => {
    const db = await open();
    const walks: IndexWalk[] = [
      { prefix: { campaignId: 'camp-a' }, field: 'recency' },
      { prefix: { ownerId: 'rep-1', status: 'lead' }, field: 'updatedAt' },
      { prefix: {}, field: 'recency' },
    ];
    for (const walk of walks) {
      const plan = db.leads.find(leadPageQuery(walk, 0, 0, 500) as never).getPreparedQuery().queryPlan;
      expect(plan.sortSatisfiedByIndex, JSON.stringify(walk)).toBe(true);
      expect(plan.index.slice(1, -1), JSON.stringify(walk)).toEqual([
        ...Object.keys(walk.prefix),
        walk.field,
      ]);
    }
  });
});
