import { sql } from 'kysely';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { reachCondition } from '../reach/reach-condition';
import type { ReachPurpose, Viewer } from '../reach/reach';
import type { CursorKey } from './cursor';
import type { WeekStatus } from '../weeks/week';
import type { TimesheetStatus } from './timesheet';
import type { NewTimesheetRow, TimesheetRow, TimesheetRowUpdate } from './timesheet.table';

/**
 * Which entries a list holds: one owner's (optionally between two dates) or one status, only of
 * owners a viewer reaches (`reach`), possibly only of people in some teams (`teams`).
 */
export interface TimesheetFilter {
  userId?: string;
  status?: TimesheetStatus;
  from?: string;
  to?: string;
  reach?: { viewer: Viewer; purpose: ReachPurpose };
  teams?: readonly string[];
  /** Only entries whose person-week is in this status (a week with no row is OPEN). */
  weekStatus?: Exclude<WeekStatus, 'OPEN'>;
}

/** Count and hour total (in hundredths) of the entries a filter matches. */
export interface TimesheetTotalsRow {
  count: number;
  hundredths: number;
}

type Entries = ExpressionBuilder<Database, 'timesheet_entries'>;

/** Entries whose owner is in one of `teams` (none when `teams` is empty). */
function ownedByTeams(eb: Entries, teams: readonly string[]) {
  if (teams.length === 0) return eb.lit(false);
  return eb(
    'timesheet_entries.user_id',
    'in',
    eb.selectFrom('people').select('people.id').where('people.team', 'in', teams),
  );
}

/** Entries whose person-week is in `status`. */
function weekIn(eb: Entries, status: WeekStatus) {
  return eb.exists(
    eb
      .selectFrom('timesheet_weeks')
      .select(sql<number>`1`.as('one'))
      .whereRef('timesheet_weeks.user_id', '=', 'timesheet_entries.user_id')
      .whereRef('timesheet_weeks.week_start', '=', 'timesheet_entries.week_start')
      .where('timesheet_weeks.status', '=', status),
  );
}

function matchFilter(eb: Entries, filter: TimesheetFilter) {
  return eb.and([
    ...(filter.userId !== undefined ? [eb('user_id', '=', filter.userId)] : []),
    ...(filter.status !== undefined ? [eb('status', '=', filter.status)] : []),
    ...(filter.from !== undefined ? [eb('date', '>=', filter.from)] : []),
    ...(filter.to !== undefined ? [eb('date', '<=', filter.to)] : []),
    ...(filter.reach !== undefined
      ? [reachCondition(eb, filter.reach.viewer, filter.reach.purpose, 'timesheet_entries.user_id')]
      : []),
    ...(filter.teams !== undefined ? [ownedByTeams(eb, filter.teams)] : []),
    ...(filter.weekStatus !== undefined ? [weekIn(eb, filter.weekStatus)] : []),
  ]);
}

/**
 * The query of one keyset page, newest date first and ties by id: the rows strictly after `after`.
 * The row-value comparison `(date, id) < (…)` lets both engines seek in the
 * (user_id, date, id) or (status, date, id) index and read only `limit` rows. It replaces `to`
 * as the upper bound (one bound implies the other), so that the seek starts at the cursor.
 */
export function selectTimesheetPage(
  db: Kysely<Database>,
  filter: TimesheetFilter,
  after: CursorKey | null,
  limit: number,
) {
  const useCursor = after !== null && (filter.to === undefined || after.date <= filter.to);
  const bounds = useCursor ? { ...filter, to: undefined } : filter;
  return db
    .selectFrom('timesheet_entries')
    .selectAll()
    .where((eb) => matchFilter(eb, bounds))
    .$if(useCursor, (qb) =>
      qb.where((eb) =>
        eb(eb.refTuple('date', 'id'), '<', eb.tuple(after?.date ?? '', after?.id ?? '')),
      ),
    )
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .limit(limit);
}

