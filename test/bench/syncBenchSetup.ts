import 'fake-indexeddb/auto';
import { openDatabase as openServerDatabase } from '../../src-server/db/openDatabase';
import type { Database } from '../../src-server/db/database';
import { createLocalChangeFeed } from '../../src-server/sync/changeFeed';
import type { DemoSeed } from '../../src-server/cli/seedDemo';
import { generateLeads } from '../../src-shared/demo/generateLeads';
import { createDefaultPlaybook } from '../../src-shared/playbook/defaultPlaybook';
import { seedTestDemo } from '../helpers/server/fixtures';
import type { TestDatabase } from '../helpers/server/testDatabase';
import { seedRepUsers } from './repLoad';

export const benchOwnerEmail = 'rita@demo.fairlead.app';

/** Inserts `count` generated leads owned by the bench owner straight into the documents table, in big batches. */
const insertLeads = async (db: Database, seed: DemoSeed, count: number): Promise<void> => {
  const owner = seed.users[benchOwnerEmail];
  if (!owner) throw new Error(`Demo user ${benchOwnerEmail} missing`);
  const playbook = createDefaultPlaybook({
    id: seed.playbookId,
    teamId: seed.team.id,
    ownerId: owner.id,
    now: Date.now(),
  });
  const batch = 2_500;
  for (let offset = 0; offset < count; offset += batch) {
    const leads = generateLeads(
      {
        count: Math.min(batch, count - offset),
        playbook,
        ownerIds: [owner.id],
        teamId: seed.team.id,
        campaignIds: [seed.campaignId],
        seed: 7,
      },
      offset,
    );
    await db.query(
      `insert into documents (collection, id, seq, org_id, team_id, owner_id, deleted, data, written_by)
       select 'leads', d ->> 'id', nextval('document_seq'), $1, d ->> 'teamId', d ->> 'ownerId', false, d, 'bench'
       from jsonb_array_elements($2::jsonb) with ordinality as t(d, n) order by n`,
      [seed.orgId, JSON.stringify(leads)],
    );
  }
};

/**
 * The raw baseline of an initial sync: read the owner's leads with plain SQL and write them into fake-indexeddb
 * in one raw IndexedDB transaction (no RxDB, no HTTP, no indexes).
 */
const rawBaseline = async (db: Database, ownerId: string): Promise<{ ms: number; documents: number }> => {
  const started = performance.now();
  const rows = await db.query<{ data: Record<string, unknown> }>(
    `select data from documents where collection = 'leads' and owner_id = $1 and not deleted order by seq`,
    [ownerId],
  );
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(`bench-raw-${Date.now()}-${Math.random()}`, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('leads', { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise<void>((resolve, reject) => {
    const transaction = idb.transaction('leads', 'readwrite');
    const store = transaction.objectStore('leads');
    for (const row of rows) store.put(row.data);
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
  });
  const ms = performance.now() - started;
  idb.close();
  return { ms, documents: rows.length };
};

/**
 * Seeds the demo organisation, `count` leads and `reps` extra rep users (for the rep load) on a fresh database,
 * measures the raw baseline on the same rows, and closes the database so a server process can open it.
 */
export const prepareBenchDatabase = async (
  database: TestDatabase,
  count: number,
  reps = 0,
): Promise<{
  seed: DemoSeed;
  raw: { ms: number; documents: number };
  seedMs: number;
  repUsers: { emails: string[]; ids: string[] };
}> => {
  const db = await openServerDatabase(database.target);
  try {
    const started = performance.now();
    const seed = await seedTestDemo(db, createLocalChangeFeed({ error: () => undefined }));
    await insertLeads(db, seed, count);
    const seedMs = performance.now() - started;
    const owner = seed.users[benchOwnerEmail];
    const raw = await rawBaseline(db, owner?.id ?? '');
    const repUsers = await seedRepUsers(db, seed, reps);
    return { seed, raw, seedMs, repUsers };
  } finally {
    await db.close();
  }
};
