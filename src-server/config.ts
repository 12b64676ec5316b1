import type { DatabaseTarget } from './db/openDatabase';
import type { HttpOptions } from './http/context';

/** Everything the server reads from its environment (docs/sync-server.md lists the variables). */
export type ServerConfig = {
  host: string;
  port: number;
  database: DatabaseTarget;
  /** Undefined: generated once and stored in the database (app_settings), shared by all instances. */
  jwtSecret: string | undefined;
  seedDemo: boolean;
  logLevel: string;
  http: Partial<HttpOptions>;
};

const positiveInteger = (name: string, value: string | undefined, fallback: number): number => {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0)
    throw new Error(`${name} must be a whole number, got "${value}".`);
  return number;
};

export const readServerConfig = (env: NodeJS.ProcessEnv = process.env): ServerConfig => {
  const jwtSecret = env.FAIRLEAD_JWT_SECRET || undefined;
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new Error(
      'FAIRLEAD_JWT_SECRET must be at least 32 characters; leave it unset to have one generated.',
    );
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    host: env.HOST || '127.0.0.1',
    port: positiveInteger('PORT', env.PORT, 4870),
    database: databaseUrl
      ? { kind: 'postgres', url: databaseUrl }
      : { kind: 'pglite', dataDir: env.DATA_DIR || '.data/server' },
    jwtSecret,
    seedDemo: env.FAIRLEAD_SEED_DEMO === '1',
    logLevel: env.LOG_LEVEL || 'info',
    http: {
      corsOrigins: (env.FAIRLEAD_CORS_ORIGINS ?? '')
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
      webRoot: env.WEB_ROOT || undefined,
      trustProxy: env.FAIRLEAD_TRUST_PROXY === '1',
      signInRateLimit: {
        max: positiveInteger('FAIRLEAD_SIGN_IN_LIMIT', env.FAIRLEAD_SIGN_IN_LIMIT, 10),
        windowMs: 60_000,
      },
    },
  };
};

/** Where the data lives, for the start-up line (never prints a password from DATABASE_URL). */
export const describeDatabase = (target: DatabaseTarget): string => {
  if (target.kind === 'pglite') return `PGlite in ${target.dataDir}`;
  try {
    const url = new URL(target.url);
    return `PostgreSQL ${url.host}${url.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
};
