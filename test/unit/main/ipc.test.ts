import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveRendererSource } from '../../../src-main/main/appUrl';
import { registerIpcHandlers } from '../../../src-main/main/ipc';
import type { IpcServices } from '../../../src-main/main/ipc';
import { desktopChannels } from '../../../src-shared/bridge/desktopApi';
import type { SaveFileRequest } from '../../../src-shared/bridge/desktopApi';
import {
  FakeBrowserWindow,
  invokeHandler,
  ipcEventFrom,
  ipcEventFromDestroyedFrame,
  ipcMain,
  resetFakeElectron,
} from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

const APP_FRAME = 'app://fairlead/index.html';

const validSaveRequest: SaveFileRequest = {
  suggestedName: 'demo-2026-11-22.ics',
  content: 'BEGIN:VCALENDAR',
  mimeType: 'text/calendar',
  filters: [{ name: 'Calendar', extensions: ['ics'] }],
};

const createServices = () => ({
  isAppUrl: resolveRendererSource(undefined).isAppUrl,
  appVersion: vi.fn(() => '1.2.3'),
  secureStorage: {
    status: vi.fn(() => ({ available: true as const, backend: 'gnome_libsecret' })),
    set: vi.fn(() => Promise.resolve()),
    get: vi.fn(() => Promise.resolve('secret-token')),
    delete: vi.fn(() => Promise.resolve()),
  },
  saveFile: vi.fn(() => Promise.resolve({ saved: true as const, path: '/home/rep/Documents/demo.ics' })),
});

let services: ReturnType<typeof createServices>;

beforeEach(() => {
  resetFakeElectron();
  services = createServices();
  registerIpcHandlers(services satisfies IpcServices);
});

describe('IPC handler registration', () => {
  it('registers exactly one handler per contract channel', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(desktopChannels).sort());
  });

  it('answers a call from the app frame', async () => {
    await expect(invokeHandler(desktopChannels.appVersion, ipcEventFrom(APP_FRAME))).resolves.toBe('1.2.3');
    await expect(
      invokeHandler(desktopChannels.secureStorageGet, ipcEventFrom(APP_FRAME), 'session.refreshToken'),
    ).resolves.toBe('secret-token');
    expect(services.secureStorage.get).toHaveBeenCalledWith('session.refreshToken');
  });
});

describe('IPC sender validation', () => {
  it.each([
    ['a foreign page', ipcEventFrom('https://evil.example/')],
    ['a file:// page', ipcEventFrom('file:///tmp/index.html')],
    ['an iframe inside the app', ipcEventFrom(APP_FRAME, { parent: { url: APP_FRAME } })],
    ['a destroyed frame', ipcEventFromDestroyedFrame()],
  ])('refuses %s before touching any service', async (_label, event) => {
    await expect(
      invokeHandler(desktopChannels.secureStorageGet, event, 'session.refreshToken'),
    ).rejects.toThrow(/Refused desktop:secure-storage:get/);
    expect(services.secureStorage.get).not.toHaveBeenCalled();
  });
});

describe('IPC argument validation', () => {
  it('refuses a secret key outside the allowed list', async () => {
    await expect(
      invokeHandler(desktopChannels.secureStorageSet, ipcEventFrom(APP_FRAME), 'anything.else', 'value'),
    ).rejects.toThrow(/Invalid arguments for desktop:secure-storage:set/);
    expect(services.secureStorage.set).not.toHaveBeenCalled();
  });

  it('refuses a secret value that is not a string or is too long', async () => {
    const event = ipcEventFrom(APP_FRAME);
    await expect(
      invokeHandler(desktopChannels.secureStorageSet, event, 'session.accessToken', 42),
    ).rejects.toThrow(/Invalid arguments/);
    await expect(
      invokeHandler(desktopChannels.secureStorageSet, event, 'session.accessToken', 'x'.repeat(16_385)),
    ).rejects.toThrow(/Invalid arguments/);
    expect(services.secureStorage.set).not.toHaveBeenCalled();
  });

  it('refuses extra arguments', async () => {
    await expect(
      invokeHandler(desktopChannels.appVersion, ipcEventFrom(APP_FRAME), 'surprise'),
    ).rejects.toThrow(/Invalid arguments for desktop:app-version/);
  });

  it.each(['../../.bashrc', 'reports/leads.csv', '..\\evil.bat'])(
    'refuses a suggested file name with a path separator (%s)',
    async (suggestedName) => {
      await expect(
        invokeHandler(desktopChannels.saveFile, ipcEventFrom(APP_FRAME), {
          ...validSaveRequest,
          suggestedName,
        }),
      ).rejects.toThrow(/path separator/);
      expect(services.saveFile).not.toHaveBeenCalled();
    },
  );

  it('passes a valid save request on, with the sender window as dialog parent', async () => {
    const window = new FakeBrowserWindow({});
    FakeBrowserWindow.fromWebContents.mockImplementation(() => window);
    const event = ipcEventFrom(APP_FRAME, { sender: window.webContents });

    await expect(invokeHandler(desktopChannels.saveFile, event, validSaveRequest)).resolves.toEqual({
      saved: true,
      path: '/home/rep/Documents/demo.ics',
    });
    expect(services.saveFile).toHaveBeenCalledWith(validSaveRequest, window);
    expect(FakeBrowserWindow.fromWebContents).toHaveBeenCalledWith(window.webContents);
  });
});
