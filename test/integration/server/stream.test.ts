import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { push, signIn } from '../../helpers/server/api';
import { edited, makeLead } from '../../helpers/server/documents';
import { openEventStream, streamedDocuments } from '../../helpers/server/eventStream';
import type { Fixture } from '../../helpers/server/fixtures';
import { fixtureUsers, seedFixture, testPassword } from '../../helpers/server/fixtures';
import { readDocument } from '../../helpers/server/serverWrites';
import { testBackends } from '../../helpers/server/testDatabase';
import type { TestServer } from '../../helpers/server/testServer';
import { startFixtureServer, startTestServer, testJwtSecret } from '../../helpers/server/testServer';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testBackends())('live stream on %s', (backend) => {
  let server: TestServer;
  let fixture: Fixture;
  let rita: string;
  let maria: string;
  let ravi: string;

  beforeAll(async () => {
    ({ server, fixture } = await startFixtureServer({ backend, http: { heartbeatMs: 200 } }));
    rita = (await signIn(server.url, fixtureUsers.rep.email, testPassword)).accessToken;
    maria = (await signIn(server.url, fixtureUsers.manager.email, testPassword)).accessToken;
    ravi = (await signIn(server.url, fixtureUsers.otherRep.email, testPassword)).accessToken;
  });
  afterAll(async () => server?.stop());

  it('opens with RESYNC as server-sent events and sends heartbeat comments', async () => {
    const stream = await openEventStream(server.url, maria);
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
      await stream.waitFor((event) => event.type === 'RESYNC');
      expect(stream.events[0]).toEqual({ type: 'RESYNC' });
      await sleep(700);
      expect(stream.comments()).toBeGreaterThanOrEqual(2);
    } finally {
      stream.close();
    }
  });

  it("delivers a rep's push to the manager's stream within a second, and not to another rep", async () => {
    const managerStream = await openEventStream(server.url, maria);
    const otherRepStream = await openEventStream(server.url, ravi);
    try {
      await managerStream.waitFor((event) => event.type === 'RESYNC');
      await otherRepStream.waitFor((event) => event.type === 'RESYNC');
      const lead = makeLead({ teamId: fixture.teams.North, ownerId: fixture.users.rep.id });
      const pushedAt = Date.now();
      await push(server.url, rita, 'leads', [{ assumedMasterState: null, newDocumentState: lead }]);
      const event = await managerStream.waitFor(
        (candidate) => candidate.type === 'changes' && candidate.documents.some((doc) => doc.id === lead.id),
        1000,
      );
      expect(Date.now() - pushedAt).toBeLessThan(1000);
      const stored = await readDocument(server, 'leads', lead.id);
      expect(event).toEqual({
        type: 'changes',
        collection: 'leads',
        documents: [lead],
        checkpoint: { seq: stored?.seq },
      });
      await sleep(200);
      expect(streamedDocuments(otherRepStream.events, 'leads')).toEqual([]);

      // A retried push changes nothing, so nothing is streamed again.
      await push(server.url, rita, 'leads', [{ assumedMasterState: null, newDocumentState: lead }]);
      await sleep(200);
      expect(
        streamedDocuments(managerStream.events, 'leads').filter((doc) => doc.id === lead.id),
      ).toHaveLength(1);
    } finally {
      managerStream.close();
      otherRepStream.close();
    }
  });

  it('tells a rep to drop a lead reassigned to someone else', async () => {
    const lead = makeLead({ teamId: fixture.teams.North, ownerId: fixture.users.rep.id });
    await push(server.url, rita, 'leads', [{ assumedMasterState: null, newDocumentState: lead }]);
    const ritaStream = await openEventStream(server.url, rita);
    try {
      await ritaStream.waitFor((event) => event.type === 'RESYNC');
      const reassigned = edited(lead, { ownerId: fixture.users.otherRep.id });
      await push(server.url, maria, 'leads', [{ assumedMasterState: lead, newDocumentState: reassigned }]);
      // On PostgreSQL the change of Rita's own earlier push can still arrive after the stream's RESYNC (streams
      // hear of commits through NOTIFY, asynchronously); it is harmless, so wait for the reassignment itself.
      const event = await ritaStream.waitFor(
        (candidate) =>
          candidate.type === 'changes' &&
          candidate.documents.some((doc) => doc.updatedAt === reassigned.updatedAt),
      );
      expect(event).toMatchObject({ collection: 'leads', documents: [{ ...reassigned, _deleted: true }] });
    } finally {
      ritaStream.close();
    }
  });

  it.skipIf(backend !== 'postgres')(
    'after losing its LISTEN connection the server reconnects and tells streams to RESYNC',
    async () => {
      const stream = await openEventStream(server.url, maria);
      try {
        await stream.waitFor((event) => event.type === 'RESYNC');
        const terminated = await server.db.query<{ ok: boolean }>(
          `select pg_terminate_backend(pid) as ok from pg_stat_activity
           where datname = current_database() and query ilike 'LISTEN%' and pid <> pg_backend_pid()`,
        );
        expect(terminated).toEqual([{ ok: true }]);
        // Notifications sent while it was gone are lost: the client must pull again.
        await stream.waitFor(
          () => stream.events.filter((event) => event.type === 'RESYNC').length === 2,
          5000,
        );
        const lead = makeLead({ teamId: fixture.teams.North, ownerId: fixture.users.rep.id });
        await push(server.url, rita, 'leads', [{ assumedMasterState: null, newDocumentState: lead }]);
        await stream.waitFor(
          (event) => event.type === 'changes' && event.documents.some((doc) => doc.id === lead.id),
          2000,
        );
      } finally {
        stream.close();
      }
    },
  );

  it('refuses a stream without a valid token with 401 JSON', async () => {
    const response = await fetch(`${server.url}/api/v1/sync/stream`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'unauthorized' });
  });

  it('ends the stream when its access token expires, so the client reconnects with a fresh one', async () => {
    const shortLived = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(fixture.users.manager.id)
      .setIssuer('fairlead-sync')
      .setAudience('fairlead')
      .setExpirationTime(Math.floor(Date.now() / 1000) + 2)
      .sign(new TextEncoder().encode(testJwtSecret));
    const stream = await openEventStream(server.url, shortLived);
    expect(stream.status).toBe(200);
    await stream.waitForEnd(4000);
  });

  it('allows the desktop app and localhost origins by CORS, not others', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/api/v1/sync/leads/pull`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
    expect((await preflight('app://fairlead')).headers.get('access-control-allow-origin')).toBe(
      'app://fairlead',
    );
    expect((await preflight('http://localhost:5173')).headers.get('access-control-allow-origin')).toBe(
      'http://localhost:5173',
    );
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    const stream = await fetch(`${server.url}/api/v1/sync/stream`, {
      headers: { authorization: `Bearer ${maria}`, origin: 'app://fairlead' },
    });
    expect(stream.headers.get('access-control-allow-origin')).toBe('app://fairlead');
    await stream.body?.cancel();
  });

  it('closing the server ends its open streams', async () => {
    const other = await startTestServer({ backend });
    try {
      await seedFixture(other.db, other.feed);
      const token = (await signIn(other.url, fixtureUsers.rep.email, testPassword)).accessToken;
      const stream = await openEventStream(other.url, token);
      await stream.waitFor((event) => event.type === 'RESYNC');
      const started = Date.now();
      await other.close();
      expect(Date.now() - started).toBeLessThan(3000);
      await stream.waitForEnd(2000);
    } finally {
      await other.stop();
    }
  });
});
