import type { Queryable } from '../db/database';
import type { Principal } from '../sync/access';
import { createTtlCache } from './ttlCache';
import { findUserById } from './userStore';

/** How long a looked-up user (role, team, active flag) is trusted before asking the database again. */
export const principalCacheMs = 2000;

export type PrincipalLoader = {
  /** The current user behind a token, or undefined when the user no longer exists. Active flag included. */
  load(userId: string): Promise<(Principal & { active: boolean }) | undefined>;
  forget(userId: string): void;
};

/**
 * Role, team and the active flag come from the database, not from the token, so disabling a user or moving them
 * to another team takes effect within `principalCacheMs` on every server instance.
 */
export const createPrincipalLoader = (db: Queryable, ttlMs: number = principalCacheMs): PrincipalLoader => {
  const cache = createTtlCache<(Principal & { active: boolean }) | undefined>(ttlMs);
  return {
    async load(userId) {
      const cached = cache.get(userId);
      if (cached) return cached.value;
      const user = await findUserById(db, userId);
      const value = user && {
        userId: user.id,
        orgId: user.orgId,
        teamId: user.teamId,
        role: user.role,
        name: user.name,
        email: user.email,
        active: user.active,
      };
      cache.set(userId, value);
      return value;
    },
    forget(userId) {
      cache.delete(userId);
    },
  };
};
