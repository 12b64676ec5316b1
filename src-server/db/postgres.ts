import pg from 'pg';
import type { Database, Queryable, Row } from './database';
import { quoteIdentifier } from './database';

type Logger = { warn: (message: string) => void };

const wrap = (target: pg.Pool | pg.PoolClient): Queryable => ({
  async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []) {
    const result = await target.query<T>(sql, [...params]);
    return result.rows;
  },
  async exec(sql: string) {
    await target.query(sql);
  },
});

const reconnectDelayMs = 1000;

/** Connects to PostgreSQL (`DATABASE_URL`). Several server instances may share one database. */
export const openPostgres = async (
  connectionString: string,
  options: { poolSize?: number; logger?: Logger } = {},
): Promise<Database> => {
  const logger = options.logger ?? { warn: (message: string) => console.warn(message) };
  const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (error) => logger.warn(`PostgreSQL pool client error: ${error.message}`));
  await pool.query('select 1');
  const listeners = new Set<pg.Client>();
  let closed = false;

  const listenOnce = async (
    channel: string,
    onPayload: (payload: string) => void,
    onLost: (reason: string) => void,
  ) => {
    const client = new pg.Client({ connectionString });
    let lost = false;
    let listening = false;
    // 'error' and 'end' both mean the connection is gone (and may both fire): react once. Failures before LISTEN
    // succeeded are thrown to the caller instead.
    const lose = (reason: string) => {
      if (lost) return;
      lost = true;
      listeners.delete(client);
      client.end().catch(() => undefined);
      if (listening) onLost(reason);
    };
    client.on('notification', (message) => {
      if (message.channel === channel) onPayload(message.payload ?? '');
    });
    client.on('error', (error) => lose(error.message));
    client.on('end', () => lose('connection ended'));
    try {
      await client.connect();
      await client.query(`LISTEN ${quoteIdentifier(channel)}`);
    } catch (error) {
      lose(error instanceof Error ? error.message : String(error));
      throw error;
    }
    listening = true;
    listeners.add(client);
    return client;
  };

  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload, onReconnect) {
      let current: pg.Client | undefined;
      let stopped = false;
      const reconnect = (reason: string): void => {
        if (stopped || closed) return;
        logger.warn(`PostgreSQL listener connection lost (${reason}); reconnecting`);
        setTimeout(() => {
          if (stopped || closed) return;
          listenOnce(channel, onPayload, reconnect)
            .then((client) => {
              current = client;
              onReconnect?.();
            })
            .catch((error: Error) => reconnect(error.message));
        }, reconnectDelayMs);
      };
      current = await listenOnce(channel, onPayload, reconnect);
      return async () => {
        stopped = true;
        if (current) {
          listeners.delete(current);
          await current.end().catch(() => undefined);
        }
      };
    },
    async close() {
      closed = true;
      await Promise.all([...listeners].map((client) => client.end().catch(() => undefined)));
      listeners.clear();
      await pool.end();
    },
  };
};
