import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCampaignName, demoUsers } from '../../../src-server/cli/seedDemo';
import type { Database } from '../../../src-server/db/database';
import { openDatabase } from '../../../src-server/db/openDatabase';
import { documentSchemas } from '../../../src-shared/domain/collections';
import type { CollectionName } from '../../../src-shared/domain/collections';
import type { Campaign } from '../../../src-shared/domain/campaign';
import type { Playbook } from '../../../src-shared/domain/playbook';
import { signIn, signInRequest } from '../../helpers/server/api';
import { runCliProcess, startServerProcess } from '../../helpers/server/serverProcess';
import type { TestDatabase } from '../../helpers/server/testDatabase';
import { createTestDatabase, testBackends } from '../../helpers/server/testDatabase';
import { startTestServer } from '../../helpers/server/testServer';

/** Opens the database briefly (PGlite admits one process at a time), runs `read`, closes it. */
const inspect = async <T>(database: TestDatabase, read: (db: Database) => Promise<T>): Promise<T> => {
  const db = await openDatabase(database.target);
  try {
    return await read(db);
  } finally {
    await db.close();
  }
};

const counts = (database: TestDatabase) =>
  inspect(database, async (db) => {
    const rows = await db.query<{ what: string; n: number }>(
      `select 'orgs' as what, count(*)::int as n from orgs
       union all select 'teams', count(*)::int from teams
       union all select 'users', count(*)::int from users
       union all select collection, count(*)::int from documents group by collection`,
    );
    return Object.fromEntries(rows.map((row) => [row.what, row.n]));
  });

const documentsOf = (database: TestDatabase) =>
  inspect(database, async (db) => {
    const rows = await db.query<{ collection: CollectionName; data: Record<string, unknown> }>(
      'select collection, data from documents order by seq',
    );
    return (collection: CollectionName) =>
      rows.filter((row) => row.collection === collection).map((row) => row.data);
  });

describe.each(testBackends())('CLI on %s', (backend) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
  });
  afterAll(async () => database?.drop());

  it('seed-demo creates the demo organisation once, however often it runs', async () => {
    const first = await runCliProcess(database, ['seed-demo']);
    expect(first.stderr).toBe('');
    expect(first).toMatchObject({ code: 0, stdout: expect.stringContaining('Demo ready') as string });
    const afterFirst = await counts(database);
    expect(afterFirst).toEqual({ orgs: 1, teams: 1, users: 6, campaigns: 1, playbooks: 1 });
    expect((await runCliProcess(database, ['seed-demo'])).code).toBe(0);
    expect(await counts(database)).toEqual(afterFirst);
  });

  it('seeds valid documents: the Hannover Messe campaign for the three reps and playbook version 1', async () => {
    const documents = await documentsOf(database);
    for (const collection of ['campaigns', 'playbooks', 'users'] as const) {
      for (const data of documents(collection)) expect(documentSchemas[collection].parse(data)).toBeTruthy();
    }
    const campaign = documents('campaigns')[0] as Campaign;
    const playbook = documents('playbooks')[0] as Playbook;
    const users = documents('users');
    const reps = users.filter((user) => user.role === 'rep');
    expect(campaign).toMatchObject({ name: demoCampaignName, type: 'trade_show' });
    expect(campaign.budget).toBeGreaterThan(0);
    expect(campaign.targets.relevantLeads).toBeGreaterThan(0);
    expect([...campaign.assignedRepIds].sort()).toEqual(reps.map((rep) => rep.id).sort());
    expect(playbook).toMatchObject({ version: 1, teamId: campaign.teamId });
    expect(users.map((user) => user.email).sort()).toEqual(demoUsers.map((user) => user.email).sort());
  });

  it('creates a team and a user who can sign in, and disables them', async () => {
    expect(await runCliProcess(database, ['create-team', '--name', 'South'])).toMatchObject({ code: 0 });
    const created = await runCliProcess(database, [
      'create-user',
      '--email',
      'Sam@Demo.Fairlead.app',
      '--name',
      'Sam South',
      '--role',
      'rep',
      '--team',
      'South',
      '--password',
      'sam-password-1',
    ]);
    expect(created).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Created rep Sam South <sam@demo.fairlead.app>') as string,
    });
    const bad = await runCliProcess(database, [
      'create-user',
      '--email',
      'x@y.z',
      '--name',
      'X',
      '--role',
      'boss',
      '--team',
      'South',
      '--password',
      'long-enough',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--role must be one of');

    const server = await startTestServer({ database });
    try {
      const session = await signIn(server.url, 'sam@demo.fairlead.app', 'sam-password-1');
      expect(session.user).toMatchObject({ role: 'rep', name: 'Sam South' });
      expect((await signInRequest(server.url, 'rita@demo.fairlead.app', 'fairlead-demo')).status).toBe(200);
    } finally {
      await server.stop();
    }
    expect(await runCliProcess(database, ['disable-user', '--email', 'sam@demo.fairlead.app'])).toMatchObject(
      { code: 0 },
    );
    // What a disabled user meets on sign-in, refresh and sync is covered in auth.test.ts; here: the CLI did it.
    const state = await inspect(database, async (db) => ({
      user: await db.query('select active from users where email = $1', ['sam@demo.fairlead.app']),
      document: await db.query(
        "select data ->> 'active' as active from documents where collection = 'users' and data ->> 'email' = $1",
        ['sam@demo.fairlead.app'],
      ),
      liveTokens: await db.query(
        'select 1 from refresh_tokens t join users u on u.id = t.user_id where u.email = $1 and t.revoked_at is null',
        ['sam@demo.fairlead.app'],
      ),
    }));
    expect(state).toEqual({ user: [{ active: false }], document: [{ active: 'false' }], liveTokens: [] });
  });

  it('FAIRLEAD_SEED_DEMO=1 seeds an empty database on start, and only an empty one', async () => {
    const fresh = await createTestDatabase(backend);
    try {
      const first = await startServerProcess(fresh, { FAIRLEAD_SEED_DEMO: '1' });
      const session = await signIn(first.url, 'maria@demo.fairlead.app', 'fairlead-demo');
      expect(session.user.role).toBe('manager');
      if (backend === 'pglite') {
        // The embedded database has one process: a CLI next to the running server is refused, not let in.
        const refused = await runCliProcess(fresh, ['seed-demo']);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain(`is in use by process ${first.pid}`);
      }
      await first.kill();
      const seeded = await counts(fresh);
      expect(seeded).toEqual({ orgs: 1, teams: 1, users: 6, campaigns: 1, playbooks: 1 });
      const second = await startTestServer({ database: fresh, seedDemo: true });
      await second.stop();
      expect(await counts(fresh)).toEqual(seeded);
    } finally {
      await fresh.drop();
    }
  });
});
