import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RxCollection } from 'rxdb';
import type { Lead } from '../../../src-shared/domain/lead';
import type { Seminar } from '../../../src-shared/domain/seminar';
import { bookDemo, finishDemo, moveDemo } from '../../../src-renderer/modules/appointments/demoRepository';
import { inviteToSeminar, setInviteeStatus } from '../../../src-renderer/modules/seminars/seminarRepository';
import { testBackends } from '../../helpers/server/testDatabase';
import { waitFor, waitUntilSynced } from '../../helpers/sync/clients';
import type { TestClient } from '../../helpers/sync/clients';
import { capturedLead } from '../../helpers/sync/leads';
import { demoEmail, startSyncTestServer } from '../../helpers/sync/syncServer';
import type { SyncTestServer } from '../../helpers/sync/syncServer';
import {
  appointmentCollections,
  appointmentOn,
  callActivity,
  expectConverged,
  newSeminar,
  openDevice,
} from './devices';

const day = 86_400_000;

/**
 * A rep works offline (captures a lead, logs a call, invites the lead to the manager's seminar, books a demo) and
 * reconnects; the manager sees all of it, changes the demo and the invite, and the rep sees that; the rep finishes
 * the demo and the manager sees the outcome. Real server process, RxDB clients on fake-indexeddb.
 */
describe.each(testBackends())(
  'activities and appointments between a rep and the manager on %s',
  (backend) => {
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

    it('syncs the rep offline work to the manager and the manager changes back to the rep', async () => {
      const rita = await openDevice(server, demoEmail.rita, 'rita');
      const maria = await openDevice(server, demoEmail.manager, 'maria');
      devices.push(rita, maria);

      const seminar = newSeminar(maria.user, { capacity: 12 });
      await maria.db.seminars.insert(seminar);
      await waitFor('the seminar to reach the rep', () => rita.db.seminars.findOne(seminar.id).exec());
      await waitUntilSynced(rita);

      rita.network.offline();
      const lead = capturedLead(rita.user, 'Jorg');
      await (rita.db.leads as unknown as RxCollection<Lead>).insert(lead);
      const call = callActivity(rita, lead.id, 'Interested in the seminar');
      await rita.db.activities.insert(call);
      const invited = await inviteToSeminar(rita.db, seminar, lead);
      expect(invited).toMatchObject({ ok: true, placement: 'seat' });
      const booked = await bookDemo(rita.db, lead, {
        startsAt: Date.now() + 3 * day,
        durationMinutes: 60,
        location: 'Werk 2, Halle 4',
        link: '',
        notes: 'Bring the scanner',
      });
      if (!booked.ok || !invited.ok || !invited.invite) throw new Error('offline booking failed');
      expect(rita.sync.status()).toMatchObject({ state: 'offline', pending: 4 });

      rita.network.online();
      await waitFor('the manager to see the demo', () => appointmentOn(maria, booked.demo.id));
      await expectConverged(server, [rita, maria], appointmentCollections);
      expect(await appointmentOn(maria, booked.demo.id)).toEqual(booked.demo);
      expect(await appointmentOn(maria, invited.invite.id)).toEqual(invited.invite);
      expect((await maria.db.activities.findOne(call.id).exec())?.toJSON()).toMatchObject({
        ownerId: rita.user.id,
        notes: 'Interested in the seminar',
      });

      // The manager moves the demo and records that the lead registered for the seminar.
      const newStart = Date.now() + 5 * day;
      const moved = await moveDemo(maria.db, booked.demo.id, {
        startsAt: newStart,
        durationMinutes: 90,
        location: '',
        link: 'https://meet.example.com/jorg',
        notes: 'Online instead',
      });
      expect(moved.ok).toBe(true);
      expect(
        await setInviteeStatus(maria.db, invited.invite.id, 'registered', seminar as Seminar),
      ).toBeNull();
      await waitFor('the rep to see the new time', async () => {
        const demo = await appointmentOn(rita, booked.demo.id);
        return demo?.startsAt === newStart;
      });
      await waitFor('the rep to see the registration', async () => {
        const invite = await appointmentOn(rita, invited.invite!.id);
        return invite?.kind === 'seminar_invite' && invite.inviteeStatus === 'registered';
      });
      expect(await appointmentOn(rita, booked.demo.id)).toMatchObject({
        durationMinutes: 90,
        location: '',
        link: 'https://meet.example.com/jorg',
        demoStatus: 'scheduled',
        ownerId: rita.user.id,
      });

      // The rep finishes the demo offline; the outcome reaches the manager.
      rita.network.offline();
      const done = await finishDemo(rita.db, booked.demo.id, {
        to: 'done',
        outcome: 'Wants a proposal for 3 lines',
      });
      expect(done.ok).toBe(true);
      rita.network.online();
      await waitFor('the manager to see the outcome', async () => {
        const demo = await appointmentOn(maria, booked.demo.id);
        return demo?.kind === 'demo' && demo.demoStatus === 'done';
      });
      await expectConverged(server, [rita, maria], appointmentCollections);
      expect(await appointmentOn(maria, booked.demo.id)).toMatchObject({
        outcome: 'Wants a proposal for 3 lines',
      });
      // Different fields changed on each side: nothing to review.
      for (const device of [rita, maria]) expect(await device.db.syncIssues.count().exec()).toBe(0);
    });
  },
);
