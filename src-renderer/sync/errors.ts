import type { ApiError } from '../../src-shared/sync/protocol';

/** The server could not be reached (no network, server down, connection dropped before an answer). */
export class OfflineError extends Error {
  override readonly name = 'OfflineError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The server answered with an ApiError (4xx/5xx); `message` is the server's sentence, meant for people. */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  readonly status: number;
  readonly code: string;
  constructor(status: number, body: ApiError) {
    super(body.message);
    this.status = status;
    this.code = body.error;
  }
}

/** This device's session ended (disabled account, revoked or reused refresh token): sign in again. */
export class SignedOutError extends Error {
  override readonly name = 'SignedOutError';
  readonly reason: string;
  constructor(reason: string, message = 'You were signed out. Sign in again to sync.') {
    super(message);
    this.reason = reason;
  }
}

/** ApiError codes after which retrying cannot help: the person has to sign in again (src-shared/auth). */
export const signOutCodes: ReadonlySet<string> = new Set([
  'account_disabled',
  'invalid_refresh_token',
  'refresh_token_reused',
]);

export const isAbort = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';

/**
 * Runs a fetch and turns a network failure into OfflineError, so callers tell "no connection" (wait and retry)
 * from "the server said no" (ApiRequestError). An abort stays an abort.
 */
export const fetchOrOffline = async (
  fetchImpl: typeof fetch,
  url: string,
  init: RequestInit,
): Promise<Response> => {
  try {
    return await fetchImpl(url, init);
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new OfflineError(`Cannot reach the sync server at ${new URL(url).origin}.`, { cause: error });
  }
};

/** Reads an error answer as ApiError; a proxy's HTML page or an empty body still gives a readable message. */
export const readApiError = async (response: Response): Promise<ApiError> => {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as Partial<ApiError>;
    if (typeof body.error === 'string' && typeof body.message === 'string') {
      return { error: body.error, message: body.message };
    }
  } catch {
    // Not JSON: described below.
  }
  return {
    error: `http_${response.status}`,
    message: `The sync server answered ${response.status} ${response.statusText}`.trim() + '.',
  };
};
