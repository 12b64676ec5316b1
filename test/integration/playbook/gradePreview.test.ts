import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { openDatabase } from '../../../src-renderer/db/database';
import type { FairleadDatabase } from '../../../src-renderer/db/database';
import type { ScanProgress } from '../../../src-renderer/modules/playbookEditor/gradeScan';
import {
  gradedRecordsPage,
  readGradedRecords,
  tallyGradeChanges,
} from '../../../src-renderer/modules/playbookEditor/gradeScan';
import { generateLeads } from '../../../src-shared/demo/generateLeads';
import type { Playbook } from '../../../src-shared/domain/playbook';
import { gradeChanges } from '../../../src-shared/playbook/gradeChanges';
import { createDefaultPlaybook } from '../../../src-shared/playbook/defaultPlaybook';

const now = Date.UTC(2026, 10, 20, 9);
const playbook = createDefaultPlaybook({ id: 'pb-1', teamId: 'team-1', ownerId: 'manager-1', now });
const stricter: Playbook = {
  ...playbook,
  id: 'pb-2',
  version: 2,
  gradeRule: { ...playbook.gradeRule, hotMinScore: 80, warmMinScore: 30 },
};

let opened: FairleadDatabase[] = [];
afterEach(async () => {
  for (const db of opened) await db.close();
  opened = [];
});

const storeWith = async (count: number) => {
  const db = await openDatabase({
    name: `playbook-preview-${Math.random().toString(36).slice(2)}`,
    storage: getRxStorageDexie(),
    multiInstance: false,
    collections: ['leads'],
  });
  opened.push(db);
  const leads = generateLeads({
    count,
    playbook,
    ownerIds: ['rep-1'],
    teamId: 'team-1',
    campaignIds: [],
    now,
  });
  // An import writes many leads in one millisecond: paging must neither skip nor repeat them.
  const sameInstant = leads.slice(0, 400).map((lead) => ({ ...lead, createdAt: now, recency: 0 }));
  await db.leads.bulkInsert([...sameInstant, ...leads.slice(400)]);
  return { db, leads };
};

describe('grade preview over the local store', () => {
  it('reads the leads page by page along an index and counts what the draft would change', async () => {
    const { db, leads } = await storeWith(1_300);
    const progress: ScanProgress[] = [];
    const records = await readGradedRecords(db, { pageSize: 150, onProgress: (step) => progress.push(step) });
    const expected = gradeChanges(stricter, leads);
    expect(records).toHaveLength(expected.considered);
    expect(expected.considered).toBeGreaterThan(200);
    expect(progress[0]).toEqual({ done: 0, total: 1_300 });
    expect(progress.at(-1)).toEqual({ done: 1_300, total: 1_300 });
    expect(progress.map((step) => step.done)).toEqual(
      [...progress.map((step) => step.done)].sort((a, b) => a - b),
    );
    // 1,300 leads in pages of 150: nine pages, never the whole collection at once.
    expect(progress).toHaveLength(1 + 9);

    const summary = await tallyGradeChanges(stricter, records, { pageSize: 100 });
    expect(summary).toEqual(expected);
    expect(summary.changed).toBeGreaterThan(0);
    // Under the playbook that judged them, nothing changes.
    expect(await tallyGradeChanges(playbook, records)).toMatchObject({ changed: 0 });
  });

  it('serves each page from the recency index, selector and sort alike', async () => {
    const { db } = await storeWith(10);
    for (const cursor of [null, { recency: 1_000, seen: 3 }]) {
      const { queryPlan } = db.leads.find(gradedRecordsPage(cursor, 500)).getPreparedQuery();
      expect(queryPlan.sortSatisfiedByIndex).toBe(true);
      expect(queryPlan.selectorSatisfiedByIndex).toBe(true);
      expect(queryPlan.index).toEqual(['_deleted', 'recency', 'id']);
    }
  });

  it('stops when a newer draft supersedes it', async () => {
    const { db } = await storeWith(600);
    const controller = new AbortController();
    const reading = readGradedRecords(db, {
      pageSize: 100,
      signal: controller.signal,
      onProgress: (step) => {
        if (step.done >= 200) controller.abort();
      },
    });
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
  });
});
