import { Migrator, PostgresAdapter, sql } from 'kysely';
import type { Kysely, Migration, MigrationResultSet } from 'kysely';
import * as createTimesheetEntries from './migrations/2026-11-25-0001-create-timesheet-entries';
import * as teamWorkflow from './migrations/2026-11-30-0001-team-workflow';

/**
 * Every migration, by name; names start with their date so they sort in the order they run.
 * A static list (not FileMigrationProvider) so that bundlers and tsx see every file.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '2026-11-25-0001-create-timesheet-entries': createTimesheetEntries,
  '2026-11-30-0001-team-workflow': teamWorkflow,
};

/**
 * Creates a Migrator over {@link migrations}. On PostgreSQL its bookkeeping tables live in the
 * connection's current schema, named explicitly: Kysely otherwise finds them in any schema of the
 * database, and a second schema (another app, a parallel test run) would skip creating its own.
 */
export async function createMigrator<DB>(db: Kysely<DB>): Promise<Migrator> {
  const provider = { getMigrations: () => Promise.resolve(migrations) };
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return new Migrator({ db, provider });
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema)
    throw new Error('Database migration: PostgreSQL has no current schema (search_path)');
  return new Migrator({ db, provider, migrationTableSchema: schema });
}

/** Runs every pending migration; throws an Error naming the failed migration if one fails. */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<void> {
  throwOnFailure(await (await createMigrator(db)).migrateToLatest());
}

/** Throws when a migration run failed, naming the migration and keeping the cause. */
export function throwOnFailure({ error, results }: MigrationResultSet): void {
  if (error === undefined) return;
  const failed = results?.find((result) => result.status === 'Error')?.migrationName;
  const what = failed ? `migration "${failed}"` : 'the migrations';
  const detail = error instanceof Error ? error.message : JSON.stringify(error);
  throw new Error(`Database migration failed in ${what}: ${detail}`, { cause: error });
}
