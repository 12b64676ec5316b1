// Also typechecked by tsconfig.node.json through the unit tests, which do not load Vite's client types globally.
/// <reference types="vite/client" />
import { z } from 'zod';
import {
  saveFileRequestSchema,
  secureStorageKeySchema,
  secureStorageValueSchema,
} from '../../src-shared/bridge/desktopApi';
import type { DesktopApi, SecureStorageApi, SecureStorageStatus } from '../../src-shared/bridge/desktopApi';

/**
 * The DesktopApi for a plain browser (web build, end-to-end tests). Secrets are encrypted with an AES-GCM key that
 * WebCrypto generates as non-extractable: page script can use it but never read its bytes, so a copy of the
 * IndexedDB files alone does not reveal the tokens.
 */

const KEYSTORE_DATABASE = 'fairlead-keystore';
const KEYSTORE_VERSION = 1;
const KEY_STORE = 'keys';
const SECRET_STORE = 'secrets';
const MASTER_KEY_ID = 'secure-storage';
const BACKEND = 'browser-webcrypto';

type StoredSecret = { iv: Uint8Array<ArrayBuffer>; ciphertext: ArrayBuffer };

const parseArgument = <Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  what: string,
): z.output<Schema> => {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`Invalid ${what}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
};

const requestResult = <Result>(request: IDBRequest<Result>): Promise<Result> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

const transactionDone = (transaction: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });

const unavailableReason = (): string | null => {
  if (typeof globalThis.crypto?.subtle === 'undefined') {
    return 'This browser does not offer WebCrypto here (it needs an https:// or localhost page), so your sign-in cannot be stored securely; you will need to sign in again each time.';
  }
  if (typeof globalThis.indexedDB === 'undefined') {
    return 'This browser does not offer IndexedDB here (private browsing may disable it), so your sign-in cannot be stored; you will need to sign in again each time.';
  }
  return null;
};

const createBrowserSecureStorage = (): SecureStorageApi => {
  let database: Promise<IDBDatabase> | null = null;
  let masterKey: Promise<CryptoKey> | null = null;

  const openDatabase = (): Promise<IDBDatabase> => {
    database ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(KEYSTORE_DATABASE, KEYSTORE_VERSION);
      request.onupgradeneeded = () => {
        request.result.createObjectStore(KEY_STORE);
        request.result.createObjectStore(SECRET_STORE);
      };
      request.onsuccess = () => {
        const opened = request.result;
        // Lets another tab upgrade or delete the keystore instead of being blocked by this one.
        opened.onversionchange = () => {
          opened.close();
          database = null;
          masterKey = null;
        };
        resolve(opened);
      };
      request.onerror = () => reject(request.error ?? new Error('Could not open the keystore'));
    }).catch((error: unknown) => {
      database = null;
      throw error;
    });
    return database;
  };

  const loadOrCreateKey = async (): Promise<CryptoKey> => {
    const db = await openDatabase();
    const read = db.transaction(KEY_STORE, 'readonly').objectStore(KEY_STORE).get(MASTER_KEY_ID);
    const existing = (await requestResult(read)) as CryptoKey | undefined;
    if (existing) return existing;

    const generated = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    const write = db.transaction(KEY_STORE, 'readwrite');
    // add(), not put(): if another tab stored a key meanwhile, keep theirs so both tabs decrypt the same data.
    write.objectStore(KEY_STORE).add(generated, MASTER_KEY_ID);
    try {
      await transactionDone(write);
      return generated;
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'ConstraintError')) throw error;
      const reread = db.transaction(KEY_STORE, 'readonly').objectStore(KEY_STORE).get(MASTER_KEY_ID);
      const winner = (await requestResult(reread)) as CryptoKey | undefined;
      if (!winner) throw error;
      return winner;
    }
  };

  const getKey = (): Promise<CryptoKey> => {
    masterKey ??= loadOrCreateKey().catch((error: unknown) => {
      masterKey = null;
      throw error;
    });
    return masterKey;
  };

  const requireAvailable = (): void => {
    const reason = unavailableReason();
    if (reason) throw new Error(reason);
  };

  // The key name is authenticated data, so a ciphertext moved under another key name fails to decrypt.
  const additionalData = (key: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(key);

  return {
    async status(): Promise<SecureStorageStatus> {
      const reason = unavailableReason();
      if (reason) return { available: false, reason };
      try {
        await getKey();
        return { available: true, backend: BACKEND };
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return { available: false, reason: `The browser keystore could not be opened (${detail}).` };
      }
    },

    async set(key, value) {
      const name = parseArgument(secureStorageKeySchema, key, 'secure storage key');
      const secret = parseArgument(secureStorageValueSchema, value, 'secure storage value');
      requireAvailable();
      const cryptoKey = await getKey();
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const ciphertext = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: additionalData(name) },
        cryptoKey,
        new TextEncoder().encode(secret),
      );
      const db = await openDatabase();
      const write = db.transaction(SECRET_STORE, 'readwrite');
      write.objectStore(SECRET_STORE).put({ iv, ciphertext } satisfies StoredSecret, name);
      await transactionDone(write);
    },

    async get(key) {
      const name = parseArgument(secureStorageKeySchema, key, 'secure storage key');
      requireAvailable();
      const db = await openDatabase();
      const read = db.transaction(SECRET_STORE, 'readonly').objectStore(SECRET_STORE).get(name);
      const stored = (await requestResult(read)) as StoredSecret | undefined;
      if (!stored) return null;
      const cryptoKey = await getKey();
      try {
        const plaintext = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: stored.iv, additionalData: additionalData(name) },
          cryptoKey,
          stored.ciphertext,
        );
        return new TextDecoder().decode(plaintext);
      } catch {
        throw new Error(
          'A stored secret could not be decrypted (the browser keystore was reset); please sign in again.',
        );
      }
    },

    async delete(key) {
      const name = parseArgument(secureStorageKeySchema, key, 'secure storage key');
      requireAvailable();
      const db = await openDatabase();
      const write = db.transaction(SECRET_STORE, 'readwrite');
      write.objectStore(SECRET_STORE).delete(name);
      await transactionDone(write);
    },
  };
};

/** Long enough for the browser to start reading the blob; revoking at once can cancel the download. */
const REVOKE_DOWNLOAD_URL_AFTER_MS = 30_000;

export const createBrowserDesktop = (): DesktopApi => ({
  platform: 'web',

  appVersion: () => {
    const version: unknown = import.meta.env.VITE_APP_VERSION;
    return Promise.resolve(typeof version === 'string' && version !== '' ? version : '0.0.0-web');
  },

  secureStorage: createBrowserSecureStorage(),

  saveFile: async (request) => {
    const { suggestedName, content, mimeType } = parseArgument(
      saveFileRequestSchema,
      request,
      'save file request',
    );
    try {
      const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
      const link = document.createElement('a');
      link.href = url;
      link.download = suggestedName;
      link.rel = 'noopener';
      link.style.display = 'none';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), REVOKE_DOWNLOAD_URL_AFTER_MS);
      // The browser decides the final location (usually Downloads); the name is all the page can know.
      return { saved: true, path: suggestedName };
    } catch (error) {
      return {
        saved: false,
        reason: 'failed',
        message: error instanceof Error ? error.message : String(error),
      };
    }
  },

  // A browser tab has no application menu, so no command ever arrives.
  onMenuCommand: () => () => undefined,
});
