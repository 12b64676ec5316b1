import { addRxPlugin, createRxDatabase } from 'rxdb';
import type { RxCollection, RxCollectionCreator, RxConflictHandler, RxDatabase, RxStorage } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import type { Activity } from '../../src-shared/domain/activity';
import type { Appointment } from '../../src-shared/domain/appointment';
import type { Campaign } from '../../src-shared/domain/campaign';
import { collectionNames } from '../../src-shared/domain/collections';
import type { CollectionName } from '../../src-shared/domain/collections';
import type { Lead } from '../../src-shared/domain/lead';
import { deriveLeadFields } from '../../src-shared/domain/lead';
import type { Playbook } from '../../src-shared/domain/playbook';
import type { Seminar } from '../../src-shared/domain/seminar';
import type { User } from '../../src-shared/domain/user';
import { createMergeConflictHandler } from '../sync/mergeConflictHandler';
import type { ConflictLogger, ConflictRecord } from '../sync/mergeConflictHandler';
import { defaultPendingStore, trackLocalChanges } from '../sync/pendingChanges';
import type { PendingStore } from '../sync/pendingChanges';
import { conflictIssues, recordSyncIssues } from '../sync/syncIssues';
import { leadMigrations, leadSchema } from './collections/leads';
import {
  activitySchema,
  appointmentSchema,
  campaignSchema,
  playbookSchema,
  seminarSchema,
  userSchema,
} from './collections/others';
import type { SyncIssue } from './collections/syncIssues';
import { syncIssueRxSchema } from './collections/syncIssues';

addRxPlugin(RxDBMigrationSchemaPlugin);

export type FairleadCollections = {
  leads: RxCollection<Lead>;
  activities: RxCollection<Activity>;
  appointments: RxCollection<Appointment>;
  seminars: RxCollection<Seminar>;
  campaigns: RxCollection<Campaign>;
  playbooks: RxCollection<Playbook>;
  users: RxCollection<User>;
  /** Local only, never replicated: conflicts and rejections for the person to review (src-renderer/sync). */
  syncIssues: RxCollection<SyncIssue>;
};

export type FairleadDatabase = RxDatabase<FairleadCollections>;

export type DatabaseOptions = {
  /** IndexedDB database name; one per signed-in user later, so two people on one laptop never mix data. */
  name: string;
  storage: RxStorage<unknown, unknown>;
  /** Several tabs of the web build share one store; Node tests run single-instance. */
  multiInstance?: boolean;
  /**
   * Open only these replicated collections (syncIssues is always opened). For tests and tools: RxDB's free tier
   * allows 13 open collections per process, and several clients in one process must share them. The other
   * properties of the database are then undefined at runtime.
   */
  collections?: readonly CollectionName[];
  /** Told about every conflict the merge handler decided by rule, after it is recorded in syncIssues. */
  onConflict?: (record: ConflictRecord) => void;
  /** Replaces the three-way merge handler of a collection (tests only; never RxDB's default handler). */
  conflictHandlers?: Partial<Record<CollectionName, RxConflictHandler<unknown>>>;
  /** Where the keys of unacknowledged local changes survive a restart; localStorage or memory by default. */
  pendingStore?: PendingStore;
  /**
   * Count local writes as pending for sync (default). A device-only store never syncs: tracking there would only
   * re-serialize the key of every lead ever written after each capture.
   */
  trackPending?: boolean;
};

/** Replicated collections a device writes; users come from the server only. */
const pushedCollections: readonly CollectionName[] = collectionNames.filter((name) => name !== 'users');

/**
 * Opens (and migrates) the local store. Dev-mode is never added here: it loads a page from the internet and
 * would break the offline guarantee; schema checks are covered by tests instead.
 */
export const openDatabase = async ({
  name,
  storage,
  multiInstance = true,
  collections = collectionNames,
  onConflict,
  conflictHandlers = {},
  pendingStore = defaultPendingStore(name),
  trackPending = true,
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
  // Conflicts are merged field by field; what the stated rule decided goes to the local issue log.
  const logConflict: ConflictLogger = async (record) => {
    await recordSyncIssues(db, conflictIssues(record));
    onConflict?.(record);
  };
  const creators: Record<CollectionName, RxCollectionCreator> = {
    leads: { schema: leadSchema, migrationStrategies: leadMigrations, autoMigrate: true },
    activities: { schema: activitySchema },
    appointments: { schema: appointmentSchema },
    seminars: { schema: seminarSchema },
    campaigns: { schema: campaignSchema },
    playbooks: { schema: playbookSchema },
    users: { schema: userSchema },
  };
  const selected = collectionNames.filter((collection) => collections.includes(collection));
  await db.addCollections({
    ...Object.fromEntries(
      selected.map((collection) => [
        collection,
        {
          ...creators[collection],
          conflictHandler:
            conflictHandlers[collection] ?? createMergeConflictHandler(collection, logConflict),
        },
      ]),
    ),
    syncIssues: { schema: syncIssueRxSchema },
  });
  if (db.collections.leads) {
    // Derived keys (search text, duplicate keys, sort keys) are recomputed on every local write, so no screen can
    // save a lead whose list position or search entry is stale.
    const derive = (data: Lead) => {
      Object.assign(data, deriveLeadFields(data));
    };
    db.leads.preInsert(derive, false);
    db.leads.preSave(derive, false);
  }
  if (trackPending)
    trackLocalChanges(
      db,
      pushedCollections.filter((collection) => selected.includes(collection)),
      pendingStore,
    );
  return db;
};
