import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentWrite } from '../../../src-server/sync/documentStore';
import { lockCollectionForWrite, upsertDocument } from '../../../src-server/sync/documentStore';
import type { PullResponse, ReplicatedDocument, SyncCheckpoint } from '../../../src-shared/sync/protocol';
import { pullRequest, push, signIn } from '../../helpers/server/api';
import { makeLead } from '../../helpers/server/documents';
import type { Fixture } from '../../helpers/server/fixtures';
import { fixtureUsers, testPassword } from '../../helpers/server/fixtures';
import { testBackends } from '../../helpers/server/testDatabase';
import type { TestServer } from '../../helpers/server/testServer';
import { startFixtureServer } from '../../helpers/server/testServer';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The checkpoint is the server's seq. If a transaction could stamp seq n and commit after another stamped n+1,
 * a pull between the two commits would move the checkpoint past n and that document would never be pulled.
 */
describe.each(testBackends())('commit-ordered checkpoints on %s', (backend) => {
  let server: TestServer;
  let fixture: Fixture;
  let manager: string;
  const pushers: string[] = [];

  beforeAll(async () => {
    ({ server, fixture } = await startFixtureServer({ backend }));
    manager = (await signIn(server.url, fixtureUsers.manager.email, testPassword)).accessToken;
    for (const key of ['rep', 'otherRep', 'manager', 'marketing'] as const) {
      pushers.push((await signIn(server.url, fixtureUsers[key].email, testPassword)).accessToken);
    }
  });
  afterAll(async () => server?.stop());

  const pullPage = async (checkpoint: SyncCheckpoint | null, limit: number): Promise<PullResponse> => {
    const result = await pullRequest(server.url, manager, 'leads', checkpoint, limit);
    expect(result.status).toBe(200);
    return result.body as PullResponse;
  };

  it('pulls every document written by many concurrent pushes, in small batches while they commit', async () => {
    let checkpoint = (await pullPage(null, 1000)).checkpoint;
    const total = 240;
    const batch = 7;
    const leads = Array.from({ length: total }, (_, index) =>
      makeLead({
        teamId: fixture.teams.North,
        ownerId: index % 8 < 4 ? fixture.users.rep.id : fixture.users.otherRep.id,
      }),
    );
    const tokenFor = (lead: ReplicatedDocument) =>
      lead.ownerId === fixture.users.rep.id ? (pushers[0] as string) : (pushers[1] as string);
    let writing = true;
    const received = new Map<string, number>();
    const pulling = (async () => {
      // Pull continuously while the pushes are committing, then once more after the last one.
      for (let more = true; writing || more;) {
        const page = await pullPage(checkpoint, batch);
        for (const doc of page.documents) received.set(doc.id, (received.get(doc.id) ?? 0) + 1);
        if (page.checkpoint && checkpoint) expect(page.checkpoint.seq).toBeGreaterThanOrEqual(checkpoint.seq);
        checkpoint = page.checkpoint;
        more = page.documents.length === batch;
      }
    })();
    // 16 workers pushing a few documents at a time: many transactions in flight at once on PostgreSQL's pool,
    // each stamping several seqs before it commits, which is when a late commit could be skipped.
    const queue = [...leads];
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let rows = queue.splice(0, 4); rows.length > 0; rows = queue.splice(0, 4)) {
          const token = tokenFor(rows[0] as ReplicatedDocument);
          const mine = rows.filter((lead) => tokenFor(lead) === token);
          queue.push(...rows.filter((lead) => tokenFor(lead) !== token));
          const response = await push(
            server.url,
            token,
            'leads',
            mine.map((lead) => ({ assumedMasterState: null, newDocumentState: lead })),
          );
          expect(response).toEqual({ conflicts: [], rejected: [] });
        }
      }),
    );
    writing = false;
    await pulling;
    const missing = leads.filter((lead) => !received.has(lead.id)).map((lead) => lead.id);
    expect(missing).toEqual([]);
    expect([...received.values()].every((count) => count === 1)).toBe(true);
    expect(total).toBeGreaterThan(batch);
  });

  const write = (id: string): Omit<DocumentWrite, 'data'> & { data: ReplicatedDocument } => {
    const lead = makeLead({ teamId: fixture.teams.North, ownerId: fixture.users.rep.id, id });
    const { _deleted: _ignored, ...data } = lead;
    return {
      collection: 'leads',
      id: lead.id,
      orgId: fixture.orgId,
      teamId: fixture.teams.North,
      ownerId: fixture.users.rep.id,
      deleted: false,
      data: data as ReplicatedDocument,
      writtenBy: 'test',
    };
  };

  /** Opens a transaction that has stamped a seq for `doc` and stays open until the returned release is called. */
  const holdOpen = async (doc: ReturnType<typeof write>, options: { lock: boolean }) => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let stamped = () => {};
    const isStamped = new Promise<void>((resolve) => (stamped = resolve));
    const done = server.db.transaction(async (tx) => {
      if (options.lock) await lockCollectionForWrite(tx, 'leads');
      await upsertDocument(tx, doc);
      stamped();
      await gate;
    });
    await isStamped;
    return { release, done };
  };

  it.skipIf(backend !== 'postgres')(
    'a writer waits for an earlier uncommitted writer of the collection, so no pull can pass it',
    async () => {
      const before = (await pullPage(null, 1000)).checkpoint;
      const early = write(`early-${Date.now()}`);
      const held = await holdOpen(early, { lock: true });
      const late = makeLead({ teamId: fixture.teams.North, ownerId: fixture.users.rep.id });
      let pushed = false;
      const pushing = push(server.url, pushers[0] as string, 'leads', [
        { assumedMasterState: null, newDocumentState: late },
      ]).then((response) => {
        pushed = true;
        return response;
      });
      try {
        await sleep(400);
        expect(pushed).toBe(false);
        // Nothing is visible yet, so a pull cannot move its checkpoint past the early document.
        expect((await pullPage(before, 100)).documents).toEqual([]);
      } finally {
        // Even when an assertion failed: an open transaction would keep the database from being dropped.
        held.release();
        await held.done;
      }
      expect(await pushing).toEqual({ conflicts: [], rejected: [] });
      const after = await pullPage(before, 100);
      expect(after.documents.map((doc) => doc.id)).toEqual([early.id, late.id]);
    },
  );

  it.skipIf(backend !== 'postgres')(
    'control: without the writer lock a pull does skip a late commit (what the lock prevents)',
    async () => {
      const start = (await pullPage(null, 1000)).checkpoint;
      const early = write(`unlocked-early-${Date.now()}`);
      const held = await holdOpen(early, { lock: false });
      const late = write(`unlocked-late-${Date.now()}`);
      let first: PullResponse;
      try {
        await server.db.transaction((tx) => upsertDocument(tx, late));
        first = await pullPage(start, 100);
        expect(first.documents.map((doc) => doc.id)).toEqual([late.id]);
      } finally {
        held.release();
        await held.done;
      }
      const next = await pullPage(first.checkpoint, 100);
      // The early document committed with a lower seq than the checkpoint: a client would never see it.
      expect(next.documents.map((doc) => doc.id)).not.toContain(early.id);
    },
  );
});
