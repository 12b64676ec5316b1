import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * A stand-in for the parts of the `electron` module the main process and preload use. No Electron runtime exists
 * on CI, so tests load it with `vi.mock('electron', () => import('./fakeElectron'))` and inspect what the code did
 * to it. Call `resetFakeElectron()` in beforeEach.
 */

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | null = null;
  readonly send = vi.fn();
  readonly mainFrame = { url: '', parent: null };

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows = (): FakeBrowserWindow[] => FakeBrowserWindow.instances;
  static fromWebContents = vi.fn((_contents: unknown): FakeBrowserWindow | null => null);

  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn((_url: string) => Promise.resolve());
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly isMinimized = vi.fn(() => false);

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
}

export const fakePaths: Record<string, string> = {};

export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  requestSingleInstanceLock: vi.fn(() => true),
  quit: vi.fn(),
  exit: vi.fn(),
  enableSandbox: vi.fn(),
  isReady: () => true,
  whenReady: () => Promise.resolve(),
  getVersion: () => '1.2.3',
  getPath: vi.fn((name: string) => {
    const found = fakePaths[name];
    if (found === undefined) throw new Error(`fake app.getPath: no path set for ${name}`);
    return found;
  }),
});

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  handle: vi.fn((channel: string, handler: InvokeHandler) => {
    if (ipcMain.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => {
    ipcMain.handlers.delete(channel);
  }),
};

/** Calls a registered handler the way Electron would for `ipcRenderer.invoke(channel, ...args)`. */
export const invokeHandler = async (
  channel: string,
  event: unknown,
  ...args: unknown[]
): Promise<unknown> => {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`No handler registered for ${channel}`);
  return handler(event, ...args);
};

// Reversible but not the identity, so a test can tell that the file never holds the plain text.
const scramble = (bytes: Buffer): Buffer => Buffer.from(bytes.map((byte) => byte ^ 0x5a));
const ENCRYPTED_PREFIX = Buffer.from('fake-os-crypt:');

export const safeStorage = {
  isEncryptionAvailable: vi.fn(() => true),
  getSelectedStorageBackend: vi.fn((): string => 'gnome_libsecret'),
  encryptString: vi.fn((plainText: string) =>
    Buffer.concat([ENCRYPTED_PREFIX, scramble(Buffer.from(plainText, 'utf8'))]),
  ),
  decryptString: vi.fn((encrypted: Buffer) => {
    if (!encrypted.subarray(0, ENCRYPTED_PREFIX.length).equals(ENCRYPTED_PREFIX)) {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    }
    return scramble(encrypted.subarray(ENCRYPTED_PREFIX.length)).toString('utf8');
  }),
};

export const dialog = {
  showSaveDialog: vi.fn(),
};

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
  },
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};

export const contextBridge = {
  exposeInMainWorld: vi.fn(),
};

export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoke: vi.fn((_channel: string, ..._args: unknown[]) => Promise.resolve(undefined as unknown)),
});

export const BrowserWindow = FakeBrowserWindow;

export const resetFakeElectron = (): void => {
  // Also restores each vi.fn(implementation) to that implementation and drops queued *Once values.
  vi.resetAllMocks();
  FakeBrowserWindow.instances = [];
  FakeBrowserWindow.fromWebContents.mockImplementation(() => null);
  app.removeAllListeners();
  app.isPackaged = false;
  app.requestSingleInstanceLock.mockImplementation(() => true);
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  safeStorage.isEncryptionAvailable.mockImplementation(() => true);
  safeStorage.getSelectedStorageBackend.mockImplementation(() => 'gnome_libsecret');
  for (const key of Object.keys(fakePaths)) delete fakePaths[key];
};

/** An IPC event as Electron builds it for a frame at `url` (top-level unless `parent` is given). */
export const ipcEventFrom = (url: string, options: { parent?: object | null; sender?: unknown } = {}) => ({
  sender: options.sender ?? new FakeWebContents(),
  senderFrame: { url, parent: options.parent ?? null },
});

/** The same event after the frame has navigated away or been destroyed. */
export const ipcEventFromDestroyedFrame = () => ({ sender: new FakeWebContents(), senderFrame: null });
