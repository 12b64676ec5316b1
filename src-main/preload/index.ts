import { contextBridge, ipcRenderer } from 'electron';
// Channels come from the zod-free module; the contract's types are erased, so the bundle stays a few kB.
import { desktopChannels, desktopMenuChannels, menuCommands } from '../../src-shared/bridge/desktopChannels';
import type { DesktopChannel, MenuCommand } from '../../src-shared/bridge/desktopChannels';
import type { DesktopApi, SaveFileResult, SecureStorageStatus } from '../../src-shared/bridge/desktopApi';

/**
 * The renderer's only door to the OS. Each method is a plain ipcRenderer.invoke; validation happens in main, which
 * does not trust this side. Nothing of ipcRenderer itself (send, on, the event object) is handed to the page.
 */
const invoke = <Result>(channel: DesktopChannel, ...args: unknown[]): Promise<Result> =>
  ipcRenderer.invoke(channel, ...args) as Promise<Result>;

const api = {
  platform: 'electron',
  appVersion: () => invoke<string>(desktopChannels.appVersion),
  secureStorage: {
    status: () => invoke<SecureStorageStatus>(desktopChannels.secureStorageStatus),
    set: (key, value) => invoke<void>(desktopChannels.secureStorageSet, key, value),
    get: (key) => invoke<string | null>(desktopChannels.secureStorageGet, key),
    delete: (key) => invoke<void>(desktopChannels.secureStorageDelete, key),
  },
  saveFile: (request) => invoke<SaveFileResult>(desktopChannels.saveFile, request),
  onMenuCommand: (callback: (command: MenuCommand) => void) => {
    const subscriptions = menuCommands.map((command) => {
      const channel = desktopMenuChannels[command];
      // The IPC event is dropped on purpose: it would give the page a handle on ipcRenderer.
      const listener = (): void => callback(command);
      ipcRenderer.on(channel, listener);
      return () => ipcRenderer.removeListener(channel, listener);
    });
    return () => subscriptions.forEach((unsubscribe) => unsubscribe());
  },
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('desktop', api);
