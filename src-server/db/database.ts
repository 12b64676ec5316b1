/**
 * The one SQL abstraction the server uses, implemented twice: PGlite (embedded, one process, the default) and
 * PostgreSQL through a pg pool (production, several server instances). Both speak the same SQL dialect, so every
 * query and migration is written once.
 */

export type Row = Record<string, unknown>;

export type Queryable = {
  /** One statement with `$1`-style parameters. Pass jsonb values as JSON text and cast them (`$1::jsonb`). */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
};

export type DatabaseKind = 'pglite' | 'postgres';

export type Database = Queryable & {
  readonly kind: DatabaseKind;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Receives NOTIFY payloads of a channel. On PostgreSQL a dedicated connection listens (pooled connections
   * cannot); `onReconnect` fires after that connection was lost and re-established, because notifications sent
   * in between are gone and listeners must catch up another way.
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onReconnect?: () => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

/** Quotes an SQL identifier (LISTEN takes no parameters). */
export const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** bigint columns arrive as string (pg) or number (PGlite); sequences stay far below 2^53. */
export const toNumber = (value: unknown): number => {
  const result = typeof value === 'bigint' ? Number(value) : Number(value as string | number);
  if (!Number.isFinite(result)) throw new Error(`Expected a number from the database, got ${String(value)}`);
  return result;
};
