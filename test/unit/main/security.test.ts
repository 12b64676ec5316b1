import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveRendererSource } from '../../../src-main/main/appUrl';
import { denyAllPermissions, hardenWebContents, secureWebPreferences } from '../../../src-main/main/security';
import { createMainWindow } from '../../../src-main/main/window';
import { FakeBrowserWindow, FakeWebContents, resetFakeElectron } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

const packaged = resolveRendererSource(undefined);

const navigationEvent = (url: string) => ({ url, preventDefault: vi.fn() });

const hardened = (isAppUrl = packaged.isAppUrl): FakeWebContents => {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents, isAppUrl);
  return contents;
};

beforeEach(() => resetFakeElectron());

describe('main window', () => {
  it('is created with isolated, sandboxed, Node-free web preferences and the given preload', () => {
    createMainWindow({ preloadPath: '/app/out/preload/index.cjs', entryUrl: 'app://fairlead/index.html' });

    const [window] = FakeBrowserWindow.instances;
    expect(window?.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(window?.loadURL).toHaveBeenCalledWith('app://fairlead/index.html');
  });

  it('exposes exactly the hardened preferences, nothing looser', () => {
    expect(secureWebPreferences('/p.cjs')).toEqual({
      preload: '/p.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });
});

describe('web contents hardening', () => {
  it('denies every window.open / target=_blank', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://fairlead/index.html' })).toEqual({ action: 'deny' });
  });

  it.each([
    'https://evil.example/',
    'file:///etc/passwd',
    'app://other-host/index.html',
    'http://localhost:5173/',
  ])('prevents navigation to %s', (url) => {
    const contents = hardened();
    const event = navigationEvent(url);
    contents.emit('will-navigate', event, url);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('allows navigation within the app itself', () => {
    const contents = hardened();
    const event = navigationEvent('app://fairlead/index.html#/leads');
    contents.emit('will-navigate', event, event.url);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('prevents redirects to foreign origins', () => {
    const contents = hardened();
    const event = navigationEvent('https://evil.example/');
    contents.emit('will-redirect', event, event.url);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('allows the dev server origin only when running against it', () => {
    const dev = resolveRendererSource('http://localhost:5173/');
    const contents = hardened(dev.isAppUrl);
    const own = navigationEvent('http://localhost:5173/leads');
    const otherPort = navigationEvent('http://localhost:5174/');
    contents.emit('will-navigate', own, own.url);
    contents.emit('will-navigate', otherPort, otherPort.url);
    expect(own.preventDefault).not.toHaveBeenCalled();
    expect(otherPort.preventDefault).toHaveBeenCalled();
  });

  it('prevents attaching a <webview>', () => {
    const contents = hardened();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    const setPermissionRequestHandler = vi.fn();
    const setPermissionCheckHandler = vi.fn();
    denyAllPermissions({ setPermissionRequestHandler, setPermissionCheckHandler } as unknown as Session);

    const requestHandler = setPermissionRequestHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      const callback = vi.fn();
      requestHandler({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const checkHandler = setPermissionCheckHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    expect(checkHandler(null, 'clipboard-read', 'app://fairlead', {})).toBe(false);
  });
});

describe('renderer source', () => {
  it('loads app://fairlead/ when no dev server is given', () => {
    expect(packaged.entryUrl).toBe('app://fairlead/index.html');
    expect(packaged.isAppUrl('app://fairlead/assets/x.js')).toBe(true);
    expect(packaged.isAppUrl('http://localhost:5173/')).toBe(false);
    expect(packaged.isAppUrl('not a url')).toBe(false);
  });

  it('refuses a malformed dev server URL instead of trusting it', () => {
    expect(() => resolveRendererSource('localhost:5173')).toThrow(/not a valid URL|ELECTRON_RENDERER_URL/);
  });
});
