import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createSecureStorage,
  ENCRYPTION_UNAVAILABLE_REASON,
  NO_KEYRING_REASON,
} from '../../../src-main/main/secureStorage';
import { resetFakeElectron, safeStorage } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

let dir: string;
let filePath: string;

beforeEach(async () => {
  resetFakeElectron();
  dir = await mkdtemp(path.join(tmpdir(), 'fairlead-secure-storage-'));
  filePath = path.join(dir, 'nested', 'secure-storage.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const readStoreFile = async (): Promise<{ version: number; secrets: Record<string, string> }> =>
  JSON.parse(await readFile(filePath, 'utf8')) as { version: number; secrets: Record<string, string> };

describe('secure storage availability', () => {
  it('refuses the Linux basic_text fallback and explains the missing keyring', async () => {
    safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    // Electron reports encryption as available on basic_text; the refusal must not depend on this flag.
    safeStorage.isEncryptionAvailable.mockReturnValue(true);
    const storage = createSecureStorage({ filePath, platform: 'linux' });

    expect(storage.status()).toEqual({ available: false, reason: NO_KEYRING_REASON });
    expect(NO_KEYRING_REASON).toMatch(/keyring/i);
    await expect(storage.set('session.refreshToken', 'token')).rejects.toThrow(NO_KEYRING_REASON);
    expect(safeStorage.encryptString).not.toHaveBeenCalled();
    await expect(readdir(dir)).resolves.toEqual([]);
  });

  it('refuses when the OS offers no encryption at all', async () => {
    safeStorage.isEncryptionAvailable.mockReturnValue(false);
    const storage = createSecureStorage({ filePath, platform: 'darwin' });

    expect(storage.status()).toEqual({ available: false, reason: ENCRYPTION_UNAVAILABLE_REASON });
    await expect(storage.set('session.accessToken', 'token')).rejects.toThrow(ENCRYPTION_UNAVAILABLE_REASON);
  });

  it('reports the keyring backend when one is available', () => {
    expect(createSecureStorage({ filePath, platform: 'linux' }).status()).toEqual({
      available: true,
      backend: 'gnome_libsecret',
    });
    expect(createSecureStorage({ filePath, platform: 'darwin' }).status()).toEqual({
      available: true,
      backend: 'macos-keychain',
    });
  });

  it('returns null for a key never stored even when storage is unavailable, but refuses to read a stored one', async () => {
    const storage = createSecureStorage({ filePath, platform: 'linux' });
    await storage.set('session.refreshToken', 'token');
    safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');

    await expect(storage.get('session.accessToken')).resolves.toBeNull();
    await expect(storage.get('session.refreshToken')).rejects.toThrow(NO_KEYRING_REASON);
  });
});

describe('secure storage round trip', () => {
  it('stores encrypted base64, reads it back, and deletes it', async () => {
    const storage = createSecureStorage({ filePath, platform: 'linux' });

    await storage.set('session.refreshToken', 'refresh-👍-token');
    await expect(storage.get('session.refreshToken')).resolves.toBe('refresh-👍-token');
    await expect(storage.get('session.accessToken')).resolves.toBeNull();

    const raw = await readFile(filePath, 'utf8');
    expect(raw).not.toContain('refresh-');
    const stored = (await readStoreFile()).secrets['session.refreshToken'] ?? '';
    expect(Buffer.from(stored, 'base64').toString('base64')).toBe(stored);
    expect(safeStorage.decryptString(Buffer.from(stored, 'base64'))).toBe('refresh-👍-token');

    await storage.delete('session.refreshToken');
    await expect(storage.get('session.refreshToken')).resolves.toBeNull();
    expect((await readStoreFile()).secrets).toEqual({});
  });

  it('persists across instances (a restart of the app)', async () => {
    await createSecureStorage({ filePath, platform: 'win32' }).set('session.accessToken', 'abc');
    await expect(
      createSecureStorage({ filePath, platform: 'win32' }).get('session.accessToken'),
    ).resolves.toBe('abc');
  });

  it('keeps both values when two writes race, and leaves no temp files behind', async () => {
    const storage = createSecureStorage({ filePath, platform: 'linux' });
    await Promise.all([storage.set('session.accessToken', 'a'), storage.set('session.refreshToken', 'r')]);

    expect(Object.keys((await readStoreFile()).secrets).sort()).toEqual([
      'session.accessToken',
      'session.refreshToken',
    ]);
    expect(await readdir(path.dirname(filePath))).toEqual(['secure-storage.json']);
  });

  it('starts over from an unreadable file instead of locking the user out', async () => {
    const storage = createSecureStorage({ filePath, platform: 'linux' });
    await storage.set('session.accessToken', 'first');
    await writeFile(filePath, '{not json', 'utf8');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    await expect(storage.get('session.accessToken')).resolves.toBeNull();
    await storage.set('session.accessToken', 'second');
    await expect(storage.get('session.accessToken')).resolves.toBe('second');
    expect(warn).toHaveBeenCalled();
  });

  it('reports a value the keyring can no longer decrypt', async () => {
    const storage = createSecureStorage({ filePath, platform: 'linux' });
    await storage.set('session.accessToken', 'abc');
    safeStorage.decryptString.mockImplementation(() => {
      throw new Error('bad key');
    });
    await expect(storage.get('session.accessToken')).rejects.toThrow(/could not be decrypted/);
  });
});
