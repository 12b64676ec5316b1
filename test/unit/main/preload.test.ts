import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { desktopChannels } from '../../../src-shared/bridge/desktopApi';
import type { DesktopApi, SaveFileRequest } from '../../../src-shared/bridge/desktopApi';
import { contextBridge, ipcRenderer, resetFakeElectron } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

let api: DesktopApi;
let exposedAs: string | undefined;

beforeAll(async () => {
  // Imported once: the preload runs its exposeInMainWorld at load time, exactly as in a renderer.
  await import('../../../src-main/preload/index');
  const [name, exposed] = contextBridge.exposeInMainWorld.mock.calls[0] as [string, DesktopApi];
  exposedAs = name;
  api = exposed;
});

beforeEach(() => resetFakeElectron());

describe('preload bridge', () => {
  it('exposes only the DesktopApi surface, as platform "electron"', async () => {
    expect(exposedAs).toBe('desktop');
    expect(api.platform).toBe('electron');
    expect(Object.keys(api).sort()).toEqual([
      'appVersion',
      'onMenuCommand',
      'platform',
      'saveFile',
      'secureStorage',
    ]);
    expect(Object.keys(api.secureStorage).sort()).toEqual(['delete', 'get', 'set', 'status']);
  });

  it('invokes the contract channel of each method with its arguments', async () => {
    ipcRenderer.invoke.mockResolvedValue('from-main');
    const request: SaveFileRequest = {
      suggestedName: 'a.csv',
      content: 'x',
      mimeType: 'text/csv',
      filters: [],
    };

    await expect(api.appVersion()).resolves.toBe('from-main');
    await api.secureStorage.status();
    await api.secureStorage.set('session.accessToken', 'v');
    await api.secureStorage.get('session.accessToken');
    await api.secureStorage.delete('session.accessToken');
    await api.saveFile(request);

    expect(ipcRenderer.invoke.mock.calls).toEqual([
      [desktopChannels.appVersion],
      [desktopChannels.secureStorageStatus],
      [desktopChannels.secureStorageSet, 'session.accessToken', 'v'],
      [desktopChannels.secureStorageGet, 'session.accessToken'],
      [desktopChannels.secureStorageDelete, 'session.accessToken'],
      [desktopChannels.saveFile, request],
    ]);
  });

  it('delivers menu commands without the IPC event, until unsubscribed', async () => {
    const callback = vi.fn();
    const unsubscribe = api.onMenuCommand(callback);

    ipcRenderer.emit('desktop:menu:generate-leads', { sender: 'ipc-event-with-powers' });
    expect(callback).toHaveBeenCalledTimes(1);
    expect(callback.mock.calls[0]).toEqual(['generate-demo-leads']);

    unsubscribe();
    ipcRenderer.emit('desktop:menu:generate-leads', {});
    expect(callback).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.listenerCount('desktop:menu:generate-leads')).toBe(0);
  });
});
