import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-server/db/openDatabase';
import { createLocalChangeFeed } from '../../../src-server/sync/changeFeed';
import type { PushResponse, ReplicatedDocument } from '../../../src-shared/sync/protocol';
import { pullAll, push, pushRequest, signIn } from '../../helpers/server/api';
import { edited, makeLead } from '../../helpers/server/documents';
import type { Fixture } from '../../helpers/server/fixtures';
import { fixtureUsers, seedFixture, testPassword } from '../../helpers/server/fixtures';
import { startLossyProxy } from '../../helpers/server/lossyProxy';
import type { ServerProcess } from '../../helpers/server/serverProcess';
import { startServerProcess } from '../../helpers/server/serverProcess';
import type { TestDatabase } from '../../helpers/server/testDatabase';
import { createTestDatabase, testBackends } from '../../helpers/server/testDatabase';

type Row = { assumedMasterState: ReplicatedDocument | null; newDocumentState: ReplicatedDocument };

/**
 * The server process is killed (SIGKILL: no shutdown, no flush) the moment it has acknowledged a push, with
 * other pushes in flight, then restarted on the same data. Acknowledged means durable; unacknowledged pushes are
 * retried by the client exactly as sent, and whether or not they had committed, the retry is harmless.
 */
describe.each(testBackends())('killed mid-push and restarted on %s', (backend) => {
  let database: TestDatabase;
  let fixture: Fixture;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    const db = await openDatabase(database.target);
    try {
      fixture = await seedFixture(db, createLocalChangeFeed({ error: () => undefined }));
    } finally {
      await db.close();
    }
  });
  afterAll(async () => {
    await server?.kill();
    await database?.drop();
  });

  it('keeps every acknowledged write, and retried unacknowledged pushes cause no conflict or duplicate', async () => {
    server = await startServerProcess(database);
    const token = (await signIn(server.url, fixtureUsers.rep.email, testPassword)).accessToken;
    const pushes: Row[][] = Array.from({ length: 40 }, () =>
      Array.from({ length: 3 }, () => ({
        assumedMasterState: null,
        newDocumentState: makeLead({ teamId: fixture.teams.North, ownerId: fixture.users.rep.id }),
      })),
    );
    const acknowledged: Row[][] = [];
    const unacknowledged: Row[][] = [];
    const killAfter = 15;
    const victim = server;
    let killed = false;
    const queue = [...pushes];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let rows = queue.shift(); rows; rows = queue.shift()) {
          if (killed) {
            unacknowledged.push(rows);
            continue;
          }
          try {
            const result = await pushRequest(victim.url, token, 'leads', rows);
            if (result.status !== 200) throw new Error(`push answered ${result.status}`);
            expect(result.body).toEqual({ conflicts: [], rejected: [] });
            acknowledged.push(rows);
            if (acknowledged.length === killAfter && !killed) {
              killed = true;
              // Sent synchronously, before any other answer can be read.
              void victim.kill('SIGKILL');
            }
          } catch {
            unacknowledged.push(rows);
          }
        }
      }),
    );
    await victim.kill('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(killAfter);
    expect(unacknowledged.length).toBeGreaterThan(0);

    server = await startServerProcess(database);
    const url = server.url;
    const stored = new Map(
      (await pullAll(url, token, 'leads', { limit: 50 })).documents.map((doc) => [doc.id, doc]),
    );
    for (const row of acknowledged.flat())
      expect(stored.get(row.newDocumentState.id)).toEqual(row.newDocumentState);

    // The client retries what it never heard back about, unchanged.
    for (const rows of unacknowledged) {
      expect(await push(url, token, 'leads', rows)).toEqual({
        conflicts: [],
        rejected: [],
      } satisfies PushResponse);
    }
    const after = (await pullAll(url, token, 'leads', { limit: 50 })).documents;
    const ids = after.map((doc) => doc.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(
      pushes
        .flat()
        .map((row) => row.newDocumentState.id)
        .sort(),
    );

    // The acknowledged states are the masters exactly: edits based on them are accepted without conflict.
    const edits = acknowledged.flat().map((row) => ({
      assumedMasterState: row.newDocumentState,
      newDocumentState: edited(row.newDocumentState, { notes: 'After restart' }),
    }));
    expect(await push(url, token, 'leads', edits)).toEqual({ conflicts: [], rejected: [] });
  });

  it('a push committed just before the kill, whose answer never arrived, is retried without conflict or duplicate', async () => {
    await server?.kill();
    server = await startServerProcess(database);
    let current = server;
    const proxy = await startLossyProxy(() => current.url);
    try {
      const token = (await signIn(proxy.url, fixtureUsers.rep.email, testPassword)).accessToken;
      const existing = makeLead({ teamId: fixture.teams.North, ownerId: fixture.users.rep.id });
      await push(proxy.url, token, 'leads', [{ assumedMasterState: null, newDocumentState: existing }]);
      const rows: Row[] = [
        {
          assumedMasterState: null,
          newDocumentState: makeLead({ teamId: fixture.teams.North, ownerId: fixture.users.rep.id }),
        },
        {
          assumedMasterState: existing,
          newDocumentState: edited(existing, { notes: 'Edited before the crash' }),
        },
      ];
      const lost = proxy.loseNextResponse(/\/leads\/push$/);
      const attempt = pushRequest(proxy.url, token, 'leads', rows).then(
        () => 'answered',
        () => 'failed',
      );
      await lost;
      // The server has committed and answered; the answer is gone and so is the server.
      await current.kill('SIGKILL');
      expect(await attempt).toBe('failed');

      server = await startServerProcess(database);
      current = server;
      const before = await pullAll(proxy.url, token, 'leads', { limit: 100 });
      for (const row of rows) {
        expect(before.documents.find((doc) => doc.id === row.newDocumentState.id)).toEqual(
          row.newDocumentState,
        );
      }
      expect(await push(proxy.url, token, 'leads', rows)).toEqual({ conflicts: [], rejected: [] });
      // Nothing was written again: no new seq, so nothing new to pull.
      expect((await pullAll(proxy.url, token, 'leads', { checkpoint: before.checkpoint })).documents).toEqual(
        [],
      );
    } finally {
      await proxy.close();
    }
  });
});
