import { BrowserWindow, ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import {
  desktopChannels,
  saveFileRequestSchema,
  secureStorageKeySchema,
  secureStorageValueSchema,
} from '../../src-shared/bridge/desktopApi';
import type { DesktopChannel, SaveFileRequest, SaveFileResult } from '../../src-shared/bridge/desktopApi';
import type { SecureStorageService } from './secureStorage';

export type IpcServices = {
  /** Whether a frame URL is the app itself (packaged app:// or the dev server); anything else is refused. */
  isAppUrl(url: string): boolean;
  appVersion(): string;
  secureStorage: SecureStorageService;
  saveFile(request: SaveFileRequest, parentWindow: BrowserWindow | null): Promise<SaveFileResult>;
};

/** A handler that parses its raw IPC arguments with the contract's schemas before it acts. */
type ValidatedHandler = (channel: DesktopChannel, event: IpcMainInvokeEvent, rawArgs: unknown[]) => unknown;

// Ties each handler to the tuple its schema parses, so a handler cannot read an argument that was not validated.
const route =
  <Args extends z.ZodType<readonly unknown[]>>(
    args: Args,
    run: (parsed: z.output<Args>, event: IpcMainInvokeEvent) => unknown,
  ): ValidatedHandler =>
  (channel, event, rawArgs) => {
    const parsed = args.safeParse(rawArgs);
    if (!parsed.success) {
      throw new Error(`Invalid arguments for ${channel}: ${z.prettifyError(parsed.error)}`);
    }
    return run(parsed.data, event);
  };

/**
 * Only the top-level frame of the app's own page may call into main: not an iframe, not a page the window was
 * somehow navigated to, not a frame that is already gone.
 */
export const assertTrustedSender = (
  event: IpcMainInvokeEvent,
  channel: DesktopChannel,
  isAppUrl: (url: string) => boolean,
): void => {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || !isAppUrl(frame.url)) {
    const origin = frame ? frame.url : 'a destroyed frame';
    throw new Error(`Refused ${channel}: the request came from ${origin}, which is not the Fairlead app.`);
  }
};

export const createIpcRoutes = (services: IpcServices) =>
  ({
    [desktopChannels.appVersion]: route(z.tuple([]), () => services.appVersion()),
    [desktopChannels.secureStorageStatus]: route(z.tuple([]), () => services.secureStorage.status()),
    [desktopChannels.secureStorageSet]: route(
      z.tuple([secureStorageKeySchema, secureStorageValueSchema]),
      ([key, value]) => services.secureStorage.set(key, value),
    ),
    [desktopChannels.secureStorageGet]: route(z.tuple([secureStorageKeySchema]), ([key]) =>
      services.secureStorage.get(key),
    ),
    [desktopChannels.secureStorageDelete]: route(z.tuple([secureStorageKeySchema]), ([key]) =>
      services.secureStorage.delete(key),
    ),
    [desktopChannels.saveFile]: route(z.tuple([saveFileRequestSchema]), ([request], event) =>
      services.saveFile(request, BrowserWindow.fromWebContents(event.sender)),
    ),
  }) satisfies Record<DesktopChannel, ValidatedHandler>;

/** Registers one `ipcMain.handle` per contract channel; returns a function that removes them again. */
export const registerIpcHandlers = (services: IpcServices): (() => void) => {
  const routes = createIpcRoutes(services);
  const channels = Object.values(desktopChannels);
  for (const channel of channels) {
    const handler = routes[channel];
    ipcMain.handle(channel, (event, ...rawArgs: unknown[]) => {
      assertTrustedSender(event, channel, services.isAppUrl);
      return handler(channel, event, rawArgs);
    });
  }
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel));
};