/** One keyset page of rows; see {@link selectTimesheetPage}. */
export function findTimesheetPage(
  db: Kysely<Database>,
  filter: TimesheetFilter,
  after: CursorKey | null,
  limit: number,
): Promise<TimesheetRow[]> {
  return selectTimesheetPage(db, filter, after, limit).execute();
}

/** How many entries a filter matches and their hours, over all pages. */
export async function countTimesheets(
  db: Kysely<Database>,
  filter: TimesheetFilter,
): Promise<TimesheetTotalsRow> {
  const row = await db
    .selectFrom('timesheet_entries')
    .select((eb) => [
      eb.fn.countAll<number>().as('count'),
      eb.fn.coalesce(eb.fn.sum<number>('hundredths'), sql<number>`0`).as('hundredths'),
    ])
    .where((eb) => matchFilter(eb, filter))
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), hundredths: Number(row.hundredths) };
}

/** One entry by id. */
export function findTimesheetById(
  db: Kysely<Database>,
  id: string,
): Promise<TimesheetRow | undefined> {
  return db.selectFrom('timesheet_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The entry an owner created with an idempotency key, if any. */
export function findTimesheetByIdempotencyKey(
  db: Kysely<Database>,
  userId: string,
  key: string,
): Promise<TimesheetRow | undefined> {
  return db
    .selectFrom('timesheet_entries')
    .selectAll()
    .where('user_id', '=', userId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/** The entries a source (an upload client) stored under any of `externalIds`. */
export function findTimesheetsByExternalIds(
  db: Kysely<Database>,
  source: string,
  externalIds: readonly string[],
): Promise<TimesheetRow[]> {
  if (externalIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('timesheet_entries')
    .selectAll()
    .where('source', '=', source)
    .where('external_id', 'in', externalIds)
    .execute();
}

/**
 * The hundredths an owner has logged on a day, not counting rejected entries, nor the entry
 * `exceptId` (an entry being edited).
 */
export async function sumDailyHundredths(
  db: Kysely<Database>,
  userId: string,
  date: string,
  exceptId?: string,
): Promise<number> {
  const row = await db
    .selectFrom('timesheet_entries')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('hundredths'), sql<number>`0`).as('total'))
    .where('user_id', '=', userId)
    .where('date', '=', date)
    .where('status', '<>', 'REJECTED')
    .$if(exceptId !== undefined, (qb) => qb.where('id', '<>', exceptId ?? ''))
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/** Inserts entries and returns the stored rows. */
export function insertTimesheets(
  db: Kysely<Database>,
  rows: readonly NewTimesheetRow[],
): Promise<TimesheetRow[]> {
  if (rows.length === 0) return Promise.resolve([]);
  return db.insertInto('timesheet_entries').values(rows).returningAll().execute();
}

/**
 * Changes an entry if it is still at `version`, and counts the change (version + 1). One
 * statement, so that of two writers holding the same version only one wins. Answers the updated
 * row, or undefined when the entry is gone or moved on.
 */
export function updateTimesheetAtVersion(
  db: Kysely<Database>,
  id: string,
  version: number,
  fields: TimesheetRowUpdate,
): Promise<TimesheetRow | undefined> {
  return db
    .updateTable('timesheet_entries')
    .set((eb) => ({ ...fields, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Which pending entries a decision may touch: those the decider reaches to decide. */
export interface DecisionScope {
  decider: Viewer;
  /** Only if the entry is still at this version. */
  version?: number;
}

/**
 * Records a decision on pending entries (one by id, or one person's week) in one statement, so
 * that two deciders racing cannot both win. Answers the updated rows.
 */
export function decidePendingTimesheets(
  db: Kysely<Database>,
  which: { id: string } | { userId: string; weekStart: string },
  scope: DecisionScope,
  decision: TimesheetRowUpdate,
): Promise<TimesheetRow[]> {
  return db
    .updateTable('timesheet_entries')
    .set((eb) => ({ ...decision, version: eb('version', '+', 1) }))
    .where((eb) =>
      eb.and([
        ...('id' in which
          ? [eb('id', '=', which.id)]
          : [eb('user_id', '=', which.userId), eb('week_start', '=', which.weekStart)]),
        eb('status', '=', 'PENDING'),
        reachCondition(eb, scope.decider, 'decide', 'timesheet_entries.user_id'),
        ...(scope.version !== undefined ? [eb('version', '=', scope.version)] : []),
      ]),
    )
    .returningAll()
    .execute();
}

/** The key of a person-week: its Monday and the person. */
export interface WeekKey {
  weekStart: string;
  userId: string;
}

/**
 * One keyset page of person-weeks holding entries a filter matches: newest week first, then by
 * person, strictly after `after`. Served by the (status, week_start, user_id) index.
 */
export async function findWeekKeys(
  db: Kysely<Database>,
  filter: TimesheetFilter,
  after: WeekKey | null,
  limit: number,
): Promise<WeekKey[]> {
  const rows = await db
    .selectFrom('timesheet_entries')
    .select(['week_start', 'user_id'])
    .distinct()
    .where((eb) => matchFilter(eb, filter))
    .$if(after !== null, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('week_start', '<', after?.weekStart ?? ''),
          eb.and([
            eb('week_start', '=', after?.weekStart ?? ''),
            eb('user_id', '>', after?.userId ?? ''),
          ]),
        ]),
      ),
    )
    .orderBy('week_start', 'desc')
    .orderBy('user_id', 'asc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ weekStart: row.week_start, userId: row.user_id }));
}

/**
 * The entries in one status (null: any) of some person-weeks, by date then creation. Reads the
 * weeks × people square through the (status, week_start, user_id) index; the caller keeps the
 * rows of the person-weeks it asked for.
 */
export function findEntriesOfWeeks(
  db: Kysely<Database>,
  status: TimesheetStatus | null,
  weeks: readonly WeekKey[],
): Promise<TimesheetRow[]> {
  if (weeks.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('timesheet_entries')
    .selectAll()
    .$if(status !== null, (qb) => qb.where('status', '=', status as TimesheetStatus))
    .where('week_start', 'in', [...new Set(weeks.map((week) => week.weekStart))])
    .where('user_id', 'in', [...new Set(weeks.map((week) => week.userId))])
    .orderBy('date')
    .orderBy('id')
    .execute();
}

/** An owner's projects, most recently used (latest date) first. */
export async function findProjectsByOwner(
  db: Kysely<Database>,
  userId: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('timesheet_entries')
    .select((eb) => ['project', eb.fn.max('date').as('last_date')])
    .where('user_id', '=', userId)
    .groupBy('project')
    .orderBy('last_date', 'desc')
    .orderBy('project', 'asc')
    .limit(limit)
    .execute();
  return rows.map((row) => row.project);
}

/**
 * Sets the entries of one person-week in `from` to `fields` (every one moves one version up), in
 * one statement; answers the rows after the change.
 */
export function updateWeekTimesheets(
  db: Kysely<Database>,
  week: WeekKey,
  from: readonly TimesheetStatus[],
  fields: TimesheetRowUpdate,
): Promise<TimesheetRow[]> {
  if (from.length === 0) return Promise.resolve([]);
  return db
    .updateTable('timesheet_entries')
    .set((eb) => ({ ...fields, version: eb('version', '+', 1) }))
    .where('user_id', '=', week.userId)
    .where('week_start', '=', week.weekStart)
    .where('status', 'in', from)
    .returningAll()
    .execute();
}

/** Every entry of one person-week, by date then creation. */
export function findTimesheetsOfWeek(db: Kysely<Database>, week: WeekKey): Promise<TimesheetRow[]> {
  return db
    .selectFrom('timesheet_entries')
    .selectAll()
    .where('user_id', '=', week.userId)
    .where('week_start', '=', week.weekStart)
    .orderBy('date')
    .orderBy('id')
    .execute();
}

/** Deletes entries by id; answers the deleted rows. */
export function deleteTimesheets(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<TimesheetRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.deleteFrom('timesheet_entries').where('id', 'in', ids).returningAll().execute();
}
