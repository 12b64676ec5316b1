import { z } from 'zod';

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

/**
 * Commands the application menu sends to the renderer (main -> renderer events), each on its own channel in
 * `desktopMenuChannels`. The browser implementation has no application menu and never emits them.
 */
export const desktopMenuChannels = {
  'generate-demo-leads': 'desktop:menu:generate-leads',
} as const;
export type MenuCommand = keyof typeof desktopMenuChannels;
export const menuCommands = Object.keys(desktopMenuChannels) as MenuCommand[];

export type DesktopApi = {
  platform: DesktopPlatform;
  appVersion(): Promise<string>;
  secureStorage: SecureStorageApi;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** Subscribes to application-menu commands; returns the function that unsubscribes. */
  onMenuCommand(callback: (command: MenuCommand) => void): () => void;
};

/**
 * IPC channel names, shared by preload (invoke) and main (handle) so neither side can drift.
 */
export const desktopChannels = {
  appVersion: 'desktop:app-version',
  secureStorageStatus: 'desktop:secure-storage:status',
  secureStorageSet: 'desktop:secure-storage:set',
  secureStorageGet: 'desktop:secure-storage:get',
  secureStorageDelete: 'desktop:secure-storage:delete',
  saveFile: 'desktop:save-file',
} as const;

export type DesktopChannel = (typeof desktopChannels)[keyof typeof desktopChannels];

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
