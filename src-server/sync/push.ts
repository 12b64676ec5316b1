import type { Database, Queryable } from '../db/database';
import { createTtlCache } from '../auth/ttlCache';
import type { TtlCache } from '../auth/ttlCache';
import { documentSchemas } from '../../src-shared/domain/collections';
import type { CollectionName } from '../../src-shared/domain/collections';
import type { PushRejection, PushResponse, ReplicatedDocument } from '../../src-shared/sync/protocol';
import { describeZodError } from '../http/errors';
import type { DocumentScope, OwnerFacts, Principal } from './access';
import { writeRefusal } from './access';
import type { ChangeFeed } from './changeFeed';
import { loadDocuments, toReplicated } from './documentStore';
import { sameJson, withoutDeviceKeys } from './documentEquality';
import { writeCollection } from './writeDocuments';

export type PushRowInput = {
  assumedMasterState: Record<string, unknown> | null;
  newDocumentState: Record<string, unknown>;
};

type CheckedRow =
  | { ok: false; id: string; reason: string; document: Record<string, unknown> }
  | {
      ok: true;
      id: string;
      teamId: string;
      ownerId: string;
      deleted: boolean;
      /** Stored verbatim (minus `_deleted`): exactly what the client will assume as master next time. */
      data: Record<string, unknown>;
      newState: Record<string, unknown>;
      assumed: Record<string, unknown> | null;
    };

const idOf = (doc: Record<string, unknown>): string => (typeof doc.id === 'string' ? doc.id : '');

/** Schema checks that need no database: the shared zod schema plus RxDB's `_deleted` flag. */
const checkShape = (collection: CollectionName, row: PushRowInput): CheckedRow => {
  const newState = withoutDeviceKeys(row.newDocumentState);
  const id = idOf(newState);
  const { _deleted: deleted, ...data } = newState;
  if (typeof deleted !== 'boolean') {
    return { ok: false, id, reason: 'Invalid document: _deleted must be true or false.', document: newState };
  }
  const parsed = documentSchemas[collection].safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      id,
      reason: `Invalid document: ${describeZodError(parsed.error)}`,
      document: newState,
    };
  }
  const assumed = row.assumedMasterState && withoutDeviceKeys(row.assumedMasterState);
  if (assumed && idOf(assumed) !== parsed.data.id) {
    return {
      ok: false,
      id,
      reason: 'assumedMasterState is a different document than newDocumentState.',
      document: newState,
    };
  }
  return {
    ok: true,
    id: parsed.data.id,
    teamId: parsed.data.teamId,
    ownerId: parsed.data.ownerId,
    deleted,
    data,
    newState,
    assumed,
  };
};

/** How long a looked-up team's organisation or user's team is reused, like the principal cache (principals.ts). */
export const directoryCacheMs = 2000;

type DirectoryCache = { orgOfTeam: TtlCache<string>; owners: TtlCache<OwnerFacts> };

const directoryCaches = new WeakMap<Queryable, DirectoryCache>();

/**
 * The organisation of every named team and the team of every named owner. Found ones are reused for
 * `directoryCacheMs` (teams never change organisation; a user moved to another team is seen within that time, as
 * their own sign-in is); unknown ones are asked again every time, so a team or user just created counts at once.
 * The pusher's own user record is never needed (writeRefusal checks a new owner only when it is someone else).
 */
