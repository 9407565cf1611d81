import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

export type Dialect = 'sqlite' | 'postgres';

/** How busy the connections are: open, idle, and requests waiting for one. */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

/** An open database: the Kysely instance, which engine is behind it, and how to close it. */
export interface OpenDatabase {
  db: Kysely<Database>;
  dialect: Dialect;
  close: () => Promise<void>;
  /** The connection pool's use, for metrics (SQLite: one connection, never waited for). */
  poolStats?: () => PoolStats;
}

/** Pool size and timeouts; see DATABASE_* in server/config.ts. */
export interface ConnectionSettings {
  poolMax: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  lockTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
}

export const DEFAULT_CONNECTION_SETTINGS: Readonly<ConnectionSettings> = {
  poolMax: 10,
  connectTimeoutMs: 5_000,
  statementTimeoutMs: 10_000,
  lockTimeoutMs: 5_000,
  idleInTransactionTimeoutMs: 30_000,
};

export interface DatabaseOptions {
  /** PostgreSQL only: the schema every query runs in (its search_path), for isolated tests. */
  schema?: string;
  settings?: Partial<ConnectionSettings>;
  /** Told about connection errors the pool survives (a server restart, a killed backend). */
  onPoolError?: (error: Error) => void;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const PG_INT8_OID = 20;

/**
 * Opens the database a `DATABASE_URL` names: `sqlite:<path>` (`sqlite::memory:` for tests) or
 * `postgres://…` / `postgresql://…`. Throws an Error naming DATABASE_URL for anything else.
 */
export async function createDatabase(
  url: string,
  options: DatabaseOptions = {},
): Promise<OpenDatabase> {
  const settings = { ...DEFAULT_CONNECTION_SETTINGS, ...options.settings };
  if (url.startsWith('sqlite:')) {
    return openSqlite(url.slice('sqlite:'.length), settings);
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return openPostgres(url, options, settings);
  }
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0] ?? '(none)';
  throw new Error(
    `DATABASE_URL must be sqlite:<path> or postgres://…, got a URL with scheme ${scheme}`,
  );
}

function openSqlite(path: string, settings: ConnectionSettings): Promise<OpenDatabase> {
  if (path.length === 0) throw new Error('DATABASE_URL sqlite:<path> needs a file path');
  const memory = path === ':memory:';
  if (!memory) mkdirSync(dirname(resolve(path)), { recursive: true });
  const database = new SqliteDatabase(memory ? ':memory:' : resolve(path));
  // WAL with synchronous=FULL fsyncs the log on every commit: an acknowledged write survives a
  // killed process and a power cut. busy_timeout waits for other processes' write locks.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma(`busy_timeout = ${settings.lockTimeoutMs}`);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return Promise.resolve({
    db,
    dialect: 'sqlite',
    close: () => db.destroy(),
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
  });
}

function openPostgres(
  url: string,
  { schema, onPoolError }: DatabaseOptions,
  settings: ConnectionSettings,
): Promise<OpenDatabase> {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`Database schema name "${schema}" must match ${SCHEMA_NAME.source}`);
  }
  // count(*) and sum(integer) are bigint (int8), which pg hands back as strings; every bigint
  // this API reads is far below 2^53, so read it as a number (for this pool only).
  const types = new pg.TypeOverrides();
  types.setTypeParser(PG_INT8_OID, 'text', Number);
  const pool = new pg.Pool({
    connectionString: url,
    types,
    max: settings.poolMax,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    // Sent at connection start-up: the server cuts a statement, a lock wait or an abandoned
    // transaction that runs longer, so that one stuck request cannot hold a connection forever.
    statement_timeout: settings.statementTimeoutMs,
    lock_timeout: settings.lockTimeoutMs,
    idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection the server drops (restart, failover, pg_terminate_backend) is an 'error'
  // event on the pool; unheard, it would end the process. The pool discards that connection and
  // opens a new one on the next checkout.
  pool.on('error', (error) => onPoolError?.(error));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return Promise.resolve({
    db,
    dialect: 'postgres',
    close: () => db.destroy(),
    poolStats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    }),
  });
}

/** A cheap round trip (`select 1`) for readiness probes; rejects when the database is unreachable. */
export async function checkDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
