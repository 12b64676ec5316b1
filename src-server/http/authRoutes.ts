import type { FastifyInstance } from 'fastify';
import {
  authApiPrefix,
  refreshRequestSchema,
  signInRequestSchema,
  signOutRequestSchema,
} from '../../src-shared/auth/protocol';
import type { SessionResponse, SignOutResponse } from '../../src-shared/auth/protocol';
import { verifyAgainstDummy, verifyPassword } from '../auth/password';
import { issueRefreshToken, revokeRefreshToken, rotateRefreshToken } from '../auth/refreshTokens';
import type { UserRecord } from '../auth/userStore';
import { findUserById, findUserByEmail, toSessionUser } from '../auth/userStore';
import { authenticate } from './authenticate';
import type { ServerContext } from './context';
import { HttpError, parseBody } from './errors';

const emailOf = (body: unknown): string => {
  const email = (body as { email?: unknown } | null)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
};

export const registerAuthRoutes = (app: FastifyInstance, context: ServerContext): void => {
  const session = async (user: UserRecord, refreshToken: string): Promise<SessionResponse> => ({
    ...(await context.tokens.sign(user.id)),
    refreshToken,
    user: toSessionUser(user),
  });

  // Counted per client address and email: one person mistyping does not lock out the office behind one NAT,
  // and guessing one account's password stays slow.
  const signInLimit = app.rateLimit({
    max: context.options.signInRateLimit.max,
    timeWindow: context.options.signInRateLimit.windowMs,
    keyGenerator: (request) => `sign-in|${request.ip}|${emailOf(request.body)}`,
    errorResponseBuilder: (_request, limit) =>
      new HttpError(
        429,
        'rate_limited',
        `Too many sign-in attempts for this email. Wait ${limit.after} and try again.`,
      ),
  });

  app.post(
    `${authApiPrefix}/sign-in`,
    { preHandler: signInLimit },
    async (request): Promise<SessionResponse> => {
      const { email, password } = parseBody(signInRequestSchema, request.body);
      const user = await findUserByEmail(context.db, email);
      const valid = user
        ? await verifyPassword(password, user.passwordHash)
        : await verifyAgainstDummy(password);
      // One message for unknown email and wrong password, so sign-in does not reveal who has an account.
      if (!user || !valid)
        throw new HttpError(401, 'invalid_credentials', 'The email or password is not correct.');
      if (!user.active) {
        throw new HttpError(
          403,
          'account_disabled',
          'This account has been disabled. Ask your administrator.',
        );
      }
      return session(user, await issueRefreshToken(context.db, user.id));
    },
  );

  app.post(`${authApiPrefix}/refresh`, async (request): Promise<SessionResponse> => {
    const { refreshToken } = parseBody(refreshRequestSchema, request.body);
    const rotated = await rotateRefreshToken(context.db, refreshToken);
    const user = await findUserById(context.db, rotated.userId);
    if (!user)
      throw new HttpError(401, 'invalid_refresh_token', 'The session is no longer valid. Sign in again.');
    context.principals.forget(user.id);
    return session(user, rotated.refreshToken);
  });

  app.post(`${authApiPrefix}/sign-out`, async (request): Promise<SignOutResponse> => {
    const { refreshToken } = parseBody(signOutRequestSchema, request.body);
    await revokeRefreshToken(context.db, refreshToken);
    return { signedOut: true };
  });

  app.get(`${authApiPrefix}/me`, async (request) => {
    const { principal } = await authenticate(context, request);
    return {
      user: {
        id: principal.userId,
        name: principal.name,
        email: principal.email,
        role: principal.role,
        teamId: principal.teamId,
      },
    };
  });
};
