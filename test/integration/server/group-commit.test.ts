import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeBatch } from '../../../src-server/sync/changeFeed';
import { loadDocuments } from '../../../src-server/sync/documentStore';
import type { WriteDocument } from '../../../src-server/sync/writeDocuments';
import { writeCollection } from '../../../src-server/sync/writeDocuments';
import { makeLead } from '../../helpers/server/documents';
import type { Fixture } from '../../helpers/server/fixtures';
import { testBackends } from '../../helpers/server/testDatabase';
import type { TestServer } from '../../helpers/server/testServer';
import { startFixtureServer } from '../../helpers/server/testServer';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes that wait for a collection share the next transaction (writeDocuments.ts); each still stands alone. */
describe.each(testBackends())('group commit of document writes on %s', (backend) => {
  let server: TestServer;
  let fixture: Fixture;

  beforeAll(async () => {
    ({ server, fixture } = await startFixtureServer({ backend }));
  });
  afterAll(async () => server?.stop());

  const writeLead = (write: WriteDocument, id: string, notes: string) => {
    const { _deleted: _ignored, ...data } = makeLead(
      { teamId: fixture.teams.North, ownerId: fixture.users.rep.id },
      { id, notes },
    );
    return write({
      id,
      orgId: fixture.orgId,
      teamId: fixture.teams.North,
      ownerId: fixture.users.rep.id,
      deleted: false,
      data,
      writtenBy: 'test',
    });
  };

  it('keeps the other writes of a shared transaction when one fails, and tells only its caller', async () => {
    const suffix = Date.now();
    const ids = ['first', 'a', 'b', 'c'].map((name) => `group-${name}-${suffix}`);
    const [first, a, b, c] = ids as [string, string, string, string];
    const batches: ChangeBatch[] = [];
    const unsubscribe = server.feed.subscribe({
      onChanges: (batch) => batches.push(batch),
      onResync: () => undefined,
    });
    try {
      let runsOfA = 0;
      // The first write holds the collection while the others queue up behind it and go together next.
      const writing = writeCollection(server.db, server.feed, 'leads', async (_tx, write) => {
        await sleep(200);
        return writeLead(write, first, 'first');
      });
      await sleep(50);
      const results = await Promise.allSettled([
        writeCollection(server.db, server.feed, 'leads', async (_tx, write) => {
          runsOfA += 1;
          return (await writeLead(write, a, 'a')).id;
        }),
        writeCollection(server.db, server.feed, 'leads', async (_tx, write) => {
          await writeLead(write, b, 'b');
          throw new Error('b refuses');
        }),
        writeCollection(server.db, server.feed, 'leads', async (tx, write) => {
          // Runs after a in the shared transaction: it sees a's row.
          const seen = await loadDocuments(tx, 'leads', [a]);
          await writeLead(write, c, 'c');
          return seen.has(a);
        }),
      ]);
      await writing;
      expect(results).toEqual([
        { status: 'fulfilled', value: a },
        { status: 'rejected', reason: new Error('b refuses') },
        { status: 'fulfilled', value: true },
      ]);
      // The shared attempt was rolled back and a ran again alone.
      expect(runsOfA).toBe(2);
      const stored = await loadDocuments(server.db, 'leads', ids);
      expect([...stored.keys()].sort()).toEqual([first, a, c].sort());
      const seqs = [first, a, c].map((id) => stored.get(id)?.seq ?? 0);
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
      // Streams hear of every kept write and of nothing rolled back.
      await expect
        .poll(() =>
          batches.flatMap((batch) => batch.documents.map((doc) => doc.id)).filter((id) => ids.includes(id)),
        )
        .toEqual([first, a, c]);
    } finally {
      unsubscribe();
    }
  });

  it('commits writes queued together in one transaction, each seeing the ones before it', async () => {
    const suffix = Date.now();
    const id = `group-same-${suffix}`;
    const holder = writeCollection(server.db, server.feed, 'leads', async (_tx, write) => {
      await sleep(200);
      return writeLead(write, `group-holder-${suffix}`, 'holder');
    });
    await sleep(50);
    const notes = ['one', 'two', 'three'];
    const written = await Promise.all(
      notes.map((note) =>
        writeCollection(server.db, server.feed, 'leads', async (tx, write) => {
          const before = (await loadDocuments(tx, 'leads', [id])).get(id);
          const after = await writeLead(write, id, note);
          return { before: before?.data.notes, after: after.seq };
        }),
      ),
    );
    await holder;
    expect(written.map((entry) => entry.before)).toEqual([undefined, 'one', 'two']);
    expect((await loadDocuments(server.db, 'leads', [id])).get(id)?.data.notes).toBe('three');
  });
});
