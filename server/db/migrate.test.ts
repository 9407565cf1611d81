import { NO_MIGRATIONS, sql } from 'kysely';
import type { Kysely } from 'kysely';
import { openTestDatabase, testDialects } from '../../test/databases';
import type { TestDatabase } from '../../test/databases';
import { createMigrator, migrateToLatest, throwOnFailure } from './migrate';

async function tableNames<DB>(db: Kysely<DB>, dialect: string): Promise<string[]> {
  const query =
    dialect === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'table'`
      : sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema()`;
  return (await query.execute(db)).rows.map((row) => row.name);
}

// better-sqlite3's SqliteError is not a native Error object, which `rejects.toThrow` sometimes
// does not recognise across Jest's realms: match the message instead.
const violates = (pattern: RegExp) => ({ message: expect.stringMatching(pattern) });
const stamps = () => {
  const at = new Date().toISOString();
  return { created_at: at, updated_at: at, week_start: '2026-11-23' };
};

describe.each(testDialects())('migrations (%s)', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(dialect, { migrate: false });
  });
  afterAll(() => database.close());

  it('creates timesheet_entries, runs once, and drops it again on the way down', async () => {
    await migrateToLatest(database.db);
    await migrateToLatest(database.db);
    expect(await tableNames(database.db, dialect)).toContain('timesheet_entries');
    throwOnFailure(await (await createMigrator(database.db)).migrateTo(NO_MIGRATIONS));
    expect(await tableNames(database.db, dialect)).not.toContain('timesheet_entries');
    await migrateToLatest(database.db);
    expect(await tableNames(database.db, dialect)).toContain('timesheet_entries');
  });

  it('refuses a status outside PENDING, APPROVED, REJECTED and hours outside (0, 24]', async () => {
    const row = {
      id: 'x',
      user_id: 'u',
      date: '2026-11-25',
      project: 'p',
      hundredths: 100,
      created_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
      week_start: '2026-11-23',
      source: 'u',
    };
    const insert = (values: object) =>
      database.db
        .insertInto('timesheet_entries')
        .values({ ...row, ...values })
        .execute();
    await expect(insert({ id: 'a', status: 'DONE' })).rejects.toMatchObject(violates(/check/i));
    await expect(insert({ id: 'b', hundredths: 0 })).rejects.toMatchObject(violates(/check/i));
    await expect(insert({ id: 'c', hundredths: 2401 })).rejects.toMatchObject(violates(/check/i));
  });

  it('refuses a second entry with the same owner and idempotency key, or source and external id', async () => {
    const base = { user_id: 'u', date: '2026-11-25', project: 'p', hundredths: 1, source: 's' };
    const insert = (id: string, keys: object) =>
      database.db
        .insertInto('timesheet_entries')
        .values({ ...base, id, ...stamps(), ...keys })
        .execute();
    await insert('k1', { idempotency_key: 'k' });
    await expect(insert('k2', { idempotency_key: 'k' })).rejects.toMatchObject(
      violates(/unique|duplicate/i),
    );
    await insert('e1', { external_id: 'e' });
    await expect(insert('e2', { external_id: 'e' })).rejects.toMatchObject(
      violates(/unique|duplicate/i),
    );
    await insert('n1', {});
    await insert('n2', {}); // keys that are null never collide
  });

  it('names the failed migration and keeps the cause', () => {
    const cause = new Error('boom');
    const failed = {
      error: cause,
      results: [
        { migrationName: '2026-11-25-0001-x', direction: 'Up' as const, status: 'Error' as const },
      ],
    };
    expect(() => throwOnFailure(failed)).toThrow(
      'Database migration failed in migration "2026-11-25-0001-x": boom',
    );
    try {
      throwOnFailure(failed);
    } catch (error) {
      expect(error).toMatchObject({ cause });
    }
  });
});

describe('migrations on PostgreSQL with several schemas in one database', () => {
  const onPostgres = testDialects().includes('postgres') ? it : it.skip;

  onPostgres('migrate each schema on its own, whatever another schema holds', async () => {
    const first = await openTestDatabase('postgres');
    const second = await openTestDatabase('postgres', { migrate: false });
    try {
      await migrateToLatest(second.db);
      expect(await tableNames(second.db, 'postgres')).toEqual(
        expect.arrayContaining(['timesheet_entries', 'kysely_migration', 'kysely_migration_lock']),
      );
      expect(await tableNames(first.db, 'postgres')).toContain('timesheet_entries');
    } finally {
      await second.close();
      await first.close();
    }
  });
});
