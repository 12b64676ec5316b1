import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './database';
import { toNumber } from './database';
import { advisoryLockSpace, migrationLockKey } from './locks';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

export type Migration = { version: number; name: string; sql: string };

/** The numbered SQL files `NNNN_name.sql`, in order. */
export const loadMigrations = (dir: string = migrationsDir): Migration[] =>
  readdirSync(dir)
    .filter((file) => /^\d{4}_[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.replace(/\.sql$/, ''),
      sql: readFileSync(`${dir}/${file}`, 'utf8'),
    }));

/**
 * Applies the migrations not applied yet, all in one transaction. The advisory lock makes server instances that
 * start at the same moment on one PostgreSQL take turns instead of racing to create the same tables.
 */
export const migrate = async (db: Database, migrations: Migration[] = loadMigrations()): Promise<string[]> =>
  db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1, $2)', [advisoryLockSpace, migrationLockKey]);
    await tx.exec(`create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      applied_at timestamptz not null default now()
    )`);
    const rows = await tx.query<{ version: unknown }>('select version from schema_migrations');
    const applied = new Set(rows.map((row) => toNumber(row.version)));
    const newlyApplied: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      newlyApplied.push(migration.name);
    }
    return newlyApplied;
  });
