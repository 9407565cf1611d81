import { sql } from 'kysely';
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { Database } from '../db/schema';
import type { PersonRow } from '../people/person.table';
import type { WeekKey } from '../timesheets/timesheet.repository';
import type { AbsenceRow, NewAbsenceRow } from './absence.table';
import type { NewWeekEventRow, WeekEventRow } from './week-event.table';
import type { NewWeekRow, WeekRow, WeekRowUpdate } from './week.table';

export type { WeekKey };

/** A person-week as text (`<Monday> <person>`), for maps and loaders. */
export const weekId = ({ userId, weekStart }: WeekKey) => `${weekStart} ${userId}`;

/** One person-week's row, if it ever changed. */
export function findWeekRow(
  db: Kysely<Database>,
  { userId, weekStart }: WeekKey,
): Promise<WeekRow | undefined> {
  return db
    .selectFrom('timesheet_weeks')
    .selectAll()
    .where('user_id', '=', userId)
    .where('week_start', '=', weekStart)
    .executeTakeFirst();
}

/** The rows of some person-weeks (the caller keeps those it asked for). */
export function findWeekRows(db: Kysely<Database>, keys: readonly WeekKey[]): Promise<WeekRow[]> {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('timesheet_weeks')
    .selectAll()
    .where('week_start', 'in', [...new Set(keys.map((key) => key.weekStart))])
    .where('user_id', 'in', [...new Set(keys.map((key) => key.userId))])
    .execute();
}

/**
 * Counts a change of a person-week: inserts its row at version 1 (OPEN unless `fields` says
 * otherwise) or moves its version up by one, with `fields`. Answers the row after the change.
 */
