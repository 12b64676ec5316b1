import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createRxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { openDatabase } from '../../../src-renderer/db/database';
import type { FairleadDatabase } from '../../../src-renderer/db/database';
import { leadSchemaV0 } from '../../../src-renderer/db/collections/leads';
import { emptyLeadFilters, leadListQuery } from '../../../src-renderer/modules/leads/leadQueries';
import type { LeadFilters } from '../../../src-renderer/modules/leads/leadQueries';
import { newLeadFromCapture } from '../../../src-shared/rules/capture';
import { leadSchema as leadZodSchema } from '../../../src-shared/domain/lead';
import type { Lead } from '../../../src-shared/domain/lead';
import { maxRecency } from '../../../src-shared/domain/lead';

let opened: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  for (const db of opened) await db.close();
  opened = [];
});

const uniqueName = () => `fairlead-test-${Math.random().toString(36).slice(2)}`;

const open = async (name = uniqueName()): Promise<FairleadDatabase> => {
  const db = await openDatabase({ name, storage: getRxStorageDexie(), multiInstance: false });
  opened.push(db);
  return db;
};

const makeLead = (i: number, overrides: Partial<Lead> = {}): Lead => ({
  ...newLeadFromCapture(
    {
      firstName: `First${i}`,
      lastName: `Last${i}`,
      company: i % 3 === 0 ? 'Acme Tooling' : `Company ${i}`,
      jobTitle: '',
      email: `person${i}@example.com`,
      phone: '',
      notes: '',
      campaignId: i % 2 === 0 ? 'camp-even' : 'camp-odd',
    },
    {
      id: `lead-${String(i).padStart(4, '0')}`,
      now: 1_700_000_000_000 + i * 1000,
      ownerId: 'rep-1',
      teamId: 'team-1',
    },
  ),
  ...overrides,
});

describe('local store (RxDB on Dexie, fake-indexeddb)', () => {
  it('inserts leads, derives their keys and answers the list queries newest first', async () => {
    const db = await open();
    const leads = Array.from({ length: 300 }, (_, i) =>
      makeLead(i, i % 10 === 0 ? { status: 'lead', grade: 'hot', fitScore: 90 } : {}),
    );
    const result = await db.leads.bulkInsert(leads);
    expect(result.error).toEqual([]);
    expect(await db.leads.count().exec()).toBe(300);

    const firstPage = await db.leads.find(leadListQuery(emptyLeadFilters, { skip: 0, limit: 50 })).exec();
    expect(firstPage.map((doc) => doc.id)).toEqual(
      leads
        .slice(-50)
        .reverse()
        .map((lead) => lead.id),
    );

    const secondPage = await db.leads.find(leadListQuery(emptyLeadFilters, { skip: 50, limit: 50 })).exec();
    expect(secondPage[0]?.id).toBe('lead-0249');

    const hot = await db.leads
      .find(leadListQuery({ ...emptyLeadFilters, grade: 'hot' }, { skip: 0, limit: 100 }))
      .exec();
    expect(hot).toHaveLength(30);
    expect(hot.every((doc) => doc.gradeRank === 3 && doc.gradeOrder === 0)).toBe(true);

    const byGrade = await db.leads
      .find(leadListQuery({ ...emptyLeadFilters, sort: 'grade' }, { skip: 0, limit: 31 }))
      .exec();
    expect(byGrade.slice(0, 30).every((doc) => doc.grade === 'hot')).toBe(true);
    expect(byGrade[30]?.grade).toBe('');

    const search = await db.leads
      .find(leadListQuery({ ...emptyLeadFilters, search: 'ACME tool' }, { skip: 0, limit: 500 }))
      .exec();
    expect(search).toHaveLength(100);
    const byEmail = await db.leads
      .find(leadListQuery({ ...emptyLeadFilters, search: 'person7@' }, { skip: 0, limit: 10 }))
      .exec();
    expect(byEmail.map((doc) => doc.id)).toEqual(['lead-0007']);

    const campaignCount = await db.leads.count({ selector: { campaignId: 'camp-even' } }).exec();
    expect(campaignCount).toBe(150);
    const duplicate = await db.leads.findOne({ selector: { emailKey: 'person42@example.com' } }).exec();
    expect(duplicate?.id).toBe('lead-0042');
  });

  it('serves every list order and filter from an index that also satisfies the sort (no full scan)', async () => {
    const db = await open();
    const combos: LeadFilters[] = [
      emptyLeadFilters,
      { ...emptyLeadFilters, sort: 'grade' },
      { ...emptyLeadFilters, sort: 'fit' },
      { ...emptyLeadFilters, status: 'lead' },
      { ...emptyLeadFilters, status: 'lead', sort: 'grade' },
      { ...emptyLeadFilters, status: 'nurture', sort: 'fit' },
      { ...emptyLeadFilters, grade: 'warm' },
      { ...emptyLeadFilters, campaignId: 'camp-1' },
      { ...emptyLeadFilters, search: 'acme' },
    ];
    for (const filters of combos) {
      const prepared = db.leads.find(leadListQuery(filters, { skip: 0, limit: 50 })).getPreparedQuery();
      expect(prepared.queryPlan.sortSatisfiedByIndex, JSON.stringify(filters)).toBe(true);
      // Filters on an indexed field are answered from the index range itself.
      if (!filters.search)
        expect(prepared.queryPlan.selectorSatisfiedByIndex, JSON.stringify(filters)).toBe(true);
    }
  });

  it('recomputes derived keys on every local write', async () => {
    const db = await open();
    const doc = await db.leads.insert(makeLead(1));
    await doc.incrementalPatch({ company: 'New Name GmbH', grade: 'warm', fitScore: 70 });
    const stored = (await db.leads.findOne('lead-0001').exec())!;
    expect(stored.searchText).toContain('new name gmbh');
    expect(stored.nameKey).toBe('first1 last1@new name gmbh');
    expect(stored.gradeOrder).toBe(1);
    expect(stored.fitOrder).toBe(30);
    expect(leadZodSchema.safeParse(stored.toJSON()).success).toBe(true);
  });

  it('survives closing and reopening the store', async () => {
    const name = uniqueName();
    const first = await open(name);
    await first.leads.bulkInsert([makeLead(1), makeLead(2)]);
    await first.close();
    opened = [];
    const second = await open(name);
    expect(await second.leads.count().exec()).toBe(2);
  });

  it('migrates leads from schema version 0 to 1 keeping every document', async () => {
    const name = uniqueName();
    const legacy = await createRxDatabase({ name, storage: getRxStorageDexie(), multiInstance: false });
    const { leads: legacyLeads } = await legacy.addCollections({ leads: { schema: leadSchemaV0 as never } });
    const oldDocs = Array.from({ length: 250 }, (_, i) => {
      const {
        recency: _r,
        gradeOrder: _g,
        fitOrder: _f,
        ...v0
      } = makeLead(i, i === 5 ? { grade: 'hot', fitScore: 88 } : {});
      return v0;
    });
    await legacyLeads.bulkInsert(oldDocs);
    await legacy.close();

    const db = await open(name);
    expect(await db.leads.count().exec()).toBe(250);
    const migrated = (await db.leads.findOne('lead-0005').exec())!;
    expect(migrated.firstName).toBe('First5');
    expect(migrated.recency).toBe(maxRecency - migrated.createdAt);
    expect(migrated.gradeOrder).toBe(0);
    expect(migrated.fitOrder).toBe(12);
    const newest = await db.leads.find(leadListQuery(emptyLeadFilters, { skip: 0, limit: 1 })).exec();
    expect(newest[0]?.id).toBe('lead-0249');
  });
});
