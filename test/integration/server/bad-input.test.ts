import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, PushResponse } from '../../../src-shared/sync/protocol';
import { postJson, pullRequest, pushRequest, signIn } from '../../helpers/server/api';
import { makeLead } from '../../helpers/server/documents';
import type { Fixture } from '../../helpers/server/fixtures';
import { fixtureUsers, testPassword } from '../../helpers/server/fixtures';
import { quarantined, readDocument } from '../../helpers/server/serverWrites';
import { testBackends } from '../../helpers/server/testDatabase';
import type { TestServer } from '../../helpers/server/testServer';
import { startFixtureServer } from '../../helpers/server/testServer';

const expectApiError = (
  result: { status: number; body: unknown; headers: Headers },
  status: number,
  error: string,
) => {
  expect(result.status).toBe(status);
  expect(result.headers.get('content-type')).toMatch(/^application\/json/);
  expect(result.body).toEqual({ error, message: expect.stringMatching(/\w.{10,}/) as string });
};

/** Raw request for bodies fetch-JSON helpers cannot produce. */
const send = async (url: string, init: RequestInit) => {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text) as ApiError };
};

describe.each(testBackends())('bad input on %s', (backend) => {
  let server: TestServer;
  let fixture: Fixture;
  let token: string;

  beforeAll(async () => {
    ({ server, fixture } = await startFixtureServer({ backend, http: { bodyLimitBytes: 1024 * 1024 } }));
    token = (await signIn(server.url, fixtureUsers.rep.email, testPassword)).accessToken;
  });
  afterAll(async () => server?.stop());

  const url = (path: string) => `${server.url}${path}`;

  it('malformed JSON gets 400 with a message', async () => {
    expectApiError(
      await postJson(url('/api/v1/sync/leads/push'), '[{"assumedMasterState": nul', { token, raw: true }),
      400,
      'malformed_json',
    );
    expectApiError(await postJson(url('/api/v1/auth/sign-in'), '{', { raw: true }), 400, 'malformed_json');
  });

  it('requests of the wrong shape get 400 naming the problem', async () => {
    const pull = await postJson(
      url('/api/v1/sync/leads/pull'),
      { checkpoint: { seq: -1 }, limit: 5000 },
      { token },
    );
    expectApiError(pull, 400, 'invalid_request');
    expect((pull.body as ApiError).message).toMatch(/checkpoint\.seq|limit/);
    expectApiError(
      await postJson(url('/api/v1/sync/leads/push'), { not: 'an array' }, { token }),
      400,
      'invalid_request',
    );
    const tooMany = Array.from({ length: 501 }, () => ({
      assumedMasterState: null,
      newDocumentState: { id: 'x' },
    }));
    expectApiError(
      await postJson(url('/api/v1/sync/leads/push'), tooMany, { token }),
      400,
      'invalid_request',
    );
    expectApiError(await postJson(url('/api/v1/auth/refresh'), {}, {}), 400, 'invalid_request');
  });

  it('a body that is not JSON gets 415, an empty JSON body 400', async () => {
    const text = await send(url('/api/v1/sync/leads/pull'), {
      method: 'POST',
      headers: { 'content-type': 'application/xml', authorization: `Bearer ${token}` },
      body: '<pull/>',
    });
    expectApiError(text, 415, 'unsupported_media_type');
    const empty = await send(url('/api/v1/sync/leads/pull'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '',
    });
    expectApiError(empty, 400, 'malformed_json');
  });

  it('an oversized body gets 413 with a message', async () => {
    const big = [
      { assumedMasterState: null, newDocumentState: { id: 'big', notes: 'x'.repeat(2 * 1024 * 1024) } },
    ];
    expectApiError(await pushRequest(server.url, token, 'leads', big), 413, 'payload_too_large');
    // The server is fine afterwards.
    expect((await pullRequest(server.url, token, 'leads')).status).toBe(200);
  });

  it('an unknown collection or route gets 404 JSON', async () => {
    expectApiError(await pullRequest(server.url, token, 'contacts'), 404, 'unknown_collection');
    expectApiError(await pushRequest(server.url, token, '__proto__', []), 404, 'unknown_collection');
    expectApiError(await send(url('/api/v1/nothing/here'), { method: 'GET' }), 404, 'not_found');
    expectApiError(await send(url('/api/v1/sync/leads/pull'), { method: 'GET' }), 404, 'not_found');
  });

  it('an invalid document is rejected with its reason and quarantined; the other rows are written', async () => {
    const good = makeLead({ teamId: fixture.teams.North, ownerId: fixture.users.rep.id });
    const alsoGood = makeLead({ teamId: fixture.teams.North, ownerId: fixture.users.rep.id });
    const invalid = {
      ...makeLead({ teamId: fixture.teams.North, ownerId: fixture.users.rep.id }),
      firstName: '',
      fitScore: 400,
    };
    const noFlag = { ...makeLead({ teamId: fixture.teams.North, ownerId: fixture.users.rep.id }) } as Record<
      string,
      unknown
    >;
    delete noFlag._deleted;
    const result = await pushRequest(server.url, token, 'leads', [
      { assumedMasterState: null, newDocumentState: good },
      { assumedMasterState: null, newDocumentState: invalid },
      { assumedMasterState: null, newDocumentState: noFlag },
      { assumedMasterState: null, newDocumentState: alsoGood },
    ]);
    expect(result.status).toBe(200);
    const response = result.body as PushResponse;
    expect(response.conflicts).toEqual([]);
    expect(response.rejected).toEqual([
      {
        id: invalid.id,
        reason: expect.stringMatching(/firstName: First name is required.*fitScore/) as string,
      },
      { id: noFlag.id, reason: expect.stringContaining('_deleted') as string },
    ]);
    expect((await readDocument(server, 'leads', good.id))?.document).toEqual(good);
    expect((await readDocument(server, 'leads', alsoGood.id))?.document).toEqual(alsoGood);
    expect(await readDocument(server, 'leads', invalid.id)).toBeUndefined();
    expect(await quarantined(server, invalid.id)).toEqual([
      {
        collection: 'leads',
        user_id: fixture.users.rep.id,
        reason: response.rejected[0]?.reason,
        document: invalid,
      },
    ]);
  });

  it('a non-object document is rejected, not a server error', async () => {
    const result = await postJson(
      url('/api/v1/sync/leads/push'),
      [{ assumedMasterState: null, newDocumentState: { id: 42, _deleted: 'no' } }],
      { token },
    );
    expect(result.status).toBe(200);
    expect((result.body as PushResponse).rejected).toHaveLength(1);
  });
});
