import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { DatabaseTarget } from '../../../src-server/db/openDatabase';

export type Backend = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL points at a server we may create databases on. */
export const testBackends = (): Backend[] =>
  process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export const postgresSkipReason =
  'TEST_DATABASE_URL is not set, so there is no PostgreSQL to run several server instances against';

export type TestDatabase = {
  backend: Backend;
  target: DatabaseTarget;
  /** Environment for a server or CLI child process on this database. */
  env: Record<string, string>;
  /** Removes the data directory or drops the database. */
  drop(): Promise<void>;
};

const pgliteVersion = (): string => {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const manifest = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
};

/**
 * PGlite's initdb takes seconds; opening a copy of an initialised, empty cluster takes a fraction of one. The
 * template holds no schema: every test database still runs the real migrations.
 */
const pgliteTemplate = async (): Promise<string> => {
  const template = join(tmpdir(), `fairlead-pglite-template-${pgliteVersion()}`);
  if (existsSync(join(template, 'PG_VERSION'))) return template;
  const building = `${template}.${process.pid}.${randomBytes(4).toString('hex')}`;
  const pglite = await PGlite.create(building);
  await pglite.close();
  try {
    renameSync(building, template);
  } catch {
    // Another worker finished first; its template is as good.
    rmSync(building, { recursive: true, force: true });
  }
  return template;
};

const createPgliteDatabase = async (): Promise<TestDatabase> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fairlead-test-'));
  cpSync(await pgliteTemplate(), join(dataDir, 'pgdata'), { recursive: true });
  return {
    backend: 'pglite',
    target: { kind: 'pglite', dataDir },
    env: { DATA_DIR: dataDir },
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
};

const withDatabase = (url: string, database: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

/** A fresh database per test file on the PostgreSQL of TEST_DATABASE_URL, dropped afterwards. */
const createPostgresDatabase = async (): Promise<TestDatabase> => {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `fairlead_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  return {
    backend: 'postgres',
    target: { kind: 'postgres', url },
    env: { DATABASE_URL: url },
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
};

export const createTestDatabase = (backend: Backend): Promise<TestDatabase> =>
  backend === 'pglite' ? createPgliteDatabase() : createPostgresDatabase();
