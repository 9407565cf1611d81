import { SqliteAdapter, sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Dialect } from './database';
import { isSerializationFailure, isUniqueViolation, WriteConflictError } from './errors';
import type { Database } from './schema';

/** How many times a transaction that lost to a concurrent one is run in all. */
export const WRITE_ATTEMPTS = 3;

/** Which engine a Kysely instance talks to, read from its adapter. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any database, migrations included
export function detectDialect(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}

/**
 * Runs `fn` in a transaction that reads, checks and then writes, serialized with every other such
 * transaction that names one of the same `keys` (for example a person-week). Services say what
 * must be serialized; this module alone knows how:
 *
 * - SQLite: `BEGIN IMMEDIATE` takes the database's write lock up front, so every write
 *   transaction runs alone, across processes as well (a deferred reader that later writes would
 *   fail with SQLITE_BUSY instead of waiting). The keys need no lock of their own.
 * - PostgreSQL: a READ COMMITTED transaction (stated, whatever the server's default) that first
 *   takes a transaction-scoped advisory lock per key, the shared ones first, each list in sorted
 *   order, so that two transactions sharing keys cannot deadlock. At READ COMMITTED every statement after the lock wait reads the
 *   rows committed by the transaction that held it.
 */
export async function writeTransaction<T>(
  db: Kysely<Database>,
  keys: readonly string[],
  fn: (trx: Kysely<Database>) => Promise<T>,
  options: WriteOptions = {},
): Promise<T> {
  const shared = options.shared ?? [];
  const run =
    detectDialect(db) === 'postgres'
      ? () => postgresWrite(db, keys, shared, fn)
      : () => sqliteWrite(db, fn);
  return retryCollisions(run, options);
}

export interface WriteOptions {
  /**
   * Keys taken in shared mode (PostgreSQL: `pg_advisory_xact_lock_shared`), before `keys`: many
   * writers hold one at once, and a writer naming it in `keys` waits for all of them and they for
   * it (the payroll period: every dated write shares it, closing the period takes it alone).
   */
  shared?: readonly string[];
  /**
   * Run again when a unique index refused a row: the transaction reads before it writes, so a
   * second run sees the concurrent writer's row (an upload of the same external ids).
   */
  retryOnUniqueViolation?: boolean;
}

/**
 * The one retry policy of writes. PostgreSQL may end a transaction with a serialization failure
 * (40001) or a deadlock (40P01), for example when the server's defaults are stricter; a caller may
 * add unique violations. Such a transaction runs again, WRITE_ATTEMPTS times in all; past that, a
 * serialization failure is a WriteConflictError (which a client may retry), never an internal
 * error, and a unique violation is thrown as it is.
 */
async function retryCollisions<T>(run: () => Promise<T>, options: WriteOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const unique = options.retryOnUniqueViolation === true && isUniqueViolation(error);
      if (!isSerializationFailure(error) && !unique) throw error;
      if (attempt >= WRITE_ATTEMPTS) {
        throw unique ? error : new WriteConflictError({ cause: error });
      }
    }
  }
}

function postgresWrite<T>(
  db: Kysely<Database>,
  keys: readonly string[],
  shared: readonly string[],
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db
    .transaction()
    .setIsolationLevel('read committed')
    .execute(async (trx) => {
      for (const key of [...new Set(shared)].sort()) {
        await sql`select pg_advisory_xact_lock_shared(hashtextextended(${key}, 0))`.execute(trx);
      }
      for (const key of [...new Set(keys)].sort()) {
        await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
      }
      return fn(trx);
    });
}

function sqliteWrite<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>) {
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}
