import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { openDatabase } from '../../../src-renderer/db/database';
import type { FairleadDatabase } from '../../../src-renderer/db/database';
import { LeadCatalog, leadCatalogFor } from '../../../src-renderer/modules/leads/leadCatalog';
import { findDuplicates } from '../../../src-renderer/modules/leads/leadRepository';
import { emptyLeadFilters, leadListQuery } from '../../../src-renderer/modules/leads/leadQueries';
import type { LeadFilters } from '../../../src-renderer/modules/leads/leadQueries';
import { newLeadFromCapture } from '../../../src-shared/rules/capture';
import type { Lead } from '../../../src-shared/domain/lead';

let opened: { close(): Promise<unknown> }[] = [];
let catalogs: LeadCatalog[] = [];
afterEach(async () => {
  for (const catalog of catalogs) catalog.close();
  for (const db of opened) await db.close();
  opened = [];
  catalogs = [];
});

const open = async (): Promise<FairleadDatabase> => {
  const db = await openDatabase({
    name: `fairlead-catalog-${Math.random().toString(36).slice(2)}`,
    storage: getRxStorageDexie(),
    multiInstance: false,
    collections: ['leads'],
  });
  opened.push(db);
  return db;
};

const statuses = ['inquiry', 'prospect', 'lead', 'nurture', 'disqualified'] as const;
const grades = ['', 'hot', 'warm', 'cold'] as const;

/** Leads spread over statuses, grades, campaigns and fit scores, several created in the same millisecond. */
const makeLead = (i: number): Lead => ({
  ...newLeadFromCapture(
    {
      firstName: `First${i}`,
      lastName: i % 7 === 0 ? 'Kowalski' : `Last${i}`,
      company: i % 3 === 0 ? 'Acme Tooling' : `Company ${i}`,
      jobTitle: '',
      email: `person${i}@example.com`,
      phone: '',
      notes: '',
      campaignId: `camp-${i % 4}`,
    },
    {
      id: `lead-${String(i).padStart(5, '0')}`,
      now: 1_700_000_000_000 + Math.floor(i / 3) * 1000,
      ownerId: 'rep-1',
      teamId: 'team-1',
    },
  ),
  status: statuses[i % statuses.length] as Lead['status'],
  grade: grades[i % grades.length] as Lead['grade'],
  fitScore: (i * 37) % 101,
});

const filterMatrix: LeadFilters[] = [
  emptyLeadFilters,
  { ...emptyLeadFilters, sort: 'grade' },
  { ...emptyLeadFilters, sort: 'fit' },
  { ...emptyLeadFilters, status: 'prospect' },
  { ...emptyLeadFilters, status: 'lead', sort: 'grade' },
  { ...emptyLeadFilters, grade: 'hot', sort: 'fit' },
  { ...emptyLeadFilters, campaignId: 'camp-2' },
  { ...emptyLeadFilters, search: 'kowal' },
  { ...emptyLeadFilters, search: '  ACME ', status: 'inquiry' },
  { ...emptyLeadFilters, search: 'person1', sort: 'grade' },
  { ...emptyLeadFilters, search: 'nobody-matches-this' },
];

/** What the store's own index queries answer, the reference the catalog must equal. */
const fromStore = async (db: FairleadDatabase, filters: LeadFilters) =>
  (await db.leads.find(leadListQuery(filters, { skip: 0, limit: 100_000 })).exec()).map((doc) => doc.id);

