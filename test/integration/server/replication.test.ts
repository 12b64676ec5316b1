import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse, PushResponse, ReplicatedDocument } from '../../../src-shared/sync/protocol';
import { pullAll, pullRequest, push, signIn } from '../../helpers/server/api';
import { edited, makeLead } from '../../helpers/server/documents';
import type { Fixture } from '../../helpers/server/fixtures';
import { fixtureUsers, testPassword } from '../../helpers/server/fixtures';
import { readDocument } from '../../helpers/server/serverWrites';
import { testBackends } from '../../helpers/server/testDatabase';
import type { TestServer } from '../../helpers/server/testServer';
import { startFixtureServer } from '../../helpers/server/testServer';

/** Same JSON, keys in reverse order: what a jsonb round trip or another serializer may produce. */
const reordered = (doc: ReplicatedDocument): ReplicatedDocument =>
  Object.fromEntries(Object.entries(doc).reverse()) as ReplicatedDocument;

describe.each(testBackends())('push and pull on %s', (backend) => {
  let server: TestServer;
  let fixture: Fixture;
  let rita: string;
  let maria: string;
  let ravi: string;
  const northLead = (overrides = {}) =>
    makeLead({ teamId: fixture.teams.North, ownerId: fixture.users.rep.id }, overrides);

  beforeAll(async () => {
    ({ server, fixture } = await startFixtureServer({ backend }));
    rita = (await signIn(server.url, fixtureUsers.rep.email, testPassword)).accessToken;
    maria = (await signIn(server.url, fixtureUsers.manager.email, testPassword)).accessToken;
    ravi = (await signIn(server.url, fixtureUsers.otherRep.email, testPassword)).accessToken;
  });
  afterAll(async () => server?.stop());

  it('inserts a new document and pulls it back exactly as pushed, with _deleted', async () => {
    const lead = northLead();
    expect(
      await push(server.url, rita, 'leads', [{ assumedMasterState: null, newDocumentState: lead }]),
    ).toEqual({
      conflicts: [],
      rejected: [],
    });
    const pulled = await pullAll(server.url, maria, 'leads');
    expect(pulled.documents.find((doc) => doc.id === lead.id)).toEqual(lead);
    const stored = await readDocument(server, 'leads', lead.id);
    expect(pulled.checkpoint?.seq).toBeGreaterThanOrEqual(stored?.seq ?? Infinity);
    // Server-stamped data stays out of the document JSON.
    expect(Object.keys(stored?.document ?? {})).not.toContain('seq');
  });

  it('compare-and-set: an edit based on a stale master is a conflict carrying the current master', async () => {
    const base = northLead();
    await push(server.url, rita, 'leads', [{ assumedMasterState: null, newDocumentState: base }]);
    const managers = edited(base, { jobTitle: 'Head of Operations' });
    expect(
      await push(server.url, maria, 'leads', [{ assumedMasterState: base, newDocumentState: managers }]),
    ).toEqual({
      conflicts: [],
      rejected: [],
    });
    const ritas = edited(base, { phone: '+49 511 7654321' });
    const response = await push(server.url, rita, 'leads', [
      { assumedMasterState: base, newDocumentState: ritas },
    ]);
    expect(response).toEqual({ conflicts: [managers], rejected: [] });
    expect((await readDocument(server, 'leads', base.id))?.document).toEqual(managers);
    // After merging on the device the client retries against the master it was given: accepted.
    const merged = edited(managers, { phone: '+49 511 7654321' });
    expect(
      await push(server.url, rita, 'leads', [{ assumedMasterState: managers, newDocumentState: merged }]),
    ).toEqual({
      conflicts: [],
      rejected: [],
    });
    // Creating a document that exists already is a conflict too, never an overwrite.
    const duplicate = await push(server.url, rita, 'leads', [
      { assumedMasterState: null, newDocumentState: edited(base, {}) },
    ]);
    expect(duplicate.conflicts).toEqual([merged]);
  });

  it('a retried push (its answer was lost) is no conflict, no duplicate, and does not move the seq', async () => {
    const lead = northLead();
    const rows = [{ assumedMasterState: null, newDocumentState: lead }];
    await push(server.url, rita, 'leads', rows);
    const first = await readDocument(server, 'leads', lead.id);
    expect(await push(server.url, rita, 'leads', rows)).toEqual({ conflicts: [], rejected: [] });
    expect(await readDocument(server, 'leads', lead.id)).toEqual(first);

    const next = edited(lead, { notes: 'Called back' });
    const update = [{ assumedMasterState: lead, newDocumentState: next }];
    await push(server.url, rita, 'leads', update);
    const afterUpdate = await readDocument(server, 'leads', lead.id);
    expect(await push(server.url, rita, 'leads', update)).toEqual({ conflicts: [], rejected: [] });
    expect(await readDocument(server, 'leads', lead.id)).toEqual(afterUpdate);
    expect(afterUpdate?.seq).toBeGreaterThan(first?.seq ?? Infinity);

    const count = await server.db.query<{ n: number }>(
      "select count(*)::int as n from documents where collection = 'leads' and id = $1",
      [lead.id],
    );
    expect(count[0]?.n).toBe(1);
  });

  it('compares documents by content: key order and device-only fields cause no false conflict', async () => {
    const lead = northLead();
    await push(server.url, rita, 'leads', [{ assumedMasterState: null, newDocumentState: lead }]);
    const assumed = { ...reordered(lead), _meta: { lwt: 1 }, _rev: '1-abc' } as unknown as ReplicatedDocument;
    const next = {
      ...edited(lead, { notes: 'Sent brochure' }),
      _rev: '2-def',
    } as unknown as ReplicatedDocument;
    expect(
      await push(server.url, rita, 'leads', [{ assumedMasterState: assumed, newDocumentState: next }]),
    ).toEqual({
      conflicts: [],
      rejected: [],
    });
    const stored = await readDocument(server, 'leads', lead.id);
    expect(stored?.document).toEqual(edited(lead, { notes: 'Sent brochure' }));
  });

  it('applies rows of one push in order, including two states of one document', async () => {
    const lead = northLead();
    const second = edited(lead, { notes: 'Second' });
    expect(
      await push(server.url, rita, 'leads', [
        { assumedMasterState: null, newDocumentState: lead },
        { assumedMasterState: lead, newDocumentState: second },
      ]),
    ).toEqual({ conflicts: [], rejected: [] });
    expect((await readDocument(server, 'leads', lead.id))?.document).toEqual(second);
  });

  it('soft-deletes: a pushed _deleted: true is pulled as a deletion', async () => {
    const lead = northLead();
    await push(server.url, rita, 'leads', [{ assumedMasterState: null, newDocumentState: lead }]);
    const deleted = { ...lead, _deleted: true };
    await push(server.url, rita, 'leads', [{ assumedMasterState: lead, newDocumentState: deleted }]);
    const { documents } = await pullAll(server.url, rita, 'leads');
    expect(documents.filter((doc) => doc.id === lead.id)).toEqual([deleted]);
  });

  it('pulls in batches by commit-ordered checkpoints without gaps or repeats', async () => {
    const start = (await pullAll(server.url, maria, 'leads')).checkpoint ?? null;
    const leads = Array.from({ length: 25 }, () => northLead());
    await push(
      server.url,
      rita,
      'leads',
      leads.map((lead) => ({ assumedMasterState: null, newDocumentState: lead })),
    );
    const seen: string[] = [];
    const seqs: number[] = [];
    let checkpoint = start;
    for (;;) {
      const page = (await pullRequest(server.url, maria, 'leads', checkpoint, 10)).body as PullResponse;
      seen.push(...page.documents.map((doc) => doc.id));
      if (page.checkpoint) seqs.push(page.checkpoint.seq);
      if (page.documents.length === 0) {
        expect(page.checkpoint).toEqual(checkpoint);
        break;
      }
      checkpoint = page.checkpoint;
    }
    expect(seen).toEqual(leads.map((lead) => lead.id));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it('a lead reassigned away from a rep reaches that rep once more, as a deletion', async () => {
    const lead = northLead();
    await push(server.url, rita, 'leads', [{ assumedMasterState: null, newDocumentState: lead }]);
    const ritaCheckpoint = (await pullAll(server.url, rita, 'leads')).checkpoint;
    const raviCheckpoint = (await pullAll(server.url, ravi, 'leads')).checkpoint;
    const reassigned = edited(lead, { ownerId: fixture.users.otherRep.id });
    expect(
      await push(server.url, maria, 'leads', [{ assumedMasterState: lead, newDocumentState: reassigned }]),
    ).toEqual({
      conflicts: [],
      rejected: [],
    });
    const forRita = await pullAll(server.url, rita, 'leads', { checkpoint: ritaCheckpoint });
    expect(forRita.documents).toEqual([{ ...reassigned, _deleted: true }]);
    const forRavi = await pullAll(server.url, ravi, 'leads', { checkpoint: raviCheckpoint });
    expect(forRavi.documents).toEqual([reassigned]);
    // Rita's offline edit of the lead she no longer owns is refused, not turned into a conflict.
    const late = await push(server.url, rita, 'leads', [
      { assumedMasterState: lead, newDocumentState: edited(lead, { notes: 'Offline note' }) },
    ]);
    expect(late.conflicts).toEqual([]);
    expect(late.rejected).toEqual([
      { id: lead.id, reason: expect.stringContaining('cannot change') as string },
    ]);
  });

  it('answers an empty pull with the checkpoint it was given', async () => {
    const admin = (await signIn(server.url, fixtureUsers.admin.email, testPassword)).accessToken;
    const page = (await pullRequest(server.url, admin, 'leads', { seq: 3 }, 10)).body as PullResponse;
    expect(page).toEqual({ documents: [], checkpoint: { seq: 3 } });
    const response = (await pullRequest(server.url, admin, 'leads', null, 10)).body as
      PushResponse | PullResponse;
    expect(response).toEqual({ documents: [], checkpoint: null });
  });
});
