import { BrowserWindow } from 'electron';
import { secureWebPreferences } from './security';

export type MainWindowOptions = {
  preloadPath: string;
  entryUrl: string;
};

export const createMainWindow = ({ preloadPath, entryUrl }: MainWindowOptions): BrowserWindow => {
  const window = new BrowserWindow({
    title: 'Fairlead',
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    // Shown once the first paint is ready, so the user never sees an empty white frame.
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(entryUrl).catch((error: unknown) => {
    console.error(`Could not load ${entryUrl}:`, error);
  });
  return window;
};
