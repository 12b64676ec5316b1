import { addRxPlugin, createRxDatabase } from 'rxdb';
import type { RxCollection, RxDatabase, RxStorage } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import type { Activity } from '../../src-shared/domain/activity';
import type { Appointment } from '../../src-shared/domain/appointment';
import type { Campaign } from '../../src-shared/domain/campaign';
import type { Lead } from '../../src-shared/domain/lead';
import { deriveLeadFields } from '../../src-shared/domain/lead';
import type { Playbook } from '../../src-shared/domain/playbook';
import type { Seminar } from '../../src-shared/domain/seminar';
import type { User } from '../../src-shared/domain/user';
import { leadMigrations, leadSchema } from './collections/leads';
import {
  activitySchema,
  appointmentSchema,
  campaignSchema,
  playbookSchema,
  seminarSchema,
  userSchema,
} from './collections/others';

addRxPlugin(RxDBMigrationSchemaPlugin);

export type FairleadCollections = {
  leads: RxCollection<Lead>;
  activities: RxCollection<Activity>;
  appointments: RxCollection<Appointment>;
  seminars: RxCollection<Seminar>;
  campaigns: RxCollection<Campaign>;
  playbooks: RxCollection<Playbook>;
  users: RxCollection<User>;
};

export type FairleadDatabase = RxDatabase<FairleadCollections>;

export type DatabaseOptions = {
  /** IndexedDB database name; one per signed-in user later, so two people on one laptop never mix data. */
  name: string;
  storage: RxStorage<unknown, unknown>;
  /** Several tabs of the web build share one store; Node tests run single-instance. */
  multiInstance?: boolean;
};

/**
 * Opens (and migrates) the local store. Dev-mode is never added here: it loads a page from the internet and
 * would break the offline guarantee; schema checks are covered by tests instead.
 */
export const openDatabase = async ({
  name,
  storage,
  multiInstance = true,
}: DatabaseOptions): Promise<FairleadDatabase> => {
  const db = await createRxDatabase<FairleadCollections>({
    name,
    storage,
    multiInstance,
    eventReduce: true,
    closeDuplicates: true,
    // Counts with a search term cannot use an index; they are bounded by the local data the user owns.
    allowSlowCount: true,
  });
  await db.addCollections({
    leads: { schema: leadSchema, migrationStrategies: leadMigrations, autoMigrate: true },
    activities: { schema: activitySchema },
    appointments: { schema: appointmentSchema },
    seminars: { schema: seminarSchema },
    campaigns: { schema: campaignSchema },
    playbooks: { schema: playbookSchema },
    users: { schema: userSchema },
  });
  // Derived keys (search text, duplicate keys, sort keys) are recomputed on every local write, so no screen can
  // save a lead whose list position or search entry is stale.
  const derive = (data: Lead) => {
    Object.assign(data, deriveLeadFields(data));
  };
  db.leads.preInsert(derive, false);
  db.leads.preSave(derive, false);
  return db;
};
