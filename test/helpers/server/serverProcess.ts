import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestDatabase } from './testDatabase';
import { testJwtSecret } from './testServer';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export type ServerProcess = {
  url: string;
  pid: number;
  /** Everything the process printed so far (for failure messages). */
  output(): string;
  /** Sends a signal and waits until the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
};

/**
 * The server as its own process (`node --import tsx src-server/main.ts`, no wrapper, so a signal reaches the
 * server itself), on a free port, resolved once it prints its "listening on" line.
 */
export const startServerProcess = async (
  database: TestDatabase,
  env: Record<string, string> = {},
  timeoutMs = 30_000,
): Promise<ServerProcess> => {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src-server/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...database.env,
      PORT: '0',
      HOST: '127.0.0.1',
      FAIRLEAD_JWT_SECRET: testJwtSecret,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Server did not start in ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Server exited with ${code} before listening:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    child.kill('SIGKILL');
    await exited;
    throw error;
  });
  return {
    url,
    pid: child.pid ?? 0,
    output: () => output,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
};

export type CliResult = { code: number | null; stdout: string; stderr: string };

/** Runs `src-server/cli/index.ts` with arguments against a test database, as an operator would. */
export const runCliProcess = (
  database: TestDatabase,
  args: string[],
  env: Record<string, string> = {},
): Promise<CliResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src-server/cli/index.ts', ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...database.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
