import path from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import { desktopMenuChannels } from '../../src-shared/bridge/desktopApi';
import { handleAppProtocol, registerAppScheme } from './appProtocol';
import { resolveRendererSource } from './appUrl';
import { registerIpcHandlers } from './ipc';
import { installAppMenu } from './menu';
import { saveFileWithDialog } from './saveFile';
import { createSecureStorage } from './secureStorage';
import { denyAllPermissions, hardenWebContents } from './security';
import { createMainWindow } from './window';

export type DesktopAppOptions = {
  /** Absolute path of the built (CommonJS) preload script. */
  preloadPath: string;
  /** Absolute path of the built renderer folder served on app://. */
  rendererDir: string;
  /** electron-vite's dev server URL (ELECTRON_RENDERER_URL); ignored in packaged builds. */
  devServerUrl: string | undefined;
  platform?: NodeJS.Platform;
};

/**
 * Wires the shell together. Ordering matters: sandboxing, the privileged scheme and the web-contents hardening are
 * set up before 'ready', so no WebContents ever exists without them.
 */
export const startDesktopApp = ({
  preloadPath,
  rendererDir,
  devServerUrl,
  platform = process.platform,
}: DesktopAppOptions): void => {
  if (!app.requestSingleInstanceLock()) {
    // Another Fairlead is running and will focus itself ('second-instance'); two instances would share one
    // IndexedDB and one secret file.
    app.quit();
    return;
  }

  // A packaged app must never be pointed at another page through an environment variable.
  const renderer = resolveRendererSource(app.isPackaged ? undefined : devServerUrl);

  app.enableSandbox();
  registerAppScheme();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, renderer.isAppUrl));

  let mainWindow: BrowserWindow | null = null;
  const openMainWindow = (): void => {
    const window = createMainWindow({ preloadPath, entryUrl: renderer.entryUrl });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    // macOS apps stay active without windows until the user quits explicitly.
    if (platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });

  app
    .whenReady()
    .then(() => {
      denyAllPermissions(session.defaultSession);
      handleAppProtocol(rendererDir);
      registerIpcHandlers({
        isAppUrl: renderer.isAppUrl,
        appVersion: () => app.getVersion(),
        secureStorage: createSecureStorage({
          filePath: path.join(app.getPath('userData'), 'secure-storage.json'),
          platform,
        }),
        saveFile: saveFileWithDialog,
      });
      installAppMenu({
        platform,
        onMenuCommand: (command) => mainWindow?.webContents.send(desktopMenuChannels[command]),
      });
      openMainWindow();
    })
    .catch((error: unknown) => {
      console.error('Fairlead failed to start:', error);
      app.exit(1);
    });
};
