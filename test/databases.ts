import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { createDatabase } from '../server/db/database';
import type { Dialect, OpenDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import type { Database } from '../server/db/schema';

/** A freshly migrated database for one test file, and how to reach it again. */
export interface TestDatabase {
  db: Kysely<Database>;
  poolStats?: OpenDatabase['poolStats'];
  dialect: Dialect;
  /** The DATABASE_URL to hand to the app (pass `schema` too on PostgreSQL). */
  url: string;
  /** PostgreSQL: the schema this test file owns; null on SQLite. */
  schema: string | null;
  /** Closes the connection and removes the database (the temp dir or the schema). */
  close: () => Promise<void>;
}

/**
 * The engines store tests run on: SQLite always, PostgreSQL too when `TEST_DATABASE_URL` is set.
 */
export function testDialects(env: NodeJS.ProcessEnv = process.env): Dialect[] {
  return env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

/**
 * Opens a fresh, migrated database: a new SQLite file in a temp dir, or a uniquely named schema in
 * the PostgreSQL database `TEST_DATABASE_URL` names. `migrate: false` leaves it empty.
 */
export async function openTestDatabase(
  dialect: Dialect,
  { migrate = true }: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const opened = dialect === 'sqlite' ? await openSqlite() : await openPostgres();
  if (migrate) await migrateToLatest(opened.db);
  return opened;
}

async function openSqlite(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'timesheets-test-'));
  const url = `sqlite:${join(dir, 'timesheets.sqlite')}`;
  const { db, close, poolStats } = await createDatabase(url);
  return {
    db,
    poolStats,
    dialect: 'sqlite',
    url,
    schema: null,
    close: async () => {
      await close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openPostgres(): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL must be set to test on PostgreSQL');
  const schema = `test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await withAdmin(url, (admin) => sql`create schema ${sql.id(schema)}`.execute(admin));
  const { db, close, poolStats } = await createDatabase(url, { schema });
  return {
    db,
    poolStats,
    dialect: 'postgres',
    url,
    schema,
    close: async () => {
      await close();
      await withAdmin(url, (admin) =>
        sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin),
      );
    },
  };
}

async function withAdmin(url: string, fn: (db: Kysely<Database>) => Promise<unknown>) {
  const admin = await createDatabase(url);
  try {
    await fn(admin.db);
  } finally {
    await admin.close();
  }
}

/**
 * Runs a block of tests once per engine (see {@link testDialects}), each with its own fresh,
 * migrated database opened in beforeAll and removed in afterAll. Call `getDb()` inside tests.
 */
export function describeEachDatabase(
  name: string,
  tests: (getDb: () => TestDatabase) => void,
): void {
  describe.each(testDialects())(`${name} (%s)`, (dialect) => {
    let current: TestDatabase | undefined;
    beforeAll(async () => {
      current = await openTestDatabase(dialect);
    });
    afterAll(async () => {
      await current?.close();
    });
    tests(() => {
      if (!current) throw new Error('The test database is opened in beforeAll');
      return current;
    });
  });
}