const expectSameAsStore = async (db: FairleadDatabase, catalog: LeadCatalog) => {
  for (const filters of filterMatrix)
    expect(
      catalog.matching(filters).map((entry) => entry.id),
      JSON.stringify(filters),
    ).toEqual(await fromStore(db, filters));
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('lead catalog (in-memory filters, search and counts of the lead list)', () => {
  it('answers every filter, sort and search exactly as the store indexes do', async () => {
    const db = await open();
    await db.leads.bulkInsert(Array.from({ length: 900 }, (_, i) => makeLead(i)));
    const catalog = new LeadCatalog(db.leads);
    catalogs.push(catalog);
    expect(catalog.state).toBe('building');
    expect(() => catalog.matching(emptyLeadFilters)).toThrow(/not ready/);
    await catalog.ready;
    expect(catalog.state).toBe('ready');
    expect(catalog.size).toBe(900);
    await expectSameAsStore(db, catalog);
  });

  it('follows inserts, edits that move a lead or change its search text, and deletions', async () => {
    const db = await open();
    await db.leads.bulkInsert(Array.from({ length: 300 }, (_, i) => makeLead(i)));
    const catalog = new LeadCatalog(db.leads);
    catalogs.push(catalog);
    await catalog.ready;
    let notified = 0;
    catalog.subscribe(() => {
      notified += 1;
    });

    await db.leads.insert(makeLead(5_000));
    const moved = await db.leads.findOne('lead-00010').exec();
    await moved?.incrementalPatch({ status: 'prospect', grade: 'hot', fitScore: 99, lastName: 'Kowalczyk' });
    await (await db.leads.findOne('lead-00021').exec())?.remove();
    await settle();

    expect(notified).toBeGreaterThan(0);
    expect(catalog.size).toBe(300);
    const [renamed] = catalog.matching({ ...emptyLeadFilters, search: 'kowalczyk' });
    // What the row shows follows the edit too.
    expect(renamed).toMatchObject({
      id: 'lead-00010',
      lastName: 'Kowalczyk',
      status: 'prospect',
      fitScore: 99,
    });
    expect(catalog.matching(emptyLeadFilters)[0]?.id).toBe('lead-05000');
    await expectSameAsStore(db, catalog);
  });

  it('takes a burst of changes (a sync batch, an import) in one re-sort', async () => {
    const db = await open();
    await db.leads.bulkInsert(Array.from({ length: 200 }, (_, i) => makeLead(i)));
    const catalog = new LeadCatalog(db.leads);
    catalogs.push(catalog);
    await catalog.ready;
    await db.leads.bulkInsert(Array.from({ length: 400 }, (_, i) => makeLead(10_000 + i)));
    const docs = await db.leads.find({ limit: 300 }).exec();
    await db.leads.bulkUpsert(
      docs.map((doc) => ({ ...doc.toMutableJSON(), status: 'disqualified' as const })),
    );
    await settle();
    expect(catalog.size).toBe(600);
    await expectSameAsStore(db, catalog);
  });

  it('keeps the newer version when a lead changes while the catalog is being built', async () => {
    const db = await open();
    await db.leads.bulkInsert(Array.from({ length: 600 }, (_, i) => makeLead(i)));
    const catalog = new LeadCatalog(db.leads, 50);
    catalogs.push(catalog);
    // Edits land between the build's pages.
    const edits = (async () => {
      for (let i = 0; i < 600; i += 50) {
        const doc = await db.leads.findOne(`lead-${String(i).padStart(5, '0')}`).exec();
        await doc?.incrementalPatch({ company: 'Changed During Build' });
        await settle();
      }
    })();
    await Promise.all([catalog.ready, edits]);
    await settle();
    expect(catalog.matching({ ...emptyLeadFilters, search: 'changed during build' })).toHaveLength(12);
    await expectSameAsStore(db, catalog);
  });
});

describe('duplicate check from the lead catalog', () => {
  it('finds the same possible duplicates as the store indexes, including a lead saved a moment ago', async () => {
    const db = await open();
    await db.leads.bulkInsert(Array.from({ length: 300 }, (_, i) => makeLead(i)));
    const byQueries = async (contact: Parameters<typeof findDuplicates>[1]) =>
      (await findDuplicates(db, contact)).map((match) => `${match.lead.id}:${match.reason}`).sort();
    const contacts = [
      { firstName: 'First7', lastName: 'Kowalski', company: 'Company 7', email: '', jobTitle: '' },
      { firstName: 'Someone', lastName: 'Else', company: '', email: 'PERSON12@example.com ', jobTitle: '' },
      {
        firstName: 'First3',
        lastName: 'Last3',
        company: 'acme tooling',
        email: 'person42@example.com',
        jobTitle: '',
      },
      { firstName: 'No', lastName: 'Match', company: 'Nowhere', email: 'nobody@example.com', jobTitle: '' },
    ];
    const expected = await Promise.all(contacts.map(byQueries));
    expect(expected.flat().length).toBeGreaterThan(2);

    const catalog = leadCatalogFor(db.leads);
    await catalog.ready;
    expect(await Promise.all(contacts.map(byQueries))).toEqual(expected);

    // Saved and checked again at once, as the capture screen does for the next visitor.
    await db.leads.insert({ ...makeLead(9_000), email: 'fresh@example.com' });
    // The write's change reached the catalog before the insert resolved: no stale answer in between.
    expect(
      catalog.withDuplicateKeys({ emailKey: 'fresh@example.com', nameKey: '' }).map((e) => e.id),
    ).toEqual(['lead-09000']);
    expect(
      await byQueries({
        firstName: 'X',
        lastName: 'Y',
        company: '',
        email: 'fresh@example.com',
        jobTitle: '',
      }),
    ).toEqual(['lead-09000:email']);
    const changed = await db.leads.findOne('lead-00012').exec();
    await changed?.incrementalPatch({ email: 'moved@example.com' });
    expect(await byQueries(contacts[1] as Parameters<typeof findDuplicates>[1])).toEqual([]);
    catalog.close();
  });
});
