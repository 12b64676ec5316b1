import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-server/db/openDatabase';
import { createLocalChangeFeed } from '../../../src-server/sync/changeFeed';
import type { PushResponse } from '../../../src-shared/sync/protocol';
import { pullAll, push, signIn } from '../../helpers/server/api';
import { edited, makeLead } from '../../helpers/server/documents';
import { openEventStream } from '../../helpers/server/eventStream';
import type { Fixture } from '../../helpers/server/fixtures';
import { fixtureUsers, seedFixture, testPassword } from '../../helpers/server/fixtures';
import type { ServerProcess } from '../../helpers/server/serverProcess';
import { startServerProcess } from '../../helpers/server/serverProcess';
import type { TestDatabase } from '../../helpers/server/testDatabase';
import { createTestDatabase, postgresSkipReason } from '../../helpers/server/testDatabase';

const hasPostgres = Boolean(process.env.TEST_DATABASE_URL);

/** Scale-out: stateless server processes behind a load balancer, one PostgreSQL, fan-out by LISTEN/NOTIFY. */
describe.skipIf(!hasPostgres)(
  `two server processes on one PostgreSQL${hasPostgres ? '' : ` (skipped: ${postgresSkipReason})`}`,
  () => {
    let database: TestDatabase;
    let fixture: Fixture;
    let a: ServerProcess;
    let b: ServerProcess;

    beforeAll(async () => {
      database = await createTestDatabase('postgres');
      const db = await openDatabase(database.target);
      try {
        fixture = await seedFixture(db, createLocalChangeFeed({ error: () => undefined }));
      } finally {
        await db.close();
      }
      // No FAIRLEAD_JWT_SECRET: the first instance generates one into the database and the second reads it.
      [a, b] = await Promise.all([
        startServerProcess(database, { FAIRLEAD_JWT_SECRET: '' }),
        startServerProcess(database, { FAIRLEAD_JWT_SECRET: '' }),
      ]);
    });
    afterAll(async () => {
      await Promise.all([a?.kill(), b?.kill()]);
      await database?.drop();
    });

    it('accepts on one instance a token issued by the other', async () => {
      const session = await signIn(a.url, fixtureUsers.rep.email, testPassword);
      expect((await pullAll(b.url, session.accessToken, 'leads')).documents).toBeDefined();
    });

    it('delivers a push made through one instance to a stream on the other, both ways', async () => {
      const ritaOnA = (await signIn(a.url, fixtureUsers.rep.email, testPassword)).accessToken;
      const mariaOnB = (await signIn(b.url, fixtureUsers.manager.email, testPassword)).accessToken;
      const streamOnB = await openEventStream(b.url, mariaOnB);
      const streamOnA = await openEventStream(a.url, mariaOnB);
      try {
        await streamOnB.waitFor((event) => event.type === 'RESYNC');
        await streamOnA.waitFor((event) => event.type === 'RESYNC');
        const viaA = makeLead({ teamId: fixture.teams.North, ownerId: fixture.users.rep.id });
        const pushedAt = Date.now();
        await push(a.url, ritaOnA, 'leads', [{ assumedMasterState: null, newDocumentState: viaA }]);
        const event = await streamOnB.waitFor(
          (candidate) =>
            candidate.type === 'changes' && candidate.documents.some((doc) => doc.id === viaA.id),
          2000,
        );
        expect(Date.now() - pushedAt).toBeLessThan(1000);
        expect(event).toMatchObject({ type: 'changes', collection: 'leads', documents: [viaA] });

        const viaB = makeLead({ teamId: fixture.teams.North, ownerId: fixture.users.rep.id });
        await push(b.url, ritaOnA, 'leads', [{ assumedMasterState: null, newDocumentState: viaB }]);
        await streamOnA.waitFor(
          (candidate) =>
            candidate.type === 'changes' && candidate.documents.some((doc) => doc.id === viaB.id),
          2000,
        );
        const pulledFromB = await pullAll(b.url, mariaOnB, 'leads');
        expect(pulledFromB.documents.map((doc) => doc.id)).toEqual(
          expect.arrayContaining([viaA.id, viaB.id]),
        );
      } finally {
        streamOnA.close();
        streamOnB.close();
      }
    });

    it('decides simultaneous edits of one lead through both instances as exactly one write and one conflict', async () => {
      const rita = (await signIn(a.url, fixtureUsers.rep.email, testPassword)).accessToken;
      const maria = (await signIn(b.url, fixtureUsers.manager.email, testPassword)).accessToken;
      for (let round = 0; round < 5; round += 1) {
        const base = makeLead({ teamId: fixture.teams.North, ownerId: fixture.users.rep.id });
        await push(a.url, rita, 'leads', [{ assumedMasterState: null, newDocumentState: base }]);
        const ritas = edited(base, { notes: 'Rita was here' });
        const marias = edited(base, { jobTitle: 'CTO' });
        const [fromA, fromB] = await Promise.all([
          push(a.url, rita, 'leads', [{ assumedMasterState: base, newDocumentState: ritas }]),
          push(b.url, maria, 'leads', [{ assumedMasterState: base, newDocumentState: marias }]),
        ]);
        // Whoever committed second is told about the first one's state.
        const outcomes = [fromA, fromB].map((response: PushResponse) => response.conflicts);
        expect(outcomes).toContainEqual([]);
        expect(outcomes).toContainEqual(fromA.conflicts.length === 0 ? [ritas] : [marias]);
        expect(outcomes.flat()).toHaveLength(1);
      }
    });
  },
);
