import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RxCollection } from 'rxdb';
import type { Answer, Lead } from '../../../src-shared/domain/lead';
import type { Playbook } from '../../../src-shared/domain/playbook';
import { draftFromPlaybook } from '../../../src-shared/playbook/playbookDraft';
import type { QualificationInput } from '../../../src-shared/rules/qualification';
import { qualify } from '../../../src-shared/rules/qualification';
import { saveQualification } from '../../../src-renderer/modules/leads/leadRepository';
import {
  newestPlaybook,
  publishPlaybook,
} from '../../../src-renderer/modules/playbookEditor/publishPlaybook';
import { testBackends } from '../../helpers/server/testDatabase';
import { openTestClient, waitFor, waitUntilSynced } from '../../helpers/sync/clients';
import type { TestClient } from '../../helpers/sync/clients';
import { capturedLead } from '../../helpers/sync/leads';
import { demoEmail, startSyncTestServer } from '../../helpers/sync/syncServer';
import type { SyncTestServer } from '../../helpers/sync/syncServer';

/**
 * Answers scoring 77 of 100 under the demo playbook v1 (hot from 70). Under the v2 published below (hot from 85,
 * "need" worth 30) the same answers score 78 of 105: warm.
 */
const answers: Record<string, Answer> = {
  need: true,
  authority: 'decides',
  budget: 'approved',
  timeline: 'within_12_months',
  seats: 0,
};
const input: QualificationInput = {
  answers,
  profile: { industry: 'manufacturing', companySize: '50-249', region: 'territory', role: 'executive' },
  buyingStage: 'buying',
};

const leadsOf = (client: TestClient) => client.db.leads as unknown as RxCollection<Lead>;

const leadOn = async (client: TestClient, id: string): Promise<Lead | undefined> =>
  (await leadsOf(client).findOne(id).exec())?.toJSON() as Lead | undefined;

const playbookVersion = (client: TestClient, version: number) =>
  waitFor(`${client.label} to have playbook v${version}`, async () => {
    const newest = await newestPlaybook(client.db, client.user.teamId);
    return newest?.version === version ? newest : undefined;
  });

/** What the rep does at the booth: capture, answer the questions, make it a lead with the grade the playbook gives. */
const captureAndQualify = async (rep: TestClient, playbook: Playbook, label: string): Promise<Lead> => {
  const lead = capturedLead(rep.user, label);
  await leadsOf(rep).insert(lead);
  const grade = qualify(playbook, input).grade ?? '';
  const saved = await saveQualification(rep.db, rep.user, playbook, lead.id, input, { to: 'lead', grade });
  if (!saved.ok) throw new Error(saved.errors.map((error) => error.message).join('; '));
  return (await leadOn(rep, lead.id))!;
};

/**
 * The manager publishes playbook v2 from her device (offline, going out on reconnect); it reaches the rep's device
 * through the real sync server; new qualifications there are judged by v2, and a lead qualified earlier still
 * names v1 and keeps its grade. Real server process, RxDB clients on fake-indexeddb.
 */
describe.each(testBackends())('a playbook published by the manager on %s', (backend) => {
  let server: SyncTestServer;
  let devices: TestClient[] = [];

  beforeAll(async () => {
    server = await startSyncTestServer(backend);
  });
  afterEach(async () => {
    for (const device of devices) await device.close();
    devices = [];
  });
  afterAll(async () => server?.stop());

  it('reaches the rep, judges new qualifications, and leaves earlier records on their version', async () => {
    const collections = ['leads', 'playbooks'] as const;
    const rita = await openTestClient({
      serverUrl: server.url,
      email: demoEmail.rita,
      label: 'rita',
      collections: [...collections],
    });
    const maria = await openTestClient({
      serverUrl: server.url,
      email: demoEmail.manager,
      label: 'maria',
      collections: [...collections],
    });
    devices.push(rita, maria);

    const v1 = await playbookVersion(rita, 1);
    const early = await captureAndQualify(rita, v1, 'Early');
    expect(early).toMatchObject({ status: 'lead', grade: 'hot', playbookId: v1.id, playbookVersion: 1 });
    await waitUntilSynced(rita);

    // The manager raises the bar offline: hot from 85, and a real need counts for more.
    const managerV1 = await playbookVersion(maria, 1);
    maria.network.offline();
    const draft = draftFromPlaybook(managerV1);
    draft.gradeRule.hotMinScore = 85;
    const need = draft.questions.find((question) => question.id === 'need');
    if (need?.kind !== 'yesno') throw new Error('the demo playbook changed');
    need.points = 30;
    const published = await publishPlaybook(maria.db, maria.user, managerV1, draft);
    if (!published.ok) throw new Error(`publishing failed: ${published.reason}`);
    expect(published.playbook).toMatchObject({
      version: 2,
      teamId: managerV1.teamId,
      ownerId: maria.user.id,
      gradeRule: { hotMinScore: 85 },
    });
    expect(published.playbook.id).not.toBe(managerV1.id);
    // Kept on the manager's device until the network is back.
    expect(maria.sync.status().pending).toBe(1);
    maria.network.online();

    const v2 = await playbookVersion(rita, 2);
    expect(v2).toEqual(published.playbook);
    // Publishing never edits the old version, anywhere.
    expect((await rita.db.playbooks.findOne(v1.id).exec())?.toJSON()).toEqual(v1);
    const onServer = await server.documentsOf(demoEmail.manager, 'playbooks');
    expect(onServer.map((doc) => doc.version).sort()).toEqual([1, 2]);
    expect(onServer.find((doc) => doc.id === v1.id)).toEqual(v1);

    // At the next booth, offline: the same answers now make a warm lead, judged by v2.
    rita.network.offline();
    const late = await captureAndQualify(rita, v2, 'Late');
    expect(late).toMatchObject({
      status: 'lead',
      grade: 'warm',
      qualificationScore: 78,
      playbookId: v2.id,
      playbookVersion: 2,
    });
    expect(await leadOn(rita, early.id)).toMatchObject({
      grade: 'hot',
      playbookId: v1.id,
      playbookVersion: 1,
    });
    rita.network.online();
    await waitUntilSynced(rita);

    await waitFor('the manager to see both leads', async () => (await leadOn(maria, late.id)) !== undefined);
    expect(await leadOn(maria, late.id)).toMatchObject({ grade: 'warm', playbookVersion: 2 });
    expect(await leadOn(maria, early.id)).toMatchObject({ grade: 'hot', playbookVersion: 1 });

    // A draft still based on v1 can no longer be published over v2.
    const stale = await publishPlaybook(maria.db, maria.user, managerV1, draftFromPlaybook(managerV1));
    expect(stale).toMatchObject({ ok: false, reason: 'outdated', newest: { id: v2.id, version: 2 } });
    expect(await maria.db.playbooks.count().exec()).toBe(2);
  });
});
