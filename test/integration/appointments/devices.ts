import type { RxCollection } from 'rxdb';
import type { Activity } from '../../../src-shared/domain/activity';
import type { Appointment } from '../../../src-shared/domain/appointment';
import type { CollectionName } from '../../../src-shared/domain/collections';
import { newId } from '../../../src-shared/domain/ids';
import type { Seminar } from '../../../src-shared/domain/seminar';
import { deepEqual } from '../../../src-renderer/sync/documentEquality';
import { openTestClient, visibleDocuments, waitFor, waitUntilSynced } from '../../helpers/sync/clients';
import type { TestClient } from '../../helpers/sync/clients';
import type { SyncTestServer } from '../../helpers/sync/syncServer';

/** Devices of these tests replicate only what they need: RxDB's free tier allows 13 open collections per process. */
export const appointmentCollections: CollectionName[] = ['leads', 'activities', 'appointments', 'seminars'];

export const openDevice = async (
  server: SyncTestServer,
  email: string,
  label: string,
  collections: CollectionName[] = appointmentCollections,
): Promise<TestClient> => openTestClient({ serverUrl: server.url, email, label, collections });

export const appointmentsOf = (client: TestClient) =>
  client.db.appointments as unknown as RxCollection<Appointment>;

export const appointmentOn = async (client: TestClient, id: string): Promise<Appointment | undefined> =>
  (await appointmentsOf(client).findOne(id).exec())?.toJSON() as Appointment | undefined;

/** A seminar of the user's team, starting `inDays` from now. */
export const newSeminar = (
  owner: { id: string; teamId: string },
  overrides: Partial<Seminar> = {},
  inDays = 14,
): Seminar => {
  const now = Date.now();
  return {
    id: newId(now),
    createdAt: now,
    updatedAt: now,
    ownerId: owner.id,
    teamId: owner.teamId,
    title: 'Lean production lines',
    startsAt: now + inDays * 86_400_000,
    durationMinutes: 180,
    venue: 'Hotel Kaiserhof, Hannover',
    capacity: 20,
    campaignId: '',
    description: '',
    ...overrides,
  };
};

export const callActivity = (client: TestClient, leadId: string, notes: string): Activity => {
  const now = Date.now();
  return {
    id: newId(now),
    createdAt: now,
    updatedAt: now,
    ownerId: client.user.id,
    teamId: client.user.teamId,
    leadId,
    kind: 'call',
    at: now,
    outcomeId: '',
    notes,
    insightTags: [],
    nextStep: 'Send the seminar programme',
    nextFollowUpAt: 0,
  };
};

/** Every device is synced and shows exactly what the server holds for its user in these collections. */
export const expectConverged = async (
  server: SyncTestServer,
  devices: TestClient[],
  collections: CollectionName[],
): Promise<void> => {
  for (const client of devices) {
    await waitUntilSynced(client);
    for (const collection of collections) {
      const local = client.db[collection] as unknown as RxCollection | undefined;
      if (!local) continue;
      const expected = await server.documentsOf(client.user.email, collection);
      await waitFor(`${client.label}'s ${collection} to match the server`, async () =>
        deepEqual(await visibleDocuments(local), expected),
      );
    }
  }
};