const loadDirectory = async (
  db: Queryable,
  principal: Principal,
  teamIds: readonly string[],
  ownerIds: readonly string[],
) => {
  let cache = directoryCaches.get(db);
  if (!cache) {
    cache = { orgOfTeam: createTtlCache(directoryCacheMs), owners: createTtlCache(directoryCacheMs) };
    directoryCaches.set(db, cache);
  }
  const orgOfTeam = new Map<string, string>();
  const owners = new Map<string, OwnerFacts>();
  const missingTeams: string[] = [];
  const missingOwners: string[] = [];
  for (const teamId of new Set(teamIds)) {
    const cached = cache.orgOfTeam.get(teamId);
    if (cached) orgOfTeam.set(teamId, cached.value);
    else missingTeams.push(teamId);
  }
  for (const ownerId of new Set(ownerIds)) {
    if (ownerId === principal.userId) continue;
    const cached = cache.owners.get(ownerId);
    if (cached) owners.set(ownerId, cached.value);
    else missingOwners.push(ownerId);
  }
  const [teams, users] = await Promise.all([
    missingTeams.length === 0
      ? []
      : db.query<{ id: string; org_id: string }>('select id, org_id from teams where id = any($1::text[])', [
          missingTeams,
        ]),
    missingOwners.length === 0
      ? []
      : db.query<{ id: string; org_id: string; team_id: string }>(
          'select id, org_id, team_id from users where id = any($1::text[])',
          [missingOwners],
        ),
  ]);
  for (const team of teams) {
    orgOfTeam.set(team.id, team.org_id);
    cache.orgOfTeam.set(team.id, team.org_id);
  }
  for (const user of users) {
    const facts = { teamId: user.team_id, orgId: user.org_id };
    owners.set(user.id, facts);
    cache.owners.set(user.id, facts);
  }
  return { orgOfTeam, owners };
};

/**
 * Applies a push: every row in one transaction, each compare-and-set against the stored state.
 * - stored equals newDocumentState: already applied (a retry whose answer was lost): nothing written, no conflict;
 * - stored equals assumedMasterState (or neither exists): written with a new seq;
 * - otherwise: the stored state is returned as a conflict for the client to merge.
 * Invalid or unauthorized rows are quarantined with their reason and reported; they never block the others.
 */
export const pushDocuments = async (
  db: Database,
  feed: ChangeFeed,
  principal: Principal,
  collection: CollectionName,
  rows: readonly PushRowInput[],
): Promise<PushResponse> => {
  const checked = rows.map((row) => checkShape(collection, row));
  const valid = checked.filter((row) => row.ok);
  const directory = await loadDirectory(
    db,
    principal,
    valid.map((row) => row.teamId),
    valid.map((row) => row.ownerId),
  );
  let conflicts: ReplicatedDocument[] = [];
  let rejected: PushRejection[] = [];

  await writeCollection(db, feed, collection, async (tx, write) => {
    // writeCollection may run this again (its shared transaction failed): start from scratch each time.
    conflicts = [];
    rejected = [];
    const stored = await loadDocuments(
      tx,
      collection,
      valid.map((row) => row.id),
    );
    const quarantine = async (id: string, reason: string, document: Record<string, unknown>) => {
      rejected.push({ id, reason });
      await tx.query(
        'insert into quarantine (collection, doc_id, user_id, reason, document) values ($1, $2, $3, $4, $5::jsonb)',
        [collection, id, principal.userId, reason, JSON.stringify(document)],
      );
    };
    for (const row of checked) {
      if (!row.ok) {
        await quarantine(row.id, row.reason, row.document);
        continue;
      }
      const current = stored.get(row.id);
      const orgId = directory.orgOfTeam.get(row.teamId);
      if (orgId === undefined) {
        await quarantine(row.id, `The team ${row.teamId} does not exist.`, row.newState);
        continue;
      }
      const after: DocumentScope = {
        id: row.id,
        orgId,
        teamId: row.teamId,
        ownerId: row.ownerId,
        formerTeamIds: [],
        formerOwnerIds: [],
      };
      const refusal = writeRefusal(principal, collection, current, after, directory.owners.get(row.ownerId));
      if (refusal) {
        await quarantine(row.id, refusal, row.newState);
        continue;
      }
      if (current) {
        const master = toReplicated(current);
        if (sameJson(master, row.newState)) continue;
        if (row.assumed === null || !sameJson(master, row.assumed)) {
          conflicts.push(master);
          continue;
        }
      }
      // No stored row but an assumed one is written too: there is nothing to conflict with, and refusing would
      // lose the edit.
      const written = await write({
        id: row.id,
        orgId,
        teamId: row.teamId,
        ownerId: row.ownerId,
        deleted: row.deleted,
        data: row.data,
        writtenBy: principal.userId,
      });
      stored.set(row.id, written);
    }
  });
  return { conflicts, rejected };
};
