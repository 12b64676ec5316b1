import { randomBytes } from 'node:crypto';
import type { Queryable } from './database';

/**
 * Returns the stored value of `key`, storing `create()` first if there is none. Concurrent first starts of two
 * instances agree on one value: the insert that loses the race does nothing and both read the winner.
 */
export const getOrCreateSetting = async (
  db: Queryable,
  key: string,
  create: () => string,
): Promise<string> => {
  await db.query('insert into app_settings (key, value) values ($1, $2) on conflict (key) do nothing', [
    key,
    create(),
  ]);
  const rows = await db.query<{ value: string }>('select value from app_settings where key = $1', [key]);
  const value = rows[0]?.value;
  if (value === undefined) throw new Error(`Setting ${key} could not be stored`);
  return value;
};

/** The JWT signing secret generated on first start when FAIRLEAD_JWT_SECRET is not set. */
export const getOrCreateJwtSecret = (db: Queryable): Promise<string> =>
  getOrCreateSetting(db, 'jwt_secret', () => randomBytes(48).toString('base64url'));
