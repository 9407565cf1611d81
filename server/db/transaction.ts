import { SqliteAdapter, sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Dialect } from './database';
import type { Database } from './schema';

/** Which engine a Kysely instance talks to, read from its adapter. */
export function detectDialect(db: Kysely<Database>): Dialect {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}

/**
 * Runs `fn` in a transaction meant to read and then write.
 *
 * SQLite: `BEGIN IMMEDIATE` takes the database's write lock up front, so a read-check-write
 * sequence is serialised across processes as well (Kysely's own `begin` is deferred, and a deferred
 * reader that later writes fails with SQLITE_BUSY instead of waiting). PostgreSQL: an ordinary
 * read-committed transaction; `fn` takes the row or advisory locks it needs.
 */
export async function writeTransaction<T>(
  db: Kysely<Database>,
  dialect: Dialect,
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (dialect === 'postgres') return db.transaction().execute(fn);
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