export async function bumpWeek(
  db: Kysely<Database>,
  { userId, weekStart }: WeekKey,
  fields: WeekRowUpdate & { updated_at: string },
): Promise<WeekRow> {
  const insert: NewWeekRow = {
    user_id: userId,
    week_start: weekStart,
    status: 'OPEN',
    version: 1,
    ...fields,
  };
  return db
    .insertInto('timesheet_weeks')
    .values(insert)
    .onConflict((oc) =>
      oc
        .columns(['user_id', 'week_start'])
        .doUpdateSet((eb) => ({ ...fields, version: eb('timesheet_weeks.version', '+', 1) })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertWeekEvents(
  db: Kysely<Database>,
  rows: readonly NewWeekEventRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('week_events').values(rows).execute();
}

/** The histories of some person-weeks, oldest first. */
export function findWeekEvents(
  db: Kysely<Database>,
  keys: readonly WeekKey[],
): Promise<WeekEventRow[]> {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('week_events')
    .selectAll()
    .where('week_start', 'in', [...new Set(keys.map((key) => key.weekStart))])
    .where('user_id', 'in', [...new Set(keys.map((key) => key.userId))])
    .orderBy('id')
    .execute();
}

/** Hours (hundredths) and dates recorded per person-week: entries not rejected, and absences. */
export interface RecordedRow {
  user_id: string;
  week_start: string;
  date: string;
  entry_hundredths: number;
  absence_hundredths: number;
}

/**
 * What some person-weeks hold, summed per day: one statement over entries and absences, read
 * through their person-week indexes ((week_start, user_id, date) and (week_start, user_id)).
 */
export async function findRecordedDays(
  db: Kysely<Database>,
  keys: readonly WeekKey[],
): Promise<RecordedRow[]> {
  if (keys.length === 0) return [];
  const weeks = [...new Set(keys.map((key) => key.weekStart))];
  const users = [...new Set(keys.map((key) => key.userId))];
  const entries = db
    .selectFrom('timesheet_entries')
    .select([
      'user_id',
      'week_start',
      'date',
      sql<number>`sum(hundredths)`.as('entry_hundredths'),
      sql<number>`0`.as('absence_hundredths'),
    ])
    .where('week_start', 'in', weeks)
    .where('user_id', 'in', users)
    .where('status', '<>', 'REJECTED')
    .groupBy(['user_id', 'week_start', 'date']);
  const absences = db
    .selectFrom('absences')
    .select([
      'user_id',
      'week_start',
      'date',
      sql<number>`0`.as('entry_hundredths'),
      sql<number>`sum(hundredths)`.as('absence_hundredths'),
    ])
    .where('week_start', 'in', weeks)
    .where('user_id', 'in', users)
    .groupBy(['user_id', 'week_start', 'date']);
  const rows = await entries.unionAll(absences).execute();
  return rows.map((row) => ({
    ...row,
    entry_hundredths: Number(row.entry_hundredths),
    absence_hundredths: Number(row.absence_hundredths),
  }));
}

/** The absences of some person-weeks, by date then id. */
export function findAbsencesOfWeeks(
  db: Kysely<Database>,
  keys: readonly WeekKey[],
): Promise<AbsenceRow[]> {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('absences')
    .selectAll()
    .where('week_start', 'in', [...new Set(keys.map((key) => key.weekStart))])
    .where('user_id', 'in', [...new Set(keys.map((key) => key.userId))])
    .orderBy('date')
    .orderBy('id')
    .execute();
}

export function findAbsenceById(db: Kysely<Database>, id: string): Promise<AbsenceRow | undefined> {
  return db.selectFrom('absences').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAbsence(db: Kysely<Database>, row: NewAbsenceRow): Promise<AbsenceRow> {
  return db.insertInto('absences').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function deleteAbsence(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('absences').where('id', '=', id).execute();
}

/** The hundredths of absence a person declared on one day. */
export async function sumAbsenceHundredths(
  db: Kysely<Database>,
  userId: string,
  date: string,
): Promise<number> {
  const row = await db
    .selectFrom('absences')
    .select(sql<number>`coalesce(sum(hundredths), 0)`.as('total'))
    .where('user_id', '=', userId)
    .where('date', '=', date)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/** People of the directory employed on a day between two dates, machine clients aside. */
function expectedBetween(eb: ExpressionBuilder<Database, 'people'>, from: string, to: string) {
  return eb.and([
    eb.or([eb('employed_from', 'is', null), eb('employed_from', '<=', to)]),
    eb.or([eb('employed_until', 'is', null), eb('employed_until', '>=', from)]),
    eb('people.id', 'not like', '%@clients'),
  ]);
}

/** Everyone expected to file some week between two dates, with their employment dates. */
export function findPeopleExpectedBetween(
  db: Kysely<Database>,
  from: string,
  to: string,
): Promise<Pick<PersonRow, 'id' | 'schedule' | 'employed_from' | 'employed_until'>[]> {
  return db
    .selectFrom('people')
    .select(['id', 'schedule', 'employed_from', 'employed_until'])
    .where((eb) => expectedBetween(eb, from, to))
    .execute();
}

/** Where a page of the directory stands: the sort name (name, else id) and id of its last person. */
export interface PersonCursor {
  sortName: string;
  id: string;
}

/**
 * One page of the people expected to file the week starting `weekStart` (employed on one of its
 * days; machine clients aside) whom `reach` selects, optionally of one team, by name then id.
 */
export async function findPeopleExpected(
  db: Kysely<Database>,
  args: {
    weekStart: string;
    weekEnd: string;
    reach: (eb: ExpressionBuilder<Database, 'people'>) => Expression<SqlBool>;
    team: string | null;
    after: PersonCursor | null;
    limit: number;
  },
): Promise<{ id: string; sortName: string }[]> {
  const sortName = sql<string>`coalesce(people.name, people.id)`;
  const rows = await db
    .selectFrom('people')
    .select(['people.id', sortName.as('sort_name')])
    .where((eb) =>
      eb.and([
        expectedBetween(eb, args.weekStart, args.weekEnd),
        args.reach(eb),
        ...(args.team === null ? [] : [eb('people.team', '=', args.team)]),
        ...(args.after === null
          ? []
          : [
              eb.or([
                eb(sortName, '>', args.after.sortName),
                eb.and([
                  eb(sortName, '=', args.after.sortName),
                  eb('people.id', '>', args.after.id),
                ]),
              ]),
            ]),
      ]),
    )
    .orderBy(sortName)
    .orderBy('people.id')
    .limit(args.limit)
    .execute();
  return rows.map((row) => ({ id: row.id, sortName: row.sort_name }));
}

/** The stored person-weeks starting between two dates (inclusive). */
export function findWeeksBetween(
  db: Kysely<Database>,
  from: string,
  to: string,
): Promise<WeekRow[]> {
  return db
    .selectFrom('timesheet_weeks')
    .selectAll()
    .where('week_start', '>=', from)
    .where('week_start', '<=', to)
    .execute();
}
