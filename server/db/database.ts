import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

export type Dialect = 'sqlite' | 'postgres';

/** An open database: the Kysely instance, which engine is behind it, and how to close it. */
export interface OpenDatabase {
  db: Kysely<Database>;
  dialect: Dialect;
  close: () => Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL only: the schema every query runs in (its search_path), for isolated tests. */
  schema?: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const PG_INT8_OID = 20;
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens the database a `DATABASE_URL` names: `sqlite:<path>` (`sqlite::memory:` for tests) or
 * `postgres://…` / `postgresql://…`. Throws an Error naming DATABASE_URL for anything else.
 */
export async function createDatabase(
  url: string,
  options: DatabaseOptions = {},
): Promise<OpenDatabase> {
  if (url.startsWith('sqlite:')) {
    return openSqlite(url.slice('sqlite:'.length));
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return openPostgres(url, options.schema);
  }
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0] ?? '(none)';
  throw new Error(
    `DATABASE_URL must be sqlite:<path> or postgres://…, got a URL with scheme ${scheme}`,
  );
}

function openSqlite(path: string): Promise<OpenDatabase> {
  if (path.length === 0) throw new Error('DATABASE_URL sqlite:<path> needs a file path');
  const memory = path === ':memory:';
  if (!memory) mkdirSync(dirname(resolve(path)), { recursive: true });
  const database = new SqliteDatabase(memory ? ':memory:' : resolve(path));
  // WAL with synchronous=FULL fsyncs the log on every commit: an acknowledged write survives a
  // killed process and a power cut. busy_timeout waits for other processes' write locks.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return Promise.resolve({ db, dialect: 'sqlite', close: () => db.destroy() });
}

function openPostgres(url: string, schema: string | undefined): Promise<OpenDatabase> {
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
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return Promise.resolve({ db, dialect: 'postgres', close: () => db.destroy() });
}

/** A cheap round trip (`select 1`) for readiness probes; rejects when the database is unreachable. */
export async function checkDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
