import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Transaction } from '@electric-sql/pglite';
import type { Database, Queryable, Row } from './database';
import { acquireDataDirLock } from './dataDirLock';

const wrap = (target: PGlite | Transaction): Queryable => ({
  async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []) {
    const result = await target.query<T>(sql, [...params]);
    return result.rows;
  },
  async exec(sql: string) {
    await target.exec(sql);
  },
});

/**
 * Opens (creating if needed) the embedded database in `dataDir`. PGlite is single-process: a lock file refuses a
 * second server or CLI on the same directory instead of letting both corrupt it.
 */
export const openPglite = async (dataDir: string): Promise<Database> => {
  mkdirSync(dataDir, { recursive: true });
  const releaseLock = acquireDataDirLock(dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(`${dataDir}/pgdata`);
  } catch (error) {
    releaseLock();
    throw error;
  }
  return {
    kind: 'pglite',
    ...wrap(pglite),
    transaction: (work) => pglite.transaction((tx) => work(wrap(tx))),
    async listen(channel, onPayload) {
      // PGlite sends `LISTEN <channel>` verbatim; our channel names are plain lower-case identifiers.
      const unlisten = await pglite.listen(channel, onPayload);
      return () => unlisten();
    },
    async close() {
      try {
        await pglite.close();
      } finally {
        releaseLock();
      }
    },
  };
};
