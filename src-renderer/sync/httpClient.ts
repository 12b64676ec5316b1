import {
  ApiRequestError,
  fetchOrOffline,
  isAbort,
  OfflineError,
  readApiError,
  SignedOutError,
  signOutCodes,
} from './errors';

/**
 * Where the sync engine gets access tokens. `refreshAccessToken` must be single-flight (the server rotates refresh
 * tokens, and two refreshes with one token look like theft). Throw OfflineError when the server cannot be reached;
 * any other failure of either method means this device has no usable session and signs it out.
 */
export type TokenProvider = {
  getAccessToken(): Promise<string>;
  refreshAccessToken(): Promise<string>;
};

export type HttpClientOptions = {
  /** Base URL of the sync server, without a trailing slash (e.g. `https://sync.example.com`). */
  serverUrl: string;
  tokens: TokenProvider;
  /** Called once when the session ends; every later request fails with SignedOutError without a network call. */
  onSignedOut: (reason: string) => void;
  /** Injected in tests (offline switch, counting requests); the global fetch otherwise. */
  fetch?: typeof fetch;
};

export type HttpClient = {
  readonly serverUrl: string;
  /** POST JSON and parse the JSON answer. Throws OfflineError, ApiRequestError or SignedOutError. */
  postJson<T>(path: string, body: unknown): Promise<T>;
  /** GET a streaming response (server-sent events) with the Bearer header; the caller reads and cancels its body. */
  openStream(path: string, signal: AbortSignal): Promise<Response>;
  isSignedOut(): boolean;
};

/**
 * The authorized fetch of the sync engine: adds the Bearer token, refreshes once on 401 and retries, and signs the
 * device out when the server says the session is over (disabled account, revoked or reused refresh token, or a
 * 401 even with a fresh token).
 */
export const createHttpClient = ({
  serverUrl,
  tokens,
  onSignedOut,
  fetch: fetchImpl = (...args) => globalThis.fetch(...args),
}: HttpClientOptions): HttpClient => {
  let signedOutReason: string | null = null;

  const signOut = (reason: string): SignedOutError => {
    if (signedOutReason === null) {
      signedOutReason = reason;
      onSignedOut(reason);
    }
    return new SignedOutError(signedOutReason);
  };

  const token = async (get: () => Promise<string>): Promise<string> => {
    try {
      return await get();
    } catch (error) {
      if (error instanceof OfflineError || isAbort(error)) throw error;
      if (error instanceof ApiRequestError) {
        if (signOutCodes.has(error.code) || error.status === 401) throw signOut(error.code);
        throw error;
      }
      throw signOut('no_session');
    }
  };

  const send = async (path: string, init: (accessToken: string) => RequestInit): Promise<Response> => {
    if (signedOutReason !== null) throw new SignedOutError(signedOutReason);
    const url = `${serverUrl}${path}`;
    let response = await fetchOrOffline(fetchImpl, url, init(await token(() => tokens.getAccessToken())));
    if (response.status !== 401 && response.status !== 403) return response;
    const body = await readApiError(response);
    if (signOutCodes.has(body.error)) throw signOut(body.error);
    if (response.status === 403) throw new ApiRequestError(403, body);
    // Expired (or otherwise refused) access token: one refresh, one retry.
    response = await fetchOrOffline(fetchImpl, url, init(await token(() => tokens.refreshAccessToken())));
    if (response.status !== 401 && response.status !== 403) return response;
    const again = await readApiError(response);
    if (response.status === 401 || signOutCodes.has(again.error)) throw signOut(again.error);
    throw new ApiRequestError(response.status, again);
  };

  return {
    serverUrl,
    isSignedOut: () => signedOutReason !== null,
    async postJson<T>(path: string, body: unknown): Promise<T> {
      const payload = JSON.stringify(body);
      const response = await send(path, (accessToken) => ({
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: payload,
      }));
      if (!response.ok) throw new ApiRequestError(response.status, await readApiError(response));
      try {
        return (await response.json()) as T;
      } catch (error) {
        // Headers arrived, the body did not: the connection dropped mid-answer.
        throw new OfflineError('The connection to the sync server broke off.', { cause: error });
      }
    },
    async openStream(path, signal) {
      const response = await send(path, (accessToken) => ({
        headers: { accept: 'text/event-stream', authorization: `Bearer ${accessToken}` },
        signal,
      }));
      if (!response.ok) throw new ApiRequestError(response.status, await readApiError(response));
      return response;
    },
  };
};
