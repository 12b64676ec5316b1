import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../../helpers/server/testDatabase';
import type { TestServer } from '../../helpers/server/testServer';
import { startTestServer } from '../../helpers/server/testServer';

/** WEB_ROOT: the built web renderer served by the sync server itself, so the browser build is same-origin. */
describe.each(testBackends())('web root on %s', (backend) => {
  let server: TestServer;
  let webRoot: string;

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'fairlead-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Fairlead</title>');
    writeFileSync(join(webRoot, 'app.js'), 'console.log("fairlead")');
    server = await startTestServer({ backend, http: { webRoot } });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('serves files, falls back to index.html for app routes, and keeps JSON 404s for the API', async () => {
    const index = await fetch(`${server.url}/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>Fairlead</title>');
    const script = await fetch(`${server.url}/app.js`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    const route = await fetch(`${server.url}/leads/123`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Fairlead</title>');
    const api = await fetch(`${server.url}/api/v1/unknown`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: 'not_found' });
    expect(await (await fetch(`${server.url}/api/v1/health`)).json()).toEqual({
      ok: true,
      database: backend,
    });
  });
});
