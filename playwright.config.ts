import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumExecutablePath } from './test/helpers/browser/chromium';

/**
 * E2E runs the built web renderer (out/web, served by `vite preview`) in Debian's Chromium. CHROMIUM_PATH
 * overrides the browser; Playwright's own browser download is not needed (and not possible on CI here).
 */

/** The team-sync tests talk to their own server; its data lives in a fresh temporary directory per run. */
const teamServerUrl = 'http://127.0.0.1:4318';
const teamServerDataDir = mkdtempSync(join(tmpdir(), 'fairlead-e2e-server-'));

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/artifacts',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: 'http://127.0.0.1:4317',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /electron\.spec\.ts/,
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1360, height: 860 },
        launchOptions: {
          executablePath: chromiumExecutablePath,
          args: [...chromiumArgs],
        },
      },
    },
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
  ],
  webServer: [
    {
      command: 'npx vite preview --config vite.web.config.ts',
      url: 'http://127.0.0.1:4317',
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // A real sync server on a fresh embedded database with the demo team, serving the same web build.
      command: 'node --import tsx src-server/main.ts',
      url: `${teamServerUrl}/api/v1/health`,
      reuseExistingServer: false,
      timeout: 90_000,
      env: {
        PORT: '4318',
        HOST: '127.0.0.1',
        DATA_DIR: teamServerDataDir,
        WEB_ROOT: 'out/web',
        FAIRLEAD_SEED_DEMO: '1',
        LOG_LEVEL: 'warn',
      },
    },
  ],
});
