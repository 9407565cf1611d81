import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { NewTimesheetEventRow, TimesheetEventRow } from './timesheet-event.table';

/**
 * Appends events, in the caller's transaction: the history of a change commits with it. The
 * table is append-only (the database refuses updates and deletes), so there is nothing else to
 * write.
 */
export async function insertEvents(
  db: Kysely<Database>,
  events: readonly NewTimesheetEventRow[],
): Promise<void> {
  if (events.length > 0) await db.insertInto('timesheet_events').values(events).execute();
}

/** The events of entries, oldest first within each entry (the (entry_id, id) primary order). */
export function findEventsByEntryIds(
  db: Kysely<Database>,
  entryIds: readonly string[],
): Promise<TimesheetEventRow[]> {
  if (entryIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('timesheet_events')
    .selectAll()
    .where('entry_id', 'in', entryIds)
    .orderBy('entry_id')
    .orderBy('id')
    .execute();
}
