import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../../src-shared/auth/protocol';
import type { ApiError, PullResponse, ReplicatedDocument } from '../../../src-shared/sync/protocol';
import { setUserActive } from '../../../src-server/auth/userAdmin';
import { postJson, pullRequest, signIn, signInRequest } from '../../helpers/server/api';
import { openEventStream } from '../../helpers/server/eventStream';
import type { Fixture } from '../../helpers/server/fixtures';
import { fixtureUsers, testPassword } from '../../helpers/server/fixtures';
import { startFixtureServer, testJwtSecret } from '../../helpers/server/testServer';
import type { TestServer } from '../../helpers/server/testServer';
import { testBackends } from '../../helpers/server/testDatabase';

const refresh = (url: string, refreshToken: string) =>
  postJson<SessionResponse | ApiError>(`${url}/api/v1/auth/refresh`, { refreshToken });
const signOut = (url: string, refreshToken: string) =>
  postJson(`${url}/api/v1/auth/sign-out`, { refreshToken });

describe.each(testBackends())('auth on %s', (backend) => {
  let server: TestServer;
  let fixture: Fixture;

  beforeAll(async () => {
    ({ server, fixture } = await startFixtureServer({
      backend,
      http: { signInRateLimit: { max: 5, windowMs: 60_000 }, heartbeatMs: 200 },
    }));
  });
  afterAll(async () => server?.stop());

  it('signs in with email and password, case-insensitively, and the token opens the sync API', async () => {
    const session = await signIn(server.url, '  RITA@north.test ', testPassword);
    expect(session.user).toEqual({
      id: fixture.users.rep.id,
      name: fixtureUsers.rep.name,
      email: fixtureUsers.rep.email,
      role: 'rep',
      teamId: fixture.teams.North,
    });
    expect(session.refreshToken).toMatch(/^[\w-]{40,}$/);
    expect(session.accessTokenExpiresAt - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(session.accessTokenExpiresAt - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    const pull = await pullRequest(server.url, session.accessToken, 'leads');
    expect(pull.status).toBe(200);
    const me = await fetch(`${server.url}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    expect(await me.json()).toEqual({ user: session.user });
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const wrong = await signInRequest(server.url, fixtureUsers.manager.email, 'not the password');
    const unknown = await signInRequest(server.url, 'nobody@north.test', testPassword);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toEqual({
      error: 'invalid_credentials',
      message: 'The email or password is not correct.',
    });
  });

  it('refuses a malformed sign-in with 400 and a message', async () => {
    const result = await signInRequest(server.url, 'not-an-email', '');
    expect(result.status).toBe(400);
    expect((result.body as ApiError).error).toBe('invalid_request');
    expect((result.body as ApiError).message).toMatch(/email/i);
  });

  it('rate-limits sign-in per address and email with a clear 429', async () => {
    const email = fixtureUsers.otherRep.email;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await signInRequest(server.url, email, 'wrong password')).status).toBe(401);
    }
    const limited = await signInRequest(server.url, email, testPassword);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: 'rate_limited' });
    expect((limited.body as ApiError).message).toMatch(
      /Too many sign-in attempts for this email. Wait .+ and try again/,
    );
    // Another account from the same address is not locked out.
    expect((await signInRequest(server.url, fixtureUsers.southRep.email, testPassword)).status).toBe(200);
  });

  it('rotates refresh tokens and revokes the family when a rotated token is used again', async () => {
    const first = await signIn(server.url, fixtureUsers.manager.email, testPassword);
    const rotated = await refresh(server.url, first.refreshToken);
    expect(rotated.status).toBe(200);
    const second = rotated.body as SessionResponse;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.user.id).toBe(fixture.users.manager.id);
    expect((await pullRequest(server.url, second.accessToken, 'leads')).status).toBe(200);

    const reused = await refresh(server.url, first.refreshToken);
    expect(reused.status).toBe(401);
    expect(reused.body).toMatchObject({ error: 'refresh_token_reused' });
    // The legitimate newest token of that family is revoked too: whoever holds a copy is out.
    const afterReuse = await refresh(server.url, second.refreshToken);
    expect(afterReuse.status).toBe(401);
    expect(afterReuse.body).toMatchObject({ error: 'invalid_refresh_token' });
    // Other sessions (families) of the same user are unaffected.
    const otherDevice = await signIn(server.url, fixtureUsers.manager.email, testPassword);
    expect((await refresh(server.url, otherDevice.refreshToken)).status).toBe(200);
  });

  it('signs out by revoking the refresh token; sign-out is idempotent', async () => {
    const session = await signIn(server.url, fixtureUsers.marketing.email, testPassword);
    expect(await signOut(server.url, session.refreshToken)).toMatchObject({
      status: 200,
      body: { signedOut: true },
    });
    expect(await signOut(server.url, session.refreshToken)).toMatchObject({ status: 200 });
    const after = await refresh(server.url, session.refreshToken);
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ error: 'invalid_refresh_token' });
    expect((await refresh(server.url, 'never-issued')).status).toBe(401);
  });

  it('refuses requests without a valid access token, and says when it expired', async () => {
    const missing = await pullRequest(server.url, '', 'leads');
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ error: 'unauthorized' });
    expect((await pullRequest(server.url, 'garbage', 'leads')).body).toMatchObject({ error: 'unauthorized' });
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(fixture.users.rep.id)
      .setIssuer('fairlead-sync')
      .setAudience('fairlead')
      .setExpirationTime(Math.floor(Date.now() / 1000) + 600)
      .sign(new TextEncoder().encode('some-other-secret-some-other-secret'));
    expect((await pullRequest(server.url, forged, 'leads')).status).toBe(401);
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(fixture.users.rep.id)
      .setIssuer('fairlead-sync')
      .setAudience('fairlead')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 120)
      .sign(new TextEncoder().encode(testJwtSecret));
    const result = await pullRequest(server.url, expired, 'leads');
    expect(result.status).toBe(401);
    expect(result.body).toMatchObject({ error: 'token_expired' });
  });

  it('refuses a disabled user on sign-in, refresh, sync requests and open streams', async () => {
    const session = await signIn(server.url, fixtureUsers.southManager.email, testPassword);
    const stream = await openEventStream(server.url, session.accessToken);
    await stream.waitFor((event) => event.type === 'RESYNC');
    await setUserActive(server.db, server.feed, fixtureUsers.southManager.email, false);

    const signInAgain = await signInRequest(server.url, fixtureUsers.southManager.email, testPassword);
    expect(signInAgain.status).toBe(403);
    expect(signInAgain.body).toMatchObject({ error: 'account_disabled' });
    const refreshed = await refresh(server.url, session.refreshToken);
    expect(refreshed.status).toBe(403);
    expect(refreshed.body).toMatchObject({ error: 'account_disabled' });
    // The still-valid access token stops working within the few seconds users are cached.
    const deadline = Date.now() + 5000;
    let pull = await pullRequest(server.url, session.accessToken, 'leads');
    while (pull.status === 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      pull = await pullRequest(server.url, session.accessToken, 'leads');
    }
    expect(pull.status).toBe(403);
    expect(pull.body).toMatchObject({ error: 'account_disabled' });
    await stream.waitForEnd(5000);
    const reopened = await openEventStream(server.url, session.accessToken);
    expect(reopened.status).toBe(403);
  });

  it('lets an admin create a user in their organisation, whose directory entry reaches the team', async () => {
    const admin = await signIn(server.url, fixtureUsers.admin.email, testPassword);
    const created = await postJson(
      `${server.url}/api/v1/admin/users`,
      {
        email: 'nina@north.test',
        name: 'Nina New',
        role: 'rep',
        teamId: fixture.teams.North,
        password: 'welcome-nina',
      },
      { token: admin.accessToken },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      user: { email: 'nina@north.test', role: 'rep', teamId: fixture.teams.North },
    });
    const duplicate = await postJson(
      `${server.url}/api/v1/admin/users`,
      {
        email: 'nina@north.test',
        name: 'Nina Again',
        role: 'rep',
        teamId: fixture.teams.North,
        password: 'welcome-nina',
      },
      { token: admin.accessToken },
    );
    expect(duplicate).toMatchObject({ status: 409, body: { error: 'email_taken' } });
    const foreignTeam = await postJson(
      `${server.url}/api/v1/admin/users`,
      {
        email: 'eve@east.test',
        name: 'Eve',
        role: 'rep',
        teamId: fixture.teams.East,
        password: 'welcome-eve',
      },
      { token: admin.accessToken },
    );
    expect(foreignTeam.status).toBe(400);
    const rep = await signIn(server.url, fixtureUsers.rep.email, testPassword);
    const byRep = await postJson(
      `${server.url}/api/v1/admin/users`,
      { email: 'x@north.test', name: 'X', role: 'admin', teamId: fixture.teams.North, password: 'welcome-x' },
      { token: rep.accessToken },
    );
    expect(byRep).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    const directory = (await pullRequest(server.url, rep.accessToken, 'users', null, 100))
      .body as PullResponse;
    expect(directory.documents.map((user) => (user as ReplicatedDocument<'users'>).email)).toContain(
      'nina@north.test',
    );
  });
});
