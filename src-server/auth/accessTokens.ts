import { errors, jwtVerify, SignJWT } from 'jose';
import { HttpError } from '../http/errors';

/** Short-lived on purpose: a disabled user or a revoked device loses access within this time at the latest. */
export const accessTokenTtlSeconds = 15 * 60;

const issuer = 'fairlead-sync';
const audience = 'fairlead';

export type AccessTokenClaims = { userId: string; expiresAt: number };

export type AccessTokens = {
  sign(userId: string): Promise<{ accessToken: string; accessTokenExpiresAt: number }>;
  /** Throws HttpError 401 (`token_expired` or `unauthorized`) for anything but a valid, current token. */
  verify(token: string): Promise<AccessTokenClaims>;
};

export const createAccessTokens = (
  secret: string,
  ttlSeconds: number = accessTokenTtlSeconds,
): AccessTokens => {
  const key = new TextEncoder().encode(secret);
  return {
    async sign(userId) {
      const expiresAtSeconds = Math.floor(Date.now() / 1000) + ttlSeconds;
      const accessToken = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(userId)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(expiresAtSeconds)
        .sign(key);
      return { accessToken, accessTokenExpiresAt: expiresAtSeconds * 1000 };
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { issuer, audience, algorithms: ['HS256'] });
        if (typeof payload.sub !== 'string' || typeof payload.exp !== 'number') {
          throw new HttpError(401, 'unauthorized', 'The access token is not valid. Sign in again.');
        }
        return { userId: payload.sub, expiresAt: payload.exp * 1000 };
      } catch (error) {
        if (error instanceof HttpError) throw error;
        if (error instanceof errors.JWTExpired) {
          throw new HttpError(
            401,
            'token_expired',
            'The access token has expired. Refresh it and try again.',
          );
        }
        throw new HttpError(401, 'unauthorized', 'The access token is not valid. Sign in again.');
      }
    },
  };
};
