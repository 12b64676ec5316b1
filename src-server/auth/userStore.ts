import type { Queryable } from '../db/database';
import type { Role } from '../../src-shared/domain/vocabulary';
import type { SessionUser } from '../../src-shared/auth/protocol';

/** A row of `users`: who may sign in, with which role, in which team of which organisation. */
export type UserRecord = {
  id: string;
  orgId: string;
  teamId: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  passwordHash: string;
  createdAt: number;
  updatedAt: number;
};

type UserRow = {
  id: string;
  org_id: string;
  team_id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  password_hash: string;
  created_ms: unknown;
  updated_ms: unknown;
};

const columns = `id, org_id, team_id, email, name, role, active, password_hash,
  (extract(epoch from created_at) * 1000)::float8 as created_ms,
  (extract(epoch from updated_at) * 1000)::float8 as updated_ms`;

const fromRow = (row: UserRow): UserRecord => ({
  id: row.id,
  orgId: row.org_id,
  teamId: row.team_id,
  email: row.email,
  name: row.name,
  role: row.role,
  active: row.active,
  passwordHash: row.password_hash,
  createdAt: Math.round(Number(row.created_ms)),
  updatedAt: Math.round(Number(row.updated_ms)),
});

export const findUserByEmail = async (db: Queryable, email: string): Promise<UserRecord | undefined> => {
  const rows = await db.query<UserRow>(`select ${columns} from users where email = $1`, [
    email.trim().toLowerCase(),
  ]);
  return rows[0] && fromRow(rows[0]);
};

export const findUserById = async (db: Queryable, id: string): Promise<UserRecord | undefined> => {
  const rows = await db.query<UserRow>(`select ${columns} from users where id = $1`, [id]);
  return rows[0] && fromRow(rows[0]);
};

export const toSessionUser = (user: UserRecord): SessionUser => ({
  id: user.id,
  name: user.name,
  email: user.email,
  role: user.role,
  teamId: user.teamId,
});
