import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RxCollection } from 'rxdb';
import type { SeminarInvite } from '../../../src-shared/domain/appointment';
import type { Lead } from '../../../src-shared/domain/lead';
import type { Seminar } from '../../../src-shared/domain/seminar';
import { seatingOf } from '../../../src-shared/rules/seminars';
import type { SeminarSeating } from '../../../src-shared/rules/seminars';
import {
  inviteToSeminar,
  loadInvites,
  withdrawInvite,
} from '../../../src-renderer/modules/seminars/seminarRepository';
import { testBackends } from '../../helpers/server/testDatabase';
import { waitFor, waitUntilSynced } from '../../helpers/sync/clients';
import type { TestClient } from '../../helpers/sync/clients';
import { capturedLead } from '../../helpers/sync/leads';
import { demoEmail, startSyncTestServer } from '../../helpers/sync/syncServer';
import type { SyncTestServer } from '../../helpers/sync/syncServer';
import { expectConverged, newSeminar, openDevice } from './devices';

const collections = ['leads', 'appointments', 'seminars'] as const;

/** What a device derives for the seminar from the invites it holds (the rule of src-shared/rules/seminars.ts). */
const seatingOn = async (client: TestClient, seminar: Seminar): Promise<SeminarSeating> =>
  seatingOf(seminar, await loadInvites(client.db, seminar.id));

const leadOf = async (client: TestClient, label: string): Promise<Lead> => {
  const lead = capturedLead(client.user, label);
  await (client.db.leads as unknown as RxCollection<Lead>).insert(lead);
  return lead;
};

const inviteOffline = async (client: TestClient, seminar: Seminar, lead: Lead): Promise<SeminarInvite> => {
  const result = await inviteToSeminar(client.db, seminar, lead);
  if (!result.ok || !result.invite)
    throw new Error(`${client.label} could not invite: ${JSON.stringify(result)}`);
  // Offline, the device sees a free seat: the invite takes it.
  expect(result.placement).toBe('seat');
  return result.invite;
};

/**
 * Two reps, both offline, invite a lead each into the last seat of a seminar. Seats are derived from the invites
 * ordered by (createdAt, id), so once everything has synced the earlier invite holds the seat and the later one is
 * waitlist #1, identically on every device that holds both invites.
 */
describe.each(testBackends())('seminar capacity with two offline reps on %s', (backend) => {
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

  const open = async (email: string, label: string) => {
    const device = await openDevice(server, email, label, [...collections]);
    devices.push(device);
    return device;
  };

  /** Both reps offline take the last seat; Ravi reconnects first. Returns once every device has synced. */
  const lastSeatRace = async (title: string) => {
    const maria = await open(demoEmail.manager, 'maria');
    const rita = await open(demoEmail.rita, 'rita');
    const ravi = await open(demoEmail.ravi, 'ravi');
    const seminar = newSeminar(maria.user, { title, capacity: 1 });
    await maria.db.seminars.insert(seminar);
    for (const rep of [rita, ravi]) {
      await waitFor(`${rep.label} to get the seminar`, () => rep.db.seminars.findOne(seminar.id).exec());
      await waitUntilSynced(rep);
    }

    rita.network.offline();
    ravi.network.offline();
    const ritaInvite = await inviteOffline(rita, seminar, await leadOf(rita, 'RitaLead'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const raviInvite = await inviteOffline(ravi, seminar, await leadOf(ravi, 'RaviLead'));
    expect(raviInvite.createdAt).toBeGreaterThan(ritaInvite.createdAt);

    // Ravi reconnects first: arriving first at the server does not win the seat, inviting first does.
    ravi.network.online();
    await waitUntilSynced(ravi);
    rita.network.online();
    await waitFor(
      'the manager to hold both invites',
      async () => (await loadInvites(maria.db, seminar.id)).length === 2,
    );
    await expectConverged(server, [maria, rita, ravi], [...collections]);
    return { maria, rita, ravi, seminar, ritaInvite, raviInvite };
  };

  it('seats the earlier invite and waitlists the later one on every device that sees both', async () => {
    const { maria, rita, ravi, seminar, ritaInvite, raviInvite } = await lastSeatRace('Last seat seminar');

    const onServer = (await server.documentsOf(demoEmail.manager, 'appointments')) as SeminarInvite[];
    const truth = seatingOf(seminar, onServer);
    expect(truth.seated).toEqual([ritaInvite.id]);
    expect(truth.waitlist).toEqual([raviInvite.id]);
    expect(truth.placements[raviInvite.id]).toEqual({ kind: 'waitlist', position: 1 });
    expect(await seatingOn(maria, seminar)).toEqual(truth);

    // The seminar is now full in the data of each device that holds an invite to it: a further invite is refused
    // with the waitlist offered, and accepted onto the waitlist when asked.
    const extra = await leadOf(maria, 'ManagerLead');
    const refused = await inviteToSeminar(maria.db, seminar, extra);
    expect(refused).toMatchObject({ ok: false, full: true, errors: [{ field: 'joinWaitlist' }] });
    const waitlisted = await inviteToSeminar(maria.db, seminar, extra, { joinWaitlist: true });
    expect(waitlisted).toMatchObject({ ok: true, placement: 'waitlist' });
    const second = await inviteToSeminar(rita.db, seminar, await leadOf(rita, 'RitaSecond'));
    expect(second).toMatchObject({ ok: false, full: true });

    // Withdrawing the seated invite frees the seat for the first in line, on every device that sees the list.
    expect(await withdrawInvite(rita.db, ritaInvite.id, seminar)).toBeNull();
    await expectConverged(server, [maria, rita, ravi], [...collections]);
    const after = await seatingOn(maria, seminar);
    expect(after.seated).toEqual([raviInvite.id]);
    expect(after.waitlist).toEqual([waitlisted.invite?.id]);
    expect(
      seatingOf(seminar, (await server.documentsOf(demoEmail.manager, 'appointments')) as SeminarInvite[]),
    ).toEqual(after);
  });

  /*
   * Reps read only the appointments they own (docs/sync-server.md, Authorization), so a rep's device never holds
   * the other rep's invite and keeps showing its own as seated. This states the agreement the seat rule needs; it
   * fails until reps may read their team's seminar invites (see the proposed server change in the report).
   */
  it("both reps' devices agree with the manager on who is seated (needs team-readable seminar invites)", async () => {
    const { maria, rita, ravi, seminar, raviInvite } = await lastSeatRace('Second last seat seminar');
    const truth = await seatingOn(maria, seminar);
    expect(truth.placements[raviInvite.id]).toEqual({ kind: 'waitlist', position: 1 });
    expect(await seatingOn(rita, seminar)).toEqual(truth);
    // Today each rep's device holds only its own invite: Rita's lacks Ravi's waitlisted one, Ravi's shows his seated.
    expect(await seatingOn(ravi, seminar)).toEqual(truth);
  });
});
