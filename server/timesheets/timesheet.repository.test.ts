import { CompiledQuery } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { addDays, startOfWeek } from '../../core';
import { describeEachDatabase } from '../../test/databases';
import type { TestDatabase } from '../../test/databases';
import { selectTimesheetPage } from './timesheet.repository';
import type { TimesheetFilter } from './timesheet.repository';
import type { NewTimesheetRow } from './timesheet.table';

const USERS = 100;
const PER_USER = 60;

async function seed({ db }: TestDatabase): Promise<void> {
  const rows: NewTimesheetRow[] = [];
  for (let u = 0; u < USERS; u++) {
    for (let i = 0; i < PER_USER; i++) {
      rows.push({
        id: uuidv7(),
        user_id: `user-${u}`,
        date: addDays('2026-01-01', i % 30),
        project: 'P',
        hundredths: 100,
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
        week_start: startOfWeek(addDays('2026-01-01', i % 30)),
        source: `user-${u}`,
        status: i % 3 === 0 ? 'APPROVED' : 'PENDING',
      });
    }
  }
  for (let start = 0; start < rows.length; start += 500) {
    await db
      .insertInto('timesheet_entries')
      .values(rows.slice(start, start + 500))
      .execute();
  }
}

/** The query plan of a keyset page, as one string. */
async function planOf(database: TestDatabase, filter: TimesheetFilter): Promise<string> {
  const after = { date: '2026-01-20', id: uuidv7() };
  const query = selectTimesheetPage(database.db, filter, after, 51).compile();
  const explain = database.dialect === 'sqlite' ? 'explain query plan ' : 'explain ';
  const result = await database.db.executeQuery(
    CompiledQuery.raw(explain + query.sql, [...query.parameters]),
  );
  return result.rows.map((row) => Object.values(row as object).join(' ')).join('\n');
}

describeEachDatabase('keyset page queries', (getDb) => {
  beforeAll(async () => {
    await seed(getDb());
    await getDb().db.executeQuery(CompiledQuery.raw('analyze'));
  });

  it.each([
    ['an owner’s page', { userId: 'user-7' }, 'timesheet_entries_user_date_id'],
    [
      'an owner’s page between dates',
      { userId: 'user-7', from: '2026-01-05', to: '2026-01-25' },
      'timesheet_entries_user_date_id',
    ],
    ['a page of one status', { status: 'PENDING' as const }, 'timesheet_entries_status_date_id'],
  ])('seeks %s in its index instead of scanning or sorting', async (_case, filter, index) => {
    const plan = await planOf(getDb(), filter);
    if (getDb().dialect === 'sqlite') {
      expect(plan).toMatch(
        new RegExp(
          `SEARCH timesheet_entries USING INDEX ${index} \\(\\w+=\\? (AND date>\\? )?AND \\(date,id\\)<\\(\\?,\\?\\)\\)`,
        ),
      );
    } else {
      expect(plan).toContain(`Index Scan Backward using ${index}`);
      expect(plan).toMatch(/Index Cond: .*ROW\(date, id\) < ROW\(/);
    }
    expect(plan).not.toMatch(/SCAN timesheet_entries|Seq Scan|TEMP B-TREE|Sort/);
  });
});
