import type { Insertable, Selectable } from 'kysely';
import type { TimesheetAction } from './timesheet';

/**
 * The `timesheet_events` table: the append-only history of entries. The database refuses
 * updates and deletes (triggers in the migration). `owner_id` stays after the entry is deleted,
 * so that who may read a deleted entry's history is still known.
 */
export interface TimesheetEventTable {
  /** A UUID v7, so events sort in the order they were written. */
  id: string;
  entry_id: string;
  owner_id: string;
  at: string;
  /** A person's sub, or the client id of an automated process. */
  actor_id: string;
  action: TimesheetAction;
  /** JSON: an array of `{ field, from, to }`. */
  changes: string;
  reason: string | null;
}

export type TimesheetEventRow = Selectable<TimesheetEventTable>;
export type NewTimesheetEventRow = Insertable<TimesheetEventTable>;
