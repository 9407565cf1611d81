import type { Kysely } from 'kysely';
import { endOfWeek, expectedDays, fromHundredths, missingDays, toLocalDate } from '../../core';
import { findHolidayRows } from '../calendar/holiday.repository';
import type { Database } from '../db/schema';
import { findClosedThrough } from '../period/period.repository';
import { findPeopleByIds } from '../people/person.repository';
import { workTermsOf } from '../people/work-terms';
import type { Absence, TimesheetWeek } from './week';
import type { AbsenceRow } from './absence.table';
import * as repo from './week.repository';
import { weekId, type WeekKey } from './week.repository';
import { statusOf, versionOf } from './week-state';

export const absenceOf = (row: AbsenceRow): Absence => ({
  id: row.id,
  userId: row.user_id,
  date: row.date,
  kind: row.kind,
  hours: fromHundredths(row.hundredths),
});

/**
 * Person-weeks with their completeness, in the order of `keys`: status and version, hours
 * recorded and absent against the hours expected (schedule over employed days, less holidays),
 * and the working days up to `now` with nothing recorded. Six statements, however many weeks.
 */
export async function loadWeeks(
  db: Kysely<Database>,
  keys: readonly WeekKey[],
  now: Date,
): Promise<TimesheetWeek[]> {
  if (keys.length === 0) return [];
  const starts = keys.map((key) => key.weekStart).sort();
  const first = starts[0];
  const last = endOfWeek(starts[starts.length - 1]);
  const [weekRows, recorded, people, holidayRows, closedThrough] = await Promise.all([
    repo.findWeekRows(db, keys),
    repo.findRecordedDays(db, keys),
    findPeopleByIds(db, [...new Set(keys.map((key) => key.userId))]),
    findHolidayRows(db, first, last),
    findClosedThrough(db),
  ]);
  const rows = new Map(
    weekRows.map((row) => [weekId({ userId: row.user_id, weekStart: row.week_start }), row]),
  );
  const terms = new Map(people.map((person) => [person.id, workTermsOf(person)]));
  const holidayDates = new Set(holidayRows.map((holiday) => holiday.date));
  const days = new Map<string, RecordedTotals>();
  for (const day of recorded) {
    const key = weekId({ userId: day.user_id, weekStart: day.week_start });
    const totals = days.get(key) ?? { entries: 0, absences: 0, dates: new Set<string>() };
    totals.entries += day.entry_hundredths;
    totals.absences += day.absence_hundredths;
    totals.dates.add(day.date);
    days.set(key, totals);
  }
  const today = toLocalDate(now);
  return keys.map((key) => {
    const row = rows.get(weekId(key));
    const totals = days.get(weekId(key)) ?? { entries: 0, absences: 0, dates: new Set<string>() };
    const expected = expectedDays(
      key.weekStart,
      terms.get(key.userId) ?? workTermsOf(undefined),
      holidayDates,
    );
    return {
      ownerId: key.userId,
      weekStart: key.weekStart,
      status: statusOf(row),
      version: versionOf(row),
      recordedHours: fromHundredths(totals.entries),
      absenceHours: fromHundredths(totals.absences),
      expectedHours: fromHundredths(expected.reduce((sum, day) => sum + day.hundredths, 0)),
      missingDays: missingDays(expected, totals.dates, today),
      holidays: holidayRows
        .filter((h) => h.date >= key.weekStart && h.date <= endOfWeek(key.weekStart))
        .map(({ date, name }) => ({ date, name })),
      submittedAt: row?.submitted_at ? new Date(row.submitted_at) : null,
      decidedAt: row?.decided_at ? new Date(row.decided_at) : null,
      decidedBy: row?.decided_by ?? null,
      note: row?.note ?? null,
      reason: row?.status === 'REJECTED' ? row.reason : null,
      closed: closedThrough !== null && key.weekStart <= closedThrough,
    };
  });
}

interface RecordedTotals {
  entries: number;
  absences: number;
  dates: Set<string>;
}

/** One person-week; see {@link loadWeeks}. */
export async function loadWeek(
  db: Kysely<Database>,
  key: WeekKey,
  now: Date,
): Promise<TimesheetWeek> {
  const [week] = await loadWeeks(db, [key], now);
  if (!week) throw new Error('loadWeeks answered no week');
  return week;
}
