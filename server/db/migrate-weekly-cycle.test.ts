import type { Kysely } from 'kysely';
import { openTestDatabase, testDialects } from '../../test/databases';
import { createMigrator, migrateToLatest, throwOnFailure } from './migrate';

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

describe.each(testDialects())('the weekly-cycle migration (%s)', (dialect) => {
  it('gives every person-week with entries a week row at version 1, and keeps every entry', async () => {
    const legacy = await openTestDatabase(dialect, { migrate: false });
    try {
      throwOnFailure(
        await (await createMigrator(legacy.db)).migrateTo('2026-12-07-0001-people-source'),
      );
      const entry = (id: string, user: string, date: string, week: string, fields = {}) => ({
        id,
        user_id: user,
        date,
        week_start: week,
        project: 'Audit',
        hundredths: 800,
        created_at: '2026-11-20T17:00:00.000Z',
        updated_at: '2026-11-20T17:00:00.000Z',
        source: user,
        ...fields,
      });
      const approved = {
        status: 'APPROVED',
        decided_by: 'auth0|maria',
        decided_at: '2026-11-21T09:00:00.000Z',
        updated_at: '2026-11-21T09:00:00.000Z',
      };
      const rejected = {
        status: 'REJECTED',
        rejection_reason: 'wrong project',
        decided_by: 'auth0|maria',
        decided_at: '2026-11-22T09:00:00.000Z',
        updated_at: '2026-11-22T09:00:00.000Z',
      };
      const rows = [
        // Emma's week of the 9th: all approved. Week of the 16th: one rejected. 23rd: one pending.
        entry('e1', 'auth0|emma', '2026-11-09', '2026-11-09', approved),
        entry('e2', 'auth0|emma', '2026-11-10', '2026-11-09', approved),
        entry('e3', 'auth0|emma', '2026-11-16', '2026-11-16', approved),
        entry('e4', 'auth0|emma', '2026-11-17', '2026-11-16', rejected),
        entry('e5', 'auth0|emma', '2026-11-23', '2026-11-23', approved),
        entry('e6', 'auth0|emma', '2026-11-24', '2026-11-23'),
        entry('e7', 'auth0|eli', '2026-11-23', '2026-11-23'),
      ];
      for (const values of rows) {
        await (legacy.db as unknown as AnyDb)
          .insertInto('timesheet_entries')
          .values(values)
          .execute();
      }

      await migrateToLatest(legacy.db);

      const weeks = await legacy.db
        .selectFrom('timesheet_weeks')
        .select(['user_id', 'week_start', 'status', 'version', 'decided_by', 'reason'])
        .orderBy('user_id')
        .orderBy('week_start')
        .execute();
      expect(weeks).toEqual([
        {
          user_id: 'auth0|eli',
          week_start: '2026-11-23',
          status: 'SUBMITTED',
          version: 1,
          decided_by: null,
          reason: null,
        },
        {
          user_id: 'auth0|emma',
          week_start: '2026-11-09',
          status: 'APPROVED',
          version: 1,
          decided_by: 'auth0|maria',
          reason: null,
        },
        {
          user_id: 'auth0|emma',
          week_start: '2026-11-16',
          status: 'REJECTED',
          version: 1,
          decided_by: 'auth0|maria',
          reason: 'wrong project',
        },
        {
          user_id: 'auth0|emma',
          week_start: '2026-11-23',
          status: 'SUBMITTED',
          version: 1,
          decided_by: null,
          reason: null,
        },
      ]);
      const kept = await legacy.db.selectFrom('timesheet_entries').select('id').execute();
      expect(kept.map((row) => row.id).sort()).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7']);

      // The way down drops the cycle's tables and columns, and keeps the entries.
      throwOnFailure(
        await (await createMigrator(legacy.db)).migrateTo('2026-12-07-0001-people-source'),
      );
      const after = await legacy.db.selectFrom('timesheet_entries').select('id').execute();
      expect(after).toHaveLength(7);
      await migrateToLatest(legacy.db);
    } finally {
      await legacy.close();
    }
  });
});
