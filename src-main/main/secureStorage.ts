import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { safeStorage } from 'electron';
import { z } from 'zod';
import type { SecureStorageKey, SecureStorageStatus } from '../../src-shared/bridge/desktopApi';

export const NO_KEYRING_REASON =
  'No OS keyring (such as GNOME Keyring or KWallet) was found, so secrets could only be stored with a fixed, ' +
  'publicly known key. Fairlead does not store your sign-in that way: install or unlock a keyring and restart ' +
  'Fairlead, or sign in again each time you open it.';

export const ENCRYPTION_UNAVAILABLE_REASON =
  'The operating system did not provide an encryption key (no keychain or keyring is available), so Fairlead ' +
  'cannot store your sign-in securely on this computer. You will need to sign in again each time you open it.';

export type SecureStorageService = {
  status(): SecureStorageStatus;
  set(key: SecureStorageKey, value: string): Promise<void>;
  get(key: SecureStorageKey): Promise<string | null>;
  delete(key: SecureStorageKey): Promise<void>;
};

export type SecureStorageOptions = {
  /** JSON file holding the encrypted values (base64), normally under app.getPath('userData'). */
  filePath: string;
  /** Injected so tests can play Linux, macOS and Windows on any machine. */
  platform?: NodeJS.Platform;
};

const storeFileSchema = z.object({ version: z.literal(1), secrets: z.record(z.string(), z.string()) });
type StoreFile = z.infer<typeof storeFileSchema>;

const emptyStore = (): StoreFile => ({ version: 1, secrets: {} });

const backendName = (platform: NodeJS.Platform): string => {
  if (platform === 'linux') return safeStorage.getSelectedStorageBackend();
  if (platform === 'darwin') return 'macos-keychain';
  if (platform === 'win32') return 'windows-dpapi';
  return 'os';
};

/** Checked on every call: a keyring can be unlocked or go away while the app runs. */
const currentStatus = (platform: NodeJS.Platform): SecureStorageStatus => {
  if (platform === 'linux') {
    // Electron reports encryption as available even on the basic_text fallback, whose key is hard-coded.
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown')
      return { available: false, reason: NO_KEYRING_REASON };
  }
  if (!safeStorage.isEncryptionAvailable())
    return { available: false, reason: ENCRYPTION_UNAVAILABLE_REASON };
  return { available: true, backend: backendName(platform) };
};

export const createSecureStorage = ({
  filePath,
  platform = process.platform,
}: SecureStorageOptions): SecureStorageService => {
  // Every operation runs after the previous one so two concurrent writes cannot lose each other's update.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <Result>(operation: () => Promise<Result>): Promise<Result> => {
    const run = queue.then(operation, operation);
    queue = run.catch(() => undefined);
    return run;
  };

  const readStore = async (): Promise<StoreFile> => {
    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyStore();
      throw error;
    }
    try {
      const parsed = storeFileSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      // Falls through: a damaged file only costs the user a new sign-in, it must not lock them out.
    }
    console.warn(`Secure storage file ${filePath} is unreadable; starting with an empty store.`);
    return emptyStore();
  };

  // Temp file + rename, so a crash mid-write leaves either the old or the new file, never half of one.
  const writeStore = async (store: StoreFile): Promise<void> => {
    await mkdir(path.dirname(filePath), { recursive: true });
    const tempPath = `${filePath}.${process.pid}.${Date.now()}.tmp`;
    try {
      await writeFile(tempPath, JSON.stringify(store), { encoding: 'utf8', mode: 0o600 });
      await rename(tempPath, filePath);
    } catch (error) {
      await unlink(tempPath).catch(() => undefined);
      throw error;
    }
  };

  const requireAvailable = (): void => {
    const status = currentStatus(platform);
    if (!status.available) throw new Error(status.reason);
  };

  return {
    status: () => currentStatus(platform),

    set: (key, value) =>
      exclusive(async () => {
        requireAvailable();
        const encrypted = safeStorage.encryptString(value).toString('base64');
        const store = await readStore();
        await writeStore({ ...store, secrets: { ...store.secrets, [key]: encrypted } });
      }),

    get: (key) =>
      exclusive(async () => {
        const store = await readStore();
        const encrypted = Object.hasOwn(store.secrets, key) ? store.secrets[key] : undefined;
        if (encrypted === undefined) return null;
        requireAvailable();
        try {
          return safeStorage.decryptString(Buffer.from(encrypted, 'base64'));
        } catch {
          throw new Error(
            'A stored secret could not be decrypted (the OS keyring may have been reset); please sign in again.',
          );
        }
      }),

    delete: (key) =>
      exclusive(async () => {
        const store = await readStore();
        if (!Object.hasOwn(store.secrets, key)) return;
        const { [key]: _removed, ...rest } = store.secrets;
        await writeStore({ ...store, secrets: rest });
      }),
  };
};
