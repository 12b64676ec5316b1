import { z } from 'zod';
import type { MenuCommand } from './desktopChannels';

// Channel names live in a zod-free module so the sandboxed preload can import them without bundling zod.
export { desktopChannels, desktopMenuChannels, menuCommands } from './desktopChannels';
export type { DesktopChannel, MenuCommand } from './desktopChannels';

/**
 * The one contract between the renderer and the operating system. The Electron preload implements it with
 * `contextBridge` (`satisfies DesktopApi`), and the renderer's browser implementation implements it for the web
 * build and the end-to-end tests. Nothing else of the OS is reachable from the renderer.
 */

/** Where the renderer runs: inside the Electron shell, or in a plain browser (web build, e2e tests). */
export type DesktopPlatform = 'electron' | 'web';

/**
 * Why secret storage is or is not usable. `basic_text` is Electron's Linux fallback that writes secrets with a
 * hard-coded key; we refuse it for tokens rather than pretend the data is protected.
 */
export type SecureStorageStatus = { available: true; backend: string } | { available: false; reason: string };

export type SaveFileFilter = {
  /** Label shown in the dialog, e.g. "Calendar". */
  name: string;
  /** Extensions without the dot, e.g. ["ics"]. */
  extensions: string[];
};

export type SaveFileRequest = {
  /** File name suggested to the user, e.g. "demo-2026-11-22.ics". */
  suggestedName: string;
  /** Text content to write (UTF-8). */
  content: string;
  /** MIME type, used by the browser implementation's download. */
  mimeType: string;
  filters: SaveFileFilter[];
};

export type SaveFileResult =
  { saved: true; path: string } | { saved: false; reason: 'cancelled' | 'failed'; message?: string };

export type SecureStorageApi = {
  status(): Promise<SecureStorageStatus>;
  /** Stores a secret; rejects with a readable message when storage is not available (see status()). */
  set(key: string, value: string): Promise<void>;
  /** Returns the secret or null when none is stored under that key. */
  get(key: string): Promise<string | null>;
  delete(key: string): Promise<void>;
};

export type DesktopApi = {
  platform: DesktopPlatform;
  appVersion(): Promise<string>;
  secureStorage: SecureStorageApi;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** Subscribes to application-menu commands; returns the function that unsubscribes. */
  onMenuCommand(callback: (command: MenuCommand) => void): () => void;
};

/** Keys the renderer may use for secrets; main refuses any other key. */
export const secureStorageKeys = ['session.refreshToken', 'session.accessToken'] as const;
export type SecureStorageKey = (typeof secureStorageKeys)[number];

/** Validation of what the renderer sends over IPC; main parses every argument with these before acting. */
export const secureStorageKeySchema = z.enum(secureStorageKeys);
export const secureStorageValueSchema = z.string().max(16_384);
export const saveFileRequestSchema = z.object({
  suggestedName: z
    .string()
    .min(1)
    .max(200)
    .refine((name) => !/[\\/]/.test(name), 'A suggested file name may not contain a path separator'),
  content: z.string().max(50 * 1024 * 1024),
  mimeType: z.string().min(1).max(100),
  filters: z
    .array(z.object({ name: z.string().max(100), extensions: z.array(z.string().regex(/^[a-z0-9]+$/i)) }))
    .max(10),
}) satisfies z.ZodType<SaveFileRequest>;
