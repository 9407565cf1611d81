import { sql } from 'kysely';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { CursorKey } from './cursor';
import type { TimesheetStatus } from './timesheet';
import type { NewTimesheetRow, TimesheetRow, TimesheetRowUpdate } from './timesheet.table';

/** Which entries a list holds: one owner's (optionally between two dates) or one status. */
export interface TimesheetFilter {
  userId?: string;
  status?: TimesheetStatus;
  from?: string;
  to?: string;
}

/** Count and hour total (in hundredths) of the entries a filter matches. */
export interface TimesheetTotalsRow {
  count: number;
  hundredths: number;
}

type Entries = ExpressionBuilder<Database, 'timesheet_entries'>;

function matchFilter(eb: Entries, filter: TimesheetFilter) {
  return eb.and([
    ...(filter.userId !== undefined ? [eb('user_id', '=', filter.userId)] : []),
    ...(filter.status !== undefined ? [eb('status', '=', filter.status)] : []),
    ...(filter.from !== undefined ? [eb('date', '>=', filter.from)] : []),
    ...(filter.to !== undefined ? [eb('date', '<=', filter.to)] : []),
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

/** The hundredths an owner has logged on a day, not counting rejected entries. */
export async function sumDailyHundredths(
  db: Kysely<Database>,
  userId: string,
  date: string,
): Promise<number> {
  const row = await db
    .selectFrom('timesheet_entries')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('hundredths'), sql<number>`0`).as('total'))
    .where('user_id', '=', userId)
    .where('date', '=', date)
    .where('status', '<>', 'REJECTED')
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/**
 * PostgreSQL only: holds transaction-scoped advisory locks on owners' days, so that transactions
 * checking the same day's total run one after the other. Locks are taken in one fixed order, so
 * that two transactions sharing several days cannot deadlock.
 */
export async function lockOwnerDays(
  db: Kysely<Database>,
  days: readonly { user_id: string; date: string }[],
): Promise<void> {
  // The date has a fixed width, so `date user_id` names one owner's day unambiguously.
  const keys = [...new Set(days.map((day) => `${day.date} ${day.user_id}`))].sort();
  for (const key of keys) {
    await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(db);
  }
}

/** Inserts entries and returns the stored rows. */
export function insertTimesheets(
  db: Kysely<Database>,
  rows: readonly NewTimesheetRow[],
): Promise<TimesheetRow[]> {
  if (rows.length === 0) return Promise.resolve([]);
  return db.insertInto('timesheet_entries').values(rows).returningAll().execute();
}

/** Deletes an owner's entry unless it is approved; answers whether a row went. */
export async function deleteUnapprovedTimesheet(
  db: Kysely<Database>,
  userId: string,
  id: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('timesheet_entries')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('status', '<>', 'APPROVED')
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * Records a decision on a pending entry of someone other than the decider, in one statement so that
 * two deciders racing cannot both win. Answers the updated row, or undefined when nothing matched.
 */
export function decidePendingTimesheet(
  db: Kysely<Database>,
  id: string,
  deciderId: string,
  decision: TimesheetRowUpdate,
): Promise<TimesheetRow | undefined> {
  return db
    .updateTable('timesheet_entries')
    .set(decision)
    .where('id', '=', id)
    .where('status', '=', 'PENDING')
    .where('user_id', '<>', deciderId)
    .returningAll()
    .executeTakeFirst();
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
