import type { SessionResponse } from '../../src-shared/auth/protocol';
import type { DesktopApi } from '../../src-shared/bridge/desktopApi';
import { refresh } from '../sync/authClient';
import type { TokenProvider } from '../sync/httpClient';

const refreshKey = 'session.refreshToken';
const accessKey = 'session.accessToken';
/** Refresh a little before the server stops accepting the access token. */
const refreshMarginMs = 60_000;

export type TokenStore = TokenProvider & {
  /** Keeps a fresh pair from sign-in or refresh. Resolves to false when tokens cannot be kept across restarts. */
  save(response: SessionResponse): Promise<boolean>;
  refreshToken(): Promise<string | null>;
  clear(): Promise<void>;
};

/**
 * Tokens of a team session. The refresh token is kept only in the OS-backed secure storage of the desktop bridge;
 * when that is unavailable (e.g. Linux without a keyring) it is held in memory for this run only, and the user
 * signs in again after a restart. Refreshes are single-flight: the server rotates refresh tokens, and two parallel
 * refreshes with one token would look like token theft.
 */
export const createTokenStore = (desktop: DesktopApi, serverUrl: string): TokenStore => {
  let access: { token: string; expiresAt: number } | null = null;
  let memoryRefreshToken: string | null = null;
  let inFlight: Promise<string> | null = null;

  const storageAvailable = async () => (await desktop.secureStorage.status()).available;

  const readRefreshToken = async (): Promise<string | null> => {
    if (memoryRefreshToken) return memoryRefreshToken;
    if (!(await storageAvailable())) return null;
    return desktop.secureStorage.get(refreshKey);
  };

  const store: TokenStore = {
    async save(response) {
      access = { token: response.accessToken, expiresAt: response.accessTokenExpiresAt };
      memoryRefreshToken = response.refreshToken;
      if (!(await storageAvailable())) return false;
      await desktop.secureStorage.set(refreshKey, response.refreshToken);
      await desktop.secureStorage.set(accessKey, JSON.stringify(access));
      return true;
    },
    refreshToken: readRefreshToken,
    async getAccessToken() {
      if (!access && (await storageAvailable())) {
        const stored = await desktop.secureStorage.get(accessKey);
        if (stored) access = JSON.parse(stored) as { token: string; expiresAt: number };
      }
      if (access && access.expiresAt - refreshMarginMs > Date.now()) return access.token;
      return store.refreshAccessToken();
    },
    refreshAccessToken() {
      inFlight ??= (async () => {
        try {
          const current = await readRefreshToken();
          if (!current) throw new Error('Signed out: sign in again to sync.');
          const response = await refresh(serverUrl, current);
          await store.save(response);
          return response.accessToken;
        } finally {
          inFlight = null;
        }
      })();
      return inFlight;
    },
    async clear() {
      access = null;
      memoryRefreshToken = null;
      if (await storageAvailable()) {
        await desktop.secureStorage.delete(refreshKey);
        await desktop.secureStorage.delete(accessKey);
      }
    },
  };
  return store;
};
