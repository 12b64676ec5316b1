import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RxCollection } from 'rxdb';
import type { Lead } from '../../../src-shared/domain/lead';
import { testBackends } from '../../helpers/server/testDatabase';
import { openTestClient, waitFor, waitUntilSynced } from '../../helpers/sync/clients';
import type { TestClient } from '../../helpers/sync/clients';
import { startFaultProxy } from '../../helpers/sync/faultProxy';
import type { FaultProxy } from '../../helpers/sync/faultProxy';
import { capturedLead } from '../../helpers/sync/leads';
import { demoEmail, startSyncTestServer } from '../../helpers/sync/syncServer';
import type { SyncTestServer } from '../../helpers/sync/syncServer';

/** Lost answers, refused documents and live delivery, against a real server process. */
describe.each(testBackends())('sync under faults on %s', (backend) => {
  let server: SyncTestServer;
  let clients: TestClient[] = [];
  let proxy: FaultProxy | undefined;

  beforeAll(async () => {
    server = await startSyncTestServer(backend);
  });
  afterEach(async () => {
    for (const client of clients) await client.close();
    clients = [];
    await proxy?.close();
    proxy = undefined;
  });
  afterAll(async () => server?.stop());

  const device = async (email: string, label: string, serverUrl = server.url) => {
    const client = await openTestClient({ serverUrl, email, label });
    clients.push(client);
    return client;
  };
  const leadsOf = (client: TestClient) => client.db.leads as unknown as RxCollection<Lead>;
  const onServer = async (id: string) =>
    (await server.documentsOf(demoEmail.manager, 'leads')).filter((doc) => doc.id === id);

  it('(d) a push whose answer is lost after the server committed is retried without duplicate or false conflict', async () => {
    proxy = await startFaultProxy(server.url);
    const rita = await device(demoEmail.rita, 'rita behind a lossy proxy', proxy.url);
    await waitUntilSynced(rita);

    const created = proxy.dropNextResponse(/\/sync\/leads\/push$/);
    const lead = capturedLead(rita.user, 'Lossy');
    await leadsOf(rita).insert(lead);
    expect((await created).status).toBe(200);
    await waitUntilSynced(rita);
    expect(await onServer(lead.id)).toHaveLength(1);

    const updated = proxy.dropNextResponse(/\/sync\/leads\/push$/);
    await (
      await leadsOf(rita).findOne(lead.id).exec()
    )?.incrementalPatch({ notes: 'Retry me', updatedAt: Date.now() });
    expect((await updated).status).toBe(200);
    await waitUntilSynced(rita);

    const stored = await onServer(lead.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.notes).toBe('Retry me');
    expect(
      await leadsOf(rita)
        .count({ selector: { id: lead.id } })
        .exec(),
    ).toBe(1);
    expect(await rita.db.syncIssues.count().exec()).toBe(0);
    const pushes = proxy.log.filter((entry) => entry.path.endsWith('/leads/push'));
    expect(pushes.filter((entry) => entry.dropped)).toHaveLength(2);
    expect(pushes.filter((entry) => !entry.dropped).length).toBeGreaterThanOrEqual(2);
  });

  it('(e) a refused document is recorded with its reason and the rest of the queue still syncs', async () => {
    const rita = await device(demoEmail.rita, 'rita');
    await waitUntilSynced(rita);
    const raviId = server.demo.users[demoEmail.ravi]?.id ?? '';
    const good = capturedLead(rita.user, 'Good');
    const foreign = capturedLead(rita.user, 'Foreign', { ownerId: raviId });
    const invalid = capturedLead(rita.user, 'Invalid', { email: 'not-an-email' });
    const alsoGood = capturedLead(rita.user, 'AlsoGood');
    await leadsOf(rita).bulkInsert([good, foreign, invalid, alsoGood]);

    const status = await waitFor('both refusals to be counted', () => {
      const current = rita.sync.status();
      return current.rejected === 2 && current.pending === 0 && current.state === 'synced'
        ? current
        : undefined;
    });
    expect(status.conflictsToReview).toBe(0);
    expect(await onServer(good.id)).toHaveLength(1);
    expect(await onServer(alsoGood.id)).toHaveLength(1);
    expect(await onServer(foreign.id)).toHaveLength(0);
    expect(await onServer(invalid.id)).toHaveLength(0);

    const issues = (await rita.db.syncIssues.find({ selector: { kind: 'rejected' } }).exec()).map((doc) =>
      doc.toJSON(),
    );
    const byDocument = new Map(issues.map((issue) => [issue.documentId, issue]));
    expect(byDocument.get(foreign.id)).toMatchObject({
      collectionName: 'leads',
      field: '',
      chosen: '',
      reviewed: false,
    });
    expect(byDocument.get(foreign.id)?.reason).toMatch(/may only save/);
    expect(byDocument.get(invalid.id)?.reason).toMatch(/email/i);
    expect(JSON.parse(byDocument.get(invalid.id)?.ours ?? '{}')).toMatchObject({
      id: invalid.id,
      email: 'not-an-email',
    });
    // Refused documents stay on the device, so nothing typed is lost.
    expect(await leadsOf(rita).findOne(foreign.id).exec()).not.toBeNull();

    // The queue is not blocked: a later edit of a good lead goes through.
    await (
      await leadsOf(rita).findOne(good.id).exec()
    )?.incrementalPatch({ notes: 'After the refusal', updatedAt: Date.now() });
    await waitFor(
      'the later edit on the server',
      async () => (await onServer(good.id))[0]?.notes === 'After the refusal',
    );
    expect(rita.sync.status().rejected).toBe(2);
  });

  it('(f) a change made on one device arrives on another through the stream within a second, without polling', async () => {
    const rita = await device(demoEmail.rita, 'rita');
    const maria = await device(demoEmail.manager, 'maria');
    const lead = capturedLead(rita.user, 'Live');
    await leadsOf(rita).insert(lead);
    await waitFor('maria to have the lead', () =>
      leadsOf(maria)
        .findOne(lead.id)
        .exec()
        .then((doc) => doc ?? undefined),
    );
    await waitUntilSynced(rita);
    await waitUntilSynced(maria);

    const latencies: number[] = [];
    const mark = maria.network.requests.length;
    for (let i = 0; i < 5; i += 1) {
      const notes = `live change ${i}`;
      const started = Date.now();
      await (await leadsOf(rita).findOne(lead.id).exec())?.incrementalPatch({ notes, updatedAt: Date.now() });
      await waitFor(
        `change ${i} on maria's device`,
        async () => (await leadsOf(maria).findOne(lead.id).exec())?.notes === notes,
        5_000,
        5,
      );
      latencies.push(Date.now() - started);
    }
    console.log(`live propagation on ${backend}: ${latencies.join(', ')} ms`);
    expect(Math.max(...latencies)).toBeLessThan(1_000);
    expect(maria.network.requests.slice(mark).filter((request) => request.path.endsWith('/pull'))).toEqual(
      [],
    );
  });
});
