import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBrowserDesktop } from '../../../src-renderer/bridge/browserDesktop';

// Node's WebCrypto is the same API the browser offers; fake-indexeddb stands in for the browser's IndexedDB.

const readKeystore = async (storeName: string, key: string): Promise<unknown> => {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('fairlead-keystore');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
  try {
    return await new Promise((resolve, reject) => {
      const request = db.transaction(storeName, 'readonly').objectStore(storeName).get(key);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('get failed'));
    });
  } finally {
    db.close();
  }
};

beforeEach(() => {
  // A fresh, empty IndexedDB per test.
  vi.stubGlobal('indexedDB', new IDBFactory());
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

describe('browser secure storage', () => {
  it('reports the WebCrypto backend as available', async () => {
    await expect(createBrowserDesktop().secureStorage.status()).resolves.toEqual({
      available: true,
      backend: 'browser-webcrypto',
    });
  });

  it('round-trips a secret through set, get and delete', async () => {
    const { secureStorage } = createBrowserDesktop();

    await secureStorage.set('session.refreshToken', 'refresh-token-value');
    await expect(secureStorage.get('session.refreshToken')).resolves.toBe('refresh-token-value');
    await expect(secureStorage.get('session.accessToken')).resolves.toBeNull();

    await secureStorage.delete('session.refreshToken');
    await expect(secureStorage.get('session.refreshToken')).resolves.toBeNull();
  });

  it('stores only ciphertext, under a non-extractable AES-GCM key kept in fairlead-keystore', async () => {
    const { secureStorage } = createBrowserDesktop();
    await secureStorage.set('session.accessToken', 'plain-access-token');

    const stored = (await readKeystore('secrets', 'session.accessToken')) as { ciphertext: ArrayBuffer };
    expect(Buffer.from(stored.ciphertext).toString('latin1')).not.toContain('plain-access-token');

    const key = (await readKeystore('keys', 'secure-storage')) as CryptoKey;
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('reads secrets written by an earlier instance (a page reload)', async () => {
    await createBrowserDesktop().secureStorage.set('session.refreshToken', 'survives-reload');
    await expect(createBrowserDesktop().secureStorage.get('session.refreshToken')).resolves.toBe(
      'survives-reload',
    );
  });

  it('refuses keys outside the contract', async () => {
    const { secureStorage } = createBrowserDesktop();
    await expect(secureStorage.set('evil.key', 'x')).rejects.toThrow(/Invalid secure storage key/);
    await expect(secureStorage.get('evil.key')).rejects.toThrow(/Invalid secure storage key/);
  });

  it('is unavailable, with a reason, without WebCrypto', async () => {
    vi.stubGlobal('crypto', {});
    const { secureStorage } = createBrowserDesktop();
    const status = await secureStorage.status();
    expect(status).toMatchObject({ available: false, reason: expect.stringMatching(/WebCrypto/) as string });
    await expect(secureStorage.set('session.accessToken', 'x')).rejects.toThrow(/WebCrypto/);
  });

  it('is unavailable, with a reason, without IndexedDB', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const status = await createBrowserDesktop().secureStorage.status();
    expect(status).toMatchObject({ available: false, reason: expect.stringMatching(/IndexedDB/) as string });
  });
});

describe('browser desktop', () => {
  it('identifies as the web platform and never emits menu commands', () => {
    const desktop = createBrowserDesktop();
    const callback = vi.fn();
    expect(desktop.platform).toBe('web');
    const unsubscribe = desktop.onMenuCommand(callback);
    expect(unsubscribe).toBeTypeOf('function');
    unsubscribe();
    expect(callback).not.toHaveBeenCalled();
  });

  it('reports VITE_APP_VERSION, or 0.0.0-web when the build did not define it', async () => {
    vi.stubEnv('VITE_APP_VERSION', '');
    await expect(createBrowserDesktop().appVersion()).resolves.toBe('0.0.0-web');
    vi.stubEnv('VITE_APP_VERSION', '4.5.6');
    await expect(createBrowserDesktop().appVersion()).resolves.toBe('4.5.6');
  });
});
