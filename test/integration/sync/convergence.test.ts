import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RxCollection } from 'rxdb';
import type { Lead } from '../../../src-shared/domain/lead';
import { deepEqual } from '../../../src-renderer/sync/documentEquality';
import { testBackends } from '../../helpers/server/testDatabase';
import { openTestClient, visibleDocuments, waitFor, waitUntilSynced } from '../../helpers/sync/clients';
import type { TestClient } from '../../helpers/sync/clients';
import { capturedLead } from '../../helpers/sync/leads';
import { demoEmail, startSyncTestServer } from '../../helpers/sync/syncServer';
import type { SyncTestServer } from '../../helpers/sync/syncServer';

/**
 * Several devices against a real server process: offline edits on some while others stay online, then everyone
 * reconnects and must hold the same data as the server, with nothing lost and conflicts decided by the stated rule.
 */
describe.each(testBackends())('devices converge through the sync server on %s', (backend) => {
  let server: SyncTestServer;
  let clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startSyncTestServer(backend);
  });
  afterEach(async () => {
    for (const client of clients) await client.close();
    clients = [];
  });
  afterAll(async () => server?.stop());

  const device = async (
    email: string,
    label: string,
    options: { collections?: ('leads' | 'activities')[] } = {},
  ) => {
    const client = await openTestClient({
      serverUrl: server.url,
      email,
      label,
      collections: options.collections,
    });
    clients.push(client);
    return client;
  };

  const leadsOf = (client: TestClient) => client.db.leads as unknown as RxCollection<Lead>;
  const patchLead = async (client: TestClient, id: string, changes: Partial<Lead>) => {
    const doc = await leadsOf(client).findOne(id).exec();
    if (!doc) throw new Error(`${client.label} has no lead ${id}`);
    await doc.incrementalPatch(changes);
  };
  const leadOn = async (client: TestClient, id: string) =>
    (await leadsOf(client).findOne(id).exec())?.toJSON();

  /** Every device shows exactly what the server holds for its user. */
  const expectConverged = async (devices: TestClient[]) => {
    for (const client of devices) {
      await waitUntilSynced(client);
      for (const collection of ['leads', 'activities'] as const) {
        const local = client.db[collection] as unknown as RxCollection | undefined;
        if (!local) continue;
        const expected = await server.documentsOf(client.user.email, collection);
        await waitFor(`${client.label}'s ${collection} to match the server`, async () => {
          return deepEqual(await visibleDocuments(local), expected);
        });
      }
    }
  };

  it('(a) two reps and a manager converge after interleaved offline edits', async () => {
    const both = { collections: ['leads', 'activities'] as ('leads' | 'activities')[] };
    const rita = await device(demoEmail.rita, 'rita', both);
    const ravi = await device(demoEmail.ravi, 'ravi', both);
    const maria = await device(demoEmail.manager, 'maria', both);

    const ritaLeads = ['R1', 'R2', 'R3'].map((label) => capturedLead(rita.user, label));
    const raviLeads = ['V1', 'V2'].map((label) => capturedLead(ravi.user, label));
    await leadsOf(rita).bulkInsert(ritaLeads);
    await leadsOf(ravi).bulkInsert(raviLeads);
    const [r1, r2, r3] = ritaLeads as [Lead, Lead, Lead];
    const [v1] = raviLeads as [Lead, Lead];
    await rita.db.activities.insert({
      id: `act-${r1.id}`.slice(0, 40),
      createdAt: Date.now(),
      updatedAt: Date.now(),
      ownerId: rita.user.id,
      teamId: rita.user.teamId,
      leadId: r1.id,
      kind: 'call',
      at: Date.now(),
      outcomeId: '',
      notes: 'First call',
      insightTags: [],
      nextStep: '',
      nextFollowUpAt: 0,
    });
    await waitFor('maria to see all five leads', async () => (await leadsOf(maria).count().exec()) === 5);
    for (const client of [rita, ravi, maria]) await waitUntilSynced(client);

    rita.network.offline();
    maria.network.offline();
    const t = Date.now();
    await patchLead(rita, r1.id, { notes: 'Wants a quote', updatedAt: t + 1 });
    await patchLead(maria, r1.id, { jobTitle: 'Head of Operations', updatedAt: t + 2 });
    await patchLead(ravi, v1.id, { notes: 'Visited the plant', updatedAt: t + 3 });
    await patchLead(maria, v1.id, { company: 'V1 Holding', updatedAt: t + 4 });
    await patchLead(maria, r2.id, { phone: '+49 511 999', updatedAt: t + 5 });
    await patchLead(rita, r2.id, { value: 5000, updatedAt: t + 6 });
    const r4 = capturedLead(rita.user, 'R4');
    await leadsOf(rita).insert(r4);
    await (await leadsOf(rita).findOne(r3.id).exec())?.remove();
    await leadsOf(ravi).insert(capturedLead(ravi.user, 'V3'));
    expect(rita.sync.status()).toMatchObject({ state: 'offline', pending: 4 });
    expect(maria.sync.status().pending).toBe(3);

    maria.network.online();
    rita.network.online();
    await expectConverged([rita, ravi, maria]);

    const merged = await leadOn(maria, r1.id);
    expect(merged).toMatchObject({ notes: 'Wants a quote', jobTitle: 'Head of Operations' });
    expect(await leadOn(maria, r2.id)).toMatchObject({ phone: '+49 511 999', value: 5000 });
    expect(await leadOn(ravi, v1.id)).toMatchObject({ notes: 'Visited the plant', company: 'V1 Holding' });
    expect(await leadOn(maria, r3.id)).toBeUndefined();
    expect(await leadOn(maria, r4.id)).toBeDefined();
    expect(await leadsOf(maria).count().exec()).toBe(6);
    expect(await maria.db.activities.count().exec()).toBe(1);
    // Different fields only: merged without a single conflict to review.
    for (const client of [rita, ravi, maria]) expect(await client.db.syncIssues.count().exec()).toBe(0);
  });

  it('(b) edits to different fields of one lead on two devices both survive', async () => {
    const laptop = await device(demoEmail.rosa, 'rosa laptop');
    const tablet = await device(demoEmail.rosa, 'rosa tablet');
    const lead = capturedLead(laptop.user, 'Shared');
    await leadsOf(laptop).insert(lead);
    await waitFor('the tablet to get the lead', () => leadOn(tablet, lead.id));

    laptop.network.offline();
    tablet.network.offline();
    await patchLead(laptop, lead.id, { phone: '+49 30 1234', updatedAt: Date.now() + 10 });
    await patchLead(tablet, lead.id, { notes: 'Send brochure', updatedAt: Date.now() + 20 });
    laptop.network.online();
    await waitUntilSynced(laptop);
    tablet.network.online();
    await expectConverged([laptop, tablet]);

    for (const client of [laptop, tablet]) {
      expect(await leadOn(client, lead.id)).toMatchObject({ phone: '+49 30 1234', notes: 'Send brochure' });
      expect(await client.db.syncIssues.count().exec()).toBe(0);
    }
  });

  it('(c) the same field changed on two devices: the later edit wins, logged on the device that merged', async () => {
    const first = await device(demoEmail.rita, 'rita laptop');
    const second = await device(demoEmail.rita, 'rita tablet');
    const lead = capturedLead(first.user, 'Contested');
    await leadsOf(first).insert(lead);
    await waitFor('the tablet to get the lead', () => leadOn(second, lead.id));
    const t = Date.now();

    // Round 1: the device that reconnects second edited earlier, so its value loses.
    first.network.offline();
    second.network.offline();
    await patchLead(first, lead.id, { notes: 'from the laptop', updatedAt: t + 200 });
    await patchLead(second, lead.id, { notes: 'from the tablet', updatedAt: t + 100 });
    first.network.online();
    await waitUntilSynced(first);
    second.network.online();
    await expectConverged([first, second]);
    expect((await leadOn(second, lead.id))?.notes).toBe('from the laptop');
    const lost = await second.db.syncIssues.find().exec();
    expect(lost.map((issue) => issue.toJSON())).toEqual([
      expect.objectContaining({
        kind: 'conflict',
        collectionName: 'leads',
        documentId: lead.id,
        field: 'notes',
        ours: '"from the tablet"',
        theirs: '"from the laptop"',
        chosen: 'theirs',
        reviewed: false,
      }),
    ]);
    expect(second.sync.status().conflictsToReview).toBe(1);
    expect(await first.db.syncIssues.count().exec()).toBe(0);

    // Round 2: the device that reconnects second edited later, so its value wins over the one already on the server.
    first.network.offline();
    second.network.offline();
    await patchLead(first, lead.id, { jobTitle: 'CTO', updatedAt: t + 300 });
    await patchLead(second, lead.id, { jobTitle: 'CEO', updatedAt: t + 400 });
    first.network.online();
    await waitUntilSynced(first);
    second.network.online();
    await expectConverged([first, second]);
    expect((await leadOn(first, lead.id))?.jobTitle).toBe('CEO');
    const won = await second.db.syncIssues.find({ selector: { field: 'jobTitle' } }).exec();
    expect(won.map((issue) => [issue.ours, issue.theirs, issue.chosen])).toEqual([
      ['"CEO"', '"CTO"', 'ours'],
    ]);
  });

  it('counts pending changes across an offline restart and clears them once acknowledged', async () => {
    const before = await device(demoEmail.ravi, 'ravi before restart');
    await waitUntilSynced(before);
    before.network.offline();
    const leads = ['P1', 'P2', 'P3'].map((label) => capturedLead(before.user, label));
    await leadsOf(before).bulkInsert(leads);
    await patchLead(before, leads[0]!.id, { notes: 'edited offline' });
    expect(before.sync.status().pending).toBe(3);
    await before.close();
    clients = clients.filter((client) => client !== before);

    const network = before.network;
    const after = await openTestClient({
      serverUrl: server.url,
      email: demoEmail.ravi,
      label: 'ravi after restart',
      dbName: before.dbName,
      session: before.session,
      network,
    });
    clients.push(after);
    expect(after.sync.status()).toMatchObject({ pending: 3 });
    await waitFor(
      'the restarted device to notice it is offline',
      () => after.sync.status().state === 'offline',
    );
    network.online();
    await waitUntilSynced(after);
    const onServer = await server.documentsOf(demoEmail.ravi, 'leads');
    expect(onServer.filter((doc) => leads.some((lead) => lead.id === doc.id))).toHaveLength(3);
    expect(onServer.find((doc) => doc.id === leads[0]!.id)?.notes).toBe('edited offline');
  });
});
