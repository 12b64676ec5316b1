import { authApiPrefix, sessionResponseSchema } from '../../src-shared/auth/protocol';
import type {
  RefreshRequest,
  RefreshResponse,
  SignInRequest,
  SignInResponse,
  SignOutRequest,
  SignOutResponse,
} from '../../src-shared/auth/protocol';
import { ApiRequestError, fetchOrOffline, OfflineError, readApiError } from './errors';

export type AuthClientOptions = { fetch?: typeof fetch };

const post = async (
  serverUrl: string,
  path: string,
  body: SignInRequest | RefreshRequest | SignOutRequest,
  options: AuthClientOptions,
): Promise<unknown> => {
  const base = serverUrl.replace(/\/+$/, '');
  let url: string;
  try {
    url = new URL(`${base}${authApiPrefix}${path}`).toString();
  } catch {
    throw new Error(`"${serverUrl}" is not a server address. Use the form https://sync.example.com.`);
  }
  const response = await fetchOrOffline(options.fetch ?? ((...args) => globalThis.fetch(...args)), url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new ApiRequestError(response.status, await readApiError(response));
  try {
    return await response.json();
  } catch (error) {
    throw new OfflineError('The connection to the sync server broke off.', { cause: error });
  }
};

const session = (answer: unknown): SignInResponse => {
  const parsed = sessionResponseSchema.safeParse(answer);
  if (!parsed.success) throw new Error('The server at this address is not a Fairlead sync server.');
  return parsed.data;
};

/**
 * Signs in. Errors carry a sentence for the sign-in screen: ApiRequestError with the server's message (wrong
 * password, disabled account, rate limit) or OfflineError when the server cannot be reached.
 */
export const signIn = async (
  serverUrl: string,
  email: string,
  password: string,
  options: AuthClientOptions = {},
): Promise<SignInResponse> => session(await post(serverUrl, '/sign-in', { email, password }, options));

/** Exchanges a refresh token for a new pair; the old refresh token stops working (rotation). */
export const refresh = async (
  serverUrl: string,
  refreshToken: string,
  options: AuthClientOptions = {},
): Promise<RefreshResponse> => session(await post(serverUrl, '/refresh', { refreshToken }, options));

/** Ends this device's session on the server (its refresh token family is revoked). */
export const signOut = async (
  serverUrl: string,
  refreshToken: string,
  options: AuthClientOptions = {},
): Promise<SignOutResponse> => {
  await post(serverUrl, '/sign-out', { refreshToken }, options);
  return { signedOut: true };
};
