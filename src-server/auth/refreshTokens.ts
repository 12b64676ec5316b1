import { createHash, randomBytes } from 'node:crypto';
import type { Database, Queryable } from '../db/database';
import { newId } from '../../src-shared/domain/ids';
import { HttpError } from '../http/errors';

const refreshTokenTtlDays = 30;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

/** Issues a refresh token of a family (one sign-in on one device); only its hash is stored. */
export const issueRefreshToken = async (
  db: Queryable,
  userId: string,
  familyId: string = newId(),
): Promise<string> => {
  const token = randomBytes(32).toString('base64url');
  await db.query(
    `insert into refresh_tokens (id, family_id, user_id, token_hash, expires_at)
     values ($1, $2, $3, $4, now() + make_interval(days => $5))`,
    [newId(), familyId, userId, hashToken(token), refreshTokenTtlDays],
  );
  return token;
};

const revokeFamily = (db: Queryable, familyId: string) =>
  db.query('update refresh_tokens set revoked_at = now() where family_id = $1 and revoked_at is null', [
    familyId,
  ]);

type TokenRow = {
  family_id: string;
  user_id: string;
  rotated: boolean;
  revoked: boolean;
  expired: boolean;
  active: boolean;
};

type RotateOutcome =
  | { kind: 'rotated'; userId: string; refreshToken: string }
  | { kind: 'reused' | 'unknown' | 'revoked' | 'expired' | 'disabled' };

/**
 * Exchanges a refresh token for a new one of the same family. A token presented a second time means it was
 * copied: the whole family is revoked so neither the thief nor the device can go on, and the person signs in again.
 */
export const rotateRefreshToken = async (
  db: Database,
  token: string,
): Promise<{ userId: string; refreshToken: string }> => {
  const outcome = await db.transaction(async (tx): Promise<RotateOutcome> => {
    const rows = await tx.query<TokenRow>(
      `select t.family_id, t.user_id, t.rotated_at is not null as rotated, t.revoked_at is not null as revoked,
              t.expires_at <= now() as expired, u.active
       from refresh_tokens t join users u on u.id = t.user_id
       where t.token_hash = $1
       for update of t`,
      [hashToken(token)],
    );
    const row = rows[0];
    if (!row) return { kind: 'unknown' };
    // Checked first: a disabled user is told why, even though disabling also revoked their tokens.
    if (!row.active) {
      await revokeFamily(tx, row.family_id);
      return { kind: 'disabled' };
    }
    if (row.revoked) return { kind: 'revoked' };
    if (row.rotated) {
      await revokeFamily(tx, row.family_id);
      return { kind: 'reused' };
    }
    if (row.expired) return { kind: 'expired' };
    await tx.query('update refresh_tokens set rotated_at = now() where token_hash = $1', [hashToken(token)]);
    const refreshToken = await issueRefreshToken(tx, row.user_id, row.family_id);
    return { kind: 'rotated', userId: row.user_id, refreshToken };
  });
  switch (outcome.kind) {
    case 'rotated':
      return { userId: outcome.userId, refreshToken: outcome.refreshToken };
    case 'reused':
      throw new HttpError(
        401,
        'refresh_token_reused',
        'This refresh token was already used, so the session was ended for safety. Sign in again.',
      );
    case 'disabled':
      throw new HttpError(403, 'account_disabled', 'This account has been disabled. Ask your administrator.');
    case 'expired':
      throw new HttpError(401, 'invalid_refresh_token', 'The session has expired. Sign in again.');
    default:
      throw new HttpError(401, 'invalid_refresh_token', 'The session is no longer valid. Sign in again.');
  }
};

/** Ends the session of this token's device (its whole family). Unknown tokens are ignored: sign-out is idempotent. */
export const revokeRefreshToken = async (db: Queryable, token: string): Promise<void> => {
  await db.query(
    `update refresh_tokens set revoked_at = now()
     where revoked_at is null and family_id = (select family_id from refresh_tokens where token_hash = $1)`,
    [hashToken(token)],
  );
};
