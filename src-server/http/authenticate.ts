import type { FastifyRequest } from 'fastify';
import type { Principal } from '../sync/access';
import type { ServerContext } from './context';
import { HttpError } from './errors';

export type Authenticated = { principal: Principal; tokenExpiresAt: number };

/**
 * Resolves `Authorization: Bearer <access token>` to the current user. A disabled user is refused here, on every
 * request, not only when their token expires.
 */
export const authenticate = async (
  context: ServerContext,
  request: FastifyRequest,
): Promise<Authenticated> => {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match?.[1]) {
    throw new HttpError(
      401,
      'unauthorized',
      'Sign in first: send the access token as "Authorization: Bearer <token>".',
    );
  }
  const claims = await context.tokens.verify(match[1]);
  const user = await context.principals.load(claims.userId);
  if (!user) throw new HttpError(401, 'unauthorized', 'This account no longer exists. Sign in again.');
  if (!user.active)
    throw new HttpError(403, 'account_disabled', 'This account has been disabled. Ask your administrator.');
  const { active: _active, ...principal } = user;
  return { principal, tokenExpiresAt: claims.expiresAt };
};
