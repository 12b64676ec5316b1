import { z } from 'zod';
import { idSchema } from '../domain/common';
import { roles } from '../domain/vocabulary';

/**
 * Sign-in, token refresh and sign-out between a device and the sync server. Both sides import these schemas: the
 * server parses every request with them, the client may parse the answers.
 */

export const authApiPrefix = '/api/v1/auth';

/** Emails are compared case-insensitively: both sides lower-case them. */
const emailInput = z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address').max(320));

export const signInRequestSchema = z.object({
  email: emailInput,
  password: z.string().min(1, 'Enter your password').max(1024),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

/** Who is signed in: what the client needs to label the session and hide what the server would refuse. */
export const sessionUserSchema = z.object({
  id: idSchema,
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  teamId: idSchema,
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/**
 * Answer to sign-in and refresh. The access token (JWT, about 15 minutes) goes in `Authorization: Bearer` on every
 * sync request; the refresh token is single-use: each refresh returns a new one and the old one stops working.
 */
export const sessionResponseSchema = z.object({
  accessToken: z.string(),
  /** When the access token stops being accepted (ms since epoch): refresh a little before. */
  accessTokenExpiresAt: z.number().int(),
  refreshToken: z.string(),
  user: sessionUserSchema,
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;
export type SignInResponse = SessionResponse;
export type RefreshResponse = SessionResponse;

export const refreshRequestSchema = z.object({ refreshToken: z.string().min(1).max(512) });
export type RefreshRequest = z.infer<typeof refreshRequestSchema>;

export const signOutRequestSchema = refreshRequestSchema;
export type SignOutRequest = z.infer<typeof signOutRequestSchema>;
export type SignOutResponse = { signedOut: true };

/** Admin-only user creation (`POST /api/v1/admin/users`); the CLI does the same on the server host. */
export const createUserRequestSchema = z.object({
  email: emailInput,
  name: z.string().trim().min(1, 'Name is required').max(120),
  role: z.enum(roles),
  teamId: idSchema,
  password: z.string().min(8, 'Use at least 8 characters').max(1024),
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;
export type CreateUserResponse = { user: SessionUser };

/**
 * Stable `error` codes of ApiError answers a client acts on: `account_disabled`, `refresh_token_reused` and
 * `invalid_refresh_token` mean "sign out on this device"; `token_expired` means "refresh and retry".
 */
export const authErrorCodes = [
  'invalid_credentials',
  'rate_limited',
  'account_disabled',
  'unauthorized',
  'token_expired',
  'invalid_refresh_token',
  'refresh_token_reused',
  'forbidden',
] as const;
export type AuthErrorCode = (typeof authErrorCodes)[number];
