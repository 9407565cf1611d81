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
  // Each test gets an empty database of its own and migrates it when it needs the tables.
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase(dialect, { migrate: false });
  });
  afterEach(() => database.close());

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
    await migrateToLatest(database.db);
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
    await migrateToLatest(database.db);
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

  it('moves entries of the first schema to the team workflow without losing a row', async () => {
    const legacy = await openTestDatabase(dialect, { migrate: false });
    try {
      throwOnFailure(
        await (
          await createMigrator(legacy.db)
        ).migrateTo('2026-11-25-0001-create-timesheet-entries'),
      );
      const row = {
        user_id: 'auth0|emma',
        project: 'Audit',
        hundredths: 750,
        created_at: '2026-11-20T17:00:00.000Z',
        source: 'auth0|emma',
      };
      const rows = [
        { ...row, id: 'legacy-pending', date: '2026-11-22', notes: 'late' },
        {
          ...row,
          id: 'legacy-approved',
          date: '2026-11-19',
          status: 'APPROVED',
          decided_by: 'auth0|maria',
          decided_at: '2026-11-21T09:00:00.000Z',
        },
        {
          ...row,
          id: 'legacy-rejected',
          date: '2026-11-16',
          status: 'REJECTED',
          rejection_reason: 'wrong project',
          decided_by: 'auth0|maria',
          decided_at: '2026-11-21T09:30:00.000Z',
        },
      ];
      for (const values of rows) {
        await (legacy.db as unknown as Kysely<Record<string, Record<string, unknown>>>)
          .insertInto('timesheet_entries')
          .values(values)
          .execute();
      }

      await migrateToLatest(legacy.db);

      const entries = await legacy.db
        .selectFrom('timesheet_entries')
        .select(['id', 'version', 'week_start', 'updated_at', 'notes'])
        .orderBy('id')
        .execute();
      expect(entries).toEqual([
        {
          id: 'legacy-approved',
          version: 1,
          week_start: '2026-11-16',
          updated_at: '2026-11-21T09:00:00.000Z',
          notes: null,
        },
        {
          id: 'legacy-pending',
          version: 1,
          week_start: '2026-11-16',
          updated_at: '2026-11-20T17:00:00.000Z',
          notes: 'late',
        },
        {
          id: 'legacy-rejected',
          version: 1,
          week_start: '2026-11-16',
          updated_at: '2026-11-21T09:30:00.000Z',
          notes: null,
        },
      ]);
      const events = await legacy.db
        .selectFrom('timesheet_events')
        .select(['entry_id', 'owner_id', 'at', 'actor_id', 'action', 'changes', 'reason'])
        .orderBy('entry_id')
        .orderBy('id')
        .execute();
      expect(events.map((e) => [e.entry_id, e.action, e.actor_id, e.at, e.reason])).toEqual([
        ['legacy-approved', 'CREATED', 'auth0|emma', '2026-11-20T17:00:00.000Z', null],
        ['legacy-approved', 'APPROVED', 'auth0|maria', '2026-11-21T09:00:00.000Z', null],
        ['legacy-pending', 'CREATED', 'auth0|emma', '2026-11-20T17:00:00.000Z', null],
        ['legacy-rejected', 'CREATED', 'auth0|emma', '2026-11-20T17:00:00.000Z', null],
        ['legacy-rejected', 'REJECTED', 'auth0|maria', '2026-11-21T09:30:00.000Z', 'wrong project'],
      ]);
      expect(JSON.parse(events[2]?.changes ?? '')).toEqual([
        { field: 'date', from: null, to: '2026-11-22' },
        { field: 'project', from: null, to: 'Audit' },
        { field: 'hours', from: null, to: '7.5' },
        { field: 'notes', from: null, to: 'late' },
      ]);
    } finally {
      await legacy.close();
    }
  });

  it('refuses to change or delete a history event, whoever asks', async () => {
    await migrateToLatest(database.db);
    const event = {
      id: 'event-1',
      entry_id: 'entry-1',
      owner_id: 'u',
      at: new Date().toISOString(),
      actor_id: 'u',
      action: 'CREATED' as const,
      changes: '[]',
    };
    await database.db.insertInto('timesheet_events').values(event).execute();
    await expect(
      database.db.updateTable('timesheet_events').set({ actor_id: 'someone else' }).execute(),
    ).rejects.toMatchObject(violates(/append-only/));
    await expect(database.db.deleteFrom('timesheet_events').execute()).rejects.toMatchObject(
      violates(/append-only/),
    );
    const stored = await database.db.selectFrom('timesheet_events').selectAll().execute();
    expect(stored).toEqual([expect.objectContaining({ id: 'event-1', actor_id: 'u' })]);
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
