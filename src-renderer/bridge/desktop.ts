import type { DesktopApi } from '../../src-shared/bridge/desktopApi';
import { createBrowserDesktop } from './browserDesktop';

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- global augmentation of Window only merges with an interface.
  interface Window {
    /** Set by the Electron preload (contextBridge); absent in a plain browser. */
    desktop?: DesktopApi;
  }
}

let browserDesktop: DesktopApi | null = null;

/**
 * The renderer's single way to reach the OS: the preload's bridge inside Electron, otherwise the browser
 * implementation, created on first use so a desktop build never opens the browser keystore.
 */
export const getDesktop = (): DesktopApi => {
  if (typeof window !== 'undefined' && window.desktop) return window.desktop;
  browserDesktop ??= createBrowserDesktop();
  return browserDesktop;
};
