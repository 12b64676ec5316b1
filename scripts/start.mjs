#!/usr/bin/env node
// Starts Fairlead on this machine: the sync server on its embedded database (PGlite in .data/, demo team seeded
// on first run) and the desktop app. With --web, or when no Electron runtime is installed, the server also serves
// the web build of the same renderer and prints its URL.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT ?? '4870';
const host = process.env.HOST ?? '127.0.0.1';
const wantWeb = process.argv.includes('--web');
const children = [];

const electronBinary = () => {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
};

const run = (command, args, env = {}) => {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (signal !== 'SIGTERM') shutdown(code ?? 1);
  });
  return child;
};

const shutdown = (code = 0) => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exit(code);
};
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

const build = (args) => {
  const result = spawnSync('npx', args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

const electron = wantWeb ? null : electronBinary();
const web = wantWeb || !electron;
if (!wantWeb && !electron) {
  console.log(
    'No Electron runtime is installed (ELECTRON_SKIP_BINARY_DOWNLOAD?); starting the web version instead.',
  );
}

if (web) build(['vite', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn']);
else build(['electron-vite', 'build']);

const serverEnv = {
  PORT: port,
  HOST: host,
  FAIRLEAD_SEED_DEMO: '1',
  ...(web ? { WEB_ROOT: resolve(root, 'out/web') } : {}),
};
const server = run(process.execPath, ['--import', 'tsx', 'src-server/main.ts'], serverEnv);

const serverUrl = `http://${host}:${port}`;
const waitForServer = async () => {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    try {
      const response = await fetch(`${serverUrl}/api/v1/health`);
      if (response.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  return false;
};

if (!(await waitForServer())) {
  console.error(`The sync server did not answer on ${serverUrl} within 60 s.`);
  shutdown(1);
}
if (web) {
  console.log(
    `\nFairlead is running: open ${serverUrl}/ in a browser (sign in with a demo user, see README).`,
  );
  console.log('Press Ctrl+C to stop.');
} else {
  run(electron, ['.'], { FAIRLEAD_SYNC_URL: serverUrl });
}
void server;
