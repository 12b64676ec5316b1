import type { SessionResponse } from '../../../src-shared/auth/protocol';
import type { CollectionName } from '../../../src-shared/domain/collections';
import type {
  ApiError,
  PullResponse,
  PushResponse,
  ReplicatedDocument,
  SyncCheckpoint,
} from '../../../src-shared/sync/protocol';

export type ApiResult<T> = { status: number; body: T; headers: Headers };

/** A POST with a JSON (or raw string) body; resolves with status and parsed JSON whatever the status. */
export const postJson = async <T = unknown>(
  url: string,
  body: unknown,
  options: { token?: string; raw?: boolean } = {},
): Promise<ApiResult<T>> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.raw ? (body as string) : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : undefined) as T,
    headers: response.headers,
  };
};

export const signInRequest = (baseUrl: string, email: string, password: string) =>
  postJson<SessionResponse | ApiError>(`${baseUrl}/api/v1/auth/sign-in`, { email, password });

/** Signs in and returns the session (access token, refresh token, user); throws on anything but 200. */
export const signIn = async (baseUrl: string, email: string, password: string): Promise<SessionResponse> => {
  const result = await signInRequest(baseUrl, email, password);
  if (result.status !== 200)
    throw new Error(`Sign-in of ${email} failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body as SessionResponse;
};

export const pullRequest = (
  baseUrl: string,
  token: string,
  collection: CollectionName | string,
  checkpoint: SyncCheckpoint | null = null,
  limit = 100,
) =>
  postJson<PullResponse | ApiError>(
    `${baseUrl}/api/v1/sync/${collection}/pull`,
    { checkpoint, limit },
    { token },
  );

export const pushRequest = (
  baseUrl: string,
  token: string,
  collection: CollectionName | string,
  rows: {
    assumedMasterState: ReplicatedDocument | Record<string, unknown> | null;
    newDocumentState: unknown;
  }[],
) => postJson<PushResponse | ApiError>(`${baseUrl}/api/v1/sync/${collection}/push`, rows, { token });

/** Pushes and expects 200. */
export const push = async (
  baseUrl: string,
  token: string,
  collection: CollectionName,
  rows: { assumedMasterState: ReplicatedDocument | null; newDocumentState: ReplicatedDocument }[],
): Promise<PushResponse> => {
  const result = await pushRequest(baseUrl, token, collection, rows);
  if (result.status !== 200) throw new Error(`Push failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body as PushResponse;
};

/** Pulls a whole collection from `checkpoint` in batches of `limit`, as a client catching up would. */
export const pullAll = async (
  baseUrl: string,
  token: string,
  collection: CollectionName,
  options: { limit?: number; checkpoint?: SyncCheckpoint | null } = {},
): Promise<{ documents: ReplicatedDocument[]; checkpoint: SyncCheckpoint | null; batches: number }> => {
  let checkpoint = options.checkpoint ?? null;
  const documents: ReplicatedDocument[] = [];
  for (let batches = 1; ; batches += 1) {
    const result = await pullRequest(baseUrl, token, collection, checkpoint, options.limit ?? 100);
    if (result.status !== 200)
      throw new Error(`Pull failed: ${result.status} ${JSON.stringify(result.body)}`);
    const page = result.body as PullResponse;
    documents.push(...page.documents);
    checkpoint = page.checkpoint;
    if (page.documents.length < (options.limit ?? 100)) return { documents, checkpoint, batches };
  }
};
