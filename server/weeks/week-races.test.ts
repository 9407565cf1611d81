import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { openTestDatabase, testDialects, type TestDatabase } from '../../test/databases';
import { createPeriodService } from '../period/period.service';
import type { Viewer } from '../reach/reach';
import { createTimesheetService } from '../timesheets/timesheet.service';
import { createWeekService } from './week.service';

/**
 * The races of the weekly cycle, where they can happen: PostgreSQL, whose transactions run side by
 * side on a pool of connections (SQLite runs one write at a time). Each race runs many rounds,
 * each on fresh people, and checks an invariant that a lost update would break.
 */
const onPostgres = testDialects().includes('postgres') ? describe : describe.skip;
const ROUNDS = 25;
const NOW = new Date('2026-11-25T12:00:00Z');
const WEEK = '2026-11-16';

onPostgres('weekly cycle races on PostgreSQL', () => {
  let database: TestDatabase;
  let weeks: ReturnType<typeof createWeekService>;
  let timesheets: ReturnType<typeof createTimesheetService>;

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    weeks = createWeekService(database.db, { now: () => NOW });
    timesheets = createTimesheetService(database.db, { now: () => NOW });
  });

  afterAll(async () => {
    await database.close();
  });

  const owner = () => `auth0|racer-${randomUUID()}`;
  const everyone = (sub: string): Viewer => ({ sub, reach: { kind: 'everyone' } });

  it('never leaves a week SUBMITTED when an edit raced the submission', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const emma = owner();
      const entry = await timesheets.create(
        { userId: emma, source: emma },
        { date: '2026-11-16', project: 'Audit', hours: 8 },
      );
      const { version } = await weeks.week(emma, WEEK);
      const [submit, edit] = await Promise.allSettled([
        weeks.submit(emma, WEEK, version, 'short'),
        timesheets.update(emma, entry.id, entry.version, { hours: 6 }),
      ]);
      // The edit always lands: before the submission (which then is stale) or after it (which
      // then withdraws the week). Either way the week ends OPEN.
      expect(edit.status).toBe('fulfilled');
      const week = await weeks.week(emma, WEEK);
      expect({ round, status: week.status }).toEqual({ round, status: 'OPEN' });
      if (submit.status === 'rejected') {
        expect(String(submit.reason)).toMatch(/version/);
      }
    }
  });

  it('never both approves a week and changes its entry when an edit races the decision', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const emma = owner();
      const entry = await timesheets.create(
        { userId: emma, source: emma },
        { date: '2026-11-16', project: 'Audit', hours: 8 },
      );
      const submitted = await weeks.submit(emma, WEEK, (await weeks.week(emma, WEEK)).version, 'x');
      const [approve, edit] = await Promise.allSettled([
        timesheets.approveWeek(everyone('auth0|payroll'), emma, WEEK, submitted.version),
        timesheets.update(emma, entry.id, entry.version, { hours: 6 }),
      ]);
      expect([approve.status, edit.status].sort()).toEqual(['fulfilled', 'rejected']);
      const week = await weeks.week(emma, WEEK);
      const [row] = await database.db
        .selectFrom('timesheet_entries')
        .select(['status', 'hundredths'])
        .where('id', '=', entry.id)
        .execute();
      if (approve.status === 'fulfilled') {
        expect({ round, week: week.status, row }).toEqual({
          round,
          week: 'APPROVED',
          row: { status: 'APPROVED', hundredths: 800 },
        });
      } else {
        expect({ round, week: week.status, row }).toEqual({
          round,
          week: 'OPEN',
          row: { status: 'PENDING', hundredths: 600 },
        });
      }
    }
  });

  it('never writes an upload line into a period that a racing close closed', async () => {
    // Its own schema: closing the period is company-wide.
    const own = await openTestDatabase('postgres');
    try {
      let clock = new Date('2026-12-20T12:00:00Z');
      const period = createPeriodService(own.db, { now: () => clock });
      const service = createTimesheetService(own.db, { now: () => clock });
      for (let round = 0; round < ROUNDS; round++) {
        // Each round closes one more day, and uploads a line on that day at the same time.
        const day = `2026-11-${String(round + 1).padStart(2, '0')}`;
        const [close, upload] = await Promise.allSettled([
          period.close('auth0|paula', day, null),
          service.upload('importer', [
            { externalId: randomUUID(), userId: owner(), date: day, project: 'X', hours: 1 },
          ]),
        ]);
        expect(close.status).toBe('fulfilled');
        // The upload either came first (its line written) or saw the close (its line refused).
        if (upload.status !== 'fulfilled') throw upload.reason;
        const [line] = upload.value.results;
        if (line?.status === 'REJECTED') expect(line.reason).toContain('closed period');
        else expect(line?.status).toBe('CREATED');
        clock = new Date(clock.getTime() + 1000);
      }
      // A line on a closed day was written only by an upload that committed before the close: its
      // UPLOADED event (written after it read the period) sorts before the CLOSED event.
      const { rows } = await sql<{ date: string; uploaded: string; closed: string }>`
        select e.date, ev.id as uploaded, p.id as closed
        from timesheet_entries e
        join timesheet_events ev on ev.entry_id = e.id and ev.action = 'UPLOADED'
        join period_events p on p.action = 'CLOSED' and p.closed_through = e.date
      `.execute(own.db);
      const late = rows.filter((row) => row.uploaded > row.closed);
      expect(late).toEqual([]);
    } finally {
      await own.close();
    }
  });
});
