import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createRendererFileHandler,
  handleAppProtocol,
  registerAppScheme,
} from '../../../src-main/main/appProtocol';
import { protocol, resetFakeElectron } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self'; connect-src 'self' http://127.0.0.1:* http://localhost:* https:; object-src 'none'; " +
  "base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

let dir: string;
let rendererDir: string;
let serve: (request: Request) => Promise<Response>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fairlead-protocol-'));
  rendererDir = path.join(dir, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Fairlead</title>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  // A sibling of the renderer folder that must never be served.
  await writeFile(path.join(dir, 'secret.txt'), 'TOP SECRET');
  serve = createRendererFileHandler(rendererDir);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => resetFakeElectron());

describe('app:// protocol', () => {
  it('registers app:// as a standard, secure scheme that does not bypass CSP', () => {
    registerAppScheme();
    const [[schemes]] = protocol.registerSchemesAsPrivileged.mock.calls as [
      [{ scheme: string; privileges: object }[]],
    ];
    expect(schemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }) as object,
      }),
    ]);
    expect(schemes[0]?.privileges).not.toHaveProperty('bypassCSP', true);
  });

  it('hands protocol.handle a handler for the app scheme', () => {
    handleAppProtocol(rendererDir);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('serves index.html with the strict CSP header', async () => {
    const response = await serve(new Request('app://fairlead/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    await expect(response.text()).resolves.toContain('<title>Fairlead</title>');
  });

  it('serves assets with their content type and the CSP header', async () => {
    const response = await serve(new Request('app://fairlead/assets/app.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
  });

  it('serves index.html for the root and for client-side routes', async () => {
    for (const url of ['app://fairlead/', 'app://fairlead/leads/42']) {
      const response = await serve(new Request(url));
      expect(response.status).toBe(200);
      await expect(response.text()).resolves.toContain('<title>Fairlead</title>');
    }
  });

  it.each([
    'app://fairlead/..%2Fsecret.txt',
    'app://fairlead/assets/..%2F..%2Fsecret.txt',
    'app://fairlead/%2E%2E%2Fsecret.txt',
  ])('refuses path traversal (%s)', async (url) => {
    const response = await serve(new Request(url));
    expect(response.status).toBe(403);
    expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    await expect(response.text()).resolves.not.toContain('TOP SECRET');
  });

  it('does not serve anything outside the folder even after URL normalisation', async () => {
    const response = await serve(new Request('app://fairlead/../secret.txt'));
    expect(response.status).toBe(404);
    await expect(response.text()).resolves.not.toContain('TOP SECRET');
  });

  it('refuses other hosts, missing files and non-GET methods', async () => {
    expect((await serve(new Request('app://elsewhere/index.html'))).status).toBe(404);
    expect((await serve(new Request('app://fairlead/assets/missing.js'))).status).toBe(404);
    expect(
      (await serve(new Request('app://fairlead/index.html', { method: 'POST', body: 'x' }))).status,
    ).toBe(405);
  });

  it('refuses malformed percent-encoding and NUL bytes', async () => {
    expect((await serve(new Request('app://fairlead/%E0%A4%A'))).status).toBe(400);
    expect((await serve(new Request('app://fairlead/index.html%00.js'))).status).toBe(400);
  });
});
