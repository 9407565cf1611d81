import { SqliteAdapter, sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Dialect } from './database';
import type { Database } from './schema';

/** Which engine a Kysely instance talks to, read from its adapter. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any database, migrations included
export function detectDialect(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}

/**
 * Runs `fn` in a transaction that reads, checks and then writes, serialized with every other such
 * transaction that names one of the same `keys` (for example an owner's day). Services say what
 * must be serialized; this module alone knows how:
 *
 * - SQLite: `BEGIN IMMEDIATE` takes the database's write lock up front, so every write
 *   transaction runs alone, across processes as well (a deferred reader that later writes would
 *   fail with SQLITE_BUSY instead of waiting). The keys need no lock of their own.
 * - PostgreSQL: a READ COMMITTED transaction (stated, whatever the server's default) that first
 *   takes a transaction-scoped advisory lock per key, in sorted order so that two transactions
 *   sharing keys cannot deadlock. At READ COMMITTED every statement after the lock wait reads the
 *   rows committed by the transaction that held it.
 */
export async function writeTransaction<T>(
  db: Kysely<Database>,
  keys: readonly string[],
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (detectDialect(db) === 'postgres') {
    return db
      .transaction()
      .setIsolationLevel('read committed')
      .execute(async (trx) => {
        for (const key of [...new Set(keys)].sort()) {
          await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
        }
        return fn(trx);
      });
  }
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
