import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';
import type { TimesheetStatus } from './timesheet';

/**
 * The `timesheet_entries` table. Dates are `YYYY-MM-DD` text and instants ISO 8601 UTC text, so
 * ordering is lexicographic on SQLite and PostgreSQL alike; hours are stored in hundredths.
 */
export interface TimesheetTable {
  /** A UUID v7, so ids sort in creation order. */
  id: string;
  user_id: string;
  date: string;
  project: string;
  hundredths: number;
  notes: string | null;
  status: ColumnType<TimesheetStatus, TimesheetStatus | undefined, TimesheetStatus>;
  rejection_reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
  /** The writer: the user's sub, or the client id of an automated process. */
  source: string;
  idempotency_key: string | null;
  external_id: string | null;
  /** 1 at creation, one more on every change. */
  version: ColumnType<number, number | undefined, number>;
  updated_at: string;
  /** The Monday of the entry's week (core's week math), for the approval queue. */
  week_start: string;
}

export type TimesheetRow = Selectable<TimesheetTable>;
export type NewTimesheetRow = Insertable<TimesheetTable>;
export type TimesheetRowUpdate = Updateable<TimesheetTable>;
