import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication } from '@playwright/test';
import type { DesktopApi } from '../../src-shared/bridge/desktopApi';

/**
 * Smoke test of the packaged shell: the built main process starts, the window loads the renderer from app://,
 * and the sandboxed preload exposes window.desktop. Runs only where the Electron runtime binary is installed
 * (npm installs may skip it with ELECTRON_SKIP_BINARY_DOWNLOAD=1); needs `npx electron-vite build` first.
 */

const repoRoot = path.resolve(import.meta.dirname, '../..');
const builtMain = path.join(repoRoot, 'out', 'main', 'index.js');

// require('electron') from Node returns the path of the runtime binary, and throws when it was never downloaded.
const findElectronBinary = (): string | null => {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
};

const electronBinary = findElectronBinary();

test.describe('Electron shell', () => {
  test.skip(
    electronBinary === null,
    'The Electron runtime binary is not installed here (node_modules/electron has no dist/); ' +
      'download it with `node node_modules/electron/install.js` (or reinstall without ELECTRON_SKIP_BINARY_DOWNLOAD).',
  );

  let app: ElectronApplication;

  test.beforeAll(async () => {
    if (!existsSync(builtMain)) {
      throw new Error(`${builtMain} does not exist: run \`npx electron-vite build\` before this test.`);
    }
    // Strip the dev-server variable so the built renderer is loaded over app://, as in a packaged app.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(
        (entry): entry is [string, string] => entry[0] !== 'ELECTRON_RENDERER_URL' && entry[1] !== undefined,
      ),
    );
    app = await electron.launch({
      executablePath: electronBinary ?? undefined,
      // Chromium refuses to start its OS sandbox as root (containers, CI); the renderer sandbox flag stays on.
      // The repo root, not the script: Electron then reads package.json (name, version, "main": out/main/index.js).
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), repoRoot],
      cwd: repoRoot,
      env,
    });
  });

  test.afterAll(async () => {
    await app?.close();
  });

  test('opens the Fairlead window with the desktop bridge', async () => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');

    await expect(page).toHaveTitle(/Fairlead/);
    expect(page.url()).toMatch(/^app:\/\/fairlead\//);
    const platform = await page.evaluate(
      () => (window as Window & { desktop?: DesktopApi }).desktop?.platform,
    );
    expect(platform).toBe('electron');
    // Sandbox and context isolation: no Node in the page.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  });
});
