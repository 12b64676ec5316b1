/**
 * Debian's Chromium as the e2e tests and benchmarks launch it: Playwright cannot download its own browser here.
 * CHROMIUM_PATH overrides the path. The flags keep Chromium from reaching for the network at start (this
 * machine's closed network refuses those connections) and from needing a GPU or a sandbox in containers.
 */
export const chromiumExecutablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
