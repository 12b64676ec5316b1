import path from 'node:path';
import { startDesktopApp } from './startup';

// electron-vite emits this file as out/main/index.js (ESM), the preload as out/preload/index.cjs (CommonJS, as
// sandboxed preloads require) and the renderer into out/renderer.
startDesktopApp({
  preloadPath: path.join(import.meta.dirname, '../preload/index.cjs'),
  rendererDir: path.join(import.meta.dirname, '../renderer'),
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
});
