import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import packageJson from './package.json' with { type: 'json' };

const fromRoot = (relativePath: string): string => resolve(import.meta.dirname, relativePath);

const PWA_REGISTER_MODULE = 'virtual:pwa-register';

/**
 * The renderer imports vite-plugin-pwa's `virtual:pwa-register` on the web platform only (vite.web.config.ts). The
 * desktop build has no service worker (app:// does not allow one, and the files are on disk anyway), so the module
 * resolves to a registration that does nothing.
 */
const noServiceWorkerInDesktop = (): Plugin => ({
  name: 'fairlead:no-service-worker-in-desktop',
  resolveId: (id) => (id === PWA_REGISTER_MODULE ? `\0${PWA_REGISTER_MODULE}` : undefined),
  load: (id) =>
    id === `\0${PWA_REGISTER_MODULE}` ? 'export const registerSW = () => async () => undefined;' : undefined,
});

export default defineConfig({
  main: {
    build: {
      outDir: fromRoot('out/main'),
      // Bundled whole (zod included) so the packaged app needs no node_modules next to it.
      externalizeDeps: false,
      lib: { entry: fromRoot('src-main/main/index.ts') },
    },
  },
  preload: {
    build: {
      outDir: fromRoot('out/preload'),
      // A sandboxed preload cannot require() anything but 'electron': one self-contained CommonJS file.
      externalizeDeps: false,
      lib: { entry: fromRoot('src-main/preload/index.ts'), formats: ['cjs'] },
      rolldownOptions: { output: { format: 'cjs', codeSplitting: false } },
    },
  },
  renderer: {
    root: fromRoot('src-renderer'),
    plugins: [react(), noServiceWorkerInDesktop()],
    define: {
      'import.meta.env.VITE_APP_VERSION': JSON.stringify(packageJson.version),
    },
    build: {
      outDir: fromRoot('out/renderer'),
      rolldownOptions: { input: fromRoot('src-renderer/index.html') },
    },
  },
});
