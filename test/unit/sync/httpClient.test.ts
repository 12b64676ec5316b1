import { describe, expect, it, vi } from 'vitest';
import { createHttpClient } from '../../../src-renderer/sync/httpClient';
import type { TokenProvider } from '../../../src-renderer/sync/httpClient';
import { signIn } from '../../../src-renderer/sync/authClient';
import { ApiRequestError, OfflineError, SignedOutError } from '../../../src-renderer/sync/errors';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

type Answer = Response | Error;

/** A fetch answering from a script and recording the Bearer token of each call. */
const scriptedFetch = (answers: Answer[]) => {
  const tokens: (string | null)[] = [];
  const fetchImpl = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
    tokens.push(new Headers(init?.headers).get('authorization'));
    const answer = answers.shift();
    if (!answer) throw new Error('unexpected request');
    if (answer instanceof Error) throw answer;
    return answer;
  });
  return { fetch: fetchImpl as unknown as typeof fetch, tokens, calls: fetchImpl };
};

const tokenProvider = (refresh: () => Promise<string> = async () => 'fresh'): TokenProvider => ({
  getAccessToken: async () => 'stale',
  refreshAccessToken: vi.fn(refresh),
});

describe('sync http client', () => {
  it('refreshes once on an expired token and retries with the new one', async () => {
    const net = scriptedFetch([
      json(401, { error: 'token_expired', message: 'expired' }),
      json(200, { ok: 1 }),
    ]);
    const tokens = tokenProvider();
    const onSignedOut = vi.fn();
    const client = createHttpClient({ serverUrl: 'http://sync.test', tokens, onSignedOut, fetch: net.fetch });
    expect(await client.postJson('/x', {})).toEqual({ ok: 1 });
    expect(net.tokens).toEqual(['Bearer stale', 'Bearer fresh']);
    expect(tokens.refreshAccessToken).toHaveBeenCalledOnce();
    expect(onSignedOut).not.toHaveBeenCalled();
  });

  it('signs out when the server still refuses after a refresh, once, and stops calling the network', async () => {
    const net = scriptedFetch([
      json(401, { error: 'token_expired', message: 'expired' }),
      json(401, { error: 'unauthorized', message: 'no' }),
    ]);
    const onSignedOut = vi.fn();
    const client = createHttpClient({
      serverUrl: 'http://sync.test',
      tokens: tokenProvider(),
      onSignedOut,
      fetch: net.fetch,
    });
    await expect(client.postJson('/x', {})).rejects.toBeInstanceOf(SignedOutError);
    await expect(client.postJson('/x', {})).rejects.toBeInstanceOf(SignedOutError);
    expect(onSignedOut).toHaveBeenCalledExactlyOnceWith('unauthorized');
    expect(net.calls).toHaveBeenCalledTimes(2);
    expect(client.isSignedOut()).toBe(true);
  });

  it('signs out on a disabled account and on a reused or invalid refresh token', async () => {
    const disabled = vi.fn();
    const net = scriptedFetch([json(403, { error: 'account_disabled', message: 'disabled' })]);
    const client = createHttpClient({
      serverUrl: 'http://s',
      tokens: tokenProvider(),
      onSignedOut: disabled,
      fetch: net.fetch,
    });
    await expect(client.postJson('/x', {})).rejects.toBeInstanceOf(SignedOutError);
    expect(disabled).toHaveBeenCalledWith('account_disabled');

    const reused = vi.fn();
    const refreshFails = tokenProvider(async () => {
      throw new ApiRequestError(401, { error: 'refresh_token_reused', message: 'reused' });
    });
    const second = createHttpClient({
      serverUrl: 'http://s',
      tokens: refreshFails,
      onSignedOut: reused,
      fetch: scriptedFetch([json(401, { error: 'token_expired', message: 'expired' })]).fetch,
    });
    await expect(second.postJson('/x', {})).rejects.toBeInstanceOf(SignedOutError);
    expect(reused).toHaveBeenCalledWith('refresh_token_reused');
  });

  it('reports a network failure as OfflineError, also while refreshing, without signing out', async () => {
    const onSignedOut = vi.fn();
    const down = createHttpClient({
      serverUrl: 'http://s',
      tokens: tokenProvider(),
      onSignedOut,
      fetch: scriptedFetch([new TypeError('fetch failed')]).fetch,
    });
    await expect(down.postJson('/x', {})).rejects.toBeInstanceOf(OfflineError);

    const refreshOffline = tokenProvider(async () => {
      throw new OfflineError('no network');
    });
    const client = createHttpClient({
      serverUrl: 'http://s',
      tokens: refreshOffline,
      onSignedOut,
      fetch: scriptedFetch([json(401, { error: 'token_expired', message: 'expired' })]).fetch,
    });
    await expect(client.postJson('/x', {})).rejects.toBeInstanceOf(OfflineError);
    expect(onSignedOut).not.toHaveBeenCalled();
  });

  it('passes other refusals on as ApiRequestError with the server sentence', async () => {
    const net = scriptedFetch([
      json(403, { error: 'forbidden', message: 'Managers only.' }),
      new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    ]);
    const onSignedOut = vi.fn();
    const client = createHttpClient({
      serverUrl: 'http://s',
      tokens: tokenProvider(),
      onSignedOut,
      fetch: net.fetch,
    });
    await expect(client.postJson('/x', {})).rejects.toMatchObject({
      status: 403,
      code: 'forbidden',
      message: 'Managers only.',
    });
    await expect(client.postJson('/x', {})).rejects.toMatchObject({
      status: 502,
      message: expect.stringMatching(/502/),
    });
    expect(onSignedOut).not.toHaveBeenCalled();
  });
});

describe('auth client', () => {
  it('says what went wrong in words', async () => {
    const wrong = scriptedFetch([
      json(401, { error: 'invalid_credentials', message: 'The email or password is not correct.' }),
    ]);
    await expect(signIn('http://s', 'a@b.c', 'x', { fetch: wrong.fetch })).rejects.toThrow(
      'The email or password is not correct.',
    );
    const offline = scriptedFetch([new TypeError('fetch failed')]);
    await expect(signIn('http://sync.test:9', 'a@b.c', 'x', { fetch: offline.fetch })).rejects.toThrow(
      'Cannot reach the sync server at http://sync.test:9.',
    );
    await expect(signIn('not a url', 'a@b.c', 'x')).rejects.toThrow(/not a server address/);
    const stranger = scriptedFetch([json(200, { hello: 'world' })]);
    await expect(signIn('http://s', 'a@b.c', 'x', { fetch: stranger.fetch })).rejects.toThrow(
      /not a Fairlead sync server/,
    );
  });
});
