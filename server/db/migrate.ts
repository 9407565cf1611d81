import { Migrator, PostgresAdapter, sql } from 'kysely';
import type { Kysely, Migration, MigrationResultSet } from 'kysely';
import * as createTimesheetEntries from './migrations/2026-11-25-0001-create-timesheet-entries';
import * as teamWorkflow from './migrations/2026-11-30-0001-team-workflow';
import * as peopleSource from './migrations/2026-12-07-0001-people-source';
import * as weeklyCycle from './migrations/2026-12-08-0001-weekly-cycle';

/**
 * Every migration, by name; names start with their date so they sort in the order they run.
 * A static list (not FileMigrationProvider) so that bundlers and tsx see every file.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '2026-11-25-0001-create-timesheet-entries': createTimesheetEntries,
  '2026-11-30-0001-team-workflow': teamWorkflow,
  '2026-12-07-0001-people-source': peopleSource,
  '2026-12-08-0001-weekly-cycle': weeklyCycle,
};

/**
 * Creates a Migrator over {@link migrations}. On PostgreSQL its bookkeeping tables live in the
 * connection's current schema, named explicitly: Kysely otherwise finds them in any schema of the
 * database, and a second schema (another app, a parallel test run) would skip creating its own.
 */
export async function createMigrator<DB>(
  db: Kysely<DB>,
  list: Readonly<Record<string, Migration>> = migrations,
): Promise<Migrator> {
  const provider = { getMigrations: () => Promise.resolve(list) };
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return new Migrator({ db, provider });
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema)
    throw new Error('Database migration: PostgreSQL has no current schema (search_path)');
  return new Migrator({ db, provider, migrationTableSchema: schema });
}

/**
 * Runs every pending migration; throws an Error naming the failed migration if one fails.
 *
 * PostgreSQL: Kysely runs them in one transaction under an advisory lock. SQLite: Kysely takes no
 * lock there (it assumes one process), so the whole run, bookkeeping tables included, happens in
 * one `BEGIN IMMEDIATE` transaction: processes starting together on a fresh file wait for each
 * other (the later ones then find nothing to do), and a crash halfway leaves nothing half-built.
 */
export async function migrateToLatest<DB>(
  db: Kysely<DB>,
  list: Readonly<Record<string, Migration>> = migrations,
): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    throwOnFailure(await (await createMigrator(db, list)).migrateToLatest());
    return;
  }
  await db.connection().execute(async (conn) => {
    await beginImmediate(conn);
    try {
      throwOnFailure(await (await createMigrator(conn, list)).migrateToLatest());
      await sql`commit`.execute(conn);
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}

const MIGRATION_WAIT_MS = 120_000;

/**
 * Takes SQLite's write lock. Past the connection's busy timeout, waits on: another process's
 * migrations may take longer than a request would wait.
 */
async function beginImmediate<DB>(conn: Kysely<DB>): Promise<void> {
  const deadline = Date.now() + MIGRATION_WAIT_MS;
  for (;;) {
    try {
      await sql`begin immediate`.execute(conn);
      return;
    } catch (error) {
      const busy = (error as { code?: unknown }).code === 'SQLITE_BUSY';
      if (!busy || Date.now() > deadline) throw error;
    }
  }
}

/** Throws when a migration run failed, naming the migration and keeping the cause. */
export function throwOnFailure({ error, results }: MigrationResultSet): void {
  if (error === undefined) return;
  const failed = results?.find((result) => result.status === 'Error')?.migrationName;
  const what = failed ? `migration "${failed}"` : 'the migrations';
  const detail = error instanceof Error ? error.message : JSON.stringify(error);
  throw new Error(`Database migration failed in ${what}: ${detail}`, { cause: error });
}
