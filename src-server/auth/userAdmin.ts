import type { Database, Queryable } from '../db/database';
import { newId } from '../../src-shared/domain/ids';
import type { User } from '../../src-shared/domain/user';
import type { Role } from '../../src-shared/domain/vocabulary';
import { HttpError } from '../http/errors';
import type { ChangeFeed } from '../sync/changeFeed';
import type { WriteDocument } from '../sync/writeDocuments';
import { writeCollection } from '../sync/writeDocuments';
import type { ScryptParams } from './password';
import { hashPassword } from './password';
import type { UserRecord } from './userStore';
import { findUserByEmail } from './userStore';

/**
 * Organisations, teams and users, managed on the server (CLI, admin API, demo seed). Every user change also
 * writes the user's document in the replicated `users` collection, so devices get the directory.
 */

export type Org = { id: string; name: string };
export type Team = { id: string; orgId: string; name: string };

export const findOrgByName = async (db: Queryable, name: string): Promise<Org | undefined> =>
  (await db.query<Org>('select id, name from orgs where name = $1', [name]))[0];

export const createOrg = async (db: Queryable, name: string): Promise<Org> => {
  const existing = await findOrgByName(db, name);
  if (existing) throw new HttpError(409, 'org_exists', `An organisation named "${name}" already exists.`);
  const org = { id: newId(), name };
  await db.query('insert into orgs (id, name) values ($1, $2)', [org.id, org.name]);
  return org;
};

export const findTeam = async (
  db: Queryable,
  idOrName: string,
  orgId?: string,
): Promise<Team | undefined> => {
  const rows = await db.query<{ id: string; org_id: string; name: string }>(
    'select id, org_id, name from teams where (id = $1 or name = $1) and ($2::text is null or org_id = $2) order by id',
    [idOrName, orgId ?? null],
  );
  const row = rows[0];
  if (rows.length > 1)
    throw new HttpError(409, 'ambiguous_team', `Several teams are named "${idOrName}"; use its id.`);
  return row && { id: row.id, orgId: row.org_id, name: row.name };
};

export const createTeam = async (db: Queryable, orgId: string, name: string): Promise<Team> => {
  const rows = await db.query('select 1 from teams where org_id = $1 and name = $2', [orgId, name]);
  if (rows.length > 0)
    throw new HttpError(409, 'team_exists', `The organisation already has a team "${name}".`);
  const team = { id: newId(), orgId, name };
  await db.query('insert into teams (id, org_id, name) values ($1, $2, $3)', [
    team.id,
    team.orgId,
    team.name,
  ]);
  return team;
};

const userDocument = (user: Omit<UserRecord, 'passwordHash'>): User => ({
  id: user.id,
  createdAt: user.createdAt,
  updatedAt: user.updatedAt,
  ownerId: user.id,
  teamId: user.teamId,
  name: user.name,
  email: user.email,
  role: user.role,
  active: user.active,
});

const writeUserDocument = (write: WriteDocument, user: Omit<UserRecord, 'passwordHash'>) =>
  write({
    id: user.id,
    orgId: user.orgId,
    teamId: user.teamId,
    ownerId: user.id,
    deleted: false,
    data: userDocument(user),
    writtenBy: 'server',
  });

export type NewUser = {
  email: string;
  name: string;
  role: Role;
  /** Team id or name. */
  team: string;
  password: string;
  /** Only tests lower the hashing cost. */
  hashParams?: ScryptParams;
};

export const createUser = async (
  db: Database,
  feed: ChangeFeed,
  input: NewUser,
  orgId?: string,
): Promise<UserRecord> => {
  const team = await findTeam(db, input.team, orgId);
  if (!team) throw new HttpError(400, 'unknown_team', `There is no team "${input.team}".`);
  const email = input.email.trim().toLowerCase();
  if (await findUserByEmail(db, email)) {
    throw new HttpError(409, 'email_taken', `A user with the email ${email} already exists.`);
  }
  const passwordHash = await hashPassword(input.password, input.hashParams);
  const now = Date.now();
  const user: UserRecord = {
    id: newId(now),
    orgId: team.orgId,
    teamId: team.id,
    email,
    name: input.name.trim(),
    role: input.role,
    active: true,
    passwordHash,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await writeCollection(db, feed, 'users', async (tx, write) => {
      await tx.query(
        `insert into users (id, org_id, team_id, email, name, role, password_hash, active, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, true, to_timestamp($8 / 1000.0), to_timestamp($8 / 1000.0))`,
        [user.id, user.orgId, user.teamId, user.email, user.name, user.role, user.passwordHash, now],
      );
      await writeUserDocument(write, user);
    });
  } catch (error) {
    // Two requests creating the same email at once: the unique index decides, the loser hears why.
    if ((error as { code?: unknown }).code === '23505') {
      throw new HttpError(409, 'email_taken', `A user with the email ${email} already exists.`);
    }
    throw error;
  }
  return user;
};

/** Disables (or re-enables) a user: refused on their next request, refresh tokens revoked, directory updated. */
export const setUserActive = async (
  db: Database,
  feed: ChangeFeed,
  email: string,
  active: boolean,
): Promise<UserRecord> => {
  const user = await findUserByEmail(db, email);
  if (!user) throw new HttpError(404, 'unknown_user', `There is no user with the email ${email}.`);
  const updated: UserRecord = { ...user, active, updatedAt: Date.now() };
  await writeCollection(db, feed, 'users', async (tx, write) => {
    await tx.query('update users set active = $2, updated_at = to_timestamp($3 / 1000.0) where id = $1', [
      user.id,
      active,
      updated.updatedAt,
    ]);
    if (!active) {
      await tx.query(
        'update refresh_tokens set revoked_at = now() where user_id = $1 and revoked_at is null',
        [user.id],
      );
    }
    await writeUserDocument(write, updated);
  });
  return updated;
};
